"""The service worker's list of files: everything a reader needs offline, nothing else, each with
the revision and integrity of exactly this build (a wrong byte would make the install fail)."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from classroom.offline import precache_manifest


def integrity(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def test_every_listed_file_is_this_builds(built_site):
    entries = precache_manifest(built_site)
    assert len({entry["url"] for entry in entries}) == len(entries)
    for entry in entries:
        path = built_site / entry["url"]
        assert path.is_file(), entry["url"]
        assert entry["integrity"] == integrity(path), entry["url"]
        assert entry["revision"] == hashlib.md5(path.read_bytes()).hexdigest(), entry["url"]


def test_the_list_holds_pages_search_and_the_simulator(built_site):
    listed = {entry["url"] for entry in precache_manifest(built_site)}
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")} - {"404.html"}
    assert pages <= listed, sorted(pages - listed)
    manifest = json.loads((built_site / "assets" / "kafkasim" / "manifest.json").read_text("utf-8"))
    simulator = {f"assets/kafkasim/{manifest[key]}" for key in ("compiled", "snapshot")}
    pyodide = {p.relative_to(built_site).as_posix() for p in (built_site / "assets" / "kafkasim" / "pyodide").iterdir()}
    needed = simulator | pyodide | {
        "search/search_index.json", "assets/kurs/kurs.js", "assets/kurs/kurs.css", "assets/kurs/quiz.js", "assets/kurs/fortschritt.json",
        "assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/kafkasim/js/worker.js", "assets/kafkasim/manifest.json"}
    assert needed <= listed, sorted(needed - listed)


def test_the_list_leaves_out_what_no_reader_loads(built_site):
    listed = {entry["url"] for entry in precache_manifest(built_site)}
    manifest = json.loads((built_site / "assets" / "kafkasim" / "manifest.json").read_text("utf-8"))
    assert f"assets/kafkasim/{manifest['wheel']}" not in listed  # the precompiled archive is loaded instead
    assert not [url for url in listed if url.endswith(".map") or url.startswith("sitemap") or url == "404.html"]
    assert not [url for url in listed if "lunr" in url and not url.endswith(("lunr.de.min.js", "lunr.stemmer.support.min.js"))]
    assert "sw.js" not in listed
