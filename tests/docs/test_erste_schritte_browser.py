"""The first hands-on page, done the way its text tells a reader: create the topic, send three
prices, add two consumers in their own groups – and see what the page says will happen."""

from __future__ import annotations

import pytest

from tests.docs.test_quizzes_browser import url_of
from tests.web.conftest import READY, Sim

pytestmark = pytest.mark.browser


def partitions(sim: Sim) -> dict[int, list[tuple[str, str]]]:
    topic = next(t for t in sim.snapshot()["topics"] if t["name"] == "aktienkurse")
    return {p["partition"]: [(r["key"], r["value"]) for r in p["records"]] for p in topic["partitions"]}


def committed(sim: Sim, group: str) -> int:
    found = [g for g in sim.snapshot()["groups"] if g["group_id"] == group]
    return sum(o["committed"] or 0 for o in found[0]["offsets"]) if found else 0


def test_first_topic_producer_and_consumer_as_the_page_says(page, site_url):
    page.goto(url_of(site_url, "theorie/erste-schritte.md"), wait_until="load")
    sim = Sim(page, page.url)
    sim.root.scroll_into_view_if_needed()
    page.wait_for_selector(READY, timeout=60_000)
    assert sim.snapshot()["topics"] == [], "der Cluster beginnt leer"

    # 1. "Topic anlegen": Name aktienkurse, 3 Partitionen, Replikationsfaktor 1.
    form = sim.control("topics")
    form.locator("input[name=name]").fill("aktienkurse")
    form.locator("input[name=partitions]").fill("3")
    form.locator("input[name=rf]").fill("1")
    form.get_by_role("button", name="Topic anlegen").click()
    page.wait_for_function(
        "() => document.querySelector('div.kafkasim').kafkasim.snapshot.topics.length === 1", timeout=15_000)
    assert partitions(sim) == {0: [], 1: [], 2: []}

    # 2. "Datensatz senden": SAP 231.50, SAP 232.10, DTE 31.07.
    for key, value in [("SAP", "231.50"), ("SAP", "232.10"), ("DTE", "31.07")]:
        sim.produce(value, key=key, topic="aktienkurse")
    page.wait_for_function(
        "() => document.querySelector('div.kafkasim').kafkasim.snapshot.topics[0].partitions"
        ".reduce((n, p) => n + p.log_end_offset, 0) === 3", timeout=15_000)
    # Both SAP prices in partition 0 at offsets 0 and 1, DTE in partition 2 at offset 0.
    assert [k for k, _ in partitions(sim)[0]] == ["SAP", "SAP"]
    assert [k for k, _ in partitions(sim)[2]] == ["DTE"]

    # 3. "Consumer hinzufügen": group depot-anna, earliest. It reads all three; nothing is deleted.
    sim.add_consumer("depot-anna")
    sim.advance(10)
    assert committed(sim, "depot-anna") == 3
    assert sum(len(r) for r in partitions(sim).values()) == 3
    # A second group reads every price as well.
    sim.add_consumer("depot-ben")
    sim.advance(10)
    assert committed(sim, "depot-ben") == 3
