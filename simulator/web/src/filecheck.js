// Classic (non-module) script: browsers refuse module scripts from file://, so this is the only
// code that can tell a reader who opened the course as files that the simulator needs a server.
(() => {
  if (location.protocol !== "file:") return;
  const explain = () => {
    for (const root of document.querySelectorAll("div.kafkasim")) {
      root.dataset.simState = "error";
      const box = document.createElement("div");
      box.className = "ksim-notice";
      box.setAttribute("role", "alert");
      const title = document.createElement("strong");
      title.textContent = "Der Simulator braucht einen Webserver.";
      const text = document.createElement("p");
      // The classroom bundle (classroom/kurs_paket.js) tells how to start its own server.
      const how = window.kafkaKursStart || "Starten Sie im Kursordner „make serve“ und öffnen Sie " +
        "http://127.0.0.1:8000/ – oder legen Sie den gebauten Ordner site/ auf einen beliebigen Webserver.";
      text.textContent = "Diese Seite wurde direkt als Datei (file://) geöffnet. Browser laden Python (Pyodide) " +
        "aus Sicherheitsgründen nur über HTTP. " + how;
      box.append(title, text);
      root.replaceChildren(box);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", explain);
  else explain();
})();
