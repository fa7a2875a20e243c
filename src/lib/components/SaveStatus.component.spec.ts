import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentSession, SaveState } from '$lib/assessment/session.svelte';
import SaveStatus from './SaveStatus.svelte';

const sessionIn = (save: SaveState) => ({ save }) as unknown as AssessmentSession;
const at = new Date(2026, 10, 30, 10, 51, 7);

afterEach(() => vi.useRealTimers());

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
		expect(screen.getByRole('status').textContent).toBe('');
		await rerender({
			session: sessionIn({ state: 'error', message: 'The device is full.' })
		});
		expect(screen.getByRole('status')).toHaveTextContent('The device is full.');
		expect(screen.getByRole('button', { name: 'Try saving again' })).toBeInTheDocument();
	});

	it('pins a problem to the foot of the screen, makes room for it below the page, and gives the room back once it is solved', async () => {
		const root = document.documentElement;
		const { rerender } = render(SaveStatus, { session: sessionIn({ state: 'saved', at }) });
		expect(root.style.getPropertyValue('--pinned-message-height')).toBe('');
		await rerender({ session: sessionIn({ state: 'error', message: 'The device is full.' }) });
		expect(screen.getByText('Not saved on this device')).toBeInTheDocument();
		expect(screen.getByRole('status').parentElement).toHaveClass('shown');
		expect(root.style.getPropertyValue('--pinned-message-height')).toMatch(/^\d+px$/);
		await rerender({ session: sessionIn({ state: 'saved', at }) });
		expect(screen.getByRole('status').parentElement).not.toHaveClass('shown');
		expect(root.style.getPropertyValue('--pinned-message-height')).toBe('');
	});
});
