"""The cluster diagram as a learner meets it: drawn as soon as the simulator is in view, before
Python is up; then live, changing with what the learner does on the page (a broker crash, a
second consumer, the group's commits, a record sent); readable at 24 partitions and 6
consumers on a desktop and a phone; without any axe violation in light and dark mode."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.test_accessibility import AXE

pytestmark = pytest.mark.browser

DIAGRAM = "svg.ksim-diagram"


def diagram(sim):
    return sim.root.locator(DIAGRAM)


def row(sim, topic, partition, broker):
    return diagram(sim).locator(f"g.kd-row[data-row='{topic}/{partition}/{broker}']")


def group_box(sim, group):
    return diagram(sim).locator(f"g.kd-group[data-group='{group}']")


def partition(sim, index=0, topic="aktienkurse"):
    return next(t for t in sim.snapshot()["topics"] if t["name"] == topic)["partitions"][index]


def test_the_preset_is_drawn_before_python_is_up(page, site_url, built_site):
    held = []
    page.context.route("**/js/worker.js", lambda route: held.append(route))  # Python never arrives while we look
    page.goto(site_url + "theorie/replikation/")
    sim = page.locator("div.kafkasim").first
    sim.scroll_into_view_if_needed()
    picture = sim.get_by_role("img", name="Cluster-Diagramm: Replikation: Leader, Follower, ISR")
    expect(picture).to_be_visible(timeout=10_000)
    # The simulator asks for its worker once the page is idle (at most 2 s after load), maybe only
    # after the picture is up; wait for that request (bounded) and keep holding it back.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the worker was asked for and is held back"
    assert sim.get_attribute("data-sim-state") == "loading"
    words = picture.locator("text").all_text_contents()
    assert {"Broker 1", "Broker 2", "Broker 3"} <= set(words)
    # Topic aktienkurse: 3 partitions, replication factor 3, one leader each.
    assert picture.locator("g.kd-row[data-row]").count() == 9
    assert picture.locator("g.kd-row.role-leader[data-row]").count() == 3
    assert "3 Broker" in picture.locator("desc").text_content()
    for route in held:
        route.abort()


def test_a_crash_draws_the_broker_offline_and_then_the_new_leader(sim):
    sim.mount("replikation")
    sim.pause()
    leader = partition(sim)["leader"]
    sim.click_and_wait(f"Absturz: Broker {leader}", f"Broker {leader} ist abgestürzt")
    broker = diagram(sim).locator(f"g.kd-broker[data-broker='{leader}']")
    expect(broker).to_have_class(re.compile(r"\bstate-crashed\b"), timeout=5_000)
    expect(broker.locator("text.kd-state")).to_have_text("✕ abgestürzt")
    # Until the controller notices (broker.session.timeout.ms), it is still the leader, offline.
    expect(row(sim, "aktienkurse", 0, leader)).to_have_class(re.compile(r"role-leader-offline"))
    sim.advance(10)
    elected = partition(sim)["leader"]
    assert elected not in (leader, None)
    expect(row(sim, "aktienkurse", 0, elected)).to_have_class(re.compile(r"\brole-leader\b"), timeout=5_000)
    expect(row(sim, "aktienkurse", 0, elected).locator("text.kd-role")).to_have_text("Leader")
    expect(row(sim, "aktienkurse", 0, leader)).to_have_class(re.compile(r"\brole-offline\b"))


def test_a_second_consumer_rebalances_the_group_and_commits_move_the_marks(sim):
    sim.mount("uebung-zweiter-consumer")
    sim.pause()
    sim.advance(6)  # kursalarm-1 has joined, owns all three partitions and has committed
    group = group_box(sim, "kursalarm")
    expect(group.locator("text").nth(1)).to_have_text(re.compile("✓ stabil"), timeout=5_000)
    assert group.locator("g.kd-member").count() == 1
    committed = {o["partition"]: o["committed"] for o in sim.snapshot()["groups"][0]["offsets"]}
    mark = diagram(sim).locator("g.kd-row.role-leader[data-row='aktienkurse/0/1'] path.kd-commit[data-group='kursalarm']")
    expect(mark).to_have_attribute("data-offset", str(committed[0]), timeout=5_000)

    sim.add_consumer("kursalarm", "kursalarm-2")
    for _ in range(5):  # its JoinGroup reaches the coordinator once simulated time passes
        if sim.snapshot()["groups"][0]["state"] != "Stable":
            break
        sim.root.locator(".ksim-step").click()
        sim.page.wait_for_function("() => !document.querySelector('div.kafkasim').kafkasim.runtime.busy", timeout=5_000)
    expect(group).to_have_class(re.compile(r"state-(Preparing|Completing)Rebalance"), timeout=5_000)
    expect(group.locator("text").nth(1)).to_have_text(re.compile("⟳ Rebalancing läuft"))
    for _ in range(20):
        if sim.snapshot()["groups"][0]["state"] == "Stable":
            break
        sim.advance(1)
    expect(group.locator("text").nth(1)).to_have_text(re.compile("✓ stabil · Generation 2"), timeout=5_000)
    members = group.locator("g.kd-member")
    expect(members).to_have_count(2)
    chips = " ".join(members.locator("g.kd-chip text").all_text_contents())
    assert sorted(re.findall(r"P(\d)", chips)) == ["0", "1", "2"]  # every partition, once

    # The next auto-commit moves the group's mark on the leader's log to the committed offset.
    before = mark.get_attribute("data-offset")
    for _ in range(15):
        sim.advance(1)
        after = {o["partition"]: o["committed"] for o in sim.snapshot()["groups"][0]["offsets"]}
        if str(after[0]) != before:
            break
    expect(mark).to_have_attribute("data-offset", str(after[0]), timeout=5_000)
    assert str(after[0]) != before
    lag = next(o["lag"] for o in sim.snapshot()["groups"][0]["offsets"] if o["partition"] == 0)
    expect(group.locator("g.kd-chip text", has_text=re.compile(r"^P0 · "))).to_have_text(f"P0 · Lag {lag}")


def record_tokens(sim):
    sim.page.evaluate("""() => {
        window.tokens = [];
        const layer = document.querySelector('div.kafkasim svg.ksim-diagram .kd-flow');
        new MutationObserver((changes) => { for (const c of changes) for (const n of c.addedNodes)
            window.tokens.push({kind: n.getAttribute('class'), label: n.textContent}); })
          .observe(layer, {childList: true});
    }""")


@pytest.fixture
def tall(sim):
    """A screen tall enough for the diagram and the form below it (flights are drawn only in view)."""
    sim.page.set_viewport_size({"width": 1280, "height": 3000})
    yield sim
    sim.page.set_viewport_size({"width": 1280, "height": 900})


def test_a_record_flies_to_the_leader_and_is_copied_to_the_followers(tall):
    sim = tall
    sim.mount("producer-acks")  # one partition, three replicas, nothing sent yet
    sim.pause()
    record_tokens(sim)
    sim.produce("231.50", key="SAP", acks="all")
    sim.page.wait_for_function("() => window.tokens.some((t) => t.kind.includes('kind-replicate'))", timeout=5_000)
    tokens = sim.page.evaluate("window.tokens")
    assert {"kind": "kd-token kind-append", "label": "SAP"} in tokens
    assert sum("kind-replicate" in t["kind"] for t in tokens) == 2  # to both followers
    leader = partition(sim)["leader"]
    expect(row(sim, "aktienkurse", 0, leader).locator("rect.kd-cell.is-committed")).to_have_count(1)


def test_with_reduced_motion_nothing_flies(tall):
    sim = tall
    sim.page.emulate_media(reduced_motion="reduce")
    try:
        sim.mount("producer-acks")
        sim.pause()
        record_tokens(sim)
        sim.produce("231.50", key="SAP", acks="all")
        leader = partition(sim)["leader"]
        expect(row(sim, "aktienkurse", 0, leader).locator("rect.kd-cell")).to_have_count(1, timeout=5_000)
        assert not [t for t in sim.page.evaluate("window.tokens") if "kd-token" in t["kind"]]
    finally:
        sim.page.emulate_media(reduced_motion="no-preference")


OVERLAPS = """(selector) => {
    const svg = document.querySelector(selector);
    const box = (el) => el.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('.kd-base text')].filter((t) => t.textContent.trim());
    const hits = [];
    const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
        if (overlap(box(texts[i]), box(texts[j]))) hits.push(`text: ${texts[i].textContent} / ${texts[j].textContent}`);
    }
    // Every text stays inside the frame it belongs to (cell, row, member, box).
    for (const t of texts) {
        const frame = t.closest('.kd-chip, .kd-row, .kd-member, .kd-producer, .kd-broker, .kd-group');
        if (!frame) continue;
        const r = box(frame.querySelector(':scope > rect')), b = box(t);
        if (b.left < r.left - 0.5 || b.right > r.right + 0.5 || b.top < r.top - 0.5 || b.bottom > r.bottom + 0.5)
            hits.push(`outside: ${t.textContent}`);
    }
    const frames = [...svg.querySelectorAll('.kd-producer, .kd-broker, .kd-group')].map((g) => box(g.querySelector(':scope > rect')));
    for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) {
        if (overlap(frames[i], frames[j])) hits.push(`frames ${i} / ${j}`);
    }
    return {hits, texts: texts.length, width: svg.getBoundingClientRect().width};
}"""


def test_24_partitions_and_6_consumers_fit_on_desktop_and_phone(sim):
    sim.mount("topic-partitionen")
    sim.pause()
    form = sim.control("topics")
    form.locator("input[name=name]").fill("kurse24")
    form.locator("input[name=partitions]").fill("24")
    form.locator("input[name=rf]").fill("1")
    form.locator("button[type=submit]").click()
    sim.wait_status("Topic kurse24 angelegt")
    ticker = sim.control("ticker")
    ticker.locator("select[name=topic]").select_option("kurse24")
    ticker.locator("input[name=rate]").fill("50")
    ticker.locator("button[type=submit]").click()
    sim.wait_status("sendet an kurse24")
    consumers = sim.control("consumers")
    consumers.locator("select[name=topic]").select_option("kurse24")
    for i in range(1, 7):
        sim.add_consumer("depot24", f"aktionaer-{i}")
    sim.advance(12)
    group = next(g for g in sim.snapshot()["groups"] if g["group_id"] == "depot24")
    assert len(group["members"]) == 6 and group["state"] == "Stable"
    expect(group_box(sim, "depot24").locator("g.kd-member")).to_have_count(6, timeout=5_000)
    try:
        for width in (1280, 390):
            sim.page.set_viewport_size({"width": width, "height": 844})
            sim.page.wait_for_function(
                "([w]) => Math.abs(document.querySelector('div.kafkasim svg.ksim-diagram').viewBox.baseVal.width"
                " - document.querySelector('div.kafkasim .ksim-diagram-host').clientWidth) <= 4", arg=[width], timeout=5_000)
            result = sim.page.evaluate(OVERLAPS, f"div.kafkasim {DIAGRAM}")
            assert result["hits"] == [], result["hits"][:10]
            assert result["width"] <= width
            # Long logs are collapsed, and the tail stays visible: the newest offset of every partition.
            kurse24 = next(t for t in sim.snapshot()["topics"] if t["name"] == "kurse24")
            for p in kurse24["partitions"]:
                if p["records"]:
                    shown = row(sim, "kurse24", p["partition"], p["leader"])
                    assert shown.get_attribute("data-last") == str(p["records"][-1]["offset"])
    finally:
        sim.page.set_viewport_size({"width": 1280, "height": 900})


def all_violations(page, selector):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (sel) => await axe.run(document.querySelector(sel), {resultTypes: ['violations']})", selector)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violation_at_all_in_the_simulator_with_its_diagram(sim, scheme):
    sim.mount("cluster-ueberblick")
    sim.page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    sim.advance(6)
    sim.pause()
    sim.page.wait_for_selector(f"div.kafkasim {DIAGRAM} g.kd-group", timeout=5_000)
    violations = all_violations(sim.page, "div.kafkasim")
    assert violations == [], "\n".join(map(str, violations))

