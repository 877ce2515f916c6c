"""kafka.producer.record_accumulator.RecordAccumulator: batches records per partition until the
sender takes them.

A partition's open batch collects records until it is full (batch_size) or has lingered
linger_ms; then it joins the partition's queue of ready batches, which the sender drains in
order. A batch to retry goes back to the head of its queue, so a partition's records keep their
order. Batches that waited longer than delivery.timeout.ms give up in the queue.
"""

from __future__ import annotations

from ...protocol.records import RECORD_OVERHEAD
from .producer_batch import ProducerBatch


class RecordAccumulator:
    def __init__(self, kernel, batch_size: int, linger_ms: int, delivery_timeout_ms: int) -> None:
        self.kernel = kernel
        self.batch_size = batch_size
        self.linger_ms = linger_ms
        self.delivery_timeout_ms = delivery_timeout_ms
        self.open: dict[tuple[str, int], ProducerBatch] = {}
        self.ready: dict[tuple[str, int], list[ProducerBatch]] = {}
        self.pending = 0             # records appended, not yet completed

    def append(self, tp: tuple[str, int], timestamp: int, key, value, headers, future) -> bool:
        """Adds a record; True when it started a new batch (the sender then counts linger_ms)."""
        batch = self.open.get(tp)
        created = batch is None
        if created:
            batch = self.open[tp] = ProducerBatch(tp[0], tp[1], self.kernel.now)
        batch.records.append((timestamp, key, value, headers))
        batch.futures.append(future)
        batch.size += RECORD_OVERHEAD + (len(key) if key is not None else 0) + (len(value) if value is not None else 0)
        if timestamp > batch.max_timestamp:
            batch.max_timestamp = timestamp
        self.pending += 1
        if batch.size >= self.batch_size:
            del self.open[tp]
            self.ready.setdefault(tp, []).append(batch)
        return created

    def append_batch(self, tp: tuple[str, int], records: list, size: int, max_timestamp: int) -> None:
        """A whole list of (timestamp, key, value, headers) as one ready batch, without futures;
        the caller knows its size in bytes and its largest timestamp."""
        batch = ProducerBatch(tp[0], tp[1], self.kernel.now)
        batch.records = records
        batch.futures = None                # nobody waits for these records one by one
        batch.size = size
        batch.max_timestamp = max_timestamp
        self.pending += len(records)
        self.ready.setdefault(tp, []).append(batch)

    def flush(self) -> None:
        """Makes every open batch ready at once (flush() ignores linger_ms)."""
        for tp, batch in self.open.items():
            self.ready.setdefault(tp, []).append(batch)
        self.open.clear()

    def close_lingered(self) -> int | None:
        """Moves batches that lingered long enough to the ready queues; when the next one is due."""
        if not self.open:
            return None
        now = self.kernel.now
        next_due = None
        for tp, batch in list(self.open.items()):
            due = batch.created_ms + self.linger_ms
            if now >= due:
                del self.open[tp]
                self.ready.setdefault(tp, []).append(batch)
            elif next_due is None or due < next_due:
                next_due = due
        return next_due

    def expired(self, queue: list[ProducerBatch]) -> list[ProducerBatch]:
        """Pops the batches at the head of a ready queue that outlived delivery.timeout.ms."""
        now = self.kernel.now
        out = []
        while queue and now - queue[0].created_ms >= self.delivery_timeout_ms:
            out.append(queue.pop(0))
        return out

    def reenqueue(self, batch: ProducerBatch) -> None:
        self.ready.setdefault(batch.topic_partition, []).insert(0, batch)
