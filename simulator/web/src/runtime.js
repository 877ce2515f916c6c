// Page-side client of the simulator worker: request/answer with ids, a wall-clock bound on every
// answer, and a hard restart when the worker stops answering (a learner's endless loop).
import { PROGRESS, REQ, TIMEOUT_MS, request } from "./protocol.js";

export class WorkerTimeout extends Error {}

export class SimRuntime {
  constructor({ onProgress = () => {} } = {}) {
    this.onProgress = onProgress;
    this.pending = new Map();
    this.worker = null;
  }

  async boot(worker = null) {
    this.worker = worker ?? new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "kafkasim" });
    this.worker.onmessage = (event) => this.receive(event.data);
    for (const data of this.worker.early ?? []) this.receive(data);
    this.worker.onerror = (event) => this.failAll(new Error(event.message || "Der Simulator-Worker ist abgestürzt."));
    const reply = await this.send(REQ.BOOT, {}, TIMEOUT_MS.boot);
    if (!reply.ok) throw new Error(reply.error);
  }

  receive(data) {
    if (data.type === PROGRESS) {
      this.onProgress(data);
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
    return this.pending.size > 0;
  }

  terminate() {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(new Error("Der Simulator wurde neu gestartet."));
  }
}
