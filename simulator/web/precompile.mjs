// Compiles the kafkasim wheel to Pyodide's own bytecode at build time:
//   node simulator/web/precompile.mjs <wheel> <out.zip>
// The browser would otherwise compile every module on each visit (about a tenth of a second).
// The host Python cannot do this (Pyodide's 3.14 rejects other versions' bytecode), so the
// Pyodide from node_modules does. Unchecked-hash .pyc files stay valid whatever the file times.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [wheel, out] = process.argv.slice(2);
if (!wheel || !out) {
  console.error("Aufruf: node simulator/web/precompile.mjs <wheel> <ziel.zip>");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const indexURL = path.join(here, "..", "..", "node_modules", "pyodide") + path.sep;
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel", { extractDir: sitePackages });
pyodide.runPython(`
import compileall, os, py_compile, site, zipfile
root = site.getsitepackages()[0]
ok = compileall.compile_dir(os.path.join(root, "kafkasim"), quiet=1,
                            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
if not ok:
    raise SystemExit("kafkasim ließ sich nicht kompilieren")
with zipfile.ZipFile("/tmp/bundle.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    for top in os.listdir(root):
        if top == "kafkasim" or (top.startswith("kafkasim-") and top.endswith(".dist-info")):
            for folder, _, files in os.walk(os.path.join(root, top)):
                for name in files:
                    full = os.path.join(folder, name)
                    archive.write(full, os.path.relpath(full, root))
`);
fs.writeFileSync(out, pyodide.FS.readFile("/tmp/bundle.zip"));
