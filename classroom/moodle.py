"""`make moodle`: every quiz of the course as Moodle XML (one question category per chapter) and
as QTI 1.2 packages (one per chapter, written by mkdocs-quiz's own exporter) for Canvas and ILIAS.

No maintained Python library writes Moodle XML from data like ours (the candidates on PyPI are
unmaintained, tied to LaTeX or spreadsheets, or empty), so the writer is small and follows the
importer of Moodle itself (question/format/xml/format.php): `$course$/top/...` category paths,
answer grades in percent from Moodle's fixed list of fractions, HTML text in <text> elements.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs_quiz.qti.qti12 import QTI12Exporter
from mkdocs_quiz.qti.models import Answer, Blank, Quiz, QuizCollection

from classroom.course import COURSE, ROOT, Chapter, Renderer, data_url, plain
from classroom.quizzes import ChapterQuizzes, course_quizzes

# Moodle offers only these grades for an answer (question_bank::fraction_options), in percent.
MOODLE_GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)
FEEDBACK = {
    "correctfeedback": "Richtig!",
    "partiallycorrectfeedback": "Teilweise richtig.",
    "incorrectfeedback": "Leider falsch.",
}
BLANK_RE = re.compile(r"\{\{BLANK_(\d+)\}\}")


def grade(share: float) -> str:
    """`share` (e.g. 1/3) as one of Moodle's grades, written as Moodle writes it ("33.33333")."""
    percent = 100 * share
    for allowed in MOODLE_GRADES:
        if abs(abs(percent) - allowed) < 0.0001:
            text = f"{allowed:.7g}"
            return text if percent >= 0 else "-" + text
    raise ValueError(f"Moodle kennt keine Bewertung von {percent:.4g} % für eine Antwort.")


def category_path(chapter: Chapter) -> str:
    # A "/" inside a name is written "//" (Moodle's split_category_path).
    names = [COURSE] + ([chapter.section] if chapter.section and chapter.section != chapter.title else [])
    names.append(chapter.title)
    return "$course$/top/" + "/".join(n.replace("/", "//") for n in names)


def _text(parent: ET.Element, tag: str, html: str, **attrs) -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": "html", **attrs})
    ET.SubElement(node, "text").text = html
    return node


def _plain_text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    node = ET.SubElement(parent, tag)
    ET.SubElement(node, "text").text = text
    return node


class _Files:
    """Pictures of one question, embedded as Moodle does (<file> + @@PLUGINFILE@@)."""

    def __init__(self):
        self.paths: dict[str, Path] = {}

    def __call__(self, path: Path) -> str:
        name = path.name
        self.paths[name] = path
        return "@@PLUGINFILE@@/" + name

    def attach(self, node: ET.Element) -> None:
        import base64

        for name, path in self.paths.items():
            f = ET.SubElement(node, "file", {"name": name, "path": "/", "encoding": "base64"})
            f.text = base64.b64encode(path.read_bytes()).decode("ascii")
        self.paths.clear()


def _question_name(chapter: Chapter, number: int, question_html: str) -> str:
    text = BLANK_RE.sub("…", plain(question_html))
    short = text if len(text) <= 70 else text[:69].rstrip() + "…"
    return f"{chapter.title} {number}: {short}"


def _html(renderer: Renderer, text: str, chapter: Chapter, files: _Files, inline: bool = False) -> str:
    render = renderer.inline if inline else renderer.html
    return render(text, chapter, files)


def _cloze_answer(answer: str) -> str:
    # Characters with a meaning inside {…} of a Cloze question are escaped with a backslash.
    return re.sub(r'([}#~/"\\])', r"\\\1", answer)


def multichoice(quiz: Quiz, chapter: Chapter, number: int, renderer: Renderer, shuffle: bool) -> ET.Element:
    q = ET.Element("question", {"type": "multichoice"})
    files = _Files()
    question_html = _html(renderer, quiz.question, chapter, files)
    _plain_text(q, "name", _question_name(chapter, number, question_html))
    files.attach(_text(q, "questiontext", question_html))
    files.attach(_text(q, "generalfeedback", _html(renderer, quiz.content or "", chapter, files)))
    ET.SubElement(q, "defaultgrade").text = "1"
    ET.SubElement(q, "penalty").text = "0.3333333"
    ET.SubElement(q, "hidden").text = "0"
    single = len(quiz.correct_answers) == 1
    ET.SubElement(q, "single").text = "true" if single else "false"
    ET.SubElement(q, "shuffleanswers").text = "true" if shuffle else "false"
    ET.SubElement(q, "answernumbering").text = "abc"
    ET.SubElement(q, "showstandardinstruction").text = "0" if single else "1"
    for tag, text in FEEDBACK.items():
        _text(q, tag, f"<p>{text}</p>")
    if not single:
        ET.SubElement(q, "shownumcorrect")
    right = grade(1 / len(quiz.correct_answers))
    # With several right answers, each wrong tick costs a whole point (Moodle stops at 0): as on
    # the site, only the exact set of right answers counts as solved.
    wrong = "0" if single else grade(-1)
    for answer in quiz.answers:
        node = _text(q, "answer", _html(renderer, answer.text, chapter, files, inline=True),
                     fraction=right if answer.is_correct else wrong)
        files.attach(node)
        files.attach(_text(node, "feedback", _html(renderer, answer.feedback or "", chapter, files)))
    return q


def cloze(quiz: Quiz, chapter: Chapter, number: int, renderer: Renderer) -> ET.Element:
    """A fill-in-the-blank quiz as Moodle's Cloze question (multianswer), one SHORTANSWER a blank."""
    q = ET.Element("question", {"type": "cloze"})
    files = _Files()
    html = _html(renderer, quiz.question, chapter, files)
    _plain_text(q, "name", _question_name(chapter, number, html))
    gaps = {str(i): f"{{1:SHORTANSWER:={_cloze_answer(b.correct_answer)}}}" for i, b in enumerate(quiz.blanks)}
    files.attach(_text(q, "questiontext", BLANK_RE.sub(lambda m: gaps[m.group(1)], html)))
    files.attach(_text(q, "generalfeedback", _html(renderer, quiz.content or "", chapter, files)))
    ET.SubElement(q, "penalty").text = "0.3333333"
    ET.SubElement(q, "hidden").text = "0"
    return q


def _name_quizzes(course: list[ChapterQuizzes]) -> None:
    """Stable identifiers (chapter and position) instead of the exporter's random ones, so that
    two exports of the same course are the same files and a re-import is recognisable."""
    for entry in course:
        slug = re.sub(r"[^a-z0-9]+", "-", entry.chapter.src[:-3].lower()).strip("-")
        for n, quiz in enumerate(entry.quizzes, 1):
            quiz.identifier = f"kafka-kurs-{slug}-{n}"
            for k, answer in enumerate(quiz.answers, 1):
                answer.identifier = f"{quiz.identifier}-a{k}"
            for k, blank in enumerate(quiz.blanks, 1):
                blank.identifier = f"{quiz.identifier}-l{k}"


def moodle_xml(course: list[ChapterQuizzes], renderer: Renderer) -> bytes:
    quiz_el = ET.Element("quiz")
    for entry in course:
        cat = ET.SubElement(quiz_el, "question", {"type": "category"})
        _plain_text(cat, "category", category_path(entry.chapter))
        _text(cat, "info", f"<p>Fragen zum Kapitel „{entry.chapter.title}“ des Kafka-Kurses.</p>")
        for n, quiz in enumerate(entry.quizzes, 1):
            if quiz.is_fill_in_blank:
                quiz_el.append(cloze(quiz, entry.chapter, n, renderer))
            else:
                quiz_el.append(multichoice(quiz, entry.chapter, n, renderer, entry.shuffle_answers))
    ET.indent(quiz_el)
    return ET.tostring(quiz_el, encoding="UTF-8", xml_declaration=True) + b"\n"


def _rendered(quiz: Quiz, chapter: Chapter, renderer: Renderer) -> Quiz:
    """A copy of `quiz` whose texts are HTML, so that mkdocs-quiz's QTI exporter (which copies
    texts as they are) writes code as code. Pictures are inlined: a QTI package here has none."""
    def html(text: str | None, inline: bool = False) -> str | None:
        if not text:
            return text
        return (renderer.inline if inline else renderer.html)(text, chapter, data_url)

    return Quiz(
        question=html(quiz.question),
        answers=[Answer(html(a.text, True), a.is_correct, a.identifier, html(a.feedback)) for a in quiz.answers],
        blanks=[Blank(b.correct_answer, b.identifier) for b in quiz.blanks],
        content=html(quiz.content),
        identifier=quiz.identifier,
        source_file=quiz.source_file,
        source_line=quiz.source_line,
    )


class _QTI12(QTI12Exporter):
    """mkdocs-quiz 1.7.1 writes an item's title attribute without escaping '"', so a question such
    as `auto_offset_reset="latest"` made the item XML ill-formed; the title is re-escaped here."""

    TITLE = re.compile(r'(<item ident="[^"]*" title=")(.*?)(">)\n')

    def generate_items(self) -> dict[str, str]:
        def fix(match: re.Match) -> str:
            return match.group(1) + match.group(2).replace('"', "&quot;") + match.group(3) + "\n"

        return {name: self.TITLE.sub(fix, xml, count=1) for name, xml in super().generate_items().items()}


def qti_packages(course: list[ChapterQuizzes], renderer: Renderer, out: Path) -> list[Path]:
    written = []
    for number, entry in enumerate(course, 1):
        collection = QuizCollection(
            title=f"{COURSE}: {entry.chapter.title}",
            quizzes=[_rendered(q, entry.chapter, renderer) for q in entry.quizzes],
            description=f"Quizfragen zum Kapitel „{entry.chapter.title}“",
            identifier=f"kafka-kurs-{number:02d}",
        )
        name = f"{number:02d}-" + re.sub(r"[^a-z0-9]+", "-", entry.chapter.src[:-3].lower()).strip("-")
        written.append(_QTI12(collection).export_to_zip(out / f"{name}.zip"))
    return written


def export(out: Path, site_url: str = "") -> dict[str, object]:
    course = course_quizzes()
    _name_quizzes(course)
    renderer = Renderer(site_url=site_url)
    if out.exists():
        shutil.rmtree(out)
    (out / "qti-1.2").mkdir(parents=True)
    moodle = out / "kafka-kurs-moodle.xml"
    moodle.write_bytes(moodle_xml(course, renderer))
    packages = qti_packages(course, renderer, out / "qti-1.2")
    return {"moodle": moodle, "qti": packages,
            "questions": sum(len(c.quizzes) for c in course), "chapters": len(course)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m classroom.moodle",
        description="Exportiert alle Quizfragen des Kurses für Moodle (XML) und Canvas/ILIAS (QTI 1.2).")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "quizfragen",
                        help="Zielordner (wird neu angelegt; Standard: dist/quizfragen)")
    parser.add_argument("--kurs-url", default="",
                        help="Adresse des veröffentlichten Kurses, z. B. https://schule.example/kafka-kurs/ – "
                             "dann verweisen Links in den Fragen dorthin; sonst bleibt nur ihr Text.")
    args = parser.parse_args(argv)
    try:
        result = export(args.out, args.kurs_url)
    except ValueError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    print(f"{result['questions']} Fragen aus {result['chapters']} Kapiteln exportiert:")
    print(f"  Moodle (Fragensammlung → Import → Moodle-XML-Format): {result['moodle'].relative_to(Path.cwd()) if result['moodle'].is_relative_to(Path.cwd()) else result['moodle']}")
    print(f"  QTI 1.2 für Canvas und ILIAS, ein Paket je Kapitel: {args.out / 'qti-1.2'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
