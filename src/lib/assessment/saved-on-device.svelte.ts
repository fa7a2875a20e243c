import { ChangeChannel } from '$lib/storage/channel';
import { savedWorkOnDevice } from '$lib/storage/probe';
import type { AssessmentLibrary } from './library.svelte';

export type SavedOnDeviceState<View> =
	| { kind: 'looking' }
	/** Certainly nothing saved here: nothing that reads storage has been loaded, or created. */
	| { kind: 'nothing' }
	| { kind: 'listed'; library: AssessmentLibrary; view: View };

/**
 * The first page's list of what is saved on this device. Where nothing is (every first visit), it
 * says so without loading the code that reads storage and without creating the database. The list
 * loads once there is something to list: a save file opened here, or work saved in another tab.
 */
export class SavedOnDevice<View> {
	state: SavedOnDeviceState<View> = $state.raw({ kind: 'looking' });
	#opening: Promise<AssessmentLibrary | undefined> | undefined;
	#channel: ChangeChannel | undefined;
	#disposed = false;

	constructor(
		/** Loads what draws the list, alongside the list itself. */
		private readonly loadView: () => Promise<View>
	) {}

	async look(): Promise<void> {
		if ((await savedWorkOnDevice()) === 'maybe') {
			await this.#open();
			return;
		}
		if (this.#disposed || this.#opening) return;
		this.state = { kind: 'nothing' };
		this.#channel = new ChangeChannel();
		this.#channel.subscribe(() => void this.#open());
	}

	/** A save file opened while nothing is listed: the list loads and takes it in. */
	async importFile(file: File): Promise<void> {
		await (await this.#open())?.importFile(file);
	}

	#open(): Promise<AssessmentLibrary | undefined> {
		this.#opening ??= (async () => {
			const [{ openLibrary }, view] = await Promise.all([
				import('./library.svelte'),
				this.loadView()
			]);
			const library = await openLibrary();
			// The list re-reads the device on every saved change: once the page is gone, it must stop.
			if (this.#disposed) {
				library.dispose();
				return undefined;
			}
			this.#closeChannel();
			this.state = { kind: 'listed', library, view };
			return library;
		})();
		return this.#opening;
	}

	#closeChannel() {
		this.#channel?.close();
		this.#channel = undefined;
	}

	dispose() {
		this.#disposed = true;
		this.#closeChannel();
		if (this.state.kind === 'listed') this.state.library.dispose();
	}
}
