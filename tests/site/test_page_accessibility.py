"""Every course page, in the light and the dark scheme, with its quizzes answered (right and wrong,
so that feedback, explanations and the final score show): axe-core finds no serious or critical
violation. The simulators inside are checked by tests/web/test_accessibility.py.

Regressions this guards: Material's search dialog without a name, links told apart from the text
by colour alone, quiz buttons and feedback below 4.5:1 in the dark scheme, grey code comments at
4.47:1, annotation links without a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.test_pages_browser import PAGES
from tests.docs.test_quizzes_browser import answer, url_of

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run({exclude: [['div.kafkasim']]}, {resultTypes: ['violations']})")
    return [(v["id"], [n["target"] for n in v["nodes"]][:3], v["nodes"][0]["failureSummary"][:300])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("md", PAGES)
def test_page_has_no_serious_accessibility_violation(page, site_url, md, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(url_of(site_url, md), wait_until="load")
    quizzes = page.locator("div.quiz")
    for i in range(quizzes.count()):
        answer(quizzes.nth(i), correctly=i % 2 == 0)
    # Material numbers code annotations after load; wait for them where there are any.
    if page.locator(".annotate").count():
        page.locator(".md-annotation__index").first.wait_for(state="attached", timeout=10_000)
    violations = serious_violations(page)
    assert violations == [], "\n".join(map(str, violations))
