"""The replica manager: what a broker does with Produce, Fetch, ListOffsets and DeleteRecords for
the partitions it leads.

A fetch that finds no records waits at the broker (Kafka's delayed fetch) until one of its
partitions' high watermark moves, its leader changes, or fetch_max_wait_ms passes; then it
answers with what there is.
"""

from __future__ import annotations

from .. import errors
from ..protocol import admin as a
from ..protocol import fetch as f
from ..protocol import produce as pr


def _code(error) -> int:
    return getattr(error, "errno", None) or errors.UnknownError.errno


def _message(error) -> str | None:
    return str(error.args[0]) if error is not None and error.args else None


class DelayedFetch:
    __slots__ = ("node_id", "request", "respond", "partitions", "timer", "done")

    def __init__(self, node_id: int, request, respond) -> None:
        self.node_id = node_id
        self.request = request
        self.respond = respond
        self.partitions: list = []
        self.timer = None
        self.done = False


class ReplicaManager:
    def __init__(self, cluster) -> None:
        self.cluster = cluster

    def _leader_partition(self, node_id: int, topic: str, index: int):
        """(partition, None) when this broker leads it, else (None, error)."""
        p = self.cluster.partition(topic, index)
        if p is None:
            return None, errors.UnknownTopicOrPartitionError(
                f"This server does not host this topic-partition. ({topic}-{index} gibt es nicht.)")
        if p.leader != node_id:
            return None, errors.NotLeaderForPartitionError(
                f"Broker {node_id} ist nicht (mehr) Leader von {p.label}.")
        return p, None

    # -- Produce -------------------------------------------------------------------------------
    def produce(self, node_id: int, request, client_id: str, respond) -> None:
        entries = [(td.name, pd.index, pd.records) for td in request.topic_data for pd in td.partition_data]
        results: list = [None] * len(entries)
        missing = [len(entries)]

        def answer():
            topics: dict[str, list] = {}
            for (name, index, _batch), (error, base, log_start, append_time) in zip(entries, results):
                topics.setdefault(name, []).append(pr.ProducePartitionResponse(
                    index, 0 if error is None else _code(error), base, append_time, log_start, _message(error)))
            respond(pr.ProduceResponse([pr.ProduceTopicResponse(n, ps) for n, ps in topics.items()]))

        def done(i, p, error, base):
            append_time = -1
            if error is None and p.topic.config["message.timestamp.type"] == "LogAppendTime":
                stored = p.log.read(base, base + 1, 1)
                append_time = stored[0][1] if stored else -1
            results[i] = (error, base, p.log.log_start_offset if p is not None else -1, append_time)
            missing[0] -= 1
            if missing[0] == 0:
                answer()

        for i, (name, index, batch) in enumerate(entries):
            p, error = self._leader_partition(node_id, name, index)
            if error is not None:
                done(i, None, error, -1)
                continue
            p.append_as_leader(batch, request.acks, request.timeout_ms, client_id,
                               lambda err, base, i=i, p=p: done(i, p, err, base))

    # -- Fetch ---------------------------------------------------------------------------------
    def fetch(self, node_id: int, request, respond) -> None:
        data, found = self._read(node_id, request)
        if found or request.max_wait_ms <= 0:
            respond(f.FetchResponse(responses=data))
            return
        wait = DelayedFetch(node_id, request, respond)
        for topic in request.topics:
            for part in topic.partitions:
                p = self.cluster.partition(topic.topic, part.partition)
                if p is not None:
                    p.fetch_waiters.append(wait)
                    wait.partitions.append(p)
        wait.timer = self.cluster.kernel.schedule(request.max_wait_ms, self._complete, wait)

    def _read(self, node_id: int, request) -> tuple[list, bool]:
        """The fetch response's topics, and whether it found records or errors (answer now)."""
        out = []
        found = False
        budget = request.max_bytes
        read_committed = request.isolation_level == 1
        for topic in request.topics:
            parts = []
            for part in topic.partitions:
                p, error = self._leader_partition(node_id, topic.topic, part.partition)
                if error is not None:
                    parts.append(f.FetchPartitionData(part.partition, _code(error)))
                    found = True
                    continue
                log = p.log
                offset = part.fetch_offset
                if offset < log.log_start_offset or offset > log.log_end_offset:
                    parts.append(f.FetchPartitionData(part.partition, errors.OffsetOutOfRangeError.errno, p.hw, p.hw,
                                                      log.log_start_offset, None, (), p.leader_epoch))
                    found = True
                    continue
                records = ()
                lso = p.last_stable_offset
                # read_committed reads up to the last stable offset, and learns which transactions in
                # what it got were aborted (the consumer skips their records).
                upto = lso if read_committed else p.hw
                aborted = None
                if offset < upto and budget > 0:
                    limit = min(part.partition_max_bytes, budget)
                    records = log.read_bytes(offset, upto, limit)
                    if records:
                        found = True
                        budget -= limit
                        if read_committed and p.txn.aborted:
                            aborted = p.txn.aborted_between(offset, records[-1][0] + 1)
                parts.append(f.FetchPartitionData(part.partition, 0, p.hw, lso, log.log_start_offset, aborted,
                                                  records, p.leader_epoch))
            out.append(f.FetchableTopicResponse(topic.topic, parts))
        return out, found

    def partition_readable(self, partition) -> None:
        """The partition's high watermark moved (or its leader changed): parked fetches look again."""
        for wait in list(partition.fetch_waiters):
            if wait.done:
                continue
            if not self.cluster.brokers[wait.node_id].up:
                self._complete(wait, respond=False)
                continue
            data, found = self._read(wait.node_id, wait.request)
            if found:
                self._complete(wait, data)

    def _complete(self, wait: DelayedFetch, data=None, respond: bool = True) -> None:
        if wait.done:
            return
        wait.done = True
        if wait.timer is not None:
            wait.timer.cancel()
        for p in wait.partitions:
            try:
                p.fetch_waiters.remove(wait)
            except ValueError:
                pass
        if not respond:
            return
        if data is None:
            data, _found = self._read(wait.node_id, wait.request)
        wait.respond(f.FetchResponse(responses=data))

    # -- ListOffsets ---------------------------------------------------------------------------
    def list_offsets(self, node_id: int, request) -> f.ListOffsetsResponse:
        topics = []
        for topic in request.topics:
            parts = []
            for part in topic.partitions:
                p, error = self._leader_partition(node_id, topic.name, part.partition_index)
                if error is not None:
                    parts.append(f.ListOffsetsPartitionResponse(part.partition_index, _code(error)))
                    continue
                parts.append(self._offset_for(p, part.partition_index, part.timestamp,
                                              p.last_stable_offset if request.isolation_level == 1 else p.hw))
            topics.append(f.ListOffsetsTopicResponse(topic.name, parts))
        return f.ListOffsetsResponse(topics=topics)

    def _offset_for(self, p, index: int, timestamp: int, end: int):
        """`end`: the high watermark, or for read_committed the last stable offset."""
        log = p.log
        epoch = p.leader_epoch
        if timestamp == f.EARLIEST_TIMESTAMP:
            return f.ListOffsetsPartitionResponse(index, 0, -1, log.log_start_offset, epoch)
        if timestamp == f.LATEST_TIMESTAMP:
            return f.ListOffsetsPartitionResponse(index, 0, -1, end, epoch)
        found = log.max_timestamp(end) if timestamp == f.MAX_TIMESTAMP else log.offset_for_timestamp(timestamp, end)
        if found is None:
            return f.ListOffsetsPartitionResponse(index, 0, -1, -1, epoch)
        return f.ListOffsetsPartitionResponse(index, 0, found[1], found[0], epoch)

    # -- DeleteRecords -------------------------------------------------------------------------
    def delete_records(self, node_id: int, request) -> a.DeleteRecordsResponse:
        cluster = self.cluster
        topics = []
        for topic in request.topics:
            parts = []
            for part in topic.partitions:
                p, error = self._leader_partition(node_id, topic.name, part.partition_index)
                if error is not None:
                    parts.append(a.DeleteRecordsPartitionResult(part.partition_index, -1, _code(error)))
                    continue
                offset = p.hw if part.offset == -1 else part.offset
                if offset < 0 or offset > p.hw:
                    parts.append(a.DeleteRecordsPartitionResult(part.partition_index, -1,
                                                                errors.OffsetOutOfRangeError.errno))
                    continue
                before = p.log.log_start_offset
                if offset > before:
                    p.log.delete_records_before(offset)
                    cluster.data_version += 1
                    cluster.trace.emit("records.deleted", topic=topic.name, partition=part.partition_index,
                                       previous=before, log_start_offset=p.log.log_start_offset)
                parts.append(a.DeleteRecordsPartitionResult(part.partition_index, p.log.log_start_offset, 0))
            topics.append(a.DeleteRecordsTopicResult(topic.name, parts))
        return a.DeleteRecordsResponse(topics=topics)
