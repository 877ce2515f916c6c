// One simulator on a page, from the click (or scroll) that starts it to its first picture, and
// back again after the shared worker was replaced. The class holds the simulator's state; what it
// does lives in one module per concern, mixed in below: layout.js (building and drawing),
// session.js (requests and the clock), sharing.js (the state in the address), scripts.js
// (learner scripts and runaways).
import { REQ, SNAPSHOT_RECORDS } from "../protocol.js";
import { pageRuntime } from "../runtime.js";
import { DEFAULT_PRESET, PANELS, PRESETS, panelsFor, presetFor } from "../presets.js";
import { h, setText, uniqueId } from "../ui/dom.js";
import { LAYOUT } from "./layout.js";
import { SESSION, TICK_MS } from "./session.js";
import { SHARING } from "./sharing.js";
import { SCRIPTS } from "./scripts.js";

export async function mountSimulator(root) {
  const sim = new Simulator(root);
  await sim.start();
  root.kafkasim = sim; // lets tests and the benchmark reach the instance
  return sim;
}

class Simulator {
  constructor(root) {
    this.root = root;
    this.presetName = root.dataset.preset || DEFAULT_PRESET;
    this.index = [...document.querySelectorAll("div.kafkasim")].indexOf(root);
    this.playing = false;
    this.ticks = 0;
    this.speed = 1;
    this.journal = [];
    this.snapshot = null;
    this.id = uniqueId("sim");
    this.runtime = pageRuntime();
    this.pendingEvents = [];
    this.actFn = (command, origin) => this.act(command, origin);
  }

  get preset() {
    return presetFor(this.presetName);
  }

  // The lab script of a preset, or the starter script of its exercise.
  get script() {
    return this.preset.code || this.preset.exercise?.script || null;
  }

  // The charts of the preset's panels (or the embed's), in the order they are drawn.
  get chartsShown() {
    return ["throughput", "lag"].filter((name) => this.panels.has(name));
  }

  get wantsCode() {
    return Boolean(this.script || this.root.dataset.code === "on") && this.root.dataset.code !== "off";
  }

  async start() {
    if (!this.preset) {
      this.fail(`Unbekanntes Szenario „${this.presetName}“. Bekannt sind: ${Object.keys(PRESETS).join(", ")}.`);
      return;
    }
    const { panels, unknown } = panelsFor(this.preset, this.root.dataset.panels);
    if (unknown.length) {
      this.fail(`Unbekannte Anzeige ${unknown.map((p) => `„${p}“`).join(", ")} in data-panels. Möglich sind: ${PANELS.join(", ")}.`);
      return;
    }
    this.panels = new Set(panels);
    this.root.dataset.simState = "loading";
    this.showProgress();
    this.runtime.join(this);
    const shared = await this.readSharedState();
    const { restored } = shared;
    let { notice } = shared;
    this.seed = restored?.state?.seed ?? this.preset.seed;
    try {
      await this.bootRuntime();
      const reply = await this.init(restored?.state ?? null);
      if (!reply.ok && restored) {
        notice = `Der geteilte Zustand ließ sich nicht wiederherstellen (${reply.error}); die Ausgangslage wird geladen.`;
        await this.init(null);
      } else if (!reply.ok) {
        throw new Error(reply.error);
      }
    } catch (error) {
      this.fail(`Der Simulator konnte nicht starten: ${error.message}`);
      return;
    }
    this.buildLayout();
    this.applyView(this.lastInit);
    if (notice) this.status(notice, "error");
    else if (restored) this.status("Zustand aus dem geteilten Link wiederhergestellt.");
    this.bootPhases = { ...this.bootPhases, initialised: performance.timeOrigin + performance.now() };
    this.root.dataset.simState = "ready";
    if (this.preset.autoplay && !restored) this.setPlaying(true);
    this.pauseOffScreen();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  // A simulator scrolled out of view (or in a hidden tab) stops its clock – it would only cost
  // CPU – and plays on when it comes back; the play button keeps the learner's choice.
  pauseOffScreen() {
    this.onScreen = true;
    new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
    }).observe(this.root);
  }

  fail(message) {
    this.bar = null;
    this.root.dataset.simState = "error";
    this.root.replaceChildren(h("div", { class: "ksim-notice", role: "alert" }, message));
  }

  showProgress() {
    this.bar = h("progress", { max: 1, value: 0, "aria-label": "Simulator wird geladen" });
    this.barLabel = h("span", {}, "Simulator wird geladen …");
    // The build's picture of the preset (main.js) stays while Python loads.
    const predrawn = this.root.querySelector(".ksim-predrawn");
    this.root.replaceChildren(h("div", { class: "ksim-loading", role: "status" }, this.barLabel, this.bar), predrawn ?? "");
    // The runtime download is one long stage: creep towards its end so the bar never looks stuck.
    this.barTarget = 0.85;
    const creep = setInterval(() => {
      if (!this.bar) {
        clearInterval(creep);
        return;
      }
      if (this.bar.value < this.barTarget - 0.01) this.bar.value += (this.barTarget - this.bar.value) * 0.04;
    }, 100);
  }

  // The editor and the charts load once Python is up: during the boot they would compete with
  // the runtime's compilation for the CPU.
  preloadPanels() {
    if (this.preloaded) return;
    this.preloaded = true;
    if (this.wantsCode) import("../ui/editor.js").catch(() => {});
    if (this.root.dataset.height !== "compact" && this.chartsShown.length) import("../ui/charts.js").catch(() => {});
  }

  onProgress({ fraction, label, stage, at, boot }) {
    this.bootPhases = { ...this.bootPhases, [stage]: at };
    if (boot) this.root.dataset.simBoot = boot; // "snapshot" or "normal": for tests and benchmarks
    if (!this.bar) return;
    this.bar.value = Math.max(this.bar.value, fraction);
    this.barTarget = fraction < 0.85 ? 0.85 : 0.99;
    setText(this.barLabel, label);
  }

  // The page's one worker: the first simulator boots it (the worker main.js warmed up), the
  // others find it running.
  async bootRuntime() {
    this.bootPhases = { start: performance.timeOrigin + performance.now() };
    await this.runtime.boot();
    this.preloadPanels();
  }

  async init(state) {
    const payload = state ? { state } : { preset: { ...this.preset, seed: this.seed, exercise: undefined } };
    const exercise = this.preset.exercise?.id ?? null;
    const reply = await this.send(REQ.INIT, { ...payload, exercise, maxRecords: SNAPSHOT_RECORDS });
    this.lastInit = reply;
    return reply;
  }

  // Called by the runtime before it replaces the worker.
  beforeRestart() {
    if (!this.statusLine) return;
    this.root.dataset.simState = "loading";
    this.restartMessage ??= "Der Simulator wurde neu gestartet, weil ein Skript nicht mehr antwortete.";
    this.status(`${this.restartMessage} Python wird neu geladen …`, "error", "restart");
  }

  // Called by the runtime after it replaced the worker: set up again from the state before.
  async reinit(state) {
    if (!this.statusLine) return; // not drawn yet: its own start() sets it up
    const message = this.restartMessage ?? "Der Simulator wurde neu gestartet.";
    this.restartMessage = null;
    try {
      const reply = await this.init(state);
      if (!reply.ok) await this.init(null);
      this.pendingEvents = [];
      this.log.clear();
      this.diagram?.reset();
      this.applyView(this.lastInit);
      this.root.dataset.simState = "ready";
      this.status(message, "error", "restart");
    } catch (error) {
      this.fail(`Der Simulator konnte nicht neu starten: ${error.message}`);
    }
  }
}

Object.assign(Simulator.prototype, LAYOUT, SESSION, SHARING, SCRIPTS);
