"""German spelling of the course: hunspell with Debian's de_DE dictionary plus our word list.

The prose of every page is taken from the built HTML (code, URLs and markup stripped) together
with the titles, descriptions and labels of the diagrams. Every word hunspell does not know must
be in tests/docs/wortliste.txt (technical terms, names, English titles in the bibliography).
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.docs.sitetext import DOCS, article_text, course_pages, prose_words

WORD_LIST = Path(__file__).with_name("wortliste.txt")
DICTIONARY = Path("/usr/share/hunspell/de_DE.dic")


def unknown_words(words: list[str]) -> list[str]:
    if shutil.which("hunspell") is None or not DICTIONARY.exists():
        pytest.fail("hunspell mit deutschem Wörterbuch fehlt: `make chromium` installiert hunspell-de-de.")
    # The word list is applied here rather than with `hunspell -p`: hunspell ignores personal
    # entries whose other capitalisation the main dictionary knows (e.g. "depot" next to "Depot").
    allowed = set(WORD_LIST.read_text(encoding="utf-8").split())
    proc = subprocess.run(
        ["hunspell", "-d", "de_DE", "-l"],
        input="\n".join(sorted(set(words))), capture_output=True, text=True, timeout=60,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    return sorted(set(proc.stdout.split()) - allowed)


def diagram_text(svg: Path) -> str:
    return " ".join(ET.parse(svg).getroot().itertext())


def test_every_page_is_spelled_correctly(built_site: Path):
    report = {}
    for page in course_pages(built_site):
        assert page.exists(), f"Seite fehlt im gebauten Kurs: {page}"
        unknown = unknown_words(prose_words(article_text(page.read_text(encoding="utf-8"))))
        if unknown:
            report[str(page.relative_to(built_site))] = unknown
    assert not report, f"Unbekannte Wörter (Tippfehler oder in wortliste.txt aufnehmen): {report}"


def test_every_diagram_is_spelled_correctly():
    report = {}
    for svg in sorted((DOCS / "img").glob("*.svg")):
        unknown = unknown_words(prose_words(diagram_text(svg)))
        if unknown:
            report[svg.name] = unknown
    assert not report, f"Unbekannte Wörter in Diagrammen: {report}"


def test_the_checker_finds_typos():
    """Guards the check itself: a typo is reported, a listed technical term is not."""
    assert unknown_words(["Partitoin", "Broker", "Consumer-Gruppe".split("-")[0], "Aktienkurse"]) == ["Partitoin"]


def test_text_extraction_drops_code_and_urls():
    html = ('<article><p>Ein Satz mit <code>linger_ms</code> und https://example.org/x '
            'sowie <abbr title="Erklärung hier">ISR</abbr>.</p><pre>def f(): pass</pre></article>')
    words = prose_words(article_text(html))
    assert "linger_ms" not in words and "def" not in words and "example" not in words
    assert {"Satz", "Erklärung", "ISR"} <= set(words)


def test_word_list_is_sorted_and_unique():
    words = WORD_LIST.read_text(encoding="utf-8").split()
    assert len(words) == len(set(words)), "doppelte Einträge in wortliste.txt"
    assert words == sorted(words, key=str.lower), "wortliste.txt bitte alphabetisch sortieren"
