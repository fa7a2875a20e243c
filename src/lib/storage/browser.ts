import { bank } from '$lib/content';
import { WorkshopRepository } from '$lib/workshop/repository';
import { AssessmentRepository, openBrowserStore } from './repository';

let opened:
	| { repository: AssessmentRepository; workshops: WorkshopRepository; persistent: boolean }
	| undefined;

/** The device's repositories, opened once per page load. */
export function deviceRepository() {
	if (!opened) {
		const { store, persistent } = openBrowserStore();
		opened = {
			repository: new AssessmentRepository(store, new Set(bank.statements.map((s) => s.id))),
			workshops: new WorkshopRepository(store),
			persistent
		};
	}
	return opened;
}
