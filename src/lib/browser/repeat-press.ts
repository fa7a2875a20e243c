/**
 * The second press of a double-click chooses nothing. It carries the intent of the first, often on a
 * control that has moved away: a double-click on Next lands its second press on the step Next
 * opened, and must not answer a statement or make a decision there.
 */
export function ignoreRepeatPress(event: MouseEvent): void {
	if (event.detail > 1) event.preventDefault();
}

/**
 * For a group of choices (`{@attach ignoringRepeatPresses}`): a repeat press neither moves focus
 * (mousedown) nor chooses (click). It adds no behaviour of its own, only takes one away.
 */
export function ignoringRepeatPresses(group: HTMLElement): () => void {
	group.addEventListener('mousedown', ignoreRepeatPress, true);
	group.addEventListener('click', ignoreRepeatPress, true);
	return () => {
		group.removeEventListener('mousedown', ignoreRepeatPress, true);
		group.removeEventListener('click', ignoreRepeatPress, true);
	};
}
