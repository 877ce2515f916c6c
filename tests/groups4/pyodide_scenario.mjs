// Loads Pyodide from node_modules, installs the kafkasim wheel (argv[2]) and runs the group scenario
// given as a .steps file (argv[3]) with kafkasim.groups4.scenario; prints the facts it printed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { loadPyodide } from "pyodide";

const require = createRequire(import.meta.url);
const pyodide = await loadPyodide({ indexURL: dirname(require.resolve("pyodide/package.json")) });
pyodide.FS.writeFile("/tmp/kafkasim.whl", readFileSync(process.argv[2]));
pyodide.FS.writeFile("/tmp/scenario.steps", readFileSync(process.argv[3]));
const out = await pyodide.runPythonAsync(`
import site, zipfile
zipfile.ZipFile("/tmp/kafkasim.whl").extractall(site.getsitepackages()[0])
from kafkasim.groups4.scenario import run_file
run_file("/tmp/scenario.steps")
`);
process.stdout.write(out);
