// The diagram's animation layer (browser only): what happened between two snapshots, drawn on
// top of the new picture. Records fly from a producer to the partition's leader, from the leader
// to its followers and to the consumers that fetch them; commits travel to the group's
// coordinator; a crash, an election or a rebalance gets a ring with a word for a while.
// Everything is derived from the events the worker sends with each snapshot (kafkasim/events.py).
// With prefers-reduced-motion nothing moves: the rings only fade in and out.
import { partitionColor } from "../ui/palette.js";
import { int } from "./text.js";
import { FORM_PRODUCER } from "./model.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const FLIGHT_MS = 520;
const SPREAD_MS = 450; // the events of one answer are spread over this much wall time
const RING_MS = 2600;
const MAX_TOKENS = 24; // per answer; at 10x speed the rest would only be noise

function el(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

// Where things are in a layout (layout.js), found by the names the events use.
class Anchors {
  constructor(layout) {
    this.layout = layout;
    this.rows = new Map();
    for (const b of layout.brokers) {
      for (const r of [...b.rows, ...(b.tiles ?? [])]) this.rows.set(`${r.topic}/${r.partition}/${r.broker}`, r);
    }
  }

  row(topic, partition, broker) {
    return this.rows.get(`${topic}/${partition}/${broker}`) ?? null;
  }

  leaderRow(topic, partition) {
    for (const r of this.rows.values()) if (r.topic === topic && r.partition === partition && r.leader) return r;
    return null;
  }

  // The middle of the cell that holds `offset` (or the row's log end), as the point to fly to.
  cell(row, offset) {
    const y = row.y + row.h / 2;
    const cell = row.cells?.find((c) => c.offset === offset);
    if (cell) return { x: cell.x + cell.w / 2, y };
    if (row.cells) return { x: Math.max(row.stripX ?? row.x, (row.leoX ?? row.x + row.w) - 4), y };
    return { x: row.x + row.w / 2, y };
  }

  broker(id) {
    return this.layout.brokers.find((b) => b.id === id) ?? null;
  }

  group(id) {
    return this.layout.groups.find((g) => g.id === id) ?? null;
  }

  member(groupId, clientId) {
    return this.group(groupId)?.members.find((m) => m.clientId === clientId) ?? null;
  }

  // The producer a partition's new records most likely came from: one whose count of sent
  // records grew (a client or the page's form), else the Börse ticker of that topic, else the first.
  producer(topic, grown) {
    const boxes = this.layout.producers;
    return boxes.find((p) => grown.has(p.id) && (p.kind !== "ticker" || p.topicName === topic))
      ?? boxes.find((p) => p.kind === "ticker" && p.topicName === topic && p.active) ?? boxes[0] ?? null;
  }

  // Records leave a producer on the side facing the brokers.
  exit(box) {
    return this.layout.orientation === "row" ? { x: box.x + box.w, y: box.y + Math.min(box.h / 2, 18) } : { x: box.x + box.w / 2, y: box.y + box.h };
  }

  entry(box) {
    return this.layout.orientation === "row" ? { x: box.x, y: box.y + Math.min(box.h / 2, 16) } : { x: box.x + box.w / 2, y: box.y };
  }
}

function grownProducers(before, after, formGrew) {
  const sent = new Map((before?.producers ?? []).map((p) => [p.client_id, p.sent]));
  const grown = new Set((after?.producers ?? []).filter((p) => p.sent > (sent.get(p.client_id) ?? 0)).map((p) => p.client_id));
  if (formGrew) grown.add(FORM_PRODUCER);
  return grown;
}

// One token per partition (and per follower or consumer) and answer: "×3" says how many.
function aggregate(events, keyOf) {
  const groups = new Map();
  for (const e of events) {
    const key = keyOf(e);
    const g = groups.get(key);
    if (g) {
      g.count += e.count ?? 1;
      g.last = e;
    } else {
      groups.set(key, { first: e, last: e, count: e.count ?? 1 });
    }
  }
  return [...groups.values()];
}

export class Flow {
  constructor(layer) {
    this.layer = layer;
    this.motion = typeof matchMedia === "function" ? matchMedia("(prefers-reduced-motion: reduce)") : { matches: false };
  }

  clear() {
    for (const a of this.layer.getAnimations?.({ subtree: true }) ?? []) a.cancel();
    this.layer.replaceChildren();
  }

  /** Draws the events between `before` and `after` (snapshots) over the new `layout`. */
  play({ before, after, layout, events, formGrew = false }) {
    if (!events?.length || !layout) return;
    const anchors = new Anchors(layout);
    const t0 = before?.now_ms ?? events[0].t;
    const span = Math.max(1, (after?.now_ms ?? events.at(-1).t) - t0);
    const when = (e) => Math.max(0, Math.min(1, (e.t - t0) / span)) * SPREAD_MS;
    this.rings(anchors, events, when);
    if (this.motion.matches) return;
    let budget = MAX_TOKENS;
    const grown = grownProducers(before, after, formGrew);
    const fly = (from, to, delay, attrs) => {
      if (budget-- <= 0 || !from || !to) return;
      this.token(from, to, delay, attrs);
    };
    const byKind = (kind) => events.filter((e) => e.kind === kind);
    for (const a of aggregate(byKind("record.appended"), (e) => `${e.topic}/${e.partition}`)) {
      const row = anchors.leaderRow(a.first.topic, a.first.partition);
      const producer = anchors.producer(a.first.topic, grown);
      if (!row || !producer) continue;
      fly(anchors.exit(producer), anchors.cell(row, a.last.offset + (a.last.count ?? 1) - 1), when(a.first),
        { kind: "append", partition: a.first.partition, label: a.count > 1 ? `×${int(a.count)}` : a.first.key ?? "" });
    }
    for (const a of aggregate(byKind("replica.fetched"), (e) => `${e.topic}/${e.partition}/${e.broker}`)) {
      const { topic, partition, leader, broker } = a.first;
      const from = anchors.row(topic, partition, leader);
      const to = anchors.row(topic, partition, broker);
      if (!from || !to) continue;
      const offset = a.last.offset + (a.last.count ?? 1) - 1;
      fly(anchors.cell(from, offset), anchors.cell(to, offset), when(a.first) + FLIGHT_MS * 0.8,
        { kind: "replicate", partition, label: a.count > 1 ? `×${int(a.count)}` : "" });
    }
    for (const a of aggregate(byKind("record.fetched"), (e) => `${e.topic}/${e.partition}/${e.group}/${e.client_id}`)) {
      const { topic, partition, group, client_id: client } = a.first;
      const row = anchors.leaderRow(topic, partition);
      const member = anchors.member(group, client);
      if (!row || !member) continue;
      fly(anchors.cell(row, a.last.offset + (a.last.count ?? 1) - 1), anchors.entry(member), when(a.first) + FLIGHT_MS * 0.5,
        { kind: "fetch", partition, label: a.count > 1 ? `×${int(a.count)}` : "" });
    }
    for (const a of aggregate(byKind("offset.committed"), (e) => `${e.group}/${e.member}`)) {
      const group = anchors.group(a.first.group);
      const member = group?.members.find((m) => m.id === a.first.member);
      const coordinator = group && anchors.broker(group.coordinator);
      if (!member || !coordinator) continue;
      const to = layout.orientation === "row" ? { x: coordinator.x + coordinator.w - 10, y: coordinator.y + 8 } : { x: coordinator.x + coordinator.w / 2, y: coordinator.y + coordinator.h };
      fly({ x: member.x, y: member.y + 8 }, to, when(a.first), { kind: "commit", label: "Commit" });
    }
  }

  token(from, to, delay, { kind, partition, label }) {
    const g = el("g", { class: `kd-token kind-${kind}` });
    if (partition != null) g.style.setProperty("--kd-part", partitionColor(partition).color);
    if (kind === "commit") {
      g.append(el("rect", { x: -4, y: -4, width: 8, height: 8, rx: 1 }));
    } else {
      g.append(el("circle", { r: 4.5 }));
    }
    if (label) g.append(el("text", { x: 7, y: -5 }, label));
    this.layer.append(g);
    const at = (p) => `translate(${p.x}px, ${p.y}px)`;
    const animation = g.animate([
      { transform: at(from), opacity: 0 },
      { transform: at(from), opacity: 1, offset: 0.08 },
      { transform: at(to), opacity: 1, offset: 0.9 },
      { transform: at(to), opacity: 0 },
    ], { duration: FLIGHT_MS, delay, easing: "ease-in-out", fill: "both" });
    animation.onfinish = () => g.remove();
    animation.oncancel = () => g.remove();
  }

  // Rings with a word around what changed its state: legible without motion and without colour.
  rings(anchors, events, when) {
    const seen = new Set();
    const ring = (box, label, delay, key) => {
      if (!box || seen.has(key)) return;
      seen.add(key);
      const g = el("g", { class: "kd-ring-group" });
      g.append(el("rect", { class: "kd-ring", x: box.x - 3, y: box.y - 3, width: box.w + 6, height: box.h + 6, rx: 6 }));
      const ty = box.y > 14 ? box.y - 6 : box.y + box.h + 12;
      g.append(el("text", { class: "kd-ring-label", x: box.x + box.w - 4, y: ty, "text-anchor": "end" }, label));
      this.layer.append(g);
      const animation = g.animate([{ opacity: 0 }, { opacity: 1, offset: 0.1 }, { opacity: 1, offset: 0.75 }, { opacity: 0 }],
        { duration: RING_MS, delay, fill: "both" });
      animation.onfinish = () => g.remove();
      animation.oncancel = () => g.remove();
    };
    for (const e of events) {
      switch (e.kind) {
        case "broker.crashed": ring(anchors.broker(e.broker), "abgestürzt", when(e), `b${e.broker}`); break;
        case "broker.stopped": ring(anchors.broker(e.broker), "heruntergefahren", when(e), `b${e.broker}`); break;
        case "broker.started": ring(anchors.broker(e.broker), "startet neu", when(e), `b${e.broker}`); break;
        case "leader.elected": ring(anchors.row(e.topic, e.partition, e.broker), "neuer Leader", when(e), `r${e.topic}/${e.partition}`); break;
        case "isr.shrunk": ring(anchors.row(e.topic, e.partition, e.broker), "aus der ISR", when(e), `i${e.topic}/${e.partition}/${e.broker}`); break;
        case "isr.expanded": ring(anchors.row(e.topic, e.partition, e.broker), "wieder in der ISR", when(e), `i${e.topic}/${e.partition}/${e.broker}`); break;
        case "group.rebalance": ring(anchors.group(e.group), "Rebalancing", when(e), `g${e.group}`); break;
        case "group.stable": ring(anchors.group(e.group), "stabil", when(e), `g${e.group}`); break;
        default: break;
      }
    }
  }
}
