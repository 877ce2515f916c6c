"""The exactly-once section of Zustellgarantien, done as its page tells a learner: press
„Ausführen“ on the transactional script in the editor, then find what the page says – only the two
committed prices read, the commit and abort markers, the aborted record struck through, the LSO, the
producer's transaction state – in the diagram and in its words (the SVG's description and the tables
under „Als Tabelle anzeigen“)."""

from __future__ import annotations

import pytest

from tests.journeys.preset_simulator import open_chapter

pytestmark = pytest.mark.browser

CHAPTER = "theorie/zustellgarantien/"
PRESET = "transaktionen"


@pytest.fixture(scope="module")
def ran(browser, site_url):
    """The page's one step: „Ausführen“ on the script the editor shows."""
    with open_chapter(browser, site_url, CHAPTER, PRESET) as sim:
        yield sim, sim.run()


def test_the_page_names_what_to_press_and_what_to_look_for(ran):
    sim, _ = ran
    text = sim.instructions()
    for words in ("Ausführen", "read_committed", "Commit-Markierung", "durchgestrichen", "Abort-Markierung",
                  "Last Stable Offset", "Transaktion abgebrochen", "Als Tabelle anzeigen"):
        assert words in text, words


def test_the_read_committed_consumer_reads_only_the_committed_prices(ran):
    _, output = ran
    assert output.splitlines() == [
        "Transaktion 1 committet: SAP und BMW",
        "Transaktion 2 abgebrochen: SAP 0.01",
        "gelesen: Offset 0, SAP 231.40",
        "gelesen: Offset 1, BMW 80.55",
    ]


def test_the_diagram_marks_the_markers_the_aborted_record_and_the_lso(ran):
    sim, _ = ran
    row = sim.root.locator("svg.ksim-diagram g.kd-row[data-row='kurse-anna/0/1']")
    sim.wait_js("sim.querySelector(\"svg.ksim-diagram g.kd-row[data-row='kurse-anna/0/1'] .kd-lso\") != null")
    txn = {g.get_attribute("data-txn"): g for g in row.locator("g.kd-txn").all()}
    assert sorted(txn) == ["abort", "aborted", "commit"]
    # Not by colour alone: a sign in the marker's cell, a stroke across the aborted record, a title.
    assert txn["commit"].locator("text").text_content() == "✓"
    assert txn["commit"].locator("title").text_content() == "Offset 2: Commit-Markierung"
    assert txn["aborted"].locator("line.kd-strike").count() == 1
    assert txn["aborted"].locator("title").text_content() == "Offset 3: abgebrochen"
    assert txn["abort"].locator("text").text_content() == "✕"
    assert txn["abort"].locator("title").text_content() == "Offset 4: Abort-Markierung"
    # No transaction open any more: the LSO stands at the high watermark, 5.
    assert row.locator(".kd-lso").get_attribute("data-lso") == "5"
    legend = sim.root.locator("svg.ksim-diagram .kd-legend").text_content()
    for words in ("Last Stable Offset (LSO)", "✓ Commit-Markierung", "✕ Abort-Markierung", "durchgestrichen: abgebrochen"):
        assert words in legend, words
    producer = sim.root.locator("svg.ksim-diagram g.kd-producer")
    lines = producer.locator("text.kd-small").all_text_contents()
    assert lines[-2:] == ["Transaktion", "abgebrochen"], lines
    assert producer.locator("title").text_content().endswith("(transactional_id filter-anna-1): Transaktion abgebrochen")


def test_the_words_say_the_same(ran):
    sim, _ = ran
    desc = sim.root.locator("svg.ksim-diagram desc").text_content()
    assert "Last Stable Offset 5" in desc
    assert "Commit-Markierung: Offset 2" in desc and "abgebrochen: Offset 3" in desc and "Abort-Markierung: Offset 4" in desc
    assert "(Transaktion abgebrochen)" in desc
    sim.button("Als Tabelle anzeigen").click()
    topic = sim.root.get_by_role("region", name="Topic kurse-anna", exact=False)
    assert "LSO 5" in topic.inner_text()
    records = {li.locator(".ksim-offset").inner_text(): li.inner_text() for li in topic.locator("li.ksim-record").all()}
    assert "Commit-Markierung" in records["2"] and "abgebrochen" in records["3"] and "Abort-Markierung" in records["4"]
    producers = sim.root.locator(".ksim-producer").all_inner_texts()
    assert any("transactional_id filter-anna-1: Transaktion abgebrochen" in p for p in producers), producers
