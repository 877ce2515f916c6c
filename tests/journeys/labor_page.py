"""The Simulator-Labor page as a learner meets it: each exercise is found by its heading, and is
driven only through what the page shows (labels, buttons, the editor, the verdict).

Every wait is bounded; simulated time moves only when a test presses "+1 s" or "Abspielen".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.fixtures.browser import is_local

ROOT = Path(__file__).resolve().parents[2]
BOOT_MS = 90_000
STEP_MS = 15_000


class Exercise:
    """The first simulator under a heading – "Übung N: …" in the Labor, "Übung: …" or the page's
    title in a chapter – and everything inside it."""

    def __init__(self, page, number: int | str):
        self.page = page
        self.number = number
        title = f"Übung {number}:" if isinstance(number, int) else number
        heading = f"xpath=//*[self::h1 or self::h2][starts-with(normalize-space(.), '{title}')]"
        self.heading = page.locator(heading)
        self.root = page.locator(f"{heading}/following-sibling::div[contains(@class, 'kafkasim')][1]")
        self.index = page.evaluate(
            """(title) => {
                let el = [...document.querySelectorAll('h1, h2')].find((h) => h.textContent.trim().startsWith(title));
                while (el && !el.matches('div.kafkasim')) el = el.nextElementSibling;
                return [...document.querySelectorAll('div.kafkasim')].indexOf(el);
            }""",
            title)
        assert self.index >= 0, f"Kein Simulator unter „{title}“"

    # -- the page ------------------------------------------------------------------------------
    def js(self, expression: str, arg=None):
        """Evaluates `expression` with `sim` bound to this exercise's simulator element."""
        return self.page.evaluate(
            f"([i, arg]) => {{ const sim = document.querySelectorAll('div.kafkasim')[i]; return {expression}; }}",
            [self.index, arg])

    def wait_js(self, condition: str, arg=None, timeout: int = STEP_MS):
        self.page.wait_for_function(
            f"([i, arg]) => {{ const sim = document.querySelectorAll('div.kafkasim')[i]; return {condition}; }}",
            arg=[self.index, arg], timeout=timeout)

    def show(self) -> "Exercise":
        """Scrolls the exercise into view (which starts its simulator) and waits until it is ready."""
        self.heading.scroll_into_view_if_needed()
        self.root.scroll_into_view_if_needed()
        self.wait_js("sim.dataset.simState === 'ready'", timeout=BOOT_MS)
        return self

    def sim_time(self) -> int:
        return int(self.root.get_attribute("data-sim-time") or 0)

    def button(self, name: str):
        return self.root.get_by_role("button", name=name, exact=True)

    def status(self) -> str:
        return self.root.locator(".ksim-status").inner_text()

    # Messages: the line under the toolbar, and each form's and panel's own line next to its buttons.
    MESSAGES = "sim.querySelectorAll('.ksim-status, .ksim-feedback')"

    def wait_status(self, text: str):
        self.wait_js(f"[...{self.MESSAGES}].some((line) => line.textContent.includes(arg))", text)

    def clear_messages(self):
        """Empties the message lines, so that waiting for the next message cannot match an old one."""
        self.js(f"({self.MESSAGES}.forEach((line) => {{ line.textContent = ''; }}), true)")

    def task(self) -> str:
        return self.root.get_by_role("region", name="Aufgabe").inner_text()

    # -- time ----------------------------------------------------------------------------------
    def pause(self):
        play = self.root.locator(".ksim-play")
        if play.get_attribute("aria-pressed") == "true":
            play.click()
        self.wait_js("sim.querySelector('.ksim-play').getAttribute('aria-pressed') === 'false'")

    def reset(self) -> "Exercise":
        """The exercise's own "Zurücksetzen": the preset's cluster, time stopped for the test."""
        self.show()
        self.pause()
        self.clear_messages()
        self.button("Zurücksetzen").click()
        self.wait_status("neu gestartet")
        self.pause()
        return self

    def seconds(self, n: int):
        """Lets n simulated seconds pass with the "+1 s" button."""
        start = self.sim_time()
        for _ in range(n):
            self.button("+1 s").click()
        self.wait_js("Number(sim.dataset.simTime) >= arg", start + n * 1000)

    # -- the verdict ---------------------------------------------------------------------------
    def verdict(self) -> tuple[str | None, str]:
        box = self.root.locator(".ksim-verdict")
        return box.get_attribute("data-result"), box.inner_text()

    def check(self) -> tuple[str, str]:
        """Presses "Prüfen" and returns ("success" | "failure", the German text)."""
        self.js("(sim.querySelector('.ksim-verdict').dataset.result = '', true)")
        self.button("Prüfen").click()
        self.wait_js("['success', 'failure'].includes(sim.querySelector('.ksim-verdict').dataset.result)")
        return self.verdict()

    def check_until(self, wanted: str, seconds: int) -> str:
        """Presses "Prüfen" after each simulated second until the verdict is `wanted`."""
        result, text = self.check()
        for _ in range(seconds):
            if result == wanted:
                break
            self.seconds(1)
            result, text = self.check()
        assert result == wanted, text
        return text

    # -- the forms -----------------------------------------------------------------------------
    def form(self, summary: str):
        details = self.root.locator("details.ksim-control", has=self.page.locator(f"summary:text-is('{summary}')"))
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        return details

    def produce(self, value: str, key: str = "", acks: str = "all", expect: str = "Gesendet an") -> str:
        """Sends with the form; waits for `expect` under its button (a refusal says "Nicht möglich")."""
        form = self.form("Datensatz senden")
        form.get_by_label("Schlüssel").fill(key)
        form.get_by_label("Wert").fill(value)
        form.get_by_label("acks").select_option(acks)
        self.clear_messages()
        form.get_by_role("button", name="Senden").click()
        self.wait_status(expect)
        return form.locator(".ksim-feedback").inner_text()

    def add_consumer(self, group: str, client: str = "", reset: str = "earliest"):
        form = self.form("Consumer hinzufügen")
        form.get_by_label("Consumer-Gruppe").fill(group)
        form.get_by_label("Client-ID").fill(client)
        form.get_by_label("auto_offset_reset").select_option(reset)
        self.clear_messages()
        form.get_by_role("button", name="Consumer hinzufügen").click()
        self.wait_status(f"tritt der Gruppe {group} bei")

    def start_ticker(self, symbols: str, rate: str):
        form = self.form("Börse (Ticker)")
        form.get_by_label("Symbole").fill(symbols)
        form.get_by_label("Kurse pro Sekunde").fill(rate)
        self.clear_messages()
        form.get_by_role("button", name="Ticker starten").click()
        self.wait_status("sendet an")

    def remove(self, client: str, group: str):
        self.clear_messages()
        self.button(f"Consumer {client} aus der Gruppe {group} entfernen").click()
        self.wait_status(f"Consumer {client} verlässt seine Gruppe")

    def crash(self, broker: int):
        self.clear_messages()
        self.button(f"Absturz: Broker {broker}").click()
        self.wait_status(f"Broker {broker} ist abgestürzt")

    # -- what the panels show ------------------------------------------------------------------
    def partition_head(self, partition: int) -> str:
        """The line above a partition's log, e.g. "Leader B2 · ISR [2, 3] · Start 0 · HW 4 · LEO 4"."""
        part = self.root.locator(".ksim-partition", has=self.page.locator(f"strong:text-is('P{partition}')"))
        return part.locator(".ksim-part-head").inner_text()

    def leader(self, partition: int = 0) -> int:
        return int(re.search(r"Leader B(\d+)", self.partition_head(partition))[1])

    def log_start(self, partition: int = 0) -> int:
        return int(re.search(r"Start (\d+)", self.partition_head(partition))[1])

    def stop(self, broker: int):
        self.clear_messages()
        self.button(f"Broker {broker} kontrolliert herunterfahren").click()
        self.wait_status(f"Broker {broker}")

    def committed(self, group: str) -> dict[int, int | None]:
        """The column "Committet" of the group's offset table, by partition."""
        table = self.root.get_by_role("table", name=f"Offsets der Gruppe {group}")
        rows = {}
        for row in table.locator("tbody tr").all():
            name, committed = row.locator("th").inner_text(), row.locator("td").first.inner_text()
            rows[int(name.rsplit("-", 1)[1])] = None if committed == "–" else int(committed)
        return rows

    def members(self, group: str) -> list[str]:
        return self.root.get_by_role("region", name=f"Consumer-Gruppe {group}").get_by_role("listitem").all_inner_texts()

    # -- the editor ----------------------------------------------------------------------------
    def editor(self):
        return self.root.get_by_role("textbox", name="Python-Code für den Simulator")

    def code(self) -> str:
        self.wait_js("sim.querySelector('.ksim-editor')?.editorView?.state.doc.length > 0")
        return self.js("sim.querySelector('.ksim-editor').editorView.state.doc.toString()")

    def chooser(self):
        return self.root.get_by_role("combobox", name="Kurs-Skript laden")

    def starter(self) -> str:
        """Chooses the exercise's starter script and, if it was edited before (the page keeps edits
        across reloads), presses "Ursprünglichen Code wiederherstellen"; returns the script."""
        chooser = self.chooser()
        name = chooser.locator("option", has_text="Startskript der Übung").get_attribute("value")
        expected = (ROOT / "docs_src" / "labor" / name).read_text(encoding="utf-8")
        if self.code() == expected:
            return expected
        doc = "sim.querySelector('.ksim-editor').editorView.state.doc.toString()"
        restore = self.button("Ursprünglichen Code wiederherstellen")
        if chooser.input_value() != name:
            chooser.select_option(label="Startskript der Übung")
            self.wait_js(f"{doc} === arg || !sim.querySelector('.ksim-restore').hidden", expected)
        if restore.is_visible():
            restore.click()
        self.wait_js(f"{doc} === arg", expected)
        return expected

    def write(self, source: str):
        """Replaces the editor's text as a learner pasting it would."""
        self.editor().click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.insert_text(source)
        assert self.code() == source

    def run(self, timeout: int = 30_000) -> str:
        """Presses "Ausführen" and returns the script's output."""
        state = self.root.locator(".ksim-run-state")
        before = state.get_attribute("data-done") or ""
        self.button("Ausführen").click()
        self.wait_js("(sim.querySelector('.ksim-run-state').dataset.done || '') !== arg", before, timeout=timeout)
        error = self.root.locator(".ksim-script-error")
        assert error.is_hidden(), error.inner_text()
        return self.root.get_by_role("region", name="Ausgabe des Skripts").inner_text()


class LaborPage:
    def __init__(self, page):
        self.page = page

    def exercise(self, number: int) -> Exercise:
        return Exercise(self.page, number).show()


def open_labor(browser, site_url):
    """A fresh Labor page in its own context; yields it and fails on requests off the loopback
    or unhandled errors in the page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "labor/")
    yield LaborPage(page)
    context.close()
    external = sorted({url for url in seen if not is_local(url)})
    assert not external, f"Anfragen an fremde Hosts: {external}"
    assert not errors, f"Unbehandelte Fehler im Browser: {errors}"


@pytest.fixture(scope="module")
def labor(browser, site_url):
    """One Labor page per test module; each test resets the exercise it uses."""
    yield from open_labor(browser, site_url)
