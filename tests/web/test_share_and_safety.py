"""The state as a shareable URL, restored from it; keys and values with HTML or script stay text;
a broken link is explained instead of breaking the page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

XSS_KEY = '<img src=x onerror="window.__pwned=1">'
XSS_VALUE = "<script>window.__pwned=2</script><b>fett</b>"


def comparable(snapshot):
    """What a reader sees of the cluster, without the volatile ticker bookkeeping."""
    return {
        "now_ms": snapshot["now_ms"],
        "brokers": snapshot["brokers"],
        "topics": [(t["name"], [(p["leader"], p["isr"], p["log_end_offset"], p["high_watermark"],
                                 [(r["offset"], r["key"], r["value"]) for r in p["records"]])
                                for p in t["partitions"]]) for t in snapshot["topics"]],
        "groups": [(g["group_id"], sorted(m["client_id"] for m in g["members"]),
                    [(o["partition"], o["committed"]) for o in g["offsets"]]) for g in snapshot["groups"]],
    }


def test_xss_in_keys_and_values_is_shown_as_text(sim):
    sim.mount("schluessel-partition")
    entry = sim.produce(XSS_VALUE, key=XSS_KEY)
    assert entry["ok"], entry
    record = sim.root.locator(".ksim-record").filter(has_text="<img").first
    record.wait_for(timeout=10_000)
    assert XSS_KEY[:10] in record.locator(".ksim-key").inner_text()
    assert sim.root.locator(".ksim-log img, .ksim-log script, .ksim-log b").count() == 0
    assert sim.root.locator(".ksim-events img, .ksim-events script, .ksim-events b").count() == 0
    # Over the next simulated seconds everything is drawn again several times: still nothing ran.
    sim.advance(3)
    assert sim.page.evaluate("window.__pwned") is None
    title = record.get_attribute("title")
    assert "<script>window.__pwned=2</script>" in title


def test_state_round_trips_through_a_shared_url(sim):
    sim.mount("cluster-ueberblick")
    sim.pause()
    sim.produce("231.50", key="SAP", acks="1")
    sim.root.locator("button[aria-label='Absturz: Broker 2']").click()
    sim.wait_status("Broker 2 ist abgestürzt")
    sim.advance(2)
    before = comparable(sim.snapshot())
    sim.root.locator(".ksim-share-button").click()
    box = sim.root.locator(".ksim-share-url")
    box.wait_for(timeout=10_000)
    url = box.input_value()
    assert "#ksim=0." in url and url.startswith(sim.url)
    assert sim.page.url == url  # the address bar carries it too

    sim.page.goto("about:blank")
    sim.page.goto(url)
    sim.page.evaluate("""() => {
        const d = document.createElement('div'); d.className = 'kafkasim'; d.dataset.preset = 'topic-partitionen';
        document.querySelector('article').prepend(d); document.dispatchEvent(new Event('kafkasim:scan'));
    }""")
    sim.wait_ready()
    assert "wiederhergestellt" in sim.status()
    # The link's scenario wins over the element's, and restored state does not start playing.
    assert sim.root.locator(".ksim-title").inner_text() == "Cluster im Überblick"
    assert sim.root.locator(".ksim-play").get_attribute("aria-pressed") == "false"
    assert comparable(sim.snapshot()) == before


def test_reset_after_sharing_forgets_the_shared_state_on_reload(sim):
    """"Teilen", then "Zurücksetzen": a reload must show the scenario's start, not the shared state."""
    sim.mount("schluessel-partition")
    sim.produce("231.50", key="SAP")
    sim.root.locator(".ksim-share-button").click()
    sim.root.locator(".ksim-share-url").wait_for(timeout=10_000)
    assert "#ksim=0." in sim.page.url
    sim.root.locator(".ksim-reset").click()
    sim.wait_status("neu gestartet")
    assert "#ksim=" not in sim.page.url
    assert sim.root.locator(".ksim-share-url").is_hidden()
    sim.page.reload()
    sim.page.evaluate("""() => {
        const d = document.createElement('div'); d.className = 'kafkasim'; d.dataset.preset = 'schluessel-partition';
        document.querySelector('article').prepend(d); document.dispatchEvent(new Event('kafkasim:scan'));
    }""")
    sim.wait_ready()
    assert "wiederhergestellt" not in sim.status()
    assert sum(p["log_end_offset"] for p in sim.snapshot()["topics"][0]["partitions"]) == 0


def test_broken_shared_url_is_explained_and_the_preset_loads(sim):
    sim.mount("topic-partitionen", hash_="#ksim=das-ist-kaputt")
    assert "beschädigt" in sim.status()
    assert [t["name"] for t in sim.snapshot()["topics"]] == ["aktienkurse"]


def test_the_link_of_the_second_simulator_restores_the_second(sim):
    page = sim.page
    page.goto(sim.url)
    page.evaluate("""() => {
        for (const preset of ['topic-partitionen', 'schluessel-partition']) {
            const d = document.createElement('div'); d.className = 'kafkasim'; d.dataset.preset = preset;
            document.querySelector('article').append(d);
        }
        document.dispatchEvent(new Event('kafkasim:scan'));
        document.querySelectorAll('div.kafkasim').forEach((d) => d.querySelector('button')?.click());
    }""")
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.kafkasim')].every((d) => d.dataset.simState === 'ready')", timeout=60_000)
    second = page.locator("div.kafkasim").nth(1)
    second.locator("details[data-control=produce] input[name=key]").fill("SAP")
    second.locator("details[data-control=produce] input[name=value]").fill("<b>231.50</b>")
    second.locator("details[data-control=produce] button[type=submit]").click()
    page.wait_for_function("() => document.querySelectorAll('div.kafkasim')[1].kafkasim.journal.length === 1", timeout=10_000)
    second.locator(".ksim-share-button").click()
    second.locator(".ksim-share-url").wait_for(timeout=10_000)  # visible once the link is made
    url = second.locator(".ksim-share-url").input_value()
    assert "#ksim=1." in url
    page.goto("about:blank")
    page.goto(url)
    page.evaluate("""() => {
        for (const preset of ['topic-partitionen', 'schluessel-partition']) {
            const d = document.createElement('div'); d.className = 'kafkasim'; d.dataset.preset = preset;
            document.querySelector('article').append(d);
        }
        document.dispatchEvent(new Event('kafkasim:scan'));
        document.querySelectorAll('div.kafkasim').forEach((d) => d.querySelector('button')?.click());
    }""")
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.kafkasim')].every((d) => d.dataset.simState === 'ready')", timeout=60_000)
    values = page.evaluate("""() => [...document.querySelectorAll('div.kafkasim')].map((d) =>
        d.kafkasim.snapshot.topics[0].partitions.flatMap((p) => p.records.map((r) => r.value)))""")
    assert "<b>231.50</b>" in values[1]
    assert "<b>231.50</b>" not in values[0]
    assert "wiederhergestellt" in page.locator("div.kafkasim").nth(1).locator(".ksim-status").inner_text()
