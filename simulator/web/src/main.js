// Entry point on every course page. It stays tiny: on pages without a simulator it does nothing,
// and Pyodide, editor and charts load only when a simulator scrolls into view or is started.
import { keepBackToTopClear } from "./ui/backtotop.js";

// A local element builder (text only), so this entry needs no shared chunk on pages without a simulator.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "onclick") el.addEventListener("click", value);
    else el.setAttribute(name, value);
  }
  el.append(...children);
  return el;
}

const SELECTOR = "div.kafkasim";
// presets.js's DEFAULT_PRESET (a test keeps the two equal): this entry must not load presets.js.
const DEFAULT_PRESET = "cluster-ueberblick";

function placeholder(root, start) {
  root.dataset.simState = "loading";
  const title = root.dataset.title || "Kafka-Simulator";
  const button = h("button", { type: "button", class: "md-button md-button--primary", onclick: start },
    "Simulator starten");
  root.replaceChildren(h("div", { class: "ksim-placeholder" },
    h("p", {}, `${title}: startet automatisch, sobald Sie hierher scrollen.`), button),
  h("div", { class: "ksim-predrawn" }));
}

// The preset's first picture, drawn at build time from its initial state (prerender.mjs): shown
// as soon as the simulator comes near, long before Python is up. A plain SVG file, so this costs
// one small request and no renderer. A shared link draws its own state, not the preset's.
let pictures = 0;
async function predraw(root) {
  if (root.dataset.ksimPicture || sharedFor(root)) return;
  root.dataset.ksimPicture = "loading";
  const preset = root.dataset.preset || DEFAULT_PRESET;
  try {
    const response = await fetch(new URL(`../bilder/${encodeURIComponent(preset)}.svg`, import.meta.url));
    const slot = root.querySelector(".ksim-predrawn");
    if (!response.ok || !slot) return;
    // Ids inside the file are unique per preset; a page may show the same preset twice.
    slot.innerHTML = (await response.text()).replaceAll(`kd-${preset}-`, `kd-${preset}-${++pictures}-`);
    root.dataset.ksimPicture = "predrawn";
  } catch {
    // No picture: the placeholder's text and the progress bar remain.
  }
}

const nearby = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    nearby.unobserve(entry.target);
    predraw(entry.target);
  }
}, { rootMargin: "100% 0px" });

// Simulators start one after another; they share one worker (one Pyodide) per page.
let bootQueue = Promise.resolve();
let warming = null;

// Python starts booting at once, while the page loads the rest of the simulator's code. The
// worker comes from runtime.js (its one factory), loaded on demand: a static import would put
// it on every page, also those without a simulator.
function warmUpWorker() {
  warming ??= import("./runtime.js").then(({ pageRuntime }) => pageRuntime().warmUp());
  return warming;
}

// True if the address carries a shared state for this simulator (#ksim=<index>.<data>).
function sharedFor(root) {
  const match = /^#ksim=(?:(\d+)\.)?/.exec(location.hash);
  return Boolean(match) && Number(match[1] ?? 0) === [...document.querySelectorAll(SELECTOR)].indexOf(root);
}

// A simulator starts only once the page has loaded and the browser is idle: its code (about 500 KB)
// and Python's start-up must not hold up the page's first paint and the theme's own start-up
// (what Lighthouse counts as blocking time). The drawn first picture shows meanwhile; the wait is
// bounded, so on a busy page the simulator still starts within two seconds of loading.
function whenPageIdle(callback) {
  const idle = () => ("requestIdleCallback" in window
    ? requestIdleCallback(() => callback(), { timeout: 2000 }) : setTimeout(callback, 200));
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}

function setUp(root) {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    observer.disconnect();
    const previous = bootQueue;
    let release;
    bootQueue = new Promise((resolve) => { release = resolve; });
    try {
      await previous;
      const [{ mountSimulator }] = await Promise.all([import("./app/boot.js"), warmUpWorker()]);
      await mountSimulator(root);
    } catch (error) {
      root.dataset.simState = "error";
      root.replaceChildren(h("div", { class: "ksim-notice", role: "alert" },
        `Der Simulator konnte nicht geladen werden: ${error.message}`));
    } finally {
      release();
    }
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) whenPageIdle(start);
  }, { rootMargin: "200px" });
  placeholder(root, start);
  // Already in view: start when the page is idle rather than after the observer's first callback,
  // which comes only after the theme's own start-up work.
  const box = root.getBoundingClientRect();
  if (box.top < 2 * innerHeight && box.bottom > -innerHeight) predraw(root);
  else nearby.observe(root);
  if (sharedFor(root)) {
    root.scrollIntoView({ block: "start" }); // a shared link goes straight to its simulator
    start();
  } else if (box.top < innerHeight + 200 && box.bottom > -200) whenPageIdle(start);
  else observer.observe(root);
}

function scan() {
  for (const root of document.querySelectorAll(SELECTOR)) {
    if (root.dataset.ksimSeen) continue;
    root.dataset.ksimSeen = "1";
    keepBackToTopClear(root);
    setUp(root); // from file:// this module never runs: filecheck.js explains that instead
  }
}

scan();
// Content added later (e.g. by instant navigation) announces itself with this event.
document.addEventListener("kafkasim:scan", scan);
