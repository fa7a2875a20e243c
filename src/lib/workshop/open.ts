import { openSession } from '$lib/assessment/open';
import { device } from '$lib/storage/device';
import { WorkshopDesk } from './desk.svelte';

export type OpenedDesk =
	{ ok: true; desk: WorkshopDesk } | { ok: false; missing: boolean; message: string };

const desks = new Map<string, Promise<OpenedDesk>>();

/** Opens a workshop's desk (its responses and consensus assessment), once per page for the desk and presenter. */
export function openDesk(workshopId: string): Promise<OpenedDesk> {
	let opened = desks.get(workshopId);
	if (!opened) {
		opened = (async (): Promise<OpenedDesk> => {
			const d = await device();
			if (d.status !== 'ready') return { ok: false, missing: false, message: d.message };
			const workshops = await d.workshops();
			const loaded = await workshops.load(workshopId);
			if (!loaded.ok) return { ok: false, missing: true, message: loaded.message };
			const session = await openSession(loaded.workshop.assessmentId);
			if (!session.ok)
				return {
					ok: false,
					missing: session.reason === 'missing',
					message: `The workshop's agreed ratings could not be opened: ${session.message}`
				};
			const desk = new WorkshopDesk(
				loaded.workshop,
				loaded.responses,
				session.session,
				workshops,
				d.channel
			);
			if (loaded.problems.length)
				desk.messages = loaded.problems.map((text) => ({ kind: 'warn' as const, text }));
			return { ok: true, desk };
		})();
		desks.set(workshopId, opened);
		void opened.then((o) => {
			if (!o.ok) desks.delete(workshopId);
		});
	}
	return opened;
}
