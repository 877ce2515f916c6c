// The course's own script on every page (built to assets/kurs/kurs.js by build.mjs): records solved
// exercises, fills the page "Ihr Fortschritt", takes care of offline use and names what Material
// leaves unnamed.
// It is small and loads on every page; the progress page's view and Workbox's window library come
// in their own chunks, only where and when they are needed.
import { startOffline } from "./offline.js";
import { collect, exportData, listenForExercises, resetAll } from "./progress-store.js";
import { nameAnnotations } from "../../theme/annotation-names.js";

// The site's root, whatever sub-path the course is served under.
const root = new URL("../../", import.meta.url);

listenForExercises();
nameAnnotations();
const view = document.getElementById("kurs-fortschritt");
// The store is handed over rather than imported there: shared, it would become a chunk of its own
// that every page loads before this script can run.
if (view) import("./progress-page.js").then(({ showProgressPage }) => showProgressPage(view, root, { collect, exportData, resetAll }));
// Built pages carry this mark (classroom/offline.py); pages of `mkdocs serve` do not, so that a copy
// of this script left in the browser's HTTP cache by a build never registers a worker there.
if (document.querySelector('meta[name="kurs-offline"]')) startOffline(root);
