// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		/** A wizard step shown without a page load (shallow routing): the slug of the step. */
		interface PageState {
			step?: string;
		}
	}
}

export {};
