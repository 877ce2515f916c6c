"""`make bundle`: the built course in one zip archive for a classroom, with a stdlib-only script
that serves it (`python3 kurs-starten.py`) and a short German read-me.

The site inside is built without directory URLs (links end in .html): opened from disk as
file://, every link then leads to a page instead of a folder listing, and each page says at its
top how to start the server (classroom/kurs_paket.js).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from classroom.course import ROOT
from classroom.offline import write_browser_files

HERE = Path(__file__).resolve().parent
TOP = "kafka-kurs"  # the folder the archive unpacks into
PAGE_SCRIPT = "kurs-paket.js"
README = """\
Kafka-Kurs – Klassenzimmer-Paket
================================

Starten (Python 3.8 oder neuer genügt, keine Installation, kein Internet nötig):

    python3 kurs-starten.py          (Windows: py kurs-starten.py)

Der Kurs öffnet sich im Browser unter http://127.0.0.1:8000/. Beenden mit Strg+C.

Im Klassenraum für andere Rechner im selben Netz:

    python3 kurs-starten.py --im-netz

Die Adresse für die Lernenden steht dann im Terminal.

Ohne Server (Doppelklick auf kurs/index.html) lassen sich Texte und Quizfragen lesen;
der Simulator und die Suche brauchen den Server.
"""


def build_site(site_dir: Path) -> None:
    """The course, strict as `make build`, with .html links and the file:// advice."""
    previous = Path.cwd()
    os.chdir(ROOT)  # paths in mkdocs.yml (snippets, quiz translations) are relative to the repository
    try:
        cfg = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), use_directory_urls=False, strict=True)
        cfg.extra_javascript.insert(0, PAGE_SCRIPT)
        build(cfg)
    finally:
        os.chdir(previous)
    shutil.copyfile(HERE / "kurs_paket.js", site_dir / PAGE_SCRIPT)
    # The offline cache (classroom/offline.py) was listed before this script arrived: list it anew.
    # Served on this machine (kurs-starten.py on 127.0.0.1) the course then works without the server
    # after a first visit; to other machines over plain http browsers allow no service worker.
    write_browser_files(site_dir)


def write_archive(site_dir: Path, archive: Path) -> None:
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_suffix(".zip.part")
    def entry(name: str, mode: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(f"{TOP}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
        info.external_attr = mode << 16  # file mode after unzip on Linux and macOS
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(entry("kurs-starten.py", 0o100755), (HERE / "kurs_starten.py").read_bytes())
        zf.writestr(entry("LIESMICH.txt", 0o100644), README)
        for path in sorted(site_dir.rglob("*")):
            # 404.html links with absolute paths for a web server's error page; this one has none.
            if path.is_file() and path != site_dir / "404.html":
                zf.write(path, f"{TOP}/kurs/{path.relative_to(site_dir).as_posix()}")
    partial.replace(archive)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m classroom.bundle",
                                     description="Baut das Klassenzimmer-Paket des Kurses (ein ZIP-Archiv).")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "kafka-kurs-klassenzimmer.zip",
                        help="Archiv (Standard: dist/kafka-kurs-klassenzimmer.zip)")
    args = parser.parse_args(argv)
    if not (ROOT / "docs" / "assets" / "kafkasim" / "manifest.json").exists():
        print("Fehler: Simulator-Dateien fehlen – bitte über `make bundle` starten.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        try:
            build_site(site)
        except Abort as error:
            print(f"Fehler beim Bauen des Kurses: {error}", file=sys.stderr)
            return 1
        write_archive(site, args.out.resolve())
    size = args.out.stat().st_size / 1e6
    print(f"Klassenzimmer-Paket: {args.out} ({size:.0f} MB). Entpacken, dann: python3 {TOP}/kurs-starten.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
