// The code panel: a script chooser, the editor preloaded with a course lab script, "Ausführen",
// and the output, German error and traceback beside it.
import { h, uniqueId } from "./dom.js";
import { reveal } from "./feedback.js";

const LABS = [
  ["boerse_producer.py", "Börse (Producer)"],
  ["aktionaer_consumer.py", "Aktionär*innen (Consumer)"],
  ["kursalarm_dienst.py", "Kursalarm-Dienst (Consumer-Gruppe)"],
  ["topic_anlegen.py", "Topic anlegen (Admin)"],
];
// A chapter's own script (a preset's `code`, served from docs_src/labor) heads the chooser of that chapter only.
const CHAPTER_SCRIPTS = {
  "transaktionen_im_log.py": "Transaktionen im Log",
};
const LABS_URL = new URL("../labs/", import.meta.url);

async function loadLab(name) {
  const response = await fetch(new URL(name, LABS_URL));
  if (!response.ok) throw new Error(`Skript ${name} fehlt (${response.status})`);
  return response.text();
}

// `starter` ([file, label]) puts a script of the page's own first in the chooser (a Labor exercise's).
// `drafts` (ui/drafts.js) keeps the learner's edits of each script across reloads.
export function buildCodePanel({ initial, run, starter = null, drafts = null }) {
  const headingId = uniqueId("ksim-h");
  const chooser = h("select", { class: "ksim-script-choice", "aria-label": "Kurs-Skript laden" },
    [...(starter ? [starter] : []), ...(CHAPTER_SCRIPTS[initial] ? [[initial, CHAPTER_SCRIPTS[initial]]] : []), ...LABS].map(([file, label]) => h("option", { value: file }, label)));
  chooser.value = initial;
  const editorBox = h("div", { class: "ksim-editor" });
  const runButton = h("button", { type: "button", class: "md-button md-button--primary ksim-run" }, "Ausführen");
  const output = h("pre", { class: "ksim-output", role: "region", "aria-label": "Ausgabe des Skripts", tabindex: 0 });
  const error = h("div", { class: "ksim-script-error", role: "alert", hidden: true });
  const state = h("p", { class: "ksim-run-state", role: "status" }, "Strg+Enter führt das Skript aus.");
  const restoreButton = h("button", { type: "button", class: "md-button ksim-restore", hidden: true },
    "Ursprünglichen Code wiederherstellen");
  let editor = null;
  let pendingDoc = null;
  let shown = null; // { name, original }: the course script in the editor, as the course wrote it

  const setDoc = (text) => {
    if (!editor) {
      pendingDoc = text;
      return;
    }
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  };
  const showLab = async (name) => {
    shown = null; // until it has loaded, the editor holds nothing of the new script's
    restoreButton.hidden = true;
    let original;
    try {
      original = await loadLab(name);
    } catch (e) {
      shown = null;
      setDoc(`# ${e.message}\n`);
      return;
    }
    shown = { name, original };
    const draft = drafts?.load(name);
    const edited = draft != null && draft !== original;
    setDoc(edited ? draft : original);
    restoreButton.hidden = !edited;
    if (edited) state.textContent = "Ihre Änderungen an diesem Skript sind wieder da (in diesem Browser gespeichert).";
  };
  // Every edit is kept at once; a script edited back to the course's text keeps nothing.
  const remember = (text) => {
    if (!shown || !drafts) return;
    const edited = text !== shown.original;
    restoreButton.hidden = !edited;
    if (!edited) drafts.drop(shown.name);
    else if (!drafts.save(shown.name, text)) {
      state.textContent = "Ihre Änderungen lassen sich in diesem Browser nicht speichern; nach dem Neuladen sind sie weg.";
    }
  };
  restoreButton.addEventListener("click", () => {
    if (!shown) return;
    drafts?.drop(shown.name);
    setDoc(shown.original);
    restoreButton.hidden = true;
    state.textContent = "Der ursprüngliche Code des Kurses steht wieder im Editor.";
  });

  const execute = async () => {
    if (!editor || runButton.disabled) return;
    runButton.disabled = true;
    state.textContent = "Skript läuft im Simulator …";
    output.textContent = "";
    error.hidden = true;
    const result = await run(editor.state.doc.toString());
    runButton.disabled = false;
    if (!result) return;
    output.textContent = result.stdout || "";
    const problems = [result.error, result.traceback].filter(Boolean);
    if (result.timed_out && !result.error) problems.unshift("Das Skript hat sein simuliertes Zeitbudget aufgebraucht und wurde beendet.");
    if (problems.length) {
      error.replaceChildren(h("strong", {}, problems[0]), ...problems.slice(1).map((p) => h("pre", {}, p)));
      error.hidden = false;
      state.textContent = "Das Skript endete mit einem Fehler.";
    } else {
      state.textContent = result.stdout ? "Fertig." : "Fertig (keine Ausgabe).";
    }
    if (result.stdout_cut) {
      state.textContent += ` Die Ausgabe ist gekürzt: die ersten ${result.stdout_cut.toLocaleString("de-DE")} Zeichen ` +
        "fehlen, zu sehen ist das Ende.";
    }
    state.dataset.done = String(Date.now());
    reveal(error.hidden ? state : error);
  };
  runButton.addEventListener("click", execute);
  chooser.addEventListener("change", () => showLab(chooser.value));

  // The editor bundle loads in parallel with the rest of the page.
  import("./editor.js").then(async ({ createEditor }) => {
    await new Promise((resolve) => setTimeout(resolve)); // a task of its own, apart from the layout
    editor = createEditor(editorBox, pendingDoc ?? "", { label: "Python-Code für den Simulator", onRun: execute, onChange: remember });
    editorBox.editorView = editor; // for tests that replace the whole script at once
    pendingDoc = null;
  });
  showLab(initial);

  return h("section", { class: "ksim-panel ksim-code", "aria-labelledby": headingId },
    h("h3", { id: headingId }, "Code: kafka-python gegen den Simulator"),
    h("p", { class: "ksim-hint" }, "Das Skript verbindet sich mit dem Cluster dieses Simulators (bootstrap_servers wird ignoriert). " +
      "Zeit vergeht simuliert: time.sleep(0.5) dauert keinen Augenblick."),
    h("div", { class: "ksim-code-row" },
      h("div", { class: "ksim-code-edit" }, h("label", {}, "Skript ", chooser), editorBox, runButton, restoreButton, state),
      h("div", { class: "ksim-code-out" }, h("h4", {}, "Ausgabe"), output, error)));
}
