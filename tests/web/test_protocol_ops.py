"""The page's control commands and the worker's table of them agree: protocol.js (OPS) names every
operation and its fields, bridge.py (CONTROL_OPS) maps the same ones to Cluster methods, and the
fields are those methods' parameters. Every operation is driven once with every field named, as
the page sends it: through bridge.py on CPython and through the real worker in Chromium."""

from __future__ import annotations

import importlib.util
import inspect
import json
import subprocess

import pytest

from kafkasim import Cluster
from tests.web.conftest import Sim
from tests.web.presets import BRIDGE, ROOT, new_bridge

PROTOCOL_JS = ROOT / "simulator" / "web" / "src" / "protocol.js"

# Every operation once, with each of its fields, in an order in which each one succeeds on a
# cluster of three brokers (a preset's own topics, tickers and consumers do not get in the way).
# "$op" stands for the result of that earlier command (a ticker's id).
EVERY_OPERATION = [
    {"op": "create_topic", "name": "protokoll", "partitions": 3, "replication_factor": 3,
     "config": {"retention.ms": 60_000}},
    {"op": "produce", "topic": "protokoll", "value": "231.50", "key": "SAP", "acks": "all", "partition": 1},
    {"op": "start_ticker", "topic": "protokoll", "symbols": ["SAP"], "rate_per_s": 2, "acks": 1},
    {"op": "stop_ticker", "ticker_id": "$start_ticker"},
    {"op": "add_consumer", "group_id": "protokoll-gruppe", "topics": ["protokoll"], "client_id": "protokoll-1",
     "auto_offset_reset": "earliest", "partition_assignment_strategy": ["range"]},
    {"op": "remove_consumer", "client_id": "protokoll-1"},
    {"op": "crash_broker", "broker_id": 1},
    {"op": "restart_broker", "broker_id": 1},
    {"op": "stop_broker", "broker_id": 2},
    {"op": "delete_topic", "name": "protokoll"},
    {"op": "groups4_create_topic", "name": "auftraege", "partitions": 1},
    {"op": "groups4_produce", "topic": "auftraege", "values": ["Depotauszug 2026-11", "Bestätigung an Kunde 42"],
     "partition": 0},
    {"op": "groups4_set_group_config", "group_id": "lager", "name": "share.auto.offset.reset", "value": "earliest"},
    {"op": "add_share_member", "group_id": "lager", "topic": "auftraege", "name": "L1"},
    {"op": "share_fetch", "name": "L1"},
    {"op": "share_acknowledge", "name": "L1", "partition": 0, "offset": 0, "kind": "accept"},
    {"op": "expire_share_locks", "name": "L1"},
    {"op": "add_protocol_consumer", "group_id": "depot-neu", "topic": "auftraege", "name": "A", "assignor": "uniform"},
    {"op": "remove_groups4_member", "name": "A"},
]


def js_tables() -> dict:
    script = (f"import({json.dumps(PROTOCOL_JS.as_uri())}).then((m) => "
              "console.log(JSON.stringify({ops: m.OPS, setup: m.SETUP_ONLY_OPS})))")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         timeout=60, check=True)
    return json.loads(out.stdout)


def bridge_module():
    spec = importlib.util.spec_from_file_location("kafkasim_bridge_protocol", BRIDGE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built_by_js(commands: list[dict]) -> list:
    """protocol.js's command() for each {op, ...fields}: the object, or the German error it throws."""
    script = (f"import({json.dumps(PROTOCOL_JS.as_uri())}).then((m) => console.log(JSON.stringify("
              f"{json.dumps(commands)}.map(({{op, ...fields}}) => {{"
              "try { return m.command(op, fields); } catch (e) { return {error: e.message}; } }))))")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         timeout=60, check=True)
    return json.loads(out.stdout)


def resolved(command: dict, results: dict) -> dict:
    return {name: results[value[1:]] if isinstance(value, str) and value.startswith("$") else value
            for name, value in command.items()}


def test_page_and_worker_name_the_same_operations_and_fields():
    js, bridge = js_tables(), bridge_module()
    python_ops = {op: list(fields) for op, (_, fields) in bridge.CONTROL_OPS.items()}
    assert js["ops"] == python_ops
    assert js["setup"] == {op: list(fields) for op, fields in bridge.SETUP_ONLY_OPS.items()}
    assert not set(js["ops"]) & set(js["setup"])


def test_every_operation_names_the_parameters_of_its_cluster_method():
    for op, (method_name, fields) in bridge_module().CONTROL_OPS.items():
        parameters = list(inspect.signature(getattr(Cluster, method_name)).parameters.values())[1:]
        assert [p.name for p in parameters] == list(fields), op
        assert all(p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) for p in parameters), op
    # The one set-up step that is a Cluster method: advance(ms).
    assert list(inspect.signature(Cluster.advance).parameters)[1:] == list(bridge_module().SETUP_ONLY_OPS["advance"])


def test_the_drive_covers_every_operation_and_every_field():
    ops = js_tables()["ops"]
    assert [c["op"] for c in EVERY_OPERATION] == list(dict.fromkeys(c["op"] for c in EVERY_OPERATION))
    assert {c["op"]: [f for f in c if f != "op"] for c in EVERY_OPERATION} == ops


def test_every_operation_runs_through_the_bridge_as_the_page_sends_it():
    commands = built_by_js(EVERY_OPERATION)
    assert commands == EVERY_OPERATION  # command() refuses none and changes nothing
    bridge = new_bridge()
    assert bridge({"type": "init", "preset": {"brokers": 3, "seed": 0, "setup": []}})["ok"]
    results = {}
    for command in commands:
        reply = bridge({"type": "control", "command": resolved(command, results)})
        assert reply["ok"], (command["op"], reply.get("error"))
        results[command["op"]] = reply["result"]
    assert results["share_fetch"]["records"] and results["share_acknowledge"]["result"] == "ok"


def test_an_unknown_field_is_refused_in_german_on_both_sides():
    thrown = built_by_js([{"op": "produce", "topic": "aktienkurse", "value": "231.50", "farbe": "rot"},
                          {"op": "explode"}])
    assert thrown == [{"error": "Unbekanntes Feld für „produce“: farbe (möglich: topic, value, key, acks, partition)"},
                      {"error": "Unbekannte Aktion: explode"}]
    bridge = new_bridge()
    assert bridge({"type": "init", "preset": {"brokers": 1, "setup": []}})["ok"]
    reply = bridge({"type": "control", "command": {"op": "produce", "topic": "aktienkurse", "value": "231.50",
                                                   "farbe": "rot"}})
    assert not reply["ok"]
    assert reply["error"] == "Unbekanntes Feld für „produce“: farbe (möglich: topic, value, key, acks, partition)"
    missing = bridge({"type": "control", "command": {"op": "produce", "topic": "aktienkurse"}})
    assert not missing["ok"] and missing["error"] == "Für „produce“ fehlt: value"
    # The former positional form names no command: refused, not guessed.
    positional = bridge({"type": "control", "op": "produce", "args": ["aktienkurse", "231.50"], "kwargs": {}})
    assert not positional["ok"] and "nennt keine Aktion" in positional["error"]
    step = bridge({"type": "init", "preset": {"brokers": 1, "setup": [{"op": "advance", "sekunden": 2}]}})
    assert not step["ok"] and step["error"] == "Unbekanntes Feld für „advance“: sekunden (möglich: ms)"


@pytest.mark.browser
def test_every_operation_runs_through_the_real_worker(sim: Sim):
    """The same commands through the page's own path: the simulator's act(), the shared worker,
    bridge.py on Pyodide. Each answer is shown next to where the reader would have clicked."""
    sim.mount("cluster-ueberblick")
    sim.pause()
    results = {}
    for command in EVERY_OPERATION:
        reply = sim.page.evaluate(
            "(c) => document.querySelector('div.kafkasim').kafkasim.act(c)"
            ".then((r) => ({ok: r.ok, error: r.error ?? null, result: r.result ?? null}))",
            resolved(command, results))
        assert reply["ok"], (command["op"], reply["error"])
        results[command["op"]] = reply["result"]
    journal = sim.page.evaluate("document.querySelector('div.kafkasim').kafkasim.journal.map((e) => e.command.op)")
    assert journal == [c["op"] for c in EVERY_OPERATION]
    sim.wait_status("A verlässt seine Gruppe.")
