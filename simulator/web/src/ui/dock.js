// The panels under (or beside) the diagram. What a preset asks the learner to do comes first, the
// event log beside it, so that the picture, the controls the chapter needs and the log's
// explanation fit one screen; the tables (partitions with their records, the groups' offsets)
// follow below, as the diagram's text alternative, reached with "Als Tabelle anzeigen".
import { h } from "./dom.js";

// The panel a preset's first task needs: its `open` names broker buttons or control forms.
export function neededPanel(open = [], panels) {
  if (open.includes("brokers") && panels.has("brokers")) return "brokers";
  if (panels.has("controls") && open.length) return "controls";
  if (panels.has("groups")) return "groups";
  return panels.has("brokers") ? "brokers" : "producers";
}

/** The dock: `sections` in the course's order (tests and screen readers read them so). */
export function buildDock(sections, needed) {
  return h("div", { class: "ksim-text-view", dataset: { needs: needed } },
    h("div", { class: "ksim-grid" }, sections));
}

/**
 * A button under the diagram that brings its text alternative – the tables – into view and moves
 * the keyboard focus there.
 */
export function tableButton(dock) {
  return h("button", { type: "button", class: "ksim-table-button", onclick: () => {
    // A compact embed (the start page) keeps its tables folded away until asked for, so that
    // picture, toolbar and event log fit one screen (simulator.css).
    dock.classList.add("ksim-tables-shown");
    // The partitions' table first; a chapter without it has the groups' offsets or the brokers.
    const heading = ["section.ksim-topics h3", "section.ksim-groups h3", "section.ksim-brokers h3"]
      .map((selector) => dock.querySelector(selector)).find(Boolean);
    if (!heading) return;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  } }, "Als Tabelle anzeigen");
}

/**
 * A page with several simulators has several "Broker" and "Aufgabe" panels: each region's name
 * also names its simulator ("Broker – Übung: …"), so screen readers tell the landmarks apart.
 */
export function nameRegions(container, titleId) {
  for (const region of container.querySelectorAll("section[aria-labelledby]")) {
    const ids = region.getAttribute("aria-labelledby").split(/\s+/);
    if (!ids.includes(titleId)) region.setAttribute("aria-labelledby", [...ids, titleId].join(" "));
  }
  const title = container.querySelector(`[id="${titleId}"]`)?.textContent ?? "";
  for (const region of container.querySelectorAll("[role=region][aria-label]")) {
    const label = region.getAttribute("aria-label");
    if (title && !label.endsWith(title)) region.setAttribute("aria-label", `${label} – ${title}`);
  }
}
