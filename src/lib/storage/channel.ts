/** What one tab tells the others after a write has committed. */
export type StorageMessage =
	| { type: 'assessment'; id: string; revision: number }
	| { type: 'assessment-removed'; id: string }
	| { type: 'workshop'; id: string }
	| { type: 'workshop-removed'; id: string }
	| { type: 'cleared' };

type Listener = (message: StorageMessage) => void;

/**
 * Tabs of this app tell each other about every committed change, so each open view updates and a
 * deletion or "clear all" in one tab is seen by the others before they write again.
 */
export class ChangeChannel {
	#channel: BroadcastChannel | null;
	#listeners = new Set<Listener>();

	constructor(name = 'pwr-changes') {
		this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
		this.#channel?.addEventListener('message', (event: MessageEvent<StorageMessage>) => {
			for (const listener of this.#listeners) listener(event.data);
		});
	}

	/** Tells other tabs, and listeners in this tab, what changed. */
	post(message: StorageMessage) {
		this.#channel?.postMessage(message);
		this.notifyHere(message);
	}

	/** Tells listeners in this tab only: for what every tab learns for itself (the browser clearing data). */
	notifyHere(message: StorageMessage) {
		for (const listener of this.#listeners) listener(message);
	}

	subscribe(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	close() {
		this.#channel?.close();
		this.#listeners.clear();
	}
}
