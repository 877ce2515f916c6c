// The page side of offline use: registers the course's service worker (service-worker.js, through
// Workbox's own window library, loaded only then) once the page has nothing better to do, and says in the footer
// when the course works without a network, or that a newer build is ready.
// A simulator that boots keeps the network and both cores to itself: the first visit's simulator
// must not wait for 20 MB of precaching. It is booting while it is "loading" and no longer shows
// its start placeholder (simulator/web/src/main.js, app/boot.js).
const BOOTING = "div.kafkasim[data-sim-state=loading]:not(:has(> .ksim-placeholder))";
// The placeholder turns into the loading bar only after the simulator's code has arrived: the
// page must have been quiet this long before the download starts.
const QUIET_MS = 2000;

const TEXT = {
  saving: "Der Kurs wird für die Offline-Nutzung gespeichert …",
  ready: "Offline bereit: Der Kurs samt Simulator funktioniert in diesem Browser jetzt auch ohne Internet.",
  update: "Eine neue Fassung des Kurses ist gespeichert.",
  failed: "Der Kurs ließ sich nicht für die Offline-Nutzung speichern (zu wenig Speicherplatz im Browser?).",
};

function idle() {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) requestIdleCallback(() => resolve(), { timeout: 10_000 });
    else setTimeout(resolve, 1000);
  });
}

function loaded() {
  return document.readyState === "complete"
    ? Promise.resolve()
    : new Promise((resolve) => addEventListener("load", () => resolve(), { once: true }));
}

// Resolves once no simulator has been booting for QUIET_MS (looked at twice a second: a running
// simulator changes the page all the time, watching every change would cost more).
function simulatorsQuiet() {
  return new Promise((resolve) => {
    let quietSince = performance.now();
    const timer = setInterval(() => {
      if (document.querySelector(BOOTING)) quietSince = performance.now();
      else if (performance.now() - quietSince >= QUIET_MS) {
        clearInterval(timer);
        resolve();
      }
    }, 500);
  });
}

// A small live region in the footer; screen readers announce each change once.
function statusLine() {
  let line = document.querySelector(".kurs-offline");
  if (!line) {
    line = document.createElement("div");
    line.className = "kurs-offline";
    line.setAttribute("role", "status");
    (document.querySelector(".md-footer-meta__inner") ?? document.body).append(line);
  }
  return (state, text, action = null) => {
    line.dataset.state = state;
    line.replaceChildren(text);
    if (action) line.append(" ", action);
  };
}

function reloadButton(wb) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "kurs-offline__button";
  button.textContent = "Neu laden";
  button.addEventListener("click", () => {
    button.disabled = true;
    // The new worker takes over, then every page of the old build is reloaded (once).
    wb.addEventListener("controlling", () => location.reload());
    wb.messageSkipWaiting();
  });
  return button;
}

export async function startOffline(root) {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return; // file://, or plain http to another machine
  const show = statusLine();
  // A later visit: this page came from the cache of an earlier visit's worker, which is complete.
  if (navigator.serviceWorker.controller) show("ready", TEXT.ready);
  await loaded();
  await idle();
  await simulatorsQuiet();
  await idle();
  const { Workbox } = await import("workbox-window");
  const wb = new Workbox(new URL("sw.js", root).href, { scope: root.pathname });
  wb.addEventListener("installing", (event) => {
    if (!event.isUpdate) show("saving", TEXT.saving);
  });
  wb.addEventListener("waiting", () => show("update", TEXT.update, reloadButton(wb)));
  wb.addEventListener("activated", (event) => {
    if (!event.isUpdate) show("ready", TEXT.ready);
  });
  wb.addEventListener("redundant", () => {
    if (!navigator.serviceWorker.controller) show("failed", TEXT.failed);
  });
  let registration;
  try {
    registration = await wb.register();
  } catch (error) {
    console.info("Offline-Nutzung nicht verfügbar:", error.message);
    return;
  }
  // Not controlled yet (e.g. a reload that bypassed the cache), but the worker is done already.
  if (registration?.active && !registration.installing && !registration.waiting) show("ready", TEXT.ready);
}
