"""The record of requests and answers behind the page's „Ablauf“: what a learner reads there is what
the clients and brokers sent each other, at the simulated times they sent it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kafkasim import Cluster
from kafkasim.protocol.produce import ProduceRequest
from kafkasim.protocol.request_log import SIZE, RequestLog

TOPIC = "aktienkurse"


def _new(cluster, since):
    return [e for e in cluster.request_log() if e["id"] > since]


def _last_id(cluster):
    log = cluster.request_log()
    return log[-1]["id"] if log else 0


def test_the_ring_keeps_the_newest_600():
    clock = SimpleNamespace(now=0)
    log = RequestLog(clock)
    for i in range(SIZE + 50):
        clock.now = i
        entry = log.sent("boerse", 1, ProduceRequest(None, -1, 30_000, []))
        log.answered(entry, None)
    entries = log.entries()
    assert len(entries) == SIZE
    assert entries[0]["sent_ms"] == 50 and entries[-1]["sent_ms"] == SIZE + 49
    assert [e["id"] for e in entries] == sorted(e["id"] for e in entries)


def test_a_new_groups_join_waits_for_the_initial_rebalance_delay():
    cluster = Cluster(brokers=1, seed=0)
    cluster.create_topic(TOPIC, partitions=3, replication_factor=1)
    cluster.add_consumer("kursalarm", [TOPIC], client_id="kursalarm-1")
    cluster.advance(5_000)
    log = {e["api"]: e for e in reversed(cluster.request_log()) if e["client"] == "kursalarm-1"}
    join, sync = log["JoinGroup"], log["SyncGroup"]
    assert join["node"] == 1 and join["text"] == "JoinGroup Gruppe kursalarm, neues Mitglied"
    # group.initial.rebalance.delay.ms = 3000 for a group that was empty.
    assert 3_000 <= join["answered_ms"] - join["sent_ms"] < 3_100
    assert join["error"] is None and join["reply"].startswith("Generation 1")
    assert sync["sent_ms"] >= join["answered_ms"]
    assert sync["reply"] == "Zuweisung: aktienkurse-0, aktienkurse-1, aktienkurse-2"
    assert log["FindCoordinator"]["reply"] == "Koordinator: Broker 1"


def test_acks_all_is_answered_after_the_followers_fetch():
    cluster = Cluster(brokers=3, seed=0)
    cluster.create_topic(TOPIC, partitions=1, replication_factor=3, config={"min.insync.replicas": 2})
    cluster.advance(2_000)
    for acks in ("1", "all"):
        since = _last_id(cluster)
        cluster.produce(TOPIC, "SAP 231,40", acks=acks)
        cluster.advance(100)
        new = _new(cluster, since)
        produce = next(e for e in new if e["api"] == "Produce")
        fetches = [e for e in new if e["client"].startswith("replica:")]
        assert produce["text"] == f"Produce aktienkurse-0, 1 Datensatz, acks={acks}"
        assert produce["reply"].startswith("geschrieben: aktienkurse-0 Offset")
        assert sorted(e["client"] for e in fetches) == sorted(f"replica:{b}" for b in (1, 2, 3) if b != produce["node"])
        assert all(e["node"] == produce["node"] and e["oneway"] for e in fetches)
        follower_fetch_arrives = min(e["sent_ms"] for e in fetches) + 1
        if acks == "all":
            # The leader answers once the followers' next fetch told it they hold the record.
            assert produce["answered_ms"] > follower_fetch_arrives
        else:
            assert produce["answered_ms"] <= follower_fetch_arrives


def test_an_error_code_is_named_and_a_crash_ends_the_requests_in_flight():
    cluster = Cluster(brokers=3, seed=0)
    cluster.create_topic(TOPIC, partitions=1, replication_factor=3, config={"min.insync.replicas": 3})
    cluster.add_consumer("depot-anna", [TOPIC], client_id="anna")
    cluster.advance(5_000)
    leader = cluster.snapshot(max_records=0)["topics"][0]["partitions"][0]["leader"]
    cluster.crash_broker(next(b for b in (1, 2, 3) if b != leader))
    cluster.advance(15_000)
    since = _last_id(cluster)
    with pytest.raises(Exception, match="NotEnoughReplicasError"):
        cluster.produce(TOPIC, "SAP 231,40", acks="all")
    cluster.advance(1_000)
    produce = next(e for e in _new(cluster, since) if e["api"] == "Produce")
    assert produce["error"] == "NOT_ENOUGH_REPLICAS" and produce["answered_ms"] is not None
    # anna's long-polling fetch is in flight when its broker crashes: it ends one hop later, unanswered.
    since = _last_id(cluster)
    fetching = next(e["node"] for e in reversed(cluster.request_log()) if e["client"] == "anna" and e["api"] == "Fetch")
    cluster.crash_broker(fetching)
    cluster.advance(100)
    broken = [e for e in cluster.request_log() if e["client"] == "anna" and e["error"] == "KafkaConnectionError"]
    assert broken and all(e["reply"] is None and e["answered_ms"] >= e["sent_ms"] for e in broken)


def test_normal_snapshots_do_not_carry_the_log():
    cluster = Cluster(brokers=1, seed=0)
    cluster.create_topic(TOPIC, partitions=1, replication_factor=1)
    cluster.advance(100)
    assert "requests" not in cluster.snapshot(max_records=0)
    assert cluster.request_log()
