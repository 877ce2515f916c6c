"""A share-partition: the state a share group keeps for one topic partition (KIP-932).

Follows kafka.server.share.SharePartition of Kafka 4.3.1 (read from its bytecode and checked with
the scenarios in tests/groups4/scenarios):

* Records between the share-partition start offset (SPSO) and end offset (SPEO) are in flight,
  kept as in-flight batches (a whole producer batch, or per offset once parts of it differ).
  Each record is Available, Acquired (by one member, under a lock), Acknowledged or Archived.
* A fetch acquires Available records from the next fetch offset on: re-deliveries first, then
  new records, raising each record's delivery count. In `batch_optimized` mode whole producer
  batches are acquired (a fetch may return more than max records, up to the end of the batch);
  in `record_limit` mode exactly max records. Records that were delivered
  ceil(limit / 2) times (at least 2) are handed out in ever smaller parts, and a record on its
  last delivery attempt always alone, so that a poison record is isolated.
* Accept → Acknowledged, reject → Archived, release → Available again, renew → a new lock. A
  release, a lock that expires, or a member that leaves makes the record Available, or Archived
  once its delivery count has reached `share.delivery.count.limit`.
* The SPSO moves past the Acknowledged and Archived records at the start of the window; at most
  `share.partition.max.record.locks` records lie between SPSO and SPEO.
* Every state change is written to the share coordinator (`persisted`): Kafka builds that write
  before it moves the SPSO, so the start offset the admin tools show lags one write behind.

Time comes from the clock passed in (the kernel): `clock.now` and `clock.at(ms, fn)`.
"""

from __future__ import annotations

import math

from ..protocol.share import ACCEPT, REJECT, RELEASE, RENEW

AVAILABLE = "Available"
ACQUIRED = "Acquired"
ACKNOWLEDGED = "Acknowledged"
ARCHIVED = "Archived"
TERMINAL = (ACKNOWLEDGED, ARCHIVED)

NONE = "NONE"
INVALID_RECORD_STATE = "INVALID_RECORD_STATE"
INVALID_REQUEST = "INVALID_REQUEST"


class Lock:
    """One acquisition lock; the records it covers go back when it expires."""

    __slots__ = ("deadline", "timer")

    def __init__(self, deadline: int) -> None:
        self.deadline = deadline
        self.timer = None


class RecordState:
    __slots__ = ("state", "delivery_count", "member_id", "lock")

    def __init__(self, state: str, delivery_count: int, member_id: str | None, lock: Lock | None) -> None:
        self.state = state
        self.delivery_count = delivery_count
        self.member_id = member_id
        self.lock = lock

    def copy(self) -> "RecordState":
        return RecordState(self.state, self.delivery_count, self.member_id, self.lock)


class InFlightBatch:
    """Records first..last: one state for all (`whole`) or one per offset (`offsets`)."""

    __slots__ = ("first", "last", "whole", "offsets")

    def __init__(self, first: int, last: int, whole: RecordState) -> None:
        self.first = first
        self.last = last
        self.whole: RecordState | None = whole
        self.offsets: dict[int, RecordState] | None = None

    def split(self) -> None:
        """maybeInitializeOffsetStateUpdate: from now on each offset has its own state."""
        if self.offsets is None:
            self.offsets = {o: self.whole.copy() for o in range(self.first, self.last + 1)}
            self.whole = None

    def states(self):
        if self.offsets is None:
            for offset in range(self.first, self.last + 1):
                yield offset, self.whole
        else:
            yield from self.offsets.items()

    def state_at(self, offset: int) -> RecordState:
        return self.whole if self.offsets is None else self.offsets[offset]


class SharePartition:
    def __init__(self, clock, start_offset: int, *, max_delivery_count, record_lock_ms,
                 max_in_flight, on_change=None, on_lock_expired=None) -> None:
        self.clock = clock
        self.start_offset = start_offset
        self.end_offset = start_offset
        self.cache: dict[int, InFlightBatch] = {}   # first offset → batch, in offset order
        self.find_next_fetch_offset = False
        # Callables, so that a changed group config applies to the next acquisition.
        self._max_delivery_count = max_delivery_count
        self._record_lock_ms = record_lock_ms
        self._max_in_flight = max_in_flight
        self.on_change = on_change or (lambda: None)
        # Called with (offsets, archived offsets) when an acquisition lock runs out.
        self.on_lock_expired = on_lock_expired or (lambda offsets, archived: None)
        # What the share coordinator holds (ReadShareGroupStateSummary): (start offset, records
        # completed at or after it); None until the first write.
        self.persisted: tuple[int, int] | None = None

    # --- views ----------------------------------------------------------------------------------

    @property
    def max_delivery_count(self) -> int:
        return self._max_delivery_count()

    def records(self) -> list[tuple[int, str, int, str | None]]:
        """(offset, state, delivery count, member) of every in-flight record, for the diagram."""
        rows = []
        for batch in self.cache.values():
            for offset, state in batch.states():
                if offset >= self.start_offset:
                    rows.append((offset, state.state, state.delivery_count, state.member_id))
        return rows

    def num_in_flight(self) -> int:
        return 0 if not self.cache else self.end_offset - self.start_offset + 1

    def completed_in_window(self) -> int:
        return sum(1 for offset, state, _count, _member in self.records() if state in TERMINAL)

    def next_fetch_offset(self) -> int:
        last = self._last_batch()
        if not self.find_next_fetch_offset:
            if last is None or self.start_offset > last.last:
                return self.end_offset
            return self.end_offset + 1
        if last is None or self.start_offset > last.last:
            self.find_next_fetch_offset = False
            return self.end_offset
        for batch in self.cache.values():
            for offset, state in batch.states():
                if state.state == AVAILABLE:
                    return offset
        self.find_next_fetch_offset = False
        return self.end_offset + 1

    def _last_batch(self) -> InFlightBatch | None:
        return next(reversed(self.cache.values())) if self.cache else None

    def _sorted(self) -> list[InFlightBatch]:
        return [self.cache[k] for k in sorted(self.cache)]

    # --- acquiring --------------------------------------------------------------------------------

    def acquire(self, member_id: str, record_limit: bool, batch_size: int, max_fetch_records: int,
                fetch_offset: int, batches: list) -> list[tuple[int, int, int]]:
        """Acquires records from the fetched `batches` (batch_log.Batch, from the next fetch offset);
        returns the acquired ranges as (first, last, delivery count)."""
        if not batches or max_fetch_records <= 0:
            return []
        if batches[-1].last_offset < self.start_offset:
            return []
        last_offset, max_records = self._last_offset_and_max_records(
            fetch_offset, max_fetch_records, batches[-1].last_offset)
        if max_records <= 0:
            return []
        base = batches[0].base_offset
        start_key = base
        floor = self._floor(base)
        if floor is not None and floor.last >= base:
            start_key = floor.first
        overlapping = [b for b in self._sorted() if min(start_key, base) <= b.first <= last_offset]
        if not overlapping:
            return self._acquire_new(member_id, batches, record_limit, base, last_offset, batch_size, max_records)

        result: list[tuple[int, int, int]] = []
        acquired = 0
        for batch in overlapping:
            if acquired >= max_records:
                break
            full_match = batch.first >= base and batch.last <= last_offset
            remaining = max_records - acquired
            record_limit_subset = record_limit and batch.last - batch.first + 1 > remaining
            throttle = self._should_throttle(batch, base, last_offset)
            if throttle and acquired > 0:
                return result
            if not full_match or batch.offsets is not None or record_limit_subset or throttle:
                if batch.offsets is None:
                    if batch.whole.state != AVAILABLE:
                        continue
                    batch.split()
                got = self._acquire_offsets(member_id, record_limit, remaining, base, last_offset, batch, result)
                acquired += got
                if throttle and got > 0:
                    return result
                continue
            if batch.whole.state != AVAILABLE:
                continue
            self._acquire_state(batch.whole, member_id, self._new_lock())
            result.append((batch.first, batch.last, batch.whole.delivery_count))
            acquired += batch.last - batch.first + 1
        last = self._last_batch()
        if acquired < max_records and last.last < last_offset:
            result += self._acquire_new(member_id, batches, record_limit, last.last + 1, last_offset, batch_size,
                                        max_records - acquired)
        return result

    def _last_offset_and_max_records(self, fetch_offset: int, max_fetch_records: int, last_offset: int):
        max_records = min(max_fetch_records, self._max_in_flight() - self.num_in_flight())
        if max_records <= 0:
            if fetch_offset <= self.end_offset:
                # The window is full: only records already in it can be re-delivered.
                max_records = min(max_fetch_records, self.end_offset - fetch_offset + 1)
                last_offset = min(last_offset, self.end_offset)
        return last_offset, max_records

    def _floor(self, offset: int) -> InFlightBatch | None:
        keys = [k for k in self.cache if k <= offset]
        return self.cache[max(keys)] if keys else None

    def _throttle_limit(self) -> int:
        return max(2, math.ceil(self.max_delivery_count / 2))

    def _should_throttle(self, batch: InFlightBatch, base: int, last_offset: int) -> bool:
        limit = self._throttle_limit()
        if batch.offsets is None:
            return batch.whole.state == AVAILABLE and batch.whole.delivery_count >= limit
        counts = [s.delivery_count for o, s in batch.offsets.items()
                  if base <= o <= last_offset and s.state == AVAILABLE]
        return max(counts, default=0) >= limit

    def _acquire_offsets(self, member_id, record_limit, max_records, base, last_offset, batch, result) -> int:
        limit = self.max_delivery_count
        throttle_limit = self._throttle_limit()
        acquired = 0
        cap = -1
        lock = None
        for offset in sorted(batch.offsets):
            if offset < base:
                continue
            if offset > last_offset:
                break
            state = batch.offsets[offset]
            if state.state != AVAILABLE:
                continue
            count = state.delivery_count
            if limit > 2 and count == limit - 1 and acquired > 0:
                break  # a record on its last delivery attempt goes out alone
            if count >= throttle_limit and cap < 0:
                cap = max(1, len(batch.offsets) >> (count - throttle_limit + 1))
            lock = lock or self._new_lock()
            self._acquire_state(state, member_id, lock)
            result.append((offset, offset, state.delivery_count))
            acquired += 1
            if state.delivery_count == limit and limit > 2:
                break
            if record_limit and acquired == max_records:
                break
            if cap > 0 and acquired == cap:
                break
        return acquired

    def _acquire_new(self, member_id, batches, record_limit, first, last, batch_size, max_records):
        if not self.cache and self.end_offset > first:
            first = self.end_offset
        if max_records < last - first + 1:
            last = _last_offset_of_batch_holding(batches, first + max_records - 1)
        acquired = self._create_batches(member_id, batches, record_limit, max_records, first, last, batch_size)
        if min(self.cache) == first:
            self.start_offset = first
        if last > self.end_offset:
            self.end_offset = last
        return acquired

    def _create_batches(self, member_id, batches, record_limit, max_records, first, last, batch_size):
        chunks = []
        start = first
        if not record_limit and last - first + 1 > batch_size:
            for batch in batches:
                if batch.base_offset > last:
                    break
                if batch.base_offset - start >= batch_size:
                    chunks.append((start, batch.base_offset - 1))
                    start = batch.base_offset
        chunks.append((start, last))
        lock = self._new_lock()
        if record_limit:
            chunk_first, chunk_last = chunks[0]
            if chunk_last - chunk_first + 1 > max_records:
                in_flight = InFlightBatch(chunk_first, chunk_last, RecordState(ACQUIRED, 1, member_id, lock))
                in_flight.split()
                last_acquired = chunk_first + max_records - 1
                for offset in range(last_acquired + 1, chunk_last + 1):
                    in_flight.offsets[offset] = RecordState(AVAILABLE, 0, None, None)
                self.find_next_fetch_offset = True
                self.cache[chunk_first] = in_flight
                return [(chunk_first, last_acquired, 1)]
        for chunk_first, chunk_last in chunks:
            self.cache[chunk_first] = InFlightBatch(chunk_first, chunk_last, RecordState(ACQUIRED, 1, member_id, lock))
        return [(f, l, 1) for f, l in chunks]

    def _new_lock(self) -> Lock:
        lock = Lock(self.clock.now + self._record_lock_ms())
        lock.timer = self.clock.at(lock.deadline, self._expire, lock)
        return lock

    @staticmethod
    def _acquire_state(state: RecordState, member_id: str, lock: Lock) -> None:
        state.state = ACQUIRED
        state.delivery_count += 1
        state.member_id = member_id
        state.lock = lock

    def _give_back(self, state: RecordState) -> None:
        """A release, an expired lock or a leaving member: Available, or Archived at the limit."""
        state.state = ARCHIVED if state.delivery_count >= self.max_delivery_count else AVAILABLE
        state.member_id = None
        state.lock = None
        self.find_next_fetch_offset = True

    # --- settling -------------------------------------------------------------------------------

    def acknowledge(self, member_id: str, acknowledgements: list[tuple[int, int, list[int]]]) -> str:
        """acknowledgements: (first offset, last offset, [ack type] or one type per offset).
        Returns NONE or Kafka's error code name for the partition; on an error nothing changes."""
        plan = []
        for first, last, types in acknowledgements:
            if len(types) not in (1, last - first + 1) or any(t not in (ACCEPT, RELEASE, REJECT, RENEW) for t in types):
                return INVALID_REQUEST
            for offset in range(first, last + 1):
                batch = self._floor(offset)
                if batch is None or offset > batch.last or offset < self.start_offset:
                    return INVALID_RECORD_STATE
                state = batch.state_at(offset)
                if state.state != ACQUIRED or state.member_id != member_id:
                    return INVALID_RECORD_STATE
                plan.append((batch, offset, types[0] if len(types) == 1 else types[offset - first]))
        changed = False
        whole_batches = {}
        for batch, offset, ack in plan:
            whole_batches.setdefault(id(batch), (batch, set()))[1].add((offset, ack))
        for batch, acks in whole_batches.values():
            kinds = {ack for _offset, ack in acks}
            if batch.offsets is None and len(acks) == batch.last - batch.first + 1 and len(kinds) == 1:
                changed |= self._apply(batch.whole, kinds.pop())
            else:
                batch.split()
                for offset, ack in sorted(acks):
                    changed |= self._apply(batch.offsets[offset], ack)
        if changed:
            self._write_and_move()
        return NONE

    def _apply(self, state: RecordState, ack: int) -> bool:
        if ack == ACCEPT:
            state.state, state.member_id, state.lock = ACKNOWLEDGED, None, None
        elif ack == REJECT:
            state.state, state.member_id, state.lock = ARCHIVED, None, None
        elif ack == RELEASE:
            self._give_back(state)
        else:
            state.lock = self._new_lock()
            return False
        return True

    def _expire(self, lock: Lock) -> None:
        expired = [(o, s) for batch in self.cache.values() for o, s in batch.states()
                   if s.lock is lock and s.state == ACQUIRED]
        seen = set()
        for _offset, state in expired:
            if id(state) not in seen:
                seen.add(id(state))
                self._give_back(state)
        if expired:
            self.on_lock_expired([o for o, _s in expired], [o for o, s in expired if s.state == ARCHIVED])
            self._write_and_move()

    def release_member(self, member_id: str) -> None:
        """The member's share session closed (or it left): its records go back at once."""
        held = {id(s): s for batch in self.cache.values() for _o, s in batch.states()
                if s.state == ACQUIRED and s.member_id == member_id}
        for state in held.values():
            self._give_back(state)
        if held:
            self._write_and_move()

    def _write_and_move(self) -> None:
        # WriteShareGroupState carries the start offset from before this change; the SPSO moves
        # once the write has completed.
        self.persisted = (self.start_offset, self.completed_in_window())
        self._move_start_offset()
        self.on_change()

    def _move_start_offset(self) -> None:
        batch = self._floor(self.start_offset)
        if batch is None or self.start_offset > batch.last:
            return
        if batch.state_at(self.start_offset).state not in TERMINAL:
            return
        last_done = -1
        for batch in self._sorted():
            stop = False
            for offset, state in batch.states():
                if state.state not in TERMINAL:
                    stop = True
                    break
                last_done = offset
            if stop:
                break
        if last_done < 0:
            return
        self.start_offset = last_done + 1
        if last_done >= self.end_offset:
            self.cache.clear()
            self.end_offset = self.start_offset
            self.find_next_fetch_offset = False
        else:
            for first in [k for k, b in self.cache.items() if b.last < self.start_offset]:
                del self.cache[first]


def _last_offset_of_batch_holding(batches, offset: int) -> int:
    """lastOffsetFromBatchWithRequestOffset: the end of the producer batch that holds `offset`."""
    holding = None
    for batch in batches:
        if offset >= batch.base_offset:
            holding = batch
        else:
            break
    if holding is not None and offset <= holding.last_offset:
        return holding.last_offset
    return offset
