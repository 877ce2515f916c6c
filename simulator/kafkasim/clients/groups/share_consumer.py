"""A share consumer with explicit acknowledgement, as Kafka's KafkaShareConsumer uses the protocol.

It joins its share group with ShareGroupHeartbeat (epoch 0, a member id of its own) and keeps
heart-beating in the interval the broker names; `poll` is one ShareFetch (waiting on simulated
time up to `max_wait_ms` when nothing is there); `acknowledge` remembers accept / release /
reject / renew per record and `commit` sends them in one ShareAcknowledge; `close` ends the
share session (the broker gives back what the member still holds) and leaves the group.

Like the Java client in explicit mode, it refuses to poll while records from the last poll are
not acknowledged, and it acquires only inside `poll` (no fetching ahead). A ShareFetch answered
with NOT_LEADER_OR_FOLLOWER names the current leader; as the Java client takes it from the answer's
CurrentLeader (KIP-951), the consumer asks that broker next, within the same `poll`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...protocol.ids import Uuid
from ...protocol.share import ACK_TYPES, FINAL_EPOCH, ShareAcknowledgeRequest, ShareFetchRequest, \
    ShareGroupHeartbeatRequest, error_name, next_epoch
from .member import GroupMemberClient, MemberError

NOT_LEADER_OR_FOLLOWER = 6



class ShareConsumerError(MemberError):
    """A wrong use of the share consumer or an error the broker returned; the message is German."""


@dataclass(frozen=True)
class ShareRecord:
    topic: str
    partition: int
    offset: int
    delivery_count: int
    value: object


class ShareConsumer(GroupMemberClient):
    error_class = ShareConsumerError

    def __init__(self, env, node_id: int, name: str, group_id: str, topic: str, *, max_poll_records: int = 500,
                 acquire_mode: str = "batch_optimized") -> None:
        if acquire_mode not in ("batch_optimized", "record_limit"):
            raise ShareConsumerError(f"share.acquire.mode={acquire_mode} gibt es nicht "
                                     "(erlaubt: batch_optimized, record_limit).")
        if max_poll_records < 1:
            raise ShareConsumerError("max.poll.records muss mindestens 1 sein.")
        super().__init__(env, node_id, name)
        self.group_id = group_id
        self.topic = topic
        self.max_poll_records = max_poll_records
        self.record_limit = acquire_mode == "record_limit"
        self.member_id = str(Uuid.random(env.kernel.rng))
        self.member_epoch = 0
        self.session_epoch = 0
        self.assigned: list[tuple] = []
        self.in_session: list[tuple] = []
        self.held: dict[tuple[int, int], ShareRecord] = {}
        self.acks: dict[tuple, list] = {}

    # --- membership ---------------------------------------------------------------------------

    def join(self) -> None:
        self.heartbeat()

    def heartbeat_request(self):
        return ShareGroupHeartbeatRequest(
            group_id=self.group_id, member_id=self.member_id, member_epoch=self.member_epoch,
            subscribed_topic_names=[self.topic] if self.member_epoch == 0 else None)

    def on_heartbeat(self, response) -> int:
        if response.error_code:
            raise ShareConsumerError(response.error_message or f"{self.name}: der Broker lehnt den Heartbeat ab "
                                     f"({error_name(response.error_code)}).")
        self.member_epoch = response.member_epoch
        if response.assignment is not None:
            self.assigned = [(topic_id, p) for topic_id, partitions in response.assignment for p in partitions]
        return response.heartbeat_interval_ms

    # --- fetching -------------------------------------------------------------------------------

    def poll(self, max_wait_ms: int = 5000) -> list[ShareRecord]:
        """One fetch: the records this member acquired (possibly none after `max_wait_ms`)."""
        self._check_open()
        if self.held:
            raise ShareConsumerError(
                f"{self.name} hält noch {len(self.held)} unbestätigte Datensätze. Im expliziten Modus müssen "
                "alle Datensätze des letzten Abrufs bestätigt werden (annehmen, freigeben oder ablehnen), "
                "bevor der nächste Abruf kommt.")
        # Kafka's delayed share fetch: the request waits at the broker until records can be
        # acquired or max_wait_ms has passed.
        asked = self.node_id
        records = self._fetch(max(0, max_wait_ms))
        if not records and self.node_id != asked:
            records = self._fetch(max(0, max_wait_ms))     # once more, at the leader it was sent to
        return records

    def _fetch(self, max_wait_ms: int) -> list[ShareRecord]:
        add = [tp for tp in self.assigned if tp not in self.in_session]
        forget = [tp for tp in self.in_session if tp not in self.assigned]
        request = ShareFetchRequest(
            group_id=self.group_id, member_id=self.member_id, share_session_epoch=self.session_epoch,
            max_wait_ms=max_wait_ms, max_records=self.max_poll_records, batch_size=self.max_poll_records,
            share_acquire_mode=1 if self.record_limit else 0, topics=tuple(add), forgotten_topics_data=tuple(forget),
            acknowledgements=self._take_acks())
        response = self.call(request)
        if response.error_code:
            raise ShareConsumerError(f"{self.name}: der Abruf scheitert ({error_name(response.error_code)}).")
        self.session_epoch = next_epoch(self.session_epoch)
        self.in_session = [tp for tp in self.in_session if tp not in forget] + add
        records = []
        for data in response.responses:
            leader = data.current_leader[0] if data.current_leader else -1
            if data.error_code == NOT_LEADER_OR_FOLLOWER and leader >= 0:
                self.node_id = leader
            values = dict(data.records)
            for first, last, count in data.acquired_records:
                for offset in range(first, last + 1):
                    record = ShareRecord(self.topic, data.partition_index, offset, count, values.get(offset))
                    self.held[(data.partition_index, offset)] = record
                    records.append(record)
        return sorted(records, key=lambda r: (r.partition, r.offset))

    # --- acknowledging ----------------------------------------------------------------------------

    def acknowledge(self, partition: int, offset: int, kind: str = "accept") -> None:
        self._check_open()
        if kind not in ACK_TYPES:
            raise ShareConsumerError(f"Unbekannte Bestätigung {kind!r}; erlaubt: accept (annehmen), "
                                     "release (freigeben), reject (ablehnen), renew (Sperre verlängern).")
        if (partition, offset) not in self.held:
            raise ShareConsumerError(f"{self.name} hält keinen Datensatz p{partition}@{offset}.")
        self.held.pop((partition, offset))
        tp = next(tp for tp in self.in_session if tp[1] == partition)
        self.acks.setdefault(tp, []).append((offset, offset, [ACK_TYPES[kind]]))

    def acknowledge_all(self, kind: str = "accept") -> None:
        for partition, offset in sorted(self.held):
            self.acknowledge(partition, offset, kind)

    def _take_acks(self):
        acks, self.acks = self.acks, {}
        return acks or None

    def commit(self) -> dict[int, str]:
        """Sends the acknowledgements (ShareAcknowledge); per partition "ok" or Kafka's error code."""
        self._check_open()
        return self._acknowledge(self.session_epoch)

    def _acknowledge(self, epoch: int) -> dict[int, str]:
        request = ShareAcknowledgeRequest(group_id=self.group_id, member_id=self.member_id,
                                          share_session_epoch=epoch, acknowledgements=self._take_acks() or {})
        response = self.call(request)
        if response.error_code:
            raise ShareConsumerError(f"{self.name}: die Bestätigung scheitert ({error_name(response.error_code)}).")
        if epoch != FINAL_EPOCH:
            self.session_epoch = next_epoch(self.session_epoch)
        return {r.partition_index: ("ok" if r.error_code == 0 else error_name(r.error_code))
                for r in sorted(response.responses, key=lambda r: r.partition_index)}

    def close(self) -> None:
        if self.closed:
            return
        if self.in_session:
            self._acknowledge(FINAL_EPOCH)
        self.member_epoch = -1
        self.leave(ShareGroupHeartbeatRequest(group_id=self.group_id, member_id=self.member_id, member_epoch=-1))

    def _check_open(self) -> None:
        if self.closed:
            raise ShareConsumerError(f"{self.name} hat die Gruppe verlassen.")

