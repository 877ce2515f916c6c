"""The exercise of every theory chapter, done as its page tells a learner: found under its heading,
driven with the labels the learner sees (buttons, forms, the editor), judged by "Prüfen".

One page load per chapter: the pages are opened one at a time and kept while tests of the same
chapter follow. Every test starts with the exercise's "Zurücksetzen", so none depends on another.
"""

from __future__ import annotations

import re

import pytest

from tests.fixtures.browser import is_local
from tests.journeys.labor_page import Exercise

pytestmark = pytest.mark.browser


class Chapters:
    """Opens a chapter page once and keeps it until a test asks for another one."""

    def __init__(self, browser, site_url):
        self.browser, self.site_url = browser, site_url
        self.path = self.context = self.page = None
        self.errors: list[str] = []
        self.seen: list[str] = []

    def exercise(self, path: str, heading: str) -> Exercise:
        if path != self.path:
            self.close()
            self.context = self.browser.new_context(viewport={"width": 1280, "height": 900})
            self.context.on("request", lambda request: self.seen.append(request.url))
            self.page = self.context.new_page()
            self.page.on("pageerror", lambda error: self.errors.append(str(error)))
            # Exercises judged right, as the page announces them to the document.
            self.page.add_init_script(
                "window.solved = []; document.addEventListener('kafkasim:exercise-solved', "
                "(e) => window.solved.push(e.detail));")
            self.page.goto(self.site_url + path)
            self.path = path
        return Exercise(self.page, heading).reset()

    def solved(self) -> list[dict]:
        """What the page announced with "kafkasim:exercise-solved" since it was opened."""
        return self.page.evaluate("window.solved")

    def pathname(self) -> str:
        return self.page.evaluate("location.pathname")

    def close(self):
        if self.context is not None:
            self.context.close()
        self.path = self.context = self.page = None

    def verify(self):
        external = sorted({url for url in self.seen if not is_local(url)})
        assert not external, f"Anfragen an fremde Hosts: {external}"
        assert not self.errors, f"Unbehandelte Fehler im Browser: {self.errors}"


@pytest.fixture(scope="module")
def chapters(browser, site_url):
    pages = Chapters(browser, site_url)
    yield pages
    pages.close()
    pages.verify()


def edited(source: str, old: str, new: str) -> str:
    assert old in source, f"Das Startskript enthält {old!r} nicht:\n{source}"
    return source.replace(old, new, 1)


def leader(ex: Exercise, partition: int = 0) -> int:
    return ex.leader(partition)


def isr(ex: Exercise, partition: int = 0) -> list[int]:
    return [int(b) for b in re.search(r"ISR \[([\d, ]*)\]", ex.partition_head(partition))[1].split(", ") if b]


def followers(ex: Exercise) -> list[int]:
    replicas = re.findall(r"B(\d) (?:Leader|Follower)", ex.root.locator(".ksim-replicas").first.inner_text())
    return [int(b) for b in replicas if int(b) != ex.leader()]


# -- Event-Streaming -----------------------------------------------------------------------------

EVENTS = ("theorie/event-streaming/", "Übung: Anna macht Pause")


def test_event_streaming_anna_pauses_and_loses_nothing(chapters):
    ex = chapters.exercise(*EVENTS)
    result, text = ex.check()
    assert result == "failure" and "Entfernen Sie zuerst anna" in text, text
    ex.remove("anna", "depot-anna")
    ex.seconds(5)
    ex.add_consumer("depot-anna", "anna")
    text = ex.check_until("success", 15)
    assert "kein Kurs verloren" in text and "entkoppelt" in text
    assert chapters.solved() == [{"id": "entkopplung", "page": chapters.pathname()}]


def test_event_streaming_a_new_group_is_judged_wrong(chapters):
    ex = chapters.exercise(*EVENTS)
    ex.remove("anna", "depot-anna")
    ex.seconds(5)
    ex.add_consumer("anna", "anna", reset="latest")
    ex.seconds(5)
    result, text = ex.check()
    assert result == "failure" and "„anna“" in text and "depot-anna" in text, text


# -- Architektur ---------------------------------------------------------------------------------

ARCHITECTURE = ("theorie/architektur/", "Übung: ein Broker stürzt ab")


def test_architecture_a_leader_crashes_and_both_go_on(chapters):
    ex = chapters.exercise(*ARCHITECTURE)
    crashed = leader(ex, 0)
    ex.crash(crashed)
    result, text = ex.check()
    assert result == "failure" and "9 s" in text, text
    text = ex.check_until("success", 20)
    assert f"Broker {crashed} ist abgestürzt" in text and f"Broker {leader(ex, 0)} zum Leader" in text


def test_architecture_two_crashed_brokers_are_judged_wrong(chapters):
    ex = chapters.exercise(*ARCHITECTURE)
    ex.crash(1)
    ex.crash(2)
    ex.seconds(12)
    result, text = ex.check()
    assert result == "failure" and "zwei von drei" in text, text


# -- Topics, Partitionen, Offsets ----------------------------------------------------------------

TOPICS = ("theorie/topics-partitionen/", "Übung: ein Tombstone löscht DTE")


def test_topics_a_zero_price_deletes_nothing_a_tombstone_does(chapters):
    ex = chapters.exercise(*TOPICS)
    script = ex.starter()
    output = ex.run()  # as it stands, the starter writes a price of 0 euro
    assert "DTE -> Partition 2" in output, output
    ex.seconds(20)
    result, text = ex.check()
    assert result == "failure" and "Preis 0" in text, text
    ex.reset()
    ex.write(edited(script, "value=kurs", "value=None"))
    ex.run()
    text = ex.check_until("success", 40)
    assert "kein Kurs von DTE mehr" in text


# -- Erste Schritte ------------------------------------------------------------------------------

FIRST = ("theorie/erste-schritte/", "Erste Schritte")


def test_first_steps_the_walk_through_is_judged(chapters):
    ex = chapters.exercise(*FIRST)
    result, text = ex.check()
    assert result == "failure" and text.startswith("Noch nicht: Schritt 1"), text
    # 1. "Topic anlegen": aktienkurse, 3 Partitionen, Replikationsfaktor 1.
    form = ex.form("Topic anlegen")
    form.get_by_label("Name").fill("aktienkurse")
    form.get_by_label("Partitionen").fill("3")
    form.get_by_label("Replikationsfaktor").fill("1")
    ex.clear_messages()
    form.get_by_role("button", name="Topic anlegen").click()
    ex.wait_status("aktienkurse")
    # 2. The three prices of the table.
    for key, value in [("SAP", "231.50"), ("SAP", "232.10"), ("DTE", "31.07")]:
        ex.produce(value, key=key)
    result, text = ex.check()
    assert result == "failure" and "Schritt 3" in text and "depot-anna" in text, text
    # 3. Anna's group from the beginning, then Ben's.
    ex.add_consumer("depot-anna", reset="earliest")
    ex.seconds(8)
    ex.add_consumer("depot-ben", reset="earliest")
    ex.seconds(8)
    # The success comes by itself: the page says so.
    ex.wait_js("sim.querySelector('.ksim-verdict').dataset.result === 'success'")
    _result, text = ex.verdict()
    assert "in Partition 0" in text and "in Partition 2" in text and "depot-ben" in text, text
    assert {"id": "erste-schritte", "page": chapters.pathname()} in chapters.solved()


def test_first_steps_the_group_defaults_to_annas(chapters):
    ex = chapters.exercise(*FIRST)
    field = ex.form("Consumer hinzufügen").get_by_label("Consumer-Gruppe")
    assert field.evaluate("(input) => input.defaultValue") == "depot-anna"  # what the form offers at first


# -- Replikation ---------------------------------------------------------------------------------

REPLICATION = ("theorie/replikation/", "Übung: zu wenige Replikate in der ISR")


def test_replication_min_insync_refuses_acks_all(chapters):
    ex = chapters.exercise(*REPLICATION)
    first, second = followers(ex)
    ex.crash(first)
    ex.seconds(10)
    assert first not in isr(ex) and len(isr(ex)) == 2, ex.partition_head(0)
    ex.stop(second)
    message = ex.produce("SAP 232.00", key="SAP", acks="all", expect="Nicht möglich")
    assert "NotEnoughReplicasError" in message, message
    ex.produce("SAP 232.10", key="SAP", acks="1")
    result, text = ex.check()
    assert result == "success" and "NotEnoughReplicasError" in text and "acks=1" in text, text


def test_replication_two_crashes_are_judged_wrong(chapters):
    ex = chapters.exercise(*REPLICATION)
    for broker in followers(ex):
        ex.crash(broker)
    result, text = ex.check()
    assert result == "failure" and "RequestTimedOutError" in text and "kontrolliert" in text, text


# -- Producer ------------------------------------------------------------------------------------

PRODUCER = ("theorie/producer/", "Übung: zehn Kurse mit Schlüssel und Header")
SEND = 'send("aktienkurse", value=kurs)'


def test_producer_ten_keyed_prices_with_a_header(chapters):
    ex = chapters.exercise(*PRODUCER)
    script = ex.starter()
    ex.run()  # as it stands: no key, no header
    result, text = ex.check()
    assert result == "failure" and "ohne Schlüssel" in text, text
    ex.reset()
    ex.write(edited(script, SEND, 'send("aktienkurse", key="SAP", value=kurs)'))
    ex.run()
    result, text = ex.check()
    assert result == "failure" and "keinen Header" in text, text
    ex.reset()
    ex.write(edited(script, SEND, 'send("aktienkurse", key="SAP", value=kurs, headers=[("quelle", b"xetra")])'))
    output = ex.run()
    assert output.count("-> Partition 0") == 10, output
    result, text = ex.check()
    assert result == "success" and "Offsets 0 bis 9" in text and "quelle=xetra" in text, text


# -- Consumer ------------------------------------------------------------------------------------

CONSUMER = ("theorie/consumer/", "Übung: der Kursalarm wird skaliert")


def test_consumer_a_fourth_instance_stays_idle(chapters):
    ex = chapters.exercise(*CONSUMER)
    ex.add_consumer("kursalarm", "kursalarm-3")
    result, text = ex.check()
    assert result == "failure" and "rebalanciert" in text, text
    ex.seconds(5)
    result, text = ex.check()
    assert result == "failure" and "genau eine Partition" in text, text
    assert sorted(len(re.findall(r"aktienkurse-\d", m)) for m in ex.members("kursalarm")) == [1, 1, 1]
    ex.add_consumer("kursalarm", "kursalarm-4")
    text = ex.check_until("success", 10)
    assert "kursalarm-4 bekam keine" in text
    assert any(m.startswith("kursalarm-4") and "keine Partition" in m for m in ex.members("kursalarm"))


def test_consumer_client_id_in_the_group_field_is_judged_wrong(chapters):
    ex = chapters.exercise(*CONSUMER)
    ex.add_consumer("kursalarm-3")
    ex.seconds(5)
    result, text = ex.check()
    assert result == "failure" and "„kursalarm-3“" in text and "Client-ID" in text, text


# -- Share-Gruppen -------------------------------------------------------------------------------

SHARE_GROUPS = ("theorie/share-gruppen/", "Übung: wo die Consumer-Gruppe aufhört")


def test_share_groups_the_limit_of_a_consumer_group(chapters):
    """The chapter starts from the consumer group's limit: a fourth member of three partitions idles."""
    ex = chapters.exercise(*SHARE_GROUPS)
    ex.add_consumer("kursalarm", "kursalarm-3")
    ex.seconds(5)
    ex.add_consumer("kursalarm", "kursalarm-4")
    text = ex.check_until("success", 10)
    assert "kursalarm-4 bekam keine" in text
    assert any(m.startswith("kursalarm-4") and "keine Partition" in m for m in ex.members("kursalarm"))


# -- Zustellgarantien ----------------------------------------------------------------------------

GUARANTEES = ("theorie/zustellgarantien/", "Übung: Absturz zwischen Verarbeitung und Commit")


def test_guarantees_the_successor_reads_the_uncommitted_prices_again(chapters):
    ex = chapters.exercise(*GUARANTEES)
    ex.starter()
    output = ex.run()
    processed = re.findall(r"verarbeitet: Offset (\d+)", output)
    assert len(processed) == 25 and "committet: Offset 20" in output, output
    ex.add_consumer("depot-anna", "anna-2")
    result, text = ex.check()
    assert result == "failure", text
    ex.seconds(45)  # the crashed member leaves the group after session_timeout_ms
    text = ex.check_until("success", 10)
    assert f"Offset 20 bis {processed[-1]}" in text and "mindestens einmal" in text, text


def test_guarantees_a_clean_end_is_judged_wrong(chapters):
    ex = chapters.exercise(*GUARANTEES)
    script = ex.starter()
    ex.write(script + "consumer.commit()\nconsumer.close()\n")
    ex.run()
    ex.add_consumer("depot-anna", "anna-2")
    ex.seconds(6)
    result, text = ex.check()
    assert result == "failure" and "nichts doppelt" in text, text


# -- Ausfälle im Experiment ----------------------------------------------------------------------

FAILURES = ("theorie/ausfaelle/", "Selbst ausprobieren")


def test_failures_two_crashed_brokers_time_out_acks_all(chapters):
    ex = chapters.exercise(*FAILURES)
    for broker in followers(ex):
        ex.crash(broker)
    message = ex.produce("SAP 232.00", key="SAP", acks="all", expect="Nicht möglich")
    assert "RequestTimedOutError" in message and "NotEnoughReplicas" not in message, message
    result, text = ex.check()
    assert result == "success" and "RequestTimedOutError, nicht mit NotEnoughReplicasError" in text, text
    assert len(isr(ex)) == 3, ex.partition_head(0)  # nobody could shrink it


def test_failures_crashing_the_leader_is_judged_wrong(chapters):
    ex = chapters.exercise(*FAILURES)
    ex.crash(leader(ex))
    ex.crash(followers(ex)[0])
    result, text = ex.check()
    assert result == "failure" and "nicht den Leader" in text, text
