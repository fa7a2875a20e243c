/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

// One cache per release: a new version installs its own and deletes the old ones.
const CACHE = `pwr-${version}`;
// Any non-prerendered path returns the single-page shell; it is cached under this key for offline use.
const SHELL = '/__shell';
// Fonts for other scripts are fetched only when a report needs them (then kept for offline use).
const ON_DEMAND = (path: string) => path.endsWith('-wide.ttf');
const PRECACHE = [...build, ...files.filter((f) => !ON_DEMAND(f)), ...prerendered];
const IMMUTABLE = new Set(build);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// In small batches, so precaching never competes with the page for long.
			for (let i = 0; i < PRECACHE.length; i += 8) await cache.addAll(PRECACHE.slice(i, i + 8));
			const shell = await fetch('/assessment/offline-shell');
			if (shell.ok) await cache.put(SHELL, shell);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Hashed build files never change: serve them from the cache.
			if (IMMUTABLE.has(url.pathname)) {
				const cached = await cache.match(url.pathname);
				if (cached) return cached;
			}
			// Everything else (pages included) comes from the network when it can, so an old
			// release's pages never run beside a newer release's; the cache is for offline.
			try {
				const response = await fetch(request);
				if (
					response.ok &&
					(prerendered.includes(url.pathname) ||
						ON_DEMAND(url.pathname) ||
						PRECACHE.includes(url.pathname))
				)
					await cache.put(url.pathname, response.clone());
				return response;
			} catch (error) {
				const cached =
					(await cache.match(url.pathname)) ??
					(request.mode === 'navigate' ? await cache.match(SHELL) : undefined);
				if (cached) return cached;
				throw error;
			}
		})()
	);
});
