"""A partition's log: segments of records, retention and compaction.

One canonical log per partition; replicas are prefixes of it (their log end offsets), which is
what Kafka's follower truncation keeps true. Records are tuples
(offset, timestamp_ms, key, value, headers) with key/value as bytes or None.
Like Kafka, retention and compaction only ever touch closed segments: the active segment is kept
until it rolls (segment.ms / segment.bytes).
"""

from __future__ import annotations

from bisect import bisect_right

from ..protocol.records import RECORD_OVERHEAD, AppendTimeRecord, ControlRecord, TxnAppendTimeRecord, TxnRecord, \
    record_size


class Segment:
    __slots__ = ("base_offset", "records", "size", "created_ms", "max_ts", "dense")

    def __init__(self, base_offset: int, created_ms: int) -> None:
        self.base_offset = base_offset
        self.records: list[tuple] = []
        self.size = 0
        self.created_ms = created_ms
        self.max_ts = -1
        # Dense: record i has offset base_offset + i. Compaction punches holes.
        self.dense = True

    def index_of(self, offset: int) -> int:
        """Index of the first record with an offset >= `offset`."""
        if self.dense:
            i = offset - self.base_offset
            return 0 if i < 0 else i
        return bisect_right(self.records, offset - 1, key=_offset_of)


def _offset_of(record: tuple) -> int:
    return record[0]


class Log:
    __slots__ = ("segments", "log_start_offset", "log_end_offset", "size")

    def __init__(self, now_ms: int = 0) -> None:
        self.segments: list[Segment] = [Segment(0, now_ms)]
        self.log_start_offset = 0
        self.log_end_offset = 0
        self.size = 0

    # -- writing -----------------------------------------------------------------------------
    def append(self, records: list, now_ms: int, segment_ms: int, segment_bytes: int,
               append_time: int | None = None, size: int | None = None, max_timestamp: int | None = None,
               producer_id: int | None = None) -> int:
        """Appends [(timestamp, key, value, headers), ...]; returns the base offset.

        `size` and `max_timestamp` of the batch are counted here unless the producer gave them. With
        `append_time` (message.timestamp.type=LogAppendTime) every record gets that timestamp. With
        `producer_id` the batch is transactional: its records carry the producer id (TxnRecord).
        """
        if producer_id is not None:
            records = [(r[0] if append_time is None else append_time,) + r[1:] for r in records]
            wrap = TxnRecord if append_time is None else TxnAppendTimeRecord
            if append_time is not None:
                max_timestamp = append_time
            return self._append_wrapped(records, now_ms, segment_ms, segment_bytes, size, max_timestamp,
                                        wrap, producer_id=producer_id)
        active = self.segments[-1]
        if active.records and (now_ms - active.created_ms >= segment_ms or active.size >= segment_bytes):
            active = Segment(self.log_end_offset, now_ms)
            self.segments.append(active)
        base = self.log_end_offset
        n = len(records)
        if append_time is not None:
            active.records.extend([AppendTimeRecord((o, append_time) + r[1:])
                                   for o, r in zip(range(base, base + n), records)])
            max_timestamp = append_time
        else:
            active.records.extend([(o,) + r for o, r in zip(range(base, base + n), records)])
            if max_timestamp is None:
                max_timestamp = max([r[0] for r in records])
        if size is None:
            size = RECORD_OVERHEAD * n + sum([len(r[1]) for r in records if r[1] is not None]) \
                + sum([len(r[2]) for r in records if r[2] is not None])
        active.size += size
        self.size += size
        if max_timestamp > active.max_ts:
            active.max_ts = max_timestamp
        self.log_end_offset = base + n
        return base

    def append_control(self, timestamp: int, now_ms: int, segment_ms: int, segment_bytes: int, producer_id: int,
                       producer_epoch: int, commit: bool) -> int:
        """Appends a transaction marker (one control record); returns its offset."""
        return self._append_wrapped([(timestamp, None, None, None)], now_ms, segment_ms, segment_bytes, None, None,
                                    ControlRecord, producer_id=producer_id, producer_epoch=producer_epoch,
                                    commit=commit)

    def _append_wrapped(self, records: list, now_ms: int, segment_ms: int, segment_bytes: int, size, max_timestamp,
                        wrap, **attributes) -> int:
        """Appends records as instances of `wrap` (a tuple subclass) carrying `attributes`."""
        base = self.log_end_offset
        stored = []
        for o, r in zip(range(base, base + len(records)), records):
            record = wrap((o,) + r)
            record.__dict__.update(attributes)
            stored.append(record)
        return self._append_stored(stored, now_ms, segment_ms, segment_bytes, size, max_timestamp)

    def _append_stored(self, stored: list, now_ms: int, segment_ms: int, segment_bytes: int, size,
                       max_timestamp) -> int:
        active = self.segments[-1]
        if active.records and (now_ms - active.created_ms >= segment_ms or active.size >= segment_bytes):
            active = Segment(self.log_end_offset, now_ms)
            self.segments.append(active)
        base = self.log_end_offset
        active.records.extend(stored)
        if max_timestamp is None:
            max_timestamp = max([r[1] for r in stored])
        if size is None:
            size = RECORD_OVERHEAD * len(stored) + sum([len(r[2]) for r in stored if r[2] is not None]) \
                + sum([len(r[3]) for r in stored if r[3] is not None])
        active.size += size
        self.size += size
        if max_timestamp > active.max_ts:
            active.max_ts = max_timestamp
        self.log_end_offset = base + len(stored)
        return base

    def truncate_to(self, offset: int) -> int:
        """Drops every record at or above `offset` (follower truncation after a leader change)."""
        if offset >= self.log_end_offset:
            return 0
        removed = self.log_end_offset - offset
        while len(self.segments) > 1 and self.segments[-1].base_offset >= offset:
            seg = self.segments.pop()
            self.size -= seg.size
        seg = self.segments[-1]
        keep = seg.index_of(offset)
        dropped = seg.records[keep:]
        del seg.records[keep:]
        lost = sum(record_size(r[2], r[3]) for r in dropped)
        seg.size -= lost
        self.size -= lost
        self.log_end_offset = max(offset, self.log_start_offset)
        if not self.segments[-1].records and self.segments[-1].base_offset > self.log_end_offset:
            self.segments[-1].base_offset = self.log_end_offset
        return removed

    # -- reading -----------------------------------------------------------------------------
    def read(self, offset: int, upto: int, max_records: int) -> list[tuple]:
        """Records with offset in [offset, upto), at most max_records."""
        out: list[tuple] = []
        if offset >= upto:
            return out
        segments = self.segments
        i = bisect_right(segments, offset, key=_base_of) - 1
        if i < 0:
            i = 0
        while i < len(segments) and len(out) < max_records:
            seg = segments[i]
            recs = seg.records
            j = seg.index_of(offset)
            need = max_records - len(out)
            chunk = recs[j:j + need]
            if chunk and chunk[-1][0] >= upto:
                chunk = [r for r in chunk if r[0] < upto]
                out.extend(chunk)
                break
            out.extend(chunk)
            i += 1
        return out

    def read_bytes(self, offset: int, upto: int, max_bytes: int) -> list[tuple]:
        """Records from `offset` below `upto` worth about `max_bytes` (at least one, as Kafka returns
        at least one batch). Sizes are estimated per segment from its average record size."""
        if offset >= upto:
            return []
        seg = self.segments[max(0, bisect_right(self.segments, offset, key=_base_of) - 1)]
        avg = seg.size // len(seg.records) if seg.records else RECORD_OVERHEAD
        return self.read(offset, upto, max(1, max_bytes // max(1, avg)))

    def tail(self, count: int) -> list[tuple]:
        out: list[tuple] = []
        for seg in reversed(self.segments):
            need = count - len(out)
            if need <= 0:
                break
            out[:0] = seg.records[-need:] if need < len(seg.records) else seg.records
        return out

    def offset_for_timestamp(self, timestamp: int, upto: int) -> tuple[int, int] | None:
        """(offset, timestamp) of the first record below `upto` with a timestamp ≥ `timestamp`."""
        for seg in self.segments:
            if seg.max_ts < timestamp:
                continue
            for rec in seg.records:
                if rec[0] >= upto:
                    return None
                if rec[0] >= self.log_start_offset and rec[1] >= timestamp:
                    return rec[0], rec[1]
        return None

    def max_timestamp(self, upto: int) -> tuple[int, int] | None:
        """(offset, timestamp) of the record with the largest timestamp below `upto` (the first of ties)."""
        best = None
        for rec in self.read(self.log_start_offset, upto, upto):
            if best is None or rec[1] > best[1]:
                best = (rec[0], rec[1])
        return best

    def delete_records_before(self, offset: int) -> None:
        """DeleteRecords: the log now starts at `offset`; segments entirely below it go."""
        while len(self.segments) > 1 and self.segments[1].base_offset <= offset:
            seg = self.segments.pop(0)
            self.size -= seg.size
        self.log_start_offset = max(self.log_start_offset, offset)

    def record_count(self) -> int:
        return sum(len(seg.records) for seg in self.segments)

    # -- cleanup -----------------------------------------------------------------------------
    def delete_old_segments(self, now_ms: int, retention_ms: int, retention_bytes: int, limit_offset: int) -> int:
        """Deletes closed segments past retention; never beyond `limit_offset` (the high watermark).

        Returns how many records went away; the log start offset moves to the first kept segment.
        """
        removed = 0
        segments = self.segments
        while len(segments) > 1:
            seg = segments[0]
            nxt = segments[1]
            if nxt.base_offset > limit_offset:
                break
            too_old = retention_ms >= 0 and seg.max_ts >= 0 and now_ms - seg.max_ts > retention_ms
            too_big = retention_bytes >= 0 and self.size - seg.size >= retention_bytes
            if not (too_old or too_big):
                break
            segments.pop(0)
            self.size -= seg.size
            removed += len(seg.records)
            self.log_start_offset = nxt.base_offset
        return removed

    def compact(self, now_ms: int, delete_retention_ms: int) -> int:
        """Keeps only the newest record per key in closed segments; old tombstones go too."""
        closed = self.segments[:-1]
        if not closed:
            return 0
        latest: dict = {}
        for seg in closed:
            for rec in seg.records:
                latest[rec[2]] = rec[0]
        removed = 0
        for seg in closed:
            kept = []
            size = 0
            for rec in seg.records:
                if latest[rec[2]] != rec[0]:
                    continue
                if rec[3] is None and now_ms - rec[1] > delete_retention_ms:
                    continue
                kept.append(rec)
                size += record_size(rec[2], rec[3])
            if len(kept) != len(seg.records):
                removed += len(seg.records) - len(kept)
                self.size -= seg.size - size
                seg.records = kept
                seg.size = size
                seg.dense = False
        return removed

    def dirty_ratio(self) -> float:
        closed = self.segments[:-1]
        total = sum(len(s.records) for s in closed)
        if not total:
            return 0.0
        keys = len({rec[2] for s in closed for rec in s.records})
        return 1.0 - keys / total


def _base_of(seg: Segment) -> int:
    return seg.base_offset
