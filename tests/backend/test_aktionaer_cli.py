"""python -m backend.aktionaer against the real broker: malformed records, filter, clean end, SIGKILL,
a broker that stalls."""
import re
import signal
import subprocess
import time

import pytest

from tests.backend.helpers import PROJECT_ROOT, RunningCli, cli_env, run_cli
from tests.backend.kafka_tools import Admin, aktionaer_in_group, price_bytes, produce

pytestmark = pytest.mark.kafka

SHOWN = re.compile(r"^Partition (\d+), Offset (\d+): (\w+) (\d+\.\d\d) EUR")
FAST_SESSION = {"KAFKA_SESSION_TIMEOUT_MS": "6000"}  # the broker's minimum: a dead member leaves sooner
# Longer than one commit of the consumer waits (COMMIT_TIMEOUT_MS, 5 s), shorter than its commit
# on exit may wait (kafka-python's request_timeout_ms, 30 s, as its close() does), and shorter
# than the broker's own session with its controller (broker.session.timeout.ms, 9 s).
STALL_S = 6


def wait_until(condition, seconds: float, what) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"nach {seconds} s nicht erreicht, {what()}"
        time.sleep(0.2)


def shown(lines):
    return [tuple(int(g) if g.isdigit() else g for g in m.groups()) for m in map(SHOWN.match, lines) if m]


def test_malformed_record_is_reported_counted_and_skipped(kafka, new_topic):
    topic = new_topic(partitions=1)
    produce(kafka.bootstrap, topic, [("SAP", price_bytes("SAP", 100.0)), ("SAP", b"SAP;101,00"),
                                     ("SAP", b'{"symbol": "SAP"}'), ("SAP", price_bytes("SAP", 102.0))])
    result = run_cli("backend.aktionaer", "--topic", topic, "--group", f"{topic}-g", "--from-beginning",
                     "--count", "2", "--idle-timeout", "15", bootstrap=kafka.bootstrap)
    assert result.returncode == 0, result.stderr
    assert shown(result.stdout.splitlines()) == [(0, 0, "SAP", "100.00"), (0, 3, "SAP", "102.00")]
    assert "Übersprungen: Partition 0, Offset 1 – kein gültiges JSON" in result.stderr
    assert "Übersprungen: Partition 0, Offset 2 – Feld fehlt: price" in result.stderr
    assert "2 Kurse gelesen, 2 übersprungen, 0 gefiltert" in result.stdout
    assert "Traceback" not in result.stderr
    with Admin(kafka.bootstrap) as admin:
        assert admin.committed(f"{topic}-g") == {0: 4}


def test_symbol_filter_and_latest_start(kafka, new_topic):
    topic = new_topic(partitions=3)
    produce(kafka.bootstrap, topic, [("BMW", price_bytes("BMW", 80.0))])  # before the consumer: not shown
    consumer = RunningCli("backend.aktionaer", "--topic", topic, "--group", f"{topic}-g", "--symbols", "sap",
                          "--count", "2", bootstrap=kafka.bootstrap)
    try:
        with Admin(kafka.bootstrap) as admin:
            admin.wait_for_stable_group(f"{topic}-g", members=1)
        produce(kafka.bootstrap, topic, [("SAP", price_bytes("SAP", 1.0)), ("SIE", price_bytes("SIE", 2.0)),
                                         ("SAP", price_bytes("SAP", 3.0))])
        assert consumer.finish(timeout=30) == 0, consumer.errors
    finally:
        consumer.kill()
    assert [(s, p) for _, _, s, p in shown(consumer.lines)] == [("SAP", "1.00"), ("SAP", "3.00")]
    assert "2 Kurse gelesen, 0 übersprungen, 1 gefiltert" in consumer.lines[-1]


def test_make_aktionaer_shows_annas_depot_only(kafka, new_topic):
    """`make aktionaer` is "Annas Depot" (docs/praxis/index.md, README): group depot-anna, from the
    beginning, and only her shares SAP and BMW – the filter the exactly-once listing uses too."""
    topic = new_topic(partitions=3)
    produce(kafka.bootstrap, topic, [(s, price_bytes(s, 10.0 + n))
                                     for n, s in enumerate(["SAP", "SIE", "BMW", "DTE"])])
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "aktionaer",
         f"ARGS=--topic {topic} --view lines --idle-timeout 5"],  # ends 5 s after the last price
        cwd=PROJECT_ROOT, env=cli_env(kafka.bootstrap), capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Consumer-Gruppe depot-anna" in lines[0]
    assert sorted((s, p) for _, _, s, p in shown(lines)) == [("BMW", "12.00"), ("SAP", "10.00")]
    assert "2 Kurse gelesen, 0 übersprungen, 2 gefiltert" in lines[-1]


def test_ctrl_c_commits_and_leaves_the_group(kafka, new_topic):
    topic, group = new_topic(partitions=3), "strg-c"
    produce(kafka.bootstrap, topic, [(s, price_bytes(s, 10.0 + n)) for n, s in enumerate(["SAP", "SIE", "ALV"] * 5)])
    consumer = RunningCli("backend.aktionaer", "--topic", topic, "--group", group, "--from-beginning",
                          bootstrap=kafka.bootstrap)
    try:
        consumer.wait_for(lambda lines: len(shown(lines)) == 15, timeout=30, what="15 prices")
        consumer.process.send_signal(signal.SIGINT)
        assert consumer.finish(timeout=30) == 0, consumer.errors
    finally:
        consumer.kill()
    assert consumer.lines[-1].startswith(f"Offsets gespeichert, Consumer-Gruppe {group} verlassen: 15 Kurse")
    with Admin(kafka.bootstrap) as admin:
        assert admin.committed(group) == admin.end_offsets(topic, 3)
        # Left, not just gone silent: no member waits for its session to time out.
        group_state = admin.group(group)
        assert (group_state["group_state"], group_state["members"]) == ("Empty", [])


def test_ctrl_c_while_the_broker_stalls_waits_and_commits(kafka, new_topic):
    """Ctrl+C while the broker answers nothing for a few seconds (a busy machine): the consumer waits
    for it, commits on exit and says so. It used to give up after 5 s, warn of "a new attempt" that
    never came and still report "Offsets gespeichert"."""
    topic, group = new_topic(partitions=3), "strg-c-stau"
    produce(kafka.bootstrap, topic, [(s, price_bytes(s, 10.0 + n)) for n, s in enumerate(["SAP", "SIE", "ALV"] * 5)])
    consumer = RunningCli("backend.aktionaer", "--topic", topic, "--group", group, "--from-beginning",
                          bootstrap=kafka.bootstrap)
    try:
        consumer.wait_for(lambda lines: len(shown(lines)) == 15, timeout=30, what="15 prices")
        with Admin(kafka.bootstrap) as admin:  # the commit of the shown prices, within a second
            wait_until(lambda: admin.committed(group) == admin.end_offsets(topic, 3), seconds=10,
                       what=lambda: f"committed: {admin.committed(group)}")
        with kafka.stalled():
            consumer.process.send_signal(signal.SIGINT)
            time.sleep(STALL_S)  # how long the broker stalls, not a wait for an outcome
        assert consumer.finish(timeout=60) == 0, consumer.errors
    finally:
        consumer.kill()
    assert not [line for line in consumer.errors if "Warnung" in line or "Fehler" in line], consumer.errors
    assert consumer.lines[-1].startswith(f"Offsets gespeichert, Consumer-Gruppe {group} verlassen: 15 Kurse")
    with Admin(kafka.bootstrap) as admin:
        assert admin.committed(group) == admin.end_offsets(topic, 3)


def test_prices_of_a_burst_are_committed_within_a_second_though_no_more_follow(kafka, new_topic):
    """The consumer commits what it has shown at most a second later, also when the Börse falls
    silent after a burst: a crash then shows at most a second of prices again. It used to commit
    only when the next batch arrived, so the last prices before a quiet spell stayed uncommitted."""
    topic, group = new_topic(partitions=1), "stille"
    with aktionaer_in_group(kafka.bootstrap, topic, group) as consumer, Admin(kafka.bootstrap) as admin:
        produce(kafka.bootstrap, topic, [("SAP", price_bytes("SAP", 230.0))])
        consumer.wait_for(lambda lines: len(shown(lines)) == 1, timeout=30, what="the first price")
        # Right after the first: arrives within the second after the consumer's last commit.
        produce(kafka.bootstrap, topic, [("SAP", price_bytes("SAP", 231.0)), ("SAP", price_bytes("SAP", 232.0))])
        consumer.wait_for(lambda lines: len(shown(lines)) == 3, timeout=30, what="the burst")
        # One commit interval, with room for a busy machine.
        wait_until(lambda: admin.committed(group) == {0: 3}, seconds=10,
                   what=lambda: f"committed: {admin.committed(group)}")
        assert consumer.process.poll() is None, consumer.errors


def test_a_new_consumer_joins_its_group_once(kafka, new_topic):
    """A consumer alone in a new group joins it once: one rebalance, generation 1, as the broker
    logs it. kafka-python 3.0.12 used to rebalance again right after its first assignment when
    it joined before its first metadata since subscribe(), and that second rebalance could hang,
    leaving a consumer that showed prices and could never commit them."""
    topic, group = new_topic(partitions=3), "einmal"
    with aktionaer_in_group(kafka.bootstrap, topic, group) as consumer, Admin(kafka.bootstrap) as admin:
        produce(kafka.bootstrap, topic, [("SAP", price_bytes("SAP", 230.0))])
        consumer.wait_for(lambda lines: len(shown(lines)) == 1, timeout=30, what="the price")
        wait_until(lambda: sum(admin.committed(group).values()) == 1, seconds=10,
                   what=lambda: f"committed: {admin.committed(group)}")
    stabilized = re.findall(rf"Stabilized group {re.escape(group)} generation (\d+)",
                            kafka.log_file.read_text(encoding="utf-8", errors="replace"))
    assert stabilized == ["1"], stabilized


def test_sigkill_and_restart_resume_from_the_committed_offset_without_a_gap(kafka, new_topic):
    topic, group = new_topic(partitions=3), "nach-kill"
    producer = RunningCli("backend.boerse", "--topic", topic, "--rate", "40", "--count", "160", "--quiet",
                          bootstrap=kafka.bootstrap)
    first = RunningCli("backend.aktionaer", "--topic", topic, "--group", group, "--from-beginning",
                       bootstrap=kafka.bootstrap, **FAST_SESSION)
    second = None
    try:
        first.wait_for(lambda lines: len(shown(lines)) >= 40, timeout=30, what="40 prices")
        first.process.send_signal(signal.SIGKILL)
        first.finish(timeout=10)
        with Admin(kafka.bootstrap) as admin:
            committed = admin.committed(group)
        second = RunningCli("backend.aktionaer", "--topic", topic, "--group", group, "--from-beginning",
                            "--idle-timeout", "3", bootstrap=kafka.bootstrap, **FAST_SESSION)
        assert producer.finish(timeout=60) == 0, producer.errors
        assert second.finish(timeout=60) == 0, second.errors
    finally:
        for process in (producer, first, second):
            if process:
                process.kill()

    before, after = shown(first.lines), shown(second.lines)
    assert before and after
    for partition in range(3):
        seen_before = [o for p, o, _, _ in before if p == partition]
        seen_after = [o for p, o, _, _ in after if p == partition]
        start = committed.get(partition, 0)
        # The restarted consumer begins exactly at the committed offset ...
        if seen_after:
            assert seen_after[0] == start, (partition, committed, seen_after[:3])
        # ... which the first consumer had reached (it commits only what it has shown) ...
        assert start <= (max(seen_before) + 1 if seen_before else 0)
        # ... so together they saw every offset of the partition: no gap.
        assert set(seen_before) | set(seen_after) == set(range(max(seen_before + seen_after, default=-1) + 1))
    assert len({(p, o) for p, o, _, _ in before + after}) == 160
