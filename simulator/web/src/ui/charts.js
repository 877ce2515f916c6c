// Throughput and lag per partition over simulated time, drawn with uPlot (self-hosted from npm).
import uPlot from "uplot";
import { h } from "./dom.js";
import { partitionColor } from "./palette.js";

const MAX_POINTS = 240;
const REDRAW_MS = 500;
const RATE_WINDOW_S = 3;
// German numbers on the axes and in the legend: "1,5" and "1.200", not "1.5" and "1,200".
const NUMBER = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
const number = (v) => (v == null ? "–" : NUMBER.format(v));
const ticks = (u, splits) => splits.map(number);

export class Charts {
  // `shown`: "throughput", "lag" or both, as the chapter's panels say (presets.js).
  constructor(container, shown = ["throughput", "lag"]) {
    this.shown = shown;
    this.container = container;
    this.select = h("select", { "aria-label": "Topic für die Diagramme" });
    this.select.addEventListener("change", () => this.reset());
    this.throughputBox = h("div", { class: "ksim-chart", role: "img", "aria-label": "Durchsatz je Partition in Datensätzen pro Sekunde über die simulierte Zeit" });
    this.lagBox = h("div", { class: "ksim-chart", role: "img", "aria-label": "Lag je Partition (Summe über alle Gruppen) über die simulierte Zeit" });
    const heading = { throughput: h("h4", {}, "Durchsatz (Datensätze/s)"), lag: h("h4", {}, "Lag (Datensätze)") };
    const box = { throughput: this.throughputBox, lag: this.lagBox };
    container.replaceChildren(h("label", {}, "Topic ", this.select), ...shown.flatMap((name) => [heading[name], box[name]]));
    this.reset();
  }

  reset() {
    this.samples = [];
    this.plots?.forEach((p) => p.destroy());
    this.plots = null;
    this.partitions = 0;
    this.lastDraw = 0;
  }

  topicOf(snapshot) {
    const names = snapshot.topics.map((t) => t.name);
    const current = [...this.select.options].map((o) => o.value);
    if (names.join() !== current.join()) {
      const chosen = this.select.value;
      this.select.replaceChildren(...names.map((n) => h("option", { value: n }, n)));
      if (names.includes(chosen)) this.select.value = chosen;
      else this.reset();
    }
    return snapshot.topics.find((t) => t.name === this.select.value);
  }

  update(snapshot) {
    const topic = this.topicOf(snapshot);
    if (!topic) return;
    const n = topic.partitions.length;
    if (n !== this.partitions) {
      this.reset();
      this.partitions = n;
    }
    const lag = topic.partitions.map((p) => snapshot.groups.reduce((sum, g) =>
      sum + (g.offsets.find((o) => o.topic === topic.name && o.partition === p.partition)?.lag ?? 0), 0));
    const prev = this.samples[this.samples.length - 1];
    const t = snapshot.now_ms / 1000;
    if (prev && t <= prev.t) return;
    const leo = topic.partitions.map((p) => p.log_end_offset);
    // Rate over the last simulated seconds: per-tick differences of a few records only flicker.
    let ref = prev;
    for (let i = this.samples.length - 1; i >= 0 && t - this.samples[i].t <= RATE_WINDOW_S; i--) ref = this.samples[i];
    const rate = ref ? leo.map((v, i) => Math.max(0, (v - ref.leo[i]) / (t - ref.t))) : leo.map(() => 0);
    this.samples.push({ t, leo, rate, lag });
    if (this.samples.length > MAX_POINTS) this.samples.shift();
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.draw(n);
  }

  draw(n) {
    const xs = this.samples.map((s) => s.t);
    const rateData = [xs, ...Array.from({ length: n }, (_, i) => this.samples.map((s) => s.rate[i]))];
    const lagData = [xs, ...Array.from({ length: n }, (_, i) => this.samples.map((s) => s.lag[i]))];
    if (!this.plots) {
      const width = Math.max(240, Math.min(this.container.clientWidth || 600, 900));
      const opts = (title) => ({
        width, height: 160,
        scales: { x: { time: false } },
        axes: [{ label: "simulierte Zeit (s)", stroke: "currentColor", grid: { stroke: "rgba(128,128,128,.2)" }, values: ticks },
          { stroke: "currentColor", grid: { stroke: "rgba(128,128,128,.2)" }, values: ticks }],
        legend: { show: true },
        series: [{ label: "Zeit", value: (u, v) => (v == null ? "–" : `${number(v)} s`) }, ...Array.from({ length: n }, (_, i) => {
          const c = partitionColor(i);
          return { label: `P${i}`, stroke: c.color, dash: c.dash, width: 2, points: { show: false }, value: (u, v) => number(v) };
        })],
        title,
      });
      const boxes = { throughput: [rateData, this.throughputBox], lag: [lagData, this.lagBox] };
      this.plots = this.shown.map((name) => new uPlot(opts(), ...boxes[name]));
    } else {
      const data = { throughput: rateData, lag: lagData };
      this.shown.forEach((name, i) => this.plots[i].setData(data[name]));
    }
  }
}
