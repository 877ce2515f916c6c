// Bundles the simulator's front-end with esbuild: node simulator/web/build.mjs <out dir>.
// main.js is tiny and loads on every course page; everything else is split into chunks that
// load only when a page has a simulator. The worker is its own entry (a module worker).
import { build } from "esbuild";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { PRESETS } from "./src/presets.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("Aufruf: node simulator/web/build.mjs <Zielordner>");
  process.exit(2);
}

await build({
  entryPoints: [path.join(here, "src/main.js"), path.join(here, "src/worker.js")],
  outdir: path.join(out, "js"),
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  loader: { ".py": "text" },
  chunkNames: "chunk-[hash]",
  logLevel: "warning",
  legalComments: "none",
});

await build({
  entryPoints: [path.join(here, "src/filecheck.js")],
  outfile: path.join(out, "js", "filecheck.js"),
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  logLevel: "warning",
});

await build({
  entryPoints: [path.join(here, "src/simulator.css")],
  outfile: path.join(out, "simulator.css"),
  bundle: true,
  minify: true,
  logLevel: "warning",
});

// Each preset's title for the pages' print version (classroom/druckbild.py): a printed page shows
// a note with the title where the live simulator would be. Presets with an exercise also name its
// id, the one its "kafkasim:exercise-solved" event carries (classroom/progress.py counts them).
const titles = Object.fromEntries(Object.entries(PRESETS).map(([id, preset]) =>
  [id, { title: preset.title, ...(preset.exercise ? { exercise: preset.exercise.id } : {}) }]));
await writeFile(path.join(out, "presets.json"), JSON.stringify(titles, null, 2) + "\n");
