"""Broker and topic configuration.

Broker settings: one table (BROKER_CONFIGS) with Kafka 4.3.1's defaults and validator bounds, for the
classic settings and for the group.consumer.* / group.share.* settings of the Kafka 4.x groups, and
the parsing of `key=value` overrides (`kafkasim run --config`). Group settings (`kafka-configs.sh
--entity-type groups`): GroupConfigs, each bounded by the broker's min/max settings. Topic settings: every topic config of Kafka 4.3.1 from topic_config_table (names, types,
defaults, validation, Kafka's messages); a topic stores its overrides as the strings the request
carried, as Kafka does, and the broker works with their parsed values.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import errors
from .. import topic_config_table as table
from ..errors import InvalidConfigurationError


class ConfigError(InvalidConfigurationError, ValueError):
    """A broker or group setting Kafka refuses (InvalidConfigurationException / ConfigException);
    the message is German."""


@dataclass(frozen=True)
class BrokerSetting:
    """One broker setting: Kafka 4.3.1's default and its validator's bounds (None: unbounded),
    read from kafka.server.KafkaConfig.configDef() of the 4.3.1 jars."""
    default: object
    low: int | float | None = None
    high: int | float | None = None


_S = BrokerSetting
# The one table of broker settings the simulator knows. The group.consumer.* (KIP-848) and
# group.share.* (KIP-932) settings are the broker's bounds and defaults for the Kafka 4.x groups;
# the group configs below (kafka-configs.sh --entity-type groups) must lie within them.
BROKER_CONFIGS: dict[str, BrokerSetting] = {
    "auto.create.topics.enable": _S(True),
    "num.partitions": _S(1, 1),
    "default.replication.factor": _S(1),
    "min.insync.replicas": _S(1, 1),
    "unclean.leader.election.enable": _S(False),
    "log.retention.ms": _S(7 * 24 * 3600 * 1000),   # log.retention.hours=168
    "log.retention.bytes": _S(-1),
    "log.cleanup.policy": _S("delete"),
    "log.roll.ms": _S(7 * 24 * 3600 * 1000),        # log.roll.hours=168
    "log.segment.bytes": _S(1024 * 1024 * 1024, 1024 * 1024),
    "log.retention.check.interval.ms": _S(300_000, 1),
    "log.cleaner.backoff.ms": _S(15_000, 0),
    "log.cleaner.delete.retention.ms": _S(86_400_000, 0),
    "log.cleaner.min.cleanable.ratio": _S(0.5, 0, 1),
    "replica.lag.time.max.ms": _S(30_000),
    "broker.session.timeout.ms": _S(9_000),
    "group.initial.rebalance.delay.ms": _S(3_000),
    "offsets.topic.num.partitions": _S(50, 1),
    "offsets.topic.replication.factor": _S(3, 1),
    # the transaction coordinator
    "transaction.state.log.num.partitions": _S(50, 1),
    "transaction.state.log.replication.factor": _S(3, 1),
    "transaction.max.timeout.ms": _S(900_000, 1),
    "transaction.abort.timed.out.transaction.cleanup.interval.ms": _S(10_000, 1),
    "group.min.session.timeout.ms": _S(6_000),
    "group.max.session.timeout.ms": _S(1_800_000),
    "auto.leader.rebalance.enable": _S(True),
    "leader.imbalance.check.interval.seconds": _S(300, 1),
    # Not defined by Kafka 4.3.1's KafkaConfig (tests/groups4/test_broker_config_table.py); the
    # simulator's preferred-leader check still reads it.
    "leader.imbalance.per.broker.percentage": _S(10),
    # consumer groups (KIP-848)
    "group.consumer.heartbeat.interval.ms": _S(5000, 1),
    "group.consumer.min.heartbeat.interval.ms": _S(5000, 1),
    "group.consumer.max.heartbeat.interval.ms": _S(15000, 1),
    "group.consumer.session.timeout.ms": _S(45000, 1),
    "group.consumer.min.session.timeout.ms": _S(45000, 1),
    "group.consumer.max.session.timeout.ms": _S(60000, 1),
    "group.consumer.assignment.interval.ms": _S(1000, 0),
    "group.consumer.min.assignment.interval.ms": _S(0, 0),
    "group.consumer.max.assignment.interval.ms": _S(15000, 0),
    "group.consumer.assignors": _S(["uniform", "range"]),
    "group.consumer.max.size": _S(2147483647, 1),
    # share groups (KIP-932)
    "group.share.heartbeat.interval.ms": _S(5000, 1),
    "group.share.min.heartbeat.interval.ms": _S(5000, 1),
    "group.share.max.heartbeat.interval.ms": _S(15000, 1),
    "group.share.session.timeout.ms": _S(45000, 1),
    "group.share.min.session.timeout.ms": _S(45000, 1),
    "group.share.max.session.timeout.ms": _S(60000, 1),
    "group.share.assignment.interval.ms": _S(1000, 0),
    "group.share.min.assignment.interval.ms": _S(0, 0),
    "group.share.max.assignment.interval.ms": _S(15000, 0),
    "group.share.assignors": _S(["simple"]),
    "group.share.max.size": _S(200, 1, 1000),
    "group.share.record.lock.duration.ms": _S(30000, 1000, 3600000),
    "group.share.min.record.lock.duration.ms": _S(15000, 1000, 30000),
    "group.share.max.record.lock.duration.ms": _S(60000, 30000, 3600000),
    "group.share.delivery.count.limit": _S(5, 2, 10),
    "group.share.min.delivery.count.limit": _S(2, 2, 5),
    "group.share.max.delivery.count.limit": _S(10, 5, 25),
    "group.share.partition.max.record.locks": _S(2000, 100, 10000),
    "group.share.min.partition.max.record.locks": _S(100, 100, 2000),
    "group.share.max.partition.max.record.locks": _S(4000, 2000, 10000),
}
BROKER_DEFAULTS: dict[str, object] = {name: setting.default for name, setting in BROKER_CONFIGS.items()}


def coerce(name: str, value, default):
    """Converts a config value (often a string from the CLI or an admin call) to the default's type."""
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.strip().lower() not in ("true", "false"):
                    raise ValueError(value)
                return value.strip().lower() == "true"
            return bool(value)
        if isinstance(default, list):
            return [v.strip() for v in value.split(",")] if isinstance(value, str) else list(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"Ungültiger Wert {value!r} für die Einstellung {name} "
            f"(erwartet: {type(default).__name__}).") from None


def broker_setting(name: str, value):
    """A broker setting's value, parsed and checked against the table (ConfigError if refused)."""
    setting = BROKER_CONFIGS[name]
    value = coerce(name, value, setting.default)
    low, high = setting.low, setting.high
    if (low is not None and value < low) or (high is not None and value > high):
        raise ConfigError(f"{name}={value} liegt außerhalb des erlaubten Bereichs "
                          f"[{low}, {high if high is not None else '…'}].")
    return value


def broker_config(overrides: dict | None) -> dict:
    config = dict(BROKER_DEFAULTS)
    for name, value in (overrides or {}).items():
        if name == "log.retention.hours":
            name, value = "log.retention.ms", int(value) * 3600 * 1000
        elif name == "log.roll.hours":
            name, value = "log.roll.ms", int(value) * 3600 * 1000
        if name in BROKER_CONFIGS:
            config[name] = broker_setting(name, value)
        elif name in _TOPIC_SYNONYMS:
            config[name] = describe_value(value)      # only topics read it, through topic_layers
        else:
            raise ConfigError(f"Unbekannte Broker-Einstellung {name} (der Simulator bildet sie nicht nach).")
    return config


# Group configs and the broker setting each one defaults to; (min, max) name the broker settings
# that bound it (GroupConfig validates against them).
GROUP_CONFIGS: dict[str, tuple[str, str, str]] = {
    f"{kind}.{name}": (f"group.{kind}.{name}", f"group.{kind}.min.{name}", f"group.{kind}.max.{name}")
    for kind, names in (("consumer", ("heartbeat.interval.ms", "session.timeout.ms", "assignment.interval.ms")),
                        ("share", ("heartbeat.interval.ms", "session.timeout.ms", "assignment.interval.ms",
                                   "record.lock.duration.ms", "delivery.count.limit", "partition.max.record.locks")))
    for name in names
}
# Group configs without a broker counterpart: name → (default, allowed values).
GROUP_CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "share.auto.offset.reset": ("latest", ("latest", "earliest")),
    "share.isolation.level": ("read_uncommitted", ("read_uncommitted", "read_committed")),
}


class GroupConfigs:
    """The group configs of the Kafka 4.x groups: each group's overrides over the broker's settings."""

    def __init__(self, broker: dict | None = None) -> None:
        # The broker's parsed settings (broker_config); Kafka's defaults without them.
        self.broker = broker if broker is not None else broker_config(None)
        self.groups: dict[str, dict[str, int | str]] = {}

    def set_group(self, group_id: str, name: str, value) -> None:
        """kafka-configs.sh --entity-type groups --alter --add-config name=value."""
        if name in GROUP_CHOICES:
            _default, allowed = GROUP_CHOICES[name]
            if value not in allowed:
                raise ConfigError(f"{name}={value} ist ungültig; erlaubt: {', '.join(allowed)}.")
        elif name in GROUP_CONFIGS:
            value = _whole_number(name, value)
            _base, low_name, high_name = GROUP_CONFIGS[name]
            low, high = self.broker[low_name], self.broker[high_name]
            if value < low or value > high:
                bound = f"{low_name}={low}" if value < low else f"{high_name}={high}"
                raise ConfigError(f"{name}={value} ist für Gruppe {group_id} nicht erlaubt: "
                                  f"der Broker begrenzt es mit {bound}.")
        else:
            raise ConfigError(f"Die Gruppen-Einstellung {name} gibt es nicht (oder der Simulator bildet "
                              "sie nicht nach).")
        self.groups.setdefault(group_id, {})[name] = value

    def group(self, group_id: str, name: str):
        """The group's value: its override, else the broker default it inherits."""
        override = self.groups.get(group_id, {}).get(name)
        if override is not None:
            return override
        if name in GROUP_CHOICES:
            return GROUP_CHOICES[name][0]
        return self.broker[GROUP_CONFIGS[name][0]]


def _whole_number(name: str, value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} erwartet eine ganze Zahl, nicht {value!r}.") from None


# The broker settings a topic config inherits from (Kafka's synonyms, e.g. log.retention.hours).
_TOPIC_SYNONYMS = frozenset(syn.name for config in table.TOPIC_CONFIGS for syn in config.synonyms)


def topic_layers(broker_overrides: dict | None) -> table.BrokerConfigs:
    """The broker-level layers a topic config inherits from: the static settings given to the
    cluster (server.properties), on a KRaft cluster as Kafka 4.3.1 formats it."""
    static = {name: describe_value(value) for name, value in (broker_overrides or {}).items()
              if name in _TOPIC_SYNONYMS}
    return table.BrokerConfigs.kraft(static)


def config_error(error: table.TopicConfigError) -> errors.KafkaError:
    """The Kafka error a refused topic config answers with, carrying Kafka's own message."""
    return errors.for_code(error.error_code)(error.message)


def topic_values(layers: table.BrokerConfigs, overrides: dict) -> dict:
    """Every topic config's value as the broker works with it (parsed from the stored strings; a
    list as Kafka prints it, e.g. cleanup.policy "compact,delete")."""
    try:
        values = table.effective_values(overrides, layers)
    except table.TopicConfigError as error:
        raise config_error(error) from None
    for name in _LIST_CONFIGS:
        values[name] = ",".join(values[name])
    return values


_LIST_CONFIGS = tuple(config.name for config in table.TOPIC_CONFIGS if config.type == table.LIST)


def as_config_string(value) -> str | None:
    """A value from the page's controls (numbers, booleans) as the string a request carries."""
    if value is None or isinstance(value, str):
        return value
    return describe_value(value)


def describe_value(value) -> str:
    """A config value as Kafka describes it: booleans lower case, everything else as text."""
    return str(value).lower() if isinstance(value, bool) else str(value)
