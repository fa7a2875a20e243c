import { bank } from '$lib/content';
import { AssessmentRepository, openBrowserStore } from './repository';

let opened: { repository: AssessmentRepository; persistent: boolean } | undefined;

/** The device's repository, opened once per page load. */
export function deviceRepository() {
	if (!opened) {
		const { store, persistent } = openBrowserStore();
		opened = {
			repository: new AssessmentRepository(store, new Set(bank.statements.map((s) => s.id))),
			persistent
		};
	}
	return opened;
}
