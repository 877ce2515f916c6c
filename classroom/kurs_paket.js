// Classic script of the classroom bundle only (built with `make bundle`): opened as a file
// (file://), a page says at its top how to start the course properly. filecheck.js reads
// window.kafkaKursStart for the same advice inside each simulator.
(() => {
  window.kafkaKursStart =
    "Öffnen Sie im entpackten Ordner „kafka-kurs“ ein Terminal und geben Sie „python3 kurs-starten.py“ ein " +
    "(unter Windows: „py kurs-starten.py“). Der Kurs öffnet sich dann im Browser unter http://127.0.0.1:8000/.";
  if (location.protocol !== "file:") return;
  const show = () => {
    const target = document.querySelector(".md-content") || document.body;
    const box = document.createElement("div");
    box.className = "admonition warning kurs-dateimodus";
    box.setAttribute("role", "note");
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Der Kurs ist als Datei geöffnet";
    const text = document.createElement("p");
    text.textContent = "Texte und Quizfragen funktionieren so, der Simulator und die Suche aber nicht: Browser " +
      "laden Python (Pyodide) nur über einen Webserver. " + window.kafkaKursStart;
    box.append(title, text);
    target.prepend(box);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
