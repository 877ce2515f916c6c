"""Property tests: random operation sequences on a cluster keep Kafka's invariants."""

from hypothesis import HealthCheck, example, given, settings, strategies as st

from kafkasim import Cluster
from kafkasim import errors
from kafkasim.clients.env import using
from kafkasim.kafka import KafkaProducer

ops = st.lists(st.one_of(
    st.tuples(st.just("produce"), st.integers(0, 9), st.sampled_from(["all", 1])),
    st.tuples(st.just("send"), st.integers(1, 30)),
    st.tuples(st.just("crash"), st.integers(1, 3)),
    st.tuples(st.just("stop"), st.integers(1, 3)),
    st.tuples(st.just("restart"), st.integers(1, 3)),
    st.tuples(st.just("advance"), st.integers(1, 15_000)),
    st.tuples(st.just("join"), st.integers(0, 2)),
    st.tuples(st.just("leave"), st.integers(0, 2)),
), min_size=5, max_size=25)


def check_invariants(cluster, acked):
    for topic in cluster.topics.values():
        for p in topic.partitions:
            log = p.log
            offsets = [r[0] for s in log.segments for r in s.records]
            assert offsets == list(range(log.log_start_offset, log.log_end_offset))   # contiguous
            assert log.log_start_offset <= p.hw <= log.log_end_offset                  # HW ≤ LEO
            assert all(p.replica_leo[b] <= log.log_end_offset for b in p.replicas)
    for (tp, offset), value in acked.items():
        p = cluster.partition(*tp)
        rec = p.log.read(offset, offset + 1, 1)
        assert rec and rec[0][3] == value, "acks=all record lost"
    for group in cluster.coordinator.groups.values():
        for (t, part), (committed, _m) in group.offsets.items():
            assert committed <= cluster.partition(t, part).hw
        if group.state == "Stable":
            owners = {}
            for m in group.members.values():
                for t, parts in m.assignment.items():
                    for part in parts:
                        assert (t, part) not in owners, "partition owned twice"
                        owners[(t, part)] = m.member_id
            assert set(owners) == {("t", i) for i in range(4)}


# Found by hypothesis: follower 2 fetches partition 1's record, crashes before its next fetch
# tells the leader, and, back with nothing new to fetch, never reported its log end offset.
FOLLOWER_BACK_BEFORE_THE_LEADER_HEARD = (
    [("send", 1), ("send", 1), ("stop", 3), ("produce", 3, 1), ("restart", 3), ("crash", 2), ("advance", 2)], 124)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops, st.integers(0, 1000))
@example(*FOLLOWER_BACK_BEFORE_THE_LEADER_HEARD)
def test_random_operations_keep_the_invariants(operations, seed):
    run_operations(operations, seed)


def test_follower_back_before_the_leader_heard_of_its_fetch_rejoins_the_isr():
    run_operations(*FOLLOWER_BACK_BEFORE_THE_LEADER_HEARD)


def run_operations(operations, seed):
    """Runs the operations on a fresh cluster, checking the invariants after each; then brings every
    broker back, lets 130 s pass and checks that the cluster is whole again."""
    cluster = Cluster(brokers=3, seed=seed, config={"group.initial.rebalance.delay.ms": 500})
    cluster.create_topic("t", 4, 3, {"min.insync.replicas": 2})
    with using(cluster.env):
        producer = KafkaProducer(client_id="idem", acks="all", enable_idempotence=True)
    acked = {}
    consumers = {}
    sent = 0
    for op in operations:
        kind = op[0]
        running = [b for b in cluster.brokers.values() if b.state == "running"]
        if kind == "produce":
            value = f"v{cluster.now_ms}-{op[1]}"
            try:
                r = cluster.produce("t", value, key=f"k{op[1]}", acks=op[2])
                if op[2] == "all":
                    acked[(("t", r["partition"]), r["offset"])] = value.encode()
            except errors.KafkaError:
                pass
        elif kind == "send":
            for i in range(op[1]):
                producer.send("t", f"idem-{sent + i}".encode(), partition=(sent + i) % 4)
            sent += op[1]
        elif kind in ("crash", "stop"):
            # Keep min.insync.replicas (2) of the 3 replicas alive: only one broker down at a time.
            if len(running) == 3:
                getattr(cluster, f"{kind}_broker")(op[1])
        elif kind == "restart":
            cluster.restart_broker(op[1])
        elif kind == "advance":
            cluster.advance(op[1])
        elif kind == "join" and op[1] not in consumers:
            consumers[op[1]] = cluster.add_consumer("g", ["t"], client_id=f"c{op[1]}")
        elif kind == "leave" and op[1] in consumers:
            cluster.remove_consumer(consumers.pop(op[1]))
        check_invariants(cluster, acked)
    for b in list(cluster.brokers):
        cluster.restart_broker(b)
    cluster.advance(130_000)
    check_invariants(cluster, acked)
    for p in cluster.topics["t"].partitions:     # everybody back and idle: full ISR, a leader, HW = LEO
        assert sorted(p.isr) == sorted(p.replicas) and p.leader is not None
        assert p.hw == p.log_end_offset
    values = [r[3] for p in cluster.topics["t"].partitions for s in p.log.segments for r in s.records
              if r[3] is not None and r[3].startswith(b"idem-")]
    assert len(values) == len(set(values)), "idempotent producer wrote a duplicate"
    assert producer._accumulator.pending == 0
