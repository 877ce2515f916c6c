"""ShareFetch and ShareAcknowledge on the partition leader: share sessions and share-partitions.

As Kafka's SharePartitionManager: a member opens a share session with epoch 0, every further
request carries the next epoch, and epoch -1 (only on ShareAcknowledge) closes the session; a
closed session gives back every record the member still holds. Acknowledgements may ride on a
ShareFetch or go alone in a ShareAcknowledge.

The simulated broker answers a ShareFetch at once; waiting for records (Kafka's delayed share
fetch, `max_wait_ms`) is the client's loop on simulated time, which keeps runs deterministic.
"""

from __future__ import annotations

from ..messages import ERROR_CODES, ShareAcknowledgePartition, ShareAcknowledgeResponse, ShareFetchResponse, \
    SharePartitionData
from .share_partition import INVALID_REQUEST, NONE, SharePartition

FINAL_EPOCH = -1


def next_epoch(epoch: int) -> int:
    """ShareRequestMetadata.nextEpoch: 0 → 1 → … → Integer.MAX_VALUE → 1."""
    return 1 if epoch >= 2**31 - 1 else epoch + 1


class ShareSession:
    __slots__ = ("group_id", "member_id", "epoch", "partitions")

    def __init__(self, group_id: str, member_id: str) -> None:
        self.group_id = group_id
        self.member_id = member_id
        self.epoch = 1
        self.partitions: list[tuple] = []


class SharePartitionManager:
    def __init__(self, clock, topics, configs, coordinator, on_change=None) -> None:
        self.clock = clock
        self.topics = topics
        self.configs = configs
        self.coordinator = coordinator
        self.sessions: dict[tuple[str, str], ShareSession] = {}
        self.partitions: dict[tuple[str, object, int], SharePartition] = {}
        self.on_change = on_change or (lambda: None)

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
                on_change=self.on_change)
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

    def _acknowledge(self, group_id: str, member_id: str, acknowledgements) -> dict:
        results = {}
        for (topic_id, partition), batches in (acknowledgements or {}).items():
            if topic_id not in self.topics.by_id or partition >= len(self.topics.by_id[topic_id].partitions):
                results[(topic_id, partition)] = "UNKNOWN_TOPIC_OR_PARTITION"
                continue
            sp = self.share_partition(group_id, topic_id, partition)
            results[(topic_id, partition)] = sp.acknowledge(member_id, list(batches))
        return results

    def share_fetch(self, request) -> ShareFetchResponse:
        session, error = self._session(request.group_id, request.member_id, request.share_session_epoch)
        if error or request.share_session_epoch == FINAL_EPOCH:
            return ShareFetchResponse(error_code=ERROR_CODES[error or "INVALID_REQUEST"])
        group_id, member_id = request.group_id, request.member_id
        ack_results = self._acknowledge(group_id, member_id, request.acknowledgements)
        for tp in request.topics:
            if tp not in session.partitions:
                session.partitions.append(tp)
        for tp in request.forgotten_topics_data:
            if tp in session.partitions:
                session.partitions.remove(tp)
        session.epoch = next_epoch(request.share_session_epoch)
        record_limit = request.share_acquire_mode == 1
        remaining = request.max_records
        responses = []
        for topic_id, partition in session.partitions:
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
            ack = ack_results.get((topic_id, partition), NONE)
            responses.append(SharePartitionData(topic_id=topic_id, partition_index=partition,
                                                acknowledge_error_code=ERROR_CODES[ack],
                                                records=tuple(records), acquired_records=tuple(acquired)))
        lock_ms = self.configs.group(group_id, "share.record.lock.duration.ms")
        return ShareFetchResponse(acquisition_lock_timeout_ms=lock_ms, responses=tuple(responses))

    def share_acknowledge(self, request) -> ShareAcknowledgeResponse:
        session, error = self._session(request.group_id, request.member_id, request.share_session_epoch)
        if error:
            return ShareAcknowledgeResponse(error_code=ERROR_CODES[error])
        if request.share_session_epoch == 0:
            return ShareAcknowledgeResponse(error_code=ERROR_CODES[INVALID_REQUEST])
        results = self._acknowledge(request.group_id, request.member_id, request.acknowledgements)
        if request.share_session_epoch == FINAL_EPOCH:
            del self.sessions[(request.group_id, request.member_id)]
            self.release_member(request.group_id, request.member_id)
        else:
            session.epoch = next_epoch(request.share_session_epoch)
        return ShareAcknowledgeResponse(responses=tuple(
            ShareAcknowledgePartition(topic_id=t, partition_index=p, error_code=ERROR_CODES[e])
            for (t, p), e in results.items()))

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
