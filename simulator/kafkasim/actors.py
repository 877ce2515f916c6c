"""Actors started from outside a script: Börse tickers and background consumers (Aktionär*innen).

A mixin of `Cluster`. Background consumers poll by themselves every ACTOR_POLL_MS of simulated time
and drain what is there, as an application loop around poll() would.
"""

from __future__ import annotations

from . import errors
from .boerse import DAX, Ticker
from .config import parse_acks
from .consumer_client import ConsumerCore

# Background consumers poll this often (simulated ms) and drain what is there.
ACTOR_POLL_MS = 100


class Actors:
    # -- actors ------------------------------------------------------------------------------------
    def start_ticker(self, topic: str, symbols=None, rate_per_s: float = 5.0, acks="all") -> str:
        acks_n = parse_acks(acks)
        symbols = list(symbols) if symbols else list(DAX)
        if not rate_per_s or rate_per_s <= 0:
            raise ValueError("rate_per_s muss größer als 0 sein.")
        self.ensure_topic(topic)
        ticker_id = self.client_name("boerse")
        self._record("start_ticker", topic, symbols, rate_per_s, acks)
        self.tickers[ticker_id] = Ticker(self, ticker_id, topic, symbols, rate_per_s, acks_n)
        self.trace.emit("ticker.started",
                         f"Die Börse {ticker_id} sendet Kurse von {len(symbols)} Aktien an das Topic {topic} "
                         f"(etwa {rate_per_s:g} Records pro Sekunde, Key = Börsenkürzel).",
                         ticker=ticker_id, topic=topic, rate_per_s=rate_per_s)
        return ticker_id

    def stop_ticker(self, ticker_id: str) -> None:
        ticker = self.tickers.get(ticker_id)
        if ticker is None:
            raise ValueError(f"Einen Ticker {ticker_id} gibt es nicht.")
        self._record("stop_ticker", ticker_id)
        ticker.stop()
        self.trace.emit("ticker.stopped", f"Die Börse {ticker_id} sendet keine Kurse mehr.", ticker=ticker_id)

    def add_consumer(self, group_id: str, topics, client_id: str | None = None,
                     auto_offset_reset: str = "earliest", partition_assignment_strategy=("range", "roundrobin")) -> str:
        if isinstance(topics, str):
            topics = [topics]
        if not topics:
            raise ValueError("add_consumer() braucht mindestens ein Topic.")
        if auto_offset_reset not in ("earliest", "latest"):
            raise ValueError(f"auto_offset_reset muss 'earliest' oder 'latest' sein, nicht {auto_offset_reset!r}.")
        if not isinstance(group_id, str) or not group_id:
            raise ValueError("add_consumer() braucht eine group_id (Name der Consumer-Gruppe).")
        for name in partition_assignment_strategy:
            if name not in ("range", "roundrobin", "sticky"):
                raise ValueError(f"Unbekannter Assignor {name!r}: möglich sind range, roundrobin und sticky.")
        if client_id is None:
            client_id = self._unused_consumer_name()
        if client_id in self.actors:
            raise ValueError(f"Einen Consumer {client_id} gibt es schon.")
        self._record("add_consumer", group_id, list(topics), client_id, auto_offset_reset)
        core = ConsumerCore(self, client_id, group_id, auto_offset_reset=auto_offset_reset,
                            assignors=tuple(partition_assignment_strategy))
        core.subscribe(list(topics))
        self.actors[client_id] = core
        self.kernel.schedule(0, self._actor_poll, core)
        return client_id

    def _unused_consumer_name(self) -> str:
        """aktionaer-N for the next N whose name no running consumer has (a preset or the learner
        may have named theirs aktionaer-1, aktionaer-2 … already)."""
        while True:
            name = self.client_name("aktionaer")
            if name not in self.actors:
                return name

    def _actor_poll(self, core: ConsumerCore) -> None:
        if core.closed:
            return
        try:
            while core.poll_once(None):
                pass
        except errors.KafkaError as exc:
            self.trace.emit("consumer.error", f"{core.client_id}: {exc}", client_id=core.client_id)
        self.kernel.schedule(ACTOR_POLL_MS, self._actor_poll, core)

    def remove_consumer(self, client_id: str) -> None:
        core = self.actors.pop(client_id, None)
        if core is None:
            raise ValueError(f"Einen Consumer {client_id} gibt es nicht.")
        self._record("remove_consumer", client_id)
        core.close()
