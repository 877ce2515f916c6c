"""The Praxis pages in Chromium, as a learner uses them: scroll to the simulator, click
"Ausführen" on the script the page put in its editor, and compare what is printed with the output
the page shows just before the simulator."""

from __future__ import annotations

import pytest

from tests.docs.test_quizzes_browser import url_of
from tests.journeys.promised_output import Promise

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 90_000
RUN_TIMEOUT_MS = 60_000
# The run state under the editor once a script has ended, well or badly.
ENDED = ("Fertig", "Das Skript endete mit einem Fehler")


def open_simulator(page, site_url: str, md: str, preset: str):
    page.goto(url_of(site_url, md))
    sim = page.locator(f"div.kafkasim[data-preset={preset}]")
    sim.scroll_into_view_if_needed()
    sim.locator(".cm-content").wait_for(timeout=BOOT_TIMEOUT_MS)
    page.wait_for_selector(f"div.kafkasim[data-preset={preset}][data-sim-state=ready]", timeout=BOOT_TIMEOUT_MS)
    return sim


def blocks_before(sim) -> list[str]:
    """The texts of the page's code blocks above the simulator, in page order."""
    return sim.evaluate(
        """(root) => [...document.querySelectorAll("article .highlight pre code")]
            .filter((block) => block.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING)
            .map((block) => block.innerText)""")


def promised_output(sim, what: str) -> Promise:
    """The output the page shows last before its simulator."""
    blocks = blocks_before(sim)
    assert blocks, "Vor dem Simulator zeigt die Seite keine Ausgabe."
    return Promise(what, blocks[-1].rstrip("\n").splitlines())


def assert_editor_shows_a_listing_of_the_page(sim) -> None:
    shown = editor_text(sim).strip()
    assert shown in [block.strip() for block in blocks_before(sim)], f"Der Editor zeigt:\n{shown}"


def run_the_editor_script(sim) -> str:
    """Clicks "Ausführen" and returns what the script printed; fails on an error or traceback."""
    sim.get_by_role("button", name="Ausführen", exact=True).click()
    state = sim.locator(".ksim-run-state")
    sim.page.wait_for_function(
        "([el, ended]) => ended.some((text) => el.textContent.startsWith(text))",
        arg=[state.element_handle(), list(ENDED)], timeout=RUN_TIMEOUT_MS)
    error = sim.locator(".ksim-script-error")
    assert error.is_hidden(), f"Das Skript endete mit einem Fehler:\n{error.inner_text()}"
    assert state.inner_text().startswith("Fertig"), state.inner_text()
    return sim.locator(".ksim-output").inner_text()


def editor_text(sim) -> str:
    return sim.locator(".ksim-editor").evaluate("(box) => box.editorView.state.doc.toString()")


def test_the_boerse_in_the_simulator_prints_what_the_page_shows(page, site_url):
    sim = open_simulator(page, site_url, "praxis/boerse.md", "labor-producer")
    assert_editor_shows_a_listing_of_the_page(sim)
    output = run_the_editor_script(sim)
    promised_output(sim, "boerse.md: das fertige Programm im Simulator").check(output, exact=False)
    assert output.count("-> Partition") == 20, output  # "20 Kurse in zehn Sekunden"


def test_the_aktionaere_read_the_boerse_that_is_already_running(page, site_url):
    sim = open_simulator(page, site_url, "praxis/aktionaere.md", "labor-consumer")
    # "Der Editor zeigt genau dieses Skript; die Börse läuft dort schon."
    assert_editor_shows_a_listing_of_the_page(sim)
    producers = sim.get_by_role("region", name="Producer und Börse")
    assert "läuft" in producers.inner_text(), producers.inner_text()

    def records() -> int:
        return sim.evaluate("(root) => root.kafkasim.snapshot.topics.flatMap((t) => t.partitions)"
                            ".reduce((n, p) => n + p.log_end_offset, 0)")

    before = (int(sim.get_attribute("data-sim-time")), records())
    page.wait_for_function(
        "([root, t, n]) => Number(root.dataset.simTime) >= t + 2000 && root.kafkasim.snapshot.topics"
        ".flatMap((t) => t.partitions).reduce((s, p) => s + p.log_end_offset, 0) > n",
        arg=[sim.element_handle(), *before], timeout=20_000)

    output = run_the_editor_script(sim)
    promised_output(sim, "aktionaere.md: das Skript der Aktionär*innen im Simulator").check(output, exact=False)
    # It read what the Börse had sent before the click, and what it kept sending meanwhile.
    assert output.count("Offset") > before[1], output


def test_the_kursalarm_service_checks_the_old_prices_and_commits_what_it_checked(page, site_url):
    sim = open_simulator(page, site_url, "praxis/aktionaere.md", "labor-kursalarm")
    # "Im Simulator läuft die Börse schon, und im Topic liegen die Kurse aus der Börse, Schritt 2."
    assert_editor_shows_a_listing_of_the_page(sim)
    producers = sim.get_by_role("region", name="Producer und Börse")
    assert "läuft" in producers.inner_text(), producers.inner_text()

    output = run_the_editor_script(sim)
    promised_output(sim, "aktionaere.md: der Kursalarm-Dienst im Simulator").check(output, exact=False)
    # The alarms for the Börse's Schritt 2 are the ones the page names.
    assert "Kursalarm: SAP steht bei 231.40 EUR" in output and "Kursalarm: BMW steht bei 80.55 EUR" in output

    # "Die Spalte „Committet“ zeigt, bis wohin die Instanz geprüft und committet hat."
    table = sim.get_by_role("table", name="Offsets der Gruppe kursalarm")
    committed = {row.locator("th").inner_text(): row.locator("td").first.inner_text()
                 for row in table.locator("tbody tr").all()}
    assert set(committed) == {f"aktienkurse-{p}" for p in range(3)}, committed
    # At least past the prices that were there before the Börse went on: 3, 2 and 1 per partition.
    assert all(value.isdigit() for value in committed.values()), committed
    assert all(int(committed[f"aktienkurse-{p}"]) >= n for p, n in enumerate((3, 2, 1))), committed
