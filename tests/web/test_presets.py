"""Every scenario a course page can embed exists, and each one sets up on the real kafkasim
(checked on CPython through the worker's bridge, without a browser)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRESETS_JS = ROOT / "simulator" / "web" / "src" / "presets.js"
BRIDGE = ROOT / "simulator" / "web" / "src" / "bridge.py"
CONTRACT = {  # the names the embedding contract promises the course
    "cluster-ueberblick", "topic-partitionen", "schluessel-partition", "replikation", "producer-acks",
    "consumer-gruppe", "zwei-gruppen", "offsets-commit", "retention", "zustellgarantien",
    "labor-producer", "labor-consumer", "uebung-sap-partition", "uebung-zweiter-consumer",
    "uebung-zwei-gruppen", "uebung-leader-crash", "uebung-neustart-offset", "uebung-retention",
}


@pytest.fixture(scope="module")
def presets() -> dict:
    script = f"import({json.dumps(PRESETS_JS.as_uri())}).then((m) => console.log(JSON.stringify(m.PRESETS)))"
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         timeout=60, check=True)
    return json.loads(out.stdout)


def test_the_contract_names_and_the_pages_uses_exist(presets):
    assert CONTRACT <= set(presets)
    used = {m for page in (ROOT / "docs").rglob("*.md")
            for m in re.findall(r'data-preset="([^"]+)"', page.read_text("utf-8"))}
    assert used <= set(presets), used - set(presets)
    exercises = [name for name, p in presets.items() if name.startswith("uebung-")]
    assert len(exercises) >= 6 and all("exercise" in presets[n] for n in exercises)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_preset_sets_up_and_runs(presets, name):
    spec = importlib.util.spec_from_file_location(f"bridge_{name.replace('-', '_')}", BRIDGE)
    bridge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bridge)
    preset = {k: v for k, v in presets[name].items() if k in ("brokers", "seed", "config", "setup")}
    reply = json.loads(bridge.handle(json.dumps({"type": "init", "preset": preset})))
    assert reply["ok"], reply.get("error")
    assert reply["snapshot"]["topics"], "every scenario starts with a topic"
    later = json.loads(bridge.handle(json.dumps({"type": "advance", "ms": 5_000})))
    assert later["ok"] and later["snapshot"]["now_ms"] >= 5_000
    for ticker in presets[name]["setup"]:
        if ticker["op"] == "start_ticker" and {"op": "stop_all_tickers"} not in presets[name]["setup"]:
            assert sum(p["log_end_offset"] for t in later["snapshot"]["topics"] for p in t["partitions"]) > 0


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_a_consumer_without_client_id_joins_in_every_preset(presets, name):
    """The form "Consumer hinzufügen" with an empty Client-ID sends client_id=null: the simulator
    picks a name that no consumer of the preset (or an earlier click) uses yet."""
    spec = importlib.util.spec_from_file_location(f"bridge_auto_{name.replace('-', '_')}", BRIDGE)
    bridge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bridge)
    preset = {k: v for k, v in presets[name].items() if k in ("brokers", "seed", "config", "setup")}
    assert json.loads(bridge.handle(json.dumps({"type": "init", "preset": preset})))["ok"]
    topic = next(a["args"][0] for a in preset["setup"] if a["op"] == "create_topic")
    names = []
    for _ in range(2):
        reply = json.loads(bridge.handle(json.dumps({"type": "control", "op": "add_consumer",
                                                     "args": ["depot", [topic]],
                                                     "kwargs": {"client_id": None, "auto_offset_reset": "earliest"}})))
        assert reply["ok"], reply["error"]
        names.append(reply["result"])
    preset_names = {a["kwargs"]["client_id"] for a in preset["setup"] if a["op"] == "add_consumer"}
    assert len(set(names)) == 2 and not set(names) & preset_names, names
