"""Outside judges: Lighthouse (npm `lighthouse`, pinned) on Debian's Chromium over every page of the
built course and over a bare Material page built the same way (same theme settings, no plugins but
search), both served from this machine under a sub-path by the classroom bundle's server (kurs-starten.py:
gzip, as any web server hosting the course), nothing from the network.

Prints per page the median of each category's score over --runs runs, the median first contentful
paint, largest contentful paint and total blocking time, and the machine's load when measuring:
Lighthouse's performance score simulates a slow phone from the CPU time it observes, so it drops on a
busy machine. Measure when `uptime` is low; compare the course with the bare page of the same run.

Usage: .venv/bin/python bench/bench_lighthouse.py [--runs N] [--pages theorie/ praxis/boerse/ ...]
Targets: performance >= the bare page's (97 when measured for issue 15), accessibility, best
practices and SEO 100.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from classroom.kurs_starten import CourseHandler  # noqa: E402  (the server teachers run)
from tests.fixtures.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one list of flags for all)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT"}

# The bare page: Material with the course's theme settings and a page of plain text, no quizzes,
# no simulator, no extra CSS or JS.
BARE_CONFIG = """site_name: Material ohne Zusätze
site_description: Eine Seite Text mit MkDocs Material, zum Vergleich
theme:
  name: material
  language: de
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: amber
      toggle: {icon: material/weather-night, name: Dunkles Farbschema}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: amber
      toggle: {icon: material/weather-sunny, name: Helles Farbschema}
extra:
  generator: false
plugins:
  - search:
      lang: de
"""
BARE_PAGE = "# Eine Seite Text\n\n" + "\n\n".join(
    f"## Abschnitt {n}\n\nEin Absatz zum Vergleich, so lang wie ein Absatz im Kurs. Er hat keine Links, "
    "keine Bilder und keinen Code, nur Text in der Schrift des Systems, damit das Theme allein gemessen wird."
    for n in range(1, 7)) + "\n"


def build(config: Path, site: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-f", str(config),
                           "--site-dir", str(site)], cwd=config.parent, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if proc.returncode != 0:
        sys.exit(f"mkdocs build schlug fehl ({config}):\n{proc.stderr[-3000:]}")


def course_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if "assets" not in p.parts)


def lighthouse(url: str, keep: Path | None = None) -> dict:
    """One Lighthouse run (its default: a mid-range phone, simulated slow 4G) in a fresh profile;
    with `keep`, its full JSON report is written there (to see which resources cost the time)."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}", "--disable-full-page-screenshot"],
        capture_output=True, text=True, timeout=600, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if proc.returncode != 0:
        raise RuntimeError(f"Lighthouse schlug fehl für {url}:\n{proc.stderr[-2000:]}")
    if keep:
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(proc.stdout, encoding="utf-8")
    report = json.loads(proc.stdout)
    result = {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}
    result.update({m: report["audits"][m]["numericValue"] for m in METRICS})
    # What kept a category below 100: the failing audits that count.
    result["failing"] = sorted({audit["id"] for category in CATEGORIES for audit in report["categories"][category]["auditRefs"]
                                if audit["weight"] > 0 and category != "performance"
                                and (report["audits"][audit["id"]]["score"] or 0) < 1
                                and report["audits"][audit["id"]]["scoreDisplayMode"] not in ("notApplicable", "manual", "informative")})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Läufe je Seite (berichtet wird der Median)")
    parser.add_argument("--pages", nargs="*", help="nur diese Seiten (z. B. theorie/replikation/); Standard: alle")
    parser.add_argument("--json", type=Path, metavar="ORDNER", help="die vollständigen Berichte als JSON hierhin")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse fehlt: bitte `npm ci` (oder `make bench`).")
    if not (ROOT / "docs" / "assets" / "kafkasim" / "manifest.json").exists():
        sys.exit("Simulator-Assets fehlen: bitte zuerst `make assets`.")
    work = Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    try:
        build(ROOT / "mkdocs.yml", work / "www" / "kafka-kurs")
        bare = work / "bare"
        (bare / "docs").mkdir(parents=True)
        (bare / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
        (bare / "docs" / "index.md").write_text(BARE_PAGE, encoding="utf-8")
        build(bare / "mkdocs.yml", work / "www" / "material")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CourseHandler, directory=str(work / "www")))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        pages = args.pages if args.pages else course_pages(work / "www" / "kafka-kurs")
        targets = [("Material ohne Zusätze", base + "material/")] + [(p or "(Start)", base + "kafka-kurs/" + p) for p in pages]
        loads = [os.getloadavg()[0]]
        results: dict[str, list[dict]] = {label: [] for label, _ in targets}
        for run in range(args.runs):
            for label, url in targets:
                keep = args.json / f"{label.strip('()').replace('/', '_') or 'start'}-{run + 1}.json" if args.json else None
                results[label].append(lighthouse(url, keep))
                loads.append(os.getloadavg()[0])
        server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    header = f"{'Seite':34}" + "".join(f"{SHORT[c]:>6}" for c in CATEGORIES) + "".join(f"{name:>9}" for name in METRICS.values())
    print(f"Lighthouse {json.loads((ROOT / 'node_modules' / 'lighthouse' / 'package.json').read_text())['version']} "
          f"(mobiles Profil, simuliert), Median aus {args.runs} Läufen je Seite")
    print(header)
    print("-" * len(header))
    for label, runs in results.items():
        scores = "".join(f"{med(r[c] for r in runs):>6.0f}" for c in CATEGORIES)
        metrics = "".join(f"{med(r[m] for r in runs) / (1 if m == 'total-blocking-time' else 1000):>8.{0 if m == 'total-blocking-time' else 2}f}"
                          f"{'ms' if m == 'total-blocking-time' else 's':<1}" for m in METRICS)
        print(f"{label:34}{scores}{metrics}")
    failing = {label: sorted({a for r in runs for a in r["failing"]}) for label, runs in results.items()}
    for label, audits in failing.items():
        if audits:
            print(f"  {label}: nicht bestanden: {', '.join(audits)}")
    print(f"Last der Maschine (loadavg 1 min) beim Messen: Median {med(loads):.1f}, "
          f"höchstens {max(loads):.1f} auf {os.cpu_count()} Kernen")


if __name__ == "__main__":
    main()
