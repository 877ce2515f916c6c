"""python -m backend.boerse against the real broker: topic creation, acknowledged prices, partitioning."""
import json
import re
import subprocess
import time

import pytest
from kafka.partitioner.default import murmur2

from backend.kafka_dist import distribution
from tests.backend.helpers import run_cli
from tests.backend.kafka_tools import Admin, read_topic

pytestmark = pytest.mark.kafka

ACKED = re.compile(r"^(\w+) (\d+\.\d\d) EUR -> Partition (\d+), Offset (\d+)$")


def predicted_partition(key: bytes, partitions: int) -> int:
    return (murmur2(key) & 0x7FFFFFFF) % partitions


def test_murmur2_matches_the_java_clients_reference_values():
    # Values the Java client's Utils.murmur2 gives (see the project's kafka-facts notes).
    assert [murmur2(k) & 0xFFFFFFFF for k in (b"", b"abc", b"key", b"user-42", b"21", b"foobar")] == [
        275646681, 479470107, 3215029929, 1459644460, 3321034988, 3504634814]


def test_boerse_creates_the_topic_and_every_printed_price_is_in_kafka(kafka):
    topic = "boerse-cli-neu"
    sent_from = int(time.time() * 1000)
    result = run_cli("backend.boerse", "--topic", topic, "--partitions", "4", "--count", "40",
                     "--rate", "0", "--seed", "3", "--symbols", "SAP,SIE,ALV,BAS,BMW,DTE,IFX",
                     bootstrap=kafka.bootstrap)
    sent_until = int(time.time() * 1000)
    assert result.returncode == 0, result.stderr
    assert f"Topic {topic} angelegt: 4 Partitionen, Replikationsfaktor 1." in result.stdout
    assert "Börse beendet: 40 Kurse gesendet, 40 bestätigt, 0 Fehler" in result.stdout
    acked = [ACKED.match(line).groups() for line in result.stdout.splitlines() if ACKED.match(line)]
    assert len(acked) == 40

    stored = {(r.partition, r.offset): r for r in read_topic(kafka.bootstrap, topic)}
    assert len(stored) == 40
    for symbol, price, partition, offset in acked:
        record = stored[(int(partition), int(offset))]
        value = json.loads(record.value)
        assert record.key == symbol.encode()
        assert (value["symbol"], f"{value['price']:.2f}", value["currency"]) == (symbol, price, "EUR")
        assert set(value) == {"symbol", "price", "currency", "sequence"}
        # When the price was made is the record's own timestamp (CreateTime, set on sending).
        assert sent_from <= record.timestamp <= sent_until
        # Key -> partition is the client's murmur2 mapping, so every symbol stays on one partition.
        assert int(partition) == predicted_partition(symbol.encode(), 4)
    assert len({p for _, _, p, _ in acked}) > 1


def test_keys_land_where_murmur2_predicts_for_python_and_for_kafkas_java_producer(kafka, new_topic):
    topic = new_topic(partitions=6)
    keys = [f"user-{n}" for n in range(30)] + ["key", "abc", "21", "foobar"]
    # Kafka's own console producer (the Java client) on the same topic.
    tool = distribution().java_tool_command(
        "org.apache.kafka.tools.ConsoleProducer",
        ["--bootstrap-server", kafka.bootstrap, "--topic", topic,
         "--reader-property", "parse.key=true", "--reader-property", "key.separator=:"],
        ["-Xmx256m"])
    java = subprocess.run(tool, input="".join(f"{k}:java\n" for k in keys), text=True,
                          capture_output=True, timeout=60)
    assert java.returncode == 0, java.stderr
    from tests.backend.kafka_tools import produce
    produce(kafka.bootstrap, topic, [(k, b"python") for k in keys])

    records = read_topic(kafka.bootstrap, topic)
    assert sorted((r.key.decode(), r.value) for r in records) == sorted(
        [(k, b"java") for k in keys] + [(k, b"python") for k in keys])
    for record in records:
        assert record.partition == predicted_partition(record.key, 6), record


def test_replication_factor_above_the_broker_count_is_explained(kafka):
    result = run_cli("backend.boerse", "--topic", "zu-viele-kopien", "--replication-factor", "3",
                     "--count", "1", bootstrap=kafka.bootstrap)
    assert result.returncode == 1
    assert "Replikationsfaktor 3 geht nicht: der Cluster hat nur 1 Broker" in result.stderr
    assert "Traceback" not in result.stderr
    with Admin(kafka.bootstrap) as admin:
        assert "zu-viele-kopien" not in admin.client.list_topics()


def test_existing_topic_is_used_as_it_is_and_acks_1_works(kafka, new_topic):
    topic = new_topic(partitions=2)
    result = run_cli("backend.boerse", "--topic", topic, "--partitions", "5", "--acks", "1",
                     "--count", "5", "--rate", "0", bootstrap=kafka.bootstrap)
    assert result.returncode == 0, result.stderr
    assert "angelegt" not in result.stdout
    assert "5 bestätigt" in result.stdout
    assert {int(ACKED.match(l).group(3)) for l in result.stdout.splitlines() if ACKED.match(l)} <= {0, 1}


def test_ctrl_c_flushes_every_sent_price_and_ends_cleanly(kafka, new_topic):
    import signal

    from tests.backend.helpers import RunningCli

    topic = new_topic(partitions=3)
    producer = RunningCli("backend.boerse", "--topic", topic, "--rate", "50", bootstrap=kafka.bootstrap)
    try:
        producer.wait_for(lambda lines: sum(bool(ACKED.match(l)) for l in lines) >= 20, timeout=30,
                          what="20 acknowledged prices")
        producer.process.send_signal(signal.SIGINT)
        assert producer.finish(timeout=30) == 0, producer.errors
    finally:
        producer.kill()
    summary = producer.lines[-1]
    sent = int(re.search(r"(\d+) Kurse gesendet, (\d+) bestätigt, 0 Fehler", summary).group(1))
    assert f"{sent} Kurse gesendet, {sent} bestätigt" in summary
    assert sum(bool(ACKED.match(l)) for l in producer.lines) == sent
    assert len(read_topic(kafka.bootstrap, topic)) == sent
    assert "Traceback" not in "\n".join(producer.errors)
