// The German event log: newest first, bounded, text only.
import { h } from "./dom.js";

const MAX_SHOWN = 150;
// Per answer only the newest few are drawn: at 10x speed an answer can carry hundreds.
const MAX_PER_BATCH = 40;

// One formatter for all: creating an Intl formatter per call costs more than drawing the entry.
const SECONDS = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatTime(ms) {
  return `${SECONDS.format(ms / 1000)} s`;
}

export class EventLog {
  constructor(list) {
    this.list = list;
  }

  clear() {
    this.list.replaceChildren();
  }

  add(events) {
    if (!events.length) return;
    const items = events.slice(-MAX_PER_BATCH).reverse().map((e) =>
      h("li", { dataset: { kind: e.kind, t: e.t } }, h("span", { class: "ksim-time" }, formatTime(e.t)), " ", e.text));
    this.list.prepend(...items);
    while (this.list.children.length > MAX_SHOWN) this.list.lastElementChild.remove();
  }
}
