"""Consumer groups on the real broker, seen through the course's consumer CLI."""
import re
import signal

import pytest

from tests.backend.helpers import RunningCli
from tests.backend.kafka_tools import Admin, price_bytes, produce

pytestmark = pytest.mark.kafka

SHOWN = re.compile(r"^Partition (\d+), Offset (\d+): (\w+) ")
SYMBOLS = ["SAP", "SIE", "ALV", "BAS", "BMW", "DTE", "IFX", "MBG"]


def shown(consumer):
    return [(int(m.group(1)), int(m.group(2))) for m in map(SHOWN.match, consumer.lines) if m]


def start_consumer(kafka, topic, group, client_id):
    return RunningCli("backend.aktionaer", "--topic", topic, "--group", group, "--client-id", client_id,
                      # -v: on a failure the assertion message shows the client's last log lines.
                      "--from-beginning", "-v", bootstrap=kafka.bootstrap)


def stop_all(consumers):
    for consumer in consumers:
        consumer.process.send_signal(signal.SIGINT)
    for consumer in consumers:
        assert consumer.finish(timeout=30) == 0, consumer.errors


def test_two_consumers_in_one_group_split_the_partitions(kafka, new_topic):
    topic, group = new_topic(partitions=4), "geteilt"
    consumers = [start_consumer(kafka, topic, group, name) for name in ("anna", "ben")]
    try:
        with Admin(kafka.bootstrap) as admin:
            assignment = admin.wait_for_stable_group(group, members=2)
        # Range assignor, 4 partitions, 2 members: two each, none shared.
        assert sorted(len(parts) for parts in assignment.values()) == [2, 2]
        assert sorted(assignment["anna"] + assignment["ben"]) == [0, 1, 2, 3]

        metadata = produce(kafka.bootstrap, topic, [(s, price_bytes(s, n)) for n in range(5) for s in SYMBOLS])
        written = {(m.partition, m.offset) for m in metadata}
        for consumer in consumers:
            mine = {p for p in assignment[consumer.process.args[consumer.process.args.index("--client-id") + 1]]}
            consumer.wait_for(lambda lines, c=consumer, mine=mine: set(shown(c)) == {w for w in written if w[0] in mine},
                              timeout=30, what=f"the records of partitions {sorted(mine)}")
        stop_all(consumers)
    finally:
        for consumer in consumers:
            consumer.kill()
    anna, ben = (set(shown(c)) for c in consumers)
    assert anna | ben == written and not anna & ben


def test_two_groups_each_get_every_record(kafka, new_topic):
    topic = new_topic(partitions=3)
    metadata = produce(kafka.bootstrap, topic, [(s, price_bytes(s, 1.0)) for s in SYMBOLS * 3])
    written = {(m.partition, m.offset) for m in metadata}
    consumers = [start_consumer(kafka, topic, group, "c-" + group) for group in ("depot-a", "depot-b")]
    try:
        for consumer in consumers:
            consumer.wait_for(lambda lines, c=consumer: len(shown(c)) >= len(written), timeout=30,
                              what="every record")
        stop_all(consumers)
    finally:
        for consumer in consumers:
            consumer.kill()
    for consumer in consumers:
        assert sorted(shown(consumer)) == sorted(written)


def test_a_second_consumer_takes_over_right_after_the_last_price_the_first_showed(kafka, new_topic):
    """While the Börse sends, a second Aktionär*in joins the group (as in "Übung 2" of the Labor,
    locally). Before the group moves partitions, the first commits what it has shown: the second
    starts right after it, so no price is shown twice and none is skipped. It used to commit only
    once a second, and the second consumer showed the last prices again."""
    topic, group = new_topic(partitions=3), "uebernahme"
    boerse = RunningCli("backend.boerse", "--topic", topic, "--rate", "40", "--count", "400", "--quiet",
                        bootstrap=kafka.bootstrap)
    consumers = [start_consumer(kafka, topic, group, "anna")]
    try:
        consumers[0].wait_for(lambda lines: len(shown(consumers[0])) >= 40, timeout=30, what="40 prices")
        consumers.append(start_consumer(kafka, topic, group, "ben"))
        with Admin(kafka.bootstrap) as admin:
            admin.wait_for_stable_group(group, members=2)
        assert boerse.finish(timeout=60) == 0, boerse.errors
        for consumer in consumers:  # what is left in their partitions arrives within seconds
            consumer.wait_for(lambda lines: len(set(shown(consumers[0])) | set(shown(consumers[1]))) >= 400,
                              timeout=60, what="all 400 prices between them")
        stop_all(consumers)
    finally:
        for process in (boerse, *consumers):
            process.kill()
    anna, ben = (shown(c) for c in consumers)
    assert len(set(anna) | set(ben)) == 400
    twice = sorted(set(anna) & set(ben))
    assert not twice, f"{len(twice)} Kurse zweimal gezeigt (Partition, Offset): {twice[:10]}"
    assert len(anna) == len(set(anna)) and len(ben) == len(set(ben))
