"""python -m backend.admin against the real broker: topics, partitions, groups, offsets and lag."""
import signal

import pytest

from tests.backend.helpers import RunningCli, run_cli
from tests.backend.kafka_tools import Admin, price_bytes, produce

pytestmark = pytest.mark.kafka


def rows(output: str) -> list[list[str]]:
    """The cells of rich's table rows (lines with │ separators)."""
    return [[cell.strip() for cell in line.strip("│ ").split("│")] for line in output.splitlines() if "│" in line]


def admin(kafka, *args):
    result = run_cli("backend.admin", *args, bootstrap=kafka.bootstrap, COLUMNS="200")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_topics_and_a_topics_partitions(kafka, new_topic):
    topic = new_topic(partitions=3)
    metadata = produce(kafka.bootstrap, topic, [(s, price_bytes(s, 1.0)) for s in ["SAP", "SIE", "ALV", "BMW"] * 3])
    assert [topic, "3", "1"] in rows(admin(kafka, "topics"))
    assert not any(r[0] == "__consumer_offsets" for r in rows(admin(kafka, "topics")))
    ends = {p: sum(1 for m in metadata if m.partition == p) for p in range(3)}
    assert rows(admin(kafka, "topic", topic)) == [[str(p), "1", "1", "1", "0", str(ends[p])] for p in range(3)]


def test_a_group_with_a_live_member_then_its_committed_offsets_and_lag(kafka, new_topic):
    topic, group = new_topic(partitions=2), "admin-depot"
    produce(kafka.bootstrap, topic, [(s, price_bytes(s, 1.0)) for s in ["SAP", "SIE", "ALV", "BMW", "DTE"]])
    consumer = RunningCli("backend.aktionaer", "--topic", topic, "--group", group, "--from-beginning",
                          "--client-id", "anna", bootstrap=kafka.bootstrap)
    try:
        with Admin(kafka.bootstrap) as client:
            client.wait_for_stable_group(group, members=1)
        consumer.wait_for(lambda lines: sum(l.startswith("Partition ") for l in lines) == 5, timeout=30,
                          what="5 prices")
        live = admin(kafka, "group", group)
        assert "Consumer-Gruppe admin-depot: Stable, Zuteilung range" in " ".join(live.split())
        assert ["anna", "127.0.0.1", f"{topic}-0, {topic}-1"] in rows(live)
        consumer.process.send_signal(signal.SIGINT)
        assert consumer.finish(timeout=30) == 0
    finally:
        consumer.kill()
    # Two more prices after the consumer left: the lag shows them.
    metadata = produce(kafka.bootstrap, topic, [("SAP", price_bytes("SAP", 2.0)), ("SAP", price_bytes("SAP", 3.0))])
    offsets = [r for r in rows(admin(kafka, "group", group)) if r[0] == topic]
    lag = {int(r[1]): int(r[4]) for r in offsets}
    assert lag == {metadata[0].partition: 2, 1 - metadata[0].partition: 0}
    assert [group, "Empty", "0", "–"] in rows(admin(kafka, "groups"))


def test_unknown_topic_and_group_are_explained(kafka):
    result = run_cli("backend.admin", "topic", "gibt-es-nicht", bootstrap=kafka.bootstrap)
    assert result.returncode == 1 and "Das Topic 'gibt-es-nicht' gibt es nicht" in result.stderr
    result = run_cli("backend.admin", "group", "niemand", bootstrap=kafka.bootstrap)
    assert result.returncode == 1 and "Die Consumer-Gruppe 'niemand' gibt es nicht" in result.stderr
