// The course's own script on every page (built to assets/kurs/kurs.js by build.mjs): records solved
// exercises, fills the page "Ihr Fortschritt", takes care of offline use and names what Material
// leaves unnamed.
import { startOffline } from "./offline.js";
import { listenForExercises, showProgressPage } from "./progress.js";
import { nameAnnotations } from "../../theme/annotation-names.js";

// The site's root, whatever sub-path the course is served under.
const root = new URL("../../", import.meta.url);

listenForExercises();
nameAnnotations();
const view = document.getElementById("kurs-fortschritt");
if (view) showProgressPage(view, root);
// Built pages carry this mark (classroom/offline.py); pages of `mkdocs serve` do not, so that a copy
// of this script left in the browser's HTTP cache by a build never registers a worker there.
if (document.querySelector('meta[name="kurs-offline"]')) startOffline(root);
