"""Only a partition's leader serves a ShareFetch, as in Kafka 4.3.1: SharePartitionManager.
processShareFetch creates the share-partition through ShareFetchUtils.partition, which throws
NotLeaderOrFollowerException on a broker that is not the leader; the partition is answered with
NOT_LEADER_OR_FOLLOWER (error code 6), nothing is acquired there, and KafkaApis.
processShareFetchResponse adds the current leader (id, epoch) and its broker to the answer. A broker
without the share-partition answers acknowledgements for it with UNKNOWN_TOPIC_OR_PARTITION
(SharePartitionManager.acknowledge)."""
from __future__ import annotations

import pytest

from kafkasim.clients.groups.member import GroupMemberClient
from kafkasim.cluster import Cluster
from kafkasim.groups4.controls import GroupsSimulator
from kafkasim.protocol.share import ACCEPT, ShareAcknowledgeRequest, ShareFetchRequest, error_code

NOT_LEADER_OR_FOLLOWER = 6


@pytest.fixture
def world():
    cluster = Cluster(brokers=3, seed=0)
    cluster.create_topic("auftraege", 1, 3)
    cluster.advance(1_000)
    sim = GroupsSimulator(kafka=cluster.kafka, env=cluster.env)
    sim.create_topic("auftraege", 1)
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.produce("auftraege", 0, ["a1", "a2", "a3"])
    member = sim.add_share_consumer("A", "lager", "auftraege")
    sim._await_assignment(member)
    return cluster, sim, member


def leadership(cluster):
    p = cluster.kafka.partition("auftraege", 0)
    return p.leader, p.leader_epoch, [b for b in p.replicas if b != p.leader]


def ask(sim, node, request):
    client = GroupMemberClient(sim.env, node, "kafkasim-test")
    try:
        return client.call(request)
    finally:
        client._manager.close()


def fetch(sim, member, epoch, **fields):
    topic_id = sim.topics.get("auftraege").topic_id
    return ShareFetchRequest(group_id="lager", member_id=member.member_id, share_session_epoch=epoch,
                             topics=((topic_id, 0),) if epoch == 0 else (), **fields)


def states(sim):
    return [r["state"] for r in sim.share_partition_view("lager", "auftraege", 0)["records"]]


def test_a_share_fetch_to_a_follower_names_the_leader_and_acquires_nothing(world):
    cluster, sim, member = world
    leader, epoch, followers = leadership(cluster)
    start = sim.kernel.now
    response = ask(sim, followers[0], fetch(sim, member, 0, max_wait_ms=5_000))
    assert sim.kernel.now - start < 1_000          # nothing to wait for: answered at once
    assert response.error_code == 0
    (data,) = response.responses
    assert data.error_code == NOT_LEADER_OR_FOLLOWER
    assert data.current_leader == (leader, epoch)
    assert data.acquired_records == () and data.records == ()
    host, port = cluster.kafka.network.address(leader)
    assert response.node_endpoints == ((leader, host, port, None),)
    assert states(sim) in ([], ["Available"] * 3)  # the share-partition is untouched

    # The leader serves the same member.
    response = ask(sim, leader, fetch(sim, member, 0, max_wait_ms=0))
    (data,) = response.responses
    assert data.error_code == 0 and data.current_leader == (-1, -1)
    assert data.acquired_records == ((0, 2, 1),)
    assert response.node_endpoints == ()


def test_acknowledgements_to_a_broker_that_is_not_the_leader_are_refused(world):
    cluster, sim, member = world
    leader, _epoch, followers = leadership(cluster)
    ask(sim, leader, fetch(sim, member, 0, max_wait_ms=0))
    topic_id = sim.topics.get("auftraege").topic_id
    response = ask(sim, followers[0], ShareAcknowledgeRequest(
        group_id="lager", member_id=member.member_id, share_session_epoch=1,
        acknowledgements={(topic_id, 0): [(0, 2, [ACCEPT])]}))
    assert [r.error_code for r in response.responses] == [error_code("UNKNOWN_TOPIC_OR_PARTITION")]
    assert states(sim) == ["Acquired"] * 3
    response = ask(sim, leader, ShareAcknowledgeRequest(
        group_id="lager", member_id=member.member_id, share_session_epoch=2,
        acknowledgements={(topic_id, 0): [(0, 2, [ACCEPT])]}))
    assert [r.error_code for r in response.responses] == [0]
    assert states(sim) == []                       # all done: the start offset moved past them


def test_after_a_leader_change_the_old_leader_points_to_the_new_one(world):
    cluster, sim, member = world
    old, epoch, _followers = leadership(cluster)
    cluster.crash_broker(old)
    cluster.advance(15_000)
    new, new_epoch, followers = leadership(cluster)
    assert new != old and new_epoch > epoch
    (asked,) = [b for b in followers if b != old]      # the follower still running
    (data,) = ask(sim, asked, fetch(sim, member, 0, max_wait_ms=0)).responses
    assert (data.error_code, data.current_leader) == (NOT_LEADER_OR_FOLLOWER, (new, new_epoch))
    (data,) = ask(sim, new, fetch(sim, member, 0, max_wait_ms=0)).responses
    assert data.error_code == 0 and data.acquired_records == ((0, 2, 1),)


def test_a_topic_the_cluster_does_not_have_is_served_by_every_broker():
    cluster = Cluster(brokers=3, seed=0)
    sim = GroupsSimulator(kafka=cluster.kafka, env=cluster.env)
    sim.create_topic("nur-seite", 1)
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.produce("nur-seite", 0, ["x"])
    member = sim.add_share_consumer("A", "lager", "nur-seite")
    sim._await_assignment(member)
    topic_id = sim.topics.get("nur-seite").topic_id
    (data,) = ask(sim, 3, ShareFetchRequest(group_id="lager", member_id=member.member_id, share_session_epoch=0,
                                            topics=((topic_id, 0),), max_wait_ms=0)).responses
    assert data.error_code == 0 and data.acquired_records == ((0, 0, 1),)


def test_the_share_consumer_follows_the_leader_it_is_told(world):
    cluster, sim, member = world
    leader, _epoch, followers = leadership(cluster)
    member.node_id = followers[0]                  # it asks a follower first
    records = sim.poll("A", max_wait_ms=0)
    assert [r.value for r in records] == ["a1", "a2", "a3"]
    assert member.node_id == leader
