"""The exercises' side of the worker's bridge, as the page speaks to it: a preset of presets.js is
set up and its exercise attached, then the cluster is driven with the Cluster's controls (what the
buttons call), the Börse ticker or a script – and the exercise judged."""

from __future__ import annotations

import importlib.util
import itertools
import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRESETS_JS = ROOT / "simulator" / "web" / "src" / "presets.js"
BRIDGE = ROOT / "simulator" / "web" / "src" / "bridge.py"
STARTERS = ROOT / "docs_src" / "labor"
_names = itertools.count()


@pytest.fixture(scope="module")
def presets() -> dict:
    script = f"import({json.dumps(PRESETS_JS.as_uri())}).then((m) => console.log(JSON.stringify(m.PRESETS)))"
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         timeout=60, check=True)
    return json.loads(out.stdout)


class Lab:
    """One exercise's simulator, spoken to in the page's protocol."""

    def __init__(self, preset: dict):
        spec = importlib.util.spec_from_file_location(f"labor_bridge_{next(_names)}", BRIDGE)
        self.bridge = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.bridge)
        self.preset = preset
        setup = {k: v for k, v in preset.items() if k in ("brokers", "seed", "config", "setup")}
        self.reply = self.send("init", preset=setup, exercise=preset["exercise"]["id"])

    def send(self, type_: str, **payload) -> dict:
        reply = json.loads(self.bridge.handle(json.dumps({"type": type_, "sim": "labor", **payload})))
        assert reply["ok"], reply.get("error")
        self.reply = reply
        return reply

    def control(self, op: str, **fields):
        """A command as the page's buttons send it: the op and its named fields (protocol.js)."""
        return self.send("control", command={"op": op, **fields})["result"]

    def advance(self, seconds: float):
        self.send("advance", ms=int(seconds * 1000))

    def run(self, source: str) -> str:
        run = self.send("runScript", source=source)["run"]
        assert not run["error"], run["error"] + (run["traceback"] or "")
        return run["stdout"]

    def check(self) -> tuple[bool, str]:
        verdict = self.send("check")["exercise"]
        return verdict["ok"], verdict["text"]

    @property
    def snapshot(self) -> dict:
        return self.reply["snapshot"]

    def leader(self) -> int:
        return self.snapshot["topics"][0]["partitions"][0]["leader"]

    def committed(self, group: str) -> dict[int, int]:
        g = next(g for g in self.snapshot["groups"] if g["group_id"] == group)
        return {o["partition"]: o["committed"] for o in g["offsets"]}


def starter(name: str, old: str | None = None, new: str | None = None) -> str:
    # An exercise's starter is one of docs_src/labor or a lab script of backend/labs (served alike).
    path = STARTERS / name if (STARTERS / name).exists() else ROOT / "backend" / "labs" / name
    source = path.read_text(encoding="utf-8")
    if old is not None:
        assert old in source
        source = source.replace(old, new, 1)
    return source
