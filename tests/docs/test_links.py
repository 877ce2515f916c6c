"""Every internal link and anchor of the built course resolves (checked on the HTML itself)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.docs.sitetext import course_pages


class LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "img" and attrs.get("src"):
            self.links.append(attrs["src"])


def parse(html_file: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser


def target_file(page: Path, path: str, site: Path) -> Path:
    target = (page.parent / unquote(path)).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(page: Path, site: Path, cache: dict[Path, LinksAndIds]) -> list[str]:
    broken = []
    for href in cache[page].links:
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            continue  # external links in the text are allowed; they load nothing by themselves
        target = target_file(page, parts.path, site) if parts.path else page
        if not target.exists():
            broken.append(f"{href} (Datei fehlt)")
            continue
        if parts.fragment and target.suffix == ".html":
            if target not in cache:
                cache[target] = parse(target)
            if unquote(parts.fragment) not in cache[target].ids:
                broken.append(f"{href} (Anker fehlt)")
    return broken


def test_internal_links_and_anchors_resolve(built_site: Path):
    cache = {page: parse(page) for page in course_pages(built_site)}
    report = {}
    for page in list(cache):
        broken = broken_links(page, built_site, cache)
        if broken:
            report[str(page.relative_to(built_site))] = broken
    assert not report, f"Kaputte Links: {report}"
    assert sum(len(parsed.links) for parsed in cache.values()) > 100, "zu wenige Links gefunden"


def test_checker_reports_a_missing_anchor(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<a href="../b/#da">x</a><a href="../b/#weg">y</a>'
                                               '<a href="../c/">z</a><a href="https://x.example/">e</a>')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<h2 id="da">Da</h2>')
    page = tmp_path / "a" / "index.html"
    assert broken_links(page, tmp_path, {page: parse(page)}) == [
        "../b/#weg (Anker fehlt)", "../c/ (Datei fehlt)"]
