// The course's service worker, for reading and experimenting without a network after the first
// visit. classroom/browser/build.mjs bundles it and Workbox's injectManifest fills in the list of
// the build's files (URL, content hash, SRI integrity): every page, the search index, Pyodide,
// the memory snapshot and the kafkasim package.
//
// Updates: a new build means a new list. Its worker downloads what changed while the old one keeps
// serving the old build whole, then waits; it takes over when every tab of the course is closed or
// when the reader presses "Neu laden" (the page sends SKIP_WAITING and reloads). On activation
// the entries of the old build are deleted, so no page ever mixes two builds.
//
// What the simulator's worker fetches is served from here as the server sent it: no request of the
// course asks for a byte range (Pyodide and the package are fetched whole, there is no media), so
// Workbox's range-request support is not needed; the snapshot is stored gzipped as served
// (application/gzip, no Content-Encoding) and unpacked by the worker's DecompressionStream, exactly
// as on a visit without this worker.
import { clientsClaim } from "workbox-core";
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from "workbox-precaching";

// Workbox fetches revisioned files with cache: "reload", which downloads Pyodide and the snapshot a
// second time right after the first visit's simulator loaded them. Revalidating instead lets the
// browser answer "not modified" from its HTTP cache; the integrity in the manifest still rejects a
// copy that is not this build's (an install with one wrong file fails and keeps the old build).
addPlugins([{
  requestWillFetch: async ({ request }) =>
    request.cache === "reload" ? new Request(request, { cache: "no-cache" }) : request,
}]);

// A static site: no query parameter changes a page (Material's search adds ?h=… to its results).
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// The first visit's page is controlled as soon as the cache is complete, so that a simulator
// started afterwards works without a network, too.
clientsClaim();

self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") self.skipWaiting();
});
