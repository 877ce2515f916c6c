// The messages between the page and the simulator worker, in one place.
//
// Page -> worker: {id, type, ...payload}. Worker -> page: either a reply {id, ok, ...} to exactly
// one request, or an unsolicited {type: "progress", ...} while booting. Every reply that follows a
// change of the cluster carries a fresh `snapshot` and the `events` since the last reply, so the
// page only ever draws what it received and never asks Python for anything synchronously.

export const REQ = Object.freeze({
  BOOT: "boot",          // {} -> {ok} once Pyodide and kafkasim are loaded
  INIT: "init",          // {preset} (bridge.py reads its cluster part) | {state}, exercise? -> snapshot
  CONTROL: "control",    // {op, args, kwargs} -> {result} + snapshot
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

// The operations a page may call on the Cluster are listed in bridge.py (CONTROL_OPS); it refuses others.

let nextId = 1;
export function request(type, payload = {}) {
  return { id: nextId++, type, ...payload };
}
