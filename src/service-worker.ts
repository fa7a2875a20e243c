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
const ASSETS = [...build, ...files, ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(ASSETS);
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
			if (ASSETS.includes(url.pathname)) {
				const cached = await cache.match(url.pathname);
				if (cached) return cached;
			}
			try {
				const response = await fetch(request);
				if (response.ok && request.mode === 'navigate' && prerendered.includes(url.pathname)) {
					await cache.put(url.pathname, response.clone());
				}
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
