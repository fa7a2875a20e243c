import type { KeyValueStore } from '$lib/storage/repository';
import { parseWorkshop } from './codec';
import type { Workshop, WorkshopResponse } from './types';

const PREFIX = 'pwr.workshop.';
const DRAFT_PREFIX = 'pwr.response-draft.';

/** Workshops and participants' unfinished answers on this device, beside the assessments. */
export class WorkshopRepository {
	constructor(private readonly store: KeyValueStore) {}

	list(): Workshop[] {
		const out: Workshop[] = [];
		for (let i = 0; i < this.store.length; i++) {
			const key = this.store.key(i);
			if (!key?.startsWith(PREFIX)) continue;
			const loaded = this.load(key.slice(PREFIX.length));
			if (loaded?.ok) out.push(loaded.value);
		}
		return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	}

	load(id: string) {
		const text = this.store.getItem(PREFIX + id);
		if (text === null) return null;
		try {
			return parseWorkshop(JSON.parse(text));
		} catch {
			return { ok: false as const, message: 'This saved workshop is damaged.' };
		}
	}

	save(workshop: Workshop): { ok: true } | { ok: false; message: string } {
		try {
			this.store.setItem(PREFIX + workshop.id, JSON.stringify(workshop));
			return { ok: true };
		} catch {
			return { ok: false, message: 'Could not save: browser storage is full or blocked.' };
		}
	}

	remove(id: string) {
		this.store.removeItem(PREFIX + id);
	}

	loadDraft(workshopId: string): Partial<WorkshopResponse> | null {
		try {
			const text = this.store.getItem(DRAFT_PREFIX + workshopId);
			return text ? (JSON.parse(text) as Partial<WorkshopResponse>) : null;
		} catch {
			return null;
		}
	}

	saveDraft(workshopId: string, draft: Partial<WorkshopResponse>) {
		try {
			this.store.setItem(DRAFT_PREFIX + workshopId, JSON.stringify(draft));
		} catch {
			// A participant's draft is a convenience; the answers are still on screen.
		}
	}

	clearDraft(workshopId: string) {
		this.store.removeItem(DRAFT_PREFIX + workshopId);
	}
}
