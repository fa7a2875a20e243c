import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { bank } from '$lib/content';
import { resolveTerms } from '$lib/content/terms';
import type { StatementResult } from '$lib/scoring';
import StatementItem from './StatementItem.svelte';

const terms = resolveTerms(
	{ consumerTerm: 'patient', peerTerm: 'peer-support-specialist', bpdSpecific: 'no' },
	bank.terminology
);

function resultFor(id: string, overrides: Partial<StatementResult> = {}): StatementResult {
	const s = bank.statementById.get(id)!;
	return {
		id,
		domainId: s.domainId,
		text: s.text.replace('{peers}', 'peer support specialists'),
		critical: s.critical,
		weight: 1,
		status: 'unanswered',
		rating: undefined,
		note: '',
		...overrides
	};
}

describe('StatementItem', () => {
	it('is a real radio group named by the statement, with every level described', () => {
		const statement = bank.statementById.get('ROLE-1')!;
		render(StatementItem, {
			statement,
			result: resultFor('ROLE-1'),
			terms,
			onrate: vi.fn(),
			onnote: vi.fn()
		});
		const group = screen.getByRole('group', { name: /ROLE-1.*Critical.*written role description/ });
		expect(group.tagName).toBe('FIELDSET');
		const radios = screen.getAllByRole('radio');
		expect(radios).toHaveLength(6); // five levels and "Don't know"; this statement does not allow "Not applicable"
		expect(
			screen.getByRole('radio', { name: /^0 · Not in place There is no role description\./ })
		).toBeInTheDocument();
		expect(
			screen.getByRole('radio', {
				name: /^4 · In place and reviewed with peer support specialists/
			})
		).toBeInTheDocument();
		expect(new Set(radios.map((r) => (r as HTMLInputElement).name)).size).toBe(1);
	});

	it('offers "Not applicable" only where the statement allows it, saying what it means', () => {
		const statement = bank.statementById.get('HR-8')!;
		render(StatementItem, {
			statement,
			result: resultFor('HR-8'),
			terms,
			onrate: vi.fn(),
			onnote: vi.fn()
		});
		expect(
			screen.getByRole('radio', { name: /^Not applicable All peer roles are paid\./ })
		).toBeInTheDocument();
	});

	it('reports a choice and a note to its owner', async () => {
		const user = userEvent.setup();
		const onrate = vi.fn();
		const onnote = vi.fn();
		const statement = bank.statementById.get('GOV-1')!;
		render(StatementItem, { statement, result: resultFor('GOV-1'), terms, onrate, onnote });
		expect(screen.queryByRole('button', { name: /Clear the answer/ })).toBeNull();
		await user.click(screen.getByRole('radio', { name: /^Don't know/ }));
		expect(onrate).toHaveBeenLastCalledWith('dont-know');
		await user.type(screen.getByLabelText(/^Note/), 'ok');
		expect(onnote).toHaveBeenLastCalledWith('ok');
	});

	it('shows the saved answer as checked and can clear it', async () => {
		const onrate = vi.fn();
		const statement = bank.statementById.get('GOV-1')!;
		render(StatementItem, {
			statement,
			result: resultFor('GOV-1', { status: 'rated', rating: 2 }),
			terms,
			onrate,
			onnote: vi.fn()
		});
		expect(screen.getByRole('radio', { name: /^2 · Agreed or planned/ })).toBeChecked();
		await userEvent
			.setup()
			.click(screen.getByRole('button', { name: 'Clear the answer to GOV-1' }));
		expect(onrate).toHaveBeenLastCalledWith(undefined);
	});

	it('shows notes and statement text as text, never as markup', () => {
		const statement = bank.statementById.get('LEAD-2')!;
		const { container } = render(StatementItem, {
			statement,
			result: resultFor('LEAD-2', { note: '<img src=x onerror=alert(1)>' }),
			terms,
			onrate: vi.fn(),
			onnote: vi.fn()
		});
		expect(container.querySelector('img')).toBeNull();
		expect(screen.getByLabelText(/^Note/)).toHaveValue('<img src=x onerror=alert(1)>');
	});

	it('shows why the statement matters and its sources on demand', async () => {
		const statement = bank.statementById.get('CULT-1')!;
		render(StatementItem, {
			statement,
			result: resultFor('CULT-1'),
			terms,
			onrate: vi.fn(),
			onnote: vi.fn()
		});
		const summary = screen.getByText(/Why this matters and where it comes from/);
		await userEvent.setup().click(summary);
		expect(screen.getByText(/Barr recommendations:/).parentElement).toHaveTextContent('R1');
		expect(
			screen.getByText(/Barr, Townsend & Grenyer \(2020\), section "Table 3"/)
		).toBeInTheDocument();
	});
});
