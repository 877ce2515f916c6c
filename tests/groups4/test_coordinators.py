"""The group coordinators on simulated time: share-group membership and assignment, the KIP-848
consumer protocol (epochs, revoke before assign, members that keep their partitions)."""
from __future__ import annotations

import pytest

from kafkasim.broker.consumer_group_coordinator import STABLE, UNRELEASED_PARTITIONS, UNREVOKED_PARTITIONS
from kafkasim.groups4.controls import GroupsControlError, GroupsSimulator
from kafkasim.protocol.groups import ConsumerGroupHeartbeatRequest
from kafkasim.protocol.share import ShareGroupHeartbeatRequest, error_code

FAST = {"group.consumer.heartbeat.interval.ms": "1000", "group.consumer.min.heartbeat.interval.ms": "1000",
        "group.share.heartbeat.interval.ms": "1000", "group.share.min.heartbeat.interval.ms": "1000"}


def simulator(partitions=6, **configs):
    sim = GroupsSimulator(seed=3, broker_configs={**FAST, **configs})
    sim.create_topic("kurse", partitions)
    return sim


def partitions_of(description, client_id):
    member = next(m for m in description["members"] if m["client_id"] == client_id)
    return sorted(p for ps in member["assignment"].values() for p in ps)


# --- share groups --------------------------------------------------------------------------------

def test_a_new_share_group_assigns_once_its_partitions_are_initialized():
    sim = simulator(partitions=1, **{"group.share.assignment.interval.ms": "0"})
    consumer = sim.add_share_consumer("A", "lager", "kurse")
    group = sim.broker.share_coordinator.groups["lager"]
    assert (consumer.member_epoch, consumer.assigned, group.epoch) == (2, [], 2)
    sim.advance(10)  # InitializeShareGroupState done: the epoch moves on
    assert group.epoch == 3
    consumer.heartbeat()
    assert consumer.member_epoch == 3 and [p for _t, p in consumer.assigned] == [0]


def test_with_more_share_members_than_partitions_every_member_reads_the_partition():
    sim = simulator(partitions=1, **{"group.share.assignment.interval.ms": "0"})
    for name in "ABC":
        sim.add_share_consumer(name, "lager", "kurse")
    sim.advance(10)
    for name in "ABC":
        sim.share_consumer(name).heartbeat()
    description = sim.describe_share_group("lager")
    assert [partitions_of(description, n) for n in "ABC"] == [[0], [0], [0]]


def test_share_assignment_waits_for_the_assignment_interval():
    sim = simulator(partitions=2)  # group.share.assignment.interval.ms = 1000 (Kafka's default)
    a = sim.add_share_consumer("A", "lager", "kurse")
    sim.advance(10)
    a.heartbeat()  # assignment computed now (epoch 3), next one not before 1 s later
    b = sim.add_share_consumer("B", "lager", "kurse")
    assert b.assigned == []
    sim.run_until(lambda: bool(b.assigned), 5000)
    assert 990 <= sim.kernel.now <= 2100 and len(b.assigned) == 1


def test_a_share_member_without_heartbeats_is_removed_after_the_session_timeout():
    sim = simulator(partitions=1)
    sim.add_share_consumer("A", "lager", "kurse")
    consumer = sim.share_consumer("A")
    consumer._heartbeat_timer.cancel()  # the member stops heart-beating (crashed client)
    consumer.closed = True
    sim.advance(44_900)
    assert len(sim.describe_share_group("lager")["members"]) == 1
    sim.advance(200)
    assert sim.describe_share_group("lager")["members"] == []


def test_share_heartbeat_errors_use_kafkas_codes():
    sim = simulator(partitions=1)
    broker = sim.broker
    unknown = sim.send_request(ShareGroupHeartbeatRequest(group_id="lager", member_id="x", member_epoch=5))
    assert unknown.error_code == error_code("UNKNOWN_MEMBER_ID")
    sim.add_share_consumer("A", "lager", "kurse")
    member_id = sim.share_consumer("A").member_id
    fenced = sim.send_request(ShareGroupHeartbeatRequest(group_id="lager", member_id=member_id, member_epoch=99))
    assert fenced.error_code == error_code("FENCED_MEMBER_EPOCH")


# --- consumer protocol (KIP-848) -------------------------------------------------------------------

def join(sim, member_id, owned=None, epoch=0, assignor=None):
    request = ConsumerGroupHeartbeatRequest(group_id="depot-neu", member_id=member_id, member_epoch=epoch,
                                            subscribed_topic_names=["kurse"] if epoch == 0 else None,
                                            server_assignor=assignor, topic_partitions=owned)
    return sim.send_request(request, member_id)


def test_a_joining_member_gets_partitions_only_after_the_owner_revoked_them():
    sim = simulator(**{"group.consumer.assignment.interval.ms": "0"})
    topic = sim.topics.get("kurse").topic_id
    first = join(sim, "A")
    assert first.member_epoch == 2 and first.assignment == [(topic, [0, 1, 2, 3, 4, 5])]
    second = join(sim, "B")
    coordinator = sim.broker.consumer_coordinator
    group = coordinator.groups["depot-neu"]
    assert (group.epoch, group.target_epoch) == (3, 3)
    assert second.member_epoch == 3 and second.assignment == []  # 3, 4, 5 still belong to A
    assert group.members["B"].state == UNRELEASED_PARTITIONS
    a = join(sim, "A", owned=[(topic, [0, 1, 2, 3, 4, 5])], epoch=2)
    assert a.member_epoch == 2 and a.assignment == [(topic, [0, 1, 2])]  # revoke first, epoch kept
    assert group.members["A"].state == UNREVOKED_PARTITIONS
    assert join(sim, "B", owned=[], epoch=3).assignment is None  # A has not confirmed yet
    a = join(sim, "A", owned=[(topic, [0, 1, 2])], epoch=2)
    assert a.member_epoch == 3 and group.members["A"].state == STABLE
    b = join(sim, "B", owned=[], epoch=3)
    assert b.assignment == [(topic, [3, 4, 5])] and group.members["B"].state == STABLE


def test_members_keep_consuming_what_they_keep_when_a_member_joins():
    sim = simulator(**{"group.consumer.assignment.interval.ms": "0"})
    a = sim.add_consumer("A", "depot-neu", "kurse", assignor="uniform")
    sim.advance(100)
    b = sim.add_consumer("B", "depot-neu", "kurse", assignor="uniform")
    sim.run_until(lambda: sim.describe_consumer_group("depot-neu")["state"] == "Stable" and len(b.owned) == 3, 10_000)
    kept = {p for _t, p in a.owned}
    c = sim.add_consumer("C", "depot-neu", "kurse", assignor="uniform")
    sim.run_until(lambda: sim.describe_consumer_group("depot-neu")["state"] == "Stable" and len(c.owned) == 2, 10_000)
    assert {p for _t, p in a.owned} < kept  # a subset: nothing of A moved except what C got
    assert [sign for sign, _t, _p in a.callbacks] == ["+", "-", "-"]  # never a full revocation


def test_a_silent_consumer_is_removed_after_the_session_timeout_and_its_partitions_move():
    sim = simulator(**{"group.consumer.assignment.interval.ms": "0"})
    a = sim.add_consumer("A", "depot-neu", "kurse")
    b = sim.add_consumer("B", "depot-neu", "kurse")
    sim.run_until(lambda: len(a.owned) == 3 and len(b.owned) == 3, 10_000)
    b._heartbeat_timer.cancel()
    b.closed = True
    sim.advance(40_000)
    assert len(a.owned) == 3
    sim.run_until(lambda: len(a.owned) == 6, 10_000)
    assert 44_000 < sim.kernel.now < 50_000


def test_unknown_server_assignor_is_refused_like_kafka():
    sim = simulator()
    assert join(sim, "A", assignor="sticky").error_code == error_code("UNSUPPORTED_ASSIGNOR")


def test_uniform_with_different_subscriptions_is_refused_in_german():
    sim = simulator()
    sim.create_topic("news", 2)
    sim.add_consumer("A", "depot-neu", "kurse")
    with pytest.raises(GroupsControlError, match="nur mit dem Assignor range"):
        sim.add_consumer("B", "depot-neu", "news")
    sim.add_consumer("R1", "portfolio", "kurse", assignor="range")
    sim.add_consumer("R2", "portfolio", "news", assignor="range")  # range computes heterogeneous groups
    sim.advance(3000)
    assert sim.describe_consumer_group("portfolio")["state"] == "Stable"


# --- the describe requests (what kafka-share-groups.sh / kafka-consumer-groups.sh ask) --------------

def test_the_describe_requests_answer_what_the_views_show():
    from kafkasim.protocol.groups import ConsumerGroupDescribeRequest
    from kafkasim.protocol.share import DescribeShareGroupOffsetsRequest, ShareGroupDescribeRequest
    sim = simulator(partitions=1, **{"group.share.assignment.interval.ms": "0"})
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.produce("kurse", 0, ["a", "b"])
    sim.add_share_consumer("A", "lager", "kurse")
    records = sim.poll("A")
    sim.acknowledge_all("A", "accept")
    sim.commit("A")
    sim.add_consumer("K", "depot-neu", "kurse")
    (shared,) = sim.send_request(ShareGroupDescribeRequest(group_ids=["lager"])).groups
    view = sim.describe_share_group("lager")
    assert (shared.error_code, shared.group_state, shared.group_epoch) == (0, view["state"], view["epoch"])
    assert [(m.client_id, [p for _t, ps in m.assignment for p in ps]) for m in shared.members] == [("A", [0])]
    (offsets,) = sim.send_request(DescribeShareGroupOffsetsRequest(groups=["lager"])).groups
    assert [(p.partition_index, p.start_offset, p.lag) for p in offsets.partitions] == \
        [(0, *sim.share_group_offsets("lager")[(sim.topics.get("kurse").topic_id, 0)])]
    assert len(records) == 2
    (consumer,) = sim.send_request(ConsumerGroupDescribeRequest(group_ids=["depot-neu"])).groups
    assert (consumer.group_state, consumer.assignor_name) == (sim.describe_consumer_group("depot-neu")["state"],
                                                              "uniform")
    (missing,) = sim.send_request(ShareGroupDescribeRequest(group_ids=["gibtsnicht"])).groups
    assert missing.error_code == error_code("GROUP_ID_NOT_FOUND")
