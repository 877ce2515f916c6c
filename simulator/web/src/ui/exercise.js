// A guided exercise: the task, a "Prüfen" button, and the German verdict with its reason.
// Success is also noticed by itself while the reader works; a failure is only ever reported
// when asked, so the panel never scolds half-way through.
import { h, uniqueId } from "./dom.js";

export function buildExercisePanel(exercise, context) {
  const headingId = uniqueId("ksim-h");
  const verdict = h("div", { class: "ksim-verdict", role: "status", "aria-live": "polite" });
  let solved = false;
  const show = ({ ok, text }) => {
    verdict.dataset.result = ok ? "success" : "failure";
    verdict.replaceChildren(h("strong", {}, ok ? "Geschafft! " : "Noch nicht: "), text);
    if (ok) verdict.dispatchEvent(new CustomEvent("kafkasim:exercise-solved", { bubbles: true })); // progress: classroom/browser/progress.js
  };
  const check = () => {
    const result = exercise.check(context());
    solved ||= result.ok;
    show(result);
  };
  const panel = h("section", { class: "ksim-panel ksim-exercise", "aria-labelledby": headingId },
    h("h3", { id: headingId }, "Aufgabe"),
    exercise.task.map((p) => h("p", {}, p)),
    h("button", { type: "button", class: "ksim-check", onclick: check }, "Prüfen"),
    verdict);
  panel.watch = () => {
    if (solved) return;
    const result = exercise.check(context());
    if (result.ok) {
      solved = true;
      show(result);
    }
  };
  panel.reset = () => {
    solved = false;
    delete verdict.dataset.result;
    verdict.replaceChildren();
  };
  return panel;
}
