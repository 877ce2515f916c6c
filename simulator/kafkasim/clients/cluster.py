"""kafka.cluster.ClusterMetadata: what a client knows about the cluster from its last Metadata response.

The client's picture can be stale; it is refreshed when the client asks for it (a topic it does
not know yet, an error saying a leader moved, a broken connection, metadata_max_age_ms). Answers
are precomputed per update, because the default partitioner asks for every single record.
"""

from __future__ import annotations

from .. import errors as Errors
from ..protocol.api import struct

PartitionMetadata = struct("PartitionMetadata", "topic partition leader leader_epoch replicas isr offline_replicas error")
import re  # noqa: E402

TOPIC_MAX_LENGTH = 249
_TOPIC_LEGAL_CHARS = re.compile(r"^[a-zA-Z0-9._-]+$")


def ensure_valid_topic_name(topic) -> None:
    """kafka-python's client-side check of a topic name (before any request), with its errors."""
    if topic is None:
        raise TypeError("All topics must not be None")
    if not isinstance(topic, str):
        raise TypeError("All topics must be strings")
    if len(topic) == 0:
        raise ValueError("All topics must be non-empty strings")
    if topic in (".", ".."):
        raise ValueError('Topic name cannot be "." or ".."')
    if len(topic) > TOPIC_MAX_LENGTH:
        raise ValueError(f"Topic name is illegal, it can't be longer than {TOPIC_MAX_LENGTH} characters, "
                         f'topic: "{topic}"')
    if not _TOPIC_LEGAL_CHARS.match(topic):
        raise ValueError(f'Topic name "{topic}" is illegal, it contains a character other than ASCII '
                         'alphanumerics, ".", "_" and "-"')


class ClusterMetadata:
    def __init__(self, rng, metadata_max_age_ms: int = 300_000) -> None:
        self.rng = rng                              # the default partitioner draws from it (seeded)
        self.metadata_max_age_ms = metadata_max_age_ms
        self.cluster_id = None
        self.controller = None
        self._brokers: dict[int, object] = {}
        self._partitions: dict[str, dict[int, PartitionMetadata]] = {}
        self._all: dict[str, frozenset] = {}
        self._available: dict[str, frozenset] = {}
        self._internal: set[str] = set()
        self.unknown_topics: set[str] = set()
        self.invalid_topics: set[str] = set()
        self._topics: set[str] = set()              # the topics this client needs metadata for
        self.need_all_topics = False
        self._need_update = True
        self.last_refresh_ms = -1
        self.version = 0                            # bumps on every update
        self.full_version = 0                       # bumps on every update listing all topics
        self._listeners: list = []

    # -- what the client wants -----------------------------------------------------------------
    def set_topics(self, topics) -> None:
        self._topics = set(topics)
        if not self._topics <= set(self._partitions):
            self._need_update = True

    def add_topic(self, topic: str) -> None:
        if topic not in self._topics:
            self._topics.add(topic)
            if topic not in self._partitions:
                self._need_update = True

    def wanted_topics(self) -> list[str] | None:
        return None if self.need_all_topics else sorted(self._topics)

    def request_update(self) -> None:
        self._need_update = True

    def need_update(self, now_ms: int) -> bool:
        return self._need_update or (self.last_refresh_ms >= 0 and now_ms - self.last_refresh_ms >= self.metadata_max_age_ms)

    def add_listener(self, listener) -> None:
        self._listeners.append(listener)

    # -- answers -------------------------------------------------------------------------------
    def brokers(self) -> list:
        return list(self._brokers.values())

    def broker_ids(self) -> list[int]:
        return sorted(self._brokers)

    def broker_metadata(self, broker_id):
        return self._brokers.get(broker_id)

    def topics(self, exclude_internal_topics: bool = True) -> set:
        names = set(self._partitions)
        if exclude_internal_topics:
            names -= self._internal
        return names

    def partitions_for_topic(self, topic: str):
        parts = self._all.get(topic)
        return None if parts is None else set(parts)

    def available_partitions_for_topic(self, topic: str):
        # kafka-python counts a partition as available while the metadata names a leader (id != -1),
        # also a crashed broker the controller has not fenced yet: a keyless record may go there
        # and then waits in the accumulator until a new leader is elected.
        parts = self._available.get(topic)
        return None if parts is None else set(parts)

    def partition_count(self, topic: str) -> int | None:
        parts = self._all.get(topic)
        return None if parts is None else len(parts)

    def leader_for_partition(self, partition):
        """node id of the leader, -1 when it has none, None when the partition is unknown."""
        meta = self._partitions.get(partition[0], {}).get(partition[1])
        return None if meta is None else meta.leader

    def partition_metadata(self, topic: str, partition: int) -> PartitionMetadata | None:
        return self._partitions.get(topic, {}).get(partition)

    def leader_epoch_for_partition(self, partition) -> int:
        meta = self._partitions.get(partition[0], {}).get(partition[1])
        return -1 if meta is None else meta.leader_epoch

    def partitions_for_broker(self, broker_id: int) -> set:
        return {(t, p) for t, parts in self._partitions.items() for p, m in parts.items() if m.leader == broker_id}

    # -- updates -------------------------------------------------------------------------------
    def update_metadata(self, response, now_ms: int, all_topics: bool = False) -> None:
        """Takes a MetadataResponse; `all_topics` when the request asked for every topic."""
        self._brokers = {b.node_id: b for b in response.brokers}
        self.cluster_id = response.cluster_id
        self.controller = response.controller_id if response.controller_id != -1 else None
        if all_topics:
            # A full listing replaces what is known; a partial one updates the topics it names.
            self._partitions = {}
            self._internal = set()
        self.unknown_topics = set()
        self.invalid_topics = set()
        for topic in response.topics:
            name = topic.name
            if topic.error_code == 0:
                self._partitions[name] = {
                    p.partition_index: PartitionMetadata(name, p.partition_index, p.leader_id, p.leader_epoch,
                                                         list(p.replica_nodes), list(p.isr_nodes),
                                                         list(p.offline_replicas), p.error_code)
                    for p in topic.partitions}
                if topic.is_internal:
                    self._internal.add(name)
            else:
                self._partitions.pop(name, None)
                if topic.error_code == Errors.UnknownTopicOrPartitionError.errno:
                    self.unknown_topics.add(name)
                elif topic.error_code == Errors.InvalidTopicError.errno:
                    self.invalid_topics.add(name)
        self._all = {t: frozenset(parts) for t, parts in self._partitions.items()}
        self._available = {t: frozenset(p for p, m in parts.items() if m.leader != -1)
                           for t, parts in self._partitions.items()}
        # Topics that came back without a leader (just created) need another look soon.
        self._need_update = any(topic.error_code == Errors.LeaderNotAvailableError.errno for topic in response.topics)
        self.last_refresh_ms = now_ms
        self.version += 1
        if all_topics:
            self.full_version += 1
        for listener in list(self._listeners):
            listener(self)
