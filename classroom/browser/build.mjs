// Builds the course's browser files into a built site (called by classroom/offline.py after
// `mkdocs build`):  node classroom/browser/build.mjs <site dir> [--no-offline]
//   assets/kurs/kurs.js  the page script (page.js), with chunks loaded only where needed
//   assets/kurs/kurs.css the course's one stylesheet: the simulator's (simulator/web, copied in by
//                        `make assets`), mkdocs-quiz's quiz.css (written there by
//                        theme/quiz_files.py), theme/kurs.css and theme/druck.css, minified
//   assets/kurs/quiz.js  mkdocs-quiz's script (theme/quiz_files.py), minified in place
//   sw.js                the service worker: service-worker.js bundled, with Workbox's list of the
//                        site's files injected; with --no-offline (`mkdocs serve`) retire-worker.js,
//                        which removes a worker that a built copy left on the same address
import { build } from "esbuild";
import { injectManifest } from "workbox-build";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [site, flag] = process.argv.slice(2);
if (!site) {
  console.error("Aufruf: node classroom/browser/build.mjs <site-Ordner> [--no-offline]");
  process.exit(2);
}
const offline = flag !== "--no-offline";

// What a reader may need without a network. Left out: source maps, the sitemaps, 404.html (its links
// point at the web server's root), lunr's other languages, and the plain kafkasim wheel when the
// precompiled archive exists (the simulator then never loads the wheel; see worker.js).
export const PRECACHE = {
  globPatterns: ["**/*.{html,css,js,mjs,json,svg,png,wasm,zip,whl,gz,py}"],
  globIgnores: ["**/*.map", "sitemap.xml*", "404.html", "sw.js",
    "assets/javascripts/lunr/*.js", "assets/javascripts/lunr/min/lunr.!(de|stemmer.support).min.js"],
};

const out = path.join(site, "assets", "kurs");

async function pageScript() {
  // A second run over the same site (classroom/bundle.py) leaves no chunks of the first behind.
  for (const name of await readdir(out).catch(() => [])) {
    if (/^kurs-[A-Z0-9]+\.js$/.test(name)) await rm(path.join(out, name));
  }
  await build({
    entryPoints: { kurs: path.join(here, "page.js") },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2022",
    minify: true,
    chunkNames: "kurs-[hash]",
    logLevel: "warning",
    legalComments: "none",
  });
}

// Fewer, smaller files before the first paint: four stylesheets become one (each render-blocking
// file costs a round trip before the first paint), and the quiz script (44 KB as the plugin ships
// it) shrinks to a third.
async function stylesAndQuiz(scratch) {
  const quizCss = path.join(out, "quiz.css");
  if (!existsSync(quizCss)) return; // a second run over the same site: done already
  const theme = path.join(here, "..", "..", "theme");
  const simulatorCss = path.join(site, "assets", "kafkasim", "simulator.css");
  const entry = path.join(scratch, "kurs.css");
  // The simulator's and mkdocs-quiz's rules first: the course's own (kurs.css) override some of them.
  const parts = [simulatorCss, quizCss, path.join(theme, "kurs.css"), path.join(theme, "druck.css")];
  await writeFile(entry, parts.map((file) => `@import ${JSON.stringify(file)};`).join("\n"));
  await build({ entryPoints: [entry], outfile: path.join(out, "kurs.css"), bundle: true, minify: true, logLevel: "warning" });
  await rm(quizCss);
  await rm(simulatorCss);
  await build({ entryPoints: [path.join(out, "quiz.js")], outfile: path.join(out, "quiz.js"), allowOverwrite: true,
    minify: true, target: "es2020", logLevel: "warning" });
}

// The manifest names the wheel that the simulator loads (simulator/build_assets.py).
async function unusedWheel() {
  try {
    const manifest = JSON.parse(await readFile(path.join(site, "assets", "kafkasim", "manifest.json"), "utf8"));
    return manifest.compiled ? [`assets/kafkasim/${manifest.wheel}`] : [];
  } catch {
    return [];
  }
}

// Subresource integrity for each entry: the service worker refuses a file whose bytes are not
// this build's, so an install never mixes two builds (e.g. during a deployment).
function withIntegrity(directory) {
  return async (entries) => ({
    manifest: await Promise.all(entries.map(async (entry) => {
      const bytes = await readFile(path.join(directory, decodeURIComponent(entry.url)));
      return { ...entry, integrity: `sha384-${createHash("sha384").update(bytes).digest("base64")}` };
    })),
    warnings: [],
  });
}

async function serviceWorker(scratch) {
  const source = path.join(scratch, "sw.js");
  await build({
    entryPoints: [path.join(here, "service-worker.js")],
    outfile: source,
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
    legalComments: "none",
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: source,
    swDest: path.join(site, "sw.js"),
    globDirectory: site,
    globPatterns: PRECACHE.globPatterns,
    globIgnores: [...PRECACHE.globIgnores, ...await unusedWheel()],
    // Pyodide's WebAssembly (9.6 MB) and the memory snapshot (6 MB) are the point of it all.
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    manifestTransforms: [withIntegrity(site)],
  });
  for (const warning of warnings) console.warn(`Hinweis (Service Worker): ${warning}`);
  console.log(`Offline-Cache: ${count} Dateien, ${(size / 1e6).toFixed(1)} MB`);
}

const scratch = await mkdtemp(path.join(tmpdir(), "kurs-browser-"));
try {
  await pageScript();
  await stylesAndQuiz(scratch);
  if (offline) await serviceWorker(scratch);
  else await copyFile(path.join(here, "retire-worker.js"), path.join(site, "sw.js"));
} finally {
  await rm(scratch, { recursive: true, force: true });
}
