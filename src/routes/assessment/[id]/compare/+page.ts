import { error } from '@sveltejs/kit';
import { openSession } from '$lib/assessment/open';
import { device } from '$lib/storage/device';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const opened = await openSession(params.id);
	if (!opened.ok) error(opened.reason === 'missing' ? 404 : 409, opened.message);
	const d = await device();
	const others =
		d.status === 'ready'
			? (await d.assessments.list()).assessments.filter((a) => a.id !== params.id)
			: [];
	return { session: opened.session, others };
};
