"""Every quiz of the course can be answered in Chromium and then shows its explanation.

Runs on the built site served under /kafka-kurs/ (fixtures in tests/fixtures/browser.py); the
`page` fixture fails the test if anything is requested from a host other than the loopback.
"""

from __future__ import annotations

import re

import pytest

from tests.docs.sitetext import DOCS

pytestmark = pytest.mark.browser

QUIZ_PAGES = sorted(
    str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")
    if p.relative_to(DOCS).parts[0] != "includes" and "<quiz>" in p.read_text(encoding="utf-8")
)


def url_of(site_url: str, md: str) -> str:
    path = re.sub(r"(^|/)index\.md$", r"\1", md)
    return site_url + (re.sub(r"\.md$", "/", path) if path.endswith(".md") else path)


def answer(quiz, correctly: bool) -> None:
    inputs = quiz.locator('input[name="answer"]')
    chosen = []
    for i in range(inputs.count()):
        is_correct = inputs.nth(i).get_attribute("data-correct") == "true"
        if is_correct == correctly or (not correctly and not chosen and not is_correct):
            chosen.append(inputs.nth(i))
    if not correctly:
        chosen = chosen[:1]  # one wrong answer is enough to be wrong
    for choice in chosen:
        quiz.locator(f'label[for="{choice.get_attribute("id")}"]').click()
    submit = quiz.locator('button.quiz-button[type="submit"]')
    if submit.count() and submit.is_visible():
        submit.click()


def test_every_quiz_page_is_covered():
    assert len(QUIZ_PAGES) >= 12


@pytest.mark.parametrize("md", QUIZ_PAGES)
def test_every_quiz_can_be_answered(page, site_url, md):
    page.goto(url_of(site_url, md), wait_until="load")
    quizzes = page.locator("div.quiz")
    count = quizzes.count()
    assert count >= 2, f"{md}: {count} Quizfragen gefunden"
    for i in range(count):
        quiz = quizzes.nth(i)
        quiz.scroll_into_view_if_needed()
        explanation = quiz.locator("section.content")
        assert not explanation.is_visible(), f"{md}, Frage {i + 1}: Erklärung schon vor der Antwort sichtbar"
        answer(quiz, correctly=True)
        feedback = quiz.locator(".quiz-feedback")
        feedback.wait_for(state="visible", timeout=5_000)
        assert "Richtige Antwort" in feedback.inner_text(), f"{md}, Frage {i + 1}: {feedback.inner_text()}"
        assert explanation.is_visible() and len(explanation.inner_text().strip()) > 40
    # The summary at the end counts every answer as correct.
    page.locator(".quiz-results-complete").wait_for(state="visible", timeout=5_000)
    assert page.locator(".quiz-results-score-value").inner_text().strip() == "100%"


def test_a_wrong_answer_is_marked_wrong_and_explained(page, site_url):
    page.goto(url_of(site_url, "theorie/topics-partitionen.md"), wait_until="load")
    quiz = page.locator("div.quiz").nth(1)  # the murmur2 question
    answer(quiz, correctly=False)
    feedback = quiz.locator(".quiz-feedback")
    feedback.wait_for(state="visible", timeout=5_000)
    assert "Falsche Antwort" in feedback.inner_text()
    assert "murmur2" in quiz.locator("section.content").inner_text()
