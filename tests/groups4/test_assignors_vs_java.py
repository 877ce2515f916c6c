"""kafkasim's server-side assignors compute what Kafka 4.3.1's own classes compute, on the same inputs.

AssignorProbe.java runs UniformAssignor, RangeAssignor and SimpleAssignor from the fetched
kafka-group-coordinator jar; the same random cases (seeded) go through kafkasim.groups4's port.
The cases include topics with more than 16 partitions (Java's HashSet order then wraps), static
members, members whose current assignment no longer fits their subscription, and share groups
with only some partitions initialized.
"""
from __future__ import annotations

import random

import pytest

from kafkasim.broker import server_assignors as assignors
from kafkasim.broker.server_assignors import GroupSpec, MemberSpec, TopicIdPartition
from kafkasim.protocol.ids import Uuid
from kafkasim.broker.javaorder import HashMap, HashSet, string_hash

CASES = 300


def random_member_id(rng: random.Random) -> str:
    # Kafka's clients use a random Uuid as member id; short ids make hash collisions likelier.
    return str(Uuid.random(rng)) if rng.random() < 0.7 else rng.choice("ABCDEFGH") + str(rng.randrange(100))


def random_case(rng: random.Random, assignor: str) -> dict:
    topics = {Uuid.random(rng): rng.choice([1, 2, 3, 5, 6, 8, 12, 17, 20, 33]) for _ in range(rng.randint(1, 3))}
    topic_ids = list(topics)
    homogeneous = assignor != "range" or rng.random() < 0.6
    shared = rng.sample(topic_ids, rng.randint(1, len(topic_ids)))
    members, seen = [], set()
    for _ in range(rng.randint(1, 8)):
        member_id = random_member_id(rng)
        if member_id in seen:
            continue
        seen.add(member_id)
        subscribed = shared if homogeneous else rng.sample(topic_ids, rng.randint(1, len(topic_ids)))
        instance = f"i{rng.randrange(10)}" if assignor == "range" and rng.random() < 0.5 else None
        members.append({"id": member_id, "instance": instance, "subscribed": subscribed, "owned": {}})
    if len({m["instance"] for m in members if m["instance"]}) != len([m for m in members if m["instance"]]):
        for index, member in enumerate(members):  # instance ids are unique in a group
            member["instance"] = f"i{index}" if member["instance"] else None
    # Current (target) assignment: consumer groups own each partition once, share groups may share.
    for topic_id, count in topics.items():
        for partition in rng.sample(range(count), rng.randint(0, count)):
            owners = rng.sample(members, rng.randint(1, min(3, len(members)))) if assignor == "simple" \
                else [rng.choice(members)]
            for owner in owners:
                owner["owned"].setdefault(topic_id, []).append(partition)
    assignable = None
    if assignor == "simple" and rng.random() < 0.4:
        assignable = {t: rng.sample(range(c), rng.randint(1, c)) for t, c in topics.items()}
    return {"assignor": assignor, "homogeneous": homogeneous, "topics": topics, "members": members,
            "assignable": assignable}


def partitions_text(mapping: dict) -> str:
    return ";".join(f"{t}={','.join(map(str, ps))}" for t, ps in mapping.items()) or "-"


def case_text(case: dict) -> str:
    kind = "HOMOGENEOUS" if case["homogeneous"] else "HETEROGENEOUS"
    lines = [f"case {case['assignor']} {kind}"]
    lines += [f"topic {t} {n}" for t, n in case["topics"].items()]
    for m in case["members"]:
        lines.append(f"member {m['id']} {m['instance'] or '-'} {','.join(map(str, m['subscribed']))} "
                     f"{partitions_text(m['owned'])}")
    if case["assignable"] is not None:
        lines.append(f"assignable {partitions_text(case['assignable'])}")
    lines.append("end")
    return "\n".join(lines)


def simulate(case: dict) -> list[str]:
    """The same GroupSpec the probe builds (HashMap/HashSet with Java's default capacities)."""
    members = HashMap()
    for m in case["members"]:
        owned = HashMap()
        for topic_id, partitions in m["owned"].items():
            owned.put(topic_id, HashSet.of(partitions))
        members.put(m["id"], MemberSpec(m["instance"], HashSet.of(m["subscribed"]), owned))
    kind = assignors.HOMOGENEOUS if case["homogeneous"] else assignors.HETEROGENEOUS
    assignable = None if case["assignable"] is None else {t: set(ps) for t, ps in case["assignable"].items()}
    spec = GroupSpec(members, kind, assignable)
    try:
        result = assignors.ASSIGNORS[case["assignor"]](spec, lambda t: case["topics"].get(t, -1))
    except assignors.PartitionAssignorError as error:
        return [f"error {error.java_class}"]
    lines = []
    for m in case["members"]:
        topics = sorted(((str(t), sorted(ps)) for t, ps in result.get(m["id"], {}).items() if ps))
        text = ";".join(f"{t}={','.join(map(str, ps))}" for t, ps in topics) or "-"
        lines.append(f"member {m['id']} {text}")
    return lines


@pytest.fixture(scope="module")
def java_results(java_drivers):
    rng = random.Random(20261201)
    cases = [random_case(rng, name) for name in ("uniform", "range", "simple") for _ in range(CASES // 3)]
    result = java_drivers.run("AssignorProbe", input="\n".join(map(case_text, cases)) + "\n")
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.split("case ")[1:]
    assert len(blocks) == len(cases), result.stdout[-2000:]
    return [(case, block.splitlines()[1:]) for case, block in zip(cases, blocks)]


@pytest.mark.parametrize("assignor", ["uniform", "range", "simple"])
def test_port_computes_what_kafkas_assignor_computes(java_results, assignor):
    compared = 0
    for case, expected in java_results:
        if case["assignor"] != assignor:
            continue
        assert simulate(case) == expected, case_text(case)
        compared += 1
    assert compared == CASES // 3


def test_hash_codes_match_java(java_drivers):
    rng = random.Random(7)
    ids = [Uuid.random(rng) for _ in range(50)]
    probe = "\n".join(f"hash {u} {rng.randrange(40)}" for u in ids)
    result = java_drivers.run("AssignorProbe", input=probe + "\n")
    assert result.returncode == 0, result.stderr
    for line, request in zip(result.stdout.splitlines(), probe.splitlines()):
        _, uuid_text, partition = request.split()
        uuid = Uuid.parse(uuid_text)
        assert line == f"hash {uuid.java_hash()} {TopicIdPartition(uuid, int(partition)).java_hash()}"


def test_string_hash_is_javas():
    # Values of "…".hashCode() in Java.
    assert string_hash("") == 0
    assert string_hash("a") == 97
    assert string_hash("hello") == 99162322
    assert string_hash("polygenelubricants") == -2**31  # overflows to Integer.MIN_VALUE
