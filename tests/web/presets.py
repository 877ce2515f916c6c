"""The scenarios as the page defines them, for the tests: simulator/web/src/presets.js is the one
list of preset names and set-ups (read here through Node), and bridge.py is the one reader of a
preset's cluster part (brokers, seed, config, setup), so tests set presets up through it."""

from __future__ import annotations

import functools
import importlib.util
import itertools
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRESETS_JS = ROOT / "simulator" / "web" / "src" / "presets.js"
BRIDGE = ROOT / "simulator" / "web" / "src" / "bridge.py"
_fresh = itertools.count()


@functools.cache
def presets() -> dict[str, dict]:
    """Every preset of presets.js as JSON (an exercise's check function drops out, as on its way to the worker)."""
    script = f"import({json.dumps(PRESETS_JS.as_uri())}).then((m) => console.log(JSON.stringify(m.PRESETS)))"
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         timeout=60, check=True)
    return json.loads(out.stdout)


def new_bridge():
    """A fresh copy of the worker's bridge module (its sessions start empty): msg dict -> reply dict."""
    spec = importlib.util.spec_from_file_location(f"kafkasim_bridge_{next(_fresh)}", BRIDGE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return lambda msg: json.loads(module.handle(json.dumps(msg)))
