"""Reading the built course: pages, visible prose, links and ids (shared by the docs tests)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Elements whose text is code, markup or machine data, not German prose.
SKIPPED = {"code", "pre", "kbd", "script", "style", "svg", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class ArticleText(HTMLParser):
    """Collects the visible prose of a page's main article (code, URLs and markup left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip = 0
        self.parts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if self.in_article and not self.skip:
                alt = dict(attrs).get("alt")
                if alt:
                    self.parts.append(alt)
            return
        self._stack.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self.in_article += 1
        if self.skip or tag in SKIPPED or "headerlink" in classes:
            self.skip += 1
        elif self.in_article:
            title = dict(attrs).get("title")
            if title and tag == "abbr":
                self.parts.append(" " + title + " ")
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            if self.skip:
                self.skip -= 1
            elif open_tag == "article":
                self.in_article -= 1
            if open_tag == tag:
                break
        if self.in_article:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.in_article and not self.skip:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = ArticleText()
    parser.feed(html)
    return "".join(parser.parts)


def course_pages(site: Path) -> list[Path]:
    """Every page built from docs/*.md (the 404 page and generated assets left out)."""
    pages = []
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(DOCS)
        if rel.parts[0] in ("includes", "assets"):
            continue
        if rel.name == "index.md":
            html = site / rel.parent / "index.html"
        else:
            html = site / rel.with_suffix("") / "index.html"
        pages.append(html)
    return pages


URL = re.compile(r"\b(?:https?://|www\.)\S+")

# Identifiers like min.insync.replicas or linger_ms that slip outside code spans are not prose.
IDENTIFIER = re.compile(r"\S*[._=/:]\S*[A-Za-z]\S*")
WORD = re.compile(r"[A-Za-zÄÖÜäöüßé]+(?:-[A-Za-zÄÖÜäöüßé]+)*")


def prose_words(text: str) -> list[str]:
    """Words to spell-check: URLs and identifiers dropped, hyphenated compounds split into parts."""
    text = URL.sub(" ", text)
    text = IDENTIFIER.sub(" ", text)
    words = []
    for token in WORD.findall(text):
        words.extend(part for part in token.split("-") if len(part) > 1)
    return words
