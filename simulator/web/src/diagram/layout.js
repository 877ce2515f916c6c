// Geometry of the cluster diagram: where every box, row, record cell and label goes, for a
// given width. Pure (browser and Node). Producers stand on the left, brokers with their replica
// logs in the middle, consumer groups on the right; below a narrow width the three are stacked.
// Every text is shortened to its box here, so nothing drawn overlaps.
import { layoutGroups4 } from "./groups4.js";
import { BROKER_MARK, BROKER_STATE, GROUP_MARK, ROLE, ROLE_SHORT, TXN_RECORD, TXN_SIGN, dec, fit, groupState, int, textWidth, txnKind, txnState } from "./text.js";

export const SIZE = Object.freeze({
  margin: 6, gap: 24, colHead: 18, font: 11, small: 9.5, tiny: 8.5, line: 12.5,
  brokerHead: 22, topicHead: 14, brokerGap: 10, maxHeight: 560,
});
// Two row sizes: readable rows with offsets in the cells, and compact rows when many partitions
// must fit (the offsets move to the row's end and into the cells' tooltips).
const ROWS = {
  normal: { h: 24, cellH: 16, head: 84, end: 44, gap: 3, minBroker: 250 },
  compact: { h: 15, cellH: 10, head: 42, end: 34, gap: 2, minBroker: 118 },
};
// Many replicas (24 partitions on three brokers): leaders keep their log rows, followers shrink
// to tiles that name partition and role.
ROWS.dense = { ...ROWS.compact, tiles: { w: 44, h: 15, gap: 3 } };
const ELLIPSIS_W = 14;
const ROLE_LINES = { "out-of-isr": ["nicht in", "der ISR"], "leader-offline": ["Leader,", "offline"] };
const MAX_CELLS = 12; // the snapshot carries the newest 12 records per partition (protocol.js)

// --- producers ------------------------------------------------------------------------------

function producerLines(entry) {
  const { producer: p, ticker: t, form } = entry;
  if (form) return ["„Datensatz senden“", `gesendet ${int(form.sent)}`, ...(form.failed ? [`abgelehnt ${int(form.failed)}`] : [])];
  const lines = t
    ? [`→ ${t.topic}`, t.running ? `Börse · ${dec(t.rate_per_s)} / s` : "Börse · gestoppt"]
    : [p ? `Producer, acks=${p.acks}` : "Producer"];
  if (p) {
    lines.push(`gesendet ${int(p.sent)}`, `bestätigt ${int(p.acked)}`);
    if (p.errors) lines.push(`Fehler ${int(p.errors)}`);
  }
  // "Transaktion" and its state on two lines: one would be cut in the narrow producer column.
  if (entry.transaction) {
    const state = txnState(entry.transaction.state);
    lines.push(...(state.startsWith("Transaktion ") ? ["Transaktion", state.slice("Transaktion ".length)] : [state]));
  }
  return lines;
}

function layoutProducer(entry, x, y, w) {
  const title = fit(entry.id, w - 12, SIZE.font, true);
  const lines = producerLines(entry).map((text) => fit(text, w - 12, SIZE.small));
  const h = 20 + lines.length * SIZE.line;
  const kind = entry.form ? "form" : entry.ticker ? "ticker" : "producer";
  let full = { form: "Ihr Formular „Datensatz senden“ auf dieser Seite", ticker: `Börse ${entry.id}`, producer: `Producer ${entry.id}` }[kind];
  if (entry.transaction) full += ` (transactional_id ${entry.transaction.transactional_id}): ${txnState(entry.transaction.state)}`;
  return { id: entry.id, kind, active: entry.ticker ? entry.ticker.running : true, topicName: entry.ticker?.topic ?? null,
    x, y, w, h, title, lines, full };
}

// --- brokers and replica rows ---------------------------------------------------------------

function widestOffset(model) {
  let widest = 1;
  for (const b of model.brokers) for (const r of b.replicas) widest = Math.max(widest, r.log.log_end_offset);
  return widest;
}

// The row's end names HW and LEO: as wide as the longest of them needs.
function endWidth(model, mode) {
  const label = mode === ROWS.normal ? `LEO ${int(widestOffset(model))}` : int(widestOffset(model));
  return Math.max(mode.end, Math.ceil(textWidth(label, SIZE.tiny) + 8));
}

// Normal cells are as wide as the longest offset; compact ones share the strip between the
// newest records (the same width in every broker, so replicas of a partition line up).
function cellWidth(model, mode, brokerW) {
  if (mode !== ROWS.normal) {
    const strip = brokerW - 12 - mode.head - endWidth(model, mode) - 4 - ELLIPSIS_W;
    return Math.max(8, Math.min(16, Math.floor(strip / MAX_CELLS) - 1));
  }
  return Math.max(20, Math.ceil(textWidth(int(widestOffset(model)), SIZE.small) + 6));
}

function boundary(cells, offset, fallback) {
  // x where `offset` would start: before the first cell at or above it, else after the last.
  for (const c of cells) if (c.offset >= offset) return c.x - 0.5;
  return cells.length ? cells.at(-1).x + cells.at(-1).w + 0.5 : fallback;
}

// Marks of several groups at the same offset sit side by side instead of on top of each other.
function spread(marks) {
  const byX = new Map();
  for (const m of marks) byX.set(m.x, [...(byX.get(m.x) ?? []), m]);
  for (const same of byX.values()) same.forEach((m, i) => { m.x += (i - (same.length - 1) / 2) * 8; });
  return marks;
}

function layoutRow(replica, brokerId, x, y, w, mode, cw, end) {
  const p = replica.log;
  const compact = mode !== ROWS.normal;
  const label = `P${replica.partition}`;
  // Long roles take two short lines in the row's head.
  const headRole = compact ? [ROLE_SHORT[replica.role]]
    : (ROLE_LINES[replica.role] ?? [ROLE[replica.role]]).map((t) => fit(t, mode.head - 30, SIZE.tiny));
  const stripX = x + mode.head;
  const endW = w - mode.head >= end + 4 * (cw + 1) ? end : 0;
  const stripW = w - mode.head - endW - 4;
  const fitting = Math.max(1, Math.floor((stripW - ELLIPSIS_W) / (cw + 1)));
  const shown = p.records.slice(-Math.min(fitting, MAX_CELLS));
  const first = shown.length ? shown[0].offset : p.log_end_offset;
  const ellipsis = p.log_start_offset < first
    ? { x: stripX, w: ELLIPSIS_W - 2, from: p.log_start_offset, to: first - 1 } : null;
  let cx = stripX + (ellipsis ? ELLIPSIS_W : 0);
  const cells = shown.map((r) => {
    const present = r.offset < replica.leo;
    const cell = { offset: r.offset, key: r.key, value: r.value, x: cx, w: cw,
      state: !present ? "missing" : r.offset < p.high_watermark ? "committed" : "uncommitted",
      txn: txnKind(r) };
    cx += cw + 1;
    return cell;
  });
  const cellY = y + (mode.h - mode.cellH) / 2;
  const leader = replica.role === "leader" || replica.role === "leader-offline";
  const leoX = boundary(cells, replica.leo, cx);
  const hwX = boundary(cells, p.high_watermark, cx);
  // The LSO only once a transaction ran (the snapshot has it then): other pages stay as they were.
  const lso = leader && p.last_stable_offset != null ? p.last_stable_offset : null;
  const lsoX = lso == null ? null : boundary(cells, lso, cx);
  const marks = leader ? spread(replica.committed.map((c) => ({ ...c, x: boundary(cells, c.offset, cx) }))) : [];
  // HW above LEO at the row's end, so both fit a narrow column; compact rows name the LEO only.
  let endText = null;
  if (endW && compact) endText = [fit(int(replica.leo), endW - 4, SIZE.tiny)];
  else if (endW) endText = [leader ? `HW ${int(p.high_watermark)}` : "", `LEO ${int(replica.leo)}`].map((t) => fit(t, endW - 4, SIZE.tiny));
  return {
    topic: replica.topic, partition: replica.partition, broker: brokerId, role: replica.role, leader,
    x, y, w, h: mode.h, label, headRole, cellY, cellH: mode.cellH, cells, ellipsis,
    cellText: !compact, stripX, stripEnd: stripX + stripW, hwX, leoX, marks, endText, endX: x + w - endW,
    lso, lsoX, empty: shown.length === 0, leo: replica.leo, hw: p.high_watermark, epoch: p.leader_epoch, isr: p.isr,
  };
}

function layoutBroker(model, broker, x, y, w, mode, cw) {
  const end = endWidth(model, mode);
  const title = `Broker ${broker.id}`;
  const state = `${BROKER_MARK[broker.state] ?? ""} ${BROKER_STATE[broker.state] ?? broker.state}`.trim();
  const titleW = textWidth(title, SIZE.font, true);
  // The state comes first; in a narrow box "★ Controller" shrinks to its star (the tooltip says it).
  const room = w - 16 - titleW - 8 - textWidth(state, SIZE.small) - 10;
  const right = !broker.controller ? "" : textWidth("★ Controller", SIZE.small) <= room ? "★ Controller" : "★";
  const stateText = fit(state, w - 16 - titleW - 8 - (right ? textWidth(right, SIZE.small) + 8 : 0), SIZE.small);
  const roles = [BROKER_STATE[broker.state] ?? broker.state, broker.controller ? "aktiver Controller" : null,
    ...broker.coordinatorFor.map((g) => `Gruppen-Koordinator der Gruppe ${g}`)].filter(Boolean);
  const box = { id: broker.id, state: broker.state, running: broker.running, x, y, w, title, stateText,
    controllerText: right, stateX: x + 8 + titleW + 8, sections: [], rows: [], full: `${title}: ${roles.join(", ")}` };
  box.tiles = [];
  let cy = y + SIZE.brokerHead;
  let topic = null;
  const isLeader = (r) => r.role === "leader" || r.role === "leader-offline";
  for (const replica of broker.replicas) {
    if (replica.topic !== topic) {
      topic = replica.topic;
      if (model.multiTopic) {
        box.sections.push({ text: fit(`Topic ${topic}`, w - 16, SIZE.small), x: x + 8, y: cy + 10 });
        cy += SIZE.topicHead;
      }
    }
    if (mode.tiles && !isLeader(replica)) continue;
    box.rows.push(layoutRow(replica, broker.id, x + 6, cy, w - 12, mode, cw, end));
    cy += mode.h + mode.gap;
  }
  if (mode.tiles) {
    const { w: tw, h: th, gap } = mode.tiles;
    const perLine = Math.max(1, Math.floor((w - 12 + gap) / (tw + gap)));
    const followers = broker.replicas.filter((r) => !isLeader(r));
    followers.forEach((r, i) => {
      const label = `${model.multiTopic ? `${r.topic}-` : "P"}${r.partition} ${ROLE_SHORT[r.role]}`;
      box.tiles.push({ topic: r.topic, partition: r.partition, broker: broker.id, role: r.role, leo: r.leo,
        x: x + 6 + (i % perLine) * (tw + gap), y: cy + Math.floor(i / perLine) * (th + gap), w: tw, h: th,
        label: fit(label, tw - 6, SIZE.small, true) });
    });
    if (followers.length) cy += Math.ceil(followers.length / perLine) * (th + gap);
  }
  if (!broker.replicas.length) {
    box.sections.push({ text: fit("keine Replikate", w - 16, SIZE.small), x: x + 8, y: cy + 11 });
    cy += 16;
  }
  box.h = cy - y + 4;
  return box;
}

function layoutBrokerGrid(model, x, y, width, mode, columns) {
  const w = Math.floor((width - (columns - 1) * 8) / columns);
  const cw = cellWidth(model, mode, w);
  const boxes = [];
  let rowY = y;
  for (let i = 0; i < model.brokers.length; i += columns) {
    const line = model.brokers.slice(i, i + columns).map((b, j) => layoutBroker(model, b, x + j * (w + 8), rowY, w, mode, cw));
    const tallest = Math.max(...line.map((b) => b.h));
    for (const b of line) b.h = tallest; // boxes in one grid row end together
    boxes.push(...line);
    rowY += tallest + SIZE.brokerGap;
  }
  return { boxes, h: rowY - y - (boxes.length ? SIZE.brokerGap : 0), mode, columns };
}

// Readable rows if they fit the height budget (side by side if need be), else compact ones.
function chooseBrokerGrid(model, x, y, width, maxHeight = SIZE.maxHeight) {
  const n = Math.max(1, model.brokers.length);
  let fallback = null;
  for (const mode of [ROWS.normal, ROWS.compact, ROWS.dense]) {
    const cw = cellWidth(model, mode, width);
    const comfortable = mode.head + endWidth(model, mode) + MAX_CELLS * (cw + 1) + 24;
    const start = Math.max(1, Math.min(n, Math.floor((width + 8) / (comfortable + 8))));
    for (let columns = start; columns <= n; columns++) {
      if ((width - (columns - 1) * 8) / columns < mode.minBroker && columns > 1) break;
      const grid = layoutBrokerGrid(model, x, y, width, mode, columns);
      if (grid.h <= maxHeight) return grid;
      if (!fallback || grid.h < fallback.h) fallback = grid;
    }
  }
  return fallback;
}

// --- consumer groups ------------------------------------------------------------------------

function chipsFor(items, x, y, w, multiTopic, label = null) {
  const chips = [];
  let cx = x;
  let cy = y;
  for (const a of items) {
    const name = multiTopic ? `${a.topic}-${a.partition}` : `P${a.partition}`;
    const text = fit(label ? `${name} ${label}` : `${name} · Lag ${a.lag == null ? "–" : int(a.lag)}`, w, SIZE.small);
    const tw = textWidth(text, SIZE.small) + 8;
    if (cx > x && cx + tw > x + w) {
      cx = x;
      cy += SIZE.line + 1;
    }
    chips.push({ text, x: cx, y: cy, w: tw, topic: a.topic, partition: a.partition, lag: a.lag, committed: a.committed });
    cx += tw + 4;
  }
  return { chips, bottom: chips.length ? cy + SIZE.line + 1 : y };
}

function coordinatorLines(group, width) {
  const who = group.coordinator == null ? "keiner" : `Broker ${group.coordinator}`;
  const one = `Gruppen-Koordinator: ${who}`;
  return textWidth(one, SIZE.small) <= width ? [one] : [fit("Gruppen-Koordinator:", width, SIZE.small), fit(who, width, SIZE.small)];
}

function layoutGroup(model, group, index, x, y, w) {
  const mark = GROUP_MARK[group.state] ?? "";
  const box = {
    id: group.id, index, state: group.state, x, y, w,
    title: fit(`Gruppe ${group.id}${group.rebalanceProtocol === "cooperative" ? " (cooperative)" : ""}`, w - 16, SIZE.font, true),
    lines: [
      fit(`${mark} ${groupState(group.state)} · Generation ${int(group.generation)}`.trim(), w - 16, SIZE.small),
      ...coordinatorLines(group, w - 16),
    ],
    members: [],
    coordinator: group.coordinator,
  };
  // A rebalance of the classic protocol. Eager: a member that learns of it gives up all its
  // partitions, and once all have, the whole group stands. Cooperative (KIP-429): members keep
  // their partitions; only those that move pause, ownerless until the second round hands them on.
  if (group.state === "PreparingRebalance" || group.state === "CompletingRebalance") {
    const known = group.members.filter((m) => m.known);
    let line = "‖ alle Mitglieder angehalten (eager)";
    if (group.rebalanceProtocol === "cooperative") line = "↻ cooperative: Mitglieder behalten ihre Partitionen";
    else if (known.some((m) => m.assignment.length)) line = "eager: Mitglieder geben beim JoinGroup alles ab";
    box.lines.push(fit(line, w - 16, SIZE.small));
  }
  let cy = y + 18 + box.lines.length * SIZE.line + 2;
  for (const m of group.members) {
    const mx = x + 6;
    const mw = w - 12;
    const title = fit(m.clientId, mw - 12, SIZE.small + 0.5, true);
    const { chips, bottom } = m.assignment.length
      ? chipsFor(m.assignment, mx + 6, cy + 18, mw - 12, model.multiTopic)
      : { chips: [{ text: fit("keine Partition zugeteilt", mw - 12, SIZE.small), x: mx + 6, y: cy + 18, w: 0, none: true }], bottom: cy + 18 + SIZE.line + 1 };
    const h = bottom - cy + 2;
    box.members.push({ id: m.id, clientId: m.clientId, isGroupLeader: m.isGroupLeader, x: mx, y: cy, w: mw, h, title, chips });
    cy += h + 4;
  }
  if (group.unowned?.length) {
    box.pausedLabel = { text: fit("ohne Besitzer, pausiert:", w - 16, SIZE.small), x: x + 8, y: cy + 10 };
    const { chips, bottom } = chipsFor(group.unowned, x + 8, cy + 14, w - 16, model.multiTopic, "‖ pausiert");
    box.chips = chips.map((c) => ({ ...c, paused: true }));
    cy = bottom + 2;
  }
  if (!group.members.length) {
    box.lines.push(fit("keine Mitglieder", w - 16, SIZE.small));
    cy += SIZE.line;
    const { chips, bottom } = chipsFor(group.offsets, x + 8, cy, w - 16, model.multiTopic);
    box.chips = chips;
    cy = bottom;
  }
  box.h = cy - y + 4;
  return box;
}

// --- legend ---------------------------------------------------------------------------------

function legendItems(model, compact) {
  const short = (role) => (compact ? `${ROLE_SHORT[role]} ` : "");
  const items = [
    { kind: "leader", text: `${short("leader")}Leader` },
    { kind: "follower", text: `${short("follower")}Follower (in der ISR)` },
    { kind: "out-of-isr", text: `${short("out-of-isr")}nicht in der ISR` },
    { kind: "offline", text: `${short("offline")}offline (Broker aus)` },
    { kind: "committed", text: "Datensatz, committed" },
    { kind: "uncommitted", text: "über der HW: noch nicht committed" },
    { kind: "missing", text: "beim Follower noch nicht angekommen" },
    { kind: "hw", text: "High Watermark (HW)" },
    { kind: "leo", text: "Log-End-Offset (LEO)" },
  ];
  if (compact) items.push({ kind: "offset", text: "Zahl am Zeilenende: LEO" });
  if (model.transactions) {
    items.push(
      { kind: "lso", text: "Last Stable Offset (LSO)" },
      { kind: "marker-commit", text: `${TXN_SIGN.commit} ${TXN_RECORD.commit}` },
      { kind: "marker-abort", text: `${TXN_SIGN.abort} ${TXN_RECORD.abort}` },
      { kind: "txn-aborted", text: `durchgestrichen: ${TXN_RECORD.aborted}` },
      { kind: "txn-open", text: `gepunktet: Transaktion ${TXN_RECORD.open}` },
    );
  }
  if (model.parts.has("groups")) {
    model.groups.forEach((g, index) => items.push({ kind: "commit", index, text: `committeter Offset der Gruppe ${g.id}` }));
  }
  return items;
}

function layoutLegend(model, x, y, w, compact) {
  const items = [];
  let cx = x;
  let cy = y + 14;
  for (const item of legendItems(model, compact)) {
    const text = fit(item.text, w - 24, SIZE.small);
    const iw = 20 + textWidth(text, SIZE.small) + 14;
    if (cx > x && cx + iw > x + w) {
      cx = x;
      cy += 15;
    }
    items.push({ ...item, text, x: cx, y: cy });
    cx += iw;
  }
  return { x, y, w, h: cy - y + 8, items };
}

// --- the whole picture ----------------------------------------------------------------------

function stackColumn(items, layoutOne, x, y, w, gap) {
  const placed = [];
  let cy = y;
  for (const item of items) {
    const box = layoutOne(item, x, cy, w);
    cy += box.h + gap;
    placed.push(box);
  }
  return { placed, bottom: cy - (items.length ? gap : 0) };
}

function flowBoxes(items, layoutOne, x, y, width, minW, gap, maxW = Infinity) {
  const perRow = Math.max(1, Math.min(items.length, Math.floor((width + gap) / (minW + gap))));
  const w = Math.min(maxW, Math.floor((width - (perRow - 1) * gap) / perRow));
  const placed = [];
  let cy = y;
  for (let i = 0; i < items.length; i += perRow) {
    const line = items.slice(i, i + perRow).map((item, j) => layoutOne(item, x + j * (w + gap), cy, w));
    cy += Math.max(...line.map((b) => b.h)) + gap;
    placed.push(...line);
  }
  return { placed, bottom: cy - (items.length ? gap : 0) };
}

/**
 * Lays out a model (model.js) at `width` px; all coordinates are in px of that width.
 * `maxHeight` is the brokers' height budget: a page passes what its screen leaves for the picture
 * (so diagram, controls and event log fit one screen), the build the default.
 */
export function layoutDiagram(model, { width = 680, maxHeight = SIZE.maxHeight } = {}) {
  const W = Math.max(300, Math.round(width));
  const { margin, gap, colHead } = SIZE;
  const show = (part) => model.parts.has(part);
  const pw = show("producers") ? Math.round(Math.min(170, Math.max(100, W * 0.16))) : 0;
  const gw = show("groups") ? Math.round(Math.min(250, Math.max(140, W * 0.25))) : 0;
  const mid = W - 2 * margin - (pw && pw + gap) - (gw && gw + gap);
  const horizontal = mid >= 260 || !show("brokers");
  const out = { width: W, orientation: horizontal ? "row" : "column", headings: [], producers: [], brokers: [], groups: [] };
  const topicNote = model.topics.length === 1 ? ` · Topic ${model.topics[0]}` : "";
  const heading = (text, x, y, w) => out.headings.push({ text: fit(text, w, SIZE.small, true), x, y: y + 11, w });
  const producerItems = model.producers;
  const groupItems = model.groups.map((g, i) => ({ g, i }));
  const placeGroup = ({ g, i }, x, y, w) => layoutGroup(model, g, i, x, y, w);
  const placeProducer = (e, x, y, w) => layoutProducer(e, x, y, w);
  let bottom = margin;
  let compact = false;
  const g4 = model.groups4;
  const g4shown = show("groups4") && (g4.shareGroups.length || g4.protocolGroups.length || g4.unread.length);
  const g4heading = "Kafka-4-Gruppen: Share-Gruppen (KIP-932) und Typ consumer (KIP-848)";

  if (g4shown && !pw && !show("brokers") && W >= 560) {
    // Groups only: the classic groups beside the Kafka 4 groups, so two rebalances compare side by side.
    const half = Math.floor((W - 2 * margin - gap) / 2);
    const left = gw ? half : 0;
    if (gw) {
      heading("Klassische Consumer-Gruppen", margin, margin, half);
      const col = stackColumn(groupItems, placeGroup, margin, margin + colHead, half, 10);
      out.groups = col.placed;
      out.groupColumn = { x: margin, w: half };
      bottom = col.bottom;
    }
    const x4 = margin + (left && left + gap);
    heading(gw ? "Typ consumer (KIP-848) und Share-Gruppen" : g4heading, x4, margin, W - margin - x4);
    out.groups4 = layoutGroups4(g4, x4, margin + colHead, W - margin - x4);
    bottom = Math.max(bottom, out.groups4.bottom);
  } else if (horizontal) {
    const top = margin + colHead;
    let x = margin;
    let tallest = top;
    if (pw) {
      heading("Producer", x, margin, pw);
      const col = stackColumn(producerItems, placeProducer, x, top, pw, 8);
      out.producers = col.placed;
      if (model.hiddenProducers) {
        out.moreProducers = { text: fit(`+ ${int(model.hiddenProducers)} weitere`, pw, SIZE.small), x, y: col.bottom + 14 };
        col.bottom += 18;
      }
      if (!producerItems.length) out.notes = [...(out.notes ?? []), { text: fit("noch keiner", pw, SIZE.small), x, y: top + 11 }];
      out.producerColumn = { x, w: pw };
      tallest = Math.max(tallest, col.bottom);
      x += pw + gap;
    }
    const bw = W - margin - x - (gw && gw + gap);
    if (show("brokers")) {
      heading(`Broker${topicNote}`, x, margin, bw);
      const grid = chooseBrokerGrid(model, x, top, bw, maxHeight);
      out.brokers = grid.boxes;
      compact = grid.mode !== ROWS.normal;
      tallest = Math.max(tallest, top + grid.h);
      out.brokerColumn = { x, w: bw };
    }
    x += bw + (gw && gap);
    if (gw) {
      heading("Consumer-Gruppen", x, margin, gw);
      const col = stackColumn(groupItems, placeGroup, x, top, gw, 10);
      out.groups = col.placed;
      if (!groupItems.length) out.notes = [...(out.notes ?? []), { text: fit("noch keine", gw, SIZE.small), x, y: top + 11 }];
      out.groupColumn = { x, w: gw };
      tallest = Math.max(tallest, col.bottom);
    }
    bottom = tallest;
  } else {
    // Narrow: producers above, brokers in the middle, groups below; records flow downwards.
    const x = margin;
    const w = W - 2 * margin;
    let y = margin;
    if (pw) {
      heading("Producer", x, y, w);
      const row = flowBoxes(producerItems, placeProducer, x, y + colHead, w, 130, 8, 220);
      out.producers = row.placed;
      if (!producerItems.length) out.notes = [...(out.notes ?? []), { text: "noch keiner", x, y: y + colHead + 11 }];
      y = (producerItems.length ? row.bottom : y + colHead + 14) + gap;
    }
    heading(`Broker${topicNote}`, x, y, w);
    const grid = chooseBrokerGrid(model, x, y + colHead, w, maxHeight);
    out.brokers = grid.boxes;
    compact = grid.mode !== ROWS.normal;
    y += colHead + grid.h + gap;
    if (gw) {
      heading("Consumer-Gruppen", x, y, w);
      const row = flowBoxes(groupItems, placeGroup, x, y + colHead, w, 170, 10);
      out.groups = row.placed;
      if (!groupItems.length) out.notes = [...(out.notes ?? []), { text: "noch keine", x, y: y + colHead + 11 }];
      y = groupItems.length ? row.bottom : y + colHead + 14;
    }
    bottom = y;
  }
  out.compact = compact;
  if (g4shown && !out.groups4) {
    heading(g4heading, margin, bottom + 6, W - 2 * margin);
    out.groups4 = layoutGroups4(g4, margin, bottom + 6 + colHead, W - 2 * margin);
    bottom = out.groups4.bottom;
  }
  if (show("legend")) {
    out.legend = layoutLegend(model, margin, bottom + 10, W - 2 * margin, compact);
    bottom = out.legend.y + out.legend.h;
  }
  out.height = Math.ceil(bottom + margin);
  return out;
}
