import { bank } from '$lib/content';
import { device } from '$lib/storage/device';
import { hasLeftUnsaved, takeLeftUnsaved, type MadeChange } from '$lib/storage/left-unsaved';
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
			const record = loaded.ok ? loaded.assessment : createAssessment(bank.version, new Date(), id);
			const leftUnsaved = takeLeftUnsaved(id, record, { stored: loaded.ok });
			// A new assessment this tab showed, not saved yet: its address opens it again, empty, or with
			// the changes whose first save was cut short when its page was left.
			if (!loaded.ok && loaded.reason === 'missing' && newHere().includes(id)) {
				const session = unsavedSession(d, record);
				saveLeftUnsaved(session, leftUnsaved);
				return { ok: true, session };
			}
			if (!loaded.ok) return loaded;
			const session = new AssessmentSession(loaded.assessment, d.assessments, {
				stored: true,
				channel: d.channel
			});
			const newer = newerBankNotice(loaded.assessment, bank);
			session.notices = newer ? [...loaded.notices, newer] : loaded.notices;
			saveLeftUnsaved(session, leftUnsaved);
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

/** Saves the changes a page left unsaved as it went (they are shown at once, as if just made). */
function saveLeftUnsaved(session: AssessmentSession, made: MadeChange[]) {
	if (!made.length) return;
	let saved = 0;
	for (const { change, found, madeAt } of made)
		if (session.change(change, { found, madeAt })) saved++;
	if (saved)
		session.notices = [
			...session.notices,
			'The last changes made before this assessment was closed had not finished saving. They are saved now.'
		];
}

/**
 * A new assessment that exists only on screen until the first answer or name: then it is saved,
 * and `onCreated` lets the page move to its permanent address. Until then this tab remembers its
 * id, so the wizard's steps can have their own addresses and still open after a reload.
 */
export async function newSession(onCreated: (id: string) => void): Promise<AssessmentSession> {
	const d = await device();
	// This tab's new assessment whose first save was cut short as the page went (a reload while it
	// was being named): it comes back, and what was typed is saved now.
	const cutShort =
		d.status === 'ready' ? [...newHere()].reverse().find((id) => hasLeftUnsaved(id)) : undefined;
	const session = unsavedSession(
		d,
		createAssessment(bank.version, new Date(), cutShort),
		onCreated
	);
	if (cutShort)
		saveLeftUnsaved(session, takeLeftUnsaved(cutShort, session.assessment, { stored: false }));
	sessions.set(session.id, Promise.resolve({ ok: true, session }));
	rememberNew(session.id);
	return session;
}

function unsavedSession(
	d: Awaited<ReturnType<typeof device>>,
	assessment: Assessment,
	onCreated?: (id: string) => void
): AssessmentSession {
	if (d.status !== 'ready')
		return new AssessmentSession(assessment, null, {
			stored: false,
			unavailableMessage: d.message
		});
	return new AssessmentSession(assessment, d.assessments, {
		stored: false,
		channel: d.channel,
		onCreated: (id) => {
			forgetNew(id);
			onCreated?.(id);
		}
	});
}

// The new assessments shown in this tab and not saved yet, newest last. Session storage lasts as
// long as the tab's history does, and is the tab's alone.
const NEW_HERE_KEY = 'peer-work-readiness:new-unsaved';
const NEW_HERE_KEPT = 10;

function newHere(): string[] {
	try {
		const ids: unknown = JSON.parse(sessionStorage.getItem(NEW_HERE_KEY) ?? '[]');
		return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
}

function keepNewHere(ids: string[]) {
	try {
		sessionStorage.setItem(NEW_HERE_KEY, JSON.stringify(ids.slice(-NEW_HERE_KEPT)));
	} catch {
		// Without session storage, an unsaved assessment's address does not survive a reload.
	}
}

function rememberNew(id: string) {
	keepNewHere([...newHere().filter((x) => x !== id), id]);
}

/** Once saved, the id is no longer "new": if it is deleted later, its address says so. */
function forgetNew(id: string) {
	keepNewHere(newHere().filter((x) => x !== id));
}
