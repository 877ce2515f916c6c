"""Topics and partition logs as the group components read them: record batches with offsets.

The seam to the simulator core: a share-partition acquires whole producer batches (in Kafka's
batch_optimized mode), so it needs the batch boundaries, which the core's log keeps as well.
Until the core lands, scenarios and tests produce into these logs directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..protocol.ids import Uuid


@dataclass(frozen=True)
class Batch:
    base_offset: int
    values: tuple

    @property
    def last_offset(self) -> int:
        return self.base_offset + len(self.values) - 1

    def value_at(self, offset: int):
        return self.values[offset - self.base_offset]


@dataclass
class PartitionLog:
    batches: list[Batch] = field(default_factory=list)
    log_start_offset: int = 0

    @property
    def log_end_offset(self) -> int:
        return self.batches[-1].last_offset + 1 if self.batches else self.log_start_offset

    def append(self, values) -> Batch:
        values = tuple(values)
        if not values:
            raise ValueError("Ein Batch braucht mindestens einen Datensatz.")
        batch = Batch(self.log_end_offset, values)
        self.batches.append(batch)
        return batch

    def batches_from(self, offset: int) -> list[Batch]:
        """The batches holding `offset` and everything after it (a fetch returns whole batches)."""
        return [b for b in self.batches if b.last_offset >= offset]


@dataclass
class Topic:
    name: str
    topic_id: Uuid
    partitions: list[PartitionLog]


class Topics:
    def __init__(self, rng) -> None:
        self._rng = rng
        self.by_name: dict[str, Topic] = {}
        self.by_id: dict[Uuid, Topic] = {}

    def create(self, name: str, partitions: int) -> Topic:
        if name in self.by_name:
            raise ValueError(f"Das Topic {name} gibt es schon.")
        if partitions < 1:
            raise ValueError("Ein Topic braucht mindestens eine Partition.")
        topic = Topic(name, Uuid.random(self._rng), [PartitionLog() for _ in range(partitions)])
        self.by_name[name] = topic
        self.by_id[topic.topic_id] = topic
        return topic

    def get(self, name: str) -> Topic:
        topic = self.by_name.get(name)
        if topic is None:
            raise KeyError(f"Das Topic {name} gibt es nicht.")
        return topic

    def num_partitions(self, topic_id) -> int:
        topic = self.by_id.get(topic_id)
        return -1 if topic is None else len(topic.partitions)
