"""The page "Ihr Fortschritt": a learner answers quizzes and solves an exercise, then finds them
counted per chapter, saves the record as a file or prints it, and deletes it. It all stays in the
browser: the `page` fixture fails a test on any request to another host."""

from __future__ import annotations

import json
import re

import pytest

from tests.docs.sitetext import DOCS
from tests.docs.test_pages_browser import PAGES
from tests.docs.test_quizzes_browser import answer, url_of

pytestmark = pytest.mark.browser

SIM_READY = "div.kafkasim[data-sim-state=ready]"


def open_progress_page(page):
    link = page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Ihr Fortschritt").first
    if not link.is_visible():
        # Wide simulator pages (the Labor) hide the navigation: the learner goes home by the logo first.
        page.get_by_role("banner").get_by_role("link", name="Apache Kafka – ein interaktiver Kurs").first.click()
        page.wait_for_load_state("load")
    link.click()
    page.locator("#kurs-fortschritt table").wait_for(timeout=10_000)


def quizzes_in(md: str) -> int:
    return (DOCS / md).read_text(encoding="utf-8").count("<quiz>")


def exercises_in(md: str) -> int:
    """Simulators on the page whose preset has a checked exercise (presets.json from `make assets`)."""
    presets = json.loads((DOCS / "assets" / "kafkasim" / "presets.json").read_text(encoding="utf-8"))
    names = re.findall(r'data-preset="([^"]+)"', (DOCS / md).read_text(encoding="utf-8"))
    return len({presets[name]["exercise"] for name in names if presets.get(name, {}).get("exercise")})


def exercises_cell(md: str, solved: int = 0) -> str:
    total = exercises_in(md)
    return f"{solved} von {total}" if total else "–"


def row(page, chapter: str) -> list[str]:
    cells = page.locator("#kurs-fortschritt tbody tr").filter(
        has=page.get_by_role("rowheader", name=chapter, exact=True)).locator("th, td")
    return [text.strip() for text in cells.all_inner_texts()]


def answer_on(page, site_url, md: str, *correct: bool) -> None:
    page.goto(url_of(site_url, md), wait_until="load")
    for i, correctly in enumerate(correct):
        quiz = page.locator("div.quiz").nth(i)
        answer(quiz, correctly=correctly)
        quiz.locator(".quiz-feedback").wait_for(state="visible", timeout=5_000)


def solve_sap_exercise(page, site_url) -> None:
    """Übung 1 of the Simulator-Labor, as its text asks: three SAP prices with the key SAP."""
    page.goto(url_of(site_url, "labor.md"))
    simulator = page.locator("div.kafkasim").first
    page.locator(SIM_READY).first.wait_for(timeout=90_000)
    produce = simulator.locator("details[data-control=produce]")
    if produce.get_attribute("open") is None:
        produce.locator("summary").click()
    produce.get_by_label("Schlüssel").fill("SAP")
    for offset, price in enumerate(("231.50", "231.70", "231.90")):
        produce.get_by_label("Wert").fill(price)
        produce.get_by_role("button", name="Senden").click()
        # The simulator answers next to the form: "Gesendet an aktienkurse: Partition …, Offset …."
        simulator.get_by_role("status").get_by_text(
            re.compile(rf"Gesendet an aktienkurse: Partition \d+, Offset {offset}\.")).wait_for(timeout=30_000)
    simulator.get_by_role("button", name="Prüfen").click()
    simulator.locator(".ksim-verdict").get_by_text("Geschafft!").wait_for(timeout=30_000)


def test_answers_and_a_solved_exercise_are_counted_per_chapter(page, site_url):
    answer_on(page, site_url, "theorie/replikation.md", True, False)
    solve_sap_exercise(page, site_url)
    open_progress_page(page)

    labor = exercises_in("labor.md")
    assert row(page, "Replikation") == ["Replikation", f"2 von {quizzes_in('theorie/replikation.md')}", "1",
                                        exercises_cell("theorie/replikation.md")]
    assert row(page, "Simulator-Labor")[3] == f"1 von {labor}"
    assert row(page, "Producer")[1:3] == [f"0 von {quizzes_in('theorie/producer.md')}", "0"]
    summary = page.locator(".kurs-fortschritt__summe").inner_text()
    everywhere = sum(exercises_in(md) for md in PAGES)
    assert "2 von" in summary and f"1 von {everywhere} Übungen" in summary
    solved = page.locator("#kurs-fortschritt ul").inner_text()
    assert "Übung: alle SAP-Kurse in einer Partition" in solved
    # Each chapter's name leads back to it.
    page.get_by_role("link", name="Replikation", exact=True).last.click()
    assert page.locator("article h1").inner_text().startswith("Replikation")


def test_the_record_is_saved_as_a_file_and_prints_with_name_and_date(page, site_url):
    answer_on(page, site_url, "theorie/producer.md", True)
    open_progress_page(page)
    page.get_by_label("Ihr Name").fill("Alex Muster")
    with page.expect_download() as download:
        page.get_by_role("button", name="Als Datei speichern (JSON)").click()
    assert download.value.suggested_filename.startswith("kafka-kurs-fortschritt-alex-muster-")
    record = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert record["name"] == "Alex Muster"
    assert record["summe"]["beantwortet"] == 1 and record["summe"]["richtig"] == 1
    producer = next(chapter for chapter in record["kapitel"] if chapter["titel"] == "Producer")
    assert producer["beantwortet"] == 1 and producer["fragen"][0] == {"id": "quiz-0", "beantwortet": True, "richtig": True}
    labor = next(chapter for chapter in record["kapitel"] if chapter["titel"] == "Simulator-Labor")
    assert [u["geloest"] for u in labor["uebungen"]] == [False] * exercises_in("labor.md")

    page.emulate_media(media="print")
    assert page.get_by_text("Name: Alex Muster").is_visible()
    assert page.locator(".kurs-fortschritt__stand").inner_text().startswith("Stand: ")
    assert not page.get_by_role("button", name="Fortschritt löschen").is_visible()
    assert page.locator("#kurs-fortschritt table").is_visible()


def test_reset_asks_first_then_forgets_every_answer(page, site_url):
    answer_on(page, site_url, "theorie/consumer.md", True, True)
    total = quizzes_in("theorie/consumer.md")
    open_progress_page(page)
    assert row(page, "Consumer und Consumer-Gruppen")[1] == f"2 von {total}"

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Fortschritt löschen").click()
    assert row(page, "Consumer und Consumer-Gruppen")[1] == f"2 von {total}"

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Fortschritt löschen").click()
    page.get_by_role("status").get_by_text("wurde gelöscht").wait_for(timeout=5_000)
    assert row(page, "Consumer und Consumer-Gruppen")[1] == f"0 von {total}"

    page.goto(url_of(site_url, "theorie/consumer.md"), wait_until="load")
    first = page.locator("div.quiz").first
    assert not first.locator("section.content").is_visible()
    assert first.locator('input[name="answer"]').first.is_enabled()
