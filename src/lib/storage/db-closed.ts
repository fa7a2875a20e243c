type Listener = () => void;
const closedListeners = new Set<Listener>();

/**
 * Called when another tab opens a newer version of the database and this page must stop writing.
 * Apart from the database code, so a page can listen without loading it.
 */
export function onDatabaseClosed(listener: Listener): () => void {
	closedListeners.add(listener);
	return () => closedListeners.delete(listener);
}

export function databaseClosed(): void {
	for (const listener of closedListeners) listener();
}
