"""kafka.producer.producer_batch.ProducerBatch: records for one partition, sent and acknowledged together."""

from __future__ import annotations


class ProducerBatch:
    __slots__ = ("topic", "partition", "records", "futures", "size", "max_timestamp", "created_ms",
                 "base_sequence", "attempts", "closed")

    def __init__(self, topic: str, partition: int, now: int) -> None:
        self.topic = topic
        self.partition = partition
        self.records: list[tuple] = []        # (timestamp_ms, key, value, headers)
        self.futures: list = []
        self.size = 0                       # bytes of the records (record_size summed)
        self.max_timestamp = -1
        self.created_ms = now
        self.base_sequence = -1
        self.attempts = 0
        self.closed = False

    @property
    def topic_partition(self) -> tuple[str, int]:
        return (self.topic, self.partition)

    def __len__(self) -> int:
        return len(self.records)
