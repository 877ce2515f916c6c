"""The brokers' log cleanup: time/size retention and log compaction, on their check intervals.

The segment work itself lives in log.py; this decides when and reports what went.
"""

from __future__ import annotations


class LogCleaner:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        kernel = cluster.kernel
        config = cluster.config
        kernel.schedule(config["log.retention.check.interval.ms"], self._retention_check)
        kernel.schedule(config["log.cleaner.backoff.ms"], self._cleaner)

    def _retention_check(self) -> None:
        cluster = self.cluster
        cluster.kernel.schedule(cluster.config["log.retention.check.interval.ms"], self._retention_check)
        now = cluster.wall_ms()
        for topic in cluster.topics.values():
            cfg = topic.config
            if "delete" not in cfg["cleanup.policy"]:
                continue
            for p in topic.partitions:
                if len(p.log.segments) < 2:
                    continue
                before = p.log.log_start_offset
                removed = p.log.delete_old_segments(now, cfg["retention.ms"], cfg["retention.bytes"], p.hw)
                if removed:
                    cluster.trace.emit("retention.deleted", topic=topic.name, partition=p.index, count=removed,
                                       log_start_offset=p.log.log_start_offset, previous=before,
                                       retention_ms=cfg["retention.ms"], retention_bytes=cfg["retention.bytes"])

    def _cleaner(self) -> None:
        cluster = self.cluster
        cluster.kernel.schedule(cluster.config["log.cleaner.backoff.ms"], self._cleaner)
        now = cluster.wall_ms()
        for topic in cluster.topics.values():
            cfg = topic.config
            if "compact" not in cfg["cleanup.policy"]:
                continue
            for p in topic.partitions:
                if len(p.log.segments) < 2 or p.log.dirty_ratio() < cfg["min.cleanable.dirty.ratio"]:
                    continue
                removed = p.log.compact(now, cfg["delete.retention.ms"])
                if removed:
                    cluster.trace.emit("compaction.done", topic=topic.name, partition=p.index, count=removed)
