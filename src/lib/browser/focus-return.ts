import { tick } from 'svelte';

/**
 * Moves focus to a control, by its id, once the change just made is drawn: the button pressed went
 * with that change, and focus goes to the control in its place rather than falling to the page.
 * Given more than one id, the first drawn takes it.
 */
export async function focusOnceDrawn(...ids: string[]): Promise<void> {
	await tick();
	for (const id of ids) {
		const control = document.getElementById(id);
		if (control) return control.focus();
	}
}

/**
 * Remembers where a person was working before they went to a message's buttons, so focus can go
 * back there when the message and its buttons go: the last field they typed in or answer they
 * chose, else wherever focus came from into the message.
 */
export function rememberWorkOutside(message: () => HTMLElement | undefined) {
	let lastWorkedIn: HTMLElement | null = null;
	let cameFrom: HTMLElement | null = null;
	const outside = (el: EventTarget | null): el is HTMLElement =>
		el instanceof HTMLElement && !message()?.contains(el);
	const worked = (event: Event) => {
		if (outside(event.target)) lastWorkedIn = event.target;
	};
	const entered = (event: FocusEvent) => {
		if (message()?.contains(event.target as Node) && outside(event.relatedTarget))
			cameFrom = event.relatedTarget;
	};
	document.addEventListener('input', worked, true);
	document.addEventListener('change', worked, true);
	document.addEventListener('focusin', entered, true);
	return {
		/** Puts focus back, if it was lost with the button pressed (it is on the page itself). */
		returnFocus() {
			const lost = !document.activeElement || document.activeElement === document.body;
			const back = [lastWorkedIn, cameFrom].find((el) => el?.isConnected);
			if (lost && back) back.focus();
			cameFrom = null;
		},
		stop() {
			document.removeEventListener('input', worked, true);
			document.removeEventListener('change', worked, true);
			document.removeEventListener('focusin', entered, true);
		}
	};
}
