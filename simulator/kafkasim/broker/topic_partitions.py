"""DescribeTopicPartitions (KIP-966) as a Kafka 4.3 broker answers it: the requested topics (every
topic when none is named) sorted by name, partitions from the cursor on, at most
response_partition_limit partitions (and the broker's 2000), then a cursor to the rest.
Unknown topics are answered with an error in their place, unless every topic was asked for.

Topics get their id when first described: the simulator's topics carry no id otherwise, and drawing
one at creation would change every seeded run that never asks for it.
"""

from __future__ import annotations

from .. import errors
from ..protocol import metadata as m
from .topic import validate_name

# max.request.partition.size.limit, Kafka's default
MAX_PARTITIONS_PER_RESPONSE = 2000
# Without an authorizer every operation on a topic is allowed: READ, WRITE, CREATE, DELETE, ALTER,
# DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS (the bits Kafka 4.3 reports).
ALL_TOPIC_OPERATIONS = 3576


class TopicIds:
    """One id per topic, kept while the topic lives; a topic created again gets a new one."""

    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self._ids: dict[str, tuple[object, str]] = {}

    def of(self, name: str, topic) -> str:
        known = self._ids.get(name)
        if known is None or known[0] is not topic:
            known = self._ids[name] = (topic, self.cluster.uuid())
        return known[1]


def describe_topic_partitions(cluster, topic_ids: TopicIds, request) -> m.DescribeTopicPartitionsResponse:
    every_topic = not request.topics
    if every_topic:
        names = list(cluster.topics) + list(cluster.internal_topics)
    else:
        names = list(request.topics)
    cursor = request.cursor
    names = sorted({n for n in names if cursor is None or n >= cursor.topic_name})
    remaining = min(request.response_partition_limit, MAX_PARTITIONS_PER_RESPONSE)
    out, next_cursor = [], None
    for name in names:
        if remaining == 0:
            next_cursor = m.DescribeTopicPartitionsCursor(name, 0)
            break
        topic = cluster.topics.get(name) or cluster.internal_topics.get(name)
        if topic is None:
            if not every_topic:
                out.append(m.DescribeTopicPartitionsTopic(_unknown_error(name), name, None, False, [],
                                                          ALL_TOPIC_OPERATIONS))
            continue
        start = cursor.partition_index if cursor is not None and name == cursor.topic_name else 0
        end = min(len(topic.partitions), start + remaining)
        parts = [_partition(cluster, p) for p in topic.partitions[start:end]]
        out.append(m.DescribeTopicPartitionsTopic(0, name, topic_ids.of(name, topic), topic.internal, parts,
                                                  ALL_TOPIC_OPERATIONS))
        if end < len(topic.partitions):
            next_cursor = m.DescribeTopicPartitionsCursor(name, end)
            break
        remaining -= len(parts)
    return m.DescribeTopicPartitionsResponse(topics=out, next_cursor=next_cursor)


def _unknown_error(name: str) -> int:
    try:
        validate_name(name)
    except errors.InvalidTopicError:
        return errors.InvalidTopicError.errno
    return errors.UnknownTopicOrPartitionError.errno


def _partition(cluster, p) -> m.DescribeTopicPartitionsPartition:
    leader = p.leader if p.leader is not None else -1
    return m.DescribeTopicPartitionsPartition(
        0 if p.leader is not None else errors.LeaderNotAvailableError.errno, p.index, leader, p.leader_epoch,
        list(p.replicas), list(p.isr), [], [],
        [b for b in p.replicas if cluster.brokers[b].state != "running"])
