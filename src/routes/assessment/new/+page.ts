import { newSession } from '$lib/assessment/open';
import { addressNewAssessment } from '$lib/browser/step-address';
import type { PageLoad } from './$types';

/**
 * A new assessment exists only on screen until the first answer or name. Once saved, the address
 * becomes its own, without reloading the page (the person may be typing).
 */
export const load: PageLoad = async () => ({
	session: await newSession((id) => addressNewAssessment(id, 'about'))
});
