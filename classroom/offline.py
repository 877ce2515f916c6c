"""MkDocs hook: the course's page script (assets/kurs/kurs.js, listed in mkdocs.yml) and, in built
sites, its service worker.

After the build (every other plugin has written its files, e.g. the search index), Node runs
classroom/browser/build.mjs over the site: it bundles the page script (progress, offline status)
into assets/kurs/kurs.js and writes sw.js with Workbox's list of the site's files. `mkdocs serve`
deliberately gets none: authors would see the previous build until a second reload; its sw.js is a
worker that removes one that a build left on the same address (classroom/browser/retire-worker.js).
`make build`, the tests' built site and `make bundle` (classroom/bundle.py) all get one.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[1]
BUILD_SCRIPT = ROOT / "classroom" / "browser" / "build.mjs"
# Workbox writes the list as JSON into the bundled worker, entries with integrity first.
MANIFEST = re.compile(r'\[\{"integrity".*?\}\]')
log = logging.getLogger("mkdocs.hooks.offline")

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def write_browser_files(site_dir: Path, offline: bool = True) -> str:
    """Runs build.mjs over a built site; returns what it printed (the cache's size)."""
    if not shutil.which("node"):
        raise PluginError("Node.js fehlt: Die Kursseiten brauchen es für ihr Skript und den Offline-Cache.")
    if not (ROOT / "node_modules" / "workbox-build").is_dir():
        raise PluginError("npm-Pakete fehlen (workbox-build): bitte `make build` verwenden, es installiert sie.")
    args = ["node", str(BUILD_SCRIPT), str(site_dir)] + ([] if offline else ["--no-offline"])
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise PluginError(f"Offline-Cache konnte nicht gebaut werden:\n{proc.stderr[-3000:]}")
    return proc.stdout.strip()


def precache_manifest(site_dir: Path) -> list[dict]:
    """The service worker's list of files: [{"url", "revision", "integrity"}, …], URLs relative to the site."""
    match = MANIFEST.search((site_dir / "sw.js").read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{site_dir / 'sw.js'} enthält keine Liste der Offline-Dateien.")
    return json.loads(match.group(0))


def on_post_page(output: str, page, config) -> str:
    """Built pages are marked for the page script to register the service worker."""
    if _serving:
        return output
    return output.replace("</head>", '<meta name="kurs-offline" content="service-worker">\n</head>', 1)


# Last: the list of files must see everything that other plugins write after the pages.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    log.info(write_browser_files(Path(config["site_dir"]), offline=not _serving) or "Seitenskript gebaut (ohne Offline-Cache)")
