"""The course's quizzes, read from the Markdown with mkdocs-quiz's own parser (the one its QTI
exporter uses), grouped by chapter in navigation order."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.utils.meta import get_data
from mkdocs_quiz.qti.extractor import extract_quizzes_from_file
from mkdocs_quiz.qti.models import Quiz

from classroom.course import Chapter, chapters, config


@dataclass
class ChapterQuizzes:
    chapter: Chapter
    quizzes: list[Quiz]
    shuffle_answers: bool


def course_quizzes() -> list[ChapterQuizzes]:
    """Every chapter that has quizzes; `shuffle_answers` follows the plugin's setting and the
    page's `quiz:` front matter, as on the site."""
    cfg = config()
    default_shuffle = bool(cfg.plugins["mkdocs_quiz"].config.get("shuffle_answers", False))
    found = []
    for chapter in chapters(cfg):
        quizzes = extract_quizzes_from_file(chapter.path)
        if not quizzes:
            continue
        for quiz in quizzes:
            problems = quiz.validate()
            if problems:
                raise ValueError(f"{chapter.src}, Zeile {quiz.source_line}: " + "; ".join(problems))
        _, meta = get_data(chapter.path.read_text(encoding="utf-8"))
        page_options = meta.get("quiz") if isinstance(meta.get("quiz"), dict) else {}
        if not page_options.get("enabled", True):
            continue  # the site shows these blocks as plain text, not as quizzes
        shuffle = bool(page_options.get("shuffle_answers", default_shuffle))
        found.append(ChapterQuizzes(chapter, quizzes, shuffle))
    return found
