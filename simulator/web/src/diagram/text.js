// German words, numbers and text sizes for the cluster diagram. Pure: runs in the browser and in
// Node at build time, so both draw the same labels.

const INTEGER = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });

/** Whole numbers with German digit grouping: 12345 -> "12.345" (below 1000 nothing to group). */
export const int = (n) => (Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : INTEGER.format(n));
/** Rates and the like: 2.5 -> "2,5". */
export const dec = (n) => DECIMAL.format(n);

export const BROKER_STATE = { running: "läuft", stopped: "heruntergefahren", crashed: "abgestürzt" };
// A mark in front of the state, so the state is legible without colour.
export const BROKER_MARK = { running: "●", stopped: "■", crashed: "✕" };

export const ROLE = {
  leader: "Leader",
  "leader-offline": "Leader, offline",
  follower: "Follower",
  "out-of-isr": "nicht in der ISR",
  offline: "offline",
};
// The one-letter form for compact rows; the legend explains it.
export const ROLE_SHORT = { leader: "L", "leader-offline": "L✕", follower: "F", "out-of-isr": "F–", offline: "✕" };

// Kafka's group states (KIP-848 names them the same) in the course's words.
export const GROUP_STATE = {
  Stable: "stabil",
  PreparingRebalance: "Rebalancing läuft",
  CompletingRebalance: "Rebalancing läuft", // the leader's assignment is on its way (SyncGroup)
  Empty: "leer",
  Dead: "aufgelöst",
};
export const GROUP_MARK = { Stable: "✓", PreparingRebalance: "⟳", CompletingRebalance: "⟳", Empty: "○", Dead: "✕" };

export const groupState = (state) => GROUP_STATE[state] ?? state;

// The transaction coordinator's states (kafka.coordinator TransactionState) in the course's words.
export const TXN_STATE = {
  Empty: "noch keine Transaktion",
  Ongoing: "Transaktion offen",
  PrepareCommit: "Transaktion wird committet",
  PrepareAbort: "Transaktion wird abgebrochen",
  CompleteCommit: "Transaktion committet",
  CompleteAbort: "Transaktion abgebrochen",
  PrepareEpochFence: "Transaktion wird abgebrochen",
  Dead: "Transaktion beendet",
};
export const txnState = (state) => TXN_STATE[state] ?? state;
// What a record of a transaction is, in words (tooltip, legend and text alternative) and as a sign
// in its cell, so markers and aborted records are legible without colour.
export const TXN_RECORD = {
  commit: "Commit-Markierung",
  abort: "Abort-Markierung",
  aborted: "abgebrochen",
  open: "offen",
};
export const TXN_SIGN = { commit: "✓", abort: "✕" };
// Which of TXN_RECORD a snapshot record is, or null for an ordinary record.
export const txnKind = (r) => r.marker ?? (r.aborted ? "aborted" : r.open ? "open" : null);

// Average advance widths of a sans-serif face in em: a generous estimate, so text never runs
// out of its box (the browser tests check the drawn boxes).
function charWidth(c) {
  if ("iljtfI.,:;'|!()[] ".includes(c)) return 0.34;
  if ("mwMW%@".includes(c)) return 0.9;
  if (c >= "A" && c <= "Z") return 0.7;
  if (c >= "0" && c <= "9") return 0.6;
  if (c.charCodeAt(0) > 0x2000) return 1; // symbols: ✕ ● ★ ⟳ …
  return 0.58;
}

export function textWidth(text, size, bold = false) {
  let em = 0;
  for (const c of String(text)) em += charWidth(c);
  return em * size * (bold ? 1.08 : 1);
}

// The same labels come back with every snapshot: fitting each once is enough.
const fitted = new Map();

/** `text` shortened with "…" so that it fits `width` px at `size` px. */
export function fit(text, width, size, bold = false) {
  const key = `${text}\u0000${width}\u0000${size}\u0000${bold}`;
  let result = fitted.get(key);
  if (result === undefined) {
    result = fitUncached(String(text), width, size, bold);
    if (fitted.size > 5000) fitted.clear();
    fitted.set(key, result);
  }
  return result;
}

function fitUncached(s, width, size, bold) {
  if (textWidth(s, size, bold) <= width) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`, size, bold) > width) chars.pop();
  return chars.length > 1 || textWidth(`${chars[0]}…`, size, bold) <= width ? `${chars.join("")}…` : "";
}

export function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

export const partitionName = (topic, partition, withTopic) => (withTopic ? `${topic}-${partition}` : `P${partition}`);
