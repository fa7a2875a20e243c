import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { bank } from '$lib/content';
import { resolveTerms } from '$lib/content/terms';
import { statementWording } from '$lib/content/wording';
import type { Answer } from '$lib/model/assessment';
import StatementItem from './StatementItem.svelte';

const terms = resolveTerms(
	{ consumerTerm: 'patient', peerTerm: 'peer-support-specialist', bpdSpecific: 'no' },
	bank.terminology
);
const context = { decisions: {}, bpdSpecific: 'no' as const };

function show(
	id: string,
	answer?: Answer,
	audience: 'alone' | 'lived-experience' = 'alone',
	issue?: 'rerate'
) {
	const statement = bank.statementById.get(id)!;
	const wording = statementWording(statement, context, terms, audience);
	const props = {
		statement,
		text: wording.text,
		levels: wording.levels,
		terms,
		answer,
		issue,
		critical: statement.critical,
		audience,
		onrate: vi.fn(),
		onnote: audience === 'alone' ? vi.fn() : undefined,
		onlived: vi.fn()
	};
	const { rerender } = render(StatementItem, props);
	return { ...props, rerender };
}

describe('a statement to rate', () => {
	it('is a radio group named by its title and text, with every level described and no statement code', () => {
		show('ROLE-1');
		const group = screen.getByRole('group', { name: /written role description/i });
		expect(group.tagName).toBe('FIELDSET');
		expect(group.textContent).not.toMatch(/ROLE-1/);
		expect(screen.getByText('Must be in place before recruiting')).toBeInTheDocument();
		const radios = screen.getAllByRole('radio');
		expect(radios).toHaveLength(6);
		expect(
			screen.getByRole('radio', { name: /^0 · Not in place There is no role description\./ })
		).toBeInTheDocument();
		expect(new Set(radios.map((r) => (r as HTMLInputElement).name)).size).toBe(1);
	});

	it('sends the chosen level, offers to clear it, and to undo the clearing', async () => {
		const props = show('GOV-1', { rating: 2 });
		const user = userEvent.setup();
		await user.click(screen.getByRole('radio', { name: /^3 · / }));
		// Sent just after the browser has shown the choice.
		expect(props.onrate).not.toHaveBeenCalled();
		await vi.waitFor(() => expect(props.onrate).toHaveBeenCalledWith(3));
		await user.click(screen.getByRole('button', { name: /Clear the answer/ }));
		expect(props.onrate).toHaveBeenLastCalledWith(undefined);
		await props.rerender({ answer: undefined });
		await user.click(screen.getByRole('button', { name: /Undo clear/ }));
		expect(props.onrate).toHaveBeenLastCalledWith(2);
		await props.rerender({ answer: { rating: 2 } });
		expect(screen.queryByRole('button', { name: /Undo clear/ })).toBeNull();
	});

	it('offers "Considered, and decided not to" only on "consider" statements, and then asks why', () => {
		show('ACCESS-2', { rating: 'declined' });
		expect(screen.getByRole('radio', { name: /Considered, and decided not to/ })).toBeChecked();
		expect(screen.getByRole('textbox', { name: /Why you decided not to/ })).toBeInTheDocument();
	});

	it('asks whether a rating was made with people with lived experience where only they can judge it', async () => {
		const props = show('TEAM-4', { rating: 3 });
		await userEvent.setup().click(
			screen.getByRole('checkbox', {
				name: /made with, or checked by, people with lived experience/i
			})
		);
		expect(props.onlived).toHaveBeenCalledWith(true);
	});

	it('keeps the lived-experience check in place after "Clear", so "Undo clear" stays under the finger', async () => {
		const props = show('TEAM-4', { rating: 3 });
		await userEvent.setup().click(screen.getByRole('button', { name: /Clear the answer/ }));
		await props.rerender({ answer: undefined });
		const check = screen.getByRole('checkbox', { name: /made with, or checked by/i });
		expect(check).toBeDisabled();
		expect(check).not.toBeChecked();
		expect(screen.getByRole('button', { name: /Undo clear/ })).toBeInTheDocument();
	});

	it('puts the cursor in the note box when "Add a note" is pressed', async () => {
		show('GOV-1', { rating: 2 });
		await userEvent.setup().click(screen.getByRole('button', { name: /Add a note/ }));
		await vi.waitFor(() => expect(screen.getByRole('textbox', { name: /Note/ })).toHaveFocus());
	});

	it('shows consumers plain wording without the evidence panel or notes', () => {
		show('CULT-3', undefined, 'lived-experience');
		expect(
			screen.getByRole('group', { name: /their own goals and a good life/ })
		).toBeInTheDocument();
		expect(screen.queryByText(/Why this matters/)).toBeNull();
		expect(screen.queryByRole('button', { name: /Add a note/ })).toBeNull();
	});

	it('says when the wording changed since the earlier answer, and what that answer was', () => {
		show('SUPP-1', { earlier: { rating: 3 } } as Answer, 'alone', 'rerate');
		expect(
			screen.getByText(/wording of this statement changed.*Your earlier answer: 3 – In place\./)
		).toBeInTheDocument();
		expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
	});
});
