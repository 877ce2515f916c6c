"""No page of the built site loads anything from another host (links in the text are fine)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.fixtures.browser import is_local

# Tag → attribute whose URL the browser fetches by itself.
FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
           "video": "src", "embed": "src", "object": "data", "track": "src"}
FETCHING_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "manifest",
                      "apple-touch-icon", "prefetch", "dns-prefetch", "preconnect"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]([^'"]+)""")
JS_IMPORT = re.compile(r"""(?:\bimport\s*\(\s*|\bfrom\s+|\bimport\s+|importScripts\s*\(\s*)['"](https?:)?//[^'"]+""")


class ResourceCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in FETCHED and attrs.get(FETCHED[tag]):
            self.urls.append(attrs[FETCHED[tag]])
        if tag == "link" and attrs.get("href"):
            rels = set((attrs.get("rel") or "").lower().split())
            if rels & FETCHING_LINK_RELS:
                self.urls.append(attrs["href"])
        if attrs.get("style"):
            self.urls.extend(CSS_URL.findall(attrs["style"]))


def external(url: str) -> bool:
    return url.startswith("//") or (url.startswith(("http:", "https:")) and not is_local(url))


def test_no_page_loads_resources_from_other_hosts(built_site: Path):
    found = []
    for html in built_site.rglob("*.html"):
        collector = ResourceCollector()
        collector.feed(html.read_text(encoding="utf-8"))
        found += [f"{html.relative_to(built_site)}: {u}" for u in collector.urls if external(u)]
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        urls = CSS_URL.findall(text) + CSS_IMPORT.findall(text)
        found += [f"{css.relative_to(built_site)}: {u}" for u in urls if external(u)]
    for js in list(built_site.rglob("*.js")) + list(built_site.rglob("*.mjs")):
        text = js.read_text(encoding="utf-8", errors="replace")
        found += [f"{js.relative_to(built_site)}: {m.group(0)}" for m in JS_IMPORT.finditer(text)]
    assert not found, "Externe Ressourcen:\n" + "\n".join(found)


def test_collector_sees_what_a_browser_would_fetch():
    """Guards the scanner itself: it must flag a CDN script and a web font."""
    collector = ResourceCollector()
    collector.feed('<script src="https://cdn.example.org/x.js"></script>'
                   '<link rel="stylesheet" href="https://fonts.example.org/css">'
                   '<a href="https://kafka.apache.org/">Doku</a>')
    assert [u for u in collector.urls if external(u)] == [
        "https://cdn.example.org/x.js", "https://fonts.example.org/css"]
    assert CSS_URL.findall("a{background:url('https://x.example/a.png')}") == ["https://x.example/a.png"]
    assert JS_IMPORT.search('import x from "https://esm.example/x.js"')


def test_request_recorder_tells_loopback_from_elsewhere():
    assert is_local("http://127.0.0.1:8000/kafka-kurs/")
    assert is_local("http://localhost:1/x") and is_local("http://[::1]:5/") and is_local("blob:abc")
    assert not is_local("https://cdn.example.net/pyodide/pyodide.mjs")
    assert not is_local("http://10.0.0.1/") and not is_local("https://fonts.example.com/x.woff2")
