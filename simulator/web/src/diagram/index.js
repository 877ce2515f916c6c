// The cluster diagram as a pure function: snapshot -> SVG text. The same code draws the live
// picture in the page (live.js adds the animations) and the build's pictures in Node
// (prerender.mjs), so the picture before Python is up is the one Python will draw.
//
//   options.parts   which parts to draw: "producers", "brokers", "groups", "legend" (all by default)
//   options.topics  only these topics (names); all by default
//   options.emptyGroups  false: no group column until there is a group (true by default)
//   options.width   px; the layout is made for it, so text keeps its size
import { buildModel } from "./model.js";
import { layoutDiagram } from "./layout.js";
import { renderSvg } from "./svg.js";
import { describe } from "./describe.js";

export { PARTS } from "./model.js";

export function diagramTitle(title) {
  return title ? `Cluster-Diagramm: ${title}` : "Cluster-Diagramm";
}

export function renderDiagram(snapshot, options = {}) {
  const model = buildModel(snapshot, options);
  const layout = layoutDiagram(model, { width: options.width });
  const svg = renderSvg(layout, {
    id: options.id, title: diagramTitle(options.title), description: describe(model),
    css: options.css, standalone: options.standalone,
  });
  return { model, layout, svg };
}
