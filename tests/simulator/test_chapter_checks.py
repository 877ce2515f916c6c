"""The exercise of each theory chapter on CPython: its preset set up through the worker's bridge as
the page sets it up, then solved or missed with the Cluster's controls (what the buttons call) or
with the starter script from docs_src/labor – and judged from the cluster, in German."""

from __future__ import annotations

import json

import pytest

from tests.simulator.labor_lab import Lab, presets, starter  # noqa: F401 - presets is a fixture


@pytest.fixture
def lab(presets):
    return lambda name: Lab(presets[name])


def leader(ex: Lab) -> int:
    return ex.leader()


def followers(ex: Lab) -> list[int]:
    return [b for b in (1, 2, 3) if b != ex.leader()]


def produce_error(ex: Lab, acks) -> str | None:
    """Sends one price as the form does; the broker's error as the form shows it, or None."""
    reply = json.loads(ex.bridge.handle(json.dumps({"type": "control", "sim": "labor", "command": {
        "op": "produce", "topic": "aktienkurse", "value": "SAP 232.00", "key": "SAP", "acks": acks}})))
    return None if reply["ok"] else reply["error"]


def test_every_chapter_has_its_exercise(presets):
    """One exercise per theory chapter, each with a check the worker knows."""
    from kafkasim.labor import CHECKS
    chapter = ["uebung-entkopplung", "uebung-broker-absturz", "uebung-tombstone", "erste-schritte",
               "uebung-min-insync", "uebung-schluessel-header", "uebung-kursalarm-skalieren",
               "uebung-absturz-vor-commit", "uebung-zwei-broker",
               "uebung-boerse-ifx", "uebung-manuell-committen"]   # and the two Praxis pages
    for name in chapter:
        assert presets[name]["exercise"]["id"] in CHECKS, name


# -- Event-Streaming -----------------------------------------------------------------------------

def test_entkopplung_nothing_is_lost_during_the_pause(lab):
    ex = lab("uebung-entkopplung")
    ok, text = ex.check()
    assert not ok and "Entfernen Sie zuerst anna" in text
    ex.control("remove_consumer", client_id="anna")
    stopped = ex.committed("depot-anna")
    ex.advance(5)
    ok, text = ex.check()
    assert not ok and "fügen Sie dann wieder einen Consumer der Gruppe depot-anna hinzu" in text
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], client_id="anna")
    ex.advance(6)
    ok, text = ex.check()
    assert ok and "kein Kurs verloren" in text and "entkoppelt" in text, text
    assert ", ".join(f"aktienkurse-{p}: {o}" for p, o in sorted(stopped.items())) in text


def test_entkopplung_a_new_group_does_not_read_on(lab):
    ex = lab("uebung-entkopplung")
    ex.control("remove_consumer", client_id="anna")
    ex.advance(5)
    ex.control("add_consumer", group_id="anna", topics=["aktienkurse"], client_id="anna", auto_offset_reset="latest")
    ex.advance(6)
    ok, text = ex.check()
    assert not ok and "„anna“" in text and "depot-anna" in text, text


def test_entkopplung_without_a_pause_there_is_nothing_to_catch_up(lab):
    ex = lab("uebung-entkopplung")
    ex.control("stop_ticker", ticker_id="boerse-1")
    ex.advance(1)
    ex.control("remove_consumer", client_id="anna")
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], client_id="anna")
    ex.advance(5)
    ok, text = ex.check()
    assert not ok and "kein neuer Kurs" in text


# -- Architektur ---------------------------------------------------------------------------------

def test_broker_crash_producer_and_consumer_go_on(lab):
    ex = lab("uebung-broker-absturz")
    ok, text = ex.check()
    assert not ok and "abstürzen" in text
    crashed = leader(ex)
    ex.control("crash_broker", broker_id=crashed)
    ex.advance(3)
    ok, text = ex.check()
    assert not ok and "9 s" in text and "Lassen Sie die Zeit laufen" in text, text
    # Producer and consumer notice the new leader at their first failed reconnect after the election
    # (reconnect backoff 50 ms doubling, ±20 %: 12.75 s after the crash; the real cluster measured
    # 12.1-13.7 s), and the consumer fetches once its long-poll at another broker returns.
    ex.advance(15)
    ok, text = ex.check()
    assert ok, text
    assert f"Broker {crashed} ist abgestürzt" in text and f"Broker {leader(ex)} zum Leader" in text


def test_broker_crash_a_controlled_shutdown_is_not_a_crash(lab):
    ex = lab("uebung-broker-absturz")
    ex.control("stop_broker", broker_id=leader(ex))
    ex.advance(5)
    ok, text = ex.check()
    assert not ok and "kontrolliert heruntergefahren" in text and "Absturz" in text


def test_broker_crash_two_brokers_leave_no_controller(lab):
    ex = lab("uebung-broker-absturz")
    ex.control("crash_broker", broker_id=1)
    ex.control("crash_broker", broker_id=2)
    ex.advance(12)
    ok, text = ex.check()
    assert not ok and "zwei von drei" in text and "Controller" in text


def test_broker_crash_without_the_boerse(lab):
    ex = lab("uebung-broker-absturz")
    ex.control("stop_ticker", ticker_id="boerse-1")
    ex.control("crash_broker", broker_id=leader(ex))
    ex.advance(12)
    ok, text = ex.check()
    assert not ok and "Die Börse sendet nicht mehr" in text


# -- Topics: Tombstone ---------------------------------------------------------------------------

TOMBSTONE = ("value=kurs", "value=None")


def test_tombstone_removes_dte_after_compaction(lab):
    ex = lab("uebung-tombstone")
    ok, text = ex.check()
    assert not ok and "3 Kurse von DTE" in text
    out = ex.run(starter("topics_tombstone.py", *TOMBSTONE))
    assert "DTE -> Partition 2" in out
    ok, text = ex.check()
    assert not ok and "Tombstone liegt bei Offset" in text and "aktive" in text, text
    ex.advance(40)
    ok, text = ex.check()
    assert ok and "kein Kurs von DTE mehr" in text and "delete.retention.ms" in text, text


def test_tombstone_a_zero_price_is_just_the_newest_price(lab):
    ex = lab("uebung-tombstone")
    out = ex.run(starter("topics_tombstone.py"))  # as it stands: a price of 0 euro
    assert "DTE -> Partition 2" in out
    ex.advance(40)
    ok, text = ex.check()
    assert not ok and "noch 1 Kurs von DTE" in text and "Preis 0" in text and "neuesten Wert" in text, text


def test_tombstone_an_empty_value_is_not_one(lab):
    ex = lab("uebung-tombstone")
    ex.run(starter("topics_tombstone.py", "value=kurs", 'value=""'))
    ex.advance(40)
    ok, text = ex.check()
    assert not ok and "„\"\"“" in text and "value=None" in text, text


def test_tombstone_with_a_lower_case_key(lab):
    ex = lab("uebung-tombstone")
    ex.run(starter("topics_tombstone.py", 'key="DTE", value=kurs', 'key="dte", value=None'))
    ok, text = ex.check()
    assert not ok and "„dte“" in text and "Groß- und Kleinschreibung" in text


def test_tombstone_in_another_topic(lab):
    ex = lab("uebung-tombstone")
    ex.run(starter("topics_tombstone.py", 'send("letzte-kurse", key="DTE", value=kurs)',
                   'send("aktienkurse", key="DTE", value=None)'))
    ok, text = ex.check()
    assert not ok and "Topic aktienkurse" in text and "letzte-kurse" in text


def test_tombstone_followed_by_a_new_price(lab):
    ex = lab("uebung-tombstone")
    ex.run(starter("topics_tombstone.py", *TOMBSTONE))
    ex.control("produce", topic="letzte-kurse", value='{"symbol": "DTE", "price": 31.2, "currency": "EUR"}', key="DTE")
    ex.advance(40)
    ok, text = ex.check()
    assert not ok and "Nach Ihrem Tombstone" in text


# -- Erste Schritte ------------------------------------------------------------------------------

def walk_to_step_3(ex: Lab):
    ex.control("create_topic", name="aktienkurse", partitions=3, replication_factor=1)
    for key, value in [("SAP", "231.50"), ("SAP", "232.10"), ("DTE", "31.07")]:
        ex.control("produce", topic="aktienkurse", value=value, key=key)


def test_erste_schritte_the_walk_through_step_by_step(lab):
    ex = lab("erste-schritte")
    ok, text = ex.check()
    assert not ok and text.startswith("Schritt 1")
    ex.control("create_topic", name="aktienkurse", partitions=3, replication_factor=1)
    ok, text = ex.check()
    assert not ok and text.startswith("Schritt 2") and "2 Kurse mit dem Schlüssel SAP" in text
    for key, value in [("SAP", "231.50"), ("SAP", "232.10"), ("DTE", "31.07")]:
        ex.control("produce", topic="aktienkurse", value=value, key=key)
    ok, text = ex.check()
    assert not ok and text.startswith("Schritt 3") and "depot-anna" in text
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], auto_offset_reset="earliest")
    ex.advance(10)
    ok, text = ex.check()
    assert not ok and "depot-ben" in text
    ex.control("add_consumer", group_id="depot-ben", topics=["aktienkurse"], auto_offset_reset="earliest")
    ex.advance(10)
    ok, text = ex.check()
    assert ok and "in Partition 0" in text and "in Partition 2" in text, text


def test_erste_schritte_latest_misses_the_three_prices(lab):
    ex = lab("erste-schritte")
    walk_to_step_3(ex)
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], auto_offset_reset="latest")
    ex.advance(10)
    ex.control("produce", topic="aktienkurse", value="231.80", key="SAP")
    ex.advance(6)
    ok, text = ex.check()
    assert not ok and "verpasst" in text and "earliest" in text, text


def test_erste_schritte_one_partition_is_not_the_page(lab):
    ex = lab("erste-schritte")
    ex.control("create_topic", name="aktienkurse", partitions=1, replication_factor=1)
    ok, text = ex.check()
    assert not ok and "1 Partition" in text and "drei" in text


def test_erste_schritte_key_in_lower_case(lab):
    ex = lab("erste-schritte")
    ex.control("create_topic", name="aktienkurse", partitions=3, replication_factor=1)
    ex.control("produce", topic="aktienkurse", value="231.50", key="sap")
    ok, text = ex.check()
    assert not ok and "„sap“" in text


# -- Replikation: min.insync.replicas ------------------------------------------------------------

def test_min_insync_refuses_acks_all(lab):
    ex = lab("uebung-min-insync")
    first, second = followers(ex)
    ex.control("crash_broker", broker_id=first)
    ok, text = ex.check()
    assert not ok and "9 s" in text
    ex.advance(10)
    ok, text = ex.check()
    assert not ok and "kontrolliert herunter" in text, text
    assert produce_error(ex, "all") is None  # two in the ISR: still confirmed
    ex.control("stop_broker", broker_id=second)
    assert produce_error(ex, 1) is None
    ok, text = ex.check()
    assert not ok and "nur Schreibvorgänge mit acks=all" in text, text
    assert "NotEnoughReplicasError" in produce_error(ex, "all")
    ok, text = ex.check()
    assert ok and "NotEnoughReplicasError" in text and "acks=1 (Offset 1)" in text and "HW 1" in text, text


def test_min_insync_two_crashes_time_out_instead(lab):
    ex = lab("uebung-min-insync")
    for broker in followers(ex):
        ex.control("crash_broker", broker_id=broker)
    assert "RequestTimedOutError" in produce_error(ex, "all")
    ok, text = ex.check()
    assert not ok and "RequestTimedOutError" in text and "kontrolliert" in text


# -- Producer: Schlüssel und Header --------------------------------------------------------------

SEND = 'send("aktienkurse", value=kurs)'


def test_header_ten_keyed_prices_with_headers(lab):
    ex = lab("uebung-schluessel-header")
    out = ex.run(starter("producer_header.py", SEND,
                         'send("aktienkurse", key="SAP", value=kurs, headers=[("quelle", b"xetra")])'))
    assert out.count("-> Partition 0") == 10, out
    ok, text = ex.check()
    assert ok and "Offsets 0 bis 9" in text and "quelle=xetra" in text, text


def test_header_the_starter_sends_without_key(lab):
    ex = lab("uebung-schluessel-header")
    ex.run(starter("producer_header.py"))
    ok, text = ex.check()
    assert not ok and "ohne Schlüssel" in text and "zufällig" in text


def test_header_keyed_but_without_headers(lab):
    ex = lab("uebung-schluessel-header")
    ex.run(starter("producer_header.py", SEND, 'send("aktienkurse", key="SAP", value=kurs)'))
    ok, text = ex.check()
    assert not ok and "keinen Header" in text and 'headers=[("quelle", b"xetra")]' in text


def test_header_a_key_per_price(lab):
    ex = lab("uebung-schluessel-header")
    ex.run(starter("producer_header.py", SEND,
                   'send("aktienkurse", key=f"SAP-{i}", value=kurs, headers=[("quelle", b"xetra")])'))
    ok, text = ex.check()
    assert not ok and "10 verschiedene Schlüssel" in text, text


def test_header_partition_chosen_by_hand(lab):
    ex = lab("uebung-schluessel-header")
    ex.run(starter("producer_header.py", SEND,
                   'send("aktienkurse", key="SAP", value=kurs, headers=[("quelle", b"xetra")], partition=i % 3)'))
    ok, text = ex.check()
    assert not ok and "in den Partitionen 0, 1 und 2" in text


# -- Consumer: Kursalarm skalieren ---------------------------------------------------------------

def add(ex: Lab, group: str, client: str):
    ex.control("add_consumer", group_id=group, topics=["aktienkurse"], client_id=client)
    ex.advance(5)


def test_kursalarm_a_fourth_member_stays_idle(lab):
    ex = lab("uebung-kursalarm-skalieren")
    add(ex, "kursalarm", "kursalarm-3")
    ok, text = ex.check()
    assert not ok and "genau eine Partition" in text and "4. Mitglied" in text, text
    add(ex, "kursalarm", "kursalarm-4")
    ok, text = ex.check()
    assert ok and "kursalarm-4 bekam keine" in text and "Generation" in text, text


def test_kursalarm_client_id_in_the_group_field(lab):
    ex = lab("uebung-kursalarm-skalieren")
    add(ex, "kursalarm-3", "kursalarm-3")
    ok, text = ex.check()
    assert not ok and "„kursalarm-3“" in text and "Client-ID" in text


def test_kursalarm_still_rebalancing(lab):
    ex = lab("uebung-kursalarm-skalieren")
    ex.control("add_consumer", group_id="kursalarm", topics=["aktienkurse"], client_id="kursalarm-3")
    ok, text = ex.check()
    assert not ok and "rebalanciert gerade" in text


# -- Zustellgarantien: Absturz vor dem Commit ----------------------------------------------------

def test_absturz_the_successor_reads_the_uncommitted_prices_again(lab):
    ex = lab("uebung-absturz-vor-commit")
    ok, text = ex.check()
    assert not ok and "Führen Sie zuerst das Skript" in text
    out = ex.run(starter("zustellgarantien_absturz.py"))
    assert out.count("verarbeitet:") == 25 and "committet: Offset 20" in out, out
    ok, text = ex.check()
    assert not ok and "bis Offset 24 verarbeitet" in text and "committet bis Offset 20" in text, text
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], client_id="anna-2")
    ex.advance(5)
    ok, text = ex.check()
    assert not ok and "session_timeout_ms" in text and "45 s" in text
    ex.advance(45)
    ok, text = ex.check()
    assert ok and "Offset 20 bis 24" in text and "mindestens einmal" in text, text


def test_absturz_running_the_script_again_is_the_successor(lab):
    ex = lab("uebung-absturz-vor-commit")
    ex.run(starter("zustellgarantien_absturz.py"))
    out = ex.run(starter("zustellgarantien_absturz.py"))
    assert out.splitlines()[0].startswith("verarbeitet: Offset 20,"), out
    ok, text = ex.check()
    assert ok and "Offset 20 bis 24" in text, text


def test_absturz_a_clean_end_reads_nothing_twice(lab):
    ex = lab("uebung-absturz-vor-commit")
    ex.run(starter("zustellgarantien_absturz.py") + "consumer.commit()\nconsumer.close()\n")
    add(ex, "depot-anna", "anna-2")
    ok, text = ex.check()
    assert not ok and "Offset 25" in text and "nichts doppelt" in text, text


def test_absturz_successor_in_another_group(lab):
    ex = lab("uebung-absturz-vor-commit")
    ex.run(starter("zustellgarantien_absturz.py"))
    add(ex, "depot-Anna", "anna-2")
    ok, text = ex.check()
    assert not ok and "„depot-Anna“" in text and "derselben Gruppe" in text


# -- Ausfälle: zwei Broker -----------------------------------------------------------------------

def test_zwei_broker_acks_all_times_out(lab):
    ex = lab("uebung-zwei-broker")
    first, second = followers(ex)
    ex.control("crash_broker", broker_id=first)
    ok, text = ex.check()
    assert not ok and "zweiten Follower" in text
    ex.control("crash_broker", broker_id=second)
    ok, text = ex.check()
    assert not ok and "Senden Sie jetzt einen Kurs mit acks=all" in text
    assert "RequestTimedOutError" in produce_error(ex, "all")
    ok, text = ex.check()
    assert ok and "RequestTimedOutError, nicht mit NotEnoughReplicasError" in text and "Offset 0" in text, text
    assert len(ex.snapshot["topics"][0]["partitions"][0]["isr"]) == 3  # nobody could shrink it


def test_zwei_broker_the_leader_among_them(lab):
    ex = lab("uebung-zwei-broker")
    ex.control("crash_broker", broker_id=leader(ex))
    ex.control("crash_broker", broker_id=followers(ex)[0])
    ok, text = ex.check()
    assert not ok and "Leader von Partition 0" in text and "nicht den Leader" in text


def test_zwei_broker_a_controlled_shutdown_refuses_instead(lab):
    ex = lab("uebung-zwei-broker")
    first, second = followers(ex)
    ex.control("crash_broker", broker_id=first)
    ex.advance(10)
    ex.control("stop_broker", broker_id=second)
    assert "NotEnoughReplicasError" in produce_error(ex, "all")
    ok, text = ex.check()
    assert not ok and "NotEnoughReplicasError" in text and "Abschnitt 2" in text


def test_zwei_broker_acks_1_does_not_wait(lab):
    ex = lab("uebung-zwei-broker")
    for broker in followers(ex):
        ex.control("crash_broker", broker_id=broker)
    assert produce_error(ex, 1) is None
    ok, text = ex.check()
    assert not ok and "acks=1" in text and "Senden Sie einen Kurs mit acks=all" in text


# -- Praxis: die Börse bekommt eine siebte Aktie -------------------------------------------------

SHARES = '"BAS": 45.00, "BMW": 80.00, "DTE": 31.00}'
SEVEN = '"BAS": 45.00, "BMW": 80.00, "DTE": 31.00, "IFX": 35.00}'
IFX_WITHOUT_KEY = ('producer.flush()', 'producer.send(TOPIC, value={"symbol": "IFX", "price": 35.00, '
                   '"currency": "EUR"}).get(timeout=10)\nproducer.flush()')


def test_boerse_the_seventh_share_with_its_key(lab):
    ex = lab("uebung-boerse-ifx")
    out = ex.run(starter("boerse_producer.py", SHARES, SEVEN))
    assert "IFX" in out, out
    ok, text = ex.check()
    assert ok and "mit dem Schlüssel IFX" in text and "murmur2" in text, text


def test_boerse_the_unchanged_boerse_has_no_ifx(lab):
    ex = lab("uebung-boerse-ifx")
    ok, text = ex.check()
    assert not ok and "noch kein Kurs" in text
    ex.run(starter("boerse_producer.py"))
    ok, text = ex.check()
    assert not ok and "keiner von IFX" in text, text


def test_boerse_ifx_without_key_is_judged_wrong(lab):
    ex = lab("uebung-boerse-ifx")
    ex.run(starter("boerse_producer.py", *IFX_WITHOUT_KEY))
    ok, text = ex.check()
    assert not ok and "ohne Schlüssel" in text and "key=symbol" in text, text


def test_boerse_ifx_with_a_lower_case_key_is_judged_wrong(lab):
    ex = lab("uebung-boerse-ifx")
    ex.run(starter("boerse_producer.py", *IFX_WITHOUT_KEY).replace('send(TOPIC, value={"symbol": "IFX"',
                                                                    'send(TOPIC, key="ifx", value={"symbol": "IFX"'))
    ok, text = ex.check()
    assert not ok and "„ifx“" in text, text


# -- Praxis: Annas Consumer committet selbst und endet sauber ------------------------------------

AUTO = 'group_id="depot-anna",'
MANUAL = 'group_id="depot-anna",\n    enable_auto_commit=False,'
PRINTED = "{kurs['currency']}\")"
COMMITTED = "{kurs['currency']}\")\n        consumer.commit()  # nach der Verarbeitung jedes poll()"


def committing() -> str:
    return starter("aktionaer_consumer.py", AUTO, MANUAL).replace(PRINTED, COMMITTED)


def test_commit_manual_commit_and_close(lab):
    ex = lab("uebung-manuell-committen")
    ex.run(committing())
    ok, text = ex.check()
    assert ok and "committete selbst" in text and "kein Mitglied mehr" in text, text


def test_commit_the_starter_commits_automatically(lab):
    ex = lab("uebung-manuell-committen")
    ok, text = ex.check()
    assert not ok and "Noch hat kein Consumer" in text
    ex.run(starter("aktionaer_consumer.py"))
    ok, text = ex.check()
    assert not ok and "enable_auto_commit=True" in text, text


def test_commit_without_commit_close_commits_nothing(lab):
    ex = lab("uebung-manuell-committen")
    ex.run(starter("aktionaer_consumer.py", AUTO, MANUAL))
    ok, text = ex.check()
    assert not ok and "committet nichts;" in text and "consumer.commit()" in text, text


def test_commit_without_close_the_member_stays(lab):
    ex = lab("uebung-manuell-committen")
    source = committing()
    ex.run(source.replace("    consumer.close()", "    pass"))
    ok, text = ex.check()
    assert not ok and "close()" in text and "45 s" in text, text


def test_commit_in_another_group_is_judged_wrong(lab):
    ex = lab("uebung-manuell-committen")
    ex.run(committing().replace('group_id="depot-anna"', 'group_id="Depot-Anna"'))
    ok, text = ex.check()
    assert not ok and "„Depot-Anna“" in text and "Groß- und Kleinschreibung" in text, text
