"""The sticky assignor (KIP-54), computing what kafka-python 3.0's StickyPartitionAssignor computes.

Goals, in this order: a balanced assignment (partition counts differ by at most one, unless
subscriptions forbid it), then as few moves as possible compared to the previous generation.
Each member reports its previous partitions and generation (kafka-python sends them as user data
in the JoinGroup metadata); here the group leader reads them from `previous`.

The procedure follows kafka-python step by step (same orderings, same tie-breaks). Where
kafka-python picks an arbitrary element of a set (hash order, which changes between Python
processes), this module takes the smallest one, so a simulation run stays repeatable.
"""

from __future__ import annotations

import copy
from collections import defaultdict


class _Movements:
    """Which partitions moved between which members during this rebalance (keeps moves undoable)."""

    def __init__(self) -> None:
        self.by_topic: dict[str, dict[tuple[str, str], set]] = {}
        self.moves: dict[tuple[str, int], tuple[str, str]] = {}

    def _remove(self, tp):
        pair = self.moves.pop(tp)
        pairs = self.by_topic[tp[0]]
        pairs[pair].discard(tp)
        if not pairs[pair]:
            del pairs[pair]
        if not pairs:
            del self.by_topic[tp[0]]
        return pair

    def _add(self, tp, pair) -> None:
        self.moves[tp] = pair
        self.by_topic.setdefault(tp[0], {}).setdefault(pair, set()).add(tp)

    def move(self, tp, src: str, dst: str) -> None:
        if tp in self.moves:
            first_src, _dst = self._remove(tp)
            if first_src != dst:
                self._add(tp, (first_src, dst))
        else:
            self._add(tp, (src, dst))

    def partition_to_move(self, tp, src: str, dst: str):
        """Prefer undoing an earlier opposite move of the same topic over a fresh move."""
        if tp[0] not in self.by_topic:
            return tp
        if tp in self.moves:
            src = self.moves[tp][0]
        reverse = self.by_topic[tp[0]].get((dst, src))
        if not reverse:
            return tp
        return min(reverse)


class _Executor:
    def __init__(self, partitions: dict[str, list[int]], members: dict[str, tuple[list, list, int]]) -> None:
        # members: id → (subscribed topics, previous partitions [(t, p)], previous generation)
        self.members = members
        self.current = defaultdict(list)             # member → [tp] (order matters, as in kafka-python)
        self.previous: dict = {}                     # tp → (member, generation) of the generation before
        self.owner: dict = {}                        # tp → member
        self.potential_members: dict = {}            # tp → [member]
        self.potential_partitions: dict = {}         # member → [tp]
        self.subs: set = set()                       # the "sorted current subscriptions" (member ids)
        self.sorted_partitions: list = []
        self.unassigned: list = []
        self.revocation_required = False
        self.movements = _Movements()
        self._init_current()
        for topic, parts in partitions.items():
            for p in parts:
                self.potential_members[(topic, p)] = []
        for member, (topics, _prev, _gen) in members.items():
            self.potential_partitions[member] = []
            for topic in topics:
                if topic not in partitions:
                    continue
                for p in sorted(partitions[topic]):
                    self.potential_partitions[member].append((topic, p))
                    self.potential_members[(topic, p)].append(member)
            if member not in self.current:
                self.current[member] = []

    # -- ordered member set ------------------------------------------------------------------
    def _key(self, member):
        return (len(self.current[member]), member)

    def _ordered(self):
        return sorted(self.subs, key=self._key)

    def _least(self):
        return min(self.subs, key=self._key) if self.subs else None

    def _most(self):
        return max(self.subs, key=self._key) if self.subs else None

    # -- set-up ------------------------------------------------------------------------------
    def _init_current(self) -> None:
        by_generation: dict = {}
        for member, (_topics, prev, generation) in self.members.items():
            for tp in prev:
                owners = by_generation.get(tp)
                if owners is None:
                    by_generation[tp] = {generation: member}
                elif not (generation and generation in owners):
                    owners[generation] = member
        for tp, owners in by_generation.items():
            generations = sorted(owners, reverse=True)
            self.current[owners[generations[0]]].append(tp)
            if len(generations) > 1:
                self.previous[tp] = (owners[generations[1]], generations[1])
        self.fresh = len(self.current) == 0
        for member, tps in self.current.items():
            for tp in tps:
                self.owner[tp] = member

    def _identical_subscriptions(self) -> bool:
        def identical(lists):
            return all(lists[i] == lists[i - 1] for i in range(1, len(lists)))
        return identical(list(self.potential_members.values())) and \
            identical(list(self.potential_partitions.values()))

    def _populate_sorted_partitions(self) -> None:
        by_takers = sorted(self.potential_members.items(), key=lambda kv: (len(kv[1]), kv[0][0], kv[0][1]))
        self.sorted_partitions = []
        if not self.fresh and self._identical_subscriptions():
            assignments = copy.deepcopy(dict(self.current))
            for member in assignments:
                assignments[member] = [tp for tp in assignments[member] if tp in self.potential_members]
            pending = set(assignments)
            while pending:
                member = max(pending, key=lambda m: (len(assignments[m]), m))
                pending.discard(member)
                remaining = assignments[member]
                moved_before = sorted(set(self.previous) & set(remaining))
                if moved_before:
                    tp = moved_before[0]
                    remaining.remove(tp)
                    self.sorted_partitions.append(tp)
                    pending.add(member)
                elif remaining:
                    self.sorted_partitions.append(remaining.pop())
                    pending.add(member)
            for tp, _takers in by_takers:
                if tp not in self.sorted_partitions:
                    self.sorted_partitions.append(tp)
        else:
            self.sorted_partitions = [tp for tp, _takers in by_takers]

    def _populate_unassigned(self) -> None:
        self.unassigned = list(self.sorted_partitions)
        gone = []
        for member, tps in self.current.items():
            if member not in self.members:
                for tp in tps:
                    del self.owner[tp]
                gone.append(member)
                continue
            drop = []
            for tp in tps:
                if tp not in self.potential_members:
                    drop.append(tp)
                elif tp[0] not in self.members[member][0]:
                    drop.append(tp)
                    self.revocation_required = True
                else:
                    self.unassigned.remove(tp)
            for tp in drop:
                self.current[member].remove(tp)
                del self.owner[tp]
        for member in gone:
            del self.current[member]

    # -- balancing ---------------------------------------------------------------------------
    def _is_balanced(self) -> bool:
        least, most = self._least(), self._most()
        if len(self.current[least]) >= len(self.current[most]) - 1:
            return True
        assigned = {}
        for member, tps in self.current.items():
            for tp in tps:
                assigned[tp] = member
        for member in self._ordered():
            count = len(self.current[member])
            if count == len(self.potential_partitions[member]):
                continue
            for tp in self.potential_partitions[member]:
                if tp not in self.current[member] and count < len(self.current[assigned[tp]]):
                    return False
        return True

    def _assign(self, tp) -> None:
        for member in self._ordered():
            if tp in self.potential_partitions[member]:
                self.subs.discard(member)
                self.current[member].append(tp)
                self.owner[tp] = member
                self.subs.add(member)
                break

    def _movable_partition(self, tp) -> bool:
        return len(self.potential_members[tp]) >= 2

    def _movable_member(self, member) -> bool:
        tps = self.current[member]
        if len(tps) < len(self.potential_partitions[member]):
            return True
        return any(self._movable_partition(tp) for tp in tps)

    def _move(self, tp, new_member) -> None:
        old = self.owner[tp]
        self.subs.discard(old)
        self.subs.discard(new_member)
        self.movements.move(tp, old, new_member)
        self.current[old].remove(tp)
        self.current[new_member].append(tp)
        self.owner[tp] = new_member
        self.subs.add(new_member)
        self.subs.add(old)

    def _reassign_to(self, tp, new_member) -> None:
        member = self.owner[tp]
        to_move = self.movements.partition_to_move(tp, member, new_member)
        substitute = self.owner[to_move]
        if substitute != member:
            self._move(tp, substitute)
        self._move(to_move, new_member)

    def _reassign(self, tp) -> None:
        for member in self._ordered():
            if tp in self.potential_partitions[member]:
                self._reassign_to(tp, member)
                return

    def _perform_reassignments(self, partitions: list) -> bool:
        performed = False
        while True:
            modified = False
            for tp in partitions:
                if self._is_balanced():
                    break
                member = self.owner.get(tp)
                prev = self.previous.get(tp)
                if prev is not None and len(self.current[member]) > len(self.current[prev[0]]) + 1:
                    self._reassign_to(tp, prev[0])
                    performed = modified = True
                    continue
                for other in self.potential_members[tp]:
                    if len(self.current[member]) > len(self.current[other]) + 1:
                        self._reassign(tp)
                        performed = modified = True
                        break
            if not modified:
                return performed

    @staticmethod
    def _balance_score(assignment) -> int:
        counts = [len(tps) for tps in assignment.values()]
        return sum(abs(counts[i] - counts[j]) for i in range(len(counts)) for j in range(i + 1, len(counts)))

    def run(self) -> None:
        self._populate_sorted_partitions()
        self._populate_unassigned()
        self.subs = set(self.current)
        initializing = len(self.current[self._most()]) == 0
        for tp in self.unassigned:
            if self.potential_members[tp]:
                self._assign(tp)
        fixed = {tp for tp in self.potential_members if not self._movable_partition(tp)}
        for tp in fixed:
            if tp in self.sorted_partitions:
                self.sorted_partitions.remove(tp)
            if tp in self.unassigned:
                self.unassigned.remove(tp)
        fixed_members = {}
        for member in self.potential_partitions:
            if not self._movable_member(member):
                self.subs.discard(member)
                fixed_members[member] = self.current.pop(member)
        before = copy.deepcopy(self.current)
        before_owner = dict(self.owner)
        if not self.revocation_required:
            self._perform_reassignments(self.unassigned)
        performed = self._perform_reassignments(self.sorted_partitions)
        if not initializing and performed and self._balance_score(self.current) >= self._balance_score(before):
            self.current = before
            self.owner = before_owner
        for member, tps in fixed_members.items():
            self.current[member] = tps
            self.subs.add(member)


def sticky_assign(partitions: dict[str, list[int]], members: list[tuple], previous: dict) -> dict:
    """members: [(member_id, topics, instance_id)]; previous: member_id → ({topic: [p]}, generation)."""
    meta = {}
    for member_id, topics, _instance in members:
        owned, generation = previous.get(member_id, ({}, -1))
        meta[member_id] = (list(topics), [(t, p) for t, ps in owned.items() for p in ps], generation)
    executor = _Executor(partitions, meta)
    executor.run()
    result = {}
    for member_id, _topics, _instance in members:
        by_topic: dict[str, list[int]] = {}
        for topic, p in executor.current.get(member_id, []):
            by_topic.setdefault(topic, []).append(p)
        result[member_id] = {t: sorted(ps) for t, ps in by_topic.items()}
    return result
