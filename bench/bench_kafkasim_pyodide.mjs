// Runs bench/bench_kafkasim.py inside Pyodide under Node, against the kafkasim wheel that
// simulator/build_assets.py built into docs/assets/kafkasim/wheels/ (run `make assets` first).
//   node bench/bench_kafkasim_pyodide.mjs [--seconds 5] [--rate 200000]
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wheelDir = join(root, "docs", "assets", "kafkasim", "wheels");
let wheels;
try {
  wheels = readdirSync(wheelDir).filter((f) => f.startsWith("kafkasim-") && f.endsWith(".whl"));
} catch {
  wheels = [];
}
if (wheels.length === 0) {
  console.error(`Kein kafkasim-Wheel in ${wheelDir} – bitte zuerst \`make assets\` ausführen.`);
  process.exit(2);
}
const args = process.argv.slice(2);
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });
pyodide.FS.writeFile("/tmp/kafkasim.whl", readFileSync(join(wheelDir, wheels[0])));
pyodide.FS.writeFile("/tmp/bench_kafkasim.py", readFileSync(join(root, "bench", "bench_kafkasim.py")));
pyodide.setStdout({ batched: (line) => console.log(line) });
pyodide.setStderr({ batched: (line) => console.error(line) });
pyodide.globals.set("bench_args", pyodide.toPy(args.length ? args : ["--seconds", "5"]));
// A pure-Python wheel is a zip: unpacking it into site-packages is all an install needs,
// and it avoids micropip, which Pyodide would fetch from a CDN.
await pyodide.runPythonAsync(`
import sys, zipfile, site
target = site.getsitepackages()[0]
zipfile.ZipFile("/tmp/kafkasim.whl").extractall(target)
sys.argv = ["bench_kafkasim.py", *bench_args]
import runpy
runpy.run_path("/tmp/bench_kafkasim.py", run_name="__main__")
`);
