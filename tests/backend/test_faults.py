"""The broker goes away mid-run and comes back: nothing acknowledged is lost or duplicated."""
import json
import re
import signal
import time

import pytest

from tests.backend.helpers import RunningCli
from tests.backend.kafka_tools import aktionaer_in_group, price_bytes, produce, read_topic

pytestmark = pytest.mark.kafka

ACKED = re.compile(r"^(\w+) (\d+\.\d\d) EUR -> Partition (\d+), Offset (\d+)$")
SHOWN = re.compile(r"^Partition (\d+), Offset (\d+): ")
COUNT = 150


def test_broker_stop_and_restart_mid_run(kafka, new_topic):
    topic, group = new_topic(partitions=3), "neustart"
    with aktionaer_in_group(kafka.bootstrap, topic, group) as consumer:
        # 30 s of sending: the Börse is still sending when the broker is back, so its final
        # flush (at most 30 s) does not have to cover a restart that is slow on a busy machine.
        producer = RunningCli("backend.boerse", "--topic", topic, "--rate", "5", "--count", str(COUNT),
                              bootstrap=kafka.bootstrap)
        try:
            producer.wait_for(lambda lines: sum(bool(ACKED.match(l)) for l in lines) >= 30, timeout=30,
                              what="30 acknowledged prices")
            kafka.stop()  # controlled shutdown (SIGTERM), data stays
            time.sleep(2)
            kafka.start()
            assert producer.finish(timeout=150) == 0, producer.errors
            consumer.wait_for(lambda lines: len({l for l in lines if SHOWN.match(l)}) >= COUNT, timeout=90,
                              what=f"{COUNT} distinct records")
            consumer.process.send_signal(signal.SIGINT)
            assert consumer.finish(timeout=30) == 0, consumer.errors
        finally:
            producer.kill()

    assert f"{COUNT} Kurse gesendet, {COUNT} bestätigt, 0 Fehler" in producer.lines[-1]
    records = read_topic(kafka.bootstrap, topic)
    # Idempotent producer with acks=all: every price exactly once, in order per symbol.
    sequences = sorted(json.loads(r.value)["sequence"] for r in records)
    assert sequences == list(range(1, COUNT + 1))
    stored = {(r.partition, r.offset): json.loads(r.value) for r in records}
    acked = [ACKED.match(l).groups() for l in producer.lines if ACKED.match(l)]
    assert len(acked) == COUNT
    for symbol, price, partition, offset in acked:
        value = stored[(int(partition), int(offset))]
        assert (value["symbol"], f"{value['price']:.2f}") == (symbol, price)
    # The consumer resumed after the restart and saw every stored record.
    seen = {tuple(map(int, SHOWN.match(l).groups())) for l in consumer.lines if SHOWN.match(l)}
    assert seen == set(stored)


def test_consumer_carries_on_when_connections_break_during_a_restart(kafka, new_topic):
    """While a broker stops and comes back, a client's connections break in the middle of requests.
    kafka-python 3.0.12 lets that escape poll() as KafkaConnectionError; the course's consumer used
    to quit with it. It reports the break, waits, and shows the prices sent after the restart."""
    topic, group = new_topic(partitions=3), "verbindung-weg"
    with aktionaer_in_group(kafka.bootstrap, topic, group) as consumer:
        produce(kafka.bootstrap, topic, [("SAP", price_bytes("SAP", 230.0))])
        consumer.wait_for(lambda lines: sum(bool(SHOWN.match(l)) for l in lines) == 1, timeout=30, what="a price")
        cut = kafka.restart_dropping_connections(seconds=10)
        assert cut > 0, "der Consumer hat es in 10 s nicht wieder versucht"
        assert consumer.process.poll() is None, consumer.errors
        produce(kafka.bootstrap, topic, [("SIE", price_bytes("SIE", 210.0))])
        consumer.wait_for(lambda lines: sum(bool(SHOWN.match(l)) for l in lines) == 2, timeout=90,
                          what="the price sent after the restart")
        consumer.process.send_signal(signal.SIGINT)
        assert consumer.finish(timeout=60) == 0, consumer.errors
    assert not [line for line in consumer.errors if line.startswith("Fehler")], consumer.errors
    if any("Verbindung zu Kafka unterbrochen" in line for line in consumer.errors):
        assert "Verbindung zu Kafka wieder da." in consumer.errors, consumer.errors
    assert consumer.lines[-1].startswith(f"Offsets gespeichert, Consumer-Gruppe {group} verlassen: 2 Kurse")
