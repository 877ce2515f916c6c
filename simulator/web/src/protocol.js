// The messages between the page and the simulator worker, in one place.
//
// Page -> worker: {id, type, ...payload}. Worker -> page: either a reply {id, ok, ...} to exactly
// one request, or an unsolicited {type: "progress", ...} while booting. Every reply that follows a
// change of the cluster carries a fresh `snapshot` and the `events` since the last reply, so the
// page only ever draws what it received and never asks Python for anything synchronously.

export const REQ = Object.freeze({
  BOOT: "boot",          // {} -> {ok} once Pyodide and kafkasim are loaded
  INIT: "init",          // {preset} (bridge.py reads its cluster part) | {state}, exercise? -> snapshot
  CONTROL: "control",    // {command: {op, ...fields}} (see OPS below) -> {result} + snapshot
  ADVANCE: "advance",    // {ms} -> snapshot
  STEP: "step",          // {} -> {stepped: bool} + snapshot
  RUN_SCRIPT: "runScript", // {source} -> {run: {stdout, error, traceback, timed_out}} + snapshot
  CHECK: "check",        // {} -> snapshot + exercise verdict {ok, text} ("Prüfen")
  GET_STATE: "getState", // {} -> {state}
  GET_ALL_STATES: "getAllStates", // {} -> {states: {sim id: state}} (before a learner script runs)
  REQUEST_LOG: "requestLog", // {on} -> snapshot; while on, every snapshot carries `requests` (ui/sequence.js)
});
// Every request but BOOT names its simulator: {sim: id}. One worker serves all of a page's.
// A simulator with an exercise gets its verdict {ok, text} as `exercise` in every view.

export const PROGRESS = "progress"; // worker -> page: {type, stage, fraction, label}

// Wall-clock bounds, so nothing the page waits for can hang it.
export const TIMEOUT_MS = Object.freeze({
  boot: 60_000,
  request: 15_000,
  script: 10_000, // a learner script that runs longer is treated as a runaway
});

// Records per partition that the snapshot carries; the view shows the newest of them.
export const SNAPSHOT_RECORDS = 12;

// The Cluster operations a page may ask for, each with the names of its fields: the keyword
// parameters of the Cluster method of the same name. bridge.py has the same table (CONTROL_OPS)
// and refuses any other op or field; tests/web/test_protocol_ops.py keeps the two tables and the
// Cluster's signatures in step. Named fields, not positions: a page cannot mix up two arguments.
export const OPS = Object.freeze({
  create_topic: ["name", "partitions", "replication_factor", "config"],
  delete_topic: ["name"],
  produce: ["topic", "value", "key", "acks", "partition"],
  crash_broker: ["broker_id"],
  stop_broker: ["broker_id"],
  restart_broker: ["broker_id"],
  start_ticker: ["topic", "symbols", "rate_per_s", "acks"],
  stop_ticker: ["ticker_id"],
  add_consumer: ["group_id", "topics", "client_id", "auto_offset_reset", "partition_assignment_strategy"],
  remove_consumer: ["client_id"],
  // Kafka 4.x groups (ui/groups4.js): share groups and consumer-protocol groups.
  groups4_create_topic: ["name", "partitions"],
  groups4_produce: ["topic", "values", "partition"],
  groups4_set_group_config: ["group_id", "name", "value"],
  add_share_member: ["group_id", "topic", "name"],
  share_fetch: ["name"],
  share_acknowledge: ["name", "partition", "offset", "kind"],
  expire_share_locks: ["name"],
  add_protocol_consumer: ["group_id", "topic", "name", "assignor"],
  remove_groups4_member: ["name"],
});

// Two more steps only a preset's set-up may use (bridge.py SETUP_ONLY_OPS): let time pass, and
// stop its tickers once the topic is filled.
export const SETUP_ONLY_OPS = Object.freeze({
  advance: ["ms"],
  stop_all_tickers: [],
});

// A command for the worker: {op, ...fields}. A misspelt field fails here, where it was written,
// rather than as a refusal from the worker after a click.
export function command(op, fields = {}) {
  const names = OPS[op] ?? SETUP_ONLY_OPS[op];
  if (!names) throw new Error(`Unbekannte Aktion: ${op}`);
  const unknown = Object.keys(fields).filter((name) => !names.includes(name));
  if (unknown.length) throw new Error(`Unbekanntes Feld für „${op}“: ${unknown.join(", ")} (möglich: ${names.join(", ") || "keine"})`);
  return { op, ...fields };
}

let nextId = 1;
export function request(type, payload = {}) {
  return { id: nextId++, type, ...payload };
}
