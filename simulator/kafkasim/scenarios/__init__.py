"""What the page starts and does besides a learner's code, through the same clients a learner uses:
Börse tickers (a KafkaProducer each), background consumers (a KafkaConsumer each), and the page's
own producer and admin client behind "Datensatz senden" and the topic form.

Each control has a `check_…` step (German ValueError for bad input, before anything happens) and
the action itself; kafkasim.cluster records the control between the two.
"""

from __future__ import annotations

from .. import errors
from ..clients.admin import ConfigResource, ConfigResourceType, NewPartitions, NewTopic
from ..clients.admin._configs import AlterConfigOp
from ..clients.admin.client import KafkaAdminClient
from ..clients.env import using
from ..clients.producer.kafka import KafkaProducer
from .boerse import DAX, Ticker
from .consumers import BackgroundConsumer

def _config_string(value) -> str:
    """A config value from the page (number, boolean) as the string an admin request carries."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


ACKS = {"all": -1, "-1": -1, -1: -1, "1": 1, 1: 1, "0": 0, 0: 0}
ACK_LABELS = {-1: "all", 1: "1", 0: "0"}
ASSIGNORS = ("range", "roundrobin", "sticky", "cooperative-sticky")


def parse_acks(acks) -> int:
    if isinstance(acks, bool) or acks not in ACKS:
        raise errors.KafkaConfigurationError(f"acks muss 0, 1 oder 'all' sein, nicht {acks!r}.")
    return ACKS[acks]


def _as_bytes(data):
    return data.encode() if isinstance(data, str) else data


class Scenarios:
    def __init__(self, env) -> None:
        self.env = env
        self.tickers: dict[str, Ticker] = {}
        self.consumers: dict[str, BackgroundConsumer] = {}
        self._producers: dict[int, KafkaProducer] = {}
        self._admin: KafkaAdminClient | None = None

    # -- the page's own clients ------------------------------------------------------------------
    def admin(self) -> KafkaAdminClient:
        if self._admin is None:
            with using(self.env):
                self._admin = KafkaAdminClient(client_id="formular-admin")
        return self._admin

    def producer(self, acks: int) -> KafkaProducer:
        """The producer behind "Datensatz senden", one per acks setting: no retries, so the first
        answer of the broker (also a refusal) is what the page shows."""
        producer = self._producers.get(acks)
        if producer is None:
            with using(self.env):
                producer = self._producers[acks] = KafkaProducer(
                    client_id=f"formular-acks-{ACK_LABELS[acks]}", acks=ACK_LABELS[acks] if acks == -1 else acks,
                    enable_idempotence=False, retries=0)
        return producer

    def produce(self, topic: str, value, key=None, acks=-1, partition=None) -> dict:
        producer = self.producer(acks)
        future = producer.send(topic, value=_as_bytes(value), key=_as_bytes(key), partition=partition)
        if acks == 0:
            producer.flush(timeout=30)
            # Nothing comes back; the page shows the record once it is there, one hop later.
            self.env.block(self.env.kernel.now + self.env.network.latency)
            return {"topic": topic, "partition": future._tp.partition, "offset": -1}
        # No retries: the broker's first answer decides, at the latest after request_timeout_ms
        # (REQUEST_TIMED_OUT); delivery_timeout_ms bounds a record that waits for a leader.
        metadata = future.get()
        return {"topic": topic, "partition": metadata.partition, "offset": metadata.offset}

    def create_topic(self, name: str, partitions: int, replication_factor: int, config: dict | None) -> dict:
        configs = {key: _config_string(value) for key, value in (config or {}).items()}
        try:
            response = self.admin().create_topics([NewTopic(name, partitions, replication_factor,
                                                            topic_configs=configs)])
        except (errors.InvalidConfigurationError, errors.InvalidRequestError) as error:
            raise type(error)(f"Der Broker lehnt die Topic-Einstellungen ab: {error.args[0] if error.args else error}") \
                from None
        result = response["topics"][0]
        return {"topic": name, "partitions": result["num_partitions"],
                "replication_factor": result["replication_factor"]}

    def delete_topic(self, name: str) -> None:
        self.admin().delete_topics([name])

    def add_partitions(self, name: str, total_count: int) -> None:
        self.admin().create_partitions({name: NewPartitions(total_count)})

    def alter_topic_config(self, name: str, config: dict) -> None:
        changes = {k: (AlterConfigOp.DELETE, None) if v is None else (AlterConfigOp.SET, _config_string(v))
                   for k, v in config.items()}
        try:
            result = self.admin().alter_configs([ConfigResource(ConfigResourceType.TOPIC, name, changes)])
        except ValueError as error:       # kafka-python's check: keys the topic does not have
            raise errors.InvalidConfigurationError(f"Unbekannte Topic-Einstellung: {error}") from None
        outcome = result["topic"][name]
        if outcome != "OK":
            raise errors.InvalidConfigurationError(f"Der Broker lehnt die Topic-Einstellungen ab: {outcome}")

    # -- tickers ---------------------------------------------------------------------------------
    @staticmethod
    def check_ticker(symbols, rate_per_s, acks) -> tuple[list[str], float, int]:
        acks_n = parse_acks(acks)
        symbols = list(symbols) if symbols else list(DAX)
        if not rate_per_s or rate_per_s <= 0:
            raise ValueError("rate_per_s muss größer als 0 sein.")
        return symbols, rate_per_s, acks_n

    def start_ticker(self, ticker_id: str, topic: str, symbols: list[str], rate_per_s: float, acks: int) -> None:
        with using(self.env):
            self.tickers[ticker_id] = Ticker(self.env, ticker_id, topic, symbols, rate_per_s, acks)
        self.env.trace.emit("ticker.started", ticker=ticker_id, topic=topic, rate_per_s=rate_per_s,
                            symbols=list(symbols))

    def ticker(self, ticker_id: str) -> Ticker:
        ticker = self.tickers.get(ticker_id)
        if ticker is None:
            raise ValueError(f"Einen Ticker {ticker_id} gibt es nicht.")
        return ticker

    def stop_ticker(self, ticker_id: str) -> None:
        self.ticker(ticker_id).stop()
        self.env.trace.emit("ticker.stopped", ticker=ticker_id)

    # -- background consumers --------------------------------------------------------------------
    def check_consumer(self, group_id, topics, client_id, auto_offset_reset, strategy) -> list[str]:
        if isinstance(topics, str):
            topics = [topics]
        if not topics:
            raise ValueError("add_consumer() braucht mindestens ein Topic.")
        if auto_offset_reset not in ("earliest", "latest"):
            raise ValueError(f"auto_offset_reset muss 'earliest' oder 'latest' sein, nicht {auto_offset_reset!r}.")
        if not isinstance(group_id, str) or not group_id:
            raise ValueError("add_consumer() braucht eine group_id (Name der Consumer-Gruppe).")
        for name in strategy:
            if name not in ASSIGNORS:
                raise ValueError(f"Unbekannter Assignor {name!r}: möglich sind range, roundrobin, sticky und cooperative-sticky.")
        if client_id is not None and client_id in self.consumers:
            raise ValueError(f"Einen Consumer {client_id} gibt es schon.")
        return list(topics)

    def add_consumer(self, client_id: str, group_id: str, topics: list[str], auto_offset_reset: str,
                     strategy) -> None:
        with using(self.env):
            self.consumers[client_id] = BackgroundConsumer(self.env, client_id, group_id, topics, auto_offset_reset,
                                                           tuple(strategy))

    def consumer(self, client_id: str) -> BackgroundConsumer:
        consumer = self.consumers.get(client_id)
        if consumer is None:
            raise ValueError(f"Einen Consumer {client_id} gibt es nicht.")
        return consumer

    def remove_consumer(self, client_id: str) -> None:
        self.consumers.pop(client_id).close()

    def snapshot_tickers(self) -> list[dict]:
        return [t.snapshot() for t in self.tickers.values()]
