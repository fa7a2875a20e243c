import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every path but the prerendered landing page falls back to the SPA shell.
		adapter: adapter({ fallback: '200.html', strict: true }),
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self']
				// frame-ancestors cannot be set in a <meta> policy; static/_headers sends it (see README).
			}
		},
		// Registered by the layout once the page is interactive, so offline caching never delays a tap.
		serviceWorker: { register: false },
		// Page CSS is small: inlined, it no longer holds up the first paint.
		inlineStyleThreshold: 8192
	}
};

export default config;
