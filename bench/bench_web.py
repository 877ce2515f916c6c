"""Benchmark of the simulator in the page, in Debian's Chromium (headless), in one run.

Measures, cold (fresh browser context) and warm (same context, second visit):
  navigation -> first contentful paint, -> first drawn cluster diagram (the build's picture),
  -> data-sim-state=ready, -> first result of the preset script ("Ausführen" on the lab
  producer); the simulator entering the viewport -> its first drawn diagram, for a simulator in
  view at load and for one the reader scrolls to; the bare Pyodide boot in the same browser (a
  minimal page whose module worker loads the same pyodide.mjs and evaluates 1+1); main-thread
  long tasks while a cluster with 24 partitions and 6 consumers plays at 10x speed with the
  diagram in view; and the simulator's height on the start page at 1280x800.

Usage: .venv/bin/python bench/bench_web.py [--runs N]   (needs `make assets` first)
Targets: text visible < 0.5 s; diagram drawn < 0.5 s after the simulator enters the viewport;
ready <= 1.2 x bare Pyodide boot; no long task > 50 ms.
"""

from __future__ import annotations

import argparse
import functools
import os
import http.server
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SUBPATH = "kafka-kurs"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

BARE_PAGE = """<!doctype html><html lang="de"><meta charset="utf-8"><title>Pyodide</title><body>
<p id="out">…</p>
<script type="module">
const worker = new Worker("bench-bare-worker.js", { type: "module" });
worker.onmessage = (e) => { window.bareDone = performance.now(); document.getElementById("out").textContent = e.data; };
</script></body></html>"""
# The same module-worker set-up as the simulator's, minus kafkasim.
BARE_WORKER = """const index = new URL("pyodide/", import.meta.url).href;
const { loadPyodide } = await import(index + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: index });
self.postMessage(pyodide.runPython("1+1"));
"""

# Records when the simulator becomes ready, enters the viewport and first shows a diagram,
# relative to navigation start.
READY_PROBE = """
window.simSeenAt = null;
window.simDrawnAt = null;
new MutationObserver(() => {
  const el = document.querySelector('div.kafkasim');
  if (el && !el.benchWatched) {
    el.benchWatched = true;
    new IntersectionObserver((entries) => {
      if (!window.simSeenAt && entries.some((e) => e.isIntersecting)) window.simSeenAt = performance.now();
    }).observe(el);
  }
  if (!window.simDrawnAt && !window.simDrawing && document.querySelector('div.kafkasim svg.ksim-diagram')) {
    window.simDrawing = true; // the frame that paints it
    requestAnimationFrame(() => { window.simDrawnAt = performance.now(); });
  }
}).observe(document, {subtree: true, childList: true});
new MutationObserver(() => {
  const el = document.querySelector('div.kafkasim[data-sim-state=ready]');
  if (el && !window.simReadyAt) window.simReadyAt = performance.now();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-sim-state']});
window.longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
  .observe({type: 'longtask', buffered: true});
// Long animation frames name their scripts: the theme's own JS is told apart from the simulator's.
window.longFrames = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.blockingDuration <= 0) continue;
    const ours = e.scripts.some((s) => (s.sourceURL || s.invoker || '').includes('/assets/kafkasim/'));
    window.longFrames.push({duration: e.duration, blocking: e.blockingDuration, ours});
  }
}).observe({type: 'long-animation-frame', buffered: true});
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


def build_site(webroot: Path) -> Path:
    site = webroot / SUBPATH
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, check=True, capture_output=True)
    # A real course page with the lab simulator first in the article.
    source = next(p for p in sorted(site.glob("*/index.html")) if 'class="kafkasim"' not in p.read_text("utf-8"))
    html = source.read_text("utf-8")
    html = re.sub(r"(<article[^>]*>)", r'\1<div class="kafkasim" data-preset="labor-producer"></div>', html, count=1)
    (source.parent / "bench-simulator.html").write_text(html, "utf-8")
    # The same simulator far below the fold: the reader scrolls to it.
    below = re.sub(r"(<article[^>]*>)", r'\1<div style="height:4000px"></div><div class="kafkasim" data-preset="replikation" data-code="off"></div>',
                   source.read_text("utf-8"), count=1)
    (source.parent / "bench-simulator-below.html").write_text(below, "utf-8")
    (site / "assets" / "kafkasim" / "bench-bare.html").write_text(BARE_PAGE, "utf-8")
    (site / "assets" / "kafkasim" / "bench-bare-worker.js").write_text(BARE_WORKER, "utf-8")
    return source.parent / "bench-simulator.html"


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser context closed mid-download (the next visit starts cold): not a result


def serve(webroot: Path):
    server = QuietServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(webroot)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def visit_simulator(page, url: str) -> dict:
    page.goto(url)
    page.wait_for_function("() => window.simReadyAt", timeout=120_000)
    fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime")
    ready = page.evaluate("window.simReadyAt")
    drawn = page.evaluate("window.simDrawnAt")
    seen_to_drawn = page.evaluate("Math.max(0, window.simDrawnAt - window.simSeenAt)")
    page.wait_for_function(
        "() => document.querySelector('div.kafkasim .ksim-editor')?.editorView?.state.doc.length > 100", timeout=30_000)
    page.locator("div.kafkasim .ksim-run").click()
    page.wait_for_function(
        "() => document.querySelector('div.kafkasim .ksim-output').textContent.includes('Partition')", timeout=60_000)
    first_result = page.evaluate("performance.now()")
    long_tasks = page.evaluate("window.longTasks")
    frames = page.evaluate("window.longFrames")
    # Boot phases (epoch ms from the worker and the page) relative to navigation start.
    phases = page.evaluate("""() => {
        const p = document.querySelector('div.kafkasim').kafkasim.bootPhases;
        return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v - performance.timeOrigin]));
    }""")
    boot = page.evaluate("document.querySelector('div.kafkasim').dataset.simBoot")
    return {"fcp": fcp, "ready": ready, "drawn": drawn, "seen_to_drawn": seen_to_drawn, "result": first_result, "load_long_tasks": long_tasks,
            "load_frames": frames, "phases": phases, "boot": boot}


def visit_below(page, url: str) -> float:
    """A simulator 4000 px down: the reader scrolls there once the page has settled."""
    page.goto(url)
    page.wait_for_timeout(1_500)
    assert page.evaluate("!window.simDrawnAt"), "nothing is drawn before the reader comes near"
    page.evaluate("document.querySelector('div.kafkasim').scrollIntoView({block: 'center'})")
    page.wait_for_function("() => window.simDrawnAt && window.simSeenAt", timeout=30_000)
    return page.evaluate("Math.max(0, window.simDrawnAt - window.simSeenAt)")


def start_page_height(browser, url: str) -> dict:
    """Height of the start page's simulator at 1280x800: placeholder with picture, then live."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(READY_PROBE)
    page = context.new_page()
    page.goto(url)
    page.evaluate("document.querySelector('div.kafkasim').scrollIntoView()")
    page.wait_for_function("() => window.simDrawnAt", timeout=30_000)
    before = page.evaluate("document.querySelector('div.kafkasim').getBoundingClientRect().height")
    page.wait_for_function("() => window.simReadyAt", timeout=120_000)
    page.wait_for_timeout(1_000)
    live = page.evaluate("document.querySelector('div.kafkasim').getBoundingClientRect().height")
    picture = page.evaluate("document.querySelector('div.kafkasim svg.ksim-diagram').getBoundingClientRect().height")
    context.close()
    return {"loading": before, "live": live, "diagram": picture}


def visit_bare(page, url: str) -> float:
    page.goto(url)
    page.wait_for_function("() => window.bareDone", timeout=120_000)
    return page.evaluate("window.bareDone")


def animation_long_tasks(page) -> dict:
    """24 partitions, 6 consumers, a fast ticker, 10x speed for 10 s of wall time."""
    page.evaluate("""async () => {
        const sim = document.querySelector('div.kafkasim').kafkasim;
        await sim.act({op: 'create_topic', name: 'kurse24', partitions: 24, replication_factor: 1, config: {}});
        await sim.act({op: 'start_ticker', topic: 'kurse24', rate_per_s: 50});
        for (let i = 1; i <= 6; i++) await sim.act({op: 'add_consumer', group_id: 'depot24', topics: ['kurse24'], client_id: `aktionaer-${i}`});
        sim.speed = 10;
        // The diagram in view (flights are drawn only there), and its drawings counted.
        sim.diagram.element.scrollIntoView({block: 'start'});
        window.flights = 0;
        window.drawings = 0;
        new MutationObserver((changes) => { for (const c of changes) window.flights += c.addedNodes.length; })
          .observe(sim.diagram.element.querySelector('.kd-flow'), {childList: true});
        new MutationObserver(() => { window.drawings += 1; })
          .observe(sim.diagram.element, {attributes: true, attributeFilter: ['data-drawn-at']});
        // The diagram's own script time per drawing, to tell it from the text panels' work.
        window.drawMs = [];
        const draw = sim.diagram.draw.bind(sim.diagram);
        sim.diagram.draw = () => { const t = performance.now(); draw(); window.drawMs.push(performance.now() - t); };
        window.frameScripts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.blockingDuration > 0) for (const s of e.scripts) window.frameScripts.push([s.invoker, s.duration]);
        }).observe({type: 'long-animation-frame'});
        window.longTasks = [];
        window.longFrames = [];
        sim.setPlaying(true);
    }""")
    page.wait_for_timeout(10_000)
    result = page.evaluate("""() => {
        const sim = document.querySelector('div.kafkasim').kafkasim;
        sim.setPlaying(false);
        const t = sim.snapshot.topics.find((t) => t.name === 'kurse24');
        const g = sim.snapshot.groups.find((g) => g.group_id === 'depot24');
        return {tasks: window.longTasks, frames: window.longFrames, partitions: t.partitions.length, members: g.members.length,
                sim_ms: sim.snapshot.now_ms, records: t.partitions.reduce((s, p) => s + p.log_end_offset, 0),
                flights: window.flights, drawings: window.drawings, draw_ms: window.drawMs, frame_scripts: window.frameScripts};
    }""")
    return result


def fmt(ms):
    return "–" if ms is None else f"{ms / 1000:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Wiederholungen (Median wird berichtet)")
    args = parser.parse_args()
    if not (ROOT / "docs" / "assets" / "kafkasim" / "manifest.json").exists():
        sys.exit("Simulator-Assets fehlen: bitte zuerst `make assets`.")
    webroot = Path(tempfile.mkdtemp(prefix="bench-web-"))
    try:
        page_file = build_site(webroot)
        server = serve(webroot)
        base = f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
        sim_url = base + page_file.relative_to(webroot / SUBPATH).as_posix()
        below_url = sim_url.replace("bench-simulator.html", "bench-simulator-below.html")
        bare_url = base + "assets/kafkasim/bench-bare.html"
        rows = {k: [] for k in ("cold", "warm")}
        bare = {k: [] for k in ("cold", "warm")}
        below = {k: [] for k in ("cold", "warm")}
        animation = None
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                for kind, visit, sink in (("sim", visit_simulator, rows), ("bare", visit_bare, bare)):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    if kind == "sim":
                        context.add_init_script(READY_PROBE)
                    page = context.new_page()
                    url = sim_url if kind == "sim" else bare_url
                    sink["cold"].append(visit(page, url))
                    sink["warm"].append(visit(page, url))
                    if kind == "sim" and animation is None:
                        animation = animation_long_tasks(page)
                    context.close()
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_init_script(READY_PROBE)
                page = context.new_page()
                below["cold"].append(visit_below(page, below_url))
                below["warm"].append(visit_below(page, below_url))
                context.close()
            heights = start_page_height(browser, base)
            browser.close()
        server.shutdown()
    finally:
        shutil.rmtree(webroot, ignore_errors=True)

    med = statistics.median
    print(f"Simulator im Browser – Median aus {args.runs} Läufen (Chromium headless, {sys.platform})")
    print(f"{'':28}{'kalt':>10}{'warm':>10}")
    for label, key in (("erster Inhalt (FCP)", "fcp"), ("erstes Cluster-Diagramm", "drawn"), ("Simulator bereit", "ready"),
                       ("erstes Skript-Ergebnis", "result")):
        print(f"{label:28}{fmt(med([r[key] for r in rows['cold']])):>10}{fmt(med([r[key] for r in rows['warm']])):>10}")
    print("Vom Eintritt in den Sichtbereich bis zum ersten Diagramm (Ziel < 0,5 s):")
    print(f"{'  sichtbar beim Laden':28}{fmt(med([r['seen_to_drawn'] for r in rows['cold']])):>10}"
          f"{fmt(med([r['seen_to_drawn'] for r in rows['warm']])):>10}")
    print(f"{'  hingescrollt':28}{fmt(med(below['cold'])):>10}{fmt(med(below['warm'])):>10}")
    print(f"{'Pyodide allein (1+1)':28}{fmt(med(bare['cold'])):>10}{fmt(med(bare['warm'])):>10}")
    for kind in ("cold", "warm"):
        ratio = med([r["ready"] for r in rows[kind]]) / med(bare[kind])
        print(f"bereit / Pyodide allein ({'kalt' if kind == 'cold' else 'warm'}): {ratio:.2f} (Ziel ≤ 1,20)")
    boots = [r["boot"] for kind in ("cold", "warm") for r in rows[kind]]
    print(f"Start aus dem Speicherabbild (snapshot.mjs): {boots.count('snapshot')} von {len(boots)} Besuchen")
    for kind in ("cold", "warm"):
        worker = med([r["phases"]["runtime"] for r in rows[kind]])
        runtime = med([r["phases"]["package"] - r["phases"]["runtime"] for r in rows[kind]])
        after = med([r["phases"]["initialised"] - r["phases"]["package"] for r in rows[kind]])
        print(f"  Phasen ({'kalt' if kind == 'cold' else 'warm'}): Worker startet nach {fmt(worker)}, "
              f"Pyodide lädt {fmt(runtime)}, kafkasim + Szenario + Zeichnen {fmt(after)}")
    load_tasks = [t for r in rows["cold"] + rows["warm"] for t in r["load_long_tasks"]]
    load_frames = [f for r in rows["cold"] + rows["warm"] for f in r["load_frames"]]
    ours = [f["blocking"] for f in load_frames if f["ours"]]
    print(f"Long Tasks beim Laden (Hauptthread, alle Besuche): {len(load_tasks)}, längster {max(load_tasks, default=0):.0f} ms; "
          f"davon mit Skripten des Simulators (Long Animation Frames): {len(ours)}, "
          f"längste Blockade {max(ours, default=0):.0f} ms – der Rest ist das JavaScript des Themes")
    tasks = animation["tasks"]
    ours = [f["blocking"] for f in animation["frames"] if f["ours"]]
    print(f"Animation: {animation['partitions']} Partitionen, {animation['members']} Consumer, "
          f"{animation['records']} Datensätze, {animation['sim_ms'] / 1000:.0f} s simuliert in 10 s")
    print(f"Long Tasks > 50 ms während der Animation: {len(tasks)}, längster {max(tasks, default=0):.0f} ms (Ziel: keiner); "
          f"Frames mit Blockade durch den Simulator: {len(ours)}")
    draws = sorted(animation["draw_ms"]) or [0]
    print(f"  Diagramm dabei {animation['drawings']}-mal neu gezeichnet (Skript je Zeichnung: Median {med(draws):.0f} ms, "
          f"längste {draws[-1]:.0f} ms), {animation['flights']} Flüge und Markierungen")
    by_invoker = {}
    for invoker, duration in animation["frame_scripts"]:
        kind = {"FrameRequestCallback": "Diagramm (requestAnimationFrame)", "TimerHandler:setTimeout": "Textpanels (setTimeout)",
                "Worker.onmessage": "Antwort des Workers (applyView)"}.get(invoker, invoker)
        by_invoker[kind] = max(by_invoker.get(kind, 0), duration)
    print("  längste Skripte in blockierenden Frames: " + ", ".join(f"{k} {v:.0f} ms" for k, v in sorted(by_invoker.items())))
    print(f"Startseite bei 1280×800: Simulator beim Laden (Bild aus dem Build) {heights['loading']:.0f} px hoch, "
          f"fertig {heights['live']:.0f} px, davon Diagramm {heights['diagram']:.0f} px")
    print(f"Last der Maschine beim Messen (loadavg 1 min): {os.getloadavg()[0]:.1f} auf {os.cpu_count()} Kernen")


if __name__ == "__main__":
    main()
