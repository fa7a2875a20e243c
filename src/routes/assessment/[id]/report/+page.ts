import { error } from '@sveltejs/kit';
import { openSession } from '$lib/assessment/open';
import { openDesk } from '$lib/workshop/open';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const opened = await openSession(params.id);
	if (!opened.ok) error(opened.reason === 'missing' ? 404 : 409, opened.message);
	const workshopId = opened.session.assessment.workshopId;
	const desk = workshopId ? await openDesk(workshopId) : null;
	return { session: opened.session, desk: desk?.ok ? desk.desk : null };
};
