"""The chapter on share groups and the consumer protocol, done as its page tells a learner: the
numbered steps above each simulator name the buttons, and what they say will happen is checked
in the simulator's tables and its diagram (record states, delivery counts, who reads what).

One page load for the module; each test starts from the simulator's „Zurücksetzen“.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.fixtures.browser import is_local
from tests.journeys.labor_page import STEP_MS
from tests.journeys.preset_simulator import PresetSimulator

pytestmark = pytest.mark.browser

CHAPTER = "theorie/share-gruppen/"


class Groups4Sim(PresetSimulator):
    """A simulator of the chapter, with the learner's clicks on the Kafka 4.x group controls."""

    def fresh(self) -> "Groups4Sim":
        self.show()
        self.pause()
        self.clear_messages()
        self.button("Zurücksetzen").click()
        self.wait_status("neu gestartet")
        return self

    def click(self, name: str, expect: str, scope=None):
        """Clicks the button the learner sees as `name` and waits for `expect` next to it."""
        self.clear_messages()
        (scope or self.root).get_by_role("button", name=name).first.click()
        self.wait_status(expect)
        return self.root.locator(".ksim-feedback", has_text=expect).first.inner_text()

    def member(self, name: str):
        return self.root.locator(f".ksim-share-member[data-member='{name}']")

    def held(self, name: str, offset: int):
        """The member's line for a record it holds, with the three buttons."""
        return self.member(name).locator("li.ksim-held", has_text=re.compile(rf"^Offset {offset} ·"))

    def acknowledge(self, name: str, offset: int, label: str, expect: str) -> str:
        return self.click(label, expect, scope=self.held(name, offset))

    def record(self, offset: int, drawn_as: str | None = None) -> dict:
        """What the diagram draws for the offset, and what the table says. With `drawn_as`, first waits
        (bounded) until the diagram shows that state: it is redrawn on the next animation frame after
        the feedback, which a busy machine may delay."""
        cell = self.root.locator(f"svg.ksim-diagram .kd-share-cell[data-offset='{offset}']")
        if drawn_as:
            expect(cell).to_have_attribute("data-state", drawn_as, timeout=10_000)
        row = self.root.locator(f"table.ksim-share-log tr[data-offset='{offset}']")
        return {"state": cell.get_attribute("data-state"), "count": int(cell.get_attribute("data-count")),
                "drawn": cell.text_content(), "table": row.inner_text()}

    def diagram_text(self) -> str:
        return self.root.locator("svg.ksim-diagram").text_content()


@pytest.fixture(scope="module")
def chapter(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen, errors = [], []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + CHAPTER)
    yield page
    context.close()
    assert not sorted({url for url in seen if not is_local(url)}), "Anfragen an fremde Hosts"
    assert not errors, f"Unbehandelte Fehler im Browser: {errors}"


@pytest.fixture
def share(chapter) -> Groups4Sim:
    return Groups4Sim(chapter, "share-gruppe").fresh()


@pytest.fixture
def rebalancing(chapter) -> Groups4Sim:
    return Groups4Sim(chapter, "kip848-rebalancing").fresh()


def test_the_chapter_names_the_buttons_it_asks_for(share, rebalancing):
    text = share.instructions()
    for label in ("Share-Gruppe hinzufügen", "Mitglied hinzufügen", "Abholen", "Bestätigen", "Freigeben",
                  "Sperre ablaufen lassen", "Zustellversuch 2", "Zustellversuch 5", "archiviert"):
        assert label in text, label
    text = rebalancing.instructions()
    for label in ("Consumer hinzufügen", "Consumer-Gruppe", "kursalarm-koop", "Assignor", "cooperative-sticky", "+1 s",
                  "Ereignisse", "gibt alle seine Partitionen ab", "gibt nur aktienkurse-4 ab", "ohne Besitzer, pausiert",
                  "Generation 2", "Generation 3", "Consumer hinzufügen (Typ consumer)", "gibt ab", "Gruppen-Epoche 4"):
        assert label in text, label


def test_two_members_share_a_partition_and_a_released_record_comes_back(share):
    # Schritt 1: two members, both reading the one partition.
    share.click("Share-Gruppe hinzufügen", "lager-1 tritt der Share-Gruppe lager bei")
    share.click("Mitglied hinzufügen", "lager-2 tritt der Share-Gruppe lager bei")
    for name in ("lager-1", "lager-2"):
        assert "liest auftraege-0" in share.member(name).inner_text()
    assert share.root.locator("svg.ksim-diagram .kd-share-reader").count() == 2
    # Schritt 2: the same partition, other records.
    said = share.click("Abholen: lager-1", "lager-1 hat abgeholt")
    assert "Offset 0 (Zustellversuch 1), Offset 1 (Zustellversuch 1)" in said
    said = share.click("Abholen: lager-2", "lager-2 hat abgeholt")
    assert "Offset 2 (Zustellversuch 1), Offset 3 (Zustellversuch 1)" in said
    assert [share.record(o)["state"] for o in range(4)] == ["Acquired"] * 4
    assert "◐ M2" in share.record(2)["drawn"] and "15 s" in share.record(2)["drawn"]
    # Schritt 3: accept one, release the other; the released one comes back with delivery 2.
    share.acknowledge("lager-1", 0, "Bestätigen", "Offset 0 bestätigt")
    share.acknowledge("lager-1", 1, "Freigeben", "Offset 1 freigegeben")
    assert (share.record(0)["state"], share.record(1)["state"]) == ("Acknowledged", "Available")
    assert "bestätigt" in share.record(0)["table"] and "verfügbar" in share.record(1)["table"]
    said = share.click("Abholen: lager-1", "lager-1 hat abgeholt")
    assert "Offset 1 (Zustellversuch 2)" in said
    assert "Zustellversuch 2" in share.held("lager-1", 1).inner_text()
    assert share.record(1)["count"] == 2


def test_an_expired_lock_gives_the_records_back(share):
    share.click("Share-Gruppe hinzufügen", "lager-1 tritt")
    share.click("Mitglied hinzufügen", "lager-2 tritt")
    share.click("Abholen: lager-1", "lager-1 hat abgeholt")
    share.click("Abholen: lager-2", "lager-2 hat abgeholt")
    # Schritt 4: lager-2 hangs; its lock runs out, and it can no longer acknowledge.
    said = share.click("Sperre ablaufen lassen: lager-2", "Sperre von lager-2 ist abgelaufen")
    assert said.startswith("15,0 s vergangen")
    assert (share.record(2)["state"], share.record(3)["state"]) == ("Available", "Available")
    assert "Sperre abgelaufen" in share.held("lager-2", 2).inner_text()
    assert share.member("lager-2").get_by_role("button", name="Sperre ablaufen lassen").is_disabled()
    # lager-1's lock started at the same moment: it ran out too.
    assert share.record(0)["state"] == "Available"
    # Too late: the broker refuses lager-2's answers; then it may fetch again.
    for offset in (2, 3):
        said = share.acknowledge("lager-2", offset, "Bestätigen", f"Offset {offset}: Der Broker lehnt ab")
        assert "INVALID_RECORD_STATE" in said
    assert share.record(2)["state"] == "Available"
    said = share.click("Abholen: lager-2", "lager-2 hat abgeholt")
    assert "(Zustellversuch 2)" in said and "(Zustellversuch 1)" not in said


def test_a_poison_record_is_archived_after_the_fifth_delivery(share):
    share.click("Share-Gruppe hinzufügen", "lager-1 tritt")
    # Schritt 5: release offset 1 again and again, accept the others.
    said = ""
    for delivery in range(1, 6):
        share.click("Abholen: lager-1", "lager-1 hat abgeholt")
        assert f"Zustellversuch {delivery}" in share.held("lager-1", 1).inner_text()
        for line in share.member("lager-1").locator("li.ksim-held").all_inner_texts():
            offset = int(re.match(r"Offset (\d+)", line)[1])
            if offset != 1:
                share.acknowledge("lager-1", offset, "Bestätigen", f"Offset {offset} bestätigt")
        said = share.acknowledge("lager-1", 1, "Freigeben", "Offset 1 freigegeben")
    assert "Zustellversuch 5" in said and "archiviert" in said
    record = share.record(1, drawn_as="Archived")
    assert (record["state"], record["count"]) == ("Archived", 5)
    assert "✕ archiviert" in record["drawn"] and "archiviert" in record["table"]
    # Never delivered again: the next fetches bring other records only.
    said = share.click("Abholen: lager-1", "lager-1 hat")
    assert "Offset 1 " not in said


def test_eager_and_cooperative_rebalancing_side_by_side(rebalancing):
    sim = rebalancing
    # Schritt 1 and 2: a third instance for each classic group, the second one cooperative.
    form = sim.form("Consumer hinzufügen")
    sim.clear_messages()
    form.get_by_role("button", name="Consumer hinzufügen").click()
    sim.wait_status("kursalarm-3 tritt der Gruppe kursalarm bei")
    form.get_by_label("Consumer-Gruppe").fill("kursalarm-koop")
    form.get_by_label("Assignor").select_option("cooperative-sticky")
    sim.clear_messages()
    form.get_by_role("button", name="Consumer hinzufügen").click()
    sim.wait_status("kursalarm-koop-3 tritt der Gruppe kursalarm-koop bei")
    # Schritt 3: time passes; the cooperative members keep what does not move, P4 and P5 pause.
    diagram = sim.root.locator("svg.ksim-diagram")
    eager, koop = (diagram.locator(f"g.kd-group[data-group='{g}']") for g in ("kursalarm", "kursalarm-koop"))
    paused = set()
    for _ in range(15):
        sim.seconds(1)
        sim.wait_js("(() => { const d = sim.querySelector('[data-drawn-at]'); "
                    "return !!d && d.dataset.drawnAt === sim.dataset.simTime; })()")
        for name, kept in (("kursalarm-koop-1", ("P0 ·", "P2 ·")), ("kursalarm-koop-2", ("P1 ·", "P3 ·"))):
            holds = koop.locator(f"g.kd-member[data-member='{name}']").text_content()
            assert all(p in holds for p in kept), holds
        drawn = koop.text_content()
        if "ohne Besitzer, pausiert" in drawn:
            paused |= set(re.findall(r"P(\d) ‖ pausiert", drawn))
        if "stabil · Generation 2" in eager.text_content() and "stabil · Generation 3" in drawn and \
                "kursalarm-koop-3: aktienkurse-4, aktienkurse-5" in sim.root.locator("div.ksim-groups").inner_text():
            break
    assert paused == {"4", "5"}, "Das Diagramm zeigt die wandernden Partitionen nicht als pausiert"
    # One round for eager (Generation 2), two for cooperative (Generation 3).
    assert "stabil · Generation 2" in eager.text_content()
    assert "stabil · Generation 3" in koop.text_content()
    groups = sim.root.locator("div.ksim-groups").inner_text()
    for name, parts in (("kursalarm-2", "2, aktienkurse-3"), ("kursalarm-3", "4, aktienkurse-5"),
                        ("kursalarm-koop-1", "0, aktienkurse-2"), ("kursalarm-koop-2", "1, aktienkurse-3"),
                        ("kursalarm-koop-3", "4, aktienkurse-5")):
        assert re.search(rf"{name}( \(Gruppen-Leader\))?: aktienkurse-{parts}\n", groups + "\n"), (name, groups)
    # What the rebalance listeners said: eager gives up everything, cooperative only what moves.
    log = sim.root.get_by_role("list", name="Ereignisse, neueste zuerst").inner_text()
    for name in ("kursalarm-1", "kursalarm-2"):
        assert f"{name} gibt alle seine Partitionen ab" in log, log
    assert "kursalarm-koop-1 gibt nur aktienkurse-4 ab (cooperative) und behält aktienkurse-0, aktienkurse-2" in log
    assert "kursalarm-koop-2 gibt nur aktienkurse-5 ab" in log
    assert "kursalarm-koop-1 gibt alle" not in log and "kursalarm-koop-2 gibt alle" not in log


def test_the_consumer_protocol_keeps_the_unaffected_members_reading(rebalancing):
    sim = rebalancing
    # Schritt 4: C joins depot-neu; A and B read on all the time.
    sim.click("Consumer hinzufügen (Typ consumer)", "C tritt der Gruppe depot-neu bei")
    protocol = sim.root.locator(".ksim-protocol-groups")
    saw_revoking = False
    for _ in range(10):
        sim.seconds(1)
        text = protocol.inner_text()
        assert re.search(r"A \(Epoche \d+\): liest weiter: kurse-0, kurse-1", text), text
        assert re.search(r"B \(Epoche \d+\): liest weiter: kurse-3, kurse-4", text), text
        saw_revoking = saw_revoking or "gibt ab" in text
        if "C (Epoche 4): liest weiter: kurse-2, kurse-5" in text and "gibt ab" not in text:
            break
    assert saw_revoking, "Niemand hat sichtbar Partitionen abgegeben"
    text = protocol.inner_text()
    assert "A (Epoche 4): liest weiter: kurse-0, kurse-1" in text
    assert "B (Epoche 4): liest weiter: kurse-3, kurse-4" in text
    assert "C (Epoche 4): liest weiter: kurse-2, kurse-5" in text
    drawn = sim.diagram_text()
    assert "P2 ▶ liest" in drawn and "P5 ▶ liest" in drawn and "gibt ab" not in drawn
    assert "Gruppen-Epoche 4" in drawn


@pytest.fixture
def poison(chapter) -> Groups4Sim:
    return Groups4Sim(chapter, "uebung-giftdatensatz").fresh()


def work_off(sim: Groups4Sim, answer_poison: str) -> None:
    """Fetches until nothing comes; the poison record (offset 2) gets `answer_poison`."""
    sim.click("Share-Gruppe hinzufügen", "lager-1 tritt der Share-Gruppe lager bei")
    for _ in range(10):
        said = sim.click("Abholen: lager-1", "lager-1 hat")
        if "nichts abgeholt" in said:
            return
        for line in sim.member("lager-1").locator("li.ksim-held").all_inner_texts():
            offset = int(re.match(r"Offset (\d+)", line)[1])
            label = answer_poison if offset == 2 else "Bestätigen"
            sim.acknowledge("lager-1", offset, label, f"Offset {offset} ")
    raise AssertionError("Die Share-Gruppe liefert immer weiter")


def test_the_poison_record_exercise_as_the_chapter_asks(poison):
    text = poison.instructions()
    for label in ("Share-Gruppe hinzufügen", "Abholen", "Bestätigen", "Freigeben", "Prüfen"):
        assert label in text, label
    work_off(poison, "Freigeben")
    assert (poison.record(2, drawn_as="Archived")["state"], poison.record(2)["count"]) == ("Archived", 5)
    result, verdict = poison.check()
    assert result == "success", verdict
    assert "archiviert" in verdict and "share.delivery.count.limit=5" in verdict


def test_rejecting_the_poison_record_is_not_what_the_exercise_asks(poison):
    work_off(poison, "Ablehnen")
    result, verdict = poison.check()
    assert result == "failure" and "abgelehnt" in verdict, verdict
