import { deviceStore } from '$lib/storage/browser';
import { WorkshopRepository } from './repository';

let workshops: WorkshopRepository | undefined;

/** The workshops saved on this device (kept apart so the first page does not load the workshop code). */
export function deviceWorkshops(): WorkshopRepository {
	workshops ??= new WorkshopRepository(deviceStore().store);
	return workshops;
}
