// A guided exercise: the task, a "Prüfen" button, and the German verdict with its reason.
// The worker judges the cluster with every answer; a success is shown by itself as soon as it
// happens (unless the exercise asks for a prediction first), a failure only when asked, so the
// panel never scolds half-way through.
//
// When an exercise is first judged right (again after "Zurücksetzen"), the document hears
//   "kafkasim:exercise-solved" with detail { id, page }
// – the exercise's id (its check in kafkasim.labor) and the page's path – e.g. for a view of the
// learner's progress across the course.
import { h, uniqueId } from "./dom.js";

export const SOLVED_EVENT = "kafkasim:exercise-solved";

export function buildExercisePanel(exercise, requestCheck) {
  const headingId = uniqueId("ksim-h");
  const verdict = h("div", { class: "ksim-verdict", role: "status", "aria-live": "polite" });
  let solved = false;
  const show = ({ ok, text }) => {
    verdict.dataset.result = ok ? "success" : "failure";
    verdict.replaceChildren(h("strong", {}, ok ? "Geschafft! " : "Noch nicht: "), text);
    if (ok && !solved) {
      solved = true;
      document.dispatchEvent(new CustomEvent(SOLVED_EVENT, { detail: { id: exercise.id, page: location.pathname } }));
    }
  };
  const check = async () => {
    verdict.dataset.result = "pending";
    verdict.replaceChildren("Wird geprüft …");
    show(await requestCheck());
  };
  const panel = h("section", { class: "ksim-panel ksim-exercise", "aria-labelledby": headingId },
    h("h3", { id: headingId }, "Aufgabe"),
    exercise.task.map((p) => h("p", {}, p)),
    h("button", { type: "button", class: "ksim-check", onclick: check }, "Prüfen"),
    verdict);
  // Every answer from the worker carries the current verdict.
  panel.watch = (result) => {
    if (solved || !result?.ok || exercise.announce === false || verdict.dataset.result === "pending") return;
    show(result);
  };
  panel.reset = () => {
    solved = false;
    delete verdict.dataset.result;
    verdict.replaceChildren();
  };
  return panel;
}
