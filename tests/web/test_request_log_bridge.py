"""The „Ablauf“ panel's request to the worker: while it is open, every snapshot carries the request log;
closed, snapshots are as small as before."""

from __future__ import annotations

from tests.web.presets import new_bridge

PRESET = {"brokers": 1, "seed": 0, "setup": [
    {"op": "create_topic", "name": "aktienkurse", "partitions": 3, "replication_factor": 1, "config": {}},
    {"op": "add_consumer", "group_id": "kursalarm", "topics": ["aktienkurse"], "client_id": "kursalarm-1"},
]}


def test_the_open_panel_gets_the_requests_with_every_snapshot():
    bridge = new_bridge()
    reply = bridge({"type": "init", "preset": PRESET})
    assert reply["ok"] and "requests" not in reply["snapshot"]
    reply = bridge({"type": "requestLog", "on": True})
    assert reply["ok"] and reply["snapshot"]["requests"]
    reply = bridge({"type": "advance", "ms": 4000})
    joins = [e for e in reply["snapshot"]["requests"] if e["api"] == "JoinGroup"]
    assert joins and joins[0]["client"] == "kursalarm-1" and joins[0]["answered_ms"] - joins[0]["sent_ms"] >= 3000
    assert {"id", "api", "client", "node", "sent_ms", "answered_ms", "error", "oneway", "text", "reply"} <= set(joins[0])
    reply = bridge({"type": "requestLog", "on": False})
    assert reply["ok"] and "requests" not in reply["snapshot"]
    assert "requests" not in bridge({"type": "advance", "ms": 100})["snapshot"]
