// Page-side client of the simulator worker. One worker (one Pyodide) serves every simulator on
// a page: each simulator is a session in it, named by `sim` in its requests. Every answer has a
// wall-clock bound; when the worker stops answering (a learner's endless loop) it is replaced,
// and every simulator comes back with the state it had before.
import { PROGRESS, REQ, TIMEOUT_MS, request } from "./protocol.js";

export class WorkerTimeout extends Error {}

// The one place a simulator worker is made: warmUp() makes the page's first, a restart the next.
export function spawnWorker() {
  return new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "kafkasim" });
}

export class SimRuntime {
  constructor() {
    this.pending = new Map();
    this.members = new Set(); // simulators: {id, onProgress(data), beforeRestart(), reinit(state)}
    this.worker = null;
    this.warm = null; // a worker booting Python before any simulator asked (warmUp)
    this.booted = null;
    this.restarting = null;
  }

  join(member) {
    this.members.add(member);
  }

  // main.js calls this as soon as a simulator is about to start: Python boots while the page
  // still loads the simulator's code. Progress reports that arrive before a simulator listens
  // are kept for it.
  warmUp() {
    if (this.warm || this.worker) return;
    const worker = spawnWorker();
    worker.early = [];
    worker.onmessage = (event) => worker.early.push(event.data);
    this.warm = worker;
  }

  // Boots once; later callers share the same promise.
  boot() {
    this.booted ??= this.start();
    return this.booted;
  }

  async start() {
    // The warm worker is used once; after a restart a fresh one is spawned.
    this.worker = this.warm ?? spawnWorker();
    this.warm = null;
    this.worker.onmessage = (event) => this.receive(event.data);
    for (const data of this.worker.early ?? []) this.receive(data);
    this.worker.onerror = (event) => this.failAll(new Error(event.message || "Der Simulator-Worker ist abgestürzt."));
    const reply = await this.send(REQ.BOOT, {}, TIMEOUT_MS.boot);
    if (!reply.ok) {
      this.booted = null;
      throw new Error(reply.error);
    }
  }

  receive(data) {
    if (data.type === PROGRESS) {
      for (const member of this.members) member.onProgress?.(data);
      return;
    }
    const entry = this.pending.get(data.id);
    if (!entry) return;
    this.pending.delete(data.id);
    clearTimeout(entry.timer);
    entry.resolve(data.raw ? JSON.parse(data.raw) : data);
  }

  failAll(error) {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
  }

  send(type, payload = {}, timeoutMs = TIMEOUT_MS.request) {
    const msg = request(type, payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(msg.id);
        reject(new WorkerTimeout(`Keine Antwort nach ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.pending.set(msg.id, { resolve, reject, timer });
      this.worker.postMessage(msg);
    });
  }

  get busy() {
    return this.pending.size > 0 || Boolean(this.restarting);
  }

  // Replaces a worker that stopped answering. `states` maps simulator ids to their states from
  // before; each simulator is set up again from its own (or from its preset if it has none).
  restart(states = {}) {
    this.restarting ??= (async () => {
      for (const member of this.members) member.beforeRestart?.();
      this.worker?.terminate();
      this.failAll(new Error("Der Simulator wurde neu gestartet."));
      this.booted = null;
      try {
        await this.boot();
        for (const member of this.members) await member.reinit(states[member.id] ?? null);
      } finally {
        this.restarting = null;
      }
    })();
    return this.restarting;
  }
}

let shared = null;

export function pageRuntime() {
  shared ??= new SimRuntime();
  return shared;
}
