// The page "Ihr Fortschritt": the learner's progress per chapter (progress-store.js, handed in by
// page.js), saved as a JSON file or printed, and deleted after asking. Loaded only on that page.

const NAME_KEY = "kafka_kurs_name";

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

function download(exportData, course, state, name) {
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

export async function showProgressPage(view, root, { collect, exportData, resetAll }) {
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
      download(exportData, course, render(), nameInput.value.trim());
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
