"""A learner searches the course and follows a result: the page marks the word searched for.

Material for MkDocs (search.highlight) carries the query in `?h=`; a page whose own intro does
not contain the word, only one of its sections, is listed with an empty `h=` and nothing is
marked. Every result link must carry the search terms.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

# Words that the course has in later sections of pages whose intro lacks them.
QUERIES = ["Replikationsfaktor", "Rebalancing", "Offset"]


def search(page, site_url, query: str) -> list[str]:
    page.goto(site_url, wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    # Results render in batches; the first screenful is what the learner sees and clicks.
    return page.locator(".md-search-result__link").evaluate_all("(links) => links.map((a) => a.href)")


@pytest.mark.parametrize("query", QUERIES)
def test_every_search_result_link_carries_the_search_terms(page, site_url, query):
    links = search(page, site_url, query)
    assert links
    empty = [url for url in links if not parse_qs(urlsplit(url).query).get("h", [""])[0].strip()]
    assert not empty, f"Treffer ohne Suchbegriff im Link: {empty}"


def test_following_a_page_result_marks_the_word_on_the_page(page, site_url):
    search(page, site_url, "Replikationsfaktor")
    # The first result of each group is the page itself, drawn as a big heading.
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    mark = page.locator("article mark[data-md-highlight]").first
    mark.wait_for(timeout=10_000)
    assert mark.inner_text().lower() == "replikationsfaktor"
