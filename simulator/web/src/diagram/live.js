// The live cluster diagram in a page: draws each snapshot the worker sends (the same pure
// renderer as the build), at the width it has, and animates the events in between (flow.js).
// Drawing waits for the next frame, so a burst of answers costs one drawing, in its own task.
import { buildModel } from "./model.js";
import { SIZE, layoutDiagram } from "./layout.js";
import { renderPieces } from "./svg.js";
import { describe } from "./describe.js";
import { diagramTitle } from "./index.js";
import { Flow } from "./flow.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const FALLBACK_WIDTH = 660;
// What a screen leaves the brokers when toolbar, controls and event log share it with the picture
// (1280x800: 320 px, brokers side by side); never less than a readable minimum, never more than the build's budget.
const CHROME_PX = 480;
const MIN_BUDGET = 240;
let instances = 0;

export class LiveDiagram {
  /**
   * `options`: {title, parts, topics} (see index.js). `predrawn`: the build's <svg> for this
   * preset, shown until the first live drawing replaces it.
   */
  constructor(options = {}, predrawn = null) {
    this.options = options;
    this.id = `kd-live-${++instances}`;
    this.host = document.createElement("div");
    this.host.className = "ksim-diagram-host";
    this.svg = document.createElementNS(SVG_NS, "svg");
    this.svg.setAttribute("class", "ksim-diagram");
    this.svg.setAttribute("role", "img");
    this.svg.setAttribute("aria-labelledby", `${this.id}-title ${this.id}-desc`);
    this.titleEl = document.createElementNS(SVG_NS, "title");
    this.titleEl.id = `${this.id}-title`;
    this.titleEl.textContent = diagramTitle(options.title);
    this.descEl = document.createElementNS(SVG_NS, "desc");
    this.descEl.id = `${this.id}-desc`;
    this.base = document.createElementNS(SVG_NS, "g");
    this.base.setAttribute("class", "kd-base");
    const layer = document.createElementNS(SVG_NS, "g");
    layer.setAttribute("class", "kd-flow");
    layer.setAttribute("aria-hidden", "true");
    this.svg.append(this.titleEl, this.descEl, this.base, layer);
    this.flow = new Flow(layer);
    this.host.append(predrawn ?? this.svg);
    this.predrawn = predrawn;
    this.snapshot = null;
    this.drawn = null; // the snapshot of the current picture
    this.events = [];
    this.frame = 0;
    if (typeof ResizeObserver === "function") {
      this.resizer = new ResizeObserver(() => {
        if (this.snapshot && Math.abs(this.width() - (this.layout?.width ?? 0)) > 4) this.schedule();
      });
      this.resizer.observe(this.host);
    }
  }

  get element() {
    return this.host;
  }

  width() {
    return this.host.clientWidth || FALLBACK_WIDTH;
  }

  heightBudget() {
    const screen = typeof innerHeight === "number" && innerHeight > 0 ? innerHeight : 800;
    return Math.max(MIN_BUDGET, Math.min(SIZE.maxHeight, screen - CHROME_PX));
  }

  /**
   * A new snapshot and the events since the previous one; `journal` (the page's controls, as
   * app/session.js records them) tells how many records the learner sent with the form.
   */
  update(snapshot, events = [], journal = null) {
    this.snapshot = snapshot;
    if (journal) {
      const sends = journal.filter((entry) => entry.command.op === "produce");
      this.formSends = { sent: sends.length, failed: sends.filter((entry) => !entry.ok).length };
    }
    if (events.length) this.events = this.events.concat(events).slice(-400);
    this.schedule();
  }

  /** After a reset: the next picture starts afresh, nothing flies. */
  reset() {
    this.tallest = 0;
    this.events = [];
    this.drawn = null;
    this.formSends = null;
    this.flow.clear();
  }

  schedule() {
    if (this.frame) return;
    const run = () => {
      this.frame = 0;
      this.draw();
    };
    this.frame = typeof requestAnimationFrame === "function" && !document.hidden ? requestAnimationFrame(run) : setTimeout(run, 0);
  }

  // Off-screen diagrams draw no flights (the picture itself stays current).
  inView() {
    if (document.hidden) return false;
    const box = this.host.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.width > 0;
  }

  draw() {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const animate = this.drawn && this.inView();
    const model = buildModel(snapshot, { ...this.options, formSends: this.formSends });
    const layout = layoutDiagram(model, { width: this.width(), maxHeight: this.heightBudget() });
    this.patch(renderPieces(layout, { id: this.id }));
    // The picture grows but does not shrink while the learner works (a deleted topic would pull
    // the controls below it away from under the pointer); a reset or a new width starts afresh.
    if (this.layout?.width !== layout.width) this.tallest = 0;
    this.tallest = Math.max(this.tallest ?? 0, layout.height);
    if (this.layout?.width !== layout.width || this.shownHeight !== this.tallest) {
      this.shownHeight = this.tallest;
      this.svg.setAttribute("viewBox", `0 0 ${layout.width} ${this.tallest}`);
      this.svg.setAttribute("data-orientation", layout.orientation);
    }
    this.svg.toggleAttribute("data-compact", layout.compact);
    const description = describe(model);
    if (this.descEl.textContent !== description) this.descEl.textContent = description;
    if (this.predrawn) {
      this.predrawn.replaceWith(this.svg);
      this.predrawn = null;
    }
    this.host.dataset.drawnAt = String(snapshot.now_ms);
    const events = this.events;
    this.events = [];
    if (animate) {
      const formGrew = (this.formSends?.sent ?? 0) > (this.drawnSends ?? 0);
      this.flow.play({ before: this.drawn, after: snapshot, layout, events, formGrew });
    }
    this.layout = layout;
    this.drawn = snapshot;
    this.drawnSends = this.formSends?.sent ?? 0;
  }

  // Replaces the pieces whose markup changed, drops the stale ones, keeps the drawing order.
  patch(pieces) {
    this.pieces ??= new Map();
    this.scratch ??= document.createElementNS(SVG_NS, "g");
    const next = new Map();
    for (const [key, markup] of pieces) {
      let entry = this.pieces.get(key);
      if (!entry || entry.markup !== markup) {
        this.scratch.innerHTML = markup; // built from escaped text only (svg.js)
        const el = this.scratch.firstElementChild;
        entry?.el.replaceWith(el);
        entry = { markup, el };
      }
      next.set(key, entry);
    }
    for (const [key, entry] of this.pieces) if (!next.has(key)) entry.el.remove();
    let cursor = this.base.firstElementChild;
    for (const { el } of next.values()) {
      if (el === cursor) cursor = cursor.nextElementSibling;
      else this.base.insertBefore(el, cursor);
    }
    this.pieces = next;
  }

  destroy() {
    this.resizer?.disconnect();
    this.flow.clear();
  }
}
