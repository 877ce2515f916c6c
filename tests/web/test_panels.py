"""An author embeds a simulator with data-panels="…" and the page shows those panels under the
diagram, in the course's order; a misspelt panel name gets a German message that names it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def headings(sim) -> list[str]:
    return [t.strip() for t in sim.root.locator(".ksim-panel h3").all_inner_texts()]


def test_an_embed_names_its_panels(sim):
    sim.mount("cluster-ueberblick", code="off", panels="log brokers lag")
    assert headings(sim) == ["Broker", "Ereignisse"]
    expect(sim.root.get_by_text("Lag (Datensätze)")).to_be_visible()
    expect(sim.root.get_by_text("Durchsatz (Datensätze/s)")).to_have_count(0)
    expect(sim.root.locator(".ksim-chart canvas")).to_have_count(1, timeout=15_000)
    # The buttons of the panels shown still act: the broker's crash is reported next to it.
    sim.pause()
    sim.click_and_wait("Absturz: Broker 3", "Broker 3 ist abgestürzt")
    expect(sim.root.locator("details[data-control]")).to_have_count(0)  # no forms without "controls"


def test_without_data_panels_the_preset_decides(sim):
    sim.mount("cluster-ueberblick", code="off")
    assert headings(sim) == ["Broker", "Producer und Börse", "Topics und Partitionen", "Consumer-Gruppen",
                             "Ereignisse", "Aktionen"]
    expect(sim.root.get_by_text("Diagramme: Durchsatz und Lag je Partition")).to_be_visible()


def test_a_misspelt_panel_is_named_in_german(sim):
    sim.mount("replikation", code="off", panels="brokers gruppen", wait=False)
    sim.page.wait_for_selector("div.kafkasim[data-sim-state=error]", timeout=30_000)
    notice = sim.root.get_by_role("alert")
    expect(notice).to_contain_text("Unbekannte Anzeige „gruppen“")
    expect(notice).to_contain_text("Möglich sind: brokers, producers, topics, groups, share-groups, protocol, log, ablauf, controls, "
                                   "throughput, lag")
