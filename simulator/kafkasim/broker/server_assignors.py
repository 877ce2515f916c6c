"""The server-side assignors of Kafka 4.3.1: uniform and range (consumer groups), simple (share groups).

Ported from the group coordinator's assignor classes (org.apache.kafka.coordinator.group.assignor)
so that a simulated group gets the assignment a real broker computes for the same input: every
HashMap and HashSet of the Java code is a javaorder.HashMap / HashSet here, built with the same
capacities, because iteration order decides who gets which partition.
tests/groups4/test_assignors_vs_java.py runs both on the same inputs.

Input is a GroupSpec (members in the coordinator's map, their subscriptions and current target
assignments) and a topic describer (partition counts); output {member_id: {topic_id: set}}.
Heterogeneous subscriptions (members of one group subscribed to different topics) are computed by
range; uniform and simple refuse them (UnsupportedAssignment), which the coordinator turns into a
German message: the simulator does not silently differ from Kafka.
"""

from __future__ import annotations

import math

from .javaorder import HashMap, HashSet, int32, record_hash

HOMOGENEOUS = "HOMOGENEOUS"
HETEROGENEOUS = "HETEROGENEOUS"


class TopicIdPartition:
    """org.apache.kafka.server.common.TopicIdPartition, a Java record of (topicId, partitionId); the
    assignors key HashMaps by it."""

    __slots__ = ("topic_id", "partition")

    def __init__(self, topic_id: Uuid, partition: int) -> None:
        self.topic_id = topic_id
        self.partition = partition

    def java_hash(self) -> int:
        return record_hash(self.topic_id.java_hash(), int32(self.partition))

    def __eq__(self, other) -> bool:
        return isinstance(other, TopicIdPartition) and (self.topic_id, self.partition) == (
            other.topic_id, other.partition)

    def __hash__(self) -> int:
        return hash((self.topic_id, self.partition))

    def __repr__(self) -> str:
        return f"{self.topic_id}-{self.partition}"


class PartitionAssignorError(Exception):
    """The assignor failed, as Kafka's does: a PartitionAssignorException (e.g. a subscription to a
    topic that does not exist), or — in simple, when a member still owns partitions that are not
    assignable yet — the NoSuchElementException that 4.3.1 itself throws there."""

    def __init__(self, message: str, java_class: str = "PartitionAssignorException") -> None:
        super().__init__(message)
        self.java_class = java_class


class UnsupportedAssignment(Exception):
    """An input whose assignment the simulator does not compute (heterogeneous uniform/simple)."""


class MemberSpec:
    """MemberSubscriptionAndAssignmentImpl: what the assignor sees of one member."""

    __slots__ = ("instance_id", "subscribed_topic_ids", "assignment")

    def __init__(self, instance_id: str | None, subscribed_topic_ids: HashSet, assignment: HashMap) -> None:
        self.instance_id = instance_id
        self.subscribed_topic_ids = subscribed_topic_ids
        # {topic_id: HashSet of partitions}; the assignors never change it (Java hands it over
        # as an unmodifiable map and copies before changing).
        self.assignment = assignment


class GroupSpec:
    """GroupSpecImpl: the members (a HashMap member id → MemberSpec, in the coordinator's order),
    the subscription type, who owns which partition, and — for share groups — which partitions
    are assignable (initialized); None means all."""

    __slots__ = ("members", "subscription_type", "owners", "assignable")

    def __init__(self, members: HashMap, subscription_type: str, assignable: dict | None = None) -> None:
        self.members = members
        self.subscription_type = subscription_type
        self.assignable = assignable
        self.owners: dict = {}
        for member_id, spec in members.items():
            for topic_id, partitions in spec.assignment.items():
                for partition in partitions:
                    self.owners[(topic_id, partition)] = member_id

    def member_ids(self) -> list[str]:
        return self.members.keys()

    def member(self, member_id: str) -> MemberSpec:
        return self.members.get(member_id)

    def is_partition_assigned(self, topic_id, partition: int) -> bool:
        return (topic_id, partition) in self.owners

    def is_partition_assignable(self, topic_id, partition: int) -> bool:
        if self.assignable is None:
            return True
        return partition in self.assignable.get(topic_id, ())


def subscription_type(subscriptions: list) -> str:
    """HOMOGENEOUS when every member subscribes to the same topic set."""
    first = None
    for topics in subscriptions:
        topics = frozenset(topics)
        if first is None:
            first = topics
        elif topics != first:
            return HETEROGENEOUS
    return HOMOGENEOUS


def deep_copy(assignment: HashMap) -> HashMap:
    """AssignorHelpers.deepCopyAssignment: new HashMap<>(size), each set new HashSet<>(set)."""
    copy = HashMap(len(assignment))
    for topic_id, partitions in assignment.items():
        copy.put(topic_id, HashSet.of(partitions))
    return copy


def new_hash_map(mappings: int) -> HashMap:
    """AssignorHelpers.newHashMap: new HashMap<>((int) ((n + 1) / 0.75f + 1))."""
    return HashMap(int((mappings + 1) / 0.75 + 1.0))


def new_hash_set(mappings: int) -> HashSet:
    return HashSet(int((mappings + 1) / 0.75 + 1.0))


def plain(assignment: HashMap) -> dict:
    return {topic_id: set(partitions) for topic_id, partitions in assignment.items() if len(partitions)}


# --- uniform ------------------------------------------------------------------------------------

def uniform_assign(spec: GroupSpec, num_partitions) -> dict[str, dict]:
    """UniformAssignor: balanced first, then sticky (members keep what fits their quota)."""
    if not spec.member_ids():
        return {}
    if spec.subscription_type != HOMOGENEOUS:
        raise UnsupportedAssignment("uniform, heterogeneous")
    member_ids = spec.member_ids()
    subscribed = HashSet.of(spec.member(member_ids[0]).subscribed_topic_ids)
    if not len(subscribed):
        return {}
    unassigned: list[TopicIdPartition] = []
    total = 0
    for topic_id in subscribed:
        count = num_partitions(topic_id)
        if count == -1:
            raise PartitionAssignorError(f"Members are subscribed to topic {topic_id} which doesn't exist")
        for partition in range(count):
            if not spec.is_partition_assigned(topic_id, partition):
                unassigned.append(TopicIdPartition(topic_id, partition))
        total += count
    minimum_quota, extra = divmod(total, len(member_ids))

    target = HashMap()
    copied: set[str] = set()
    unfilled: list[tuple[str, int]] = []
    for index, member_id in enumerate(member_ids):
        old = spec.member(member_id).assignment
        new = None
        quota = minimum_quota
        has_extra = extra > 0
        if has_extra:
            quota += 1
        for topic_id, partitions in old.items():
            if topic_id in subscribed:
                if len(partitions) <= quota:
                    quota -= len(partitions)
                    continue
                for partition in partitions:
                    if quota > 0:
                        quota -= 1
                        continue
                    if new is None:
                        new = _uniform_copy(old)
                    kept = new.get(topic_id)
                    kept.remove(partition)
                    if not len(kept):
                        new.remove(topic_id)
                    unassigned.append(TopicIdPartition(topic_id, partition))
            else:
                if new is None:
                    new = _uniform_copy(old)
                new.remove(topic_id)
        # 4.3: a member that cannot fill its extra slot from what it owns hands the slot on, as
        # long as enough members follow to take all remaining extras; so the extras go to members
        # that already own the partitions (more sticky than handing them out in member order).
        if quota > 0 and has_extra and len(member_ids) - index > extra:
            quota -= 1
            has_extra = False
        if quota > 0:
            unfilled.append((member_id, quota))
        if has_extra:
            extra -= 1
        target.put(member_id, old if new is None else new)
        if new is not None:
            copied.add(member_id)

    index = 0
    for member_id, remaining in unfilled:
        assignment = target.get(member_id)
        if member_id not in copied:
            assignment = _uniform_copy(assignment)
            target.put(member_id, assignment)
            copied.add(member_id)
        for _ in range(remaining):
            if index >= len(unassigned):
                break
            tip = unassigned[index]
            index += 1
            assignment.compute_if_absent(tip.topic_id, HashSet).add(tip.partition)
    if index < len(unassigned):
        raise PartitionAssignorError("Partitions were left unassigned")
    return {member_id: plain(assignment) for member_id, assignment in target.items()}


def _uniform_copy(assignment: HashMap) -> HashMap:
    # UniformHomogeneousAssignmentBuilder.deepCopy: the same construction as the helper's.
    return deep_copy(assignment)


# --- range --------------------------------------------------------------------------------------

class _RangeTopic:
    __slots__ = ("topic_id", "num_partitions", "num_members", "min_quota", "extra", "next_range")

    def __init__(self, topic_id, num_partitions: int, num_members: int) -> None:
        self.topic_id = topic_id
        self.num_partitions = num_partitions
        self.num_members = num_members
        self.min_quota = -1
        self.extra = -1
        self.next_range = 0

    def maybe_compute_quota(self) -> None:
        if self.min_quota == -1:
            self.min_quota, self.extra = divmod(self.num_partitions, self.num_members)

    def take(self) -> range | None:
        start = self.next_range
        quota = self.min_quota
        if self.extra > 0:
            quota += 1
            self.extra -= 1
        end = min(start + quota, self.num_partitions)
        self.next_range = end
        return range(start, end) if start < end else None


def _sorted_member_ids(spec: GroupSpec) -> list[str]:
    """Static members (by instance id) first, then the others by member id; Java's sort is stable."""
    def key(member_id: str):
        instance_id = spec.member(member_id).instance_id
        return (0, instance_id) if instance_id is not None else (1, member_id)
    return sorted(spec.member_ids(), key=key)


def range_assign(spec: GroupSpec, num_partitions) -> dict[str, dict]:
    """RangeAssignor (4.x, server side): contiguous ranges in member order; not sticky."""
    if not spec.member_ids():
        return {}
    member_ids = _sorted_member_ids(spec)
    result: dict[str, dict] = {}
    if spec.subscription_type == HOMOGENEOUS:
        topics = []
        for topic_id in spec.member(member_ids[0]).subscribed_topic_ids:
            count = num_partitions(topic_id)
            if count == -1:
                raise PartitionAssignorError("Member is subscribed to a non-existent topic")
            topics.append(_RangeTopic(topic_id, count, len(member_ids)))
        for member_id in member_ids:
            assignment = {}
            for topic in topics:
                topic.maybe_compute_quota()
                taken = topic.take()
                if taken is not None:
                    assignment[topic.topic_id] = set(taken)
            result[member_id] = assignment
        return result
    topics: dict = {}
    for member_id in member_ids:
        for topic_id in spec.member(member_id).subscribed_topic_ids:
            if topic_id not in topics:
                count = num_partitions(topic_id)
                if count == -1:
                    raise PartitionAssignorError("Member is subscribed to a non-existent topic")
                topics[topic_id] = _RangeTopic(topic_id, count, 0)
            topics[topic_id].num_members += 1
    for member_id in member_ids:
        assignment = {}
        for topic_id in spec.member(member_id).subscribed_topic_ids:
            topic = topics[topic_id]
            topic.maybe_compute_quota()
            taken = topic.take()
            if taken is not None:
                assignment[topic_id] = set(taken)
        result[member_id] = assignment
    return result


# --- simple (share groups) ----------------------------------------------------------------------

class _Iterator:
    """A Java iterator over a HashSet, with remove() of the element it returned last."""

    __slots__ = ("_set", "_items", "_next", "_current")

    def __init__(self, java_set: HashSet) -> None:
        self._set = java_set
        self._items = list(java_set)
        self._next = 0
        self._current = None

    def has_next(self) -> bool:
        return self._next < len(self._items)

    def next(self):
        if not self.has_next():
            raise PartitionAssignorError("no unfilled member left", "NoSuchElementException")
        self._current = self._items[self._next]
        self._next += 1
        return self._current

    def remove(self) -> None:
        self._set.remove(self._current)


def simple_assign(spec: GroupSpec, num_partitions) -> dict[str, dict]:
    """SimpleAssignor (homogeneous): every partition gets ceil(members / partitions) members,
    every member about partitions * sharing / members partitions; sticky where that allows."""
    if not spec.member_ids():
        return {}
    if spec.subscription_type != HOMOGENEOUS:
        raise UnsupportedAssignment("simple, heterogeneous")
    return _SimpleHomogeneous(spec, num_partitions).build()


class _SimpleHomogeneous:
    def __init__(self, spec: GroupSpec, num_partitions) -> None:
        member_ids = spec.member_ids()
        self.subscribed = spec.member(member_ids[0]).subscribed_topic_ids
        self.num_members = len(member_ids)
        self.member_ids = list(member_ids)
        self.member_indices = new_hash_map(self.num_members)
        for index, member_id in enumerate(self.member_ids):
            self.member_indices.put(member_id, index)
        self.target_partitions = []
        for topic_id in self.subscribed:
            count = num_partitions(topic_id)
            if count == -1:
                raise PartitionAssignorError(f"Members are subscribed to topic {topic_id} which doesn't exist")
            for partition in range(count):
                if spec.is_partition_assignable(topic_id, partition):
                    self.target_partitions.append(TopicIdPartition(topic_id, partition))
        targets = len(self.target_partitions)
        self.desired_sharing = 0 if targets == 0 else (self.num_members + targets - 1) // targets
        self.old = new_hash_map(self.num_members)
        self.new = new_hash_map(self.num_members)
        self.by_partition = new_hash_map(targets)
        self.by_member = new_hash_map(self.num_members)
        self.unfilled = new_hash_set(self.num_members)
        self.overfilled = new_hash_set(self.num_members)
        for member_id in member_ids:
            self.old.put(self.member_indices.get(member_id), spec.member(member_id).assignment)
        precise = self.desired_sharing * targets / self.num_members
        self.desired_count = [math.ceil(precise * (index + 1)) - math.ceil(precise * index)
                              for index in range(self.num_members)]

    def build(self) -> dict[str, dict]:
        if not len(self.subscribed):
            return {}
        # 4.3 trims overfilled members before over-shared partitions.
        self._revoke_unassignable()
        self._revoke_overfilled()
        self._revoke_overshared()
        for tip in self.target_partitions:
            self.by_partition.compute_if_absent(tip, HashSet)
        self._assign_remaining()
        result = {}
        for index in range(self.num_members):
            assignment = self.new.get(index)
            result[self.member_ids[index]] = plain(assignment if assignment is not None else self.old.get(index))
        return result

    def _copy_for(self, index: int) -> HashMap:
        copy = self.new.get(index)
        if copy is None:
            copy = deep_copy(self.old.get(index))
            self.new.put(index, copy)
        return copy

    def _revoke_unassignable(self) -> None:
        for index, old in self.old.items():
            new = None
            count = 0
            desired = self.desired_count[index]
            for topic_id, partitions in old.items():
                if topic_id in self.subscribed:
                    for partition in partitions:
                        tip = TopicIdPartition(topic_id, partition)
                        count += 1
                        self.by_partition.compute_if_absent(tip, HashSet).add(index)
                        self.by_member.compute_if_absent(index, HashSet).add(tip)
                        if count >= desired and new is None:
                            new = deep_copy(old)
                else:
                    if new is None:
                        new = deep_copy(old)
                    new.remove(topic_id)
            if new is not None:
                self.new.put(index, new)
            if count < desired:
                self.unfilled.add(index)
            elif count > desired:
                self.overfilled.add(index)

    def _revoke_overshared(self) -> None:
        # 4.3: one pass over the partition's members in iteration order, overfilled or not.
        for tip, members in self.by_partition.items():
            count = len(members)
            if count <= self.desired_sharing:
                continue
            for index in list(members):
                partitions = self._copy_for(index).get(tip.topic_id)
                if partitions is not None and partitions.remove(tip.partition):
                    count -= 1
                    members.remove(index)
                    self.by_member.get(index).remove(tip)
                    self.unfilled.add(index)
                if count <= self.desired_sharing:
                    break

    def _revoke_overfilled(self) -> None:
        for index in self.overfilled:
            desired = self.desired_count[index]
            assigned = self.by_member.get(index)
            if len(assigned) <= desired:
                continue
            for tip in list(assigned):
                self.new.get(index).get(tip.topic_id).remove(tip.partition)
                self.by_partition.get(tip).remove(index)
                assigned.remove(tip)
                if len(assigned) == desired:
                    break

    def _assign_remaining(self) -> None:
        if not len(self.unfilled):
            return
        members = _Iterator(self.unfilled)
        assigned_in_this_pass = False
        for tip, assigned in self.by_partition.items():
            if len(assigned) < self.desired_sharing:
                to_make = self.desired_sharing - len(assigned)
                while to_make > 0:
                    if not members.has_next():
                        if not assigned_in_this_pass:
                            break
                        members = _Iterator(self.unfilled)
                        assigned_in_this_pass = False
                    index = members.next()
                    if index in assigned:
                        continue
                    self._copy_for(index).compute_if_absent(tip.topic_id, HashSet).add(tip.partition)
                    self.by_member.compute_if_absent(index, HashSet).add(tip)
                    to_make -= 1
                    assigned_in_this_pass = True
                    if len(self.by_member.get(index)) >= self.desired_count[index]:
                        members.remove()
            if not len(self.unfilled):
                break


ASSIGNORS = {"uniform": uniform_assign, "range": range_assign, "simple": simple_assign}
