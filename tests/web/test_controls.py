"""Every control of the simulator, driven as a reader would, checked against the snapshot."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cluster(sim):
    # 3 Broker, aktienkurse RF 3, a running ticker; every panel, as an embed may ask for.
    sim.mount("replikation", panels="brokers producers topics groups log controls throughput lag")
    return sim


def topics(sim):
    return {t["name"]: t for t in sim.snapshot()["topics"]}


def test_play_pause_and_time_moves_only_while_playing(cluster):
    play = cluster.root.locator(".ksim-play")
    assert play.get_attribute("aria-pressed") == "true"  # the preset plays by itself
    start = cluster.now()
    cluster.page.wait_for_function(
        "([t]) => document.querySelector('div.kafkasim').kafkasim.snapshot.now_ms > t", arg=[start], timeout=10_000)
    play.click()
    assert play.get_attribute("aria-pressed") == "false"
    assert play.inner_text() == "Abspielen"
    # Let an answer that was on its way arrive.
    cluster.page.wait_for_function("() => !document.querySelector('div.kafkasim').kafkasim.runtime.busy", timeout=10_000)
    frozen = cluster.now()
    # While paused, the simulator's own clock keeps ticking (it would advance time if playing):
    # over four of its ticks the simulated time must not move.
    ticks = cluster.page.evaluate("document.querySelector('div.kafkasim').kafkasim.ticks")
    cluster.page.wait_for_function(
        "([n]) => document.querySelector('div.kafkasim').kafkasim.ticks >= n", arg=[ticks + 4], timeout=10_000)
    assert cluster.now() == frozen


def test_single_step_shows_the_event_it_processed(cluster):
    """"Einzelschritt" ("Verarbeitet genau ein Ereignis") must visibly do something: the status names
    the event, the event log shows it on top, and the clock stands at its time."""
    cluster.pause()
    cluster.page.wait_for_function("() => !document.querySelector('div.kafkasim').kafkasim.runtime.busy", timeout=10_000)
    for _ in range(3):
        before = cluster.now()
        cluster.root.locator(".ksim-step").click()
        cluster.page.wait_for_function(
            "([t]) => document.querySelector('div.kafkasim .ksim-status').textContent.startsWith('Einzelschritt bis') &&"
            " document.querySelector('div.kafkasim').kafkasim.snapshot.now_ms > t", arg=[before], timeout=10_000)
        status = cluster.status()
        more = re.search(r"und (\d+) weitere Ereignisse", status)
        count = 1 + (int(more[1]) if more else 0)
        cluster.root.locator(".ksim-events li").nth(count - 1).wait_for(timeout=5_000)
        # The log lists the step's events on top (newest first); the status names the first of them.
        newest = [li.split(" ", 2)[2] for li in cluster.root.locator(".ksim-events li").all_inner_texts()[:count]]
        assert newest[-1] in status, (newest, status)
        assert cluster.root.locator(".ksim-clock").inner_text().removeprefix("Zeit: ") in status


def test_plus_one_second(cluster):
    cluster.pause()
    before = cluster.now()
    cluster.advance(1)
    assert cluster.now() >= before + 1000


def test_speed_changes_simulated_time_per_tick(cluster):
    cluster.root.locator("select[aria-label='Tempo der simulierten Zeit']").select_option("10")
    start = cluster.now()
    cluster.root.locator(".ksim-play").click()
    # The first tick is enough (a busy machine may need seconds for it): at 1x it would move the
    # clock by 250 ms, at 10x by 2.5 s.
    cluster.page.wait_for_function(
        "([t]) => document.querySelector('div.kafkasim').kafkasim.snapshot.now_ms > t", arg=[start], timeout=60_000)
    cluster.pause()
    cluster.page.wait_for_function("() => !document.querySelector('div.kafkasim').kafkasim.runtime.busy", timeout=30_000)
    # 10x: every 250 ms tick moves simulated time by exactly 2.5 s.
    moved = cluster.now() - start
    assert moved >= 2_500 and moved % 2_500 == 0, moved
    cluster.root.locator("select[aria-label='Tempo der simulierten Zeit']").select_option("1")


def test_create_and_delete_topic(cluster):
    form = cluster.control("topics")
    form.locator("input[name=name]").fill("kurse-kompakt")
    form.locator("input[name=partitions]").fill("2")
    form.locator("input[name=rf]").fill("2")
    form.locator("input[name=retention]").fill("60000")
    form.locator("select[name=cleanup]").select_option("compact")
    form.locator("button[type=submit]").click()
    cluster.wait_status("Topic kurse-kompakt angelegt")
    created = topics(cluster)["kurse-kompakt"]
    assert len(created["partitions"]) == 2
    assert created["replication_factor"] == 2
    assert created["config"]["cleanup.policy"] == "compact"
    assert created["config"]["retention.ms"] == 60000
    # The same name again: a German error under the form's button, nothing lost.
    form.locator("button[type=submit]").click()
    form.locator(".ksim-feedback[data-kind=error]").wait_for(timeout=10_000)
    assert form.locator(".ksim-feedback").inner_text().startswith("Nicht möglich:")
    assert "kurse-kompakt" in topics(cluster)
    cluster.root.locator("button[aria-label='Topic kurse-kompakt löschen']").click()
    cluster.wait_status("Topic kurse-kompakt gelöscht")
    cluster.page.wait_for_function(
        "() => !document.querySelector('div.kafkasim').kafkasim.snapshot.topics.some(t => t.name === 'kurse-kompakt')",
        timeout=10_000)


def test_produce_with_key_and_acks(cluster):
    entry = cluster.produce("231.50", key="SAP", acks="1")
    assert entry["ok"], entry
    sent = entry["command"]
    assert (sent["op"], sent["value"], sent["key"], sent["acks"]) == ("produce", "231.50", "SAP", 1)
    partition = entry["result"]["partition"]
    cluster.wait_status(f"Partition {partition}")
    again = cluster.produce("232.00", key="SAP", acks="all")
    assert again["result"]["partition"] == partition  # same key, same partition
    keyless = cluster.produce("ohne Schlüssel", key="", acks="0")
    assert keyless["ok"] and keyless["command"]["key"] is None


def test_produce_with_acks_0_says_the_offset_stays_unknown(cluster):
    """acks=0: the producer gets no acknowledgement, so it never learns the offset ("Offset -1" was wrong)."""
    entry = cluster.produce("231.50", key="SAP", acks="0")
    assert entry["ok"], entry
    feedback = cluster.control("produce").locator(".ksim-feedback")
    feedback.filter(has_text="acks=0").wait_for(timeout=10_000)
    text = feedback.inner_text()
    assert "ohne Bestätigung" in text and "keinen Offset" in text, text
    assert "-1" not in text


def test_ticker_start_and_stop(cluster):
    form = cluster.control("ticker")
    form.locator("input[name=symbols]").fill("sap, bmw")
    form.locator("input[name=rate]").fill("20")
    form.locator("button[type=submit]").click()
    cluster.wait_status("Börsen-Ticker")
    ticker = next(t for t in cluster.snapshot()["tickers"] if t["symbols"] == ["SAP", "BMW"])
    assert ticker["running"] and ticker["rate_per_s"] == 20
    cluster.root.locator(f"button[aria-label='Börsen-Ticker {ticker['id']} stoppen']").click()
    cluster.wait_status(f"Börsen-Ticker {ticker['id']} gestoppt")
    stopped = next(t for t in cluster.snapshot()["tickers"] if t["id"] == ticker["id"])
    assert not stopped["running"]


def test_add_and_remove_consumers_and_groups(cluster):
    form = cluster.control("consumers")
    form.locator("input[name=group]").fill("depot-anna")
    form.locator("input[name=client]").fill("anna")
    form.locator("button[type=submit]").click()
    cluster.wait_status("tritt der Gruppe depot-anna bei")
    form.locator("input[name=group]").fill("depot-ben")
    form.locator("input[name=client]").fill("ben")
    form.locator("select[name=reset]").select_option("latest")
    form.locator("button[type=submit]").click()
    cluster.wait_status("tritt der Gruppe depot-ben bei")
    cluster.advance(6)
    groups = {g["group_id"]: g for g in cluster.snapshot()["groups"]}
    assert [m["client_id"] for m in groups["depot-anna"]["members"]] == ["anna"]
    assert [m["client_id"] for m in groups["depot-ben"]["members"]] == ["ben"]
    assert cluster.root.locator("section[aria-label^='Consumer-Gruppe depot-anna'] table").count() == 1
    cluster.root.locator("button[aria-label='Consumer ben aus der Gruppe depot-ben entfernen']").click()
    cluster.wait_status("Consumer ben verlässt seine Gruppe")
    cluster.advance(1)
    ben = next(g for g in cluster.snapshot()["groups"] if g["group_id"] == "depot-ben")
    assert ben["members"] == []


def test_crash_stop_and_restart_brokers(cluster):
    leader = topics(cluster)["aktienkurse"]["partitions"][0]["leader"]
    cluster.root.locator(f"button[aria-label='Absturz: Broker {leader}']").click()
    cluster.wait_status(f"Broker {leader} ist abgestürzt")
    broker = cluster.root.locator(f".ksim-broker[data-key='{leader}']")
    assert broker.get_attribute("data-state") == "crashed"
    assert broker.locator(".ksim-restart").is_enabled()
    # The controller notices a crash only when the broker's session times out (9 s in KRaft).
    cluster.advance(10)
    assert topics(cluster)["aktienkurse"]["partitions"][0]["leader"] not in (leader, None)
    cluster.root.locator(f"button[aria-label='Neustart: Broker {leader}']").click()
    cluster.wait_status(f"Broker {leader} startet neu")
    other = next(b["id"] for b in cluster.snapshot()["brokers"] if b["id"] != leader)
    cluster.root.locator(f"button[aria-label='Broker {other} kontrolliert herunterfahren']").click()
    cluster.wait_status(f"Broker {other} wurde kontrolliert heruntergefahren")
    cluster.advance(3)
    states = {b["id"]: b["state"] for b in cluster.snapshot()["brokers"]}
    assert states[leader] == "running" and states[other] == "stopped"


def test_seed_and_reset(cluster):
    cluster.root.locator(".ksim-seed").fill("42")
    cluster.root.locator(".ksim-reseed").click()
    cluster.wait_status("Seed 42")
    assert cluster.snapshot()["seed"] == 42
    assert cluster.journal_length() == 0
    names = sorted(topics(cluster))
    assert names == ["aktienkurse"]
    cluster.root.locator(".ksim-seed").fill("-3")
    cluster.root.locator(".ksim-reseed").click()
    cluster.wait_status("ganze Zahl")
    cluster.root.locator(".ksim-reset").click()
    cluster.wait_status("Seed 42 neu gestartet")


def test_event_log_and_charts_show_what_happens(cluster):
    cluster.advance(3)
    events = cluster.root.locator(".ksim-events li")
    events.first.wait_for(timeout=5_000)
    assert "s" in events.first.locator(".ksim-time").inner_text()
    charts = cluster.root.locator(".ksim-chart")
    assert charts.count() == 2
    cluster.page.wait_for_selector("div.kafkasim .ksim-chart canvas", timeout=10_000)
    legend = cluster.root.locator(".ksim-chart").first.inner_text()
    assert "P0" in legend and "P2" in legend
