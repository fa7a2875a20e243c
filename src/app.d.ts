// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		/** A wizard step shown without a page load (shallow routing): the slug of the step. */
		interface PageState {
			/** The wizard step this entry shows, when the wizard moved there itself. */
			step?: string;
		}
	}
}

export {};
