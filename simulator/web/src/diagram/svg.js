// The laid-out diagram (layout.js) as SVG text. Pure: the browser sets it as markup, the build
// writes it to a file. Every state is drawn with a shape, a line style or a word as well as a
// colour; the colours come from CSS classes (diagram.css), so light and dark mode both work.
import { partitionColor } from "../ui/palette.js";
import { ROLE, TXN_RECORD, TXN_SIGN, escapeXml as esc, int } from "./text.js";
import { SIZE } from "./layout.js";
import { groups4Pieces } from "./groups4.js";

const n = (v) => Math.round(v * 10) / 10;
const attrs = (a) => Object.entries(a).filter(([, v]) => v != null && v !== false)
  .map(([k, v]) => ` ${k}="${esc(typeof v === "number" ? n(v) : v)}"`).join("");
const rect = (a) => `<rect${attrs(a)}/>`;
const text = (a, content) => `<text${attrs(a)}>${esc(content)}</text>`;
const tip = (content) => `<title>${esc(content)}</title>`;

// Shapes of the committed-offset marks, one per group, so two groups differ without colour.
export function commitMark(index, x, y) {
  switch (index % 4) {
    case 0: return `M${n(x)} ${n(y - 5)}L${n(x + 4)} ${n(y + 1)}L${n(x - 4)} ${n(y + 1)}Z`; // triangle
    case 1: return `M${n(x)} ${n(y - 5)}L${n(x + 3.5)} ${n(y - 2)}L${n(x)} ${n(y + 1)}L${n(x - 3.5)} ${n(y - 2)}Z`; // diamond
    case 2: return `M${n(x - 3)} ${n(y - 4)}h6v5h-6Z`; // square
    default: return `M${n(x - 4)} ${n(y - 4)}L${n(x + 4)} ${n(y - 4)}L${n(x)} ${n(y + 1)}Z`; // inverted triangle
  }
}
const leoMark = (x, y) => `M${n(x - 3.5)} ${n(y - 4)}L${n(x + 3.5)} ${n(y - 4)}L${n(x)} ${n(y)}Z`;

// The newest record named in the row's tooltip: its key shows where keys go (murmur2).
function newest(row) {
  const last = row.cells.at(-1);
  if (!last) return "";
  const key = last.key == null ? "null" : last.key.length > 40 ? `${last.key.slice(0, 39)}…` : last.key;
  return `; neuester Datensatz: Offset ${int(last.offset)}, Schlüssel ${key}`;
}

function drawRow(row, hatch) {
  const out = [];
  const offline = row.role === "offline" || row.role === "leader-offline";
  const { x, y, w, h } = row;
  const shown = row.cells.length ? ` data-first="${row.cells[0].offset}" data-last="${row.cells.at(-1).offset}"` : "";
  out.push(`<g class="kd-row role-${row.role}" data-row="${esc(`${row.topic}/${row.partition}/${row.broker}`)}"${shown}>`);
  out.push(tip(`${row.topic}-${row.partition} auf Broker ${row.broker}: ${ROLE[row.role]}, LEO ${int(row.leo)}` +
    (row.leader ? `, High Watermark ${int(row.hw)}${row.lso != null ? `, Last Stable Offset ${int(row.lso)}` : ""}, Leader-Epoche ${row.epoch}, ISR [${row.isr.join(", ")}]${newest(row)}` : "")));
  out.push(rect({ class: "kd-row-box", x, y, width: w, height: h, rx: 2 }));
  if (offline) out.push(rect({ class: "kd-hatch", x, y, width: w, height: h, rx: 2, fill: `url(#${hatch})` }));
  if (row.leader) out.push(rect({ class: "kd-leader-bar", x, y, width: 3.5, height: h }));
  const baseline = y + h / 2 + 3.5;
  if (row.cellText) {
    out.push(text({ class: "kd-label", x: x + 7, y: baseline }, row.label));
    const [one, two] = row.headRole;
    if (two) {
      out.push(text({ class: "kd-role", x: x + 28, y: y + 10 }, one), text({ class: "kd-role", x: x + 28, y: y + 19.5 }, two));
    } else {
      out.push(text({ class: "kd-role", x: x + 28, y: baseline }, one));
    }
  } else {
    out.push(text({ class: "kd-label kd-compact", x: x + 6, y: baseline - 0.5 }, `${row.label} ${row.headRole[0]}`));
  }
  if (row.ellipsis) {
    const e = row.ellipsis;
    out.push(`<g class="kd-older">${tip(`ältere Datensätze: Offset ${int(e.from)} bis ${int(e.to)}`)}` +
      `${text({ class: "kd-ellipsis", x: e.x + e.w / 2, y: baseline, "text-anchor": "middle" }, "…")}</g>`);
  }
  if (row.empty) out.push(text({ class: "kd-empty", x: row.stripX + (row.ellipsis ? 16 : 2), y: baseline }, row.cellText ? "leer" : ""));
  // One rect (and one number) per record and no more: 24 partitions redraw four times a second.
  // Compact rows draw their records as one path per state: a tenth of the elements to lay out.
  const tint = `--kd-part:${partitionColor(row.partition).color}`;
  if (!row.cellText) {
    for (const state of ["committed", "uncommitted", "missing"]) {
      const d = row.cells.filter((c) => c.state === state)
        .map((c) => `M${n(c.x)} ${n(row.cellY)}h${n(c.w)}v${row.cellH}h${n(-c.w)}Z`).join("");
      if (d) out.push(`<path class="kd-cell is-${state}" d="${d}"${state === "committed" ? ` style="${tint}"` : ""}/>`);
    }
  }
  for (const c of row.cellText ? row.cells : []) {
    // A record of a transaction is a group with its own tooltip; the others stay one rect and one number.
    if (c.txn) out.push(`<g class="kd-txn txn-${c.txn}" data-txn="${c.txn}">${tip(`Offset ${int(c.offset)}: ${TXN_RECORD[c.txn]}`)}`);
    out.push(`<rect class="kd-cell is-${c.state}" data-offset="${c.offset}" x="${n(c.x)}" y="${n(row.cellY)}" ` +
      `width="${n(c.w)}" height="${row.cellH}" rx="1.5"${c.state === "committed" && !TXN_SIGN[c.txn] ? ` style="${tint}"` : ""}/>`);
    const label = TXN_SIGN[c.txn] ?? int(c.offset);
    out.push(`<text class="kd-offset is-${c.state}" x="${n(c.x + c.w / 2)}" y="${n(baseline - 0.5)}" text-anchor="middle">${label}</text>`);
    if (c.txn === "aborted") {
      out.push(`<line class="kd-strike" x1="${n(c.x + 1)}" x2="${n(c.x + c.w - 1)}" y1="${n(row.cellY + row.cellH - 2)}" y2="${n(row.cellY + 2)}"/>`);
    }
    if (c.txn) out.push("</g>");
  }
  const top = row.cellY - 2;
  const bottom = row.cellY + row.cellH + 2;
  out.push(`<line class="kd-hw" x1="${n(row.hwX)}" x2="${n(row.hwX)}" y1="${n(top)}" y2="${n(bottom)}"/>`);
  out.push(`<path class="kd-leo" d="${leoMark(row.leoX, row.cellY)}"/>`);
  if (row.lso != null) {
    out.push(`<line class="kd-lso" data-lso="${row.lso}" x1="${n(row.lsoX)}" x2="${n(row.lsoX)}" y1="${n(row.y + 1)}" y2="${n(row.y + row.h - 1)}">` +
      `${tip(`Last Stable Offset ${int(row.lso)}`)}</line>`);
  }
  for (const m of row.marks) {
    out.push(`<path class="kd-commit mark-${m.index % 4}" data-group="${esc(m.group)}" data-offset="${m.offset}" d="${commitMark(m.index, m.x, y + h + 0.5)}"/>`);
  }
  if (row.endText?.length === 2) {
    const [hw, leo] = row.endText;
    if (hw) out.push(text({ class: "kd-end", x: row.endX, y: y + 10 }, hw));
    out.push(text({ class: "kd-end", x: row.endX, y: y + 19.5 }, leo));
  } else if (row.endText) {
    out.push(text({ class: "kd-end", x: row.x + row.w - 3, y: baseline - 0.5, "text-anchor": "end" }, row.endText[0]));
  }
  out.push("</g>");
  return out.join("");
}

function drawTile(t, hatch) {
  const offline = t.role === "offline";
  return `<g class="kd-row kd-tile role-${t.role}" data-row="${esc(`${t.topic}/${t.partition}/${t.broker}`)}">` +
    tip(`${t.topic}-${t.partition} auf Broker ${t.broker}: ${ROLE[t.role]}, LEO ${int(t.leo)}`) +
    rect({ class: "kd-row-box", x: t.x, y: t.y, width: t.w, height: t.h, rx: 2 }) +
    (offline ? rect({ class: "kd-hatch", x: t.x, y: t.y, width: t.w, height: t.h, rx: 2, fill: `url(#${hatch})` }) : "") +
    text({ class: "kd-label", x: t.x + 4, y: t.y + t.h / 2 + 3 }, t.label) + "</g>";
}

function drawBroker(b, hatch) {
  const out = [`<g class="kd-broker state-${b.state}" data-broker="${b.id}">${tip(b.full)}`];
  out.push(rect({ class: "kd-box kd-broker-box", x: b.x, y: b.y, width: b.w, height: b.h, rx: 5 }));
  if (!b.running) out.push(rect({ class: "kd-hatch", x: b.x, y: b.y, width: b.w, height: b.h, rx: 5, fill: `url(#${hatch})` }));
  out.push(text({ class: "kd-title", x: b.x + 8, y: b.y + 15 }, b.title));
  out.push(text({ class: "kd-state", x: b.stateX, y: b.y + 15 }, b.stateText));
  if (b.controllerText) out.push(text({ class: "kd-small", x: b.x + b.w - 8, y: b.y + 15, "text-anchor": "end" }, b.controllerText));
  for (const s of b.sections) out.push(text({ class: "kd-small kd-muted", x: s.x, y: s.y }, s.text));
  out.push("</g>");
  return out.join("");
}

function drawProducer(p) {
  const out = [`<g class="kd-producer kind-${p.kind}${p.active ? "" : " is-idle"}" data-producer="${esc(p.id)}">${tip(p.full)}`];
  out.push(rect({ class: "kd-box", x: p.x, y: p.y, width: p.w, height: p.h, rx: 5 }));
  out.push(text({ class: "kd-title", x: p.x + 6, y: p.y + 14 }, p.title));
  p.lines.forEach((line, i) => out.push(text({ class: "kd-small", x: p.x + 6, y: p.y + 14 + (i + 1) * SIZE.line }, line)));
  out.push("</g>");
  return out.join("");
}

function drawChip(c) {
  if (c.none) return text({ class: "kd-small kd-muted", x: c.x, y: c.y + 9.5 }, c.text);
  const what = c.paused ? "gehört gerade keinem Mitglied, niemand liest sie, bis das Rebalancing sie neu verteilt"
    : c.lag == null ? "noch kein committeter Offset" : `committed ${int(c.committed)}, Lag ${int(c.lag)}`;
  return `<g class="kd-chip${c.paused ? " is-paused" : c.lag ? " has-lag" : ""}">${tip(`${c.topic}-${c.partition}: ${what}`)}` +
    rect({ x: c.x, y: c.y, width: c.w, height: SIZE.line, rx: 6 }) +
    text({ x: c.x + 4, y: c.y + 9.5 }, c.text) + "</g>";
}

function drawGroup(g) {
  const out = [`<g class="kd-group state-${g.state}" data-group="${esc(g.id)}">`];
  out.push(rect({ class: "kd-box kd-group-box", x: g.x, y: g.y, width: g.w, height: g.h, rx: 5 }));
  out.push(text({ class: "kd-title", x: g.x + 8, y: g.y + 14 }, g.title));
  g.lines.forEach((line, i) => out.push(text({ class: "kd-small", x: g.x + 8, y: g.y + 14 + (i + 1) * SIZE.line }, line)));
  for (const m of g.members) {
    out.push(`<g class="kd-member" data-member="${esc(m.clientId)}">${tip(`${m.clientId}${m.isGroupLeader ? " (Gruppen-Leader: berechnet die Zuteilung)" : ""}`)}`);
    out.push(rect({ class: "kd-member-box", x: m.x, y: m.y, width: m.w, height: m.h, rx: 4 }));
    out.push(text({ class: "kd-member-name", x: m.x + 6, y: m.y + 13 }, m.title));
    out.push(...m.chips.map(drawChip), "</g>");
  }
  if (g.pausedLabel) out.push(text({ class: "kd-small", x: g.pausedLabel.x, y: g.pausedLabel.y }, g.pausedLabel.text));
  out.push(...(g.chips ?? []).map(drawChip), "</g>");
  return out.join("");
}

function legendSample(item, x, y, hatch) {
  const box = (cls, extra = "") => rect({ class: cls, x, y: y - 8, width: 16, height: 10, rx: 1.5 }) + extra;
  switch (item.kind) {
    case "leader": return `<g class="kd-row role-leader">${box("kd-row-box")}${rect({ class: "kd-leader-bar", x, y: y - 8, width: 3, height: 10 })}</g>`;
    case "follower": return `<g class="kd-row role-follower">${box("kd-row-box")}</g>`;
    case "out-of-isr": return `<g class="kd-row role-out-of-isr">${box("kd-row-box")}</g>`;
    case "offline": return `<g class="kd-row role-offline">${box("kd-row-box")}${rect({ class: "kd-hatch", x, y: y - 8, width: 16, height: 10, fill: `url(#${hatch})` })}</g>`;
    case "committed": return rect({ class: "kd-cell is-committed", x: x + 3, y: y - 8, width: 10, height: 10, rx: 1.5, style: `--kd-part:${partitionColor(0).color}` });
    case "uncommitted": return rect({ class: "kd-cell is-uncommitted", x: x + 3, y: y - 8, width: 10, height: 10, rx: 1.5 });
    case "missing": return rect({ class: "kd-cell is-missing", x: x + 3, y: y - 8, width: 10, height: 10, rx: 1.5 });
    case "hw": return `<line class="kd-hw" x1="${n(x + 8)}" x2="${n(x + 8)}" y1="${n(y - 10)}" y2="${n(y + 3)}"/>`;
    case "leo": return `<path class="kd-leo" d="${leoMark(x + 8, y - 2)}"/>`;
    case "lso": return `<line class="kd-lso" x1="${n(x + 8)}" x2="${n(x + 8)}" y1="${n(y - 10)}" y2="${n(y + 3)}"/>`;
    case "marker-commit":
    case "marker-abort": return rect({ class: "kd-cell is-committed", x: x + 3, y: y - 8, width: 10, height: 10, rx: 1.5 });
    case "txn-aborted": return rect({ class: "kd-cell is-committed", x: x + 3, y: y - 8, width: 10, height: 10, rx: 1.5 }) +
      `<line class="kd-strike" x1="${n(x + 4)}" x2="${n(x + 12)}" y1="${n(y + 1)}" y2="${n(y - 7)}"/>`;
    case "txn-open": return `<g class="kd-txn txn-open">${rect({ class: "kd-cell is-committed", x: x + 3, y: y - 8, width: 10, height: 10, rx: 1.5 })}</g>`;
    case "commit": return `<path class="kd-commit mark-${item.index % 4}" d="${commitMark(item.index, x + 8, y)}"/>`;
    default: return text({ class: "kd-small kd-legend-offset", x: x + 8, y, "text-anchor": "middle" }, "12");
  }
}

function drawLegend(legend, hatch) {
  const out = [`<g class="kd-legend"><line class="kd-rule" x1="${legend.x}" x2="${legend.x + legend.w}" y1="${legend.y}" y2="${legend.y}"/>`];
  for (const item of legend.items) {
    out.push(legendSample(item, item.x, item.y, hatch));
    out.push(text({ class: "kd-small", x: item.x + 20, y: item.y }, item.text));
  }
  out.push("</g>");
  return out.join("");
}

/**
 * The picture as pieces, each one element with a key, in drawing order: the live diagram
 * replaces only the pieces whose markup changed (usually a few partition rows per snapshot).
 */
export function renderPieces(layout, { id = "kd" } = {}) {
  const hatch = `${id}-hatch`;
  const pieces = [["defs", `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<line class="kd-hatch-line" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>`]];
  const labels = layout.headings.map((hd) => text({ class: "kd-heading", x: hd.x, y: hd.y }, hd.text));
  for (const note of layout.notes ?? []) labels.push(text({ class: "kd-small kd-muted", x: note.x, y: note.y }, note.text));
  if (layout.moreProducers) labels.push(text({ class: "kd-small kd-muted", x: layout.moreProducers.x, y: layout.moreProducers.y }, layout.moreProducers.text));
  pieces.push(["labels", `<g class="kd-labels">${labels.join("")}</g>`]);
  for (const p of layout.producers) pieces.push([`p:${p.id}`, drawProducer(p)]);
  for (const b of layout.brokers) pieces.push([`b:${b.id}`, drawBroker(b, hatch)]);
  for (const b of layout.brokers) {
    for (const row of b.rows) pieces.push([`r:${row.topic}/${row.partition}/${row.broker}`, drawRow(row, hatch)]);
    for (const t of b.tiles) pieces.push([`t:${t.topic}/${t.partition}/${t.broker}`, drawTile(t, hatch)]);
  }
  for (const g of layout.groups) pieces.push([`g:${g.id}`, drawGroup(g)]);
  pieces.push(...groups4Pieces(layout.groups4));
  if (layout.legend) pieces.push(["legend", drawLegend(layout.legend, hatch)]);
  // Learner scripts may name two producers alike: keys stay unique.
  const seen = new Map();
  return pieces.map(([key, markup]) => {
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return [count ? `${key}#${count}` : key, markup];
  });
}

/** The picture without its <svg> element. */
export function renderBody(layout, options = {}) {
  return renderPieces(layout, options).map(([, markup]) => markup).join("");
}

/**
 * The whole <svg>: named (title) and described (desc) for assistive technology.
 * `standalone` adds the style sheet and a background, for the build's files (print, README).
 */
export function renderSvg(layout, { id = "kd", title, description, css = "", standalone = false } = {}) {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="ksim-diagram" viewBox="0 0 ${layout.width} ${layout.height}" ` +
    `width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `data-orientation="${layout.orientation}"${layout.compact ? ' data-compact=""' : ""}>` +
    `<title id="${id}-title">${esc(title ?? "Cluster-Diagramm")}</title><desc id="${id}-desc">${esc(description ?? "")}</desc>`;
  const style = standalone && css ? `<style>${css}</style>` : "";
  const bg = standalone ? rect({ class: "kd-bg", width: layout.width, height: layout.height }) : "";
  return `${head}${style}${bg}<g class="kd-base">${renderBody(layout, { id })}</g></svg>`;
}
