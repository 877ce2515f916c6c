"""One broker: its state, and the endpoint through which requests reach it."""

from __future__ import annotations


class Broker:
    __slots__ = ("id", "state", "fenced", "incarnation", "down_since", "_apis")

    def __init__(self, broker_id: int, apis) -> None:
        self.id = broker_id
        self.state = "running"          # running | stopped | crashed
        # Fenced: the controller no longer counts the broker as alive (no leadership, not in ISR).
        self.fenced = False
        self.incarnation = 0            # bumps on every restart
        self.down_since: int | None = None
        self._apis = apis

    # -- the network endpoint ------------------------------------------------------------------
    @property
    def up(self) -> bool:
        return self.state == "running"

    def handle(self, request, client_id: str, respond) -> None:
        self._apis.handle(self.id, request, client_id, respond)

    def snapshot(self) -> dict:
        return {"id": self.id, "state": self.state}


def elect_controller(brokers: dict[int, Broker]) -> int | None:
    """The active KRaft controller: needs a majority of the (combined broker+controller) nodes.

    Every simulated broker is also a controller voter, as in the course's combined-mode setup;
    the lowest running id wins, which keeps runs deterministic.
    """
    running = sorted(b.id for b in brokers.values() if b.state == "running")
    if len(running) * 2 <= len(brokers):
        return None
    return running[0]
