import { device } from '$lib/storage/device';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	const d = await device();
	if (d.status !== 'ready') return { workshops: [], unavailable: d.message };
	const listed = await (await d.workshops()).list();
	const withTitles = await Promise.all(
		listed.map(async ({ workshop, responses }) => {
			const consensus = await d.assessments.load(workshop.assessmentId);
			return { workshop, responses, title: consensus.ok ? consensus.assessment.title : 'Workshop' };
		})
	);
	return { workshops: withTitles, unavailable: null };
};
