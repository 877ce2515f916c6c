"""The „Ablauf“ panel as the chapters tell a learner to use it: opened under the simulator, it draws each
request and its answer between the clients and the brokers over simulated time. In the consumer chapter
a third instance's JoinGroup is answered only once the others' heartbeat told them to rejoin; in the
producer chapter acks=all is answered only after the followers' fetch. The filter, the keyboard and
the link to the event log are used as a learner uses them, and axe finds nothing (light and dark)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.journeys.preset_simulator import PresetSimulator, open_chapter

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
OPEN = "Ablauf anzeigen: Anfragen und Antworten über die Zeit"


def open_ablauf(sim):
    panel = sim.root.locator("section.ksim-ablauf")
    panel.get_by_text(OPEN).click()
    expect(panel.locator("svg.kseq")).to_be_visible(timeout=15_000)
    return panel


def entries(panel, **attrs) -> list[dict]:
    """The arrows drawn, with their times and the sentence a screen reader hears."""
    selector = "".join(f"[data-{k}='{v}']" for k, v in attrs.items())
    return panel.locator(f"svg.kseq .kseq-entry{selector}").evaluate_all("""(els) => els.map((el) => ({
        id: Number(el.dataset.id), api: el.dataset.api, client: el.dataset.client,
        sent: Number(el.dataset.sent), answered: el.dataset.answered ? Number(el.dataset.answered) : null,
        error: el.classList.contains('is-error'), label: el.getAttribute('aria-label')}))""")


def choose_client(panel, name: str):
    panel.get_by_label("Client").select_option(name)
    panel.page.wait_for_function(
        "([el, name]) => [...el.querySelectorAll('.kseq-entry')].every((e) => e.dataset.client === name)",
        arg=[panel.element_handle(), name], timeout=10_000)


def test_a_new_members_join_waits_for_the_others_heartbeat(browser, site_url):
    with open_chapter(browser, site_url, "theorie/consumer/", "consumer-gruppe") as sim:
        sim.pause()
        text = sim.instructions()
        for said in ("Ablauf", "Ablauf anzeigen", "Consumer hinzufügen", "kursalarm-3", "Client", "JoinGroup",
                     "Heartbeat", "REBALANCE_IN_PROGRESS"):
            assert said in text, said
        panel = open_ablauf(sim)
        # The two instances' first rebalancing (a new group: 3 s and more) is over, as when a learner arrives.
        if sim.sim_time() < 7_000:
            sim.seconds((7_000 - sim.sim_time()) // 1000 + 1)
        sim.clear_messages()
        sim.form("Consumer hinzufügen").get_by_role("button", name="Consumer hinzufügen").click()
        sim.wait_status("Consumer kursalarm-3 tritt der Gruppe kursalarm bei")
        sim.seconds(4)

        choose_client(panel, "kursalarm-3")
        join = entries(panel, api="JoinGroup")[-1]
        assert join["client"] == "kursalarm-3" and join["answered"] is not None
        assert "JoinGroup Gruppe kursalarm, neues Mitglied" in join["label"] and "Antwort nach" in join["label"]
        assert "Generation 2" in join["label"]

        choose_client(panel, "kursalarm-1")
        told = [e for e in entries(panel, api="Heartbeat") if "REBALANCE_IN_PROGRESS" in e["label"]]
        assert told and told[-1]["error"], "Heartbeat mit REBALANCE_IN_PROGRESS fehlt"
        rejoin = [e for e in entries(panel, api="JoinGroup") if e["sent"] >= told[-1]["answered"]]
        assert rejoin, "kursalarm-1 tritt nicht neu bei"
        # kursalarm-3's JoinGroup waited from its request until kursalarm-1's rejoin was in.
        assert join["sent"] < told[-1]["answered"] <= rejoin[-1]["sent"] < join["answered"] == rejoin[-1]["answered"]

        # The filter by request type: without Fetch no Fetch arrow is drawn.
        panel.get_by_label("Fetch", exact=True).uncheck()
        expect(panel.locator(".kseq-entry[data-api='Fetch']")).to_have_count(0)
        assert entries(panel, api="Heartbeat")

        # The keyboard: Tab from the filter reaches the newest arrow, the arrow keys the others; the
        # sentence below the picture says which one is selected.
        panel.get_by_label("Client").focus()
        sim.page.keyboard.press("Tab")
        focused = sim.page.evaluate("document.activeElement.classList.contains('kseq-entry')")
        assert focused, "Tab erreicht keinen Pfeil"
        first = sim.page.evaluate("document.activeElement.dataset.id")
        sim.page.keyboard.press("ArrowUp")
        second = sim.page.evaluate("document.activeElement.dataset.id")
        assert second != first
        label = sim.page.evaluate("document.activeElement.getAttribute('aria-label')")
        expect(panel.locator(".kseq-selected")).to_contain_text(f"Ausgewählt: {label}")

        # The link to the event log: kursalarm-3's JoinGroup names the rebalancing it started.
        choose_client(panel, "kursalarm-3")
        panel.locator(f".kseq-entry[data-id='{join['id']}']").focus()
        expect(panel.locator(".kseq-selected")).to_contain_text("Im Ereignisprotokoll zur selben Zeit")
        expect(panel.locator(".kseq-selected")).to_contain_text("startet ein Rebalancing")
        linked = sim.root.locator(".ksim-events li.ksim-linked")
        expect(linked.filter(has_text="startet ein Rebalancing")).to_have_count(1)

        # "Nach Zurücksetzen": a new group's first two JoinGroup requests wait 3 s and 3 s more.
        sim.reset()
        sim.seconds(7)
        choose_client(panel, "kursalarm-1")
        first = entries(panel, api="JoinGroup")[0]
        assert first["answered"] is not None and 6_000 <= first["answered"] - first["sent"] < 6_100, first
        assert "Generation 1" in first["label"]


def test_acks_all_is_answered_after_the_followers_fetch(browser, site_url):
    with open_chapter(browser, site_url, "theorie/producer/", "producer-acks") as sim:
        text = sim.instructions()
        for said in ("Ablauf anzeigen", "acks=1", "acks=all", "Produce", "Fetch (Follower)"):
            assert said in text, said
        panel = open_ablauf(sim)
        took = {}
        for acks in ("1", "all"):
            before = max([e["id"] for e in entries(panel)], default=0)
            sim.produce("231.51" if acks == "1" else "231.52", acks=acks)
            sim.page.wait_for_function(
                "([el, n]) => [...el.querySelectorAll('.kseq-entry[data-api=Produce]')].some((e) => Number(e.dataset.id) > n && e.dataset.answered)",
                arg=[panel.element_handle(), before], timeout=10_000)
            sim.seconds(1)
            new = [e for e in entries(panel) if e["id"] > before]
            produce = next(e for e in new if e["api"] == "Produce")
            followers = [e for e in new if e["client"].startswith("replica:")]
            assert f"acks={acks}" in produce["label"] and len(followers) == 2, new
            assert all("Fetch (Follower)" in e["label"] for e in followers)
            took[acks] = (produce, min(e["sent"] for e in followers) + 1)
        produce, fetch_arrives = took["1"]
        assert produce["answered"] <= fetch_arrives
        produce, fetch_arrives = took["all"]
        assert produce["answered"] > fetch_arrives
        # Without the followers' fetches in the filter, only the clients' requests are drawn.
        panel.get_by_label("Fetch (Follower)", exact=True).uncheck()
        expect(panel.locator(".kseq-entry[data-client^='replica:']")).to_have_count(0)
        assert any(e["api"] == "Produce" for e in entries(panel))


def violations(page, root) -> list:
    page.add_script_tag(path=str(AXE))
    result = root.evaluate("async (el) => await axe.run(el, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3], v["nodes"][0]["failureSummary"][:200])
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_ablauf_has_no_accessibility_violation(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + "theorie/producer/")
        sim = PresetSimulator(page, "producer-acks").show()
        panel = open_ablauf(sim)
        sim.produce("231.50", acks="all")
        sim.seconds(1)
        panel.get_by_text("Ablauf als Liste").click()
        panel.locator(".kseq-entry").last.focus()
        expect(panel.locator(".kseq-selected")).to_contain_text("Ausgewählt:")
        found = violations(sim.page, sim.root)
        assert found == [], "\n".join(map(str, found))
    finally:
        context.close()
