"""The event trace: every state change as a structured event, with its German narration.

Events are plain dicts (JSON-ready) kept in a ring buffer; `seq` keeps counting past the buffer.
Every event has "seq", "t" (simulated ms), "kind" and "text"; details depend on the kind. The
emitter passes kind and details; the text comes from narration.py.
Record payloads are shown as display strings: UTF-8 text, else the repr of the bytes.

Kinds (details in brackets), emitted by broker/ unless marked (client) or (page):
  cluster.started [brokers, controller]          controller.elected / controller.lost [controller, previous]
  broker.crashed [broker, session_timeout_ms]    broker.fenced [broker, controller, reason]
  broker.stopping / broker.stopped / broker.started [broker]
  topic.created [topic, partitions, replication_factor, leaders, auto | internal]
  topic.deleted [topic]   topic.partitions_added [topic, partitions, previous]   topic.config_changed [topic, config]
  record.appended [topic, partition, broker, offset, count, key, value, acks]   (one per batch: key/value of its
                   first record; acks of the produce request: -1, 0 or 1)
  replica.fetched [topic, partition, broker, leader, offset, count]   (a follower copied records)
  leader.elected [topic, partition, broker, previous, leader_epoch, unclean, truncated, reason]
  leader.lost [topic, partition, broker, isr, leader_epoch]
  isr.shrunk / isr.expanded [topic, partition, broker, isr, reason?]
  retention.deleted [topic, partition, count, log_start_offset, previous, retention_ms, retention_bytes]
  records.deleted [topic, partition, log_start_offset, previous]   compaction.done [topic, partition, count]
  produce.rejected [topic, partition, broker, isr, min_insync_replicas, error]
  produce.duplicate [topic, partition, broker, offset, client_id]
  group.joined [group, member, client_id]   group.left / group.member_expired [group, member, client_id, reason]
  group.rebalance [group, state, reason, delay_ms?]
  group.generation [group, generation, leader, leader_client_id, member_count, protocol, state]
  group.assigned [group, member, client_id, generation, assignment]   group.stable [group, generation, members]
  group.empty / group.deleted [group, state]
  group.coordinator_lost / group.coordinator_moved [group, coordinator, partition_label?]
  offset.committed [group, topic, partition, offset, member, client_id]
  txn.initialized [transactional_id, producer_id, epoch]
  txn.ended [transactional_id, producer_id, commit, reason (client | timeout | fenced), partitions, timeout_ms]
  txn.marker [topic, partition, broker, offset, producer_id, commit]   (a control record took an offset)
  (client) producer.created [client_id, acks, idempotent]
  (client) produce.held [topic, partition, client_id, broker, delivery_timeout_ms]   (records wait for a leader)
  (client) produce.retry [topic, partition, client_id, error, attempt]   produce.failed [… error, count]
  (client) record.fetched [topic, partition, offset, count, client_id, group, key, value]
  (client) offset.reset [topic, partition, offset, client_id, policy]
  (client) group.poll_timeout [group, member, client_id, max_poll_interval_ms]
  (page) ticker.started [ticker, topic, rate_per_s, symbols]   ticker.stopped [ticker]
  (page) consumer.error [client_id, error]   action.failed [action, error]
  (page) consumer.revoked [client_id, group, partitions, kept, protocol ("eager" | "cooperative")]
         (a page consumer's rebalance listener: what it gives up, and keeps)
"""

from __future__ import annotations

from collections import deque

from .narration import narrate, short  # noqa: F401 - short is part of this module's interface

MAX_EVENTS = 5000


def display(data) -> str | None:
    """Key/value as the UI shows them: text if it is UTF-8, else the bytes' repr."""
    if data is None:
        return None
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return repr(bytes(data))


class EventLog:
    __slots__ = ("_buffer", "seq", "_clock", "listeners")

    def __init__(self, clock, maxlen: int = MAX_EVENTS) -> None:
        self._buffer: deque[dict] = deque(maxlen=maxlen)
        self.seq = 0
        self._clock = clock
        # Callables receiving each event as it happens (the runner collects a script's events).
        self.listeners: list = []

    def emit(self, kind: str, text: str | None = None, **details) -> dict:
        self.seq += 1
        if text is None:
            text = narrate(kind, details)
        event = {"seq": self.seq, "t": self._clock.now, "kind": kind, "text": text}
        event.update(details)
        self._buffer.append(event)
        for listener in self.listeners:
            listener(event)
        return event

    def since(self, seq: int = 0) -> list[dict]:
        if seq <= 0:
            return list(self._buffer)
        return [e for e in self._buffer if e["seq"] > seq]
