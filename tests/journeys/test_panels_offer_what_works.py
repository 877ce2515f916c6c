"""The simulator's panels offer only what works and show counts that add up, as a learner meets
them: a consumer that the learner's script left behind in a group, and a Börse the learner stopped
while the time stands still.

Every wait is bounded; simulated time moves only when a test presses "+1 s" or "Abspielen".
"""

from __future__ import annotations

import re

import pytest

from tests.journeys.labor_page import labor  # noqa: F401 - the module's page fixture

pytestmark = pytest.mark.browser

BOOT_MS = 90_000
STEP_MS = 15_000


def group_shown(ex) -> str:
    """The one consumer group the exercise's group view shows, by the name on the page."""
    region = ex.root.locator("section.ksim-group").first
    region.wait_for(timeout=STEP_MS)
    # "Consumer-Gruppe kursalarm – Übung: …": the region also names its simulator.
    return region.get_attribute("aria-label").split(" – ")[0].removeprefix("Consumer-Gruppe ")


def member_row(ex, group: str, client: str):
    members = ex.root.get_by_role("region", name=f"Consumer-Gruppe {group}").get_by_role("listitem")
    return members.filter(has_text=re.compile(rf"^{re.escape(client)}\b"))


def test_a_consumer_that_a_script_left_in_the_group_is_explained_not_offered_for_removal(labor):
    """Übung 2 solved in the editor by a learner who forgot `consumer.close()`: the script's
    process has ended, its consumer is still a member until its session times out. Kafka cannot
    stop another process's consumer, so the page must not offer "Entfernen" for it (it used to,
    and the click said "Einen Consumer … gibt es nicht"); it says why and when the group
    drops it, and then the group does."""
    ex = labor.exercise(2).reset()
    group = group_shown(ex)
    script = ex.starter()
    assert "group_id=None" in script and "consumer.close()" in script, script
    forgot_close = "\n".join(line for line in script.replace("group_id=None", f'group_id="{group}"', 1).splitlines()
                             if not line.startswith("consumer.close()")) + "\n"
    ex.write(forgot_close)
    output = ex.run()
    assert "Zugeteilt: aktienkurse-" in output, output

    client = re.search(r'client_id="([^"]+)"', script)[1]  # the starter's own name for its consumer
    row = member_row(ex, group, client)
    assert row.count() == 1, ex.members(group)
    offered = row.get_by_role("button")
    if offered.count():
        ex.clear_messages()
        offered.first.click()
        ex.wait_js("[...sim.querySelectorAll('.ksim-status, .ksim-feedback')].some((l) => l.textContent.trim())")
        said = ex.js("[...sim.querySelectorAll('.ksim-status, .ksim-feedback')].map((l) => l.textContent).join(' ')")
        pytest.fail(f"Für den Consumer aus dem Skript bietet die Seite „{offered.first.inner_text()}“ an; "
                    f"der Klick meldet: {said}")
    note = row.inner_text()
    assert "Skript" in note and "consumer.close()" in note and "session.timeout.ms" in note, note
    seconds = int(re.search(r"in (\d+) s", note)[1])
    assert 0 < seconds <= 45, note  # kafka-python's session_timeout_ms defaults to 45 s

    # The page's own consumer in the same group still has its working button.
    page_consumer = member_row(ex, group, "kursalarm-1")  # the preset's own member
    assert page_consumer.get_by_role("button", name=f"Consumer kursalarm-1 aus der Gruppe {group} entfernen").count() == 1

    # As the note says: once the session has run out, the group has dropped the script's consumer.
    ex.root.get_by_label("Tempo der simulierten Zeit").select_option("10")
    ex.button("Abspielen").click()
    ex.page.wait_for_function(
        """([i, group, client]) => {
            const sim = document.querySelectorAll('div.kafkasim')[i];
            const region = [...sim.querySelectorAll('section.ksim-group')]
                .find((s) => s.getAttribute('aria-label').split(' – ')[0] === `Consumer-Gruppe ${group}`);
            return region && ![...region.querySelectorAll('li')].some((li) => li.textContent.startsWith(client));
        }""", arg=[ex.index, group, client], timeout=60_000)
    ex.pause()
    assert member_row(ex, group, "kursalarm-1").count() == 1


# -- the Börse ---------------------------------------------------------------------------------

COUNTS = re.compile(r"Producer (\S+) \(acks=\w+\): (\d+) gesendet, (\d+) bestätigt, (?:(\d+) unterwegs, )?(\d+) Fehler")


@pytest.fixture
def replikation(page, site_url):
    """The simulator on the page "Replikation", ready, its time paused with the page's button."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "theorie/replikation/")
    root = page.locator("div.kafkasim").first
    root.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('div.kafkasim').dataset.simState === 'ready'",
                           timeout=BOOT_MS)
    play = root.locator(".ksim-play")
    if play.get_attribute("aria-pressed") == "true":
        play.click()
    page.wait_for_function("() => document.querySelector('div.kafkasim .ksim-play').getAttribute('aria-pressed') === 'false'",
                           timeout=STEP_MS)
    yield root
    assert not errors, f"Unbehandelte Fehler im Browser: {errors}"


def plus_one_second(root) -> None:
    clock = root.locator(".ksim-clock")
    before = clock.inner_text()
    root.get_by_role("button", name="+1 s", exact=True).click()
    clock.filter(has_not_text=before).wait_for(timeout=STEP_MS)


def producer_counts(root, client: str) -> tuple[int, int, int, int, str]:
    """(sent, acknowledged, on the way, failed, the line) of the producer line of `client`."""
    line = root.locator(".ksim-producer", has_text=f"Producer {client} ").inner_text()
    match = COUNTS.search(line)
    assert match and match[1] == client, line
    sent, acked, pending, failed = (int(g or 0) for g in match.groups()[1:])
    return sent, acked, pending, failed, line


def test_a_stopped_boerse_offers_no_stop_and_its_counts_add_up(replikation, page):
    """The learner pauses the time, lets a second pass with "+1 s" and stops the Börse. A
    stopped Börse has nothing left to stop. Its last prices are still on their way (their
    acknowledgement is a network round trip away and the time stands still): the line says so
    instead of "20 gesendet, 19 bestätigt, 0 Fehler", and once time moves they are acknowledged."""
    root = replikation
    plus_one_second(root)
    stop = root.get_by_role("button", name=re.compile(r"^Börsen-Ticker (\S+) stoppen$"))
    assert stop.count() == 1
    ticker = re.match(r"Börsen-Ticker (\S+) stoppen", stop.get_attribute("aria-label"))[1]
    stop.click()
    ticker_row = root.locator(".ksim-producer", has_text=f"Börse {ticker} ")
    ticker_row.filter(has_text="gestoppt").wait_for(timeout=STEP_MS)
    assert ticker_row.get_by_role("button").count() == 0, ticker_row.inner_html()

    sent, acked, pending, failed, line = producer_counts(root, ticker)
    assert sent > 0 and sent == acked + pending + failed, f"Die Zahlen gehen nicht auf: {line}"

    plus_one_second(root)
    sent_later, acked_later, pending_later, failed_later, line = producer_counts(root, ticker)
    assert (sent_later, pending_later, failed_later) == (sent, 0, 0), line  # stopped: sends nothing new
    assert acked_later == sent, line
