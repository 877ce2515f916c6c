"""MkDocs hook: mkdocs-quiz's stylesheet and script as cached files instead of ~55 KB inlined
into every page.

mkdocs-quiz 1.7.1 has no option for this: it appends its CSS in a <style> and its JS in an inline
<script> to each page's content. Here the inline style is dropped and the script becomes a deferred
<script src> in the same place (after the plugin's small inline translation and configuration
objects, which the script reads). Both files are written once per build; classroom/browser/build.mjs
then minifies the script and bundles the stylesheet into the course's one stylesheet,
assets/kurs/kurs.css (listed in mkdocs.yml).

Deferred, the script starts after parsing: it sets the quizzes up at once (the document is no longer
"loading") and, because Material's `document$` exists by then, a second time when that emits (the
plugin's support for instant navigation, which the course does not use). Twice meant double the
work while the page loads and a second, dead "Erneut versuchen" button in every quiz. The file
therefore runs with `document$` hidden, so it sets the quizzes up once, as it does when inlined.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs_quiz import css as quiz_css, js as quiz_js, plugin as quiz_plugin

FOLDER = "assets/kurs"


def _relative_root(page) -> str:
    return "../" * page.url.count("/")


def on_post_page(output: str, page, config) -> str:
    if quiz_plugin.style not in output and quiz_plugin.js_script not in output:
        return output
    if quiz_plugin.style not in output or quiz_plugin.js_script not in output:
        raise PluginError(f"{page.file.src_path}: mkdocs-quiz bettet CSS und JS anders ein als erwartet; "
                          "theme/quiz_files.py muss angepasst werden.")
    base = _relative_root(page) + FOLDER
    output = output.replace(quiz_plugin.style, "")
    return output.replace(quiz_plugin.js_script, f'<script src="{base}/quiz.js" defer></script>')


def on_post_build(config) -> None:
    folder = Path(config["site_dir"]) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "quiz.css").write_text((files(quiz_css) / "quiz.css").read_text(encoding="utf-8"), encoding="utf-8")
    script = (files(quiz_js) / "quiz.js").read_text(encoding="utf-8")
    (folder / "quiz.js").write_text(f"(function (document$) {{\n{script}\n}})();\n", encoding="utf-8")
