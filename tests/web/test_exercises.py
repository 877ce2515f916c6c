"""The six guided exercises: each checks itself, and says why, on a wrong and on a right attempt."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def leader_of_partition_0(sim) -> int:
    return sim.snapshot()["topics"][0]["partitions"][0]["leader"]


def test_sap_prices_in_one_partition(sim):
    sim.mount("uebung-sap-partition")
    for price in ("231.10", "231.20", "SAP 231.30"):
        sim.produce(f"SAP {price}", key="")
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "ohne Schlüssel" in text
    for price in ("231.40", "231.50", "231.60"):
        sim.produce(price, key="SAP")
    partition = sim.page.evaluate("document.querySelector('div.kafkasim').kafkasim.journal.at(-1).result.partition")
    text = sim.check_until("success", 0)
    assert f"Partition {partition}" in text and "murmur2" in text


def test_second_consumer_in_the_group(sim):
    sim.mount("uebung-zweiter-consumer")
    sim.pause()
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "nur einen Consumer" in text
    sim.add_consumer("chart", "chart-1")
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "nicht in depot" in text
    sim.add_consumer("depot", "aktionaer-2")
    text = sim.check_until("success", 20)
    assert "aktionaer-1" in text and "aktionaer-2" in text
    depot = next(g for g in sim.snapshot()["groups"] if g["group_id"] == "depot")
    assert sorted(p for m in depot["members"] for _, p in m["assignment"]) == [0, 1, 2]


def test_two_groups_each_get_every_price(sim):
    sim.mount("uebung-zwei-gruppen")
    sim.pause()
    sim.add_consumer("depot", "aktionaer-2")
    sim.advance(6)
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "Beide Consumer sind in der Gruppe depot" in text
    sim.add_consumer("chart", "chart-1")
    text = sim.check_until("success", 20)
    assert "depot" in text and "chart" in text and "eigenen committed Offsets" in text


def test_leader_crash_with_acks_1_loses_and_acks_all_keeps(sim):
    sim.mount("uebung-leader-crash")
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "Leader von Partition 0" in text
    sim.produce("SAP 231.50", key="SAP", acks="1")
    leader = leader_of_partition_0(sim)
    sim.click_and_wait(f"Absturz: Broker {leader}", f"Broker {leader} ist abgestürzt")
    text = sim.check_until("failure", 0)
    sim.advance(12)
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "verloren" in text, text

    sim.root.locator(".ksim-reset").click()
    sim.wait_status("neu gestartet")
    sim.produce("SAP 232.00", key="SAP", acks="all")
    leader = leader_of_partition_0(sim)
    sim.click_and_wait(f"Absturz: Broker {leader}", f"Broker {leader} ist abgestürzt")
    text = sim.check_until("success", 15)
    assert "acks=all" in text and "noch da" in text


def test_restart_continues_at_the_committed_offset(sim):
    sim.mount("uebung-neustart-offset")
    sim.pause()
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "Entfernen Sie zuerst" in text
    sim.click_and_wait("Consumer aktionaer-1 aus der Gruppe depot entfernen", "Consumer aktionaer-1 verlässt seine Gruppe")
    sim.advance(3)
    sim.add_consumer("neu", "aktionaer-neu")
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "keine committed Offsets" in text
    sim.add_consumer("depot", "aktionaer-1")
    text = sim.check_until("success", 20)
    assert "committed Offsets der Gruppe depot" in text and "P0:" in text


def test_retention_deletes_old_prices(sim):
    sim.mount("uebung-retention")
    sim.pause()
    verdict, text = sim.check_exercise()
    assert verdict == "failure" and "Noch ist nichts gelöscht" in text
    sim.advance(20)
    # Success is noticed without pressing "Prüfen" again.
    verdict = sim.root.locator(".ksim-verdict")
    for _ in range(20):
        if verdict.get_attribute("data-result") == "success":
            break
        sim.advance(1)
    assert verdict.get_attribute("data-result") == "success"
    text = verdict.inner_text()
    assert "beginnt das Log bei Offset" in text
    assert sim.snapshot()["topics"][0]["partitions"][0]["log_start_offset"] > 0
