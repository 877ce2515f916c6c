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
        # Set up once: a second set-up (the deferred script run again for instant navigation) adds a
        # second "Erneut versuchen" to every quiz and doubles the work while the page loads.
        retry = quiz.get_by_role("button", name="Erneut versuchen", include_hidden=True)
        assert retry.count() == 1, f"{md}, Frage {i + 1}: {retry.count()} Knöpfe „Erneut versuchen“"
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


def test_a_wrong_answer_can_be_tried_again(page, site_url):
    """After a wrong answer the reader gets "Erneut versuchen" and can then answer correctly."""
    page.goto(url_of(site_url, "theorie/topics-partitionen.md"), wait_until="load")
    quiz = page.locator("div.quiz").first
    answer(quiz, correctly=False)
    feedback = quiz.locator(".quiz-feedback")
    feedback.wait_for(state="visible", timeout=5_000)
    assert "Falsche Antwort" in feedback.inner_text()
    # The right answer is not marked before the second attempt.
    assert quiz.locator("fieldset .correct").count() == 0
    quiz.get_by_role("button", name="Erneut versuchen").click()
    assert not feedback.is_visible()
    answer(quiz, correctly=True)
    feedback.wait_for(state="visible", timeout=5_000)
    assert "Richtige Antwort" in feedback.inner_text()


def source_order(md: str) -> list[list[str]]:
    """The answers of each quiz on a page in the order the Markdown lists them."""
    text = (DOCS / md).read_text(encoding="utf-8")
    return [re.findall(r"^- \[[ x]\] (.*)$", body, re.M) for body in re.findall(r"<quiz>\n(.*?)</quiz>", text, re.S)]


def test_answers_come_in_a_new_order(page, site_url):
    """mkdocs-quiz shuffles the answers per visit: the right one is not always where the page lists it."""
    md = "theorie/consumer.md"
    listed = [len(answers) for answers in source_order(md)]
    orders = set()
    for _ in range(4):  # four visits: all in the listed order by chance has a probability below 1e-12
        page.goto(url_of(site_url, md), wait_until="load")
        shown = []
        for i, count in enumerate(listed):
            labels = page.locator("div.quiz").nth(i).locator("fieldset label")
            shown.append(tuple(labels.nth(j).inner_text().strip() for j in range(count)))
        orders.add(tuple(shown))
    assert len(orders) > 1, "Die Antworten erscheinen bei jedem Besuch in derselben Reihenfolge"
