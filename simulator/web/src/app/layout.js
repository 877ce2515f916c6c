// What the reader sees of one simulator: the panels built once after the boot, and every view
// the worker answers with drawn into them. Kept apart from the requests (session.js) so the
// drawing never asks the worker anything: it only shows what arrived.
import { h, setText, uniqueId } from "../ui/dom.js";
import { renderBrokers, renderGroups, renderProducers, renderTopics } from "../ui/views.js";
import { EventLog, formatTime } from "../ui/eventlog.js";
import { buildControls, syncTopicSelects } from "../ui/controls.js";
import { draftStore } from "../ui/drafts.js";
import { buildCodePanel } from "../ui/codepanel.js";
import { buildExercisePanel } from "../ui/exercise.js";
import { feedbackLine, reveal, say } from "../ui/feedback.js";
import { LiveDiagram } from "../diagram/live.js";
import { SequencePanel } from "../ui/sequence.js";
import { REQ } from "../protocol.js";
import { buildProtocolPanel, buildSharePanel, renderProtocolGroups, renderShareGroups } from "../ui/groups4.js";
import { buildDock, nameRegions, neededPanel, tableButton } from "../ui/dock.js";
import { offeredGroup } from "../presets.js";
import { SPEEDS } from "./session.js";

export const LAYOUT = {
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
      shown("controls", ["Aktionen", buildControls(this.actFn, this.preset.open, this.lastInit.snapshot.brokers.length, offeredGroup(this.preset),
        { assignorField: Boolean(this.preset.assignorField) })]),
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
  },

  // The chart library loads only when the charts are shown.
  async ensureCharts(open) {
    if (!open || this.charts) return;
    const { Charts } = await import("../ui/charts.js");
    this.charts = new Charts(this.chartBox, this.chartsShown);
    if (this.snapshot) this.charts.update(this.snapshot);
  },

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
  },

  // The line under the toolbar: answers to the toolbar's buttons and notices about the simulator.
  status(text, kind = "ok", about = "") {
    say(this.statusLine, text, kind, about);
  },

  // A notice that the worker was restarted is stale once the reader acts again.
  clearRestartNotice() {
    if (this.statusLine?.dataset.about === "restart") this.status("");
  },
};
