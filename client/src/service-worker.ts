/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The app shell for offline use: a board page must reload while the network is gone, and then
// reopen from this browser's copy of the board (IndexedDB, see lib/sync/offlineStore.ts).
//
// - The built app (hashed, immutable files) and the static files are precached when this worker
//   installs, and served from the cache first. Files unchanged since the last version are
//   copied from the old cache, not downloaded again: connections in the field are slow.
// - Pages (navigations) go to the network first, so that an online visit always gets the
//   current app; when the network fails, or hangs past NAVIGATION_TIMEOUT_MS, the cached shell
//   of that kind of page is served. The shells are precached too, from this very version, so
//   that they always match the cached files.
// - Nothing else is touched: /api/* and /sync are never cached (the live board and its data go
//   through the WebSocket and IndexedDB), nor any other origin.
// Service workers run only in secure contexts (https, or localhost / 127.0.0.1): on a plain-http
// LAN address the browser does not register this worker and the page works online only.
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'interlink-app-';
const CACHE = `${CACHE_PREFIX}${version}`;
/** A placeholder board id: the board route's HTML is the same for every board. */
const BOARD_SHELL = '/b/offline-shell';
const ROOT_SHELL = '/';
/** Past this, a page request that has not answered is served from the cache (a "lie-fi" link). */
const NAVIGATION_TIMEOUT_MS = 5_000;

const immutable = new Set(build);
const precached = new Set([...build, ...files]);

/** The shell for a page: paths are relative in SvelteKit's HTML, so it must be one of the same depth. */
function shellFor(pathname: string): string {
  return pathname.startsWith('/b/') ? BOARD_SHELL : ROOT_SHELL;
}

/** Past the browser's HTTP cache: a shell from it could belong to the previous version. */
function fresh(path: string): Request {
  return new Request(path, { cache: 'reload' });
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...precached].map(async (path) => {
      // A hashed file of the previous version is byte for byte the same file.
      const previous = immutable.has(path) ? await caches.match(path) : undefined;
      if (previous) await cache.put(path, previous);
      else await cache.add(fresh(path));
    }),
  );
  await cache.addAll([fresh(BOARD_SHELL), fresh(ROOT_SHELL)]);
}

async function removeOldCaches(): Promise<void> {
  for (const key of await caches.keys()) {
    if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
  }
}

sw.addEventListener('install', (event) => {
  // The new version takes over at once: its shells and files are complete and consistent, and
  // a page already open keeps running on what it has loaded.
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(removeOldCaches().then(() => sw.clients.claim()));
});

async function fromCache(path: string): Promise<Response> {
  const cached = await caches.match(path, { cacheName: CACHE });
  return cached ?? fetch(path);
}

async function navigate(request: Request, pathname: string): Promise<Response> {
  const fallback = (): Promise<Response | undefined> => caches.match(shellFor(pathname), { cacheName: CACHE });
  const network = fetch(request);
  // Answered below; this only keeps a late failure, after the cache has answered, from being unhandled.
  network.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tooSlow = new Promise<Response | undefined>((resolve) => {
    timer = setTimeout(() => void fallback().then(resolve), NAVIGATION_TIMEOUT_MS);
  });
  try {
    // No shell cached: wait for the network however long it takes.
    return (await Promise.race([network, tooSlow])) ?? (await network);
  } catch (error) {
    const shell = await fallback();
    if (shell) return shell;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  // The board's data never comes from a cache: live sync and the API answer for themselves.
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync') || url.pathname === '/healthz') return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, url.pathname));
    return;
  }
  if (precached.has(url.pathname)) event.respondWith(fromCache(url.pathname));
});
