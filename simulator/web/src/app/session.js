// One simulator's conversation with the shared worker: the reader's commands, the simulated
// clock (play, step, +1 s) and resets. Every request has a bound; a worker that stops answering
// is replaced (runtime.js) instead of hanging the page.
import { REQ } from "../protocol.js";
import { WorkerTimeout } from "../runtime.js";
import { formatTime } from "../ui/eventlog.js";
import { feedbackFor, say } from "../ui/feedback.js";
import { setText } from "../ui/dom.js";
import { GROUPS4_DONE } from "../ui/groups4.js";

export const TICK_MS = 250;
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10];

// What the message line next to a control says once its command succeeded: (command, result).
const DONE = {
  create_topic: (c) => `Topic ${c.name} angelegt.`,
  delete_topic: (c) => `Topic ${c.name} gelöscht.`,
  produce: (c, r) => (String(c.acks) === "0"
    ? `Gesendet an ${r.topic}, Partition ${r.partition} – ohne Bestätigung (acks=0): der Producer wartet auf keine ` +
      "Antwort des Brokers und erfährt deshalb keinen Offset. Ob der Datensatz angekommen ist, zeigt das Log der Partition."
    : `Gesendet an ${r.topic}: Partition ${r.partition}, Offset ${r.offset}.`),
  crash_broker: (c) => `Broker ${c.broker_id} ist abgestürzt.`,
  stop_broker: (c) => `Broker ${c.broker_id} wurde kontrolliert heruntergefahren.`,
  restart_broker: (c) => `Broker ${c.broker_id} startet neu.`,
  start_ticker: (c, r) => `Börsen-Ticker ${r} sendet an ${c.topic}.`,
  stop_ticker: (c) => `Börsen-Ticker ${c.ticker_id} gestoppt.`,
  add_consumer: (c, r) => `Consumer ${r} tritt der Gruppe ${c.group_id} bei.`,
  remove_consumer: (c) => `Consumer ${c.client_id} verlässt seine Gruppe.`,
  ...GROUPS4_DONE,
};

export const SESSION = {
  send(type, payload = {}, timeoutMs = undefined) {
    return this.runtime.send(type, { ...payload, sim: this.id }, timeoutMs);
  },

  async request(type, payload, timeoutMs) {
    if (this.runtime.restarting) return { ok: false, error: "Der Simulator startet gerade neu." };
    try {
      return await this.send(type, payload, timeoutMs);
    } catch (error) {
      if (error instanceof WorkerTimeout) {
        this.restartMessage = "Der Simulator hat nicht geantwortet und wurde neu gestartet.";
        await this.runtime.restart({});
      }
      return { ok: false, error: error.message };
    }
  },

  // `command` comes from protocol.js's command(); `origin` is the button or form the reader
  // used: the answer appears next to it.
  async act(command, origin = null) {
    const line = feedbackFor(origin, this.statusLine); // now: the drawing below may remove the button
    const reply = await this.request(REQ.CONTROL, { command });
    // The reader's commands, for tests; the exercises judge the cluster itself (kafkasim.labor).
    this.journal.push({ command, ok: reply.ok, result: reply.result, error: reply.error });
    this.applyView(reply);
    this.clearRestartNotice();
    if (reply.ok) say(line, DONE[command.op]?.(command, reply.result) ?? "Erledigt.");
    else say(line, `Nicht möglich: ${reply.error}`, "error");
    return reply;
  },

  // Counted even while paused, so a test can watch a pause over the simulator's own clock.
  async tick() {
    this.ticks += 1;
    if (!this.playing || !this.onScreen || document.hidden || this.scriptRunning || this.runtime.busy) return;
    this.applyView(await this.request(REQ.ADVANCE, { ms: Math.round(TICK_MS * this.speed) }));
  },

  async advance(ms) {
    this.applyView(await this.request(REQ.ADVANCE, { ms }));
  },

  // One step runs the simulation up to the next event the log shows, and says which it was.
  async step() {
    this.setPlaying(false);
    const reply = await this.request(REQ.STEP, {});
    this.applyView(reply);
    if (!reply.ok) this.status(`Einzelschritt nicht möglich: ${reply.error}`, "error");
    else if (!reply.stepped) this.status("Einzelschritt: kein Ereignis geplant – die Zeit steht still, bis Sie etwas tun.");
    else if (!reply.happened.length) {
      this.status(`Einzelschritt bis ${formatTime(reply.snapshot.now_ms)}: nur interne Abläufe (z. B. Heartbeats), ` +
        "nichts, was das Ereignisprotokoll zeigt.");
    } else {
      const more = reply.happened.length > 1 ? ` (und ${reply.happened.length - 1} weitere Ereignisse, siehe „Ereignisse“)` : "";
      this.status(`Einzelschritt bis ${formatTime(reply.snapshot.now_ms)}: ${reply.happened[0]}${more}`);
    }
  },

  setPlaying(on) {
    this.playing = on;
    setText(this.playButton, on ? "Pause" : "Abspielen");
    this.playButton.setAttribute("aria-pressed", String(on));
  },

  async reset(seed) {
    if (!Number.isInteger(seed) || seed < 0) {
      this.status("Der Seed muss eine ganze Zahl ab 0 sein.", "error");
      return;
    }
    this.seed = seed;
    const reply = await this.init(null);
    if (!reply.ok) {
      this.status(`Zurücksetzen fehlgeschlagen: ${reply.error}`, "error");
      return;
    }
    this.journal = [];
    this.pendingEvents = [];
    this.exercisePanel?.reset();
    this.log.clear();
    this.charts?.reset();
    this.diagram?.reset();
    this.sequence?.reset();
    this.applyView(reply);
    this.forgetSharedState();
    this.status(`Szenario mit Seed ${seed} neu gestartet.`);
  },

  // "Prüfen": the worker judges the cluster as it is now.
  async checkExercise() {
    const reply = await this.request(REQ.CHECK, {});
    if (!reply.ok) return { ok: false, text: `Prüfen war nicht möglich: ${reply.error}` };
    this.applyView(reply);
    return reply.exercise;
  },
};
