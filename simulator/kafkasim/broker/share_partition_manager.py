"""ShareFetch and ShareAcknowledge on the partition leader: share sessions and share-partitions.

As Kafka's SharePartitionManager: a member opens a share session with epoch 0, every further
request carries the next epoch, and epoch -1 (only on ShareAcknowledge) closes the session; a
closed session gives back every record the member still holds. Acknowledgements may ride on a
ShareFetch or go alone in a ShareAcknowledge.

A ShareFetch that acquires nothing waits at the broker (Kafka's DelayedShareFetch) until records
can be acquired — new records, or records that become available again (release, lock expiry, a
member leaving) — or `max_wait_ms` has passed.

Only the partition's leader serves it: as Kafka 4.3.1 (SharePartitionManager.processShareFetch →
ShareFetchUtils.partition, again when a DelayedShareFetch completes), a ShareFetch to another broker
answers that partition with NOT_LEADER_OR_FOLLOWER, acquires nothing there, and names the current
leader and its broker (KafkaApis.processShareFetchResponse). `leader_of(topic_id, partition)` says
who leads: (leader id or None, leader epoch), or None where the partition has no leader to ask
(the topics only the page's controls fill, which every broker serves).
"""

from __future__ import annotations

from .. import errors
from ..protocol.share import FINAL_EPOCH, ShareAcknowledgePartition, ShareAcknowledgeResponse, ShareFetchResponse, \
    SharePartitionData, error_code, next_epoch
from .share_partition import ACCEPT, INVALID_REQUEST, NONE, REJECT, RELEASE, SharePartition

_ACK_NAMES = {ACCEPT: "accepted", RELEASE: "released", REJECT: "rejected"}


class ShareSession:
    __slots__ = ("group_id", "member_id", "epoch", "partitions")

    def __init__(self, group_id: str, member_id: str) -> None:
        self.group_id = group_id
        self.member_id = member_id
        self.epoch = 1
        self.partitions: list[tuple] = []


class SharePartitionManager:
    def __init__(self, clock, topics, configs, coordinator, emit=None, leader_of=None, endpoint_of=None) -> None:
        self.clock = clock
        self.leader_of = leader_of or (lambda topic_id, partition: None)
        self.endpoint_of = endpoint_of or (lambda node_id: (node_id, "localhost", 9092, None))
        self.topics = topics
        self.configs = configs
        self.coordinator = coordinator
        self.sessions: dict[tuple[str, str], ShareSession] = {}
        self.partitions: dict[tuple[str, object, int], SharePartition] = {}
        # Fetches waiting for records: [deadline timer, request, respond, ack codes], in arrival order.
        self._waiting: list[list] = []
        self._retry_pending = False
        self.emit = emit or (lambda kind, **fields: None)

    # --- share-partitions ------------------------------------------------------------------------

    def share_partition(self, group_id: str, topic_id, partition: int) -> SharePartition:
        key = (group_id, topic_id, partition)
        sp = self.partitions.get(key)
        if sp is None:
            log = self.topics.by_id[topic_id].partitions[partition]
            # No state written yet: the start offset follows share.auto.offset.reset when the
            # share-partition is first loaded.
            reset = self.configs.group(group_id, "share.auto.offset.reset")
            start = log.log_start_offset if reset == "earliest" else log.log_end_offset
            sp = SharePartition(
                self.clock, start,
                max_delivery_count=lambda: self.configs.group(group_id, "share.delivery.count.limit"),
                record_lock_ms=lambda: self.configs.group(group_id, "share.record.lock.duration.ms"),
                max_in_flight=lambda: self.configs.group(group_id, "share.partition.max.record.locks"),
                on_change=self.records_changed,
                on_lock_expired=lambda offsets, archived: self.emit(
                    "share_group.lock_expired", group=group_id, topic=self.topics.by_id[topic_id].name,
                    partition=partition, offsets=offsets, archived=archived))
            self.partitions[key] = sp
        return sp

    def release_member(self, group_id: str, member_id: str) -> None:
        for (g, _t, _p), sp in list(self.partitions.items()):
            if g == group_id:
                sp.release_member(member_id)

    # --- requests ------------------------------------------------------------------------------

    def _session(self, group_id: str, member_id: str, epoch: int):
        """(session, error name) for a request with this share session epoch."""
        key = (group_id, member_id)
        group = self.coordinator.groups.get(group_id)
        if group is None or member_id not in group.members:
            return None, "UNKNOWN_MEMBER_ID"
        if epoch == 0:
            old = self.sessions.pop(key, None)
            if old is not None:
                self.release_member(group_id, member_id)
            session = self.sessions[key] = ShareSession(group_id, member_id)
            return session, None
        session = self.sessions.get(key)
        if session is None:
            return None, "SHARE_SESSION_NOT_FOUND"
        if epoch != FINAL_EPOCH and epoch != session.epoch:
            return None, "INVALID_SHARE_SESSION_EPOCH"
        return session, None

    def _acknowledge(self, group_id: str, member_id: str, acknowledgements, node_id=None) -> dict:
        results = {}
        for (topic_id, partition), batches in (acknowledgements or {}).items():
            if topic_id not in self.topics.by_id or partition >= len(self.topics.by_id[topic_id].partitions) \
                    or self._not_led_here(topic_id, partition, node_id) is not None:
                # Kafka: a broker that does not lead the partition holds no share-partition for it.
                results[(topic_id, partition)] = "UNKNOWN_TOPIC_OR_PARTITION"
                continue
            sp = self.share_partition(group_id, topic_id, partition)
            counts = {offset: count for offset, _state, count, _member in sp.records()}
            results[(topic_id, partition)] = result = sp.acknowledge(member_id, list(batches))
            kinds = {}
            for first, last, types in batches:
                for offset in range(first, last + 1):
                    kind = types[0] if len(types) == 1 else types[offset - first]
                    kinds.setdefault(_ACK_NAMES.get(kind, "renew"), []).append(offset)
            # A release on the last allowed delivery archives the record instead.
            archived = [o for o in kinds.get("released", ()) if counts.get(o, 0) >= sp.max_delivery_count] \
                if result == NONE else []
            self.emit("share_group.records_acknowledged", group=group_id, member=self._client(group_id, member_id),
                      topic=self.topics.by_id[topic_id].name, partition=partition, error=result,
                      archived=archived, **kinds)
        return results

    def share_fetch(self, request, respond, node_id: int | None = None) -> None:
        """Answers at once when records were acquired (or on an error, or when no partition asked
        for can be served here), else when records can be acquired or max_wait_ms has passed.
        `node_id`: the broker asked (None: the leader of everything)."""
        response = self._share_fetch(request, node_id)
        if response.error_code or request.max_wait_ms <= 0 or _acquired_any(response) or _error_in_all(response):
            respond(response)
            return
        # The acknowledgement results of the first attempt go into the answer, whenever it comes.
        acks = {(d.topic_id, d.partition_index): d.acknowledge_error_code for d in response.responses}
        waiting = [None, request, respond, acks, node_id]
        waiting[0] = self.clock.at(self.clock.now + request.max_wait_ms, self._expire_fetch, waiting)
        self._waiting.append(waiting)

    def records_changed(self) -> None:
        """New records or a changed share-partition: waiting fetches try again, in arrival order,
        once the request that changed it has been answered."""
        if self._waiting and not self._retry_pending:
            self._retry_pending = True
            self.clock.schedule(0, self._retry_waiting)

    def _retry_waiting(self) -> None:
        self._retry_pending = False
        for waiting in list(self._waiting):
            if waiting not in self._waiting:
                continue
            timer, request, respond, acks, node_id = waiting
            session = self.sessions.get((request.group_id, request.member_id))
            if session is None:
                continue
            response = self._acquire(session, request, acks, node_id)
            if _acquired_any(response):
                self._waiting.remove(waiting)
                timer.cancel()
                respond(response)

    def _expire_fetch(self, waiting: list) -> None:
        if waiting not in self._waiting:
            return
        self._waiting.remove(waiting)
        _timer, request, respond, acks, node_id = waiting
        session = self.sessions.get((request.group_id, request.member_id))
        if session is None:
            respond(ShareFetchResponse(error_code=error_code("SHARE_SESSION_NOT_FOUND")))
            return
        respond(self._acquire(session, request, acks, node_id))

    def _share_fetch(self, request, node_id=None) -> ShareFetchResponse:
        session, error = self._session(request.group_id, request.member_id, request.share_session_epoch)
        if error or request.share_session_epoch == FINAL_EPOCH:
            return ShareFetchResponse(error_code=error_code(error or "INVALID_REQUEST"))
        group_id, member_id = request.group_id, request.member_id
        ack_results = self._acknowledge(group_id, member_id, request.acknowledgements, node_id)
        for tp in request.topics:
            if tp not in session.partitions:
                session.partitions.append(tp)
        for tp in request.forgotten_topics_data:
            if tp in session.partitions:
                session.partitions.remove(tp)
        session.epoch = next_epoch(request.share_session_epoch)
        return self._acquire(session, request, ack_results, node_id)

    def _not_led_here(self, topic_id, partition: int, node_id) -> tuple | None:
        """(leader id, leader epoch) when `node_id` is not the partition's leader, else None."""
        if node_id is None:
            return None
        leadership = self.leader_of(topic_id, partition)
        if leadership is None:
            return None
        leader, epoch = leadership
        if leader == node_id:
            return None
        return (-1 if leader is None else leader, epoch if leader is not None else -1)

    def _acquire(self, session: ShareSession, request, ack_results: dict, node_id=None) -> ShareFetchResponse:
        group_id, member_id = request.group_id, request.member_id
        record_limit = request.share_acquire_mode == 1
        remaining = request.max_records
        responses = []
        leaders = []
        for topic_id, partition in session.partitions:
            ack = ack_results.get((topic_id, partition), NONE)
            elsewhere = self._not_led_here(topic_id, partition, node_id)
            if elsewhere is not None:
                # Kafka: the share-partition is not created here; the client learns the leader.
                responses.append(SharePartitionData(
                    topic_id=topic_id, partition_index=partition, error_code=errors.NotLeaderForPartitionError.errno,
                    acknowledge_error_code=ack if isinstance(ack, int) else error_code(ack), current_leader=elsewhere))
                if elsewhere[0] >= 0 and elsewhere[0] not in leaders:
                    leaders.append(elsewhere[0])
                continue
            acquired, records = [], []
            if remaining > 0:
                sp = self.share_partition(group_id, topic_id, partition)
                log = self.topics.by_id[topic_id].partitions[partition]
                fetch_offset = sp.next_fetch_offset()
                batches = log.batches_from(fetch_offset)
                acquired = sp.acquire(member_id, record_limit, request.batch_size, remaining, fetch_offset, batches)
                for first, last, _count in acquired:
                    for offset in range(first, last + 1):
                        records.append((offset, _value_at(batches, offset)))
                remaining -= sum(last - first + 1 for first, last, _count in acquired)
                if acquired:
                    self.emit("share_group.records_acquired", group=group_id,
                              member=self._client(group_id, member_id), topic=self.topics.by_id[topic_id].name,
                              partition=partition, records=[[o, count] for first, last, count in acquired
                                                            for o in range(first, last + 1)])
            responses.append(SharePartitionData(topic_id=topic_id, partition_index=partition,
                                                acknowledge_error_code=ack if isinstance(ack, int) else error_code(ack),
                                                records=tuple(records), acquired_records=tuple(acquired)))
        lock_ms = self.configs.group(group_id, "share.record.lock.duration.ms")
        return ShareFetchResponse(acquisition_lock_timeout_ms=lock_ms, responses=tuple(responses),
                                  node_endpoints=tuple(self.endpoint_of(n) for n in leaders))

    def share_acknowledge(self, request, node_id: int | None = None) -> ShareAcknowledgeResponse:
        session, error = self._session(request.group_id, request.member_id, request.share_session_epoch)
        if error:
            return ShareAcknowledgeResponse(error_code=error_code(error))
        if request.share_session_epoch == 0:
            return ShareAcknowledgeResponse(error_code=error_code(INVALID_REQUEST))
        results = self._acknowledge(request.group_id, request.member_id, request.acknowledgements, node_id)
        if request.share_session_epoch == FINAL_EPOCH:
            del self.sessions[(request.group_id, request.member_id)]
            self.release_member(request.group_id, request.member_id)
        else:
            session.epoch = next_epoch(request.share_session_epoch)
        return ShareAcknowledgeResponse(responses=tuple(
            ShareAcknowledgePartition(topic_id=t, partition_index=p, error_code=error_code(e))
            for (t, p), e in results.items()))

    def _client(self, group_id: str, member_id: str) -> str:
        group = self.coordinator.groups.get(group_id)
        member = group.members.get(member_id) if group else None
        return member.client_id if member is not None else member_id

    # --- admin view (DescribeShareGroupOffsets) ----------------------------------------------------

    def offsets(self, group_id: str) -> dict[tuple, tuple[int, int] | None]:
        """{(topic id, partition): (start offset, lag) or None} for the group's initialized
        partitions, from the state the share coordinator holds."""
        group = self.coordinator.groups.get(group_id)
        result = {}
        if group is None:
            return result
        for topic_id in sorted(group.initialized, key=str):
            for partition in sorted(group.initialized[topic_id]):
                sp = self.partitions.get((group_id, topic_id, partition))
                if sp is None or sp.persisted is None:
                    result[(topic_id, partition)] = None
                    continue
                start, completed = sp.persisted
                end = self.topics.by_id[topic_id].partitions[partition].log_end_offset
                result[(topic_id, partition)] = (start, end - start - completed)
        return result


def _value_at(batches, offset: int):
    for batch in batches:
        if batch.base_offset <= offset <= batch.last_offset:
            return batch.value_at(offset)
    return None


def _acquired_any(response) -> bool:
    return any(data.acquired_records for data in response.responses)


def _error_in_all(response) -> bool:
    """Kafka's ShareFetch.errorInAllPartitions: nothing to wait for, the answer goes out at once."""
    return bool(response.responses) and all(data.error_code for data in response.responses)
