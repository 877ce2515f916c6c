"""The code panel: the course's lab scripts run against the cluster on screen; errors and
runaway scripts end with a German message and the page stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
LABS = Path(__file__).resolve().parents[2] / "backend" / "labs"


@pytest.fixture(scope="module")
def lab(sim):
    sim.mount("labor-producer")
    sim.page.wait_for_selector("div.kafkasim .cm-content", timeout=30_000)
    return sim


def editor_text(sim) -> str:
    return sim.page.evaluate("document.querySelector('div.kafkasim .ksim-editor').editorView.state.doc.toString()")


def set_code(sim, source: str):
    sim.page.evaluate(
        """([source]) => {
            const view = document.querySelector('div.kafkasim .ksim-editor').editorView;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: source}});
        }""", [source])


def run(sim, timeout=20_000) -> None:
    before = sim.root.locator(".ksim-run-state").get_attribute("data-done")
    sim.root.locator(".ksim-run").click()
    sim.page.wait_for_function(
        "([b]) => { const s = document.querySelector('div.kafkasim .ksim-run-state'); return s && s.dataset.done && s.dataset.done !== b; }",
        arg=[before or ""], timeout=timeout)


def test_editor_is_preloaded_with_the_course_producer(lab):
    lab.page.wait_for_function(
        "() => document.querySelector('div.kafkasim .ksim-editor').editorView?.state.doc.length > 100", timeout=10_000)
    assert editor_text(lab) == (LABS / "boerse_producer.py").read_text(encoding="utf-8")
    # Python highlighting: keywords are marked up by the language package. CodeMirror parses in idle
    # time, so on a busy machine the spans appear a little after the text.
    lab.page.wait_for_function(
        "() => document.querySelectorAll('div.kafkasim .cm-content span').length > 20", timeout=10_000)


def test_preset_producer_runs_against_the_cluster_on_screen(lab):
    run(lab)
    output = lab.root.locator(".ksim-output").inner_text()
    lines = [line for line in output.splitlines() if "-> Partition" in line]
    assert len(lines) == 20, output
    assert lab.root.locator(".ksim-script-error").is_hidden()
    partitions = lab.snapshot()["topics"][0]["partitions"]
    assert sum(p["log_end_offset"] for p in partitions) == 20
    # The records are drawn in the partition logs.
    lab.page.wait_for_function(
        "() => document.querySelectorAll('div.kafkasim .ksim-record').length >= 12", timeout=5_000)


def test_consumer_script_can_be_chosen_and_reads_the_prices(lab):
    lab.root.locator(".ksim-script-choice").select_option("aktionaer_consumer.py")
    lab.page.wait_for_function(
        "() => document.querySelector('div.kafkasim .ksim-editor').editorView.state.doc.toString().includes('KafkaConsumer')",
        timeout=10_000)
    assert editor_text(lab) == (LABS / "aktionaer_consumer.py").read_text(encoding="utf-8")
    run(lab, timeout=30_000)
    output = lab.root.locator(".ksim-output").inner_text()
    assert output.count("Offset") == 20, output
    groups = {g["group_id"]: g for g in lab.snapshot()["groups"]}
    assert "depot-anna" in groups


def test_failing_script_shows_german_error_and_traceback(lab):
    set_code(lab, 'from kafka import KafkaProducer\n\nproducer = KafkaProducer(bootstrap_servers="localhost:9092")\n'
                  'producer.send("aktienkurse", value="SAP 231.50").get(timeout=10)\n')
    run(lab)
    error = lab.root.locator(".ksim-script-error")
    assert error.is_visible()
    text = error.inner_text()
    assert "line 4" in text or "Zeile 4" in text, text
    assert "Das Skript endete mit einem Fehler." in lab.root.locator(".ksim-run-state").inner_text()
    set_code(lab, "def kaputt(:\n    pass\n")
    run(lab)
    assert "SyntaxError" in lab.root.locator(".ksim-script-error").inner_text()


def test_runaway_script_restarts_the_worker_and_the_page_stays_usable(lab):
    # A fresh scenario whose state does not depend on earlier scripts (they use `random`).
    lab.mount("labor-consumer")
    lab.page.wait_for_selector("div.kafkasim .cm-content", timeout=30_000)
    lab.pause()
    topics_before = lab.snapshot()["topics"]
    set_code(lab, "zaehler = 0\nwhile True:\n    zaehler += 1\n")
    lab.root.locator(".ksim-run").click()
    lab.page.wait_for_selector("div.kafkasim[data-sim-state=loading]", timeout=20_000)
    lab.wait_ready()
    error = lab.root.locator(".ksim-script-error")
    error.wait_for(timeout=20_000)
    assert "Endlosschleife" in error.inner_text()
    assert "Endlosschleife" in lab.status()
    # The cluster is back as it was before the run, and it still answers.
    assert [t["name"] for t in lab.snapshot()["topics"]] == [t["name"] for t in topics_before]
    assert lab.snapshot()["topics"][0]["partitions"][0]["log_end_offset"] == topics_before[0]["partitions"][0]["log_end_offset"]
    set_code(lab, "print('wieder da')\n")
    run(lab)
    assert lab.root.locator(".ksim-output").inner_text().strip() == "wieder da"
    # The notice about the aborted run is over once a later run went well.
    assert "abgebrochen" not in lab.root.inner_text(), lab.status()
    entry = lab.produce("99.99", key="SAP")
    assert entry["ok"], entry


def test_ctrl_enter_runs_the_script_from_the_keyboard(lab):
    set_code(lab, "print(6 * 7)\n")
    lab.root.locator(".cm-content").click()
    before = lab.root.locator(".ksim-run-state").get_attribute("data-done")
    lab.page.keyboard.press("Control+Enter")
    lab.page.wait_for_function(
        "([b]) => document.querySelector('div.kafkasim .ksim-run-state').dataset.done !== b", arg=[before], timeout=15_000)
    assert lab.root.locator(".ksim-output").inner_text().strip() == "42"


def test_input_gets_a_german_explanation(lab):
    """A script in the browser has no keyboard: input() says so (Pyodide alone gives "OSError: I/O error")."""
    set_code(lab, "symbol = input('Welche Aktie? ')\nprint(symbol)\n")
    run(lab)
    error = lab.root.locator(".ksim-script-error")
    assert error.is_visible()
    assert "input() kann im Simulator nichts lesen" in error.inner_text(), error.inner_text()
    assert "I/O error" not in error.inner_text()
    assert lab.root.locator(".ksim-output").inner_text() == "Welche Aktie? "


def test_long_output_says_that_it_was_cut(lab):
    set_code(lab, "for i in range(30_000):\n    print(f'Zeile {i:05d}')\n")
    run(lab, timeout=30_000)
    output = lab.root.locator(".ksim-output").inner_text()
    assert output.startswith("[Die Ausgabe war 360.000 Zeichen lang: die ersten 260.000 sind weggelassen"), output[:200]
    assert output.rstrip().endswith("Zeile 29999")
    state = lab.root.locator(".ksim-run-state").inner_text()
    assert "gekürzt" in state and "260.000" in state, state
