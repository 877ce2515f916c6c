// The code editor: CodeMirror 6 with Python highlighting. Its colours come from simulator.css,
// one set per Material scheme, each with at least 4.5:1 contrast on the code background.
// Tab leaves the editor (keyboard users must not be trapped); indentation follows Enter, and Ctrl-] / Ctrl-[ indent by hand.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";

const materialHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--ksim-hl-keyword)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--ksim-hl-string)" },
  { tag: tags.comment, color: "var(--ksim-hl-comment)", fontStyle: "italic" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--ksim-hl-number)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--ksim-hl-function)" },
  { tag: [tags.className, tags.definition(tags.variableName)], color: "var(--ksim-hl-constant)" },
  { tag: tags.operator, color: "var(--ksim-hl-operator)" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--md-code-bg-color)", color: "var(--md-code-fg-color)", fontSize: ".8rem" },
  ".cm-content": { fontFamily: "var(--md-code-font-family, monospace)", caretColor: "var(--md-code-fg-color)" },
  ".cm-gutters": { backgroundColor: "var(--md-code-bg-color)", color: "var(--ksim-muted)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--md-code-hl-color--light, rgba(128,128,128,.1))" },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)" },
});

export function createEditor(parent, doc, { label, onRun, onChange = () => {} }) {
  return new EditorView({
    parent,
    doc,
    extensions: [
      basicSetup,
      python(),
      syntaxHighlighting(materialHighlight),
      theme,
      EditorView.lineWrapping, // no sideways scrolling, also at phone width
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }])),
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorView.updateListener.of((update) => { if (update.docChanged) onChange(update.state.doc.toString()); }),
    ],
  });
}
