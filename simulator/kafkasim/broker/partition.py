"""One partition: leader, followers, ISR, high watermark, leader election, replication.

The log is shared by all replicas (see log.py); each replica is described by its log end offset.
Followers replicate by fetching from the leader one network hop after an append (follower_leo:
what they hold); the leader learns their log end offsets with their next fetch, one hop later
(replica_leo: what the leader knows). The high watermark is the smallest known log end offset in
the ISR. Produce requests with acks=all wait
until the high watermark passes them; fetches that found nothing wait for it to move.
"""

from __future__ import annotations

from .. import errors
from ..events import display
from ..protocol.network import NET_MS
from ..protocol.records import BATCH_OVERHEAD, ControlRecord, record_size
from .log import Log
from .producer_state import PartitionTxnState

# Batches an idempotent producer may have in flight; the broker remembers that many per producer.
PRODUCER_STATE_BATCHES = 5


class Waiter:
    """An acks=all produce request parked until the high watermark reaches `need`."""

    __slots__ = ("need", "base", "respond", "timer")

    def __init__(self, need: int, base: int, respond) -> None:
        self.need = need
        self.base = base
        self.respond = respond
        self.timer = None


class Partition:
    __slots__ = ("cluster", "topic", "index", "replicas", "isr", "leader", "leader_epoch", "log",
                 "replica_leo", "follower_leo", "hw", "caught_up_ms", "waiters", "producers", "_repl_pending",
                 "label", "rejected_event_ms", "fetch_waiters", "txn")

    def __init__(self, cluster, topic, index: int, replicas: list[int]) -> None:
        self.cluster = cluster
        self.topic = topic
        self.index = index
        self.label = f"{topic.name}-{index}"
        self.replicas = replicas
        self.isr = list(replicas)
        self.leader: int | None = replicas[0]
        self.leader_epoch = 0
        self.log = Log(cluster.kernel.now)
        self.replica_leo = {b: 0 for b in replicas}
        self.follower_leo = {b: 0 for b in replicas}
        self.hw = 0
        self.caught_up_ms = {b: cluster.kernel.now for b in replicas}
        self.waiters: list[Waiter] = []
        self.fetch_waiters: list = []           # DelayedFetch objects of the replica manager
        # producer id → [(epoch, first_seq, last_seq, base_offset)], newest last
        self.producers: dict[int, list[tuple[int, int, int, int]]] = {}
        self._repl_pending = False
        self.rejected_event_ms = -10**9
        self.txn = PartitionTxnState()

    def _emit(self, kind: str, **details) -> None:
        # __consumer_offsets has 50 partitions: their elections and ISR changes would drown the
        # learner's own topics; the group coordinator events say what matters about them.
        if not self.topic.internal:
            self.cluster.trace.emit(kind, topic=self.topic.name, partition=self.index, **details)

    # -- state ---------------------------------------------------------------------------------
    @property
    def log_end_offset(self) -> int:
        return self.log.log_end_offset

    @property
    def last_stable_offset(self) -> int:
        """What a read_committed consumer may read up to: the HW, or the start of the oldest open
        (or not yet replicated) transaction below it."""
        txn = self.txn
        if not txn.ongoing and not txn.unreplicated:
            return self.hw
        return txn.last_stable_offset(self.hw)

    def leader_alive(self) -> bool:
        return self.leader is not None and self.cluster.brokers[self.leader].state == "running"

    def effective_min_isr(self) -> int:
        """Kafka's effectiveMinIsr: min.insync.replicas, but never more than the partition's replicas."""
        return min(self.topic.config["min.insync.replicas"], len(self.replicas))

    def _recompute_hw(self) -> None:
        # Kafka 4.x "strict min ISR" (KIP-966): the high watermark does not advance while the ISR is
        # smaller than min.insync.replicas (capped at the replica count), so an acks=1 record written
        # then stays invisible to consumers until a follower is back in the ISR.
        if len(self.isr) < self.effective_min_isr():
            return
        leo = self.replica_leo
        new_hw = min(leo[b] for b in self.isr) if self.isr else self.hw
        if self.leader is not None:
            new_hw = min(new_hw, leo[self.leader])
        if new_hw > self.hw:
            self.hw = new_hw
            self.cluster.data_version += 1
            if self.waiters:
                self._complete_waiters()
            if self.fetch_waiters:
                self.cluster.replicas.partition_readable(self)

    def _complete_waiters(self) -> None:
        hw = self.hw
        done = [w for w in self.waiters if w.need <= hw]
        if not done:
            return
        self.waiters = [w for w in self.waiters if w.need > hw]
        for w in done:
            if w.timer is not None:
                w.timer.cancel()
            w.respond(None, w.base)

    def fail_waiters(self, error: errors.KafkaError) -> None:
        waiters, self.waiters = self.waiters, []
        for w in waiters:
            if w.timer is not None:
                w.timer.cancel()
            w.respond(error, -1)
        if self.fetch_waiters:
            self.cluster.replicas.partition_readable(self)

    # -- produce -------------------------------------------------------------------------------
    def append_as_leader(self, batch, acks: int, timeout_ms: int, client_id: str, respond) -> None:
        """The leader's side of one partition of a Produce request; `respond(error | None, base)`."""
        cluster = self.cluster
        config = self.topic.config
        records = batch.records
        size = batch.size if batch.size is not None else sum(record_size(r[1], r[2]) for r in records)
        if size + BATCH_OVERHEAD > config["max.message.bytes"]:
            respond(errors.MessageSizeTooLargeError(
                "The request included a message larger than the max message size the server will accept."), -1)
            return
        if "compact" in config["cleanup.policy"] and any(r[1] is None for r in records):
            respond(errors.InvalidRecordError(
                f"Ein kompaktiertes Topic ({self.topic.name}) nimmt keine Datensätze ohne Schlüssel an."), -1)
            return
        if acks == -1 and len(self.isr) < self.effective_min_isr():
            now = cluster.kernel.now
            if now - self.rejected_event_ms >= 1000:      # one explanation per second is enough
                self.rejected_event_ms = now
                cluster.trace.emit("produce.rejected", topic=self.topic.name, partition=self.index,
                                   broker=self.leader, isr=list(self.isr),
                                   min_insync_replicas=config["min.insync.replicas"], error="NotEnoughReplicasError")
            respond(errors.NotEnoughReplicasError(
                f"Messages are rejected since there are fewer in-sync replicas than required. "
                f"ISR={self.isr}, min.insync.replicas={config['min.insync.replicas']}"), -1)
            return
        producer_id = batch.producer_id
        if producer_id >= 0:
            newer = self.txn.fenced_epoch(producer_id, batch.producer_epoch)
            if newer is not None:
                respond(errors.InvalidProducerEpochError(
                    f"Producer-Epoche {batch.producer_epoch} ist älter als {newer} ({self.label})."), -1)
                return
            dup = self._check_sequence(producer_id, batch.producer_epoch, batch.base_sequence, len(records))
            if dup is not None:
                if isinstance(dup, errors.KafkaError):
                    respond(dup, -1)
                    return
                cluster.trace.emit("produce.duplicate", topic=self.topic.name, partition=self.index,
                                   broker=self.leader, offset=dup, client_id=client_id)
                respond(None, dup)
                return
        transactional = producer_id >= 0 and batch.is_transactional
        base = self.append(records, acks, size, batch.max_timestamp, producer_id if transactional else None)
        if transactional:
            self.txn.appended(producer_id, base)
        self._remember_sequence(batch, base, len(records))
        if acks == -1:
            need = base + len(records)
            if self.hw >= need:
                respond(None, base)
            else:
                waiter = Waiter(need, base, respond)
                waiter.timer = cluster.kernel.schedule(timeout_ms, self._expire_waiter, waiter)
                self.waiters.append(waiter)
        else:
            respond(None, base)
        # The followers' fetches, parked at the leader, get the records now and hold them one hop
        # later; the answer to the producer, sent first, arrives first.
        self.wake_followers()

    def _remember_sequence(self, batch, base: int, count: int) -> None:
        producer_id = batch.producer_id
        if producer_id >= 0:
            history = self.producers.setdefault(producer_id, [])
            history.append((batch.producer_epoch, batch.base_sequence, batch.base_sequence + count - 1, base))
            if len(history) > PRODUCER_STATE_BATCHES:
                del history[0]

    def _check_sequence(self, producer_id: int, epoch: int, base_seq: int, count: int):
        history = self.producers.get(producer_id)
        if not history:
            return None
        last_epoch = history[-1][0]
        if epoch < last_epoch:
            return errors.InvalidProducerEpochError(
                f"Producer-Epoche {epoch} ist älter als {last_epoch} ({self.label}).")
        if epoch > last_epoch:
            return None                          # a new epoch starts its sequence numbers afresh
        for _epoch, first, last, offset in history:
            if first == base_seq and last == base_seq + count - 1:
                return offset
        expected = history[-1][2] + 1
        if base_seq > expected:
            return errors.OutOfOrderSequenceNumberError(
                f"Sequenznummer {base_seq} erwartet {expected} ({self.label}).")
        return None

    def _expire_waiter(self, waiter: Waiter) -> None:
        if waiter in self.waiters:
            self.waiters.remove(waiter)
            waiter.respond(errors.RequestTimedOutError(
                f"Die ISR von {self.label} hat die Datensätze nicht rechtzeitig bestätigt."), -1)

    def append(self, records: list, acks: int | None = None, size: int | None = None,
               max_timestamp: int | None = None, producer_id: int | None = None) -> int:
        """Writes [(timestamp, key, value, headers), ...] at the leader; returns the base offset.
        `acks` (-1, 0 or 1) of the produce request goes into the event; `producer_id` marks a
        transactional batch."""
        cluster = self.cluster
        now = cluster.kernel.now
        config = self.topic.config
        append_time = cluster.wall_ms() if config["message.timestamp.type"] == "LogAppendTime" else None
        segment_bytes = config["internal.segment.bytes"] or config["segment.bytes"]
        base = self.log.append(records, now, config["segment.ms"], segment_bytes, append_time=append_time,
                               size=size, max_timestamp=max_timestamp, producer_id=producer_id)
        self._leader_appended()
        cluster.metrics_produced += len(records)
        if cluster.record_events:
            _ts, key, value, _h = records[0]
            cluster.trace.emit("record.appended", topic=self.topic.name, partition=self.index,
                               broker=self.leader, offset=base, count=len(records),
                               key=display(key), value=display(value), acks=acks)
        if len(self.isr) == 1 and self.isr[0] == self.leader:
            self._recompute_hw()
        return base

    def write_marker(self, producer_id: int, producer_epoch: int, commit: bool) -> int | None:
        """The transaction coordinator's COMMIT or ABORT marker for `producer_id` (a control record
        with an offset of its own); None when the partition has no live leader to write it."""
        if not self.leader_alive():
            return None
        cluster = self.cluster
        config = self.topic.config
        segment_bytes = config["internal.segment.bytes"] or config["segment.bytes"]
        offset = self.log.append_control(cluster.wall_ms(), cluster.kernel.now, config["segment.ms"], segment_bytes,
                                         producer_id, producer_epoch, commit)
        self.txn.completed(producer_id, producer_epoch, offset, commit)
        self._leader_appended()
        self._emit("txn.marker", broker=self.leader, offset=offset, producer_id=producer_id, commit=commit)
        if len(self.isr) == 1 and self.isr[0] == self.leader:
            self._recompute_hw()
        self.wake_followers()
        return offset

    def _leader_appended(self) -> None:
        now = self.cluster.kernel.now
        leo = self.log.log_end_offset
        self.replica_leo[self.leader] = leo
        self.follower_leo[self.leader] = leo
        self.caught_up_ms[self.leader] = now

    # -- replication ---------------------------------------------------------------------------
    def replicate(self) -> None:
        """A fetch round: every running follower takes what the leader has beyond its log end.

        The leader learns the followers' new log end offsets with their next fetch request (one
        hop later, they long-poll); only then do the ISR and the high watermark move.
        """
        self._repl_pending = False
        if not self.leader_alive():
            return
        cluster = self.cluster
        brokers = cluster.brokers
        leo = self.log.log_end_offset
        now = cluster.kernel.now
        unknown = False
        for b in self.replicas:
            if b == self.leader or brokers[b].state != "running":
                continue
            before = max(self.follower_leo[b], self.log.log_start_offset)
            self.follower_leo[b] = leo
            self.caught_up_ms[b] = now
            if leo > before and cluster.record_events:
                self._emit("replica.fetched", broker=b, leader=self.leader, offset=before, count=leo - before)
            if leo > before:
                cluster.network.requests.replica_fetch(b, self.leader, self.topic.name, self.index, leo, leo - before)
            # Every follower fetch carries its fetch offset. A follower that held these records
            # before the leader heard of them (it went down between its fetch and the next one)
            # fetches nothing new, yet its next fetch still tells the leader where it stands.
            unknown = unknown or self.replica_leo[b] != leo
        if unknown or any(b not in self.isr for b in self.replicas):
            cluster.kernel.schedule(NET_MS, self._leader_learns)

    def _leader_learns(self) -> None:
        """The followers' next fetch requests tell the leader their log end offsets."""
        if not self.leader_alive():
            return
        cluster = self.cluster
        for b in self.replicas:
            if b != self.leader and cluster.brokers[b].state == "running":
                self.replica_leo[b] = self.follower_leo[b]
        for b in self.replicas:
            if b in self.isr or cluster.brokers[b].state != "running":
                continue
            if self.replica_leo[b] >= self.hw and cluster.controller_id is not None:
                self.isr.append(b)
                self.isr.sort(key=self.replicas.index)
                self._emit("isr.expanded", broker=b, isr=list(self.isr))
        self._recompute_hw()

    def wake_followers(self) -> None:
        if not self._repl_pending and len(self.replicas) > 1:
            self._repl_pending = True
            self.cluster.kernel.schedule(NET_MS, self.replicate)

    def shrink_isr(self, broker_id: int, reason: str) -> None:
        """Removes a replica from the ISR (never the last one, as KRaft keeps it for recovery)."""
        if broker_id not in self.isr or len(self.isr) <= 1:
            return
        self.isr.remove(broker_id)
        self._emit("isr.shrunk", broker=broker_id, isr=list(self.isr), reason=reason)
        if self.waiters and len(self.isr) < self.effective_min_isr():
            # The records are written, but fewer replicas than required hold them.
            waiters, self.waiters = self.waiters, []
            for w in waiters:
                if w.timer is not None:
                    w.timer.cancel()
                w.respond(errors.NotEnoughReplicasAfterAppendError(
                    f"{self.label}: Datensätze geschrieben, aber die ISR ist auf {self.isr} geschrumpft."), -1)
        self._recompute_hw()

    def elect_leader(self, reason: str, preferred: int | None = None, unclean: bool = False) -> None:
        """Picks a new leader: first replica (in assignment order) that is alive and in the ISR
        (`unclean`: an administrator's unclean election, whatever the topic's setting says)."""
        cluster = self.cluster
        alive = [b for b in self.replicas if cluster.brokers[b].state == "running" and not cluster.brokers[b].fenced]
        candidates = [b for b in alive if b in self.isr]
        unclean = False
        if preferred is not None and preferred in candidates:
            new_leader = preferred
        elif candidates:
            new_leader = candidates[0]
        elif alive and (unclean or self.topic.config["unclean.leader.election.enable"]):
            new_leader = alive[0]
            unclean = True
        else:
            new_leader = None
        old = self.leader
        if new_leader == old:
            return
        self.leader = new_leader
        cluster.metadata_version += 1
        self.leader_epoch += 1
        if self.waiters or self.fetch_waiters:
            self.fail_waiters(errors.NotLeaderForPartitionError(f"Leaderwechsel bei {self.label}."))
        if self.topic.internal and self.topic.name == "__consumer_offsets":
            cluster.groups.offsets_leader_changed(self.index, new_leader)
        if new_leader is None:
            self._emit("leader.lost", broker=None, isr=list(self.isr), leader_epoch=self.leader_epoch)
            return
        lost = 0
        new_leo = self.follower_leo[new_leader]
        if new_leo < self.log.log_end_offset:
            # Followers truncate to the new leader's log: what only the old leader had is gone.
            lost = self.log.truncate_to(max(new_leo, self.log.log_start_offset))
            end = self.log.log_end_offset
            for leos in (self.replica_leo, self.follower_leo):
                for b, leo in leos.items():
                    if leo > end:
                        leos[b] = end
            self.txn.truncated(end)
            for pid in list(self.producers):
                self.producers[pid] = [h for h in self.producers[pid] if h[3] < self.log.log_end_offset]
        # The new leader knows its own log end; what it knows of the others comes with their fetches.
        self.replica_leo[new_leader] = self.follower_leo[new_leader]
        if unclean:
            self.isr = [new_leader]
            self.hw = min(self.hw, self.log.log_end_offset)
        self._emit("leader.elected", broker=new_leader, previous=old, leader_epoch=self.leader_epoch,
                   unclean=unclean, truncated=lost, reason=reason)
        self._recompute_hw()
        cluster.data_version += 1
        self.wake_followers()

    # -- snapshot ------------------------------------------------------------------------------
    def snapshot(self, max_records: int) -> dict:
        """The partition for the page. With transactions: `last_stable_offset` (what read_committed
        consumers read up to), `open_transactions` [{producer_id, first_offset}], and per record
        `marker` ("commit"/"abort": a control record), `aborted` (a record of an aborted
        transaction) or `open` (of a transaction not decided yet); plain records carry none of these."""
        records = []
        txn = self.txn
        if max_records > 0:
            start = self.log.log_start_offset
            for record in self.log.tail(max_records):
                offset, ts, key, value, _h = record
                if offset < start:
                    continue
                entry = {"offset": offset, "key": display(key), "value": display(value), "timestamp": ts}
                producer_id = getattr(record, "producer_id", None)
                if producer_id is not None:
                    _mark_transactional(entry, record, producer_id, txn)
                records.append(entry)
        return {
            "partition": self.index,
            "leader": self.leader,
            "leader_epoch": self.leader_epoch,
            "replicas": list(self.replicas),
            "isr": list(self.isr),
            "log_start_offset": self.log.log_start_offset,
            "high_watermark": self.hw,
            "log_end_offset": self.log.log_end_offset,
            "replica_log_end_offsets": {str(b): self.replica_leo[b] for b in self.replicas},
            "last_stable_offset": self.last_stable_offset,
            "open_transactions": [{"producer_id": pid, "first_offset": first}
                                  for pid, first in sorted(txn.ongoing.items(), key=lambda item: item[1])],
            "records": records,
        }


def _mark_transactional(entry: dict, record, producer_id: int, txn) -> None:
    offset = record[0]
    if isinstance(record, ControlRecord):
        entry["marker"] = "commit" if record.commit else "abort"
    elif any(pid == producer_id and first <= offset <= last for pid, first, last in txn.aborted):
        entry["aborted"] = True
    elif txn.ongoing.get(producer_id, offset + 1) <= offset:
        entry["open"] = True
