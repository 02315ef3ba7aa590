// The service worker (template): scripts/build-service-worker.mjs replaces the two placeholders
// below with the build's content hash and the list of the site's files, and writes it as
// <dist>/sw.js. After one visit every lesson, lab, editor chunk and the search index are cached:
// - install precaches every listed file into a cache named after the build's hash;
// - activate deletes the caches of older builds and takes control of open pages;
// - hashed assets (/_astro/) are served cache-first; pages network-first with the cache as
//   fallback (offline, or no answer within a few seconds); everything else stale-while-revalidate.
const VERSION = '__DNL_VERSION__';
const FILES = ['__DNL_FILES__'];

const PREFIX = 'dnl-';
const PRECACHE = `${PREFIX}precache-${VERSION}`;
const RUNTIME = `${PREFIX}runtime-${VERSION}`;
const NETWORK_TIMEOUT_MS = 4000;
const scope = new URL(self.registration.scope);
const urlOf = (file) => new URL(file, scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(PRECACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(urlOf(file), { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== PRECACHE && name !== RUNTIME)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** cached finds a request in this build's caches; pages also match without their query string. */
async function cached(request, page) {
  const options = page ? { ignoreSearch: true, ignoreVary: true } : { ignoreVary: true };
  for (const name of [PRECACHE, RUNTIME]) {
    const cache = await caches.open(name);
    const hit = await cache.match(request, options);
    if (hit) return hit;
  }
  if (page) {
    // /lessons/bridge and /lessons/bridge/index.html are both the page cached as /lessons/bridge/.
    const url = new URL(request.url);
    url.search = '';
    url.pathname = url.pathname.replace(/index\.html$/, '').replace(/([^/])$/, '$1/');
    return caches.match(url.href, { ignoreVary: true });
  }
  return undefined;
}

/** remember keeps a good same-origin response in the runtime cache. */
async function remember(request, response) {
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(RUNTIME);
    await cache.put(request, response.clone());
  }
  return response;
}

async function pageFirstFromNetwork(request) {
  const fallback = () => cached(request, true);
  try {
    const network = fetch(request).then((response) => remember(request, response));
    network.catch(() => undefined);
    const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, undefined));
    const response = await Promise.race([network, timeout]);
    if (response) return response;
    return (await fallback()) ?? (await network);
  } catch {
    return (
      (await fallback()) ?? (await caches.match(urlOf('404.html'), { ignoreVary: true })) ?? Response.error()
    );
  }
}

async function cacheFirst(request) {
  const hit = await cached(request, false);
  if (hit) return hit;
  return remember(request, await fetch(request));
}

async function staleWhileRevalidate(request, event) {
  const hit = await cached(request, false);
  const refresh = fetch(request)
    .then((response) => remember(request, response))
    .catch(() => undefined);
  if (hit) {
    event.waitUntil(refresh);
    return hit;
  }
  return (await refresh) ?? Response.error();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  if (request.mode === 'navigate' || request.headers.get('accept')?.includes('text/html')) {
    event.respondWith(pageFirstFromNetwork(request));
  } else if (url.pathname.includes('/_astro/')) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(staleWhileRevalidate(request, event));
  }
});
