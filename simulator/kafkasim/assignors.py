"""Partition assignors, computing exactly what kafka-python's assignors compute.

Input: `partitions` {topic: [partition ids]} and `members` [(member_id, [topics], group_instance_id)]
in join order. Output: {member_id: {topic: [partitions, sorted]}} (topics without partitions omitted).
Static members (group_instance_id set) sort before dynamic ones, each sorted by (instance id, member id).
"""

from __future__ import annotations


def _ordered_members(members: list[tuple]) -> list[tuple[str | None, str]]:
    ids = [(instance_id, member_id) for member_id, _topics, instance_id in members]
    # kafka-python groups consecutive runs with itertools.groupby and keeps the *last* run of each
    # kind; reproduce that quirk so mixed static/dynamic layouts match too.
    runs: dict[bool, list] = {}
    prev = None
    for pair in ids:
        kind = pair[0] is not None
        if kind != prev:
            runs[kind] = []
            prev = kind
        runs[kind].append(pair)
    return sorted(runs.get(True, [])) + sorted(runs.get(False, []))


def range_assign(partitions: dict[str, list[int]], members: list[tuple]) -> dict[str, dict[str, list[int]]]:
    result: dict[str, dict[str, list[int]]] = {m[0]: {} for m in members}
    per_topic: dict[str, list[tuple]] = {}
    for member in members:
        for topic in member[1]:
            per_topic.setdefault(topic, []).append(member)
    for topic, topic_members in per_topic.items():
        parts = partitions.get(topic)
        if parts is None:
            continue
        parts = sorted(parts)
        consumers = _ordered_members(topic_members)
        per_consumer, extra = divmod(len(parts), len(consumers))
        for i, (_instance, member_id) in enumerate(consumers):
            start = per_consumer * i + min(i, extra)
            length = per_consumer + (1 if i < extra else 0)
            result[member_id][topic] = parts[start:start + length]
    return result


def roundrobin_assign(partitions: dict[str, list[int]], members: list[tuple]) -> dict[str, dict[str, list[int]]]:
    result: dict[str, dict[str, list[int]]] = {m[0]: {} for m in members}
    topics = set()
    for member in members:
        topics.update(member[1])
    all_tps = sorted((t, p) for t in topics if partitions.get(t) is not None for p in partitions[t])
    ordered = _ordered_members(members)
    subscribed = {m[0]: set(m[1]) for m in members}
    i = 0
    for topic, partition in all_tps:
        while topic not in subscribed[ordered[i % len(ordered)][1]]:
            i += 1
        member_id = ordered[i % len(ordered)][1]
        result[member_id].setdefault(topic, []).append(partition)
        i += 1
    return result


ASSIGNORS = {"range": range_assign, "roundrobin": roundrobin_assign}


def assign(name: str, partitions: dict[str, list[int]], members: list[tuple], previous=None) -> dict:
    if name == "sticky":
        from .sticky import sticky_assign
        return sticky_assign(partitions, members, previous or {})
    return ASSIGNORS[name](partitions, members)
