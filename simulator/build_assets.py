"""Builds the simulator's browser assets into the course's docs folder.

Everything the page loads is copied from pinned npm/PyPI packages here, at build time, so the
site makes no request to any other host. The output folder is generated and never committed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def copy_pyodide(out: Path) -> None:
    src = ROOT / "node_modules" / "pyodide"
    dest = out / "pyodide"
    dest.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        target = dest / name
        if not target.exists() or target.stat().st_mtime < (src / name).stat().st_mtime:
            shutil.copy2(src / name, target)


def build_wheel(out: Path) -> str:
    """Builds the pure-Python kafkasim wheel that the worker installs into Pyodide."""
    dest = out / "wheels"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(dest), str(ROOT / "simulator")],
        check=True,
    )
    (wheel,) = dest.glob("kafkasim-*.whl")
    return wheel.name


def precompile(out: Path, wheel: str) -> str | None:
    """The wheel with Pyodide's bytecode beside the sources, so the browser skips compiling.

    Optional: if Pyodide cannot run under Node here, the page installs the plain wheel.
    """
    target = out / "wheels" / wheel.replace(".whl", "-pyodide.zip")
    try:
        subprocess.run(["node", str(ROOT / "simulator" / "web" / "precompile.mjs"), str(out / "wheels" / wheel),
                        str(target)], check=True, capture_output=True, text=True, timeout=180)
    except (subprocess.SubprocessError, OSError) as error:
        print(f"Hinweis: Bytecode für Pyodide nicht erzeugt ({error}); die Seite nutzt das Wheel.")
        return None
    return f"wheels/{target.name}"


def snapshot(out: Path, compiled: str) -> str | None:
    """A memory snapshot of Pyodide with kafkasim imported (snapshot.mjs), so the page skips the
    interpreter's start-up. Optional: without it the page boots Pyodide normally."""
    target = out / "pyodide-kafkasim.bin.gz"
    try:
        subprocess.run(["node", str(ROOT / "simulator" / "web" / "snapshot.mjs"), str(out / compiled),
                        str(ROOT / "simulator" / "web" / "src" / "bridge.py"), str(target)],
                       check=True, capture_output=True, text=True, timeout=180)
    except (subprocess.SubprocessError, OSError) as error:
        print(f"Hinweis: kein Speicherabbild von Pyodide erzeugt ({error}); die Seite startet Pyodide normal.")
        target.unlink(missing_ok=True)
        return None
    return target.name


def bundle_front_end(out: Path) -> None:
    """esbuild (from npm) bundles the page script, the worker, CodeMirror, uPlot and the CSS."""
    shutil.rmtree(out / "js", ignore_errors=True)
    subprocess.run(["node", str(ROOT / "simulator" / "web" / "build.mjs"), str(out)], check=True)


def copy_labs(out: Path) -> None:
    """The editor presets are the course's tested lab scripts and the Labor's starter scripts, byte for byte."""
    dest = out / "labs"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    scripts = [*(ROOT / "backend" / "labs").glob("*.py"), *(ROOT / "docs_src" / "labor").glob("*.py")]
    for script in sorted(scripts):
        if script.name != "__init__.py":
            shutil.copy2(script, dest / script.name)


def initial_states(out: Path) -> Path:
    """Each preset's initial state, set up by kafkasim here on CPython through the worker's own
    bridge.py (the same code and seed the page runs on Pyodide), as bilder/<preset>.json."""
    dest = out / "bilder"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    presets_js = (ROOT / "simulator" / "web" / "src" / "presets.js").as_uri()
    script = f"import({json.dumps(presets_js)}).then((m) => console.log(JSON.stringify(m.PRESETS)))"
    presets = json.loads(subprocess.run(["node", "--input-type=module", "-e", script],
                                        check=True, capture_output=True, text=True, timeout=60).stdout)
    spec = importlib.util.spec_from_file_location("kafkasim_bridge_build", ROOT / "simulator" / "web" / "src" / "bridge.py")
    bridge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bridge)
    snapshot_records = int(re.search(r"SNAPSHOT_RECORDS = (\d+)",
                                      (ROOT / "simulator" / "web" / "src" / "protocol.js").read_text("utf-8"))[1])
    for name, preset in presets.items():
        setup = {k: preset[k] for k in ("brokers", "seed", "config", "setup") if k in preset}
        reply = json.loads(bridge.handle(json.dumps({"type": "init", "sim": name, "preset": setup,
                                                     "maxRecords": snapshot_records})))
        if not reply["ok"]:
            raise SystemExit(f"Szenario {name} lässt sich nicht einrichten: {reply['error']}")
        state = {"preset": name, "title": preset.get("title"), "diagram": preset.get("diagram"),
                 "snapshot": reply["snapshot"]}
        (dest / f"{name}.json").write_text(json.dumps(state, ensure_ascii=False), "utf-8")
    return dest


def draw_initial_states(out: Path) -> None:
    """The first picture of every preset as SVG (prerender.mjs): the page shows it as soon as the
    simulator is in view, before Python is up; print and README can use the files as they are."""
    dest = initial_states(out)
    subprocess.run(["node", str(ROOT / "simulator" / "web" / "prerender.mjs"), str(dest)], check=True)


# Everything the assets are made from; when none of it changed, a rebuild would produce the same
# files, so `make serve` and `make test` skip the ~90 s build (the stamp lives in the output folder,
# so deleting that folder always rebuilds).
INPUTS = (
    "simulator/pyproject.toml", "simulator/build_assets.py", "package-lock.json",
    "simulator/kafkasim", "simulator/web", "backend/labs", "docs_src/labor",
)
STAMP = ".inputs.sha256"


def fingerprint() -> str:
    digest = hashlib.sha256()
    for entry in INPUTS:
        path = ROOT / entry
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts or "node_modules" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def up_to_date(out: Path, inputs: str) -> bool:
    stamp = out / STAMP
    return (out / "manifest.json").exists() and stamp.exists() and stamp.read_text().strip() == inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "kafkasim")
    parser.add_argument("--force", action="store_true", help="auch bauen, wenn sich nichts geändert hat")
    args = parser.parse_args()
    out = args.out if args.out.is_absolute() else ROOT / args.out
    inputs = fingerprint()
    if not args.force and up_to_date(out, inputs):
        print(f"Simulator-Assets sind aktuell: {out.relative_to(ROOT)}")
        return
    out.mkdir(parents=True, exist_ok=True)
    (out / STAMP).unlink(missing_ok=True)
    copy_pyodide(out)
    wheel = build_wheel(out)
    compiled = precompile(out, wheel)
    restored = snapshot(out, compiled) if compiled else None
    bundle_front_end(out)
    copy_labs(out)
    draw_initial_states(out)
    # The page reads this manifest to find the package without hard-coding its version.
    manifest = {"wheel": f"wheels/{wheel}"}
    if compiled:
        manifest["compiled"] = compiled
    if restored:
        manifest["snapshot"] = restored
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    (out / STAMP).write_text(inputs + "\n")
    print(f"Simulator-Assets gebaut: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
