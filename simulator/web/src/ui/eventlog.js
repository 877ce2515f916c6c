// The German event log: newest first, bounded, text only.
import { h } from "./dom.js";

const MAX_SHOWN = 150;

export function formatTime(ms) {
  return `${(ms / 1000).toLocaleString("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
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
    const items = events.slice(-MAX_SHOWN).reverse().map((e) =>
      h("li", { dataset: { kind: e.kind } }, h("span", { class: "ksim-time" }, formatTime(e.t)), " ", e.text));
    this.list.prepend(...items);
    while (this.list.children.length > MAX_SHOWN) this.list.lastElementChild.remove();
  }
}
