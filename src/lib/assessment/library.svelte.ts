import { CONTENT_VERSION } from '$lib/content/version';
import type { AssessmentRepository, QuarantinedEntry } from '$lib/storage/repository';
import { parseAssessmentText } from '$lib/storage/validate';
import { createAssessment, displayTitle, duplicateAssessment, newId } from './create';
import type { Assessment } from './types';

export type LibraryMessage = { kind: 'ok' | 'error' | 'warn'; text: string };

/** The assessments saved on this device, and everything the landing page can do with them. */
export class AssessmentLibrary {
	items: Assessment[] = $state([]);
	problems: string[] = $state([]);
	quarantined: QuarantinedEntry[] = $state([]);
	message: LibraryMessage | null = $state(null);
	lastDeleted: Assessment | null = $state(null);

	constructor(
		private readonly repository: AssessmentRepository,
		readonly persistent: boolean
	) {
		this.refresh();
		if (!persistent) {
			this.problems = [
				...this.problems,
				'This browser is not letting the app store data, so work will be lost when you close the tab. Export a JSON file to keep it.'
			];
		}
	}

	refresh() {
		const { assessments, problems } = this.repository.list();
		this.items = assessments;
		this.problems = [...this.problems, ...problems];
		this.quarantined = this.repository.quarantined();
	}

	create(): Assessment {
		const assessment = createAssessment(CONTENT_VERSION);
		this.repository.save(assessment);
		return assessment;
	}

	duplicate(id: string) {
		const source = this.items.find((a) => a.id === id);
		if (!source) return;
		const copy = duplicateAssessment($state.snapshot(source) as Assessment);
		this.repository.save(copy);
		this.message = { kind: 'ok', text: `Made a copy: ${displayTitle(copy)}.` };
		this.refresh();
	}

	rename(id: string, title: string) {
		const item = this.items.find((a) => a.id === id);
		if (!item) return;
		const renamed = {
			...$state.snapshot(item),
			title: title.trim().slice(0, 300),
			updatedAt: new Date().toISOString()
		};
		this.repository.save(renamed as Assessment);
		this.message = { kind: 'ok', text: `Renamed to ${displayTitle(renamed as Assessment)}.` };
		this.refresh();
	}

	remove(id: string) {
		const item = this.items.find((a) => a.id === id);
		if (!item) return;
		this.lastDeleted = $state.snapshot(item) as Assessment;
		this.repository.remove(id);
		this.message = { kind: 'warn', text: `Deleted ${displayTitle(item)}.` };
		this.refresh();
	}

	undoDelete() {
		if (!this.lastDeleted) return;
		this.repository.save(this.lastDeleted);
		this.message = { kind: 'ok', text: `Restored ${displayTitle(this.lastDeleted)}.` };
		this.lastDeleted = null;
		this.refresh();
	}

	/** Imports a save file. A file with the id of an existing assessment is added as a copy, never overwriting. */
	async importText(text: string): Promise<Assessment | null> {
		// The question bank is needed only to report answers to retired statements, so it loads here.
		const { bank } = await import('$lib/content');
		const parsed = parseAssessmentText(text, new Set(bank.statements.map((s) => s.id)));
		if (!parsed.ok) {
			this.message = { kind: 'error', text: `Import failed: ${parsed.message}` };
			return null;
		}
		let assessment = parsed.assessment;
		const notices = [...parsed.notices];
		if (this.items.some((a) => a.id === assessment.id)) {
			assessment = { ...assessment, id: newId() };
			notices.unshift(
				'The same assessment is already on this device, so this was added as a separate copy.'
			);
		}
		const saved = this.repository.save(assessment);
		if (!saved.ok) {
			this.message = { kind: 'error', text: saved.message };
			return null;
		}
		this.message = {
			kind: notices.length ? 'warn' : 'ok',
			text: [`Imported ${displayTitle(assessment)}.`, ...notices].join(' ')
		};
		this.refresh();
		return assessment;
	}

	discardQuarantined(key: string) {
		this.repository.discardQuarantined(key);
		this.quarantined = this.repository.quarantined();
		if (this.quarantined.length === 0) this.problems = [];
	}

	clearAll() {
		this.repository.clearAll();
		this.lastDeleted = null;
		this.problems = [];
		this.message = {
			kind: 'ok',
			text: 'All data from this app has been removed from this device.'
		};
		this.refresh();
	}
}
