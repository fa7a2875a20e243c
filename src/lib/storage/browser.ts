import { AssessmentRepository, openBrowserStore, type KeyValueStore } from './repository';

let store: { store: KeyValueStore; persistent: boolean } | undefined;
let repository: AssessmentRepository | undefined;

/** This browser's storage, opened once per page load (memory if the browser refuses storage). */
export function deviceStore() {
	store ??= openBrowserStore();
	return store;
}

/** The assessments saved on this device. */
export function deviceRepository() {
	repository ??= new AssessmentRepository(deviceStore().store);
	return { repository, persistent: deviceStore().persistent };
}
