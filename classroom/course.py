"""The course as mkdocs.yml describes it: its chapters in navigation order, and Markdown rendered
the way the site renders it (same extensions), for use outside the site."""

from __future__ import annotations

import base64
import mimetypes
import re
from html import unescape
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parents[1]
COURSE = "Kafka-Kurs"


@dataclass(frozen=True)
class Chapter:
    """One page of the navigation: `section` is the nav group ("" for top-level pages)."""

    title: str
    section: str
    src: str  # path below docs/, e.g. "theorie/producer.md"

    @property
    def path(self) -> Path:
        return ROOT / "docs" / self.src

    @property
    def url(self) -> str:
        """The page's address relative to the site root, as use_directory_urls builds it."""
        stem = self.src[: -len(".md")]
        if stem == "index":
            return ""
        return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def chapters(cfg: MkDocsConfig | None = None) -> list[Chapter]:
    """Every page in navigation order; a section's index page is titled with the section's name."""
    cfg = cfg or config()
    found: list[Chapter] = []

    def walk(items, section: str) -> None:
        for item in items:
            if isinstance(item, str):
                found.append(Chapter(section or Path(item).stem, section, item))
                continue
            for title, value in item.items():
                if isinstance(value, list):
                    walk(value, title)
                else:
                    found.append(Chapter(title, section, value))

    walk(cfg.nav, "")
    return found


class _Rewrite(Treeprocessor):
    """Links to course pages point at the published course (or become plain text when its address
    is unknown); pictures are handed to `on_image`, which returns their new address."""

    def __init__(self, md, page: Chapter, site_url: str, on_image):
        super().__init__(md)
        self.page, self.site_url, self.on_image = page, site_url, on_image

    def run(self, root: ET.Element) -> None:
        found = [(parent, child) for parent in root.iter() for child in parent]
        for parent, child in reversed(found):  # innermost first, so unwrapping keeps the order
            if child.tag == "abbr":
                _unwrap(parent, child)  # glossary tooltips are clutter in an LMS's question editor
            elif child.tag == "a" and _is_internal(child.get("href", "")):
                self._link(parent, child)
            elif child.tag == "img" and _is_internal(child.get("src", "")):
                child.set("src", self.on_image(self._resolve(child.get("src"))))

    def _resolve(self, href: str) -> Path:
        target = urlsplit(href).path
        return (self.page.path.parent / target).resolve()

    def _link(self, parent: ET.Element, link: ET.Element) -> None:
        parts = urlsplit(link.get("href"))
        if self.site_url and parts.path.endswith(".md"):
            src = self._resolve(link.get("href")).relative_to(ROOT / "docs").as_posix()
            url = Chapter("", "", src).url
            link.set("href", self.site_url.rstrip("/") + "/" + url + (f"#{parts.fragment}" if parts.fragment else ""))
            return
        if self.site_url and not parts.path:
            return  # an anchor on the same page stays as it is
        # Without the course's address a relative link would point into the LMS: keep the text only.
        _unwrap(parent, link)


def _unwrap(parent: ET.Element, child: ET.Element) -> None:
    """Replaces `child` by its content (text, children, tail) in `parent`."""
    at = list(parent).index(child)
    kids = list(child)
    parent.remove(child)
    for k, kid in enumerate(kids):
        parent.insert(at + k, kid)
    if kids:
        kids[-1].tail = (kids[-1].tail or "") + (child.tail or "")
        lead = child.text or ""
    else:
        lead = (child.text or "") + (child.tail or "")
    if at == 0:
        parent.text = (parent.text or "") + lead
    else:
        parent[at - 1].tail = (parent[at - 1].tail or "") + lead


def _is_internal(href: str) -> bool:
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and not href.startswith("//")


class Renderer:
    """Markdown → HTML fragments with the site's extensions. Code is left unhighlighted, so it
    shows as plain `<code>` in an LMS that has none of the site's CSS."""

    def __init__(self, cfg: MkDocsConfig | None = None, site_url: str = ""):
        self.cfg = cfg or config()
        self.site_url = site_url
        self.images: dict[str, Path] = {}

    def _markdown(self, page: Chapter, on_image) -> markdown.Markdown:
        configs = {name: dict(options) for name, options in self.cfg.mdx_configs.items()}
        configs["pymdownx.highlight"] = {**configs.get("pymdownx.highlight", {}), "use_pygments": False}
        configs.pop("toc", None)
        extensions = [e for e in self.cfg.markdown_extensions if e != "toc"]
        md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        md.treeprocessors.register(_Rewrite(md, page, self.site_url, on_image), "kurs_rewrite", 0)
        return md

    def html(self, text: str, page: Chapter, on_image=None) -> str:
        """`text` as HTML; `on_image(path)` gets each local picture and returns its new address
        (default: the picture inlined as a data: URL)."""
        return self._markdown(page, on_image or data_url).convert(text).strip()

    def inline(self, text: str, page: Chapter, on_image=None) -> str:
        """Like `html`, without the paragraph around a one-line text (answers)."""
        out = self.html(text, page, on_image)
        if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            out = out[3:-4]
        return out


def data_url(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def plain(html: str) -> str:
    """The text of an HTML fragment (for names and titles)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
