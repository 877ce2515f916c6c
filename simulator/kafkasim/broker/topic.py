"""Topics: name, configuration and partitions placed on brokers."""

from __future__ import annotations

import re

from .. import errors
from .partition import Partition

LEGAL_NAME = re.compile(r"^[a-zA-Z0-9._-]+$")


def validate_name(name) -> None:
    if not isinstance(name, str) or not name or name in (".", "..") or len(name) > 249 \
            or not LEGAL_NAME.match(name):
        raise errors.InvalidTopicError(
            f"Ungültiger Topic-Name {name!r}: erlaubt sind 1 bis 249 Zeichen aus a–z, A–Z, 0–9, '.', '_' und '-'.")


def place_replicas(rng, broker_ids: list[int], partitions: int, replication_factor: int,
                   first_partition: int = 0) -> list[list[int]]:
    """Kafka's rack-unaware placement: leaders round-robin from a random start, followers shifted."""
    n = len(broker_ids)
    start = rng.randrange(n)
    shift = rng.randrange(n)
    out = []
    for p in range(first_partition, first_partition + partitions):
        if p > 0 and p % n == 0:
            shift += 1
        first = (p + start) % n
        replicas = [broker_ids[first]]
        for j in range(replication_factor - 1):
            replicas.append(broker_ids[(first + 1 + (shift + j) % (n - 1)) % n])
        out.append(replicas)
    return out


class Topic:
    __slots__ = ("name", "config", "replication_factor", "partitions", "auto_created", "internal", "overrides")

    def __init__(self, cluster, name: str, config: dict, assignment: list[list[int]], auto_created=False,
                 internal=False) -> None:
        self.name = name
        self.internal = internal
        self.overrides: dict = {}      # topic-level settings that differ from the broker defaults
        self.config = config
        self.replication_factor = len(assignment[0])
        self.partitions = [Partition(cluster, self, i, list(replicas)) for i, replicas in enumerate(assignment)]
        self.auto_created = auto_created

    def add_partitions(self, cluster, assignment: list[list[int]]) -> None:
        start = len(self.partitions)
        self.partitions.extend(Partition(cluster, self, start + i, list(replicas))
                               for i, replicas in enumerate(assignment))

    def snapshot(self, max_records: int) -> dict:
        c = self.config
        return {
            "name": self.name,
            "config": {"retention.ms": c["retention.ms"], "retention.bytes": c["retention.bytes"],
                       "cleanup.policy": c["cleanup.policy"], "min.insync.replicas": c["min.insync.replicas"],
                       "unclean.leader.election.enable": c["unclean.leader.election.enable"],
                       "segment.ms": c["segment.ms"], "segment.bytes": c["segment.bytes"]},
            "replication_factor": self.replication_factor,
            "partitions": [p.snapshot(max_records) for p in self.partitions],
        }
