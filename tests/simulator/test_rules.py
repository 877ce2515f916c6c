"""One test per rule of the cluster model and the kafka-python facade."""

import json
import logging

import pytest

from kafkasim import Cluster
from kafkasim import errors
from kafkasim.clients.env import using
from kafkasim.kafka import KafkaProducer


def run_ok(cluster, source, **kw):
    result = cluster.run_script(source, **kw)
    assert result.error is None, (result.error, result.traceback)
    return result


def test_acks_all_waits_for_the_isr_and_acks_1_does_not(cluster):
    cluster.create_topic("t", 1, 3)
    t0 = cluster.now_ms
    cluster.produce("t", "a", acks="all")
    t_all = cluster.now_ms - t0
    t0 = cluster.now_ms
    cluster.produce("t", "b", acks=1)
    t_one = cluster.now_ms - t0
    assert t_all > t_one
    p = cluster.partition("t", 0)
    assert p.hw == 1 and p.log_end_offset == 2      # acks=1 answered before the followers fetched
    cluster.advance(5)
    assert p.hw == p.log_end_offset == 2


def test_min_insync_replicas_rejects_acks_all_but_not_acks_1():
    cluster = Cluster(brokers=5, seed=0)     # two of five down: the KRaft quorum survives
    cluster.create_topic("t", 1, 3, {"min.insync.replicas": 2})
    p = cluster.partition("t", 0)
    followers = [b for b in p.replicas if b != p.leader]
    for b in followers:
        cluster.crash_broker(b)
    cluster.advance(10_000)          # broker.session.timeout.ms = 9000: fenced, out of the ISR
    assert p.isr == [p.leader]
    with pytest.raises(errors.NotEnoughReplicasError):
        cluster.produce("t", "x", acks="all")
    assert cluster.produce("t", "x", acks=1)["offset"] == 0


def test_crashed_follower_leaves_isr_and_rejoins_after_restart(cluster):
    cluster.create_topic("t", 1, 3)
    p = cluster.partition("t", 0)
    follower = [b for b in p.replicas if b != p.leader][0]
    cluster.crash_broker(follower)
    cluster.advance(8_000)
    assert follower in p.isr            # not yet: the controller waits broker.session.timeout.ms
    cluster.advance(2_000)
    assert follower not in p.isr
    cluster.produce("t", "während des Ausfalls")
    assert p.replica_leo[follower] == 0 < p.log_end_offset
    cluster.restart_broker(follower)
    cluster.advance(100)
    assert follower in p.isr and p.replica_leo[follower] == p.log_end_offset


def test_follower_back_before_the_leader_heard_of_its_last_fetch_reports_its_offset(cluster):
    # The follower holds the record, but goes down before its next fetch tells the leader so.
    # Back (within broker.session.timeout.ms, still in the ISR) it has nothing new to fetch; its
    # fetches still carry its log end offset, so the high watermark moves and it stays in the ISR.
    cluster.create_topic("t", 1, 3)
    p = cluster.partition("t", 0)
    follower = [b for b in p.replicas if b != p.leader][0]
    cluster.produce("t", "a", acks=1)
    while p.follower_leo[follower] == 0:
        cluster.step()
    assert p.replica_leo[follower] == 0 and p.hw == 0
    cluster.crash_broker(follower)
    cluster.advance(1_000)
    assert follower in p.isr and p.hw == 0       # the HW waits for every ISR member, the crashed one too
    cluster.restart_broker(follower)
    cluster.advance(100)
    assert p.replica_leo[follower] == p.log_end_offset == p.hw == 1
    cluster.advance(60_000)                      # twice replica.lag.time.max.ms: nobody drops out
    assert sorted(p.isr) == sorted(p.replicas)


def test_slow_follower_leaves_isr_after_replica_lag_time_max():
    cluster = Cluster(brokers=3, seed=0, config={"broker.session.timeout.ms": 120_000})
    cluster.create_topic("t", 1, 3)
    p = cluster.partition("t", 0)
    follower = [b for b in p.replicas if b != p.leader][0]
    cluster.crash_broker(follower)
    cluster.advance(20_000)
    assert follower in p.isr
    cluster.advance(30_000)
    assert follower not in p.isr
    assert any("replica.lag.time.max.ms" in e["text"] for e in cluster.events() if e["kind"] == "isr.shrunk")


def test_high_watermark_is_min_leo_over_isr_and_never_above_leo(cluster):
    cluster.create_topic("t", 2, 3)
    for i in range(20):
        cluster.produce("t", f"v{i}", key=f"k{i}", acks=1)
    for p in cluster.topics["t"].partitions:
        assert p.hw <= p.log_end_offset
        assert p.hw == min(p.replica_leo[b] for b in p.isr)


def test_clean_leader_election_picks_an_isr_member(cluster):
    cluster.create_topic("t", 1, 3)
    p = cluster.partition("t", 0)
    for i in range(5):
        cluster.produce("t", f"v{i}")
    old = p.leader
    cluster.crash_broker(old)
    cluster.advance(9_001)
    assert p.leader != old and p.leader in p.isr and p.leader_epoch == 1
    assert p.log_end_offset == 5
    assert any(e["kind"] == "leader.elected" for e in cluster.events())


def test_without_unclean_election_a_partition_stays_offline_and_with_it_loses_data():
    for unclean in (False, True):
        cluster = Cluster(brokers=3, seed=3)
        cluster.create_topic("t", 1, 2, {"unclean.leader.election.enable": unclean})
        p = cluster.partition("t", 0)
        leader = p.leader
        follower = [b for b in p.replicas if b != leader][0]
        cluster.crash_broker(follower)
        cluster.advance(9_500)                     # follower fenced, leaves ISR
        cluster.produce("t", "nur auf dem Leader", acks="all")
        cluster.crash_broker(leader)
        cluster.restart_broker(follower)
        cluster.advance(20_000)
        if unclean:
            assert p.leader == follower and p.log_end_offset == 0
        else:
            assert p.leader is None


def test_controlled_shutdown_moves_leadership_first(cluster):
    cluster.create_topic("t", 3, 3)
    leaders = {p.leader for p in cluster.topics["t"].partitions}
    victim = sorted(leaders)[0]
    cluster.stop_broker(victim)
    assert all(p.leader != victim for p in cluster.topics["t"].partitions)
    assert cluster.snapshot()["brokers"][victim - 1]["state"] == "stopped"


def test_retention_ms_deletes_closed_segments_and_moves_log_start():
    cluster = Cluster(brokers=1, seed=0, config={"log.retention.check.interval.ms": 1000})
    cluster.create_topic("t", 1, 1, {"retention.ms": 10_000, "segment.ms": 2_000})
    for i in range(10):
        cluster.produce("t", f"v{i}")
        cluster.advance(1_000)
    cluster.advance(15_000)
    p = cluster.partition("t", 0)
    assert p.log.log_start_offset > 0
    assert any(e["kind"] == "retention.deleted" for e in cluster.events())
    snap = cluster.snapshot()["topics"][0]["partitions"][0]
    assert snap["records"][0]["offset"] == snap["log_start_offset"]


def test_retention_bytes_bounds_the_log():
    cluster = Cluster(brokers=1, seed=0, config={"log.retention.check.interval.ms": 1000})
    # segment.bytes is at least 1 MiB in Kafka; its testing-only internal.segment.bytes is not.
    cluster.create_topic("t", 1, 1, {"retention.bytes": 2000, "internal.segment.bytes": 500})
    for i in range(200):
        cluster.produce("t", "x" * 30, acks=1)
    cluster.advance(2_000)
    assert cluster.partition("t", 0).log.size <= 2000 + 500


def test_compaction_keeps_the_newest_record_per_key():
    cluster = Cluster(brokers=1, seed=0, config={"log.cleaner.backoff.ms": 1000})
    cluster.create_topic("t", 1, 1, {"cleanup.policy": "compact", "segment.ms": 1000})
    for i in range(30):
        cluster.produce("t", f"{i}", key=f"k{i % 3}")
        cluster.advance(100)
    cluster.advance(5_000)
    cluster.produce("t", "neu", key="k0")
    cluster.advance(3_000)
    p = cluster.partition("t", 0)
    closed = [r for s in p.log.segments[:-1] for r in s.records]
    keys = [r[2] for r in closed]
    assert len(keys) == len(set(keys)) == 3
    assert any(e["kind"] == "compaction.done" for e in cluster.events())
    with pytest.raises(errors.InvalidRecordError):
        cluster.produce("t", "ohne key", key=None)


def test_create_topic_errors(cluster):
    cluster.create_topic("t", 1, 1)
    with pytest.raises(errors.TopicAlreadyExistsError):
        cluster.create_topic("t")
    with pytest.raises(errors.InvalidPartitionsError):
        cluster.create_topic("u", 0)
    with pytest.raises(errors.InvalidReplicationFactorError):
        cluster.create_topic("u", 1, 4)
    with pytest.raises(errors.InvalidTopicError):
        cluster.create_topic("mit leerzeichen")
    with pytest.raises(errors.UnknownTopicOrPartitionError):
        cluster.delete_topic("gibtsnicht")


def test_idempotent_producer_writes_no_duplicate_when_the_ack_is_lost():
    lengths = {}
    for idempotent in (True, False):
        cluster = Cluster(brokers=3, seed=0)
        cluster.create_topic("t", 1, 3)
        p = cluster.partition("t", 0)
        with using(cluster.env):
            producer = KafkaProducer(acks="all", enable_idempotence=idempotent)
        future = producer.send("t", b"v", key=b"k", partition=0)
        while not [e for e in cluster.events() if e["kind"] == "record.appended"]:
            cluster.step()
        t0 = cluster.now_ms
        # The leader appends at t0, followers fetch t0+1, the HW moves t0+2, the ack would arrive
        # t0+3: the leader dies at t0+2, after the followers copied the record but before anyone heard back.
        cluster.schedule(t0 + 2, "crash_broker", p.leader)
        cluster.advance(60_000)
        assert future.succeeded() and producer._sender.acked == 1
        lengths[idempotent] = p.log_end_offset
    assert lengths == {True: 1, False: 2}


def test_group_waits_for_initial_rebalance_delay(cluster):
    cluster.create_topic("t", 2, 1)
    cluster.add_consumer("g", ["t"])
    cluster.advance(2_900)
    assert cluster.snapshot()["groups"][0]["state"] == "PreparingRebalance"
    cluster.advance(300)
    assert cluster.snapshot()["groups"][0]["state"] == "Stable"


def test_initial_rebalance_delay_is_configurable():
    cluster = Cluster(brokers=1, seed=0, config={"group.initial.rebalance.delay.ms": 0})
    cluster.create_topic("t", 2, 1)
    cluster.add_consumer("g", ["t"])
    cluster.advance(50)
    assert cluster.snapshot()["groups"][0]["state"] == "Stable"


def test_range_assignment_of_5_partitions_to_3_members_and_rebalance_on_leave(cluster):
    cluster.create_topic("t", 5, 1)
    ids = [cluster.add_consumer("g", ["t"]) for _ in range(3)]
    cluster.advance(4_000)
    # Members that join during group.initial.rebalance.delay.ms extend the wait by another delay.
    assert cluster.snapshot()["groups"][0]["state"] == "PreparingRebalance"
    cluster.advance(2_100)
    group = cluster.snapshot()["groups"][0]
    assert sorted(len(m["assignment"]) for m in group["members"]) == [1, 2, 2]
    gen = group["generation"]
    cluster.remove_consumer(ids[0])
    cluster.advance(4_000)
    group = cluster.snapshot()["groups"][0]
    assert group["generation"] == gen + 1 and group["state"] == "Stable"
    assert sorted(len(m["assignment"]) for m in group["members"]) == [2, 3]


def test_session_timeout_removes_a_silent_member(cluster):
    cluster.create_topic("t", 2, 1)
    cluster.add_consumer("g", ["t"])
    result = cluster.run_script(
        "from kafka import KafkaConsumer\n"
        "c = KafkaConsumer('t', group_id='g')\n"
        "c.poll(timeout_ms=5000)\n")          # ends without close(): no LeaveGroup
    assert result.error is None
    assert len(cluster.snapshot()["groups"][0]["members"]) == 2
    cluster.advance(44_000)
    assert len(cluster.snapshot()["groups"][0]["members"]) == 2
    cluster.advance(5_000)
    assert any(e["kind"] == "group.member_expired" for e in cluster.events())
    assert len(cluster.snapshot()["groups"][0]["members"]) == 1


def test_auto_commit_every_5_seconds_inside_poll(cluster):
    cluster.create_topic("t", 1, 1)
    cluster.produce("t", "a")
    r = run_ok(cluster,
               "from kafka import KafkaConsumer\n"
               "c = KafkaConsumer('t', group_id='g', auto_offset_reset='earliest')\n"
               "got = c.poll(timeout_ms=4000)\n"
               "print(sum(len(v) for v in got.values()))\n"
               "c.poll(timeout_ms=1000)\n"
               "print(c.committed(__import__('kafka').TopicPartition('t', 0)))\n"
               "c.poll(timeout_ms=5000)\n"
               "print(c.committed(__import__('kafka').TopicPartition('t', 0)))\n"
               "c.close()\n")
    assert r.stdout.split() == ["1", "None", "1"]


def test_auto_offset_reset_latest_is_the_default(cluster):
    cluster.create_topic("t", 1, 1)
    cluster.produce("t", "alt")
    r = run_ok(cluster,
               "from kafka import KafkaConsumer\n"
               "c = KafkaConsumer('t', group_id='neu', consumer_timeout_ms=6000)\n"
               "print(len(list(c)))\n")
    assert r.stdout.strip() == "0"


def test_consumer_timeout_ends_iteration_in_simulated_time(cluster):
    cluster.create_topic("t", 1, 1)
    t0 = cluster.now_ms
    run_ok(cluster, "from kafka import KafkaConsumer, TopicPartition\n"
                    "c = KafkaConsumer(consumer_timeout_ms=2500)\n"
                    "c.assign([TopicPartition('t', 0)])\n"
                    "for m in c: pass\n")
    assert 2500 <= cluster.now_ms - t0 < 2600


def test_commit_without_group_raises_illegal_state(cluster):
    cluster.create_topic("t", 1, 1)
    r = cluster.run_script("from kafka import KafkaConsumer, TopicPartition\n"
                           "c = KafkaConsumer()\nc.assign([TopicPartition('t', 0)])\nc.commit()\n")
    assert "IllegalStateError: Requires group_id" in r.error
    assert "group_id" in r.error.split("\n")[0]


def test_send_errors_as_kafka_python(cluster):
    r = cluster.run_script("from kafka import KafkaProducer\nKafkaProducer().send('t', 'text')\n")
    assert "TypeError: Unsupported type for serialized value: <class 'str'>" in r.error
    assert "value_serializer" in r.error
    r = cluster.run_script("from kafka import KafkaProducer\nKafkaProducer().send('t')\n")
    assert "ValueError: Need at least one: key or value" in r.error


def test_acks_1_disables_idempotence_with_a_warning_and_explicit_idempotence_conflicts(cluster, caplog):
    caplog.set_level(logging.WARNING, logger="kafka")
    r = run_ok(cluster, "from kafka import KafkaProducer\np = KafkaProducer(acks=1)\n"
                        "print(p.config['enable_idempotence'])\n")
    assert r.stdout.strip() == "False"
    warnings = [rec.getMessage() for rec in caplog.records if rec.name == "kafka.producer.kafka"]
    assert len(warnings) == 1 and "Idempotenz" in warnings[0] and "acks=1" in warnings[0]
    r = cluster.run_script("from kafka import KafkaProducer\nKafkaProducer(acks=1, enable_idempotence=True)\n")
    assert "KafkaConfigurationError" in r.error


def test_admin_client_errors_and_auto_created_topics(cluster):
    r = run_ok(cluster,
               "from kafka.admin import KafkaAdminClient, NewTopic\n"
               "from kafka.errors import TopicAlreadyExistsError, InvalidReplicationFactorError, "
               "InvalidPartitionsError, UnknownTopicOrPartitionError\n"
               "a = KafkaAdminClient(bootstrap_servers='irgendwo:1234')\n"
               "a.create_topics([NewTopic('x', 2, 3)])\n"
               "for bad, err in [(NewTopic('x', 1, 1), TopicAlreadyExistsError), (NewTopic('y', 1, 5), "
               "InvalidReplicationFactorError), (NewTopic('z', 0, 1), InvalidPartitionsError)]:\n"
               "    try:\n        a.create_topics([bad])\n    except err:\n        print('ok')\n"
               "try:\n    a.delete_topics(['nix'])\nexcept UnknownTopicOrPartitionError:\n    print('ok')\n"
               "d = a.describe_topics(['x'])[0]\n"
               "print(len(d['partitions']), sorted(d['partitions'][0]['replica_nodes']))\n"
               "from kafka import KafkaProducer\nKafkaProducer().send('auto', b'v').get(timeout=5)\n"
               "print(sorted(a.list_topics()))\n")
    assert r.stdout.split("\n")[:6] == ["ok", "ok", "ok", "ok", "2 [1, 2, 3]", "['auto', 'x']"]
    assert len(cluster.topics["auto"].partitions) == 1


def test_no_brokers_available_does_not_exist(cluster):
    r = cluster.run_script("from kafka.errors import NoBrokersAvailable\n")
    assert "ImportError" in r.error and "kafka-python 3" in r.error


def test_error_hierarchy_matches_kafka_python():
    import kafka.errors as real
    from kafkasim.kafka import errors as ours
    for name in ["KafkaError", "KafkaTimeoutError", "TopicAlreadyExistsError", "InvalidPartitionsError",
                 "InvalidReplicationFactorError", "UnknownTopicOrPartitionError", "NotEnoughReplicasError",
                 "NotEnoughReplicasAfterAppendError", "IllegalStateError", "KafkaConfigurationError",
                 "CommitFailedError", "NotLeaderForPartitionError", "LeaderNotAvailableError",
                 "RebalanceInProgressError", "InvalidTopicError", "RequestTimedOutError"]:
        mine, theirs = getattr(ours, name), getattr(real, name)
        assert [c.__name__ for c in mine.__mro__] == [c.__name__ for c in theirs.__mro__], name
        assert getattr(mine, "errno", None) == getattr(theirs, "errno", None)
        assert str(mine("x")) == str(theirs("x"))
    assert not hasattr(ours, "NoBrokersAvailable")


def test_snapshot_is_json_and_follows_the_contract(cluster):
    cluster.create_topic("boerse", 2, 3)
    cluster.start_ticker("boerse", rate_per_s=10)
    cluster.add_consumer("depot", ["boerse"])
    cluster.advance(8_000)
    snap = json.loads(json.dumps(cluster.snapshot(max_records=5)))
    assert set(snap) == {"now_ms", "seed", "controller", "brokers", "topics", "groups", "producers",
                         "tickers", "metrics"}
    part = snap["topics"][0]["partitions"][0]
    assert set(part) >= {"partition", "leader", "leader_epoch", "replicas", "isr", "log_start_offset",
                         "high_watermark", "log_end_offset", "replica_log_end_offsets", "records"}
    assert len(part["records"]) <= 5 and set(part["records"][0]) == {"offset", "key", "value", "timestamp"}
    group = snap["groups"][0]
    assert group["state"] == "Stable" and group["protocol"] == "range"
    assert {"topic", "partition", "committed", "end_offset", "lag"} == set(group["offsets"][0])
    assert snap["tickers"][0]["running"] and snap["metrics"]["records_produced"] > 50
    event = cluster.events()[-1]
    assert {"seq", "t", "kind", "text"} <= set(event)


def test_event_buffer_is_bounded_and_seq_keeps_counting(cluster):
    cluster.create_topic("t", 1, 1)
    for i in range(5200):
        cluster.produce("t", "x", acks=0)
    events = cluster.events()
    assert len(events) == 5000 and events[-1]["seq"] > 5200
    assert cluster.events(since=events[-1]["seq"] - 3) == events[-3:]


def test_state_round_trip_gives_the_same_snapshot():
    cluster = Cluster(brokers=3, seed=7)
    cluster.create_topic("boerse", 3, 3)
    cluster.start_ticker("boerse", rate_per_s=8)
    cluster.add_consumer("depot", ["boerse"])
    cluster.schedule(5_000, "crash_broker", 2)
    cluster.advance(12_000)
    cluster.run_script("from kafka import KafkaProducer\nKafkaProducer().send('boerse', b'x', key=b'SAP')\n")
    cluster.advance(1_000)
    state = json.loads(json.dumps(cluster.to_state()))
    assert Cluster.from_state(state).snapshot() == cluster.snapshot()


def test_subscribe_without_group_reads_every_partition(cluster):
    cluster.create_topic("t", 3, 1)
    for i in range(9):
        cluster.produce("t", f"v{i}", key=f"k{i}")
    # kafka-python takes the partitions with its first metadata, inside the first poll (measured on
    # Kafka 4.3.1: assignment() is empty right after the constructor).
    r = run_ok(cluster, "from kafka import KafkaConsumer\n"
                        "c = KafkaConsumer('t', auto_offset_reset='earliest', consumer_timeout_ms=1000)\n"
                        "n = len(list(c))\n"
                        "print(len(c.assignment()), n)\n")
    assert r.stdout.split() == ["3", "9"]


def test_rebalance_listener_sees_revoke_and_assign(cluster):
    cluster.create_topic("t", 2, 1)
    r = run_ok(cluster,
               "from kafka import KafkaConsumer, ConsumerRebalanceListener\n"
               "class L(ConsumerRebalanceListener):\n"
               "    def on_partitions_revoked(self, revoked):\n        print('revoked', len(revoked))\n"
               "    def on_partitions_assigned(self, assigned):\n        print('assigned', len(assigned))\n"
               "a = KafkaConsumer(group_id='g')\na.subscribe(['t'], listener=L())\n"
               "a.poll(timeout_ms=4000)\n"
               "b = KafkaConsumer('t', group_id='g')\n"
               "for _ in range(10):\n    a.poll(timeout_ms=500); b.poll(timeout_ms=500)\n"
               "a.close(); b.close()\n")
    # As kafka-python 3.0.12 on Kafka 4.3.1 prints it: an empty revoke before the first join (eager
    # protocol), and a revoke on close (tests/parity/scenarios/rebalance_listener.py).
    assert r.stdout.split("\n")[:5] == ["revoked 0", "assigned 2", "revoked 2", "assigned 1", "revoked 1"]


def test_sticky_group_keeps_partitions_when_a_member_leaves():
    cluster = Cluster(brokers=1, seed=0, config={"group.initial.rebalance.delay.ms": 0})
    cluster.create_topic("t", 6, 1)
    ids = [cluster.add_consumer("g", ["t"], partition_assignment_strategy=("sticky",)) for _ in range(3)]
    cluster.advance(2_000)
    before = {m["client_id"]: {tuple(a) for a in m["assignment"]} for m in cluster.snapshot()["groups"][0]["members"]}
    assert cluster.snapshot()["groups"][0]["protocol"] == "sticky"
    cluster.remove_consumer(ids[0])
    cluster.advance(5_000)
    after = {m["client_id"]: {tuple(a) for a in m["assignment"]} for m in cluster.snapshot()["groups"][0]["members"]}
    assert set(after) == set(ids[1:])
    for cid in ids[1:]:
        assert before[cid] <= after[cid] and len(after[cid]) == 3


def test_adding_partitions_changes_the_key_mapping_and_rebalances(cluster):
    from kafkasim.clients.partitioner.murmur2 import partition_for_key
    cluster.create_topic("t", 3, 1)
    cluster.add_consumer("g", ["t"])
    cluster.advance(4_000)
    gen = cluster.snapshot()["groups"][0]["generation"]
    r = run_ok(cluster,
               "from kafka import KafkaProducer\nfrom kafka.admin import KafkaAdminClient, NewPartitions\n"
               "from kafka.errors import InvalidPartitionsError\n"
               "p = KafkaProducer(key_serializer=str.encode)\n"
               "print(p.send('t', b'1', key='user-42').get().partition)\n"
               "a = KafkaAdminClient()\na.create_partitions({'t': 6})\n"
               # A running producer keeps its metadata (3 partitions) until metadata_max_age_ms, as
               # measured on Kafka 4.3.1; a new producer sees all six.
               "p = KafkaProducer(key_serializer=str.encode)\n"
               "print(p.send('t', b'2', key='user-42').get().partition)\n"
               "try:\n    a.create_partitions({'t': NewPartitions(2)})\nexcept InvalidPartitionsError:\n    print('ok')\n")
    assert r.stdout.split() == [str(partition_for_key(b"user-42", 3)), str(partition_for_key(b"user-42", 6)), "ok"]
    # The group's leader notices the new partitions at its next metadata refresh (metadata_max_age_ms,
    # 5 min) and rejoins; the broker does not tell groups (Kafka 4.3.1: no rebalance within 12 s).
    cluster.advance(300_000 + 3_500)
    group = cluster.snapshot()["groups"][0]
    assert group["generation"] == gen + 1 and len(group["members"][0]["assignment"]) == 6


def test_control_methods_reject_bad_input_in_german(cluster):
    import pytest as _pytest
    for call in (lambda: cluster.advance(-1), lambda: cluster.add_consumer("g", []),
                 lambda: cluster.crash_broker(7), lambda: cluster.schedule(5, "explode"),
                 lambda: cluster.stop_ticker("x")):
        with _pytest.raises(ValueError) as info:
            call()
        assert any(word in str(info.value) for word in ("gibt es nicht", "braucht", "erwartet", "Unbekannte"))


def test_group_coordinator_fails_over_without_a_rebalance():
    from kafkasim.broker.group_coordinator import java_string_hash, offsets_partition_for
    # Known values of Java's String.hashCode, including overflow and a non-BMP character.
    assert java_string_hash("hello") == 99162322 and java_string_hash("Aa") == java_string_hash("BB") == 2112
    assert java_string_hash("polygenelubricants") == -2147483648        # Integer.MIN_VALUE
    assert offsets_partition_for("polygenelubricants", 50) == 0          # Utils.abs(MIN_VALUE) = 0
    assert offsets_partition_for("depot", 50) == 95472180 % 50
    cluster = Cluster(brokers=3, seed=0, config={"group.initial.rebalance.delay.ms": 0})
    cluster.create_topic("t", 3, 3)
    cluster.add_consumer("depot", ["t"])
    cluster.add_consumer("depot", ["t"])
    cluster.advance(5_000)
    generation = cluster.snapshot()["groups"][0]["generation"]
    victim = cluster.group_coordinator("depot")
    assert cluster.snapshot()["groups"][0]["coordinator"] == victim
    cluster.crash_broker(victim)
    # A group without members, coordinated by the same partition of __consumer_offsets.
    other = next(f"kasse-{i}" for i in range(10_000)
                 if offsets_partition_for(f"kasse-{i}", 50) == offsets_partition_for("depot", 50))
    r = cluster.run_script("from kafka import KafkaConsumer, TopicPartition\n"
                           f"c = KafkaConsumer(group_id='{other}')\nc.assign([TopicPartition('t', 0)])\n"
                           "import time\nt0 = time.time()\n"
                           "c.commit({TopicPartition('t', 0): 0})\n"          # blocks until failover
                           "print(round(time.time() - t0))\n")
    assert r.error is None, r.error
    assert 8 <= int(r.stdout) <= 10                   # broker.session.timeout.ms = 9 s
    new = cluster.group_coordinator("depot")
    assert new not in (None, victim)
    kinds = [e["kind"] for e in cluster.events()]
    assert "group.coordinator_lost" in kinds and "group.coordinator_moved" in kinds
    cluster.advance(60_000)
    group = cluster.snapshot()["groups"][0]
    assert group["generation"] == generation and len(group["members"]) == 2 and group["state"] == "Stable"
    assert "__consumer_offsets" in cluster.run_script(
        "from kafka.admin import KafkaAdminClient\nprint(KafkaAdminClient().list_topics())\n").stdout
    assert all(t["name"] != "__consumer_offsets" for t in cluster.snapshot()["topics"])


def test_commit_of_a_non_member_fails_like_kafka_python(cluster):
    cluster.create_topic("t", 1, 1)
    cluster.add_consumer("g", ["t"])
    cluster.advance(4_000)
    r = cluster.run_script("from kafka import KafkaConsumer, TopicPartition\n"
                           "c = KafkaConsumer(group_id='g')\nc.assign([TopicPartition('t', 0)])\n"
                           "c.commit({TopicPartition('t', 0): 0})\n")
    assert "CommitFailedError: [Error 25] UnknownMemberIdError" in r.error


def test_topic_configs_can_be_described_and_altered(cluster):
    cluster.create_topic("t", 1, 1, {"retention.ms": 60_000})
    r = run_ok(cluster,
               "from kafka.admin import KafkaAdminClient, ConfigResource, ConfigResourceType, AlterConfigOp\n"
               "a = KafkaAdminClient()\n"
               "res = ConfigResource(ConfigResourceType.TOPIC, 't')\n"
               "print(a.describe_configs([res])['topic']['t']['retention.ms']['value'])\n"
               "print(a.alter_configs([ConfigResource('topic', 't', {'cleanup.policy': 'compact', "
               "'retention.ms': (AlterConfigOp.DELETE, None)})]))\n"
               "print(sorted(a.describe_configs([res])['topic']['t']))\n"
               "print(a.describe_configs([ConfigResource('TOPIC', 't', ['retention.ms'])], "
               "config_filter='all')['topic']['t']['retention.ms']['value'])\n")
    lines = r.stdout.splitlines()
    assert lines == ["60000", "{'topic': {'t': 'OK'}}", "['cleanup.policy']", "604800000"]
    assert cluster.topics["t"].config["cleanup.policy"] == "compact"


def test_admin_resets_and_deletes_consumer_groups(cluster):
    cluster.create_topic("t", 1, 1)
    for i in range(10):
        cluster.produce("t", f"v{i}")
    r = run_ok(cluster,
               "from kafka import KafkaConsumer, TopicPartition, OffsetAndMetadata\n"
               "from kafka.admin import KafkaAdminClient, OffsetSpec\n"
               "tp = TopicPartition('t', 0)\n"
               "c = KafkaConsumer('t', group_id='depot', auto_offset_reset='earliest', consumer_timeout_ms=4000)\n"
               "print(len(list(c)))\nc.close()\n"
               "a = KafkaAdminClient()\n"
               "print(a.list_group_offsets('depot')['depot'][tp].offset)\n"
               "print(a.reset_group_offsets('depot', {tp: OffsetSpec.EARLIEST})[tp]['offset'])\n"
               "print(a.reset_group_offsets('depot', {tp: 99})[tp]['offset'])\n"
               "print(a.alter_group_offsets('depot', {tp: OffsetAndMetadata(3, '', None)})[tp].__name__)\n"
               "c = KafkaConsumer('t', group_id='depot', consumer_timeout_ms=4000)\n"
               "print(len(list(c)))\n"
               "print(a.delete_groups(['depot']))\nc.close()\n"
               "print(a.delete_groups(['depot', 'nix']))\n"
               "print(a.list_partition_offsets({tp: OffsetSpec.LATEST})[tp].offset)\n")
    assert r.stdout.splitlines() == ["10", "10", "0", "10", "NoError", "7",
                                     "{'depot': 'NonEmptyGroupError'}",
                                     "{'depot': 'OK', 'nix': 'GroupIdNotFoundError'}", "10"]


def test_invalid_acks_are_rejected(cluster):
    with pytest.raises(errors.KafkaConfigurationError):
        cluster.start_ticker("t", acks="viele")
    with pytest.raises(errors.KafkaConfigurationError):
        cluster.produce("t", "x", acks=2)


def test_many_small_advances_and_steps_make_a_short_state():
    cluster = Cluster(brokers=3, seed=2)
    cluster.create_topic("boerse", 3, 3)
    cluster.start_ticker("boerse", rate_per_s=10)
    for _ in range(500):
        cluster.advance(16)                 # a UI animating at 60 frames per second
    for _ in range(7):
        cluster.step()
    cluster.crash_broker(1)
    for _ in range(100):
        cluster.advance(16)
    state = cluster.to_state()
    assert len(state["actions"]) <= 8
    assert Cluster.from_state(json.loads(json.dumps(state))).snapshot() == cluster.snapshot()


def test_idle_partitions_keep_their_full_isr(cluster):
    cluster.create_topic("t", 2, 3)
    cluster.produce("t", "x")
    cluster.advance(180_000)
    assert all(len(p.isr) == 3 for p in cluster.topics["t"].partitions)
    assert not [e for e in cluster.events() if e["kind"] == "isr.shrunk"]


def test_internal_offsets_topic_does_not_flood_the_events(cluster):
    cluster.create_topic("t", 1, 3)
    cluster.add_consumer("g", ["t"])
    cluster.advance(4_000)
    since = cluster.events()[-1]["seq"]
    cluster.crash_broker(1)
    cluster.advance(10_000)
    events = cluster.events(since=since)
    assert all(e.get("topic") != "__consumer_offsets" for e in events)
    assert len(events) < 20


def test_acks_0_linger_and_delivery_errors_as_kafka_python():
    cluster = Cluster(brokers=5, seed=0)
    cluster.create_topic("t", 1, 3, {"min.insync.replicas": 2})
    r = run_ok(cluster,
               "from kafka import KafkaProducer\n"
               "print(KafkaProducer(acks=0).send('t', b'x').get(timeout=5).offset)\n"
               "p = KafkaProducer(linger_ms=100)\n"
               "fs = [p.send('t', b'%d' % i) for i in range(20)]\n"
               "print(sorted({f.get(timeout=5).offset for f in fs}) == list(range(1, 21)))\n")
    # acks=0: kafka-python resolves the future from a made-up answer with base offset 0 (measured on
    # Kafka 4.3.1, corpus producer/016_acks_zero), not -1.
    assert r.stdout.split() == ["0", "True"]
    appended = [e for e in cluster.events() if e["kind"] == "record.appended"]
    assert appended[-1]["count"] == 20          # linger_ms collected one batch
    p = cluster.partition("t", 0)
    for b in p.replicas:
        if b != p.leader:
            cluster.crash_broker(b)
    cluster.advance(10_000)
    r = run_ok(cluster,
               "from kafka import KafkaProducer\nfrom kafka.errors import NotEnoughReplicasError, KafkaTimeoutError\n"
               "try:\n    KafkaProducer(retries=0).send('t', b'x').get(timeout=10)\n"
               "except NotEnoughReplicasError:\n    print('abgelehnt')\n"
               "import time\nt0 = time.time()\n"
               "try:\n    KafkaProducer().send('t', b'y').get()\n"
               "except KafkaTimeoutError as e:\n    print('Expiring 1 record(s)' in str(e), round(time.time() - t0))\n")
    assert r.stdout.split() == ["abgelehnt", "True", "120"]


def test_ticker_without_any_leader_keeps_bounded_memory():
    cluster = Cluster(brokers=3, seed=0)
    cluster.create_topic("t", 1, 3)
    ticker = cluster.start_ticker("t", rate_per_s=1000)
    cluster.advance(1_000)
    for b in (1, 2, 3):
        cluster.crash_broker(b)
    cluster.advance(400_000)
    assert cluster.tickers[ticker].pending <= 121_000   # delivery.timeout.ms worth of records
    failed = [e for e in cluster.events() if e["kind"] == "produce.failed"]
    assert 0 < len(failed) <= 300                        # at most one explanation per second
