"""`make pdf` and printing one chapter: what lands on paper."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.classroom.conftest import ROOT, nav_pages

# Words that only controls show: the simulator's buttons and the quiz's submit button.
CONTROL_TEXTS = ["Datensatz senden", "Topic anlegen", "Consumer hinzufügen", "Ticker starten", "Ausführen",
                 "Absenden", "Quiz zurücksetzen"]


def control_texts() -> list[str]:
    """The control labels that the course's own text never uses (so that finding one in a print
    means a control was printed)."""
    prose = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    labels = [label for label in CONTROL_TEXTS if label not in prose]
    # The first hands-on page names the buttons a reader clicks; three labels stay unique to controls.
    assert len(labels) >= 3
    return labels


def page_heading(src: str) -> str:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip().replace("\\*", "*")


def simulators_in_docs() -> int:
    return sum(p.read_text(encoding="utf-8").count('<div class="kafkasim"') for p in (ROOT / "docs").rglob("*.md"))


def printed_pages() -> list[tuple[str, str]]:
    """The chapters in the course PDF: every page of the nav except the learner's own progress."""
    return [(title, src) for title, src in nav_pages() if src != "fortschritt.md"]


def outline_titles(outline) -> list[str]:
    found = []
    for entry in outline:
        found += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return found


@pytest.fixture(scope="module")
def pdf(course_pdf):
    reader = PdfReader(course_pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def test_pdf_has_a_table_of_contents_and_bookmarks_for_every_chapter(pdf):
    reader, _ = pdf
    toc_text = " ".join(" ".join(p.extract_text() for p in reader.pages[:4]).split())
    assert "Inhaltsverzeichnis" in toc_text
    bookmarks = outline_titles(reader.outline)
    for title, src in printed_pages():
        assert title in toc_text, f"{title} fehlt im Inhaltsverzeichnis"
        assert page_heading(src) in bookmarks, f"{page_heading(src)} fehlt in den Lesezeichen"
    # The progress page is a learner's record, printed from the page itself, not part of the course.
    assert page_heading("fortschritt.md") not in bookmarks


def test_pdf_shows_simulators_as_notes_and_no_controls(pdf):
    reader, text = pdf
    for label in control_texts():
        assert label not in text, f"Bedienelement „{label}“ im PDF"
    assert text.count("Interaktiver Simulator") == simulators_in_docs()
    assert "Interaktiver Simulator „Schlüssel bestimmen die Partition“" in text
    # Quiz questions stay, their answers too (as boxes to tick), the explanations do not.
    assert "Sie übergeben einen str als Wert, haben aber keinen value_serializer eingestellt." in text
    assert "kafka-python wandelt den Text automatisch in UTF-8 um." in text
    assert "Ein str fällt schon im Client auf" not in text


def test_pdf_page_count_is_sane(pdf):
    reader, _ = pdf
    # 81 A4 pages measured for 19 chapters, 115 for 21 (printing every page on its own gave 148 for
    # 19, nearly 8 a chapter, before the print stylesheet), two more with the build's simulator
    # pictures, 127 for 21 with the three rebalancings, the Ablauf texts and the new glossary
    # entries; far more means controls or empty charts are back.
    chapters = len(printed_pages())
    assert chapters <= len(reader.pages) <= 6.5 * chapters
    assert "Seite 2 von" in reader.pages[1].extract_text()


@pytest.mark.browser
def test_a_chapter_printed_from_the_browser_has_notes_instead_of_simulators(page, site_url):
    page.goto(site_url + "theorie/producer/")
    sims = page.locator("div.kafkasim")
    for i in range(sims.count()):  # as a reader scrolls through before printing
        sims.nth(i).scroll_into_view_if_needed()
        page.wait_for_function(
            "([i]) => ['ready', 'error'].includes(document.querySelectorAll('div.kafkasim')[i].dataset.simState)",
            arg=[i], timeout=90_000)
    assert page.locator(".kurs-druckbild").first.is_hidden()  # on screen, the live simulator
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text() for p in printed.pages).split())
    assert "Interaktiver Simulator „acks und min.insync.replicas“" in text
    assert "theorie/producer/" in text
    for label in control_texts():
        assert label not in text
    # 11 A4 pages before the print stylesheet, 6 with it; 9 since the chapter teaches headers,
    # timestamps and compression with listings of their own; 11 with the build's pictures of its
    # three simulators.
    assert len(printed.pages) <= 12
