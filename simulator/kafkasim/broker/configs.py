"""Broker and topic configuration.

Broker settings: Kafka 4.x defaults and the parsing of `key=value` overrides (`kafkasim run
--config`). Topic settings: every topic config of Kafka 4.3.1 from topic_config_table (names, types,
defaults, validation, Kafka's messages); a topic stores its overrides as the strings the request
carried, as Kafka does, and the broker works with their parsed values.
"""

from __future__ import annotations

from .. import errors
from .. import topic_config_table as table
from ..errors import InvalidConfigurationError
from ..groups4.broker.configs import BROKER_DEFAULTS as GROUP_PROTOCOL_DEFAULTS
from ..groups4.broker.configs import ConfigError, GroupConfigs

BROKER_DEFAULTS: dict[str, object] = {
    "auto.create.topics.enable": True,
    "num.partitions": 1,
    "default.replication.factor": 1,
    "min.insync.replicas": 1,
    "unclean.leader.election.enable": False,
    "log.retention.ms": 7 * 24 * 3600 * 1000,   # log.retention.hours=168
    "log.retention.bytes": -1,
    "log.cleanup.policy": "delete",
    "log.roll.ms": 7 * 24 * 3600 * 1000,        # log.roll.hours=168
    "log.segment.bytes": 1024 * 1024 * 1024,
    "log.retention.check.interval.ms": 300_000,
    "log.cleaner.backoff.ms": 15_000,
    "log.cleaner.delete.retention.ms": 86_400_000,
    "log.cleaner.min.cleanable.ratio": 0.5,
    "replica.lag.time.max.ms": 30_000,
    "broker.session.timeout.ms": 9_000,
    "group.initial.rebalance.delay.ms": 3_000,
    "offsets.topic.num.partitions": 50,
    "offsets.topic.replication.factor": 3,
    "transaction.state.log.num.partitions": 50,
    "transaction.state.log.replication.factor": 3,
    "transaction.max.timeout.ms": 900_000,
    "transaction.abort.timed.out.transaction.cleanup.interval.ms": 10_000,
    "group.min.session.timeout.ms": 6_000,
    "group.max.session.timeout.ms": 1_800_000,
    "auto.leader.rebalance.enable": True,
    "leader.imbalance.check.interval.seconds": 300,
    "leader.imbalance.per.broker.percentage": 10,
}

def coerce(name: str, value, default):
    """Converts a config value (often a string from the CLI or an admin call) to the default's type."""
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.strip().lower() not in ("true", "false"):
                    raise ValueError(value)
                return value.strip().lower() == "true"
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise InvalidConfigurationError(
            f"Ungültiger Wert {value!r} für die Einstellung {name} "
            f"(erwartet: {type(default).__name__}).") from None


def broker_config(overrides: dict | None) -> dict:
    config = dict(BROKER_DEFAULTS)
    # The share-group and consumer-protocol (KIP-848) settings only concern groups kafka-python
    # cannot join; they are validated as Kafka does and kept, so a broker configured like the
    # course's test broker starts here too.
    group_protocols = GroupConfigs()
    for name, value in (overrides or {}).items():
        if name in GROUP_PROTOCOL_DEFAULTS:
            try:
                group_protocols.set_broker(name, value)
            except ConfigError as error:
                raise InvalidConfigurationError(str(error)) from None
            config[name] = group_protocols.broker[name]
            continue
        if name == "log.retention.hours":
            name, value = "log.retention.ms", int(value) * 3600 * 1000
        elif name == "log.roll.hours":
            name, value = "log.roll.ms", int(value) * 3600 * 1000
        if name in BROKER_DEFAULTS:
            config[name] = coerce(name, value, BROKER_DEFAULTS[name])
        elif name in _TOPIC_SYNONYMS:
            config[name] = describe_value(value)      # only topics read it, through topic_layers
        else:
            raise InvalidConfigurationError(f"Unbekannte Broker-Einstellung: {name}")
    return config


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
