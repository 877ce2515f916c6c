"""The consumer-protocol bytes the simulated group members exchange are kafka-python's bytes."""

from hypothesis import given, settings, strategies as st
from kafka.protocol.consumer.metadata import ConsumerProtocolAssignment, ConsumerProtocolSubscription

from kafkasim.protocol.consumer import (Assignment, Subscription, decode_assignment, decode_subscription,
                                        encode_assignment, encode_subscription)

topics = st.lists(st.text(st.characters(codec="utf-8"), min_size=1, max_size=8), max_size=4, unique=True)
partitions = st.lists(st.tuples(st.text("abc", min_size=1, max_size=3),
                                st.lists(st.integers(0, 2**31 - 1), max_size=4)), max_size=3)
user_data = st.one_of(st.none(), st.binary(max_size=16))


@settings(max_examples=300, deadline=None)
@given(topics, user_data, partitions, st.integers(-1, 99), st.integers(0, 3))
def test_subscriptions_encode_as_kafka_python_encodes_them(names, data, owned, generation, version):
    ours = encode_subscription(Subscription(version, names, data, owned, generation, None))
    fields = [version, names, data]
    if version >= 1:
        fields.append(owned)
    if version >= 2:
        fields.append(generation)
    if version >= 3:
        fields.append(None)
    assert ours == ConsumerProtocolSubscription(*fields).encode()
    back = decode_subscription(ours)
    assert (back.version, back.topics, back.user_data) == (version, names, data)
    if version >= 1:
        assert [tuple(p) for p in back.owned_partitions] == [tuple(p) for p in owned]


@settings(max_examples=300, deadline=None)
@given(partitions, user_data)
def test_assignments_encode_as_kafka_python_encodes_them(assigned, data):
    ours = encode_assignment(Assignment(0, assigned, data))
    assert ours == ConsumerProtocolAssignment(0, assigned, data).encode()
    theirs = ConsumerProtocolAssignment.decode(ours)
    assert [(t.topic, list(t.partitions)) for t in theirs.assigned_partitions] == \
        [(t, list(ps)) for t, ps in decode_assignment(ours).assigned_partitions]
