"""Background consumers the page starts (Aktionär*innen): KafkaConsumers in a consumer group, driven
like an application loop `while True: consumer.poll(timeout_ms=100)`: a poll round whenever the
consumer has news (a response arrived) and at least every ACTOR_POLL_MS of simulated time, each
round draining what is there. Kernel callbacks never block, so a round is poll(timeout_ms=0)."""

from __future__ import annotations

from .. import errors
from ..clients.consumer.group import KafkaConsumer
from ..clients.consumer.subscription_state import ConsumerRebalanceListener
from ..clients.coordinator.assignors import BUILT_IN, RebalanceProtocol

# Background consumers poll at least this often (simulated ms) and drain what is there.
ACTOR_POLL_MS = 100
# A guard against a consumer whose news never stops within one simulated ms.
MAX_ROUNDS_PER_MS = 20


class BackgroundConsumer:
    def __init__(self, env, client_id: str, group_id: str, topics: list[str], auto_offset_reset: str,
                 assignors: tuple[str, ...]) -> None:
        self.env = env
        self.client_id = client_id
        self.group_id = group_id
        self.consumer = KafkaConsumer(group_id=group_id, client_id=client_id,
                                      auto_offset_reset=auto_offset_reset,
                                      partition_assignment_strategy=[BUILT_IN[name] for name in assignors])
        self.consumer.subscribe(list(topics), listener=_Narrator(self))
        self._soon = False
        self.closing = False
        self._rounds = (-1, 0)           # (ms, poll rounds at that ms)
        self.consumer._on_wakeup = self._poll_soon
        env.kernel.schedule(0, self._tick)

    @property
    def closed(self) -> bool:
        return self.consumer._closed

    def _tick(self) -> None:
        if not self.consumer._closed:
            self._poll()
            self.env.kernel.schedule(ACTOR_POLL_MS, self._tick)

    def _poll_soon(self) -> None:
        if not self._soon:
            self._soon = True
            # News that keeps coming within one ms (a retry loop) is looked at in the next ms.
            now = self.env.kernel.now
            self.env.kernel.schedule(0 if self._rounds[0] != now or self._rounds[1] < MAX_ROUNDS_PER_MS else 1,
                                     self._poll)

    def _poll(self) -> None:
        self._soon = False
        now = self.env.kernel.now
        self._rounds = (now, self._rounds[1] + 1 if self._rounds[0] == now else 1)
        consumer = self.consumer
        if consumer._closed:
            return
        try:
            while consumer._poll_raw(consumer.config["max_poll_records"]):
                pass
        except errors.KafkaError as exc:
            self.env.trace.emit("consumer.error", client_id=self.client_id, error=str(exc))

    def close(self) -> None:
        self.closing = True          # what close() revokes is no rebalance: the narrator keeps quiet
        self.consumer.close()


class _Narrator(ConsumerRebalanceListener):
    """The page's consumers say in the event log what they give up in a rebalance, as an
    application's rebalance listener would log it: an eager member everything it held, before its
    JoinGroup; a cooperative one (KIP-429) only the partitions that move, after the SyncGroup,
    keeping the rest."""

    def __init__(self, actor: BackgroundConsumer) -> None:
        self.actor = actor

    def on_partitions_revoked(self, revoked):
        if not revoked or self.actor.closing:
            return
        coordinator = self.actor.consumer._coordinator
        gone = {(tp.topic, tp.partition) for tp in revoked}
        kept = sorted(tp for tp in coordinator.subscription.assignment if tp not in gone)
        cooperative = coordinator.rebalance_protocol == RebalanceProtocol.COOPERATIVE
        self.actor.env.trace.emit("consumer.revoked", client_id=self.actor.client_id, group=self.actor.group_id,
                                  partitions=[list(tp) for tp in sorted(gone)],
                                  kept=[list(tp) for tp in kept] if cooperative else [],
                                  protocol="cooperative" if cooperative else "eager")

    def on_partitions_assigned(self, assigned):
        pass
