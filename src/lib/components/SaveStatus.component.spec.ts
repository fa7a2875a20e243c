import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentSession, SaveState } from '$lib/assessment/session.svelte';
import SaveStatus from './SaveStatus.svelte';

const sessionIn = (save: SaveState) => ({ save }) as unknown as AssessmentSession;
const at = new Date(2026, 10, 30, 10, 51, 7);

const full = (more: Partial<Extract<SaveState, { state: 'error' }>> = {}): SaveState => ({
	state: 'error',
	message: 'The device is full.',
	tries: 0,
	at,
	...more
});
const problemLine = () =>
	screen.getAllByRole('status').find((p) => p.classList.contains('problem')) as HTMLElement;

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('the save line', () => {
	it('keeps naming the last committed minute while a quick write is in flight, and says "Saving…" only when a write takes longer', async () => {
		vi.useFakeTimers();
		const { rerender } = render(SaveStatus, { session: sessionIn({ state: 'saved', at }) });
		expect(screen.getByText('Saved on this device at 10:51')).toBeInTheDocument();
		await rerender({ session: sessionIn({ state: 'saving', lastSaved: at }) });
		expect(screen.getByText('Saved on this device at 10:51')).toBeInTheDocument();
		await vi.advanceTimersByTimeAsync(1100);
		expect(screen.getByText('Saving…')).toBeInTheDocument();
		await rerender({ session: sessionIn({ state: 'saved', at: new Date(2026, 10, 30, 10, 52) }) });
		expect(screen.getByText('Saved on this device at 10:52')).toBeInTheDocument();
	});

	it('says "Saving…" for the first write of a new assessment, and announces a problem with a way out', async () => {
		const { rerender } = render(SaveStatus, { session: sessionIn({ state: 'saving' }) });
		expect(screen.getByText('Saving…')).toBeInTheDocument();
		expect(problemLine().textContent).toBe('');
		await rerender({ session: sessionIn(full()) });
		expect(problemLine()).toHaveTextContent('The device is full.');
		expect(screen.getByRole('button', { name: 'Try saving again' })).toBeInTheDocument();
	});

	it('pins a problem to the foot of the screen, makes room for it below the page, and gives the room back once it is solved', async () => {
		// jsdom lays nothing out: every element is drawn 60 px tall at the foot of the window.
		const box = { top: innerHeight - 60, bottom: innerHeight, height: 60 } as DOMRect;
		vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([
			box
		] as unknown as DOMRectList);
		vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(box);
		const root = document.documentElement;
		const { rerender } = render(SaveStatus, { session: sessionIn({ state: 'saved', at }) });
		expect(root.style.getPropertyValue('--pinned-message-height')).toBe('');
		await rerender({ session: sessionIn(full()) });
		expect(screen.getByText('Not saved on this device')).toBeInTheDocument();
		expect(problemLine().parentElement).toHaveClass('shown');
		expect(root.style.getPropertyValue('--pinned-message-height')).toBe('60px');
		await rerender({ session: sessionIn({ state: 'saved', at }) });
		expect(problemLine().parentElement).not.toHaveClass('shown');
		expect(root.style.getPropertyValue('--pinned-message-height')).toBe('');
	});

	it('keeps the message and its button while a try runs, and says when a try failed again, so trying is never met with nothing', async () => {
		const { rerender } = render(SaveStatus, { session: sessionIn(full()) });
		await rerender({ session: sessionIn(full({ trying: true })) });
		const busy = screen.getByRole('button', { name: 'Trying to save…' });
		expect(busy).toHaveAttribute('aria-disabled', 'true');
		expect(problemLine()).toHaveTextContent('The device is full.');
		await rerender({ session: sessionIn(full({ tries: 1 })) });
		expect(screen.getByRole('button', { name: 'Try saving again' })).toHaveAttribute(
			'aria-disabled',
			'false'
		);
		expect(problemLine()).toHaveTextContent('Tried again at 10:51: still not saved.');
		await rerender({ session: sessionIn(full({ tries: 3 })) });
		expect(problemLine()).toHaveTextContent(
			'Tried again 3 times, the last at 10:51: still not saved.'
		);
	});

	it('once a try saves, puts the keyboard back in the field the person was working in, not on what they passed on the way', async () => {
		const user = userEvent.setup();
		const note = document.createElement('textarea');
		note.setAttribute('aria-label', 'a note being written');
		const answer = document.createElement('input');
		answer.type = 'radio';
		answer.setAttribute('aria-label', 'an answer passed on the way');
		document.body.append(note, answer);
		const session = { save: full(), retry: vi.fn() } as unknown as AssessmentSession;
		const { rerender } = render(SaveStatus, { session });
		await user.type(note, 'Evidence from the staff survey');
		answer.focus();
		await user.tab();
		expect(screen.getByRole('button', { name: 'Download a copy' })).toHaveFocus();
		await user.tab();
		const retry = screen.getByRole('button', { name: 'Try saving again' });
		expect(retry).toHaveFocus();
		await user.click(retry);
		expect(session.retry).toHaveBeenCalledOnce();
		await rerender({ session: sessionIn({ state: 'saved', at }) });
		expect(screen.queryByRole('button', { name: 'Try saving again' })).toBeNull();
		expect(note).toHaveFocus();
		expect(screen.getByText('Saved on this device again.')).toHaveAttribute('role', 'status');
		note.remove();
		answer.remove();
	});
});
