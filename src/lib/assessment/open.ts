import { deviceRepository } from '$lib/storage/browser';
import { AssessmentSession } from './session.svelte';

export type Opened =
	{ ok: true; session: AssessmentSession; notices: string[] } | { ok: false; message: string };

/** Opens a saved assessment for editing, or says plainly why it cannot. */
export function openSession(id: string): Opened {
	const { repository } = deviceRepository();
	const loaded = repository.load(id);
	if (!loaded)
		return { ok: false, message: 'There is no saved assessment with this address on this device.' };
	if (!loaded.ok) {
		return {
			ok: false,
			message: `This saved assessment could not be read and has been set aside so it is not lost (${loaded.message}) You can download it from the home page.`
		};
	}
	return {
		ok: true,
		session: new AssessmentSession(loaded.assessment, repository),
		notices: loaded.notices
	};
}
