"""MkDocs hook: the list of chapters with their quizzes and exercises, for the page "Ihr
Fortschritt" (classroom/browser/progress.js), written to assets/kurs/fortschritt.json.

A chapter is a page of the navigation with at least one quiz or exercise. Quiz ids are the ones
mkdocs-quiz gives its <div class="quiz"> (and under which it stores answers); exercises are the
simulators whose preset has one: presets.json (simulator/web/build.mjs) names the exercise's id,
which its "kafkasim:exercise-solved" event carries.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

QUIZ = re.compile(r'<div class="quiz"[^>]*\bid="(quiz-\d+)"')
SIMULATOR = re.compile(r'<div class="kafkasim"[^>]*\bdata-preset="([^"]+)"')
OUTPUT = "assets/kurs/fortschritt.json"

_order: list[str] = []
_chapters: dict[str, dict] = {}


def on_nav(nav, config, files):
    _order[:] = [page.file.src_uri for page in nav.pages]
    _chapters.clear()
    return nav


def _presets(config) -> dict[str, dict]:
    try:
        return json.loads((Path(config["docs_dir"]) / "assets" / "kafkasim" / "presets.json").read_text("utf-8"))
    except FileNotFoundError:
        return {}  # simulator assets not built: no exercises to count


def on_post_page(output: str, page, config) -> str:
    quizzes = QUIZ.findall(output)
    presets = _presets(config)
    exercises = {}
    for name in SIMULATOR.findall(output):
        preset = presets.get(name, {})
        if preset.get("exercise"):
            exercises.setdefault(preset["exercise"], {"id": preset["exercise"], "title": preset.get("title", "")})
    if page.file.src_uri in _order and (quizzes or exercises):
        _chapters[page.file.src_uri] = {
            "title": page.title,
            "section": page.parent.title if page.parent else "",
            "url": page.url or "./",
            "quizzes": quizzes,
            "exercises": list(exercises.values()),
        }
    return output


def on_post_build(config) -> None:
    target = Path(config["site_dir"]) / OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    chapters = [_chapters[src] for src in _order if src in _chapters]
    target.write_text(json.dumps({"course": config["site_name"], "chapters": chapters}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
