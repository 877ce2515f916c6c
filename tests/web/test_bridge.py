"""The worker's Python side of the page protocol, run on CPython against the real kafkasim."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.presets import new_bridge


@pytest.fixture
def bridge():
    return new_bridge()


PRESET = {"brokers": 1, "seed": 3, "setup": [
    {"op": "create_topic", "name": "aktienkurse", "partitions": 3, "replication_factor": 1, "config": {}},
    {"op": "start_ticker", "topic": "aktienkurse", "rate_per_s": 10},
    {"op": "advance", "ms": 2000},
    {"op": "stop_all_tickers"},
]}


def test_init_runs_the_preset_and_answers_with_snapshot_and_events(bridge):
    reply = bridge({"type": "init", "preset": PRESET, "maxRecords": 4})
    assert reply["ok"], reply
    topic = reply["snapshot"]["topics"][0]
    assert topic["name"] == "aktienkurse"
    assert sum(p["log_end_offset"] for p in topic["partitions"]) >= 15
    assert all(len(p["records"]) <= 4 for p in topic["partitions"])
    assert not reply["snapshot"]["tickers"][0]["running"]
    assert [e["seq"] for e in reply["events"]] == sorted(e["seq"] for e in reply["events"])


def test_a_preset_that_stops_its_tickers_starts_with_every_price_acknowledged(bridge):
    """The set-up stops the Börse right after a tick; its last prices are still on their way.
    A scenario that starts paused would show them as sent and never acknowledged."""
    reply = bridge({"type": "init", "preset": PRESET})
    assert reply["ok"], reply
    ticker = reply["snapshot"]["tickers"][0]
    producer = next(p for p in reply["snapshot"]["producers"] if p["client_id"] == ticker["id"])
    assert producer["sent"] >= 15 and producer["acked"] == producer["sent"], producer
    assert reply["snapshot"]["now_ms"] - 2000 < 1000  # the set-up waited for the answers, not longer


def test_each_reply_carries_only_new_events(bridge):
    first = bridge({"type": "init", "preset": PRESET})
    last = first["events"][-1]["seq"]
    reply = bridge({"type": "control", "command": {"op": "produce", "topic": "aktienkurse", "value": "231.50",
                                                   "key": "SAP", "acks": "all"}})
    assert reply["ok"] and reply["result"]["topic"] == "aktienkurse"
    assert reply["events"] and all(e["seq"] > last for e in reply["events"])
    quiet = bridge({"type": "advance", "ms": 0})
    assert quiet["events"] == []


def test_bursts_of_events_are_capped(bridge):
    bridge({"type": "init", "preset": {"brokers": 1, "setup": PRESET["setup"][:2]}})
    reply = bridge({"type": "advance", "ms": 60_000})
    assert len(reply["events"]) <= 100
    assert reply["events"][-1]["t"] <= 60_000


def test_errors_come_back_as_german_messages_and_keep_the_cluster(bridge):
    bridge({"type": "init", "preset": PRESET})
    reply = bridge({"type": "control", "command": {"op": "create_topic", "name": "aktienkurse"}})
    assert not reply["ok"] and "gibt es schon" in reply["error"]
    assert reply["snapshot"]["topics"][0]["name"] == "aktienkurse"
    refused = bridge({"type": "control", "command": {"op": "run_script", "source": "import os"}})
    assert not refused["ok"] and refused["error"] == "Unbekannte Aktion: run_script"
    unknown = bridge({"type": "explode"})
    assert unknown == {"ok": False, "error": "Unbekannte Anfrage: explode"}


def test_scripts_and_state_round_trip(bridge):
    bridge({"type": "init", "preset": PRESET})
    run = bridge({"type": "runScript", "source": "print('hallo')\nraise ValueError('kaputt')\n"})
    assert run["ok"] and run["run"]["stdout"] == "hallo\n"
    assert "ValueError" in run["run"]["error"] and "line 2" in run["run"]["traceback"]
    state = bridge({"type": "getState"})
    assert "snapshot" not in state
    before = bridge({"type": "advance", "ms": 0})["snapshot"]
    restored = bridge({"type": "init", "state": state["state"]})
    assert restored["ok"]
    assert restored["snapshot"]["topics"] == before["topics"]


def test_replaying_a_script_that_uses_random_gives_the_same_records(bridge):
    lab = (Path(__file__).resolve().parents[2] / "backend" / "labs" / "boerse_producer.py").read_text("utf-8")
    bridge({"type": "init", "preset": {"brokers": 1, "setup": PRESET["setup"][:1]}})
    after_run = bridge({"type": "runScript", "source": lab})["snapshot"]["topics"]
    state = bridge({"type": "getState"})["state"]
    assert bridge({"type": "init", "state": state})["snapshot"]["topics"] == after_run


def test_a_single_step_runs_to_the_next_event_the_log_shows(bridge):
    """"Einzelschritt" must visibly do something: it stops at the next event the page lists and names it."""
    bridge({"type": "init", "preset": {"brokers": 3, "setup": [
        {"op": "create_topic", "name": "aktienkurse", "partitions": 3, "replication_factor": 3},
        {"op": "start_ticker", "topic": "aktienkurse", "rate_per_s": 4}]}})
    for _ in range(5):
        before = bridge({"type": "advance", "ms": 0})["snapshot"]["now_ms"]
        reply = bridge({"type": "step"})
        assert reply["ok"] and reply["stepped"]
        assert reply["happened"] and reply["happened"] == [e["text"] for e in reply["events"]]
        assert reply["snapshot"]["now_ms"] >= before


def test_a_single_step_with_nothing_visible_ahead_stops_after_a_bounded_time(bridge):
    bridge({"type": "init", "preset": {"brokers": 1, "setup": []}})
    reply = bridge({"type": "step"})
    assert reply["ok"] and reply["stepped"] and reply["happened"] == []
    assert 0 < reply["snapshot"]["now_ms"] <= 60_000


def test_long_output_is_cut_at_the_front_and_says_so(bridge):
    bridge({"type": "init", "preset": PRESET})
    run = bridge({"type": "runScript", "source": "for i in range(30_000):\n    print(f'Zeile {i:05d}')\n"})["run"]
    total = 30_000 * len("Zeile 00000\n")
    assert run["stdout_cut"] == total - 100_000
    assert run["stdout"].endswith("Zeile 29999\n")
    first = run["stdout"].splitlines()[0]
    assert "360.000 Zeichen" in first and "ersten 260.000" in first and "weggelassen" in first, first
    short = bridge({"type": "runScript", "source": "print('kurz')\n"})["run"]
    assert short["stdout"] == "kurz\n" and short["stdout_cut"] == 0


def test_input_in_a_script_is_explained_in_german(bridge):
    """A script in the browser has no keyboard: input() must say so, not "OSError: I/O error"."""
    bridge({"type": "init", "preset": PRESET})
    run = bridge({"type": "runScript", "source": "symbol = input('Welche Aktie? ')\nprint(symbol)\n"})["run"]
    assert run["stdout"] == "Welche Aktie? "
    assert run["error"].startswith("input() kann im Simulator nichts lesen"), run["error"]
    assert "Sie" in run["error"] and "OSError" not in run["error"]
    assert "line 1" in run["traceback"]
