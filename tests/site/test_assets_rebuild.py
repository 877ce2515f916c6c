"""`make serve` and `make test` call `make assets` every time; the build is skipped only when none of
its inputs changed, so an edited simulator or lab script is never served stale."""

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def build_assets(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("build_assets_under_test", ROOT / "simulator" / "build_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for entry in module.INPUTS:
        source, target = ROOT / entry, tmp_path / entry
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        else:
            shutil.copy2(source, target)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    return module


def test_unchanged_inputs_skip_and_every_edit_rebuilds(build_assets, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("{}")
    (out / build_assets.STAMP).write_text(build_assets.fingerprint())
    assert build_assets.up_to_date(out, build_assets.fingerprint())

    for edited in ("simulator/kafkasim/cluster.py", "simulator/web/src/app/session.js", "backend/labs/boerse_producer.py",
                   "package-lock.json"):
        path = tmp_path / edited
        if not path.exists():
            path = next((tmp_path / Path(edited).parent).glob("*.py"))
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert not build_assets.up_to_date(out, build_assets.fingerprint()), edited
        path.write_bytes(original)
        assert build_assets.up_to_date(out, build_assets.fingerprint()), edited

    (out / "manifest.json").unlink()
    assert not build_assets.up_to_date(out, build_assets.fingerprint()), "a half-built folder must rebuild"
