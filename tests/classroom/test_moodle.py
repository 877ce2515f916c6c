"""`make moodle`: the Moodle XML file and the QTI packages, read back and compared with the
quizzes in the course's Markdown, chapter by chapter."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from html import unescape

import pytest

from tests.classroom.conftest import nav_pages, run, source_quizzes

# Moodle's allowed answer grades in percent (question_bank::fraction_options), and 0.
MOODLE_GRADES = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                 14.28571, 12.5, 11.11111, 10, 5, 0}
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def outside_code(html: str) -> str:
    return re.sub(r"<(code|pre)\b.*?</\1>", "", html, flags=re.S)


@pytest.fixture(scope="module")
def moodle(moodle_dir):
    root = ET.parse(moodle_dir / "kafka-kurs-moodle.xml").getroot()
    assert root.tag == "quiz"
    by_category: dict[str, list[ET.Element]] = defaultdict(list)
    category = None
    for question in root.findall("question"):
        if question.get("type") == "category":
            category = question.findtext("category/text")
            assert category not in by_category, f"Kategorie doppelt: {category}"
            by_category[category] = []
        else:
            assert category, "Frage vor der ersten Kategorie"
            by_category[category].append(question)
    return by_category


def chapters_with_quizzes():
    return [(title, src) for title, src in nav_pages() if source_quizzes(src)]


def test_one_category_per_chapter_with_every_question(moodle):
    expected = chapters_with_quizzes()
    assert len(moodle) == len(expected)
    for (title, src), (path, questions) in zip(expected, moodle.items()):
        assert path.startswith("$course$/top/Kafka-Kurs/") and path.endswith("/" + title), (path, title)
        assert len(questions) == len(source_quizzes(src)), path


def test_answers_and_grades_match_the_markdown(moodle):
    for (title, src), questions in zip(chapters_with_quizzes(), moodle.values()):
        for source, question in zip(source_quizzes(src), questions):
            assert question.get("type") == "multichoice"
            answers = question.findall("answer")
            assert [text_of(a.findtext("text")) for a in answers] == [
                text_of(t.replace("`", "").replace("\\*", "*")) for _, t in source.answers], title
            grades = [float(a.get("fraction")) for a in answers]
            right = [g for (ok, _), g in zip(source.answers, grades) if ok]
            wrong = [g for (ok, _), g in zip(source.answers, grades) if not ok]
            assert all(abs(g) in MOODLE_GRADES for g in grades), grades
            assert all(g > 0 for g in right) and all(g <= 0 for g in wrong), (title, source.question)
            assert round(sum(right), 2) == 100
            single = question.findtext("single")
            assert single == ("true" if len(right) == 1 else "false")


def test_german_explanations_are_the_general_feedback(moodle):
    for (_, src), questions in zip(chapters_with_quizzes(), moodle.values()):
        for source, question in zip(source_quizzes(src), questions):
            feedback = text_of(question.findtext("generalfeedback/text"))
            words = re.sub(r"[`*\\]|\[([^\]]+)\]\([^)]+\)", r"\1", source.explanation).split()
            assert feedback.split()[:6] == words[:6], feedback
    assert "Richtig!" in moodle[next(iter(moodle))][0].findtext("correctfeedback/text")


def test_markdown_is_rendered_code_as_code(moodle):
    seen_code = 0
    for questions in moodle.values():
        for question in questions:
            texts = [question.findtext("questiontext/text"), question.findtext("generalfeedback/text")]
            texts += [a.findtext("text") for a in question.findall("answer")]
            for html in texts:
                plain = outside_code(html)
                assert "`" not in plain and "\\*" not in plain and "**" not in plain, html
                assert ".md" not in html and "<abbr" not in html, html
                seen_code += html.count("<code>")
    assert seen_code > 50
    producer = next(q for path, qs in moodle.items() if path.endswith("/Producer") for q in qs)
    assert "<code>producer.send(...)</code>" in producer.findtext("questiontext/text")


def test_links_point_to_the_published_course_when_its_address_is_given(tmp_path):
    run("classroom.moodle", "--out", str(tmp_path), "--kurs-url", "https://schule.example/kafka/")
    xml = (tmp_path / "kafka-kurs-moodle.xml").read_text(encoding="utf-8")
    assert 'href="https://schule.example/kafka/theorie/zustellgarantien/"' in unescape(xml)


def test_qti_packages_hold_each_chapters_questions(moodle_dir):
    packages = sorted((moodle_dir / "qti-1.2").glob("*.zip"))
    expected = chapters_with_quizzes()
    assert len(packages) == len(expected)
    for package, (title, src) in zip(packages, expected):
        with zipfile.ZipFile(package) as zf:
            manifest = ET.fromstring(zf.read("imsmanifest.xml"))
            hrefs = [r.get("href") for r in manifest.iter("{http://www.imsglobal.org/xsd/imscp_v1p1}resource")]
            assessment = ET.fromstring(zf.read("assessment.xml")).find(f"{QTI}assessment")
            assert assessment.get("title") == f"Kafka-Kurs: {title}"
            items = [ET.fromstring(zf.read(h)).find(f"{QTI}item") for h in hrefs if h.startswith("items/")]
        sources = source_quizzes(src)
        assert len(items) == len(sources), package.name
        for item, source in zip(items, sources):
            labels = item.findall(f".//{QTI}response_label")
            assert len(labels) == len(source.answers)
            scored = [c for c in item.iter(f"{QTI}respcondition")
                      if not c.findtext(f"{QTI}setvar", "").startswith("-")]
            assert len(scored) == sum(ok for ok, _ in source.answers)
            question = item.findtext(f".//{QTI}presentation/{QTI}material/{QTI}mattext")
            assert "`" not in outside_code(question)


def test_a_fill_in_the_blank_quiz_becomes_a_cloze_question(tmp_path):
    # The course has none yet; mkdocs-quiz's syntax for one, read by its own parser.
    from mkdocs_quiz.qti.extractor import extract_quizzes_from_file

    from classroom.course import Chapter, Renderer
    from classroom.moodle import cloze

    page = tmp_path / "lueckentext.md"
    page.write_text("<quiz>\nJeder [[Broker]] speichert Partitionen mit `log.dirs`.\n---\n"
                    "Die Daten liegen auf den Brokern.\n</quiz>\n", encoding="utf-8")
    quiz = extract_quizzes_from_file(page)[0]
    question = cloze(quiz, Chapter("Lücken", "", "lueckentext.md"), 1, Renderer())
    text = question.findtext("questiontext/text")
    assert question.get("type") == "cloze"
    assert "{1:SHORTANSWER:=Broker}" in text and "<code>log.dirs</code>" in text
    assert "Die Daten liegen auf den Brokern." in question.findtext("generalfeedback/text")
