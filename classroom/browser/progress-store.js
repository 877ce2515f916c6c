// The learner's progress through the course, kept only in this browser's localStorage (the page
// "Ihr Fortschritt" that shows it is progress-page.js).
//
// Quizzes: mkdocs-quiz 1.7.1 stores each page's answers itself, under
//   quiz_progress_<location.pathname>  →  {"<quiz id>": {answered, correct, selectedValues}}
// and this file only reads (and, for the reset, removes) those keys.
//
// Exercises (the Simulator-Labor's and each chapter's): the exercise panel announces a solved one
// with a DOM event on the document (simulator/web/src/ui/exercise.js)
//   kafkasim:exercise-solved   detail: {id: exercise id, page: location.pathname}
// and it is stored here as
//   kafkasim_exercises_<page>  →  {"<exercise id>": {solved: true, at: ISO time}}
//
// Which chapters have which quizzes and exercises comes from the build (classroom/progress.py
// writes assets/kurs/fortschritt.json). Nothing is ever sent anywhere.

export const QUIZ_PREFIX = "quiz_progress_";
export const EXERCISE_PREFIX = "kafkasim_exercises_";
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
    const { id, page } = event.detail ?? {};
    if (id) recordSolved(String(id), typeof page === "string" ? page : location.pathname);
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
