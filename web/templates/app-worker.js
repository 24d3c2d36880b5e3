// The conference companion's service worker (go-app's ServiceWorkerTemplate).
//
// It precaches the app shell at install, then serves from the cache first:
// at a venue the network is slow or absent, and a page's HTML only changes
// with the app's version, which names the cache. A page never visited
// (a shared talk link) is fetched and kept; offline, it falls back to the
// cached "/" shell and the app then routes to the right page itself.
const cacheName = "app-" + "{{.Version}}";
// Live schedules outlive app versions: a new app must not forget the last
// schedule an attendee saw while offline.
const dataCacheName = "companion-schedules";
// go-app lists its own /app.css too, which no page links (the app's styles
// are /web/app.css): installing need not fetch it.
const resourcesToCache = {{.ResourcesToCache}}.filter((url) => url !== "/app.css");

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll(resourcesToCache);
      await keepOpenPages(cache);
      await self.skipWaiting();
    })()
  );
});

// keepOpenPages keeps the pages open in a tab as this worker installs: the
// first visit (a shared talk link, a conference's day) was loaded before
// any worker existed, so its reload would otherwise wait for the network.
// The request revalidates the browser's copy (pages are no-cache with an
// ETag), so it usually costs a round trip, not the page again.
async function keepOpenPages(cache) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  await Promise.all(
    windows
      .map((w) => new URL(w.url))
      .filter((url) => url.origin === self.location.origin && !url.pathname.startsWith("/api/"))
      .map((url) => cache.add(url.pathname + url.search).catch(() => {}))
  );
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys
          .filter((key) => key.startsWith("app-") && key !== cacheName)
          .map((key) => caches.delete(key))
      );
      // No clients.claim(): go-app reads a worker that activates while the
      // page has a controller as an update, and the first install is not
      // one. The next navigation is served by this worker anyway.
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return; // replays and other sites: the browser's business
  }
  if (url.pathname.startsWith("/api/schedules/")) {
    event.respondWith(networkFirst(event));
    return;
  }
  if (url.pathname.startsWith("/api/")) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

// Pages vary with Accept-Language (the interface is French or English), but
// the app renders in the attendee's language once started: any cached copy
// of a page will do, so the cache ignores Vary.
async function navigate(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) {
    return cached;
  }
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (err) {
    const shell =
      (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ||
      (await cache.match("/", { ignoreVary: true }));
    if (shell) {
      return shell;
    }
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith("/web/")) {
    await cache.put(request, response.clone());
  }
  return response;
}

// networkWait is how long a live schedule is waited for when a copy is
// kept: on venue wifi a request can hang for minutes, and the app waits
// for a served conference's schedule before it starts.
const networkWait = 3000;

// networkFirst serves live schedules: the server's current one when it
// answers in time, else the last one received. An answer that comes too
// late still replaces the kept copy, for the next look.
async function networkFirst(event) {
  const request = event.request;
  const network = fetch(request, { cache: "no-cache" });
  event.waitUntil(
    network
      .then((response) => {
        if (!response.ok) {
          return;
        }
        // Copied before the page reads the body (this runs first).
        const copy = response.clone();
        return caches.open(dataCacheName).then((cache) => cache.put(request.url, copy));
      })
      .catch(() => {})
  );
  const cached = await lastCopy(await caches.open(dataCacheName), request);
  if (!cached) {
    return network; // nothing kept: only the server can answer
  }
  const late = new Promise((resolve) => setTimeout(resolve, networkWait, null));
  const response = await Promise.race([network.catch(() => null), late]);
  if (response && (response.ok || response.status === 304)) {
    return response;
  }
  return cached;
}

// lastCopy is the last schedule received, else the one precached at
// install (conferences served beside the app, too large to embed in it).
async function lastCopy(cache, request) {
  return (await cache.match(request.url)) || (await caches.match(request.url));
}

// A reminder tapped in the notification tray opens its talk: in a window
// of the app already open when there is one, else in a new one. The path
// is the app's own (set by the app, same origin), never a remote address.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const path = (event.notification.data && event.notification.data.path) || "/";
  const url = new URL(path, self.location.origin);
  if (url.origin !== self.location.origin) {
    return;
  }
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if ("focus" in w) {
          return w.focus().then((c) => (c && "navigate" in c ? c.navigate(url.href) : c));
        }
      }
      return self.clients.openWindow(url.href);
    })
  );
});
