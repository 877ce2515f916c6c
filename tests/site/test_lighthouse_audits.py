"""What Lighthouse counts and the axe test (test_page_accessibility.py: serious violations, outside
the simulators) does not see, checked on the built pages so that no run of the benchmark
(bench/bench_lighthouse.py) is needed to find it:

- SEO `link-text`: a link reads like "Start" or "hier" (Lighthouse's own list, from its source);
- accessibility `heading-order` (a moderate violation for axe): a simulator's panels are headed by
  <h3> (simulator/web/src/app/layout.js), so a simulator placed before a page's first <h2> skips a level.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINK_TEXT_AUDIT = ROOT / "node_modules" / "lighthouse" / "core" / "audits" / "seo" / "link-text.js"


def lighthouse_blocklist() -> set[str]:
    source = LINK_TEXT_AUDIT.read_text(encoding="utf-8")
    body = re.search(r"const BLOCKLIST = new Set\(\[(.*?)\]\);", source, re.S).group(1)
    words = set(re.findall(r"'([^']+)'", body))
    assert {"start", "here", "more"} <= words  # the list is where it was
    return words


def course_pages(site: Path) -> list[Path]:
    return [html for html in sorted(site.rglob("*.html")) if "assets" not in html.parts and html.name != "404.html"]


class Links(HTMLParser):
    """(href, text) of every link that leads away from its own page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append([dict(attrs).get("href"), ""])

    def handle_data(self, data):
        for link in self._open:
            link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            if href and not href.startswith(("#", "javascript:", "mailto:")):
                self.links.append((href, text))


def test_no_link_text_that_lighthouse_calls_undescriptive(built_site):
    blocked = lighthouse_blocklist()
    found = []
    for html in course_pages(built_site):
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        found += [(html.relative_to(built_site).as_posix(), href, text.strip())
                  for href, text in parser.links if text.strip().lower() in blocked]
    assert found == [], found


def test_simulators_come_after_a_second_level_heading(built_site):
    """The simulator's own <h3> panels follow an <h2> (or deeper), never the page's <h1> alone."""
    found = []
    for html in course_pages(built_site):
        text = html.read_text(encoding="utf-8")
        article = text[text.find("<article"):]
        for sim in re.finditer(r'<div class="kafkasim"', article):
            levels = re.findall(r"<h([1-6])[\s>]", article[:sim.start()])
            if not levels or int(levels[-1]) < 2:
                found.append(html.relative_to(built_site).as_posix())
    assert found == [], found
