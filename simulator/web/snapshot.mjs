// Makes a memory snapshot of a booted Pyodide with kafkasim and the page bridge already imported:
//   node simulator/web/snapshot.mjs <kafkasim-pyodide.zip> <bridge.py> <out.bin.gz>
// Restoring it in the browser skips the interpreter's start-up and the imports, which take most
// of a Pyodide boot (bench/bench_web.py). Pyodide checks the snapshot's build id when it loads
// it, and the worker falls back to a normal boot if anything about it is wrong.
// `_makeSnapshot`/`_loadSnapshot` are Pyodide's private options; the pinned version is tested.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const [archive, bridge, out] = process.argv.slice(2);
if (!archive || !bridge || !out) {
  console.error("Aufruf: node simulator/web/snapshot.mjs <kafkasim-pyodide.zip> <bridge.py> <ziel.bin.gz>");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const indexURL = path.join(here, "..", "..", "node_modules", "pyodide") + path.sep;
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
// The environment the page sees: no variables from the build machine end up in the snapshot.
const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true, env: { HOME: "/home/pyodide" } });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(archive)), "zip", { extractDir: sitePackages });
pyodide.FS.writeFile("/home/pyodide/kafkasim_bridge.py", fs.readFileSync(bridge, "utf8"));
// Everything a first "Ausführen" needs is imported too; importing `js` would make the snapshot
// impossible, and neither kafkasim nor the bridge does.
pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide")
import kafkasim_bridge, kafkasim.runner, kafkasim.kafka, kafkasim.kafka.admin, kafkasim.kafka.errors
`);
const snapshot = pyodide.makeMemorySnapshot();
fs.writeFileSync(out, zlib.gzipSync(snapshot, { level: 9 }));
