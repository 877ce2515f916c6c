// The „Ablauf“ panel: the requests between clients and brokers as a space-time diagram
// (diagram/sequence.js), with a filter by request type and by client, one focusable arrow per
// request (arrow keys move between them), its sentence below the picture with the events of the
// event log at the same simulated time (highlighted there too), and the same as a list.
//
// The request log travels only while the panel is open: opening it asks the worker to add it to
// every snapshot (REQ.REQUEST_LOG), closing it stops that.
import { h, setText, uniqueId } from "./dom.js";
import { describe, kindOf, sequenceSvg, visible } from "../diagram/sequence.js";

const LIMIT = 40;
const KEPT_EVENTS = 400;

export class SequencePanel {
  /** `toggle(on)` asks the worker to send the log (or not); `logList` is the event log's list. */
  constructor({ toggle, logList = null, title = "Ablauf" }) {
    this.toggle = toggle;
    this.logList = logList;
    this.title = title;
    this.entries = [];
    this.events = [];
    this.off = new Set(); // request types the learner unticked
    this.known = new Set();
    this.current = null;
    this.key = "";
    const id = uniqueId("kseq");
    this.kindBox = h("div", { class: "kseq-kinds" });
    this.clientSelect = h("select", { id: `${id}-client`, onchange: () => this.redraw(true) },
      h("option", { value: "" }, "Alle Clients"));
    this.figure = h("div", { class: "kseq-figure" });
    this.selected = h("p", { class: "kseq-selected", "aria-live": "polite" });
    // Scrollable when long: reachable with the keyboard, as the event log is.
    this.list = h("ol", { class: "kseq-list", tabindex: 0, "aria-label": "Anfragen und Antworten, älteste zuerst" });
    this.count = h("p", { class: "kseq-count" });
    this.figure.addEventListener("keydown", (event) => this.onKey(event));
    this.figure.addEventListener("focusin", (event) => this.onFocus(event.target.closest(".kseq-entry")));
    this.figure.addEventListener("click", (event) => event.target.closest(".kseq-entry")?.focus());
    this.details = h("details", { class: "kseq-open" },
      h("summary", {}, "Ablauf anzeigen: Anfragen und Antworten über die Zeit"),
      h("p", { class: "kseq-help" },
        "Jede Anfrage ist ein Pfeil vom Client zum Broker, ihre Antwort ein gestrichelter Pfeil zurück (ein Fehler steht " +
        "mit ✕ daneben); ein Balken auf der Linie des Brokers zeigt, wie lange die Antwort auf sich warten lässt. Die Zeit " +
        "läuft nach unten, lange Pausen sind zusammengefaltet. Mit Tab erreichen Sie die neueste Anfrage, mit den " +
        "Pfeiltasten die anderen."),
      h("fieldset", { class: "kseq-filter" }, h("legend", {}, "Anfragen filtern"), this.kindBox,
        h("label", { class: "ksim-inline", for: `${id}-client` }, "Client ", this.clientSelect)),
      this.count, this.figure, this.selected,
      h("details", { class: "kseq-as-list" }, h("summary", {}, "Ablauf als Liste"), this.list));
    this.details.addEventListener("toggle", () => {
      this.toggle(this.details.open);
      if (!this.details.open) this.link(null);
    });
    this.element = h("div", { class: "kseq-panel" }, this.details);
  }

  get open() {
    return this.details.open;
  }

  reset() {
    this.entries = [];
    this.events = [];
    this.current = null;
    this.key = "";
    this.link(null);
  }

  /** Every reply's snapshot and events; draws only while open. */
  update(snapshot, events = []) {
    if (events.length) this.events = this.events.concat(events.map((e) => ({ t: e.t, text: e.text }))).slice(-KEPT_EVENTS);
    if (!this.open || !snapshot) return;
    if (!snapshot.requests) {
      // A restarted worker forgot that the panel is open.
      if (!this.asked) {
        this.asked = true;
        Promise.resolve(this.toggle(true)).finally(() => { this.asked = false; });
      }
      return;
    }
    this.snapshot = snapshot;
    this.entries = snapshot.requests;
    this.redraw();
  }

  syncFilters() {
    const kinds = [...new Set(this.entries.map(kindOf))].sort();
    for (const kind of kinds) {
      if (this.known.has(kind)) continue;
      this.known.add(kind);
      const box = h("input", { type: "checkbox", value: kind, checked: !this.off.has(kind), onchange: (event) => {
        if (event.target.checked) this.off.delete(kind);
        else this.off.add(kind);
        this.redraw(true);
      } });
      const labels = [...this.kindBox.children];
      const before = labels.find((l) => l.dataset.kind > kind) ?? null;
      this.kindBox.insertBefore(h("label", { class: "ksim-inline", dataset: { kind } }, box, ` ${kind}`), before);
    }
    const clients = [...new Set(this.entries.map((e) => e.client).filter((c) => !c.startsWith("replica:")))].sort();
    for (const client of clients) {
      if ([...this.clientSelect.options].some((o) => o.value === client)) continue;
      this.clientSelect.append(h("option", { value: client }, client));
    }
  }

  redraw(force = false) {
    if (!this.snapshot) return;
    this.syncFilters();
    const kinds = new Set([...this.known].filter((k) => !this.off.has(k)));
    const shown = visible(this.entries, { kinds, client: this.clientSelect.value, limit: LIMIT });
    const last = this.entries.at(-1);
    const key = [shown.map((e) => `${e.id}:${e.answered_ms}`).join(","), last?.id, this.snapshot.now_ms > (last?.sent_ms ?? 0) && shown.some((e) => e.answered_ms == null && !e.oneway) ? this.snapshot.now_ms : ""].join("|");
    if (!force && key === this.key) return;
    this.key = key;
    if (!shown.some((e) => e.id === this.current)) this.current = shown.at(-1)?.id ?? null;
    const hadFocus = this.figure.contains(document.activeElement);
    const coordinators = {};
    for (const g of this.snapshot.groups ?? []) {
      if (g.coordinator != null) (coordinators[g.coordinator] ??= []).push(g.group_id);
    }
    this.figure.innerHTML = sequenceSvg(shown, {
      brokers: (this.snapshot.brokers ?? []).map((b) => b.id), coordinators, nowMs: this.snapshot.now_ms,
      title: this.title, current: this.current,
    });
    setText(this.count, shown.length
      ? `${shown.length} von ${this.entries.length} aufgezeichneten Anfragen (die zuletzt aktiven).`
      : "Keine Anfrage passt zum Filter.");
    this.list.replaceChildren(...shown.map((e) => h("li", { dataset: { id: e.id } }, describe(e, this.snapshot.now_ms))));
    if (hadFocus && this.current != null) {
      // The same arrow, drawn anew: no new announcement.
      this.refocusing = true;
      this.entryEl(this.current)?.focus({ preventScroll: true });
      this.refocusing = false;
    }
  }

  entryEl(id) {
    return this.figure.querySelector(`.kseq-entry[data-id="${id}"]`);
  }

  onKey(event) {
    const entries = [...this.figure.querySelectorAll(".kseq-entry")];
    const index = entries.indexOf(event.target.closest(".kseq-entry"));
    if (index < 0) return;
    const to = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1,
      Home: 0, End: entries.length - 1 }[event.key];
    if (to == null) return;
    event.preventDefault();
    entries[Math.max(0, Math.min(entries.length - 1, to))].focus();
  }

  onFocus(el) {
    if (!el || this.refocusing) return;
    for (const other of this.figure.querySelectorAll(".kseq-entry[tabindex='0']")) other.tabIndex = -1;
    el.tabIndex = 0;
    this.current = Number(el.dataset.id);
    const entry = this.entries.find((e) => e.id === this.current);
    if (entry) this.link(entry);
  }

  /** Names the events at the entry's times (sent, answered, ± one network hop) and marks them in the log. */
  link(entry) {
    for (const li of this.logList?.querySelectorAll(".ksim-linked") ?? []) li.classList.remove("ksim-linked");
    if (!entry) {
      setText(this.selected, "");
      return;
    }
    const times = [entry.sent_ms, entry.answered_ms].filter((t) => t != null);
    const near = (t) => times.some((s) => Math.abs(t - s) <= 1);
    const events = this.events.filter((e) => near(e.t));
    for (const li of this.logList?.querySelectorAll("li[data-t]") ?? []) {
      if (near(Number(li.dataset.t))) li.classList.add("ksim-linked");
    }
    const said = events.length
      ? ` Im Ereignisprotokoll zur selben Zeit: ${events.slice(-3).map((e) => e.text).join(" · ")}` +
        (events.length > 3 ? ` (und ${events.length - 3} weitere)` : "")
      : " Im Ereignisprotokoll steht zu dieser Zeit nichts.";
    setText(this.selected, `Ausgewählt: ${describe(entry, this.snapshot?.now_ms ?? 0)}${said}`);
  }
}
