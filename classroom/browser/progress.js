// The learner's progress through the course, kept only in this browser's localStorage, and the
// page "Ihr Fortschritt" that shows it per chapter, saves it as a file and deletes it.
//
// Quizzes: mkdocs-quiz 1.7.1 stores each page's answers itself, under
//   quiz_progress_<location.pathname>  →  {"<quiz id>": {answered, correct, selectedValues}}
// and this file only reads (and, for the reset, removes) those keys.
//
// Exercises of the Simulator-Labor: the exercise panel announces a solved exercise with a DOM event
//   kafkasim:exercise-solved   (bubbles; detail: {exercise?: string})
// dispatched at (or inside) the simulator element div.kafkasim. The exercise's id is
// detail.exercise if given, else the data-preset of the closest div.kafkasim. It is stored as
//   kafkasim_exercises_<location.pathname>  →  {"<exercise id>": {solved: true, at: ISO time}}
//
// Which chapters have which quizzes and exercises comes from the build (classroom/progress.py
// writes assets/kurs/fortschritt.json). Nothing is ever sent anywhere.

export const QUIZ_PREFIX = "quiz_progress_";
export const EXERCISE_PREFIX = "kafkasim_exercises_";
const NAME_KEY = "kafka_kurs_name";
export const SOLVED_EVENT = "kafkasim:exercise-solved";

function read(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "null");
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  } catch {
    return {}; // unreadable or storage disabled: nothing recorded
  }
}

export function recordSolved(id, pathname = location.pathname) {
  const key = EXERCISE_PREFIX + pathname;
  const solved = read(key);
  if (solved[id]?.solved) return;
  solved[id] = { solved: true, at: new Date().toISOString() };
  try {
    localStorage.setItem(key, JSON.stringify(solved));
  } catch {
    // storage full or disabled: the exercise stays solved on screen, just not remembered
  }
}

export function listenForExercises() {
  document.addEventListener(SOLVED_EVENT, (event) => {
    const id = event.detail?.exercise ?? event.target.closest?.("div.kafkasim")?.dataset.preset;
    if (id) recordSolved(String(id));
  });
}

// A page can be reached as …/x/ or …/x/index.html; mkdocs-quiz keys by whichever was used.
function pathVariants(url) {
  const { pathname } = url;
  if (pathname.endsWith("/")) return [pathname, `${pathname}index.html`];
  if (pathname.endsWith("/index.html")) return [pathname, pathname.slice(0, -"index.html".length)];
  return [pathname];
}

function merged(prefix, paths) {
  return Object.assign({}, ...paths.map((path) => read(prefix + path)));
}

// The course's state for every chapter of the build's list.
export function collect(course, root) {
  const chapters = course.chapters.map((chapter) => {
    const paths = pathVariants(new URL(chapter.url, root));
    const answers = merged(QUIZ_PREFIX, paths);
    const solved = merged(EXERCISE_PREFIX, paths);
    const fragen = chapter.quizzes.map((id) => ({
      id, beantwortet: Boolean(answers[id]?.answered), richtig: Boolean(answers[id]?.answered && answers[id]?.correct),
    }));
    const uebungen = chapter.exercises.map(({ id, title }) => ({
      id, titel: title, geloest: Boolean(solved[id]?.solved), am: solved[id]?.at ?? null,
    }));
    return {
      titel: chapter.title, bereich: chapter.section, adresse: chapter.url, paths,
      quizfragen: fragen.length, beantwortet: fragen.filter((q) => q.beantwortet).length,
      richtig: fragen.filter((q) => q.richtig).length,
      uebungen_gesamt: uebungen.length, geloest: uebungen.filter((u) => u.geloest).length,
      fragen, uebungen,
    };
  });
  const sum = (field) => chapters.reduce((total, chapter) => total + chapter[field], 0);
  return {
    chapters,
    summe: {
      quizfragen: sum("quizfragen"), beantwortet: sum("beantwortet"), richtig: sum("richtig"),
      uebungen: sum("uebungen_gesamt"), geloest: sum("geloest"),
    },
  };
}

export function exportData(course, state, name) {
  return {
    format: "kafka-kurs-fortschritt/1",
    kurs: course.course,
    name: name || null,
    exportiert: new Date().toISOString(),
    summe: state.summe,
    kapitel: state.chapters.map(({ paths, ...chapter }) => chapter),
  };
}

export function resetAll(state) {
  for (const chapter of state.chapters) {
    for (const path of chapter.paths) {
      localStorage.removeItem(QUIZ_PREFIX + path);
      localStorage.removeItem(EXERCISE_PREFIX + path);
    }
  }
}

// ---- the page "Ihr Fortschritt" -------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  node.append(...children.flat());
  return node;
}

const dateFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short" });

function table(state, root) {
  const rows = state.chapters.map((chapter) => el("tr", {},
    el("th", { scope: "row" }, el("a", { href: new URL(chapter.adresse, root).href }, chapter.titel)),
    el("td", {}, chapter.quizfragen ? `${chapter.beantwortet} von ${chapter.quizfragen}` : "–"),
    el("td", {}, chapter.quizfragen ? String(chapter.richtig) : "–"),
    el("td", {}, chapter.uebungen_gesamt ? `${chapter.geloest} von ${chapter.uebungen_gesamt}` : "–")));
  const { summe } = state;
  // No class: Material styles a content table only without one.
  return el("table", {},
    el("caption", {}, "Fortschritt je Kapitel"),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, "Kapitel"), el("th", { scope: "col" }, "Quizfragen beantwortet"),
      el("th", { scope: "col" }, "davon richtig"), el("th", { scope: "col" }, "Übungen gelöst"))),
    el("tbody", {}, rows),
    el("tfoot", {}, el("tr", {},
      el("th", { scope: "row" }, "Zusammen"), el("td", {}, `${summe.beantwortet} von ${summe.quizfragen}`),
      el("td", {}, String(summe.richtig)), el("td", {}, `${summe.geloest} von ${summe.uebungen}`))));
}

function solvedList(state) {
  const solved = state.chapters.flatMap((chapter) => chapter.uebungen.filter((u) => u.geloest));
  if (!solved.length) return [];
  return [el("h2", {}, "Gelöste Übungen"),
    el("ul", {}, solved.map((u) => el("li", {}, `${u.titel || u.id} – am ${dateFormat.format(new Date(u.am))}`)))];
}

function download(course, state, name) {
  const data = JSON.stringify(exportData(course, state, name), null, 2) + "\n";
  const url = URL.createObjectURL(new Blob([data], { type: "application/json" }));
  const day = new Date().toISOString().slice(0, 10);
  const who = (name || "").normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
  const link = el("a", { href: url, download: `kafka-kurs-fortschritt${who ? `-${who}` : ""}-${day}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function showProgressPage(view, root) {
  let course;
  try {
    const response = await fetch(new URL("assets/kurs/fortschritt.json", root));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    course = await response.json();
  } catch (error) {
    view.replaceChildren(el("p", { role: "alert" }, `Die Übersicht der Kapitel ließ sich nicht laden (${error.message}).`));
    return;
  }
  let storedName = "";
  try {
    storedName = localStorage.getItem(NAME_KEY) ?? "";
  } catch { /* storage disabled */ }
  const message = el("p", { class: "kurs-fortschritt__meldung", role: "status" });
  const nameInput = el("input", { type: "text", id: "kurs-fortschritt-name", name: "name", autocomplete: "name" });
  nameInput.value = storedName;
  const printedName = el("p", { class: "kurs-fortschritt__druckname" });
  const stamp = el("p", { class: "kurs-fortschritt__stand" });
  const body = el("div");

  const render = () => {
    const state = collect(course, root);
    const name = nameInput.value.trim();
    printedName.textContent = name ? `Name: ${name}` : "";
    stamp.textContent = `Stand: ${dateFormat.format(new Date())}`;
    body.replaceChildren(
      el("p", { class: "kurs-fortschritt__summe" },
        `Sie haben ${state.summe.beantwortet} von ${state.summe.quizfragen} Quizfragen beantwortet, ` +
        `${state.summe.richtig} davon richtig, und ${state.summe.geloest} von ${state.summe.uebungen} Übungen gelöst.`),
      table(state, root), ...solvedList(state));
    return state;
  };

  nameInput.addEventListener("input", () => {
    try {
      localStorage.setItem(NAME_KEY, nameInput.value.trim());
    } catch { /* storage disabled: the name is only used for this export */ }
    render();
  });
  const buttons = el("div", { class: "kurs-fortschritt__knoepfe" },
    el("button", { type: "button", class: "md-button md-button--primary", onclick: () => {
      download(course, render(), nameInput.value.trim());
      message.textContent = "Die Datei wurde in Ihrem Download-Ordner gespeichert.";
    } }, "Als Datei speichern (JSON)"),
    el("button", { type: "button", class: "md-button", onclick: () => {
      render();
      window.print();
    } }, "Drucken oder als PDF speichern"),
    el("button", { type: "button", class: "md-button", onclick: () => {
      if (!window.confirm("Ihren gesamten Fortschritt (Quizantworten und gelöste Übungen) in diesem Browser löschen? " +
        "Das lässt sich nicht rückgängig machen.")) return;
      resetAll(render());
      render();
      message.textContent = "Ihr Fortschritt in diesem Browser wurde gelöscht.";
    } }, "Fortschritt löschen"));

  view.replaceChildren(
    el("p", { class: "kurs-fortschritt__namensfeld" },
      el("label", { for: "kurs-fortschritt-name" }, "Ihr Name (freiwillig, nur für Datei und Ausdruck): "), nameInput),
    printedName, stamp, body, buttons, message);
  render();
  // Another tab of the course answering a quiz updates this view.
  addEventListener("storage", render);
}
