// The run as a space-time diagram („Ablauf“): one lane per client and per broker, time downwards,
// each request an arrow from its client to its broker at the simulated ms it was sent, its answer a
// dashed arrow back at the ms it arrived, and the time in between a bar on the broker's lane. Rows
// are the distinct times in view; a long gap between two of them is folded and labelled, so that a
// 3-s wait and a 1-ms hop both stay readable. Pure: entries in, SVG text and the texts out.
import { escapeXml as esc } from "./text.js";

export const WIDTH = 760;
const LEFT = 78; // the time labels
const RIGHT = 78; // the waits' durations beside the last lane
const HEAD = 40; // the lane names
const ROW = 22;
const GAP = 18; // a folded gap between two rows
const FOLD_MS = 50;
const REPLICA = "replica:";

const SECONDS = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
export const at = (ms) => `${SECONDS.format(ms / 1000)} s`;
export function duration(ms) {
  return ms < 1000 ? `${ms} ms` : `${new Intl.NumberFormat("de-DE", { maximumFractionDigits: 3 }).format(ms / 1000)} s`;
}

const n = (v) => Math.round(v * 10) / 10;

/** The filter category of an entry: its API, the followers' fetches apart from the consumers'. */
export function kindOf(entry) {
  return entry.client.startsWith(REPLICA) ? "Fetch (Follower)" : entry.api;
}

/** The lane an entry starts on: a client's id, or the follower broker's lane. */
export function laneOf(entry) {
  return entry.client.startsWith(REPLICA) ? `broker:${entry.client.slice(REPLICA.length)}` : `client:${entry.client}`;
}

export function who(entry) {
  return entry.client.startsWith(REPLICA) ? `Broker ${entry.client.slice(REPLICA.length)}` : entry.client;
}

/** The sentence a screen reader hears and the list shows for one entry. */
export function describe(entry, nowMs) {
  const head = `${at(entry.sent_ms)}: ${who(entry)} → Broker ${entry.node}: ${entry.text}.`;
  if (entry.oneway) {
    return entry.client.startsWith(REPLICA)
      ? `${head} Der Leader erfährt damit, was der Follower hält; die Antwort sind erst die nächsten Datensätze.`
      : `${head} Ohne Antwort (acks=0).`;
  }
  if (entry.answered_ms == null) return `${head} Wartet seit ${duration(nowMs - entry.sent_ms)} auf die Antwort.`;
  const took = `Antwort nach ${duration(entry.answered_ms - entry.sent_ms)} (${at(entry.answered_ms)})`;
  if (entry.error === "KafkaConnectionError") return `${head} Verbindung abgebrochen nach ${duration(entry.answered_ms - entry.sent_ms)}.`;
  const what = [entry.error ? `Fehler ${entry.error}` : null, entry.reply || null].filter(Boolean).join(", ");
  return `${head} ${took}${what ? `: ${what}` : ""}.`;
}

/**
 * Which entries to draw: those the filter lets through, the `limit` most recently active (sent or
 * answered), in the order they were sent.
 */
export function visible(entries, { kinds = null, client = "", limit = 40 } = {}) {
  const shown = entries.filter((e) => (!kinds || kinds.has(kindOf(e))) && (!client || e.client === client));
  const active = (e) => Math.max(e.sent_ms, e.answered_ms ?? e.sent_ms);
  return shown.map((e, i) => [active(e), i, e]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(-limit)
    .map(([, , e]) => e).sort((a, b) => a.sent_ms - b.sent_ms || a.id - b.id);
}

/** The lanes: the clients in order of their first request, then every broker. */
export function lanes(entries, brokers, coordinators = {}) {
  const clients = [];
  for (const e of entries) if (!e.client.startsWith(REPLICA) && !clients.includes(e.client)) clients.push(e.client);
  return [
    ...clients.map((c) => ({ key: `client:${c}`, name: c, role: "Client" })),
    ...brokers.map((b) => ({ key: `broker:${b}`, name: `Broker ${b}`,
      role: coordinators[b]?.length ? `Gruppen-Koordinator ${coordinators[b].join(", ")}` : "" })),
  ];
}

/** Rows: each distinct time gets one; gaps longer than FOLD_MS are folded. Returns y(ms) and the rows. */
function rows(entries, nowMs) {
  const times = new Set();
  for (const e of entries) {
    times.add(e.sent_ms);
    if (e.answered_ms != null) times.add(e.answered_ms);
    else if (!e.oneway) times.add(nowMs);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const out = [];
  let y = HEAD + 14;
  sorted.forEach((t, i) => {
    const gap = i ? t - sorted[i - 1] : 0;
    if (gap > FOLD_MS) {
      out.push({ fold: true, y: y - ROW / 2 + GAP / 2, ms: gap });
      y += GAP;
    }
    out.push({ t, y });
    y += ROW;
  });
  const ys = new Map(out.filter((r) => !r.fold).map((r) => [r.t, r.y]));
  return { rows: out, y: (t) => ys.get(t), height: y + 6 };
}

const line = (cls, x1, y1, x2, y2, extra = "") =>
  `<line class="${cls}" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"${extra}/>`;
const label = (cls, x, y, content, anchor = "middle") =>
  `<text class="${cls}" x="${n(x)}" y="${n(y)}" text-anchor="${anchor}">${esc(content)}</text>`;

/**
 * The SVG: `entries` as `visible` chose them. Each entry is one focusable group (tabindex -1; the
 * panel gives the current one 0) named by its sentence; `linked` ids are drawn highlighted.
 */
export function sequenceSvg(entries, { brokers = [], coordinators = {}, nowMs = 0, title = "Ablauf", current = null } = {}) {
  const laneList = lanes(entries, brokers, coordinators);
  const width = WIDTH;
  const step = (width - LEFT - RIGHT) / Math.max(laneList.length, 1);
  const clientIndex = new Map(laneList.map((l, i) => [l.key, i]));
  const x = new Map(laneList.map((l, i) => [l.key, LEFT + step * (i + 0.5)]));
  const { rows: rowList, y, height } = rows(entries, nowMs);
  // Labels in one row that would overlap move right, past the one before them.
  const taken = new Map();
  const place = (cls, lx, ly, content, anchor) => {
    if (anchor !== "start") return label(cls, lx, ly, content, anchor);
    const key = Math.round(ly);
    const spans = taken.get(key) ?? [];
    const w = content.length * 5.4;
    let x0 = lx;
    for (const [a, b] of spans.sort((p, q) => p[0] - q[0])) if (x0 < b + 4 && x0 + w > a) x0 = b + 4;
    spans.push([x0, x0 + w]);
    taken.set(key, spans);
    return label(cls, x0, ly, content, anchor);
  };
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="kseq" viewBox="0 0 ${width} ${n(height)}" role="group" ` +
    `aria-label="${esc(`${title}: ${entries.length} Anfragen, Zeit nach unten`)}">`);
  out.push('<defs><marker id="kseq-head" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse">' +
    '<path class="kseq-head" d="M0 0L8 4L0 8Z"/></marker></defs>');
  // Lanes with their names (a broker lane names the groups it coordinates).
  for (const l of laneList) {
    const lx = x.get(l.key);
    out.push(`<g class="kseq-lane" data-lane="${esc(l.key)}" aria-hidden="true">`);
    out.push(label(step < 120 ? "kseq-lane-name is-narrow" : "kseq-lane-name", lx, 14, l.name));
    if (l.role) out.push(label("kseq-lane-role", lx, 27, l.role.length > 40 ? `${l.role.slice(0, 39)}…` : l.role));
    out.push(line("kseq-lifeline", lx, HEAD - 4, lx, height - 4));
    out.push("</g>");
  }
  // Time labels and folded gaps.
  out.push('<g class="kseq-times" aria-hidden="true">');
  for (const r of rowList) {
    if (r.fold) out.push(label("kseq-fold", LEFT - 6, r.y + 3, `… ${duration(r.ms)} …`, "end"));
    else out.push(label("kseq-time", LEFT - 6, r.y + 3, at(r.t), "end"));
  }
  out.push("</g>");
  for (const e of entries) {
    const from = x.get(laneOf(e));
    const to = x.get(`broker:${e.node}`);
    if (from == null || to == null) continue;
    const y0 = y(e.sent_ms);
    const y1 = e.answered_ms != null ? y(e.answered_ms) : e.oneway ? null : y(nowMs);
    const dir = to >= from ? 1 : -1;
    const cls = ["kseq-entry", e.error ? "is-error" : "", e.oneway ? "is-oneway" : "", e.answered_ms == null && !e.oneway ? "is-pending" : ""]
      .filter(Boolean).join(" ");
    const top = y0 - 12;
    const bottom = (y1 ?? y0) + 8;
    out.push(`<g class="${cls}" data-id="${e.id}" data-api="${esc(e.api)}" data-client="${esc(e.client)}" data-sent="${e.sent_ms}"` +
      (e.answered_ms != null ? ` data-answered="${e.answered_ms}"` : "") +
      ` tabindex="${current === e.id ? 0 : -1}" role="img" aria-label="${esc(describe(e, nowMs))}">`);
    out.push(`<rect class="kseq-hl" x="${n(Math.min(from, to) - 6)}" y="${n(top)}" width="${n(Math.abs(to - from) + 12)}" height="${n(bottom - top)}" rx="3"/>`);
    // The request: solid, slanting down one hop.
    out.push(line("kseq-req", from + dir * 3, y0, to - dir * 3, y0 + 5, ' marker-end="url(#kseq-head)"'));
    // Its name beside the sender's lane, where two senders at the same ms do not overlap.
    out.push(place("kseq-api", from + dir * 6, y0 - 2.5, kindOf(e), dir > 0 ? "start" : "end"));
    if (y1 != null) {
      // The wait at the broker, then the answer: dashed, back to the client.
      if (y1 - y0 > ROW / 2) {
        const bx = to + dir * (4 + 3 * ((clientIndex.get(laneOf(e)) ?? 0) % 4));
        out.push(line("kseq-wait", bx, y0 + 5, bx, y1 - 3));
        if (e.answered_ms != null && e.answered_ms - e.sent_ms >= 100) {
          out.push(label("kseq-wait-label", bx + dir * 4, (y0 + y1) / 2 + 3, `wartet ${duration(e.answered_ms - e.sent_ms)}`, dir > 0 ? "start" : "end"));
        }
      }
      if (e.answered_ms != null) {
        out.push(line("kseq-resp", to - dir * 3, y1 - 5, from + dir * 3, y1, ' marker-end="url(#kseq-head)"'));
        // A plain answer is its dashed line; an error or a broken connection is named beside the client.
        const word = e.error === "KafkaConnectionError" ? "✕ Verbindung abgebrochen" : e.error ? `✕ ${e.error}` : "";
        if (word) out.push(place("kseq-reply", from + dir * 6, y1 + 9, word, dir > 0 ? "start" : "end"));
      } else {
        out.push(label("kseq-reply", to + dir * 8, y1 + 3, "wartet noch …", dir > 0 ? "start" : "end"));
      }
    }
    out.push(`<title>${esc(describe(e, nowMs))}</title></g>`);
  }
  out.push("</svg>");
  return out.join("");
}
