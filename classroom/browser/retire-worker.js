// `mkdocs serve` serves this file as sw.js instead of the course's service worker (build.mjs
// --no-offline): authors must see each edit at once. A worker that a built copy of the course left
// on the same address (make serve and kurs-starten.py both use 127.0.0.1:8000) would keep serving
// that build; the browser's update check on the next page load finds this file instead, and it
// deletes the old cache and unregisters: from the next reload on, pages come from the development
// server. (It does not reload them itself: a page still in the HTTP cache from the build could
// register a worker again and reload again, for ever.)
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("workbox-") && name.endsWith(self.registration.scope)) await caches.delete(name);
    }
    await self.registration.unregister();
  })());
});
