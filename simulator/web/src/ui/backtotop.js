// Material's "Zurück zum Seitenanfang" pill appears under the header whenever the reader scrolls
// up, right where a simulator's toolbar then is (on a phone it covered its buttons). While any
// simulator is on screen the page hides it (simulator.css); the header's tap still leads up.
// A wide embed (data-width="wide") reaches over the table of contents on the right; while one is
// on screen that sidebar is hidden too, so nothing of it peeks out beside the simulator.
const onScreen = new Set();
let observer = null;

export function keepBackToTopClear(root) {
  if (typeof IntersectionObserver !== "function") return;
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) onScreen.add(entry.target);
      else onScreen.delete(entry.target);
    }
    document.body.classList.toggle("ksim-on-screen", onScreen.size > 0);
    document.body.classList.toggle("ksim-wide-on-screen", [...onScreen].some((el) => el.dataset.width === "wide"));
  });
  observer.observe(root);
}
