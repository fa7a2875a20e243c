import { error } from '@sveltejs/kit';
import { openSession } from '$lib/assessment/open';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const opened = await openSession(params.id);
	if (!opened.ok) error(opened.reason === 'missing' ? 404 : 409, opened.message);
	return { session: opened.session };
};
