"""Eager and cooperative rebalancing of the classic protocol, as the page's consumers live them
(kafka-python's RangePartitionAssignor and CooperativeStickyPartitionAssignor, KIP-429): what each
member holds while its group rebalances, what its rebalance listener says, how many rounds it takes.
The chapter on Kafka 4.x groups draws this next to the consumer protocol (KIP-848)."""

from __future__ import annotations

import pytest

from kafkasim.cluster import Cluster

EAGER = ("range", "roundrobin")
COOPERATIVE = ("cooperative-sticky",)


def group_of(cluster, group_id):
    return next(g for g in cluster.snapshot()["groups"] if g["group_id"] == group_id)


def owned(group):
    return {m["client_id"]: None if m["owned"] is None else [p for _t, p in m["owned"]] for m in group["members"]}


def revoked(cluster, since):
    return [e for e in cluster.events(since) if e["kind"] == "consumer.revoked"]


@pytest.fixture
def cluster():
    c = Cluster(brokers=1, seed=0)
    c.create_topic("aktienkurse", 6, 1)
    return c


def join_third(cluster, group_id, strategy):
    for _ in range(2):
        cluster.add_consumer(group_id, ["aktienkurse"], None, "earliest", strategy)
    cluster.advance(12_000)
    assert group_of(cluster, group_id)["generation"] == 1
    seq = cluster.trace.seq
    third = cluster.add_consumer(group_id, ["aktienkurse"], None, "earliest", strategy)
    return third, seq


def test_an_eager_member_gives_up_everything_and_one_round_reassigns(cluster):
    third, seq = join_third(cluster, "kursalarm", EAGER)
    seen_empty = False
    while group_of(cluster, "kursalarm")["state"] != "Stable" or not seen_empty:
        cluster.step()
        group = group_of(cluster, "kursalarm")
        holds = owned(group)
        if group["state"] != "Stable" and holds["kursalarm-1"] == [] and holds["kursalarm-2"] == []:
            seen_empty = True
        assert cluster.now_ms < 30_000
    cluster.advance(500)          # the SyncGroup answers reach the consumers
    group = group_of(cluster, "kursalarm")
    assert group["generation"] == 2                       # one rebalance
    assert owned(group) == {"kursalarm-1": [0, 1], "kursalarm-2": [2, 3], third: [4, 5]}
    said = revoked(cluster, seq)
    assert [(e["client_id"], [p for _t, p in e["partitions"]]) for e in said] == \
        [("kursalarm-1", [0, 1, 2]), ("kursalarm-2", [3, 4, 5])]
    assert all(e["protocol"] == "eager" and "alle seine Partitionen" in e["text"] for e in said)
    assert {m["rebalance_protocol"] for m in group["members"]} == {"eager"}


def test_a_cooperative_member_keeps_its_partitions_and_two_rounds_move_the_rest(cluster):
    third, seq = join_third(cluster, "kursalarm-koop", COOPERATIVE)
    before = owned(group_of(cluster, "kursalarm-koop"))
    paused = set()
    while group_of(cluster, "kursalarm-koop")["generation"] < 3 or group_of(cluster, "kursalarm-koop")["state"] != "Stable":
        cluster.step()
        holds = owned(group_of(cluster, "kursalarm-koop"))
        # Never does a member hold nothing it held before, but what moves.
        for name in ("kursalarm-koop-1", "kursalarm-koop-2"):
            assert set(before[name]) - set(holds[name]) <= {4, 5}
        held = {p for ps in holds.values() if ps for p in ps}
        paused |= set(range(6)) - held
        assert cluster.now_ms < 30_000
    cluster.advance(500)
    group = group_of(cluster, "kursalarm-koop")
    assert group["generation"] == 3                       # two rebalances
    assert paused == {4, 5}
    assert owned(group) == {"kursalarm-koop-1": [0, 2], "kursalarm-koop-2": [1, 3], third: [4, 5]}
    said = revoked(cluster, seq)
    assert [(e["client_id"], [p for _t, p in e["partitions"]], [p for _t, p in e["kept"]]) for e in said] == \
        [("kursalarm-koop-1", [4], [0, 2]), ("kursalarm-koop-2", [5], [1, 3])]
    assert all(e["protocol"] == "cooperative" for e in said)
    assert {m["rebalance_protocol"] for m in group["members"]} == {"cooperative"}
    assert any("tritt erneut bei" in e["text"] for e in cluster.events(seq) if e["kind"] == "group.rebalance")


def test_the_strategy_survives_a_shared_state(cluster):
    join_third(cluster, "kursalarm-koop", COOPERATIVE)
    cluster.advance(8_000)
    again = Cluster.from_state(cluster.to_state())
    assert again.snapshot() == cluster.snapshot()
    assert {m["rebalance_protocol"] for m in group_of(again, "kursalarm-koop")["members"]} == {"cooperative"}


def test_removing_a_consumer_is_no_rebalance_to_narrate(cluster):
    join_third(cluster, "kursalarm", EAGER)
    cluster.advance(8_000)
    seq = cluster.trace.seq
    cluster.remove_consumer("kursalarm-3")
    cluster.advance(100)
    assert not [e for e in revoked(cluster, seq) if e["client_id"] == "kursalarm-3"]


def test_an_unknown_assignor_is_refused_in_german(cluster):
    with pytest.raises(ValueError, match="cooperative-sticky"):
        cluster.add_consumer("kursalarm", ["aktienkurse"], None, "earliest", ("gierig",))
