import { error } from '@sveltejs/kit';
import { openDesk } from '$lib/workshop/open';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const opened = await openDesk(params.id);
	if (!opened.ok) error(opened.missing ? 404 : 409, opened.message);
	return { desk: opened.desk };
};
