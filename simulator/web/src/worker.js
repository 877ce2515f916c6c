// Module worker that owns Python: boots Pyodide from the site, installs the kafkasim wheel and
// answers the page's requests through bridge.py. Pyodide 314 refuses classic workers.
import { PROGRESS, REQ } from "./protocol.js";
import bridgeSource from "./bridge.py";

// All asset URLs are relative to this module, so the site works under any sub-path.
const ASSETS = new URL("../", import.meta.url);
let handle = null;

// `at` is absolute (epoch ms), so the page and the benchmark can line up the boot phases.
function progress(stage, fraction, label, extra = {}) {
  self.postMessage({ type: PROGRESS, stage, fraction, label, at: performance.timeOrigin + performance.now(), ...extra });
}

// The build's precompiled archive (sources + Pyodide bytecode) if there is one, else the wheel.
async function fetchPackage(manifest) {
  const url = new URL(manifest.compiled ?? manifest.wheel, ASSETS);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`kafkasim-Paket fehlt (${response.status})`);
  return { data: await response.arrayBuffer(), format: manifest.compiled ? "zip" : "wheel" };
}

// The build's memory snapshot (snapshot.mjs): Python with kafkasim already imported. Gzipped on
// the server, unpacked here by the browser's own DecompressionStream.
async function fetchSnapshot(manifest) {
  const response = await fetch(new URL(manifest.snapshot, ASSETS));
  if (!response.ok) throw new Error(`Snapshot fehlt (${response.status})`);
  const unpacked = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(unpacked).arrayBuffer());
}

// Restores the snapshot; any problem with it (missing, damaged, from another Pyodide build)
// means a normal boot instead, which only takes longer.
async function restore(loadPyodide, indexURL, manifest) {
  if (!manifest.snapshot) return null;
  const snapshot = fetchSnapshot(manifest);
  snapshot.catch(() => {}); // Pyodide awaits it only after its own first steps
  try {
    return await loadPyodide({ indexURL, _loadSnapshot: snapshot });
  } catch (error) {
    console.warn("kafkasim: Snapshot nicht nutzbar, normaler Start:", error);
    return null;
  }
}

async function boot() {
  progress("runtime", 0.05, "Python-Laufzeit wird geladen …");
  const loader = import(new URL("pyodide/pyodide.mjs", ASSETS).href);
  loader.catch(() => {}); // awaited below
  const manifest = await (await fetch(new URL("manifest.json", ASSETS))).json();
  // The package downloads while the interpreter boots.
  const pkg = fetchPackage(manifest);
  pkg.catch(() => {}); // awaited below
  const { loadPyodide } = await loader;
  progress("loader", 0.15, "Python-Laufzeit wird gestartet …");
  const indexURL = new URL("pyodide/", ASSETS).href;
  const restored = await restore(loadPyodide, indexURL, manifest);
  const pyodide = restored ?? await loadPyodide({ indexURL });
  progress("package", 0.85, "Simulator-Paket wird installiert …");
  // Also after a restore: the snapshot holds Python's memory, not its files, and modules that
  // were not imported yet (and tracebacks) need the sources.
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  const { data, format } = await pkg;
  pyodide.unpackArchive(data, format, { extractDir: sitePackages });
  pyodide.FS.writeFile("/home/pyodide/kafkasim_bridge.py", bridgeSource);
  if (restored) {
    // Every visitor restores the same memory: fresh randomness for this one.
    pyodide.runPython("import random; random.seed()");
  } else {
    pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
  }
  progress("import", 0.95, "Simulator wird gestartet …");
  handle = pyodide.pyimport("kafkasim_bridge").handle;
  progress("ready", 1, "Bereit", { boot: restored ? "snapshot" : "normal" });
}

// Booting starts as soon as the worker exists; the page's BOOT request waits for it.
const booted = boot();
booted.catch(() => {}); // reported through the BOOT answer

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === REQ.BOOT) {
    try {
      await booted;
      self.postMessage({ id: msg.id, ok: true });
    } catch (error) {
      self.postMessage({ id: msg.id, ok: false, error: `Python konnte nicht geladen werden: ${error.message}` });
    }
    return;
  }
  if (!handle) {
    self.postMessage({ id: msg.id, ok: false, error: "Python ist noch nicht geladen." });
    return;
  }
  // JSON text crosses the boundary: cheaper than converting nested Python objects.
  const raw = handle(JSON.stringify(msg));
  self.postMessage({ id: msg.id, raw });
};
