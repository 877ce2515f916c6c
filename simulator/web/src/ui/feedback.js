// Feedback next to the control that caused it: every form and every panel with buttons has its
// own message line, so the answer to a click appears where the reader is looking, not at the top
// of a simulator that may be two screens long.
import { h } from "./dom.js";

export function feedbackLine() {
  return h("p", { class: "ksim-feedback", role: "status", "aria-live": "polite" });
}

// The message line for a click on `origin` (a button or form), else `fallback`.
export function feedbackFor(origin, fallback) {
  const owner = origin?.closest?.(".ksim-form, .ksim-panel");
  return owner?.querySelector(".ksim-feedback") ?? fallback;
}

// Shows `text` in `line`; the same text again is written anew, so screen readers announce it
// again. The line is scrolled into view if the reader would otherwise not see it.
export function say(line, text, kind = "ok", about = "") {
  if (!line) return;
  line.dataset.kind = kind;
  line.dataset.about = about;
  line.textContent = text;
  if (text) reveal(line);
}

// Scrolls `el` just into view if it is not: the answer to a click must not sit below the screen's
// edge (on a phone the line under a button often does). Checked again after the drawing that
// follows an answer, which may push it down.
export function reveal(el) {
  const check = () => {
    if (!el.isConnected) return;
    // scroll-margin-top (simulator.css) keeps the element clear of a sticky page header.
    const top = parseFloat(getComputedStyle(el).scrollMarginTop) || 0;
    const box = el.getBoundingClientRect();
    if (box.height && (box.top < top || box.bottom > innerHeight)) el.scrollIntoView({ block: "nearest" });
  };
  check();
  setTimeout(check, 0);
}
