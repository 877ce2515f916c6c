"""kafka.consumer.subscription_state: what a consumer subscribed to, which partitions it has, and
where it stands in each (position, pause, pending offset reset); plus the rebalance listener
interfaces a learner implements."""

from __future__ import annotations

from abc import ABC, abstractmethod

from ... import errors as Errors


class ConsumerRebalanceListener(ABC):
    @abstractmethod
    def on_partitions_revoked(self, revoked):
        ...

    @abstractmethod
    def on_partitions_assigned(self, assigned):
        ...

    def on_partitions_lost(self, lost):
        return self.on_partitions_revoked(lost)


class AsyncConsumerRebalanceListener(ConsumerRebalanceListener):
    pass


class TopicPartitionState:
    __slots__ = ("position", "paused", "reset_strategy", "highwater", "log_start_offset", "leader_epoch")

    def __init__(self) -> None:
        self.position: int | None = None
        self.paused = False
        self.reset_strategy: str | None = None     # "earliest" / "latest": a ListOffsets is due
        self.highwater: int | None = None
        self.log_start_offset: int | None = None
        self.leader_epoch = -1


MUTUALLY_EXCLUSIVE = "Subscription to topics, partitions and pattern are mutually exclusive"


class SubscriptionState:
    def __init__(self, offset_reset_strategy: str) -> None:
        self.default_reset = offset_reset_strategy
        self.subscription: list[str] | None = None      # subscribed topics (in subscribe order)
        self.pattern = None                              # compiled regex of subscribe(pattern=…)
        self.user_assignment: list | None = None         # assign() partitions
        self.assignment: dict[tuple[str, int], TopicPartitionState] = {}
        self.listener = None

    # -- what is wanted ------------------------------------------------------------------------
    def subscribe(self, topics: list[str], listener=None, pattern=None) -> None:
        if self.user_assignment:
            raise Errors.IllegalStateError(MUTUALLY_EXCLUSIVE)
        self.subscription = list(dict.fromkeys(topics))
        self.pattern = pattern
        self.listener = listener

    def assign_from_user(self, tps: list[tuple[str, int]]) -> None:
        if self.subscription:
            raise Errors.IllegalStateError(MUTUALLY_EXCLUSIVE)
        self.user_assignment = list(dict.fromkeys(tps))
        self.set_assignment(self.user_assignment)

    def unsubscribe(self) -> None:
        self.subscription = None
        self.pattern = None
        self.user_assignment = None
        self.listener = None
        self.set_assignment([])

    def partitions_auto_assigned(self) -> bool:
        return self.subscription is not None

    # -- what is held --------------------------------------------------------------------------
    def set_assignment(self, tps, keep_positions: bool = True) -> None:
        old = self.assignment
        new = {}
        for tp in tps:
            state = old.get(tp) if keep_positions else None
            new[tp] = state if state is not None else TopicPartitionState()
        self.assignment = new

    def is_assigned(self, tp) -> bool:
        return tp in self.assignment

    def assigned_partitions(self) -> list:
        return list(self.assignment)

    def is_fetchable(self, tp) -> bool:
        state = self.assignment.get(tp)
        return state is not None and not state.paused and state.position is not None

    def missing_positions(self) -> list:
        return [tp for tp, s in self.assignment.items() if s.position is None and s.reset_strategy is None]

    def awaiting_reset(self) -> list:
        return [tp for tp, s in self.assignment.items() if s.reset_strategy is not None]

    def seek(self, tp, offset: int) -> None:
        state = self.assignment[tp]
        state.position = offset
        state.reset_strategy = None

    def request_reset(self, tp, strategy: str | None = None) -> None:
        state = self.assignment[tp]
        state.reset_strategy = strategy or self.default_reset
        state.position = None

    def by_topic(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for t, p in self.assignment:
            out.setdefault(t, []).append(p)
        return out
