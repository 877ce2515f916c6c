"""Broker and topic configuration: Kafka 4.x defaults and parsing of `key=value` overrides."""

from __future__ import annotations

from .errors import InvalidConfigurationError, KafkaConfigurationError
from .groups4.broker.configs import BROKER_DEFAULTS as GROUP_PROTOCOL_DEFAULTS
from .groups4.broker.configs import ConfigError, GroupConfigs

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
    "group.min.session.timeout.ms": 6_000,
    "group.max.session.timeout.ms": 1_800_000,
    "auto.leader.rebalance.enable": True,
    "leader.imbalance.check.interval.seconds": 300,
    "leader.imbalance.per.broker.percentage": 10,
}

# Topic config name → the broker config that supplies its default.
TOPIC_CONFIG_DEFAULTS: dict[str, str] = {
    "retention.ms": "log.retention.ms",
    "retention.bytes": "log.retention.bytes",
    "cleanup.policy": "log.cleanup.policy",
    "min.insync.replicas": "min.insync.replicas",
    "unclean.leader.election.enable": "unclean.leader.election.enable",
    "segment.ms": "log.roll.ms",
    "segment.bytes": "log.segment.bytes",
    "delete.retention.ms": "log.cleaner.delete.retention.ms",
    "min.cleanable.dirty.ratio": "log.cleaner.min.cleanable.ratio",
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
        if name not in BROKER_DEFAULTS:
            raise InvalidConfigurationError(f"Unbekannte Broker-Einstellung: {name}")
        config[name] = coerce(name, value, BROKER_DEFAULTS[name])
    return config


def topic_config(broker: dict, overrides: dict | None) -> dict:
    config = {name: broker[source] for name, source in TOPIC_CONFIG_DEFAULTS.items()}
    for name, value in (overrides or {}).items():
        if name not in config:
            raise InvalidConfigurationError(f"Unbekannte Topic-Einstellung: {name}")
        config[name] = coerce(name, value, config[name])
    if config["cleanup.policy"] not in ("delete", "compact", "compact,delete", "delete,compact"):
        raise InvalidConfigurationError(
            f"cleanup.policy muss delete oder compact sein, nicht {config['cleanup.policy']!r}.")
    return config


ACKS = {"all": -1, "-1": -1, -1: -1, "1": 1, 1: 1, "0": 0, 0: 0}


def parse_acks(acks) -> int:
    if acks not in ACKS:
        raise KafkaConfigurationError(f"acks muss 0, 1 oder 'all' sein, nicht {acks!r}.")
    return ACKS[acks]
