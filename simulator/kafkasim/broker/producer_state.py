"""A partition's transactions (Kafka's ProducerStateManager, the part about transactions).

The partition leader keeps, per producer id, where its open transaction began on this partition,
the newest epoch a transaction marker carried (older epochs are fenced), and the index of aborted
transactions a read_committed fetch needs. The last stable offset (LSO) is the first offset of the
oldest transaction not yet decided and replicated, never above the high watermark.
"""

from __future__ import annotations


class PartitionTxnState:
    __slots__ = ("ongoing", "unreplicated", "aborted", "marker_epochs")

    def __init__(self) -> None:
        self.ongoing: dict[int, int] = {}                    # producer id -> first offset of its open txn
        self.unreplicated: list[tuple[int, int]] = []        # (first offset, marker offset) above the HW
        self.aborted: list[tuple[int, int, int]] = []        # (producer id, first offset, marker offset)
        self.marker_epochs: dict[int, int] = {}              # producer id -> epoch of its newest marker

    def appended(self, producer_id: int, base_offset: int) -> None:
        """A transactional batch was written: the producer's transaction is open here from then on."""
        if producer_id not in self.ongoing:
            self.ongoing[producer_id] = base_offset

    def fenced_epoch(self, producer_id: int, epoch: int) -> int | None:
        """The newer epoch a marker set, when `epoch` is older (the producer is a zombie)."""
        newest = self.marker_epochs.get(producer_id)
        return newest if newest is not None and epoch < newest else None

    def completed(self, producer_id: int, epoch: int, marker_offset: int, commit: bool) -> None:
        self.marker_epochs[producer_id] = epoch
        first = self.ongoing.pop(producer_id, None)
        if first is None:
            return                        # nothing of this transaction was written here
        self.unreplicated.append((first, marker_offset))
        if not commit:
            self.aborted.append((producer_id, first, marker_offset))

    def last_stable_offset(self, hw: int) -> int:
        if self.unreplicated:
            self.unreplicated = [(first, marker) for first, marker in self.unreplicated if marker >= hw]
        lso = hw
        for first in self.ongoing.values():
            if first < lso:
                lso = first
        for first, _marker in self.unreplicated:
            if first < lso:
                lso = first
        return lso

    def aborted_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """(producer id, first offset) of the aborted transactions overlapping [start, end)."""
        return [(pid, first) for pid, first, last in self.aborted if last >= start and first < end]

    def truncated(self, end: int) -> None:
        """The log was cut at `end` (a follower became leader): forget what lay beyond."""
        self.ongoing = {pid: first for pid, first in self.ongoing.items() if first < end}
        self.unreplicated = [(f, m) for f, m in self.unreplicated if m < end]
        self.aborted = [(p, f, m) for p, f, m in self.aborted if m < end]

    @property
    def open_transactions(self) -> int:
        return len(self.ongoing)
