// The code editor: CodeMirror 6 with Python highlighting, coloured with Material's code colours
// so it fits the light and the dark scheme. Tab leaves the editor (keyboard users must not be
// trapped); indentation follows Enter, and Ctrl-] / Ctrl-[ indent by hand.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";

const materialHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--md-code-hl-keyword-color)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--md-code-hl-string-color)" },
  { tag: tags.comment, color: "var(--md-code-hl-comment-color)", fontStyle: "italic" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--md-code-hl-number-color)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--md-code-hl-function-color)" },
  { tag: [tags.className, tags.definition(tags.variableName)], color: "var(--md-code-hl-constant-color)" },
  { tag: tags.operator, color: "var(--md-code-hl-operator-color)" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--md-code-bg-color)", color: "var(--md-code-fg-color)", fontSize: ".8rem" },
  ".cm-content": { fontFamily: "var(--md-code-font-family, monospace)", caretColor: "var(--md-code-fg-color)" },
  ".cm-gutters": { backgroundColor: "var(--md-code-bg-color)", color: "var(--md-default-fg-color--light)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--md-code-hl-color--light, rgba(128,128,128,.1))" },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)" },
});

export function createEditor(parent, doc, { label, onRun }) {
  return new EditorView({
    parent,
    doc,
    extensions: [
      basicSetup,
      python(),
      syntaxHighlighting(materialHighlight),
      theme,
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }])),
      EditorView.contentAttributes.of({ "aria-label": label }),
    ],
  });
}
