// A guided exercise: the task, a "Prüfen" button, and the German verdict with its reason.
import { h, uniqueId } from "./dom.js";

export function buildExercisePanel(exercise, context) {
  const headingId = uniqueId("ksim-h");
  const verdict = h("div", { class: "ksim-verdict", role: "status", "aria-live": "polite" });
  const check = () => {
    const { ok, text } = exercise.check(context());
    verdict.dataset.result = ok ? "success" : "failure";
    verdict.replaceChildren(h("strong", {}, ok ? "Geschafft! " : "Noch nicht: "), text);
  };
  return h("section", { class: "ksim-panel ksim-exercise", "aria-labelledby": headingId },
    h("h3", { id: headingId }, "Aufgabe"),
    exercise.task.map((p) => h("p", {}, p)),
    h("button", { type: "button", class: "ksim-check", onclick: check }, "Prüfen"),
    verdict);
}
