// firstline service worker (go-app's Handler.ServiceWorkerTemplate).
//
// - install: precaches the app shell and only then takes over;
// - activate: deletes old app shells only ("app-*"), never other caches
//   (content packs live in their own caches);
// - fetch: a navigation to any app route is answered with the cached shell,
//   so a deep link reloads in airplane mode; shell files come from the cache;
//   everything else (packs, catalog, API) goes to the network untouched and
//   is never cached here.
const VERSION = "{{.Version}}";
const SHELL_PREFIX = "app-";
const SHELL = SHELL_PREFIX + VERSION;
const RESOURCES = {{.ResourcesToCache}};
const SHELL_PAGE = "/";
// Paths the worker never answers from its cache.
const NETWORK_ONLY = ["/packs/", "/api/", "/catalog", "/blobs/"];

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    // cache: "no-cache" revalidates every file with the server (strong
    // ETags): a new version never precaches an old file, and what the page
    // has just downloaded comes back as a 304 instead of a second copy.
    await cache.addAll(RESOURCES.map((url) => new Request(url, { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys
      .filter((key) => key.startsWith(SHELL_PREFIX) && key !== SHELL)
      .map((key) => caches.delete(key)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (NETWORK_ONLY.some((prefix) => url.pathname.startsWith(prefix))) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  event.respondWith(fromShell(request));
});

// Lookups use caches.match with a cacheName: unlike caches.open it never
// creates a cache, so a worker being replaced cannot bring back the shell
// cache its successor just deleted.
async function navigate(request) {
  const shell = await caches.match(SHELL_PAGE, { cacheName: SHELL });
  return shell || fetch(request);
}

async function fromShell(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  return cached || fetch(request);
}
