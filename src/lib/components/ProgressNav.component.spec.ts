import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { bank } from '$lib/content';
import { scoreAssessment } from '$lib/scoring';
import { allDecisionsMade, inputWith } from '$lib/scoring/fixtures';
import ProgressNav from './ProgressNav.svelte';

describe('ProgressNav', () => {
	it('shows answered counts per domain and overall, and marks the current step', () => {
		const result = scoreAssessment(
			inputWith(undefined, { 'LEAD-1': 3, 'LEAD-2': 'dont-know', 'LEAD-3': 0 }, allDecisionsMade),
			bank
		);
		render(ProgressNav, { result, position: { step: 'domain', index: 0 }, ongo: vi.fn() });
		const lead = screen.getByRole('button', {
			name: /Leadership, strategy and resourcing 3 of 6 answered/
		});
		expect(lead).toHaveAttribute('aria-current', 'step');
		expect(screen.getByText(/^Overall: 3 of \d+ answered$/)).toBeInTheDocument();
		expect(screen.getByRole('progressbar')).toHaveAttribute('value', '3');
	});

	it('asks to go to the chosen step', async () => {
		const ongo = vi.fn();
		const result = scoreAssessment(inputWith(undefined, {}, {}), bank);
		render(ProgressNav, { result, position: { step: 'profile' }, ongo });
		await userEvent
			.setup()
			.click(screen.getByRole('button', { name: /Team integration and power/ }));
		expect(ongo).toHaveBeenCalledWith({ step: 'domain', index: 7 });
		expect(screen.getByRole('button', { name: /Decisions 13 open/ })).toBeInTheDocument();
	});
});
