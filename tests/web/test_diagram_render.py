"""The cluster diagram's renderer (simulator/web/src/diagram/) without a browser: the build draws
every preset's first picture from its initial state in kafkasim, and the pure renderer turns any
snapshot into well-formed, described, escaped SVG with the course's German words."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "simulator" / "web"
DIAGRAMS = ROOT / "docs" / "assets" / "kafkasim" / "bilder"
SVG = "{http://www.w3.org/2000/svg}"


def node(script: str, stdin: str = "") -> str:
    out = subprocess.run(["node", "--input-type=module", "-e", script], input=stdin, capture_output=True,
                         text=True, timeout=60, cwd=WEB)
    assert out.returncode == 0, out.stderr
    return out.stdout


def render(snapshot: dict, **options) -> str:
    script = ("import { renderDiagram } from './src/diagram/index.js';"
              "let s = ''; process.stdin.on('data', (d) => s += d).on('end', () => {"
              " const { snapshot, options } = JSON.parse(s);"
              " process.stdout.write(renderDiagram(snapshot, options).svg); });")
    return node(script, json.dumps({"snapshot": snapshot, "options": options}))


@pytest.fixture(scope="module")
def presets() -> dict:
    return json.loads(node("import('./src/presets.js').then((m) => console.log(JSON.stringify(m.PRESETS)))"))


@pytest.fixture(scope="module")
def bridge():
    spec = importlib.util.spec_from_file_location("kafkasim_bridge_for_diagram", WEB / "src" / "bridge.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return lambda msg: json.loads(module.handle(json.dumps(msg)))


def texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_every_preset_has_its_first_picture_from_its_initial_state(presets, bridge):
    assert DIAGRAMS.is_dir(), "`make assets` zeichnet die Ausgangslagen"
    for name, preset in presets.items():
        state = json.loads((DIAGRAMS / f"{name}.json").read_text("utf-8"))
        setup = {k: preset[k] for k in ("brokers", "seed", "config", "setup") if k in preset}
        fresh = bridge({"type": "init", "sim": name, "preset": setup, "maxRecords": 12})["snapshot"]
        # The same simulator set the picture up: same clock, brokers and logs as a fresh run now.
        assert state["snapshot"]["now_ms"] == fresh["now_ms"]
        assert state["snapshot"]["brokers"] == fresh["brokers"]
        assert state["snapshot"]["topics"] == fresh["topics"], name
        root = ET.fromstring((DIAGRAMS / f"{name}.svg").read_text("utf-8"))
        assert root.get("role") == "img"
        title = root.find(f"{SVG}title")
        desc = root.find(f"{SVG}desc")
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert title.text == f"Cluster-Diagramm: {preset['title']}"
        assert f"{len(fresh['brokers'])} Broker" in desc.text
        assert root.find(f"{SVG}style") is not None, "the file stands alone (print, README)"
        drawn = {g.get("data-broker") for g in root.iter(f"{SVG}g") if g.get("data-broker")}
        # A preset may draw only some parts (the Kafka 4.x group presets draw their groups alone).
        if "brokers" in (preset.get("diagram") or {}).get("parts", ["brokers"]):
            assert drawn == {str(b["id"]) for b in fresh["brokers"]}
        else:
            assert not drawn
        groups4 = fresh.get("share_groups") or fresh.get("consumer_protocol_groups") or fresh.get("groups4_topics")
        if groups4:
            assert any(g.get("data-share-group") or g.get("data-protocol-group") or g.get("data-topic")
                       for g in root.iter(f"{SVG}g")), name


def test_main_entry_and_presets_agree_on_the_default_preset():
    main = (WEB / "src" / "main.js").read_text("utf-8")
    presets = (WEB / "src" / "presets.js").read_text("utf-8")
    default = re.search(r'DEFAULT_PRESET = "([^"]+)"', presets)[1]
    assert f'const DEFAULT_PRESET = "{default}";' in main


def test_roles_states_and_numbers_are_in_german_and_not_by_colour_alone(bridge):
    preset = {"brokers": 3, "seed": 0, "setup": [
        {"op": "create_topic", "name": "aktienkurse", "partitions": 3, "replication_factor": 3},
        {"op": "start_ticker", "topic": "aktienkurse", "rate_per_s": 400},
        {"op": "add_consumer", "group_id": "depot", "topics": ["aktienkurse"], "client_id": "aktionaer-1"},
    ]}
    bridge({"type": "init", "preset": preset, "maxRecords": 12})
    bridge({"type": "advance", "ms": 12_000})
    snapshot = bridge({"type": "control", "command": {"op": "crash_broker", "broker_id": 2}})["snapshot"]
    words = " ".join(texts(render(snapshot, width=660)))
    assert "✕ abgestürzt" in words and "● läuft" in words and "★ Controller" in words
    assert "Leader," in words and "offline" in words and "Follower" in words
    assert "✓ stabil" in words and "Gruppen-Koordinator" in words
    assert re.search(r"LEO \d\.\d{3}", words), "German digit grouping in offsets above 999"
    # Roles are classes with their own line styles (diagram.css) and words, not colours alone.
    svg = render(snapshot, width=660)
    assert 'class="kd-row role-leader-offline"' in svg and 'class="kd-row role-follower"' in svg


def test_keys_and_values_are_text_never_markup(bridge):
    preset = {"brokers": 1, "seed": 0, "setup": [
        {"op": "create_topic", "name": "aktienkurse", "partitions": 1, "replication_factor": 1}]}
    bridge({"type": "init", "preset": preset, "maxRecords": 12})
    snapshot = bridge({"type": "control", "command": {"op": "produce", "topic": "aktienkurse",
                                                      "value": "<img src=x onerror=alert(1)>",
                                                      "key": "<script>&", "acks": "all"}})["snapshot"]
    bridge({"type": "advance", "ms": 100})
    svg = render(snapshot, width=660)
    ET.fromstring(svg)  # well-formed
    assert "<script" not in svg and "<img" not in svg
    assert "neuester Datensatz: Offset 0, Schlüssel &lt;script&gt;&amp;" in svg


def test_parts_and_topics_can_be_chosen(bridge):
    preset = {"brokers": 1, "seed": 0, "setup": [
        {"op": "create_topic", "name": "aktienkurse", "partitions": 2, "replication_factor": 1},
        {"op": "create_topic", "name": "kurse-kompakt", "partitions": 1, "replication_factor": 1},
        {"op": "add_consumer", "group_id": "depot", "topics": ["aktienkurse"], "client_id": "aktionaer-1"},
    ]}
    snapshot = bridge({"type": "init", "preset": preset, "maxRecords": 12})["snapshot"]
    snapshot = bridge({"type": "advance", "ms": 4_000})["snapshot"]
    only_brokers = render(snapshot, parts=["brokers"], topics=["aktienkurse"])
    words = " ".join(texts(only_brokers))
    assert "Broker · Topic aktienkurse" in words
    assert "Consumer-Gruppen" not in words and "Producer" not in words and "Leader (in der ISR)" not in words
    assert "kurse-kompakt" not in only_brokers
    groups = " ".join(texts(render(snapshot, parts=["groups"])))
    assert "Gruppe depot" in groups and "Broker 1" in groups and "aktienkurse-0 · Lag –" in groups
