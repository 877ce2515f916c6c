"""kafkasim on Pyodide (Python 3.14, WebAssembly) under Node: the wheel installs and scripts run."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_runs_scripts_in_pyodide(tmp_path):
    assert shutil.which("node"), "Node.js fehlt (wird für Pyodide gebraucht)"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "npm ci fehlt: node_modules/pyodide gibt es nicht"
    # Build from a clean copy: a build/ folder left in simulator/ could smuggle stale modules in.
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(ROOT / "simulator" / "pyproject.toml", source)
    shutil.copytree(ROOT / "simulator" / "kafkasim", source / "kafkasim",
                    ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(wheels), str(source)], check=True, timeout=120)
    (wheel,) = wheels.glob("kafkasim-*.whl")
    done = subprocess.run(["node", str(Path(__file__).with_name("pyodide_smoke.mjs")), str(wheel)],
                          capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["version"][0] == 3 and result["version"][1] >= 12
    assert result["error"] is None
    assert result["stdout"].strip() == str([f"v{i}" for i in range(9)])
    assert result["runaway_timed_out"] is True
    assert result["snapshot_bytes"] > 100
    # Pyodide has no threads: starting one is refused at once, in German, naming the way out.
    assert "im Browser" in result["threads_error"] and "python -m kafkasim run" in result["threads_error"]
