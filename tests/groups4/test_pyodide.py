"""The groups model runs in the browser's Python (Pyodide under Node) and prints the real broker's
facts there too: the page's controls will call it in the reader's browser."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.groups4.scenarios import SCENARIO_DIR, recorded_facts

ROOT = Path(__file__).resolve().parents[2]


def test_a_share_and_a_consumer_protocol_scenario_in_pyodide(tmp_path):
    assert shutil.which("node"), "Node.js fehlt (wird für Pyodide gebraucht)"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "npm ci fehlt: node_modules/pyodide gibt es nicht"
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(ROOT / "simulator" / "pyproject.toml", source)
    shutil.copytree(ROOT / "simulator" / "kafkasim", source / "kafkasim", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(wheels), str(source)], check=True, timeout=120)
    (wheel,) = wheels.glob("kafkasim-*.whl")
    for name in ("share_lock_expiry", "consumer_uniform"):
        scenario = SCENARIO_DIR / f"{name}.steps"
        done = subprocess.run(["node", str(Path(__file__).with_name("pyodide_scenario.mjs")), str(wheel), str(scenario)],
                              capture_output=True, text=True, timeout=180, cwd=ROOT)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout == recorded_facts(scenario), done.stdout
