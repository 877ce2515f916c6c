"""The brokers' log cleanup: time/size retention and log compaction, on their check intervals.

A mixin of `Cluster`; the actual segment work lives in log.py.
"""

from __future__ import annotations


class LogTasks:
    def _retention_check(self) -> None:
        self.kernel.schedule(self.config["log.retention.check.interval.ms"], self._retention_check)
        now = self.wall_ms()
        for topic in self.topics.values():
            cfg = topic.config
            if "delete" not in cfg["cleanup.policy"]:
                continue
            for p in topic.partitions:
                if len(p.log.segments) < 2:
                    continue
                before = p.log.log_start_offset
                removed = p.log.delete_old_segments(now, cfg["retention.ms"], cfg["retention.bytes"], p.hw)
                if removed:
                    self.trace.emit(
                        "retention.deleted",
                        f"Retention bei {p.label}: {removed} alte Record(s) gelöscht (retention.ms="
                        f"{cfg['retention.ms']}, retention.bytes={cfg['retention.bytes']}); der Log-Start-Offset "
                        f"rückt von {before} auf {p.log.log_start_offset}.",
                        topic=topic.name, partition=p.index, count=removed,
                        log_start_offset=p.log.log_start_offset)

    def _cleaner(self) -> None:
        self.kernel.schedule(self.config["log.cleaner.backoff.ms"], self._cleaner)
        now = self.wall_ms()
        for topic in self.topics.values():
            cfg = topic.config
            if "compact" not in cfg["cleanup.policy"]:
                continue
            for p in topic.partitions:
                if len(p.log.segments) < 2 or p.log.dirty_ratio() < cfg["min.cleanable.dirty.ratio"]:
                    continue
                removed = p.log.compact(now, cfg["delete.retention.ms"])
                if removed:
                    self.trace.emit(
                        "compaction.done",
                        f"Log-Compaction bei {p.label}: {removed} ältere Record(s) mit schon neuerem Wert für "
                        f"denselben Key entfernt; pro Key bleibt der neueste.",
                        topic=topic.name, partition=p.index, count=removed)
