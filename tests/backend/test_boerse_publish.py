"""The Börse's send loop without a broker: blocks, failure counting and the remembered partitioner.

The real broker runs of the same code are in test_boerse_cli.py and test_faults.py.
"""
import json

from kafka.future import Future
from kafka.partitioner.default import DefaultPartitioner

from backend.boerse import DeliveryReport, SymbolPartitioner, publish
from backend.dax import DAX, Market


class Metadata:
    """The part of kafka-python's ClusterMetadata a partitioner reads."""

    def __init__(self, partitions: int):
        self.partitions = set(range(partitions))

    def topics(self):
        return {"kurse"}

    def partitions_for_topic(self, topic):
        return set(self.partitions)

    def available_partitions_for_topic(self, topic):
        return set(self.partitions)


def test_remembered_partitions_are_those_of_the_default_partitioner():
    remembered, default = SymbolPartitioner(), DefaultPartitioner()
    for count in (1, 2, 3, 6, 7, 12, 1, 3):  # also back and forth: the count is part of the memory
        metadata = Metadata(count)
        for symbol in DAX:
            key = symbol.encode()
            expected = default.partition("kurse", symbol, key, None, None, metadata)
            assert remembered.partition("kurse", symbol, key, None, None, metadata) == expected


class Recorder:
    """Stands in for KafkaProducer.send/flush and answers every record at once."""

    def __init__(self):
        self.sent = []

    def send(self, topic, key, value):
        self.sent.append((topic, key, value))
        future = Future()
        return future.success(None) if json.loads(value)["sequence"] != 700 else future.failure(RuntimeError("weg"))

    def flush(self, timeout):
        pass


def test_full_speed_sends_exactly_count_prices_in_blocks_and_counts_a_failure(capsys):
    producer, report = Recorder(), DeliveryReport(quiet=True)
    publish(producer, "kurse", Market(["SAP", "BMW"], seed=5), rate=0, count=1234, stop=False, report=report)
    prices = [json.loads(value) for _, _, value in producer.sent]
    assert [price["sequence"] for price in prices] == list(range(1, 1235))
    assert all(key == price["symbol"].encode() for (_, key, _), price in zip(producer.sent, prices))
    assert (report.sent, report.acked, report.failed) == (1234, 1233, 1)
    assert "Kurs Nr. 700" in capsys.readouterr().err


def test_a_block_is_checked_only_when_all_its_records_are_answered():
    report = DeliveryReport(quiet=True)
    first, second = Future(), Future()
    report.track([first, second], [{"sequence": 1, "symbol": "SAP"}, {"sequence": 2, "symbol": "SAP"}])
    second.failure(RuntimeError("weg"))
    report.check_done()
    assert report.failed == 0  # the first record has no answer yet
    first.success(None)
    report.check_done()
    assert (report.sent, report.failed) == (2, 1)
