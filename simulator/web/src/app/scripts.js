// Learner scripts from the editor. A script runs in the worker all simulators share; if it does
// not finish within the wall-clock bound (an endless loop) the worker is replaced, and every
// simulator comes back with the state it had before the run.
import { REQ, TIMEOUT_MS } from "../protocol.js";
import { WorkerTimeout } from "../runtime.js";

export const SCRIPTS = {
  async runScript(source) {
    if (this.scriptRunning) return null;
    this.scriptRunning = true;
    this.clearRestartNotice();
    const wasPlaying = this.playing;
    this.setPlaying(false);
    try {
      // Every simulator's state, since a restart replaces the worker they all share.
      const saved = await this.request(REQ.GET_ALL_STATES, {});
      try {
        const reply = await this.send(REQ.RUN_SCRIPT, { source, filename: "<skript>" }, TIMEOUT_MS.script);
        this.applyView(reply);
        if (!reply.ok) return { error: reply.error };
        return reply.run;
      } catch (error) {
        if (!(error instanceof WorkerTimeout)) return { error: error.message };
        const seconds = Math.round(TIMEOUT_MS.script / 1000);
        const message = `Ihr Skript lief länger als ${seconds} Sekunden und wurde abgebrochen – vermutlich eine Endlosschleife ` +
          "(z. B. while True ohne Abbruch). Der Simulator wurde neu gestartet; der Cluster ist wieder im Zustand vor dem Ausführen.";
        this.restartMessage = message;
        await this.runtime.restart(saved.ok ? saved.states : {});
        return { error: message, runaway: true };
      }
    } finally {
      this.scriptRunning = false;
      if (wasPlaying) this.setPlaying(true);
    }
  },
};
