"""The built course opens in Chromium under a sub-path, in German, with no external request."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_start_page_is_german_and_complete(page, site_url):
    broken: list[str] = []
    page.on("response", lambda r: broken.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(site_url, wait_until="load")
    assert page.locator("html").get_attribute("lang") == "de"
    assert "Apache Kafka" in page.title()
    assert page.locator("h1").first.inner_text().strip()
    # Material's search index and theme assets must load under the sub-path too.
    page.wait_for_load_state("networkidle")
    assert not broken, f"Fehlende Dateien unter dem Unterpfad: {broken}"
    assert page.seen_requests, "no request recorded: the recorder is not attached"
    assert all(url.startswith(site_url) for url in page.seen_requests if url.startswith("http"))


def test_search_works_offline_in_german(page, site_url):
    page.goto(site_url, wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("Kafka")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert results.count() > 0
