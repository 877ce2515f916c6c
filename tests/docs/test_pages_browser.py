"""Every course page opens in Chromium under /kafka-kurs/ with all its files and nothing from elsewhere.

The `page` fixture fails the test on any request to a host other than the loopback.
"""

from __future__ import annotations

import pytest

from tests.docs.sitetext import DOCS
from tests.docs.test_quizzes_browser import url_of

pytestmark = pytest.mark.browser

PAGES = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")
               if p.relative_to(DOCS).parts[0] not in ("includes", "assets"))


@pytest.mark.parametrize("md", PAGES)
def test_page_loads_completely(page, site_url, md):
    missing: list[str] = []
    page.on("response", lambda r: missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(url_of(site_url, md), wait_until="load")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("article h1").count() == 1
    # The simulators' print pictures (classroom/druckbild.py) show only on paper; test_pdf prints them.
    for img in page.locator("xpath=//article//img[not(ancestor::figure[contains(@class, 'kurs-druckbild')])]").all():
        img.scroll_into_view_if_needed()
        assert img.evaluate("i => i.complete && i.naturalWidth > 0"), img.get_attribute("src")
        assert img.get_attribute("alt"), "Bild ohne Alternativtext"
    assert not missing, f"Fehlende Dateien: {missing}"


def test_glossary_tooltips_explain_terms(page, site_url):
    page.goto(url_of(site_url, "theorie/replikation.md"), wait_until="load")
    isr = page.locator("article abbr", has_text="ISR").first
    assert "In-Sync Replicas" in isr.get_attribute("title")
