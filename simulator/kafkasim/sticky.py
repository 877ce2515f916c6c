"""The sticky assignor: balanced like round robin, but partitions stay with their previous owner.

On a fresh group it hands out partitions exactly as kafka-python's StickyPartitionAssignor does
(partitions ordered by how many members could take them, then by topic and number; each goes to
the eligible member with the fewest partitions, ties by member id). On a rebalance every member
keeps what it owned as long as the result stays balanced; only the surplus moves.
"""

from __future__ import annotations


def sticky_assign(partitions: dict[str, list[int]], members: list[tuple], previous: dict) -> dict:
    member_ids = [m[0] for m in members]
    potential = {m[0]: {(t, p) for t in m[1] if t in partitions for p in partitions[t]} for m in members}
    takers: dict[tuple[str, int], list[str]] = {}
    for mid in member_ids:
        for tp in potential[mid]:
            takers.setdefault(tp, []).append(mid)
    ordered = sorted(takers, key=lambda tp: (len(takers[tp]), tp[0], tp[1]))
    current: dict[str, list[tuple[str, int]]] = {mid: [] for mid in member_ids}

    # Previous owners keep their partitions; on conflicts the newer generation wins.
    owner: dict[tuple[str, int], str] = {}
    for mid, (assignment, generation) in sorted(previous.items(), key=lambda kv: (kv[1][1], kv[0])):
        if mid not in current:
            continue
        for topic, parts in assignment.items():
            for p in parts:
                if (topic, p) in potential[mid]:
                    owner[(topic, p)] = mid
    if owner:
        # Balance cap: nobody keeps more than the fair share (rounded up).
        quota = -(-len(ordered) // max(1, len(member_ids)))
        for tp in ordered:
            mid = owner.get(tp)
            if mid is not None and len(current[mid]) < quota:
                current[mid].append(tp)
            else:
                owner.pop(tp, None)

    def least_loaded(tp):
        return min(takers[tp], key=lambda mid: (len(current[mid]), mid))

    for tp in ordered:
        if tp not in owner:
            current[least_loaded(tp)].append(tp)

    # Move single partitions from the fullest to the emptiest eligible member until balanced.
    moved = True
    while moved:
        moved = False
        for mid in sorted(member_ids, key=lambda m: (-len(current[m]), m)):
            for tp in sorted(current[mid], key=lambda x: (x[0], x[1])):
                target = least_loaded(tp)
                if len(current[target]) + 1 < len(current[mid]):
                    current[mid].remove(tp)
                    current[target].append(tp)
                    moved = True
                    break
            if moved:
                break

    result: dict[str, dict[str, list[int]]] = {}
    for mid in member_ids:
        by_topic: dict[str, list[int]] = {}
        for topic, p in current[mid]:
            by_topic.setdefault(topic, []).append(p)
        result[mid] = {t: sorted(ps) for t, ps in sorted(by_topic.items())}
    return result
