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
