// Kafka 4.x groups in the cluster diagram: share groups (KIP-932) with their members and the
// share-partition log (each record's state and delivery count), and consumer groups of type
// „consumer“ (KIP-848) whose members reconcile one by one. Model, layout and SVG in one small
// module, pure like the rest (browser and build). Every state is a glyph and a word as well as a
// colour: ○ verfügbar, ◐ erworben (gesperrt), ✓ bestätigt, ✕ archiviert.
import { escapeXml as esc, fit, int, textWidth } from "./text.js";

const FONT = 11;
const SMALL = 9.5;
const LINE = 12.5;
const CELL = { w: 72, h: 40, gap: 2 };
export const SHARE_GLYPH = Object.freeze({ Available: "○", Acquired: "◐", Acknowledged: "✓", Archived: "✕", Outside: "·", Unread: "·" });
export const SHARE_WORD = Object.freeze({
  Available: "verfügbar", Acquired: "erworben", Acknowledged: "bestätigt", Archived: "archiviert", Outside: "vor Start",
  Unread: "ungelesen",
});
const GROUP_WORD = { Empty: "leer", Stable: "stabil", Assigning: "Zuteilung läuft", Reconciling: "Angleichung läuft" };
const seconds = (ms) => `${Math.max(0, Math.ceil(ms / 1000))} s`;

// --- model ------------------------------------------------------------------------------------

/** The two lists from the snapshot (snapshot.py adds them once such groups exist). */
export function groups4Model(snapshot) {
  const shareGroups = snapshot.share_groups ?? [];
  const protocolGroups = snapshot.consumer_protocol_groups ?? [];
  // A topic no Kafka 4 group reads yet is drawn on its own: the picture is never empty.
  const read = new Set([...shareGroups.map((g) => g.topic),
    ...protocolGroups.flatMap((g) => g.members.flatMap((m) => [...m.assignment, ...m.pending].map(([t]) => t)))]);
  const unread = (snapshot.groups4_topics ?? []).filter((t) => !read.has(t.name) && t.partitions.some((p) => p.records.length));
  return { now: snapshot.now_ms, shareGroups, protocolGroups, unread };
}

// An unread topic as a share group without members: its records wait, none delivered.
function unreadTopic(t) {
  return { placeholder: true, group_id: t.name, topic: t.name, members: [],
    partitions: t.partitions.map((p) => ({ partition: p.partition, start_offset: null, end_offset: null,
      records: p.records.map((r) => ({ ...r, state: "Unread", delivery_count: 0, member: null })) })) };
}

// A member's short tag in the log cells: the number its name ends with, else its position.
function tagOf(name, index) {
  const m = /-(\d+)$/.exec(name);
  return m ? `M${m[1]}` : `M${index + 1}`;
}

// --- layout -----------------------------------------------------------------------------------

function layoutShareGroup(g, now, x, y, w) {
  const tags = new Map(g.members.map((m, i) => [m.name, tagOf(m.name, i)]));
  const box = { kind: g.placeholder ? "topic" : "share", id: g.group_id, x, y, w, members: [], rows: [],
    title: fit(g.placeholder ? `Topic ${g.topic}: ${int(g.partitions.reduce((sum, p) => sum + p.records.length, 0))} Datensätze`
      : `Share-Gruppe ${g.group_id} · ${GROUP_WORD[g.state] ?? g.state} · Gruppen-Epoche ${int(g.epoch)}`, w - 16, FONT, true),
    sub: fit(g.placeholder ? "noch keine Share-Gruppe liest es – „Share-Gruppe hinzufügen“ legt eine an"
      : `Topic ${g.topic ?? "–"} · Sperrdauer ${seconds(g.lock_duration_ms)} · Zustellgrenze ${int(g.delivery_count_limit)}`, w - 16, SMALL) };
  let cy = y + 36;
  // Members side by side; each names what it holds.
  const mw = Math.max(120, Math.min(200, Math.floor((w - 12 - 6 * Math.max(0, g.members.length - 1)) / Math.max(1, g.members.length))));
  let mx = x + 6;
  let rowH = 0;
  g.members.forEach((m) => {
    if (mx > x + 6 && mx + mw > x + w - 6) {
      mx = x + 6;
      cy += rowH + 6;
    }
    const held = m.held.map((r) => `${int(r.offset)} (×${int(r.delivery_count)}${r.lock_lost ? ", Sperre abgelaufen" : ""})`).join(", ");
    const lines = [
      fit(`liest ${m.assignment.map(([t, p]) => `${t}-${p}`).join(", ") || "noch nichts"}`, mw - 10, SMALL),
      fit(held ? `hält Offset ${held}` : "hält nichts", mw - 10, SMALL),
    ];
    const h = 16 + lines.length * LINE + 2;
    box.members.push({ name: m.name, tag: tags.get(m.name), x: mx, y: cy, w: mw, h, lines,
      title: fit(`${tags.get(m.name)} = ${m.name}`, mw - 10, SMALL + 0.5, true),
      partitions: m.assignment.map(([, p]) => p) });
    rowH = Math.max(rowH, h);
    mx += mw + 6;
  });
  if (!g.members.length && !g.placeholder) {
    box.members.push({ none: true, x: x + 8, y: cy, text: "keine Mitglieder" });
    rowH = LINE;
  }
  cy += g.placeholder ? 0 : rowH + 14;
  for (const p of g.partitions) {
    const head = 34;
    const fitting = Math.max(1, Math.floor((w - 12 - head - 16) / (CELL.w + CELL.gap)));
    const shown = p.records.slice(-fitting);
    const hidden = p.records.length - shown.length;
    let cx = x + 6 + head + (hidden ? 16 : 0);
    const cells = shown.map((r) => {
      const cell = { ...r, x: cx, y: cy, w: CELL.w, h: CELL.h, tag: r.member ? tags.get(r.member) ?? r.member : "",
        lock: r.state === "Acquired" && r.lock_until_ms != null ? seconds(r.lock_until_ms - now) : null };
      cx += CELL.w + CELL.gap;
      return cell;
    });
    const at = (offset) => {
      for (const c of cells) if (c.offset >= offset) return c.x - 1;
      return cells.length ? cells.at(-1).x + CELL.w + 1 : x + 6 + head;
    };
    box.rows.push({ partition: p.partition, topic: g.topic, x: x + 6, y: cy, w: w - 12, h: CELL.h, cells,
      hidden: hidden ? { x: x + 6 + head, from: p.records[0].offset, to: shown[0].offset - 1 } : null,
      spso: p.start_offset == null ? null : { offset: p.start_offset, x: at(p.start_offset) },
      speo: p.end_offset == null ? null : { offset: p.end_offset, x: at(p.end_offset) + CELL.w / 2 + 1 },
      readers: box.members.filter((m) => !m.none && m.partitions.includes(p.partition)).map((m) => m.x + m.w / 2) });
    cy += CELL.h + 18;
  }
  box.legend = [
    "○ verfügbar · ◐ erworben: gesperrt für das Mitglied (M1 …), mit Restzeit der Sperre · ✓ bestätigt · ✕ archiviert",
    "×n: Zustellversuch n · senkrechter Strich: Start-Offset (alles davor erledigt) · ▼ End-Offset (zuletzt abgeholt)",
  ].map((line) => fit(line, w - 16, SMALL));
  box.legendY = cy + 2;
  if (g.placeholder) box.legend = [];
  box.h = cy + 2 + LINE * box.legend.length - y;
  return box;
}

function layoutProtocolGroup(g, x, y, w) {
  const box = { kind: "protocol", id: g.group_id, x, y, w, members: [],
    title: fit(`Gruppe ${g.group_id} · Typ consumer`, w - 16, FONT, true),
    sub: fit(`${GROUP_WORD[g.state] ?? g.state} · Assignor ${g.assignor} · Gruppen-Epoche ${int(g.epoch)} (Ziel ${int(g.target_epoch)})`, w - 16, SMALL) };
  let cy = y + 36;
  const perRow = Math.max(1, Math.min(g.members.length, Math.floor((w - 12 + 6) / (140 + 6))));
  const mw = Math.min(220, Math.floor((w - 12 - 6 * (perRow - 1)) / perRow));
  let mx = x + 6;
  let rowH = 0;
  for (const m of g.members) {
    if (mx > x + 6 && mx + mw > x + w - 6) {
      mx = x + 6;
      cy += rowH + 6;
    }
    const revoking = new Set(m.revoking.map(([t, p]) => `${t}-${p}`));
    const chips = [
      ...m.assignment.map(([t, p]) => ({ text: revoking.has(`${t}-${p}`) ? `P${p} ↩ gibt ab` : `P${p} ▶ liest`, kind: revoking.has(`${t}-${p}`) ? "revoking" : "reading" })),
      ...m.pending.map(([, p]) => ({ text: `P${p} … wartet`, kind: "pending" })),
    ];
    let cx = mx + 5;
    let chipY = cy + 30;
    for (const c of chips) {
      c.w = textWidth(c.text, SMALL) + 8;
      if (cx > mx + 5 && cx + c.w > mx + mw - 5) {
        cx = mx + 5;
        chipY += LINE + 2;
      }
      Object.assign(c, { x: cx, y: chipY });
      cx += c.w + 4;
    }
    const h = (chips.length ? chipY + LINE + 4 : cy + 30 + LINE) - cy;
    const steady = !m.revoking.length && !m.pending.length;
    box.members.push({ name: m.name, x: mx, y: cy, w: mw, h, chips,
      title: fit(m.name, mw - 10, SMALL + 0.5, true),
      line: fit(`Epoche ${int(m.epoch)} · ${steady ? (m.assignment.length ? "liest ohne Pause" : "noch keine Partition") : "gleicht sich an"}`, mw - 10, SMALL) });
    rowH = Math.max(rowH, h);
    mx += mw + 6;
  }
  box.h = cy + rowH + 8 - y;
  return box;
}

/** Boxes for all Kafka 4.x groups, stacked at full width from `y`. */
export function layoutGroups4(model, x, y, w) {
  const boxes = [];
  let cy = y;
  for (const g of [...model.shareGroups, ...model.unread.map(unreadTopic)]) {
    const box = layoutShareGroup(g, model.now, x, cy, w);
    boxes.push(box);
    cy += box.h + 10;
  }
  for (const g of model.protocolGroups) {
    const box = layoutProtocolGroup(g, x, cy, w);
    boxes.push(box);
    cy += box.h + 10;
  }
  return { boxes, bottom: boxes.length ? cy - 10 : y };
}

// --- SVG --------------------------------------------------------------------------------------

const n = (v) => Math.round(v * 10) / 10;
const txt = (cls, x, y, content, anchor) =>
  `<text class="${cls}" x="${n(x)}" y="${n(y)}"${anchor ? ` text-anchor="${anchor}"` : ""}>${esc(content)}</text>`;
const box = (cls, x, y, w, h, rx = 4) => `<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${rx}"/>`;

function drawCell(c, topic, partition) {
  const state = `${SHARE_GLYPH[c.state] ?? "?"} ${c.state === "Acquired" ? c.tag : SHARE_WORD[c.state] ?? c.state}`;
  const third = c.state === "Outside" || c.state === "Unread" ? "" : `×${int(c.delivery_count)}${c.lock ? ` · ${c.lock}` : ""}`;
  const word = fit(state, c.w - 4, SMALL);
  const tipText = `${topic}-${partition}, Offset ${int(c.offset)} (${c.value}): ${SHARE_WORD[c.state] ?? c.state}` +
    (c.member ? ` von ${c.member}` : "") + (c.state === "Outside" || c.state === "Unread" ? "" : `, Zustellversuch ${int(c.delivery_count)}`) +
    (c.lock ? `, Sperre noch ${c.lock}` : "");
  return `<g class="kd-share-cell share-${c.state}" data-offset="${c.offset}" data-state="${c.state}" data-count="${c.delivery_count}">` +
    `<title>${esc(tipText)}</title>${box("kd-share-box", c.x, c.y, c.w, c.h, 2)}` +
    txt("kd-offset", c.x + c.w / 2, c.y + 11, int(c.offset), "middle") +
    txt("kd-small", c.x + c.w / 2, c.y + 23, word, "middle") +
    txt("kd-small", c.x + c.w / 2, c.y + 35, third, "middle") + "</g>";
}

function drawShareGroup(b) {
  const out = [`<g class="kd-group kd-share-group" data-${b.kind === "topic" ? "topic" : "share-group"}="${esc(b.id)}">`, box("kd-box kd-group-box", b.x, b.y, b.w, b.h, 5),
    txt("kd-title", b.x + 8, b.y + 14, b.title), txt("kd-small", b.x + 8, b.y + 27, b.sub)];
  for (const m of b.members) {
    if (m.none) {
      out.push(txt("kd-small kd-muted", m.x, m.y + 10, m.text));
      continue;
    }
    out.push(`<g class="kd-member" data-member="${esc(m.name)}">`, box("kd-member-box", m.x, m.y, m.w, m.h),
      txt("kd-member-name", m.x + 5, m.y + 12, m.title));
    m.lines.forEach((line, i) => out.push(txt("kd-small", m.x + 5, m.y + 12 + (i + 1) * LINE, line)));
    out.push("</g>");
  }
  for (const r of b.rows) {
    // Every member that reads the partition has a line to it: several members, one partition.
    for (const rx of r.readers) {
      const top = b.members.find((m) => m.x + m.w / 2 === rx);
      out.push(`<line class="kd-share-reader" x1="${n(rx)}" y1="${n(top.y + top.h)}" x2="${n(rx)}" y2="${n(r.y - 1)}"/>`);
    }
    out.push(`<g class="kd-share-row" data-share-row="${esc(`${b.id}/${r.topic}/${r.partition}`)}">`,
      txt("kd-label", r.x + 2, r.y + r.h / 2 + 4, `P${r.partition}`));
    if (r.hidden) out.push(`<g><title>${esc(`ältere Datensätze: Offset ${int(r.hidden.from)} bis ${int(r.hidden.to)}`)}</title>${txt("kd-ellipsis", r.hidden.x + 6, r.y + r.h / 2 + 4, "…", "middle")}</g>`);
    out.push(...r.cells.map((c) => drawCell(c, r.topic, r.partition)));
    if (r.spso) {
      out.push(`<g class="kd-spso"><title>Start-Offset ${int(r.spso.offset)}: alles davor ist erledigt</title>` +
        `<line class="kd-hw" x1="${n(r.spso.x)}" x2="${n(r.spso.x)}" y1="${n(r.y - 3)}" y2="${n(r.y + r.h + 3)}"/></g>`);
    }
    if (r.speo) {
      out.push(`<g class="kd-speo"><title>End-Offset ${int(r.speo.offset)}: der letzte abgeholte Datensatz</title>` +
        `<path class="kd-leo" d="M${n(r.speo.x - 3.5)} ${n(r.y + r.h + 8)}L${n(r.speo.x + 3.5)} ${n(r.y + r.h + 8)}L${n(r.speo.x)} ${n(r.y + r.h + 3)}Z"/></g>`);
    }
    out.push("</g>");
  }
  b.legend.forEach((line, i) => out.push(txt("kd-small kd-muted", b.x + 8, b.legendY + i * LINE, line)));
  out.push("</g>");
  return out.join("");
}

function drawProtocolGroup(b) {
  const out = [`<g class="kd-group kd-protocol-group" data-protocol-group="${esc(b.id)}">`, box("kd-box kd-group-box", b.x, b.y, b.w, b.h, 5),
    txt("kd-title", b.x + 8, b.y + 14, b.title), txt("kd-small", b.x + 8, b.y + 27, b.sub)];
  for (const m of b.members) {
    out.push(`<g class="kd-member" data-member="${esc(m.name)}">`, box("kd-member-box", m.x, m.y, m.w, m.h),
      txt("kd-member-name", m.x + 5, m.y + 12, m.title), txt("kd-small", m.x + 5, m.y + 24, m.line));
    for (const c of m.chips) {
      out.push(`<g class="kd-chip kd-chip-${c.kind}">${box("", c.x, c.y, c.w, LINE, 6)}${txt("", c.x + 4, c.y + 9.5, c.text)}</g>`);
    }
    out.push("</g>");
  }
  out.push("</g>");
  return out.join("");
}

/** The pieces (key, markup) for svg.js's renderPieces. */
export function groups4Pieces(layout) {
  return (layout?.boxes ?? []).map((b) => [`${b.kind}:${b.id}`, b.kind === "protocol" ? drawProtocolGroup(b) : drawShareGroup(b)]);
}

/** One sentence per group for the diagram's text alternative. */
export function describeGroups4(model) {
  const share = model.shareGroups.map((g) => {
    const counts = {};
    for (const p of g.partitions) for (const r of p.records) counts[r.state] = (counts[r.state] ?? 0) + 1;
    const states = ["Available", "Acquired", "Acknowledged", "Archived"].filter((s) => counts[s]).map((s) => `${counts[s]} ${SHARE_WORD[s]}`);
    const members = g.members.length === 1 ? "einem Mitglied" : `${g.members.length} Mitgliedern`;
    return `Share-Gruppe ${g.group_id} mit ${members}: ${states.join(", ") || "keine Datensätze"}.`;
  });
  const protocol = model.protocolGroups.map((g) => `Gruppe ${g.group_id} (Typ consumer): ` +
    g.members.map((m) => `${m.name} ${m.assignment.map(([, p]) => p).join(", ") || "ohne Partition"}`).join("; ") + ".");
  const unread = model.unread.map((t) => `Topic ${t.name}: noch keine Share-Gruppe liest es.`);
  return [...share, ...protocol, ...unread].join(" ");
}
