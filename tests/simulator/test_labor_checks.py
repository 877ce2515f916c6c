"""The Labor's exercise checks on CPython: each exercise's preset is set up through the worker's
bridge as the page sets it up, then solved or missed with the Cluster's controls (what the buttons
call), the Börse ticker, or the starter script from docs_src/labor – and judged from the cluster.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.simulator.labor_lab import BRIDGE, Lab, _names, presets, starter  # noqa: F401 - presets is a fixture


@pytest.fixture
def lab(presets):
    return lambda name: Lab(presets[name])


def test_every_view_carries_the_verdict(lab):
    ex = lab("uebung-sap-partition")
    assert ex.reply["exercise"] == {"ok": False, "text": ex.check()[1]}
    ex.advance(1)
    assert "exercise" in ex.reply


# -- Übung 1 ---------------------------------------------------------------------------------

def test_sap_keyed_prices_share_partition_0(lab):
    ex = lab("uebung-sap-partition")
    for price in ("231.10", "231.20", "231.30"):
        assert ex.control("produce", topic="aktienkurse", value=price, key="SAP")["partition"] == 0
    ok, text = ex.check()
    assert ok and "Partition 0" in text and "3 Kurse" in text


def test_sap_prices_of_the_ticker_count(lab):
    ex = lab("uebung-sap-partition")
    ex.control("start_ticker", topic="aktienkurse", rate_per_s=2, symbols=["SAP"])
    ex.advance(3)
    ok, text = ex.check()
    assert ok and "Partition 0" in text, text


def test_sap_without_key_is_random_per_record(lab):
    ex = lab("uebung-sap-partition")
    for price in ("SAP 231.10", "SAP 231.20", "SAP 231.30"):
        ex.control("produce", topic="aktienkurse", value=price)
    ok, text = ex.check()
    assert not ok and "ohne Schlüssel" in text and "für jeden Datensatz zufällig" in text
    assert "Sticky" not in text


def test_sap_in_lower_case_is_another_key(lab):
    ex = lab("uebung-sap-partition")
    for price in ("231.10", "231.20", "231.30"):
        ex.control("produce", topic="aktienkurse", value=price, key="sap")
    ok, text = ex.check()
    assert not ok
    assert "„sap“" in text and "Groß- und Kleinschreibung" in text and "Partition 1" in text and "Partition 0" in text


def test_sap_with_a_trailing_space_says_so(lab):
    ex = lab("uebung-sap-partition")
    for price in ("231.10", "231.20", "231.30"):
        ex.control("produce", topic="aktienkurse", value=price, key="SAP ")
    ok, text = ex.check()
    assert not ok and "Leerzeichen" in text


def test_sap_with_partitions_chosen_by_hand(lab):
    ex = lab("uebung-sap-partition")
    ex.run("from kafka import KafkaProducer\np = KafkaProducer()\n"
           "for i in range(3):\n    p.send('aktienkurse', key=b'SAP', value=b'1', partition=i).get()\np.close()\n")
    ok, text = ex.check()
    assert not ok and "den Partitionen 0, 1 und 2" in text


def test_sap_starter_script_then_with_key(lab):
    ex = lab("uebung-sap-partition")
    out = ex.run(starter("uebung1_sap_partition.py"))
    assert out.count("-> Partition") == 3
    ok, text = ex.check()
    assert not ok and "ohne Schlüssel" in text
    out = ex.run(starter("uebung1_sap_partition.py", 'send("aktienkurse", value=kurs)',
                         'send("aktienkurse", key="SAP", value=kurs)'))
    assert out.count("-> Partition 0") == 3
    ok, text = ex.check()
    assert ok and "ohne Schlüssel liegen dagegen" in text


def test_sap_nothing_sent_yet(lab):
    ok, text = lab("uebung-sap-partition").check()
    assert not ok and "noch kein Kurs" in text


# -- Übung 2 ---------------------------------------------------------------------------------

def test_second_member_shares_the_partitions(lab):
    ex = lab("uebung-zweiter-consumer")
    ok, text = ex.check()
    assert not ok and "nur ein Mitglied, kursalarm-1" in text
    ex.control("add_consumer", group_id="kursalarm", topics=["aktienkurse"], client_id="kursalarm-2")
    ok, text = ex.check()  # not even joined yet
    assert not ok and "rebalanciert" in text and "kursalarm-2" in text, text
    ex.advance(0.2)
    ok, text = ex.check()
    assert not ok and "rebalanciert" in text, text
    ex.advance(6)
    ok, text = ex.check()
    assert ok and "kursalarm-1" in text and "kursalarm-2" in text


def test_second_member_in_another_group(lab):
    ex = lab("uebung-zweiter-consumer")
    ex.control("add_consumer", group_id="Kursalarm", topics=["aktienkurse"], client_id="kursalarm-2")
    ex.advance(6)
    ok, text = ex.check()
    assert not ok and "„Kursalarm“" in text and "Groß- und Kleinschreibung" in text


def test_second_member_from_the_starter_script(lab):
    ex = lab("uebung-zweiter-consumer")
    out = ex.run(starter("uebung2_zweiter_consumer.py"))
    assert "aktienkurse-0, aktienkurse-1, aktienkurse-2" in out  # no group: it takes everything
    ok, text = ex.check()
    assert not ok and "ohne group_id" in text
    out = ex.run(starter("uebung2_zweiter_consumer.py", "group_id=None", 'group_id="kursalarm"'))
    ok, text = ex.check()
    assert ok, text
    # The script closed its consumer: the verdict remembers the generation they shared.
    assert "kursalarm-2" in text and "wieder verlassen" in text


# -- Übung 3 ---------------------------------------------------------------------------------

def test_ben_reads_the_old_prices(lab):
    ex = lab("uebung-zwei-gruppen")
    ok, text = ex.check()
    assert not ok and "Bisher liest nur Annas Gruppe depot-anna" in text
    ex.control("add_consumer", group_id="depot-ben", topics=["aktienkurse"], client_id="ben", auto_offset_reset="earliest")
    for _ in range(2):  # added, then joining
        ok, text = ex.check()
        assert not ok and "tritt gerade bei" in text and "nur die Gruppe" not in text
        ex.advance(0.5)
    ex.advance(5)
    ok, text = ex.check()
    assert ok and "depot-ben" in text and "depot-anna" in text, text


def test_ben_with_latest_misses_the_old_prices(lab):
    ex = lab("uebung-zwei-gruppen")
    ex.control("add_consumer", group_id="depot-ben", topics=["aktienkurse"], client_id="ben", auto_offset_reset="latest")
    ex.advance(10)
    ok, text = ex.check()
    assert not ok and "verpasst" in text and 'auto_offset_reset="earliest"' in text and "Zurücksetzen" in text


def test_ben_misses_even_without_new_records_since(lab):
    """Latest with the ticker stopped: the position shows where the group began."""
    ex = lab("uebung-zwei-gruppen")
    ex.control("stop_ticker", ticker_id="boerse-1")
    ex.control("add_consumer", group_id="depot-ben", topics=["aktienkurse"], client_id="ben", auto_offset_reset="latest")
    ex.advance(6)
    ok, text = ex.check()
    assert not ok and "verpasst" in text, text


def test_ben_as_a_second_member_of_depot(lab):
    ex = lab("uebung-zwei-gruppen")
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], client_id="ben")
    ex.advance(6)
    ok, text = ex.check()
    assert not ok and "Beide Consumer sind in der Gruppe depot-anna" in text


def test_ben_spelled_otherwise(lab):
    ex = lab("uebung-zwei-gruppen")
    ex.control("add_consumer", group_id="Depot-Ben", topics=["aktienkurse"], client_id="ben")
    ex.advance(6)
    ok, text = ex.check()
    assert not ok and "„Depot-Ben“" in text and "Groß- und Kleinschreibung" in text


def test_ben_from_the_starter_script(lab, presets):
    ex = lab("uebung-zwei-gruppen")
    out = ex.run(starter("uebung3_depot_ben.py"))
    assert "ab Offset 0" not in out
    ok, text = ex.check()
    assert not ok and "verpasst" in text
    ex = lab("uebung-zwei-gruppen")  # "Zurücksetzen"
    out = ex.run(starter("uebung3_depot_ben.py", 'group_id="depot-ben",',
                         'group_id="depot-ben",\n    auto_offset_reset="earliest",'))
    assert out.count("ab Offset 0") == 3, out
    ok, text = ex.check()
    assert ok, text


# -- Übung 4 ---------------------------------------------------------------------------------

def test_acks_all_survives_the_crash(lab):
    ex = lab("uebung-leader-crash")
    ok, text = ex.check()
    assert not ok and "Senden Sie einen Kurs mit acks=all" in text
    ex.control("produce", topic="aktienkurse", value="SAP 232.00", key="SAP", acks="all")
    leader = ex.leader()
    ex.control("crash_broker", broker_id=leader)
    ok, text = ex.check()
    assert not ok and "Lassen Sie die Zeit laufen" in text
    ex.advance(12)
    ok, text = ex.check()
    assert ok and "Offset 0" in text and f"Broker {ex.leader()}" in text and ex.leader() != leader


def test_acks_1_right_before_the_crash_is_lost(lab):
    ex = lab("uebung-leader-crash")
    ex.control("produce", topic="aktienkurse", value="SAP 231.50", key="SAP", acks=1)
    ex.control("crash_broker", broker_id=ex.leader())
    ex.advance(12)
    ok, text = ex.check()
    assert not ok and text.startswith("Der mit acks=1 bestätigte Kurs bei Offset 0 ist verloren")


def test_acks_all_then_acks_1_in_a_second_crash(lab):
    ex = lab("uebung-leader-crash")
    ex.control("produce", topic="aktienkurse", value="SAP 232.00", key="SAP", acks="all")
    first = ex.leader()
    ex.control("crash_broker", broker_id=first)
    ex.advance(12)
    ex.control("restart_broker", broker_id=first)
    ex.advance(5)
    ex.control("produce", topic="aktienkurse", value="SAP 232.10", key="SAP", acks=1)
    ex.control("crash_broker", broker_id=ex.leader())
    ex.advance(12)
    ok, text = ex.check()
    assert ok and "Dagegen ist der mit acks=1 bestätigte Kurs bei Offset 1 verloren" in text, text


def test_crashing_a_follower(lab):
    ex = lab("uebung-leader-crash")
    ex.control("produce", topic="aktienkurse", value="SAP 232.00", key="SAP", acks="all")
    follower = next(b for b in (1, 2, 3) if b != ex.leader())
    ex.control("crash_broker", broker_id=follower)
    ex.advance(12)
    ok, text = ex.check()
    assert not ok and f"Broker {follower} war nur Follower" in text


def test_acks_from_the_starter_script(lab):
    ex = lab("uebung-leader-crash")
    assert "Offset 0" in ex.run(starter("uebung4_leader_absturz.py"))
    ex.control("crash_broker", broker_id=ex.leader())
    ex.advance(12)
    ok, text = ex.check()
    assert ok, text


def test_acks_1_from_a_script_was_copied_in_time(lab):
    ex = lab("uebung-leader-crash")
    ex.run(starter("uebung4_leader_absturz.py", 'acks="all",', "acks=1,"))
    ex.control("crash_broker", broker_id=ex.leader())
    ex.advance(12)
    ok, text = ex.check()
    assert not ok and "hat überlebt" in text and "kein Kurs mit acks=all" in text


# -- Übung 5 ---------------------------------------------------------------------------------

def test_restart_resumes_at_the_committed_offsets(lab):
    ex = lab("uebung-neustart-offset")
    ok, text = ex.check()
    assert not ok and "Entfernen Sie zuerst anna" in text
    ex.control("remove_consumer", client_id="anna")
    stopped = ex.committed("depot-anna")
    ex.advance(3)
    ok, text = ex.check()
    assert not ok and "Lassen Sie ein paar Kurse ankommen" in text
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], client_id="anna-2")
    ex.advance(5)
    ok, text = ex.check()
    assert ok, text
    assert ", ".join(f"aktienkurse-{p}: {o}" for p, o in sorted(stopped.items())) in text


def test_restart_in_a_new_group(lab):
    ex = lab("uebung-neustart-offset")
    ex.control("remove_consumer", client_id="anna")
    ex.advance(3)
    ex.control("add_consumer", group_id="neu", topics=["aktienkurse"], client_id="aktionaer-neu")
    ex.advance(5)
    ok, text = ex.check()
    assert not ok and "„neu“" in text and "keine committeten Offsets" in text and "bei Offset 0" in text


def test_restart_without_a_pause(lab):
    ex = lab("uebung-neustart-offset")
    ex.control("stop_ticker", ticker_id="boerse-1")
    ex.advance(1)  # the Börse's last batch is on its way when it stops
    ex.control("remove_consumer", client_id="anna")
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], client_id="anna-2")
    ex.advance(5)
    ok, text = ex.check()
    assert not ok and "kein neuer Kurs" in text


def test_restart_that_seeks_to_the_beginning(lab):
    ex = lab("uebung-neustart-offset")
    ex.control("remove_consumer", client_id="anna")
    ex.advance(3)
    ex.run("from kafka import KafkaConsumer\n"
           "c = KafkaConsumer('aktienkurse', group_id='depot-anna')\n"
           "while not c.assignment():\n    c.poll(timeout_ms=200)\n"
           "c.seek_to_beginning()\nfor _ in range(10):\n    c.poll(timeout_ms=200)\nc.close()\n")
    ok, text = ex.check()
    assert not ok and "doppelt" in text, text


def test_restart_from_the_starter_script(lab):
    ex = lab("uebung-neustart-offset")
    ex.control("remove_consumer", client_id="anna")
    stopped = ex.committed("depot-anna")
    ex.advance(3)
    ex.run(starter("uebung5_neustart.py"))
    ok, text = ex.check()
    assert not ok and "ohne group_id" in text
    out = ex.run(starter("uebung5_neustart.py", "group_id=None", 'group_id="depot-anna"'))
    for partition, offset in stopped.items():
        assert f"Partition {partition}: ab Offset {offset}" in out
    ok, text = ex.check()
    assert ok, text


def test_restart_verdict_survives_a_shared_state(lab):
    ex = lab("uebung-neustart-offset")
    ex.control("remove_consumer", client_id="anna")
    ex.advance(3)
    ex.control("add_consumer", group_id="depot-anna", topics=["aktienkurse"], client_id="anna-2")
    ex.advance(5)
    state = ex.send("getState")["state"]
    again = lab("uebung-neustart-offset")
    again.send("init", state=state, exercise="neustart-offset")
    assert again.check() == ex.check()


# -- Übung 6 ---------------------------------------------------------------------------------

def test_retention_deletes_after_the_retention_time(lab):
    ex = lab("uebung-retention")
    ex.advance(10)
    ok, text = ex.check()
    assert not ok and "Noch ist nichts gelöscht" in text and "20000" in text
    ex.advance(30)
    ok, text = ex.check()
    start = ex.snapshot["topics"][0]["partitions"][0]["log_start_offset"]
    assert ok and start > 0 and f"Offset {start}" in text


def test_retention_observed_by_the_starter_script(lab):
    ex = lab("uebung-retention")
    out = ex.run(starter("uebung6_aufbewahrung.py"))
    assert "log_start_offset 0," in out and not out.rstrip().endswith("log_start_offset 0, Ende 0")
    ok, _text = ex.check()
    assert ok


def test_unknown_exercise_is_refused(presets):
    lab = Lab.__new__(Lab)
    spec = importlib.util.spec_from_file_location(f"labor_bridge_{next(_names)}", BRIDGE)
    lab.bridge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lab.bridge)
    reply = json.loads(lab.bridge.handle(json.dumps({"type": "init", "sim": "x", "exercise": "gibt-es-nicht",
                                                     "preset": {"brokers": 1}})))
    assert not reply["ok"] and "Unbekannte Übung" in reply["error"]
