""""Consumer hinzufügen" offers the group the page talks about: a learner who opens the form next
to a simulator and presses the button as offered joins the page's group, not one it never names."""

from __future__ import annotations

import pytest

from tests.journeys.preset_simulator import open_chapter

pytestmark = pytest.mark.browser

# (page, preset, the group its text names for new consumers)
CASES = [
    ("theorie/consumer/", "consumer-gruppe", "kursalarm"),
    ("theorie/consumer/", "uebung-kursalarm-skalieren", "kursalarm"),
    ("theorie/consumer/", "offsets-commit", "depot-anna"),
    ("theorie/share-gruppen/", "uebung-kursalarm-skalieren", "kursalarm"),
    ("labor/", "uebung-zweiter-consumer", "kursalarm"),
    ("theorie/zustellgarantien/", "uebung-absturz-vor-commit", "depot-anna"),
]


@pytest.mark.parametrize(("path", "preset", "group"), CASES, ids=[f"{c[0].split('/')[-2]}-{c[1]}" for c in CASES])
def test_the_offered_group_is_the_pages(browser, site_url, path, preset, group):
    with open_chapter(browser, site_url, path, preset) as sim:
        sim.pause()
        assert group in sim.page.locator("article").inner_text()
        form = sim.form("Consumer hinzufügen")
        assert form.get_by_label("Consumer-Gruppe").input_value() == group
        sim.clear_messages()
        form.get_by_role("button", name="Consumer hinzufügen").click()
        sim.wait_status(f"tritt der Gruppe {group} bei")
        assert "gibt es schon" not in form.locator(".ksim-feedback").inner_text()
