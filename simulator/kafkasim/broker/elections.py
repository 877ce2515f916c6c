"""ElectLeaders (KIP-183, KIP-460) as the KRaft controller of Kafka 4.3 answers it: a preferred
election moves leadership back to the first replica of the assignment when it is alive and in the
ISR; an unclean election only helps a partition without a leader. A partition whose leader is
already right is answered ELECTION_NOT_NEEDED, with Kafka's messages."""

from __future__ import annotations

from .. import errors
from ..protocol import admin as a

PREFERRED, UNCLEAN = 0, 1
NOT_NEEDED = "Leader election not needed for topic partition."


def elect_leaders(cluster, request) -> a.ElectLeadersResponse:
    if request.topic_partitions is None:
        wanted = [(name, [p.index for p in topic.partitions]) for name, topic in cluster.topics.items()]
    else:
        wanted = [(t.topic, list(t.partitions)) for t in request.topic_partitions]
    results = []
    for name, indexes in wanted:
        topic = cluster.topics.get(name)
        out = []
        for index in indexes:
            if topic is None:
                out.append(a.PartitionResult(index, errors.UnknownTopicOrPartitionError.errno, f"No such topic as {name}"))
            elif not 0 <= index < len(topic.partitions):
                out.append(a.PartitionResult(index, errors.UnknownTopicOrPartitionError.errno,
                                             f"No such partition as {name}-{index}"))
            else:
                out.append(_elect(cluster, topic.partitions[index], request.election_type))
        results.append(a.ReplicaElectionResult(name, out))
    return a.ElectLeadersResponse(replica_election_results=results)


def _alive(cluster, broker_id: int) -> bool:
    broker = cluster.brokers[broker_id]
    return broker.state == "running" and not broker.fenced


def _elect(cluster, partition, election_type: int) -> a.PartitionResult:
    index = partition.index
    if election_type == PREFERRED:
        preferred = partition.replicas[0]
        if partition.leader == preferred:
            return a.PartitionResult(index, errors.ElectionNotNeededError.errno, NOT_NEEDED)
        if not _alive(cluster, preferred) or preferred not in partition.isr:
            return a.PartitionResult(index, errors.PreferredLeaderNotAvailableError.errno,
                                     f"Failed to elect leader for partition {partition.topic.name}-{index} under "
                                     f"strategy PreferredReplicaPartitionLeaderElectionStrategy")
        partition.elect_leader("bevorzugter Leader (elect_leaders)", preferred=preferred)
        return a.PartitionResult(index, 0, None)
    if partition.leader is not None:
        return a.PartitionResult(index, errors.ElectionNotNeededError.errno, NOT_NEEDED)
    if not any(_alive(cluster, b) for b in partition.replicas):
        return a.PartitionResult(index, errors.EligibleLeadersNotAvailableError.errno,
                                 f"Failed to elect leader for partition {partition.topic.name}-{index} under "
                                 f"strategy UncleanLeaderElectionStrategy")
    partition.elect_leader("unsaubere Wahl (elect_leaders)", unclean=True)
    return a.PartitionResult(index, 0, None)
