"""A learner reads a chapter and looks at its simulator: it shows what the chapter is about, and no
empty panel. The replication chapter's cluster has no consumers, so no Consumer-Gruppen panel and
no lag chart; the consumer chapter's one-broker cluster shows groups and lag, without broker
buttons. Done as the pages say (1280x800), with the headings and labels the learner sees."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 60_000


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


def simulator_under(page, site_url, path: str, heading: str):
    """The first simulator after the section `heading` of a course page, scrolled to and ready."""
    page.goto(site_url + path)
    section = page.locator("article h2").filter(has_text=heading).first
    root = section.locator("xpath=following::div[contains(concat(' ', @class, ' '), ' kafkasim ')][1]")
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-sim-state", "ready", timeout=BOOT_TIMEOUT_MS)
    return root


def panel_headings(root) -> list[str]:
    return [t.strip() for t in root.locator(".ksim-panel h3").all_inner_texts()]


def test_the_replication_chapter_shows_brokers_and_partitions_and_no_empty_consumer_panel(page, site_url):
    root = simulator_under(page, site_url, "theorie/replikation/", "Im Simulator")
    assert panel_headings(root) == ["Broker", "Producer und Börse", "Topics und Partitionen", "Ereignisse", "Aktionen"]
    expect(root.get_by_role("heading", name="Consumer-Gruppen")).to_have_count(0)
    expect(root.get_by_text("Lag (Datensätze)")).to_have_count(0)
    expect(root.get_by_text("Diagramme:")).to_have_count(0)

    # "Lassen Sie den Broker mit dem Leader abstürzen": the picture names the leader of partition 0.
    root.locator(".ksim-play[aria-pressed=true]").click()  # the page plays by itself; the learner stops it
    picture = root.get_by_role("img", name="Cluster-Diagramm: Replikation: Leader, Follower, ISR")
    leader_row = picture.locator("g.kd-row.role-leader[data-row^='aktienkurse/0/']")
    leader = leader_row.get_attribute("data-row").split("/")[2]
    root.get_by_role("button", name=f"Absturz: Broker {leader}").click()
    expect(root.locator("section.ksim-brokers")).to_contain_text(f"Broker {leader} ist abgestürzt", timeout=15_000)
    for _ in range(20):  # a follower from the ISR takes over within simulated seconds
        if picture.locator(f"g.kd-row.role-leader[data-row^='aktienkurse/0/']:not([data-row$='/{leader}'])").count():
            break
        clock = root.locator(".ksim-clock").inner_text()
        root.get_by_role("button", name="+1 s").click()
        expect(root.locator(".ksim-clock")).not_to_have_text(clock, timeout=10_000)
    new_leader = picture.locator("g.kd-row.role-leader[data-row^='aktienkurse/0/']")
    expect(new_leader).to_have_count(1)
    assert not new_leader.get_attribute("data-row").endswith(f"/{leader}")


def test_the_consumer_chapter_shows_groups_and_lag_without_broker_buttons(page, site_url):
    root = simulator_under(page, site_url, "theorie/consumer/", "Im Simulator")
    headings = panel_headings(root)
    assert "Consumer-Gruppen" in headings and "Broker" not in headings, headings
    expect(root.get_by_role("button", name="Absturz: Broker 1")).to_have_count(0)
    expect(root.get_by_text("Lag (Datensätze)")).to_be_visible()
    expect(root.locator(".ksim-chart canvas")).to_have_count(2, timeout=15_000)  # throughput and lag drawn

    # "Entfernen Sie eine und beobachten Sie das Rebalancing": the group's panel has the button.
    remove = root.locator("button[aria-label^='Consumer kursalarm-'][aria-label$=' entfernen']")
    expect(remove.first).to_be_visible(timeout=15_000)
    client = remove.last.get_attribute("aria-label").split()[1]
    remove.last.click()
    expect(root.locator("section.ksim-groups")).to_contain_text(f"Consumer {client} verlässt", timeout=15_000)
