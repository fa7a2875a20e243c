import { onDestroy } from 'svelte';
import {
	createActor,
	type AnyStateMachine,
	type ActorOptions,
	type SnapshotFrom,
	type EventFrom
} from 'xstate';

/**
 * A small runes wrapper: the actor's snapshot as reactive state, plus send. Call it while a component
 * initialises; the actor stops when that component is destroyed.
 */
export function useActor<M extends AnyStateMachine>(machine: M, options?: ActorOptions<M>) {
	const actor = createActor(machine, options);
	let snapshot = $state.raw(actor.getSnapshot() as SnapshotFrom<M>);
	actor.subscribe((next) => {
		snapshot = next as SnapshotFrom<M>;
	});
	actor.start();
	onDestroy(() => actor.stop());
	return {
		get snapshot() {
			return snapshot;
		},
		send: (event: EventFrom<M>) => actor.send(event)
	};
}
