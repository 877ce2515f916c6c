"""Differential tests: kafkasim against kafka-python 3.0.12's own partitioner and assignors."""

from types import SimpleNamespace

from hypothesis import assume, given, settings, strategies as st
from kafka.coordinator.assignors.range import RangePartitionAssignor
from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
from kafka.partitioner.default import DefaultPartitioner as RealPartitioner, murmur2 as real_murmur2

from kafkasim.clients.coordinator.assignors.range import range_assign
from kafkasim.clients.coordinator.assignors.roundrobin import roundrobin_assign
from kafkasim.clients.coordinator.assignors.sticky.executor import sticky_assign
from kafkasim.clients.partitioner.murmur2 import murmur2, partition_for_key
from kafkasim.kafka.partitioner import DefaultPartitioner

FACTS = [(b"", 275646681, 0, 3), (b"abc", 479470107, 0, 3), (b"key", 3215029929, 1, 1),
         (b"user-42", 1459644460, 1, 4), (b"21", 3321034988, 0, 0), (b"foobar", 3504634814, 0, 0)]


def test_murmur2_matches_the_documented_vectors():
    for key, h, of3, of6 in FACTS:
        assert murmur2(key) == h
        assert partition_for_key(key, 3) == of3
        assert partition_for_key(key, 6) == of6


@settings(max_examples=3000, deadline=None)
@given(st.binary(max_size=64))
def test_murmur2_equals_kafka_python(data):
    assert murmur2(data) == real_murmur2(data)


class _Meta:
    def __init__(self, n):
        self.n = n

    def topics(self):
        return {"t"}

    def partitions_for_topic(self, topic):
        return set(range(self.n))

    def available_partitions_for_topic(self, topic):
        return set(range(self.n))


@settings(max_examples=1500, deadline=None)
@given(st.binary(max_size=32), st.integers(min_value=1, max_value=64))
def test_default_partitioner_equals_kafka_python_for_keys(key, n):
    meta = _Meta(n)
    ours = DefaultPartitioner().partition("t", None, key, None, None, meta)
    theirs = RealPartitioner().partition("t", None, key, None, None, meta)
    assert ours == theirs


def test_null_key_picks_among_available_partitions_with_the_given_rng():
    import random
    meta = _Meta(6)
    meta.rng = random.Random(1)
    picks = {DefaultPartitioner().partition("t", None, None, b"v", b"v", meta) for _ in range(200)}
    assert picks == set(range(6))


layouts = st.integers(min_value=1, max_value=6).flatmap(lambda n_members: st.tuples(
    st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(min_value=1, max_value=9), min_size=1),
    st.lists(st.text("xyz0123", min_size=1, max_size=4), min_size=n_members, max_size=n_members, unique=True),
    st.data()))


def _draw_members(topics, names, data, static=False):
    members = []
    for name in names:
        subscribed = data.draw(st.lists(st.sampled_from(sorted(topics)), min_size=1, unique=True))
        members.append((name, subscribed, None))
    return members


def _theirs(assignor, topics, members):
    cluster = SimpleNamespace(partitions_for_topic=lambda t: set(range(topics[t])) if t in topics else None,
                              topics=lambda: set(topics))
    objs = [SimpleNamespace(member_id=m, group_instance_id=i, metadata=SimpleNamespace(topics=ts))
            for m, ts, i in members]
    out = assignor.assign(cluster, objs)
    return {m: {t: list(ps) for t, ps in a.assignment if ps} for m, a in out.items()}


def _ours(fn, topics, members):
    out = fn({t: list(range(n)) for t, n in topics.items()}, members)
    return {m: {t: ps for t, ps in a.items() if ps} for m, a in out.items()}


@settings(max_examples=400, deadline=None)
@given(layouts)
def test_range_assignor_equals_kafka_python(layout):
    topics, names, data = layout
    members = _draw_members(topics, names, data)
    assert _ours(range_assign, topics, members) == _theirs(RangePartitionAssignor, topics, members)


@settings(max_examples=250, deadline=None)
@given(layouts)
def test_roundrobin_assignor_equals_kafka_python(layout):
    topics, names, data = layout
    members = _draw_members(topics, names, data)
    try:
        theirs = _theirs(RoundRobinPartitionAssignor, topics, members)
    except KeyError:
        # kafka-python 3.0.12 bug: when it has to skip a member that is not subscribed to a topic it
        # takes the next (instance id, member id) tuple as member id and fails with KeyError. A real
        # group leader crashes there; the simulator deals the partition to the next subscribed member.
        assume(False)
    assert _ours(roundrobin_assign, topics, members) == theirs


def _their_sticky(topics, members):
    """kafka-python's sticky executor on members {id: (topics, previous [(t, p)], generation)}."""
    from kafka.coordinator.assignors.sticky.sticky_assignor import (
        StickyAssignmentExecutor, StickyAssignorMemberMetadataV1)
    from kafka.structs import TopicPartition
    cluster = SimpleNamespace(partitions_for_topic=lambda t: set(range(topics[t])) if t in topics else None,
                              topics=lambda: set(topics))
    meta = {m: StickyAssignorMemberMetadataV1(subscription=ts, partitions=[TopicPartition(*tp) for tp in prev],
                                              generation=gen)
            for m, (ts, prev, gen) in members.items()}
    executor = StickyAssignmentExecutor(cluster, meta)
    executor.perform_initial_assignment()
    executor.balance()
    return {m: {t: list(ps) for t, ps in executor.get_final_assignment(m) if ps} for m in members}


def _our_sticky(topics, members):
    out = sticky_assign({t: list(range(n)) for t, n in topics.items()},
                        [(m, ts, None) for m, (ts, _p, _g) in members.items()],
                        {m: ({t: [p for tt, p in prev if tt == t] for t, _ in prev}, gen)
                         for m, (_ts, prev, gen) in members.items()})
    return {m: {t: ps for t, ps in a.items() if ps} for m, a in out.items()}


sticky_layouts = st.tuples(
    st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers(min_value=1, max_value=8), min_size=1),
    st.lists(st.text("xyz0123", min_size=1, max_size=4), min_size=1, max_size=6, unique=True),
    st.booleans(), st.data())


@settings(max_examples=300, deadline=None)
@given(sticky_layouts)
def test_sticky_assignor_equals_kafka_python(layout):
    """Fresh groups and rebalances with previous owners (each partition owned once at most)."""
    topics, names, same_topics, data = layout
    all_tps = [(t, p) for t in sorted(topics) for p in range(topics[t])]
    members = {}
    for name in names:
        if same_topics:
            subscribed = sorted(topics)
        else:
            subscribed = data.draw(st.lists(st.sampled_from(sorted(topics)), min_size=1, unique=True))
        members[name] = [subscribed, [], data.draw(st.sampled_from([-1, 1, 2, 3]))]
    if data.draw(st.booleans()):   # a rebalance: some partitions already have an owner
        for tp in all_tps:
            owner = data.draw(st.sampled_from([None, *names]))
            if owner is not None and members[owner][2] != -1:
                members[owner][1].append(tp)
    members = {m: tuple(v) for m, v in members.items()}
    assert _our_sticky(topics, members) == _their_sticky(topics, members)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.lists(st.text("xyz", min_size=1, max_size=3),
                                                        min_size=2, max_size=5, unique=True))
def test_sticky_keeps_partitions_of_remaining_members(n, names):
    first = sticky_assign({"t": list(range(n))}, [(m, ["t"], None) for m in names], {})
    survivors = names[1:]
    previous = {m: (first[m], 1) for m in survivors}
    second = sticky_assign({"t": list(range(n))}, [(m, ["t"], None) for m in survivors], previous)
    sizes = [len(second[m].get("t", [])) for m in survivors]
    assert max(sizes) - min(sizes) <= 1
    assert sorted(p for m in survivors for p in second[m].get("t", [])) == list(range(n))
    for m in survivors:   # nobody loses a partition it had, it only gains the departed member's
        assert set(first[m].get("t", [])) <= set(second[m].get("t", [])) or len(first[m].get("t", [])) > max(sizes)
