"""The consumer protocol: what a member puts into JoinGroup and gets from SyncGroup, as bytes.

ConsumerProtocolSubscription (versions 0–3) and ConsumerProtocolAssignment (0–3) in Kafka's
wire format, byte for byte what kafka-python 3.0 sends. The group coordinator only stores these
bytes; the group leader (a client) decodes its members' subscriptions to compute assignments.
"""

from __future__ import annotations

from .api import struct
from .wire import Reader, Writer

PROTOCOL_TYPE = "consumer"

Subscription = struct("Subscription", "version topics user_data owned_partitions generation_id rack_id",
                      version=0, topics=(), owned_partitions=(), generation_id=-1)
Assignment = struct("Assignment", "version assigned_partitions user_data", version=0, assigned_partitions=())


def _write_topic_partitions(w: Writer, item) -> None:
    topic, partitions = item
    w.string(topic)
    w.array(partitions, Writer.int32)


def _read_topic_partitions(r: Reader) -> tuple:
    return (r.string(), r.array(Reader.int32))


def encode_subscription(sub: Subscription) -> bytes:
    w = Writer().int16(sub.version)
    w.array(sub.topics, Writer.string)
    w.bytes(sub.user_data)
    if sub.version >= 1:
        w.array(sub.owned_partitions, _write_topic_partitions)
    if sub.version >= 2:
        w.int32(sub.generation_id)
    if sub.version >= 3:
        w.string(sub.rack_id)
    return w.getvalue()


def decode_subscription(data: bytes) -> Subscription:
    r = Reader(data)
    version = r.int16()
    topics = r.array(Reader.string) or []
    user_data = r.bytes()
    owned = r.array(_read_topic_partitions) if version >= 1 and not r.at_end() else []
    generation = r.int32() if version >= 2 and not r.at_end() else -1
    rack = r.string() if version >= 3 and not r.at_end() else None
    return Subscription(version, topics, user_data, owned or [], generation, rack)


def encode_assignment(assignment: Assignment) -> bytes:
    w = Writer().int16(assignment.version)
    w.array(assignment.assigned_partitions, _write_topic_partitions)
    w.bytes(assignment.user_data)
    return w.getvalue()


def decode_assignment(data: bytes) -> Assignment:
    if not data:
        return Assignment(0, [], None)
    r = Reader(data)
    version = r.int16()
    partitions = r.array(_read_topic_partitions) or []
    user_data = r.bytes() if not r.at_end() else None
    return Assignment(version, partitions, user_data)


def assigned_by_topic(data: bytes) -> dict[str, list[int]]:
    """An assignment's partitions as {topic: [partitions]} (for views of the group)."""
    out: dict[str, list[int]] = {}
    for topic, partitions in decode_assignment(data).assigned_partitions:
        out.setdefault(topic, []).extend(partitions)
    return out
