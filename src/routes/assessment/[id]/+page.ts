import { error, redirect } from '@sveltejs/kit';
import { openSession } from '$lib/assessment/open';
import { bank } from '$lib/content';
import { stepOfPosition, wizardSteps } from '$lib/flow/steps';
import type { PageLoad } from './$types';

/** /assessment/<id> opens the step the person was last on. */
export const load: PageLoad = async ({ params }) => {
	const opened = await openSession(params.id);
	if (!opened.ok) error(opened.reason === 'missing' ? 404 : 409, opened.message);
	const step = stepOfPosition(wizardSteps(bank), opened.session.assessment.position);
	redirect(307, `/assessment/${params.id}/${step.slug}`);
};
