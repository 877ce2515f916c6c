"""kafka.consumer.fetcher: Fetch requests to the partitions' leaders, the buffer of completed
fetches, and offset lookups (ListOffsets) for positions to reset.

As in kafka-python, a partition is fetched only while nothing of it is buffered and no fetch to
its leader is in flight; a fetch that finds nothing waits at the broker up to fetch_max_wait_ms.
Records are handed out in the order the fetches completed, at most max_records per poll; what a
poll does not take stays buffered (also for a paused partition, until it is resumed).
"""

from __future__ import annotations

import collections

from ... import errors as Errors
from ...events import display
from ...protocol import fetch as f
from ...protocol.records import PLAIN_TYPES, TXN_TYPES, ControlRecord

def isolation_level(value) -> int:
    """kafka-python's parsing of isolation_level (an IsolationLevel, its value or its name)."""
    if value in (0, 1):
        return int(value)
    name = str(value).strip().upper().replace("-", "_")
    if name not in ("READ_UNCOMMITTED", "READ_COMMITTED"):
        raise Errors.KafkaConfigurationError("Unrecognized isolation_level (erlaubt: 'read_uncommitted', "
                                             "'read_committed')")
    return 0 if name == "READ_UNCOMMITTED" else 1


ConsumerRecord = collections.namedtuple(
    "ConsumerRecord",
    ["topic", "partition", "leader_epoch", "offset", "timestamp", "timestamp_type", "key", "value",
     "headers", "checksum", "serialized_key_size", "serialized_value_size", "serialized_header_size"])

TIMESTAMP_FOR_RESET = {"earliest": f.EARLIEST_TIMESTAMP, "latest": f.LATEST_TIMESTAMP}


class CompletedFetch:
    __slots__ = ("tp", "fetch_offset", "records", "index", "leader_epoch", "next_offset")

    def __init__(self, tp, fetch_offset: int, records, leader_epoch: int, next_offset: int) -> None:
        self.tp = tp
        self.fetch_offset = fetch_offset
        self.records = records
        self.index = 0
        self.leader_epoch = leader_epoch
        # The offset after the last fetched record, control records and skipped aborted ones included:
        # where the position moves once every record handed out was taken (kafka-python's
        # next_fetch_offset).
        self.next_offset = next_offset

    @property
    def delivered_end(self) -> int:
        return self.records[-1][0] + 1 if self.records else self.fetch_offset


def consumable(records, read_committed: bool, aborted) -> list:
    """The records a consumer hands out of a fetched batch, as kafka-python unpacks it: never
    control records (transaction markers), and with read_committed none of an aborted transaction
    (`aborted`: (producer id, first offset) from the Fetch response)."""
    if set(map(type, records)) <= PLAIN_TYPES:
        return records
    pending = collections.deque(sorted(aborted or (), key=lambda entry: entry[1])) if read_committed else None
    aborted_producers: set = set()
    out = []
    for record in records:
        kind = type(record)
        if kind is ControlRecord:
            if pending is not None and not record.commit:
                aborted_producers.discard(record.producer_id)
            continue
        if pending is not None and kind in TXN_TYPES:
            while pending and pending[0][1] <= record[0]:
                aborted_producers.add(pending.popleft()[0])
            if record.producer_id in aborted_producers:
                continue
        out.append(record)
    return out


class Fetcher:
    def __init__(self, env, client_id: str, group_id, manager, metadata, subscription, config: dict, notify) -> None:
        self.env = env
        self.kernel = env.kernel
        self.client_id = client_id
        self.group_id = group_id
        self.manager = manager
        self.metadata = metadata
        self.subscription = subscription
        self.notify = notify
        self.max_wait_ms = int(config["fetch_max_wait_ms"])
        self.min_bytes = int(config["fetch_min_bytes"])
        self.max_bytes = int(config["fetch_max_bytes"])
        self.max_partition_bytes = int(config["max_partition_fetch_bytes"])
        self.retry_backoff_ms = int(config["retry_backoff_ms"])
        # read_committed: fetches stop at the last stable offset, aborted transactions are skipped.
        self.isolation_level = isolation_level(config.get("isolation_level", "read_uncommitted"))
        self._completed: collections.deque[CompletedFetch] = collections.deque()
        self._nodes_in_flight: set[int] = set()
        self._resetting: set = set()
        self._reset_retry_at = 0              # after a failed offset lookup: not before retry_backoff_ms
        self.error: Errors.KafkaError | None = None     # raised by the next poll
        self.consumed = 0
        self.closed = False

    # -- fetching ------------------------------------------------------------------------------
    def _buffered(self) -> set:
        return {c.tp for c in self._completed}

    def send_fetches(self) -> None:
        """One Fetch request per leader with fetchable partitions and no fetch in flight."""
        if self.closed:
            return
        buffered = self._buffered() if self._completed else ()
        by_node: dict[int, dict[str, list]] = {}
        subscription = self.subscription
        for tp, state in subscription.assignment.items():
            if state.paused or state.position is None or tp in buffered:
                continue
            leader = self.metadata.leader_for_partition(tp)
            if leader is None or leader == -1:
                self.manager.request_metadata_update()
                continue
            if leader in self._nodes_in_flight:
                continue
            by_node.setdefault(leader, {}).setdefault(tp[0], []).append(
                f.FetchPartition(tp[1], self.metadata.leader_epoch_for_partition(tp), state.position,
                                 self.max_partition_bytes))
        for node, topics in by_node.items():
            if not self.manager.ready(node):
                continue                      # connecting; the next poll tries again
            request = f.FetchRequest(-1, self.max_wait_ms, self.min_bytes, self.max_bytes, self.isolation_level,
                                     [f.FetchTopic(t, parts) for t, parts in topics.items()])
            self._nodes_in_flight.add(node)
            self.manager.send(node, request, lambda response, error, node=node, request=request:
                              self._on_fetch(node, request, response, error))

    def in_flight(self) -> bool:
        return bool(self._nodes_in_flight)

    def _on_fetch(self, node: int, request, response, error) -> None:
        self._nodes_in_flight.discard(node)
        if self.closed:
            return
        if error is not None:
            self.manager.request_metadata_update()
            self.notify()
            return
        requested = {(t.topic, p.partition): p.fetch_offset for t in request.topics for p in t.partitions}
        subscription = self.subscription
        for topic in response.responses:
            for part in topic.partitions:
                tp = (topic.topic, part.partition_index)
                state = subscription.assignment.get(tp)
                fetch_offset = requested.get(tp)
                if state is None or state.position != fetch_offset:
                    continue                  # unassigned or moved (seek) meanwhile: drop
                code = part.error_code
                if code == 0:
                    state.highwater = part.high_watermark
                    state.log_start_offset = part.log_start_offset
                    raw = part.records
                    if raw:
                        records = consumable(raw, self.isolation_level == 1, part.aborted_transactions)
                        self._completed.append(CompletedFetch(tp, fetch_offset, records, part.leader_epoch,
                                                              raw[-1][0] + 1))
                elif code == Errors.OffsetOutOfRangeError.errno:
                    self._offset_out_of_range(tp, fetch_offset)
                elif code in (Errors.NotLeaderForPartitionError.errno, Errors.UnknownTopicOrPartitionError.errno,
                              Errors.LeaderNotAvailableError.errno, Errors.FencedLeaderEpochError.errno,
                              Errors.UnknownLeaderEpochError.errno):
                    self.manager.request_metadata_update()
                else:
                    self.error = Errors.for_code(code)()
        self.notify()

    def _offset_out_of_range(self, tp, offset: int) -> None:
        strategy = self.subscription.default_reset
        if strategy == "none":
            self.error = Errors.OffsetOutOfRangeError({tp: offset})
            return
        self.env.trace.emit("offset.reset", topic=tp[0], partition=tp[1], offset=offset, client_id=self.client_id,
                            policy=strategy)
        self.subscription.request_reset(tp)

    def fetched_records(self, max_records: int, update_offsets: bool = True) -> list[tuple]:
        """[(tp, [records], leader epoch)] buffered for fetchable partitions, at most max_records."""
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        out = []
        remaining = max_records
        assignment = self.subscription.assignment
        paused = collections.deque()
        completed = self._completed
        while completed and remaining > 0:
            fetch = completed.popleft()
            state = assignment.get(fetch.tp)
            if state is None or state.position is None:
                continue                      # no longer ours, or being reset: drop
            if state.paused:
                paused.append(fetch)          # stays buffered until resume()
                continue
            records = fetch.records
            start = fetch.index
            position = state.position
            while start < len(records) and records[start][0] < position:
                start += 1                    # taken meanwhile (the iterator moves positions itself)
            if start >= len(records):
                if position == fetch.delivered_end and fetch.next_offset > position:
                    # Everything handed out is taken; what followed were control records or
                    # aborted ones: the position moves past them (kafka-python, no records left).
                    state.position = fetch.next_offset
                continue                      # exhausted
            if position < (records[start - 1][0] + 1 if start else fetch.fetch_offset):
                continue                      # stale after a seek
            # (position may lie below records[start]: control or aborted records were skipped.)
            chunk = records[start:start + remaining]
            fetch.index = start + len(chunk)
            remaining -= len(chunk)
            out.append((fetch.tp, chunk, fetch.leader_epoch))
            if fetch.index < len(records):
                if update_offsets:
                    state.position = chunk[-1][0] + 1
                completed.appendleft(fetch)   # the rest is first in line next time
                break
            if update_offsets:
                state.position = fetch.next_offset
            elif fetch.next_offset > fetch.delivered_end:
                completed.appendleft(fetch)   # the iterator takes the records; then the position moves on
                break
        if paused:
            paused.extend(completed)
            self._completed = paused
        if out:
            self._account(out)
        return out

    def _account(self, out: list) -> None:
        count = sum(len(chunk) for _tp, chunk, _e in out)
        self.consumed += count
        env = self.env
        env.metrics_consumed += count
        trace = env.trace
        if not getattr(trace, "record_events", True):
            return
        for tp, chunk, _epoch in out:
            first = chunk[0]
            trace.emit("record.fetched", topic=tp[0], partition=tp[1], offset=first[0], count=len(chunk),
                       client_id=self.client_id, group=self.group_id, key=display(first[2]),
                       value=display(first[3]))

    def clear_buffered(self, tps=None) -> None:
        if tps is None:
            self._completed.clear()
        else:
            tps = set(tps)
            self._completed = collections.deque(c for c in self._completed if c.tp not in tps)

    # -- offsets -------------------------------------------------------------------------------
    def reset_offsets_if_needed(self) -> None:
        """ListOffsets for the partitions waiting for an offset reset (earliest / latest)."""
        pending = [tp for tp in self.subscription.awaiting_reset() if tp not in self._resetting]
        if not pending or self.kernel.now < self._reset_retry_at:
            return
        by_node: dict[int, list] = {}
        for tp in pending:
            leader = self.metadata.leader_for_partition(tp)
            if leader is None or leader == -1:
                self.manager.request_metadata_update()
                continue
            by_node.setdefault(leader, []).append(tp)
        for node, tps in by_node.items():
            if not self.manager.ready(node):
                continue                      # connecting (or in backoff); the next poll tries again
            strategies = {tp: self.subscription.assignment[tp].reset_strategy for tp in tps}
            self._resetting.update(tps)
            self.list_offsets(node, {tp: TIMESTAMP_FOR_RESET[strategies[tp]] for tp in tps},
                              lambda result, error, strategies=strategies: self._reset_done(strategies, result, error))

    def _reset_done(self, strategies: dict, result: dict | None, error) -> None:
        self._resetting.difference_update(strategies)
        if self.closed:
            return
        if error is not None or result is None:
            self.manager.request_metadata_update()
            self._reset_retry_at = self.kernel.now + self.retry_backoff_ms
        else:
            for tp, (code, offset, _ts, _epoch) in result.items():
                state = self.subscription.assignment.get(tp)
                if state is None or state.reset_strategy != strategies.get(tp):
                    continue
                if code == 0:
                    state.position = offset
                    state.reset_strategy = None
                else:
                    self.manager.request_metadata_update()
                    self._reset_retry_at = self.kernel.now + self.retry_backoff_ms
        self.notify()

    def list_offsets(self, node: int, timestamps: dict, callback) -> None:
        """One ListOffsets request; callback({tp: (error code, offset, timestamp, leader epoch)}, error)."""
        by_topic: dict[str, list] = {}
        for (topic, partition), ts in timestamps.items():
            by_topic.setdefault(topic, []).append(f.ListOffsetsPartition(partition, -1, ts))
        request = f.ListOffsetsRequest(-1, self.isolation_level, [f.ListOffsetsTopic(t, ps) for t, ps in by_topic.items()])

        def done(response, error):
            if error is not None:
                callback(None, error)
                return
            callback({(t.name, p.partition_index): (p.error_code, p.offset, p.timestamp, p.leader_epoch)
                      for t in response.topics for p in t.partitions}, None)

        self.manager.send(node, request, done)
