import { error } from '@sveltejs/kit';
import { openSession } from '$lib/assessment/open';
import { bank } from '$lib/content';
import { wizardSteps } from '$lib/flow/steps';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	if (!wizardSteps(bank).some((s) => s.slug === params.step))
		error(404, 'There is no such step in the assessment.');
	const opened = await openSession(params.id);
	if (!opened.ok) error(opened.reason === 'missing' ? 404 : 409, opened.message);
	return { session: opened.session, step: params.step };
};
