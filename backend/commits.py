"""When the Aktionär*innen commit: what the screen has dealt with, never more, and never lost.

kafka-python's positions are what the consumer commits. The loop deals with every record poll()
returned before it polls again, so between two polls a position never runs ahead of the screen.
Three moments commit them:

- in the loop, at most a second after a price was shown (`commit_soon`);
- before the group takes partitions away in a rebalance (`commit_before_rebalance`), as Kafka's
  documentation recommends: whoever reads them next starts after the last price shown here;
- on exit (`commit_on_exit`), waiting as long as kafka-python's own close() would.
"""
from __future__ import annotations

import sys
import time

from backend.cli import CliError

COMMIT_TIMEOUT_MS = 5000
# The commit on exit waits as long as kafka-python's close() does (its request_timeout_ms, 30 s by
# default): a broker that is slow to answer (a busy machine, a restart) must not cost the offsets
# of everything shown. A second Ctrl+C gives up.
FINAL_COMMIT_TIMEOUT_S = 30.0
RETRY_BACKOFF_S = 0.5


class Progress:
    """Whether records were dealt with since the last commit that Kafka confirmed."""

    def __init__(self):
        self.uncommitted = False

    def dealt_with(self) -> None:
        self.uncommitted = True


def commit_soon(consumer, progress: Progress) -> bool:
    """The commit in the loop; a failure is reported, and the next second tries again."""
    from kafka.errors import KafkaError

    try:
        consumer.commit(timeout_ms=COMMIT_TIMEOUT_MS)
    except KafkaError as error:
        print(f"Warnung: Offsets nicht gespeichert ({type(error).__name__}), neuer Versuch folgt.",
              file=sys.stderr, flush=True)
        return False
    progress.uncommitted = False
    return True


def commit_on_exit(consumer, progress: Progress) -> None:
    """Retried until Kafka has the offsets or FINAL_COMMIT_TIMEOUT_S are up.

    kafka-python's close() commits only with enable_auto_commit, so the CLI commits itself, with
    the bound close() uses. Raises CliError when the offsets could not be stored: the reader must
    not be told they were.
    """
    from kafka.errors import KafkaError

    deadline = time.monotonic() + FINAL_COMMIT_TIMEOUT_S
    announced = False
    while True:
        try:
            consumer.commit(timeout_ms=max(1, int((deadline - time.monotonic()) * 1000)))
            progress.uncommitted = False
            return
        except KafkaError as error:
            if not error.retriable or time.monotonic() >= deadline:
                raise CliError(
                    f"Offsets nicht gespeichert ({error}). Ein Neustart der Gruppe beginnt beim zuletzt "
                    "gespeicherten Offset und zeigt die Kurse danach noch einmal.") from None
            if not announced:
                print(f"Kafka antwortet nicht ({type(error).__name__}) – warte bis zu "
                      f"{FINAL_COMMIT_TIMEOUT_S:.0f} s, um die Offsets zu speichern (Strg+C bricht ab) …",
                      file=sys.stderr, flush=True)
                announced = True
            time.sleep(min(RETRY_BACKOFF_S, max(0.0, deadline - time.monotonic())))


def commit_before_rebalance(consumer, progress: Progress):
    """A rebalance listener that commits the positions before the group takes the partitions away.

    kafka-python calls it on its event loop before it sends JoinGroup, while this consumer still
    owns the partitions (its assignors revoke all of them: the eager protocol); awaiting the
    commit there keeps heartbeats going. During the rebalance kafka-python refuses every commit
    (RebalanceInProgressError), so this is the last moment at which the shown prices can be stored.
    """
    from kafka import AsyncConsumerRebalanceListener
    from kafka.errors import KafkaError

    class CommitBeforeRebalance(AsyncConsumerRebalanceListener):
        async def on_partitions_revoked(self, revoked):
            if not (progress.uncommitted and revoked):
                return
            try:
                await consumer.commit_async()
                progress.uncommitted = False
            except KafkaError as error:
                print(f"Warnung: Offsets vor dem Rebalancing nicht gespeichert ({type(error).__name__}); "
                      "wer die Partitionen übernimmt, zeigt die letzten Kurse noch einmal.",
                      file=sys.stderr, flush=True)

        async def on_partitions_assigned(self, assigned):
            pass

        async def on_partitions_lost(self, lost):
            # The group has dropped this consumer already: a commit would be refused.
            if progress.uncommitted and lost:
                print("Warnung: Die Gruppe hat diesen Consumer entfernt, bevor er seine Offsets speichern "
                      "konnte; wer die Partitionen übernimmt, zeigt die letzten Kurse noch einmal.",
                      file=sys.stderr, flush=True)
            progress.uncommitted = False

    return CommitBeforeRebalance()
