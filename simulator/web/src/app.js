// One simulator on a page: boots the worker, sets up the preset (or the state from the URL),
// draws every snapshot it receives and turns the reader's clicks into requests.
import { REQ, SNAPSHOT_RECORDS, TIMEOUT_MS } from "./protocol.js";
import { WorkerTimeout, pageRuntime } from "./runtime.js";
import { DEFAULT_PRESET, PANELS, PRESETS, offeredGroup, panelsFor, presetFor } from "./presets.js";
import { decodeState, encodeState, shareUrl, stateInUrl } from "./urlstate.js";
import { h, setText, uniqueId } from "./ui/dom.js";
import { renderBrokers, renderGroups, renderProducers, renderTopics } from "./ui/views.js";
import { EventLog, formatTime } from "./ui/eventlog.js";
import { buildControls, syncTopicSelects } from "./ui/controls.js";
import { draftStore } from "./ui/drafts.js";
import { buildCodePanel } from "./ui/codepanel.js";
import { buildExercisePanel } from "./ui/exercise.js";
import { feedbackFor, feedbackLine, reveal, say } from "./ui/feedback.js";
import { LiveDiagram } from "./diagram/live.js";
import { GROUPS4_DONE, buildProtocolPanel, buildSharePanel, renderProtocolGroups, renderShareGroups } from "./ui/groups4.js";
import { buildDock, nameRegions, neededPanel, tableButton } from "./ui/dock.js";
import { SequencePanel } from "./ui/sequence.js";

const TICK_MS = 250;
const SPEEDS = [0.25, 0.5, 1, 2, 5, 10];

const DONE = {
  create_topic: (a) => `Topic ${a[0]} angelegt.`,
  delete_topic: (a) => `Topic ${a[0]} gelöscht.`,
  produce: (a, r, kw) => (String(kw.acks) === "0"
    ? `Gesendet an ${r.topic}, Partition ${r.partition} – ohne Bestätigung (acks=0): der Producer wartet auf keine ` +
      "Antwort des Brokers und erfährt deshalb keinen Offset. Ob der Datensatz angekommen ist, zeigt das Log der Partition."
    : `Gesendet an ${r.topic}: Partition ${r.partition}, Offset ${r.offset}.`),
  crash_broker: (a) => `Broker ${a[0]} ist abgestürzt.`,
  stop_broker: (a) => `Broker ${a[0]} wurde kontrolliert heruntergefahren.`,
  restart_broker: (a) => `Broker ${a[0]} startet neu.`,
  start_ticker: (a, r) => `Börsen-Ticker ${r} sendet an ${a[0]}.`,
  stop_ticker: (a) => `Börsen-Ticker ${a[0]} gestoppt.`,
  add_consumer: (a, r) => `Consumer ${r} tritt der Gruppe ${a[0]} bei.`,
  remove_consumer: (a) => `Consumer ${a[0]} verlässt seine Gruppe.`,
  ...GROUPS4_DONE,
};

export async function mountSimulator(root, worker = null) {
  const sim = new Simulator(root, worker);
  await sim.start();
  root.kafkasim = sim; // lets tests and the benchmark reach the instance
  return sim;
}

class Simulator {
  constructor(root, worker) {
    this.root = root;
    this.spawnedWorker = worker;
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
    this.actFn = (op, args, kwargs, origin) => this.act(op, args, kwargs, origin);
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
    let restored = null;
    let notice = "";
    if (stateInUrl(this.index)) {
      try {
        restored = await decodeState(stateInUrl(this.index));
        if (presetFor(restored.preset)) this.presetName = restored.preset;
        this.speed = SPEEDS.includes(restored.speed) ? restored.speed : 1;
      } catch {
        notice = "Der geteilte Zustand in der Adresse ist beschädigt; die Ausgangslage des Szenarios wird geladen.";
      }
    }
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
    if (this.wantsCode) import("./ui/editor.js").catch(() => {});
    if (this.root.dataset.height !== "compact" && this.chartsShown.length) import("./ui/charts.js").catch(() => {});
  }

  onProgress({ fraction, label, stage, at, boot }) {
    this.bootPhases = { ...this.bootPhases, [stage]: at };
    if (boot) this.root.dataset.simBoot = boot; // "snapshot" or "normal": for tests and benchmarks
    if (!this.bar) return;
    this.bar.value = Math.max(this.bar.value, fraction);
    this.barTarget = fraction < 0.85 ? 0.85 : 0.99;
    setText(this.barLabel, label);
  }

  // The page's one worker: the first simulator boots it (with the worker main.js started early),
  // the others find it running.
  async bootRuntime() {
    this.bootPhases = { start: performance.timeOrigin + performance.now() };
    await this.runtime.boot(this.spawnedWorker);
    this.preloadPanels();
  }

  send(type, payload = {}, timeoutMs = undefined) {
    return this.runtime.send(type, { ...payload, sim: this.id }, timeoutMs);
  }

  async init(state) {
    const payload = state ? { state } : { preset: { ...this.preset, seed: this.seed, exercise: undefined } };
    const exercise = this.preset.exercise?.id ?? null;
    const reply = await this.send(REQ.INIT, { ...payload, exercise, maxRecords: SNAPSHOT_RECORDS });
    this.lastInit = reply;
    return reply;
  }

  // --- layout -------------------------------------------------------------------------------

  buildLayout() {
    const title = this.root.dataset.title || this.preset.title;
    // Panels with buttons answer a click in their own message line, right under the heading.
    const section = (name, children, { feedback = false } = {}) => {
      const id = uniqueId("ksim-h");
      return h("section", { class: `ksim-panel ksim-${name}`, "aria-labelledby": id },
        h("h3", { id }, children[0]), feedback ? feedbackLine() : null, ...children.slice(1));
    };
    this.playButton = h("button", { type: "button", class: "ksim-play", "aria-pressed": "false", onclick: () => this.setPlaying(!this.playing) }, "Abspielen");
    this.speedSelect = h("select", { "aria-label": "Tempo der simulierten Zeit", onchange: (e) => { this.speed = Number(e.target.value); } },
      SPEEDS.map((s) => h("option", { value: s }, `${String(s).replace(".", ",")}×`)));
    this.speedSelect.value = String(this.speed);
    this.seedInput = h("input", { type: "number", min: 0, max: 2 ** 31 - 1, value: this.seed, class: "ksim-seed", "aria-label": "Seed des Zufallsgenerators" });
    this.clock = h("span", { class: "ksim-clock", "aria-label": "Simulierte Zeit" });
    this.statusLine = h("p", { class: "ksim-status", role: "status", "aria-live": "polite" });
    this.shareBox = h("input", { type: "text", readonly: true, class: "ksim-share-url", "aria-label": "Link zu diesem Zustand" });
    this.shareRow = h("div", { class: "ksim-share", hidden: true }, h("span", {}, "Link zu diesem Zustand: "), this.shareBox);

    const toolbar = h("div", { class: "ksim-toolbar", role: "toolbar", "aria-label": "Steuerung der simulierten Zeit" },
      this.playButton,
      h("button", { type: "button", class: "ksim-step", onclick: () => this.step(), title: "Verarbeitet genau ein Ereignis" }, "Einzelschritt"),
      h("button", { type: "button", class: "ksim-plus", onclick: () => this.advance(1000) }, "+1 s"),
      h("label", { class: "ksim-inline" }, "Tempo ", this.speedSelect),
      h("label", { class: "ksim-inline" }, "Seed ", this.seedInput),
      h("button", { type: "button", class: "ksim-reseed", onclick: () => this.reset(Number(this.seedInput.value)) }, "Mit Seed neu starten"),
      h("button", { type: "button", class: "ksim-reset", onclick: () => this.reset(this.seed) }, "Zurücksetzen"),
      h("button", { type: "button", class: "ksim-share-button", onclick: () => this.share() }, "Teilen"),
      this.clock);

    this.brokerList = h("ul", { class: "ksim-brokers" });
    this.topicBox = h("div", { class: "ksim-topics" });
    this.producerList = h("ul", { class: "ksim-producers" });
    this.groupBox = h("div", { class: "ksim-groups" });
    this.sharePanel = this.panels.has("share-groups") ? buildSharePanel(this.actFn, this.preset.groups4) : null;
    this.protocolPanel = this.panels.has("protocol") ? buildProtocolPanel(this.actFn, this.preset.groups4) : null;
    const logList = h("ol", { class: "ksim-events", "aria-label": "Ereignisse, neueste zuerst", tabindex: 0 });
    this.log = new EventLog(logList);
    this.sequence = this.panels.has("ablauf") ? new SequencePanel({ title, logList, toggle: (on) => this.request(REQ.REQUEST_LOG, { on }).then((r) => this.applyView(r)) }) : null;
    this.chartBox = h("div", { class: "ksim-charts" });
    const charts = this.chartsShown;
    const chartTitle = { throughput: "Durchsatz", lag: "Lag" };
    const chartDetails = charts.length ? h("details", { class: "ksim-panel ksim-chart-panel", open: this.root.dataset.height !== "compact" || null },
      h("summary", {}, `Diagramme: ${charts.map((c) => chartTitle[c]).join(" und ")} je Partition`), this.chartBox) : null;
    chartDetails?.addEventListener("toggle", () => this.ensureCharts(chartDetails.open));

    const parts = [
      h("header", { class: "ksim-header" }, h("strong", { class: "ksim-title", id: `${this.id}-title` }, title)),
      toolbar, this.statusLine, this.shareRow,
    ];
    if (this.preset.exercise) {
      // The verdict follows "Prüfen"; on a small screen it may lie below the edge, so it is revealed
      // once shown (a success noticed by itself is not: the reader may be working further down).
      const reveals = (result) => {
        setTimeout(() => reveal(this.exercisePanel.querySelector(".ksim-verdict")));
        return result;
      };
      this.exercisePanel = buildExercisePanel(this.preset.exercise, () => this.checkExercise().then(reveals));
      parts.push(this.exercisePanel);
    }
    // The picture first; the panels below are its text alternative and hold the buttons.
    this.diagram = new LiveDiagram({ title, ...this.preset.diagram }, this.root.querySelector(".ksim-predrawn svg"));
    const diagramPanel = h("div", { class: "ksim-panel ksim-diagram-panel" }, this.diagram.element);
    parts.push(diagramPanel);
    // Only the panels the chapter shows (presets.js); the others are not built at all.
    const shown = (name, ...rest) => (this.panels.has(name) ? section(name, ...rest) : null);
    const dock = buildDock([
      shown("brokers", ["Broker", this.brokerList], { feedback: true }),
      shown("producers", ["Producer und Börse", this.producerList], { feedback: true }),
      shown("topics", ["Topics und Partitionen", this.topicBox], { feedback: true }),
      shown("groups", ["Consumer-Gruppen", this.groupBox], { feedback: true }),
      shown("share-groups", ["Share-Gruppen", this.sharePanel?.element], { feedback: true }),
      shown("protocol", ["Consumer-Gruppen vom Typ consumer (KIP-848)", this.protocolPanel?.element], { feedback: true }),
      shown("log", ["Ereignisse", logList]),
      shown("ablauf", ["Ablauf", this.sequence?.element]),
      shown("controls", ["Aktionen", buildControls(this.actFn, this.preset.open, this.lastInit.snapshot.brokers.length, offeredGroup(this.preset))]),
    ], neededPanel(this.preset.open, this.panels));
    parts[0].append(tableButton(dock));
    parts.push(dock);
    if (chartDetails) parts.push(chartDetails);
    if (this.wantsCode) {
      const starter = this.preset.exercise?.script ? [this.preset.exercise.script, "Startskript der Übung"] : null;
      parts.splice(this.script ? 4 + Boolean(this.preset.exercise) : parts.length, 0,
        buildCodePanel({ initial: this.script || "boerse_producer.py", starter, run: (source) => this.runScript(source),
          drafts: draftStore(`${location.pathname}|${this.presetName}`) }));
    }
    this.root.replaceChildren(h("div", { class: `ksim ksim-${this.root.dataset.height || "full"}` }, parts));
    nameRegions(this.root.firstChild, `${this.id}-title`);
    this.bar = null;
    if (chartDetails) this.ensureCharts(chartDetails.open);
  }

  // The chart library loads only when the charts are shown.
  async ensureCharts(open) {
    if (!open || this.charts) return;
    const { Charts } = await import("./ui/charts.js");
    this.charts = new Charts(this.chartBox, this.chartsShown);
    if (this.snapshot) this.charts.update(this.snapshot);
  }

  // --- drawing --------------------------------------------------------------------------------

  // The small panels are drawn at once; the partition logs and the event log, the biggest part,
  // follow in their own task, so no single task on the main thread grows long.
  applyView(reply) {
    if (reply.exercise) this.exercisePanel?.watch(reply.exercise);
    if (reply.events?.length) this.pendingEvents = this.pendingEvents.concat(reply.events).slice(-200);
    if (reply.snapshot) {
      const s = (this.snapshot = reply.snapshot);
      if (this.panels.has("brokers")) renderBrokers(this.brokerList, s, this.actFn);
      if (this.panels.has("producers")) renderProducers(this.producerList, s, this.actFn);
      if (this.panels.has("groups")) renderGroups(this.groupBox, s, this.actFn);
      if (this.sharePanel) renderShareGroups(this.sharePanel.list, s, this.actFn);
      if (this.protocolPanel) renderProtocolGroups(this.protocolPanel.list, s, this.actFn);
      syncTopicSelects(this.root, s);
      this.charts?.update(s);
      this.diagram?.update(s, reply.events ?? [], this.journal);
      this.sequence?.update(s, reply.events ?? []);
      setText(this.clock, `Zeit: ${formatTime(s.now_ms)}`);
      this.root.dataset.simTime = String(s.now_ms);
    }
    if (this.deferred) return;
    this.deferred = setTimeout(() => {
      this.deferred = null;
      if (this.panels.has("topics")) renderTopics(this.topicBox, this.snapshot, this.actFn);
      this.log.add(this.pendingEvents.splice(0));
    }, 0);
  }

  // The line under the toolbar: answers to the toolbar's buttons and notices about the simulator.
  status(text, kind = "ok", about = "") {
    say(this.statusLine, text, kind, about);
  }

  // A notice that the worker was restarted is stale once the reader acts again.
  clearRestartNotice() {
    if (this.statusLine?.dataset.about === "restart") this.status("");
  }

  // --- requests -------------------------------------------------------------------------------

  async request(type, payload, timeoutMs) {
    if (this.runtime.restarting) return { ok: false, error: "Der Simulator startet gerade neu." };
    try {
      return await this.send(type, payload, timeoutMs);
    } catch (error) {
      if (error instanceof WorkerTimeout) {
        this.restartMessage = "Der Simulator hat nicht geantwortet und wurde neu gestartet.";
        await this.runtime.restart({});
      }
      return { ok: false, error: error.message };
    }
  }

  // `origin` is the button or form the reader used: the answer appears next to it.
  async act(op, args = [], kwargs = {}, origin = null) {
    const line = feedbackFor(origin, this.statusLine); // now: the drawing below may remove the button
    const reply = await this.request(REQ.CONTROL, { op, args, kwargs });
    // The reader's actions, for tests; the exercises judge the cluster itself (kafkasim.labor).
    this.journal.push({ op, args, kwargs, ok: reply.ok, result: reply.result, error: reply.error });
    this.applyView(reply);
    this.clearRestartNotice();
    if (reply.ok) say(line, DONE[op]?.(args, reply.result, kwargs) ?? "Erledigt.");
    else say(line, `Nicht möglich: ${reply.error}`, "error");
    return reply;
  }

  // Counted even while paused, so a test can watch a pause over the simulator's own clock.
  async tick() {
    this.ticks += 1;
    if (!this.playing || !this.onScreen || document.hidden || this.scriptRunning || this.runtime.busy) return;
    this.applyView(await this.request(REQ.ADVANCE, { ms: Math.round(TICK_MS * this.speed) }));
  }

  async advance(ms) {
    this.applyView(await this.request(REQ.ADVANCE, { ms }));
  }

  // One step runs the simulation up to the next event the log shows, and says which it was.
  async step() {
    this.setPlaying(false);
    const reply = await this.request(REQ.STEP, {});
    this.applyView(reply);
    if (!reply.ok) this.status(`Einzelschritt nicht möglich: ${reply.error}`, "error");
    else if (!reply.stepped) this.status("Einzelschritt: kein Ereignis geplant – die Zeit steht still, bis Sie etwas tun.");
    else if (!reply.happened.length) {
      this.status(`Einzelschritt bis ${formatTime(reply.snapshot.now_ms)}: nur interne Abläufe (z. B. Heartbeats), ` +
        "nichts, was das Ereignisprotokoll zeigt.");
    } else {
      const more = reply.happened.length > 1 ? ` (und ${reply.happened.length - 1} weitere Ereignisse, siehe „Ereignisse“)` : "";
      this.status(`Einzelschritt bis ${formatTime(reply.snapshot.now_ms)}: ${reply.happened[0]}${more}`);
    }
  }

  setPlaying(on) {
    this.playing = on;
    setText(this.playButton, on ? "Pause" : "Abspielen");
    this.playButton.setAttribute("aria-pressed", String(on));
  }

  async reset(seed) {
    if (!Number.isInteger(seed) || seed < 0) {
      this.status("Der Seed muss eine ganze Zahl ab 0 sein.", "error");
      return;
    }
    this.seed = seed;
    const reply = await this.init(null);
    if (!reply.ok) {
      this.status(`Zurücksetzen fehlgeschlagen: ${reply.error}`, "error");
      return;
    }
    this.journal = [];
    this.pendingEvents = [];
    this.exercisePanel?.reset();
    this.log.clear();
    this.charts?.reset();
    this.diagram?.reset();
    this.sequence?.reset();
    this.applyView(reply);
    this.forgetSharedState();
    this.status(`Szenario mit Seed ${seed} neu gestartet.`);
  }

  // After a reset the address must not bring the shared state back on the next reload.
  forgetSharedState() {
    this.shareRow.hidden = true;
    this.shareBox.value = "";
    if (stateInUrl(this.index) !== null) history.replaceState(null, "", `${location.pathname}${location.search}`);
  }

  async share() {
    const reply = await this.request(REQ.GET_STATE, {});
    if (!reply.ok) {
      this.status(`Teilen nicht möglich: ${reply.error}`, "error");
      return;
    }
    const url = shareUrl(await encodeState({ v: 1, preset: this.presetName, speed: this.speed, state: reply.state }), this.index);
    this.shareBox.value = url;
    this.shareRow.hidden = false;
    history.replaceState(null, "", url);
    this.shareBox.select();
    try {
      await navigator.clipboard.writeText(url);
      this.status("Link in die Zwischenablage kopiert.");
    } catch {
      this.status("Link erstellt: kopieren Sie ihn aus dem Feld.");
    }
  }

  // A learner script runs in the worker; if it does not finish within the wall-clock bound the
  // worker is replaced and the cluster comes back as it was before the run.
  async runScript(source) {
    if (this.scriptRunning) return null;
    this.scriptRunning = true;
    this.clearRestartNotice();
    const wasPlaying = this.playing;
    this.setPlaying(false);
    try {
      // Every simulator's state, since a restart replaces the worker they all share.
      const saved = await this.request(REQ.GET_ALL_STATES, {});
      try {
        const reply = await this.send(REQ.RUN_SCRIPT, { source, filename: "<skript>" }, TIMEOUT_MS.script);
        this.applyView(reply);
        if (!reply.ok) return { error: reply.error };
        return reply.run;
      } catch (error) {
        if (!(error instanceof WorkerTimeout)) return { error: error.message };
        const seconds = Math.round(TIMEOUT_MS.script / 1000);
        const message = `Ihr Skript lief länger als ${seconds} Sekunden und wurde abgebrochen – vermutlich eine Endlosschleife ` +
          "(z. B. while True ohne Abbruch). Der Simulator wurde neu gestartet; der Cluster ist wieder im Zustand vor dem Ausführen.";
        this.restartMessage = message;
        await this.runtime.restart(saved.ok ? saved.states : {});
        return { error: message, runaway: true };
      }
    } finally {
      this.scriptRunning = false;
      if (wasPlaying) this.setPlaying(true);
    }
  }

  // Called by the runtime after it replaced the worker: set up again from the state before.
  beforeRestart() {
    if (!this.statusLine) return;
    this.root.dataset.simState = "loading";
    this.restartMessage ??= "Der Simulator wurde neu gestartet, weil ein Skript nicht mehr antwortete.";
    this.status(`${this.restartMessage} Python wird neu geladen …`, "error", "restart");
  }

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

  // "Prüfen": the worker judges the cluster as it is now.
  async checkExercise() {
    const reply = await this.request(REQ.CHECK, {});
    if (!reply.ok) return { ok: false, text: `Prüfen war nicht möglich: ${reply.error}` };
    this.applyView(reply);
    return reply.exercise;
  }
}
