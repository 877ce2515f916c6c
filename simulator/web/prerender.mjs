// Draws the first picture of every preset at build time: node simulator/web/prerender.mjs <dir>.
// <dir> holds one <preset>.json per preset ({preset, title, diagram, snapshot}, written by
// simulator/build_assets.py from the preset's initial state in kafkasim); next to each this
// writes <preset>.svg with the diagram's style sheet inside, so the file also stands alone
// (print, README). The page shows it while Python loads.
import { readFile, readdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { renderDiagram } from "./src/diagram/index.js";

// The live diagram's width in Material's content column at 1280 px: same width, same picture.
const PRERENDER_WIDTH = 660;

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2];
if (!dir) {
  console.error("Aufruf: node simulator/web/prerender.mjs <Ordner mit den Ausgangslagen>");
  process.exit(2);
}

const css = (await readFile(path.join(here, "src/diagram/diagram.css"), "utf8"))
  .replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s+/g, " ").trim();
const names = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
for (const file of names) {
  const { preset, title, diagram, snapshot } = JSON.parse(await readFile(path.join(dir, file), "utf8"));
  const { svg } = renderDiagram(snapshot, {
    ...(diagram ?? {}), width: PRERENDER_WIDTH, title, id: `kd-${preset}`, css, standalone: true,
  });
  await writeFile(path.join(dir, file.replace(/\.json$/, ".svg")), `${svg}\n`);
}
console.log(`${names.length} Ausgangslagen gezeichnet.`);
