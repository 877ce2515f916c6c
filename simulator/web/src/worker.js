// Module worker that owns Python: boots Pyodide from the site, installs the kafkasim wheel and
// answers the page's requests through bridge.py. Pyodide 314 refuses classic workers.
import { PROGRESS, REQ } from "./protocol.js";
import bridgeSource from "./bridge.py";

// All asset URLs are relative to this module, so the site works under any sub-path.
const ASSETS = new URL("../", import.meta.url);
let handle = null;

// `at` is absolute (epoch ms), so the page and the benchmark can line up the boot phases.
function progress(stage, fraction, label) {
  self.postMessage({ type: PROGRESS, stage, fraction, label, at: performance.timeOrigin + performance.now() });
}

// The build's precompiled archive (sources + Pyodide bytecode) if there is one, else the wheel.
async function fetchPackage() {
  const manifest = await (await fetch(new URL("manifest.json", ASSETS))).json();
  const url = new URL(manifest.compiled ?? manifest.wheel, ASSETS);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`kafkasim-Paket fehlt (${response.status})`);
  return { data: await response.arrayBuffer(), format: manifest.compiled ? "zip" : "wheel" };
}

async function boot() {
  progress("runtime", 0.05, "Python-Laufzeit wird geladen …");
  // The wheel downloads while the interpreter boots.
  const pkg = fetchPackage();
  const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", ASSETS).href);
  progress("loader", 0.15, "Python-Laufzeit wird gestartet …");
  const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", ASSETS).href });
  progress("package", 0.85, "Simulator-Paket wird installiert …");
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  const { data, format } = await pkg;
  pyodide.unpackArchive(data, format, { extractDir: sitePackages });
  pyodide.FS.writeFile("/home/pyodide/kafkasim_bridge.py", bridgeSource);
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
  progress("import", 0.95, "Simulator wird gestartet …");
  handle = pyodide.pyimport("kafkasim_bridge").handle;
  progress("ready", 1, "Bereit");
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
