"""Broker and topic configuration: the config table with Kafka 4.x defaults, types and validators.

A topic config names the broker config it inherits its default from (Kafka's "synonym"), its type
(which also decides how a string from an admin request is parsed) and an optional validator.
Adding a topic config is one entry in TOPIC_CONFIGS.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InvalidConfigurationError

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

# Kafka's ConfigEntry types (DescribeConfigs config_type).
BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD = range(1, 10)

CLEANUP_POLICIES = ("delete", "compact", "compact,delete", "delete,compact")


def _cleanup_policy(value: str) -> None:
    if value not in CLEANUP_POLICIES:
        raise InvalidConfigurationError(f"cleanup.policy muss delete oder compact sein, nicht {value!r}.")


@dataclass(frozen=True)
class TopicConfig:
    synonym: str                    # the broker config that supplies the default
    type: int
    validate: object = None         # callable(value) raising InvalidConfigurationError


TOPIC_CONFIGS: dict[str, TopicConfig] = {
    "retention.ms": TopicConfig("log.retention.ms", LONG),
    "retention.bytes": TopicConfig("log.retention.bytes", LONG),
    "cleanup.policy": TopicConfig("log.cleanup.policy", LIST, _cleanup_policy),
    "min.insync.replicas": TopicConfig("min.insync.replicas", INT),
    "unclean.leader.election.enable": TopicConfig("unclean.leader.election.enable", BOOLEAN),
    "segment.ms": TopicConfig("log.roll.ms", LONG),
    "segment.bytes": TopicConfig("log.segment.bytes", INT),
    "delete.retention.ms": TopicConfig("log.cleaner.delete.retention.ms", LONG),
    "min.cleanable.dirty.ratio": TopicConfig("log.cleaner.min.cleanable.ratio", DOUBLE),
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
    for name, value in (overrides or {}).items():
        if name == "log.retention.hours":
            name, value = "log.retention.ms", int(value) * 3600 * 1000
        elif name == "log.roll.hours":
            name, value = "log.roll.ms", int(value) * 3600 * 1000
        if name not in BROKER_DEFAULTS:
            raise InvalidConfigurationError(f"Unbekannte Broker-Einstellung: {name}")
        config[name] = coerce(name, value, BROKER_DEFAULTS[name])
    return config


def topic_config(broker: dict, overrides: dict | None) -> dict:
    config = {name: broker[spec.synonym] for name, spec in TOPIC_CONFIGS.items()}
    for name, value in (overrides or {}).items():
        if name not in config:
            raise InvalidConfigurationError(f"Unbekannte Topic-Einstellung: {name}")
        config[name] = coerce(name, value, config[name])
    for name, spec in TOPIC_CONFIGS.items():
        if spec.validate is not None:
            spec.validate(config[name])
    return config


def describe_value(value) -> str:
    """A config value as Kafka describes it: booleans lower case, everything else as text."""
    return str(value).lower() if isinstance(value, bool) else str(value)
