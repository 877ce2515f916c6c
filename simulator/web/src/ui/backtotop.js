// Material's "Zurück zum Seitenanfang" pill appears under the header whenever the reader scrolls
// up, right where a simulator's toolbar then is (on a phone it covered its buttons). While any
// simulator is on screen the page hides it (simulator.css); the header's tap still leads up.
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
  });
  observer.observe(root);
}
