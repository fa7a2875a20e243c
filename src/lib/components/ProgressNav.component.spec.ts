import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { resolveTerms } from '$lib/content/terms';
import { wizardSteps } from '$lib/flow/steps';
import type { Wizard } from '$lib/flow/wizard.svelte';
import { answeringProgress } from '$lib/scoring';
import { allDecisionsMade, inputWith } from '$lib/testing/scoring-fixtures';
import WithWizard from '$lib/testing/WithWizard.svelte';
import ProgressNav from './ProgressNav.svelte';

const terms = resolveTerms({ consumerTerm: 'consumer', peerTerm: 'peer-worker' }, bank.terminology);

describe('the list of steps', () => {
	it('links every step to its own address, counts answers per area and marks where you are', () => {
		const progress = answeringProgress(
			inputWith(undefined, { 'LEAD-1': 3, 'LEAD-2': 'dont-know', 'LEAD-3': 0 }, allDecisionsMade),
			bank
		);
		const children = createRawSnippet((wizard: () => Wizard) => ({
			render: () => '<div></div>',
			setup: (target) => {
				render(ProgressNav, { target, props: { wizard: wizard(), progress, terms } });
			}
		}));
		render(WithWizard, { start: { step: 'domain', index: 0 }, id: 'a1', children });
		const lead = screen.getByRole('link', { name: /Leadership, strategy and resourcing 3 of \d+/ });
		expect(lead).toHaveAttribute('aria-current', 'step');
		expect(lead).toHaveAttribute('href', `/assessment/a1/${bank.domains[0]!.slug}`);
		expect(screen.getByText(/^Overall: 3 of \d+ answered$/)).toBeInTheDocument();
		expect(screen.getByRole('progressbar')).toHaveAttribute('value', '3');
		expect(screen.getAllByRole('link')).toHaveLength(wizardSteps(bank).length);
	});
});
