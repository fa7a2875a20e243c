import { readTextFile } from '$lib/browser/download';
import type { Assessment } from '$lib/model/assessment';
import { applyChange, ChangeRefused } from '$lib/model/changes';
import { LIMITS } from '$lib/model/limits';
import type { AssessmentStore, NewerRecord, Removed } from '$lib/storage/assessments';
import type { ChangeChannel } from '$lib/storage/channel';
import type { SetAsideRecord } from '$lib/storage/db';
import { device, persistence, type Persistence } from '$lib/storage/device';
import { leftUnsavedEntries, putBackLeftUnsaved, dropLeftUnsaved } from '$lib/storage/left-behind';
import { leftWithoutRecord, takeLeftUnsaved } from '$lib/storage/left-unsaved';
import { readAssessmentText } from '$lib/storage/validate';
import { createAssessment, displayTitle, duplicateAssessment, newId } from './create';

export type LibraryMessage = { kind: 'ok' | 'error' | 'warn'; text: string };

/** The assessments saved on this device, and everything the landing page can do with them. */
export class AssessmentLibrary {
	items: Assessment[] = $state([]);
	newer: NewerRecord[] = $state([]);
	problems: string[] = $state([]);
	setAside: SetAsideRecord[] = $state([]);
	/** New assessments whose first save never finished, their tab closed: kept only as left changes. */
	unfinished: { id: string; title: string; at: string }[] = $state([]);
	message: LibraryMessage | null = $state(null);
	lastDeleted: { removed: Removed; title: string } | null = $state(null);
	persistence: Persistence = $state('unknown');
	loaded = $state(false);
	/** Responses per workshop, so deleting a workshop's consensus says what goes with it. */
	workshopResponses: Record<string, number> = $state({});

	#unsubscribe: () => void = () => {};
	#refreshing: Promise<void> | null = null;

	constructor(
		private readonly store: AssessmentStore | null,
		channel: ChangeChannel,
		/** Why nothing can be stored here, when it cannot. */
		readonly unavailable: string | null
	) {
		this.#unsubscribe = channel.subscribe((m) => {
			if (m.type !== 'workshop') void this.refresh();
		});
	}

	/** Re-reads the device, once at a time, so bursts of changes from other tabs cost one read. */
	refresh(): Promise<void> {
		this.#refreshing ??= (async () => {
			if (this.store) {
				const listing = await this.store.list();
				this.items = listing.assessments;
				this.newer = listing.newer;
				if (listing.problems.length) this.problems = [...this.problems, ...listing.problems];
				this.setAside = await this.store.setAside();
				const stored = new Set([...this.items, ...this.newer].map((a) => a.id));
				this.unfinished = leftWithoutRecord(stored).map(({ assessmentId, changes, at }) => {
					// Named as the person last named it; the date is said beside it.
					let title = '';
					for (const change of changes)
						if (change.type === 'title' && change.title.trim()) title = change.title.trim();
						else if (change.type === 'profile' && change.patch.organisationName?.trim())
							title ||= change.patch.organisationName.trim();
					return { id: assessmentId, title: title || 'An unnamed assessment', at };
				});
			}
			if (this.store) this.workshopResponses = await this.store.responseCounts();
			this.persistence = await persistence();
			this.loaded = true;
		})().finally(() => (this.#refreshing = null));
		return this.#refreshing;
	}

	#fail(text: string) {
		this.message = { kind: 'error', text };
	}

	async duplicate(id: string) {
		const source = this.items.find((a) => a.id === id);
		if (!source || !this.store) return;
		const copy = duplicateAssessment($state.snapshot(source) as Assessment);
		const saved = await this.store.create(copy);
		if (!saved.ok) return this.#fail(saved.message);
		this.message = { kind: 'ok', text: `Made a copy: ${displayTitle(copy)}.` };
		await this.refresh();
	}

	/** Downloads a save file of one assessment and records when, as "Save a copy" inside it does. */
	async saveCopy(id: string) {
		const item = this.items.find((a) => a.id === id);
		if (!item || !this.store) return;
		const at = new Date();
		// Loaded when a copy is asked for: the list itself never needs them.
		const [{ download }, { fileName }, { exportJson }] = await Promise.all([
			import('$lib/browser/download'),
			import('$lib/format/files'),
			import('$lib/format/save-file')
		]);
		download(
			fileName(item.profile.organisationName, 'assessment', 'json', at),
			exportJson({ ...($state.snapshot(item) as Assessment), lastExportedAt: at.toISOString() }),
			'application/json'
		);
		const saved = await this.store.apply(id, [{ type: 'exported', at: at.toISOString() }]);
		if (!saved.ok) return this.#fail(saved.message);
		await this.refresh();
	}

	async rename(id: string, title: string) {
		if (!this.store) return;
		const saved = await this.store.apply(id, [{ type: 'title', title: title.trim() }]);
		if (!saved.ok) return this.#fail(saved.message);
		this.message = { kind: 'ok', text: `Renamed to ${displayTitle(saved.assessment)}.` };
		await this.refresh();
	}

	async remove(id: string) {
		const item = this.items.find((a) => a.id === id);
		if (!item || !this.store) return;
		const done = await this.store.remove(id);
		if (!done.ok) return this.#fail(done.message);
		this.lastDeleted = { removed: done.removed, title: displayTitle(item) };
		const withWorkshop = done.removed.workshop
			? `, with its workshop and ${done.removed.responses.length} participant response${done.removed.responses.length === 1 ? '' : 's'}`
			: '';
		this.message = { kind: 'warn', text: `Deleted ${displayTitle(item)}${withWorkshop}.` };
		await this.refresh();
	}

	async undoDelete() {
		if (!this.lastDeleted || !this.store) return;
		const { removed, title } = this.lastDeleted;
		// Stored values must be plain data, not the reactive proxies the page holds.
		const done = await this.store.restore($state.snapshot(removed) as Removed);
		if (!done.ok) return this.#fail(done.message);
		this.message = { kind: 'ok', text: `Restored ${title}.` };
		this.lastDeleted = null;
		await this.refresh();
	}

	/** Saves a new assessment that only its left changes held; they stay kept until it is saved. */
	async saveUnfinished(id: string) {
		const entry = this.unfinished.find((u) => u.id === id);
		if (!entry || !this.store) return;
		// The question bank is large: it loads only when such an assessment is saved. The changes are
		// read and taken after it has loaded, in one go, so a save or discard in another tab meanwhile
		// is seen here rather than saved over.
		const { bank } = await import('$lib/content');
		const kept = leftUnsavedEntries(id);
		const record = createAssessment(bank.version, new Date(entry.at), id);
		const taken = takeLeftUnsaved(id, record, { stored: false });
		if (!taken.length) {
			this.message = {
				kind: 'warn',
				text: `${entry.title} was already saved or discarded in another tab or window.`
			};
			return this.refresh();
		}
		for (const { change } of taken)
			try {
				applyChange(record, change);
			} catch (error) {
				if (!(error instanceof ChangeRefused)) throw error;
			}
		const saved = await this.store.create(record);
		if (!saved.ok) {
			// Saved meanwhile from another tab: these changes are already in it.
			if (saved.reason === 'exists')
				this.message = {
					kind: 'warn',
					text: `${entry.title} was already saved in another tab or window.`
				};
			else {
				putBackLeftUnsaved(kept);
				this.#fail(saved.message);
			}
			return this.refresh();
		}
		this.message = { kind: 'ok', text: `Saved ${entry.title} on this device.` };
		await this.refresh();
	}

	async discardUnfinished(id: string) {
		const entry = this.unfinished.find((u) => u.id === id);
		if (!entry) return;
		dropLeftUnsaved(id);
		this.message = { kind: 'warn', text: `Discarded ${entry.title}.` };
		await this.refresh();
	}

	/** A save file the person chose: too large or unreadable says why, and changes nothing. */
	async importFile(file: File): Promise<Assessment | null> {
		let text: string;
		try {
			text = await readTextFile(file, LIMITS.fileChars);
		} catch (error) {
			this.#fail(`Import failed: ${(error as Error).message}`);
			return null;
		}
		return this.importText(text);
	}

	/** Imports a save file. A file whose assessment is already stored here is added as a copy, never over it. */
	async importText(text: string): Promise<Assessment | null> {
		if (!this.store) {
			this.#fail(this.unavailable ?? 'This browser is not storing anything.');
			return null;
		}
		const read = readAssessmentText(text, { allowRepair: false });
		if (!read.ok) {
			this.#fail(`Import failed: ${read.message}`);
			return null;
		}
		let assessment = { ...read.assessment, revision: 0 };
		const notices = [...read.notices];
		const exists = await this.store.load(assessment.id);
		if (exists.ok || exists.reason !== 'missing') {
			assessment = { ...assessment, id: newId(), workshopId: undefined, kind: 'assessment' };
			delete assessment.workshopId;
			notices.unshift(
				'The same assessment is already on this device, so this was added as a separate copy.'
			);
		}
		// The question bank is large: it loads only when a file is imported, not for the list.
		const [{ bank }, { contentUpgrade, newerBankNotice, unknownAnswerIds }] = await Promise.all([
			import('$lib/content'),
			import('./content-upgrade')
		]);
		const upgrade = contentUpgrade(assessment, bank);
		if (upgrade) notices.push(upgrade.notice);
		const newer = newerBankNotice(assessment, bank);
		if (newer) notices.push(newer);
		else {
			const unknown = unknownAnswerIds(assessment, bank);
			if (unknown.length) {
				const answers = { ...assessment.answers };
				for (const id of unknown) delete answers[id];
				assessment = { ...assessment, answers };
				notices.push(
					`${unknown.length} answer${unknown.length === 1 ? ' was' : 's were'} to statements this app has never asked, so ${unknown.length === 1 ? 'it was' : 'they were'} left out.`
				);
			}
		}
		const saved = await this.store.create(assessment);
		if (!saved.ok) {
			this.#fail(`Import failed: ${saved.message}`);
			return null;
		}
		this.message = {
			kind: notices.length ? 'warn' : 'ok',
			text: [`Imported ${displayTitle(assessment)}.`, ...notices].join(' ')
		};
		await this.refresh();
		return assessment;
	}

	async discardSetAside(key: string) {
		if (!this.store) return;
		const done = await this.store.discardSetAside(key);
		if (!done.ok) return this.#fail(done.message);
		await this.refresh();
		if (this.setAside.length === 0) this.problems = [];
	}

	async clearAll() {
		if (!this.store) return;
		const done = await this.store.clearAll();
		if (!done.ok) return this.#fail(done.message);
		this.lastDeleted = null;
		this.problems = [];
		this.message = {
			kind: 'ok',
			text: 'All data from this app has been removed from this device.'
		};
		await this.refresh();
	}

	/** True when there is anything this app could clear on this device. */
	get hasData() {
		return (
			this.items.length +
				this.newer.length +
				this.setAside.length +
				this.unfinished.length +
				Object.keys(this.workshopResponses).length >
			0
		);
	}

	dispose() {
		this.#unsubscribe();
	}
}

/** The library for this device, read once it is open. */
export async function openLibrary(): Promise<AssessmentLibrary> {
	const d = await device();
	const library =
		d.status === 'ready'
			? new AssessmentLibrary(d.assessments, d.channel, null)
			: new AssessmentLibrary(null, d.channel, d.message);
	await library.refresh();
	if (d.status === 'ready' && d.moved)
		library.message = {
			kind: 'ok',
			text: `${d.moved} saved item${d.moved === 1 ? ' was' : 's were'} moved to this browser's more durable storage. Nothing was lost.`
		};
	return library;
}
