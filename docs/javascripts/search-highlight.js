// Search results link to the page with the search terms in ?h=, which Material's
// search.highlight marks on arrival. When only sections of a page match, Material lists the page
// itself as the group's heading with no matched terms of its own (its search worker adds it with
// `terms: {}`), so that link gets an empty h= and the page marks nothing. Give such a link the
// terms its own sections matched.
(() => {
  const list = document.querySelector(".md-search-result__list");
  if (!list) return;

  const terms = (link) => new URL(link.href).searchParams.get("h")?.trim() ?? "";

  const fill = (item) => {
    const links = [...item.querySelectorAll("a.md-search-result__link")];
    const found = new Set(links.flatMap((link) => terms(link).split(/\s+/)).filter(Boolean));
    if (!found.size) return;
    for (const link of links) {
      if (terms(link)) continue;
      const url = new URL(link.href);
      url.searchParams.set("h", [...found].join(" "));
      link.href = url.href;
    }
  };

  // Results are drawn anew for every keystroke and in batches while scrolling.
  new MutationObserver(() => list.querySelectorAll(".md-search-result__item").forEach(fill))
    .observe(list, { childList: true, subtree: true });
})();
