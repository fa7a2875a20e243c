import { bank } from '$lib/content';
import { device } from '$lib/storage/device';
import type { Assessment } from '$lib/model/assessment';
import { createAssessment } from './create';
import { AssessmentSession } from './session.svelte';
import { contentUpgrade, newerBankNotice } from './content-upgrade';

export type Opened =
	| { ok: true; session: AssessmentSession }
	| { ok: false; reason: 'missing' | 'newer' | 'unreadable' | 'unavailable'; message: string };

/** One session per assessment per page, shared by the wizard, the plan and the report. */
const sessions = new Map<string, Promise<Opened>>();

/**
 * Opens a saved assessment for editing, or says plainly why it cannot. An assessment made with an
 * earlier question bank is brought up to date on opening: answers to reworded statements are kept
 * as "earlier" and marked for re-rating, never silently carried over.
 */
export function openSession(id: string): Promise<Opened> {
	let opened = sessions.get(id);
	if (!opened) {
		opened = (async (): Promise<Opened> => {
			const d = await device();
			if (d.status !== 'ready') return { ok: false, reason: 'unavailable', message: d.message };
			const loaded = await d.assessments.load(id);
			if (!loaded.ok) return loaded;
			const session = new AssessmentSession(loaded.assessment, d.assessments, {
				stored: true,
				channel: d.channel
			});
			const newer = newerBankNotice(loaded.assessment, bank);
			session.notices = newer ? [...loaded.notices, newer] : loaded.notices;
			const upgrade = contentUpgrade(loaded.assessment, bank);
			if (upgrade) {
				session.change(upgrade.change);
				session.notices = [...session.notices, upgrade.notice];
			}
			return { ok: true, session };
		})();
		sessions.set(id, opened);
		// A failure is not remembered: the next visit tries again (storage may have been freed).
		void opened.then((o) => {
			if (!o.ok) sessions.delete(id);
		});
	}
	return opened;
}

/**
 * A new assessment that exists only on screen until the first answer or name: then it is saved,
 * and `onCreated` lets the page move to its permanent address.
 */
export async function newSession(onCreated: (id: string) => void): Promise<AssessmentSession> {
	const d = await device();
	const assessment: Assessment = createAssessment(bank.version);
	const session =
		d.status === 'ready'
			? new AssessmentSession(assessment, d.assessments, {
					stored: false,
					channel: d.channel,
					onCreated
				})
			: new AssessmentSession(assessment, null, { stored: false, unavailableMessage: d.message });
	sessions.set(assessment.id, Promise.resolve({ ok: true, session }));
	return session;
}
