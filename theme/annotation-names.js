// Material numbers the notes of an annotated code block with links that have no text of their
// own (the number is drawn by CSS), so screen readers announce an empty link. Each gets a name.
// Material builds them in the page after load: only code blocks are watched, they change no more.
function name(root) {
  for (const link of root.querySelectorAll("a.md-annotation__index:not([aria-label])")) {
    const id = link.querySelector("[data-md-annotation-id]")?.dataset.mdAnnotationId;
    link.setAttribute("aria-label", id ? `Anmerkung ${id}` : "Anmerkung");
  }
}

export function nameAnnotations() {
  const observer = new MutationObserver((records) => {
    for (const record of records) name(record.target);
  });
  for (const block of document.querySelectorAll(".md-typeset .highlight")) {
    observer.observe(block, { childList: true, subtree: true });
    name(block);
  }
}
