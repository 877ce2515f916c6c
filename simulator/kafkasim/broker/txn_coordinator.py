"""The transaction coordinator: producer ids and epochs for idempotent producers, and the seam
for transactions.

InitProducerId without a transactional id hands out a fresh producer id with epoch 0, as Kafka
does for an idempotent producer. Transactions (a transactional id, AddPartitionsToTxn,
AddOffsetsToTxn, TxnOffsetCommit, EndTxn) are not simulated yet: they are answered with an error
naming that, and the producer refuses transactional_id before it ever sends one.
"""

from __future__ import annotations

from .. import errors

NOT_SIMULATED = "Transaktionen simuliert kafkasim noch nicht."


class TransactionCoordinator:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self._next_producer_id = 1000

    def init_producer_id(self, transactional_id: str | None) -> tuple[int, int, int]:
        """(error code, producer id, epoch)."""
        if transactional_id:
            return errors.UnsupportedVersionError.errno, -1, -1
        self._next_producer_id += 1
        return 0, self._next_producer_id, 0

    def not_simulated(self) -> int:
        return errors.UnsupportedVersionError.errno
