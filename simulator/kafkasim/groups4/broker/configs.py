"""The configs of share groups and consumer-protocol groups, with Kafka 4.3.1's defaults and limits.

Values read from the 4.3.1 jars (GroupCoordinatorConfig, ShareGroupConfig, GroupConfig; see
tests/groups4/FACTS.md). Broker configs are static; group configs (`kafka-configs.sh
--entity-type groups`) override the broker's value for one group and must lie within the
broker's min/max bounds.
"""

from __future__ import annotations

# name: (default, (lowest, highest) allowed by the config's own validator)
BROKER_DEFAULTS: dict[str, int | str | list] = {
    # consumer groups (KIP-848)
    "group.consumer.heartbeat.interval.ms": 5000,
    "group.consumer.min.heartbeat.interval.ms": 5000,
    "group.consumer.max.heartbeat.interval.ms": 15000,
    "group.consumer.session.timeout.ms": 45000,
    "group.consumer.min.session.timeout.ms": 45000,
    "group.consumer.max.session.timeout.ms": 60000,
    "group.consumer.assignment.interval.ms": 1000,
    "group.consumer.min.assignment.interval.ms": 0,
    "group.consumer.max.assignment.interval.ms": 15000,
    "group.consumer.assignors": ["uniform", "range"],
    "group.consumer.max.size": 2147483647,
    # share groups (KIP-932)
    "group.share.heartbeat.interval.ms": 5000,
    "group.share.min.heartbeat.interval.ms": 5000,
    "group.share.max.heartbeat.interval.ms": 15000,
    "group.share.session.timeout.ms": 45000,
    "group.share.min.session.timeout.ms": 45000,
    "group.share.max.session.timeout.ms": 60000,
    "group.share.assignment.interval.ms": 1000,
    "group.share.min.assignment.interval.ms": 0,
    "group.share.max.assignment.interval.ms": 15000,
    "group.share.assignors": ["simple"],
    "group.share.max.size": 200,
    "group.share.record.lock.duration.ms": 30000,
    "group.share.min.record.lock.duration.ms": 15000,
    "group.share.max.record.lock.duration.ms": 60000,
    "group.share.delivery.count.limit": 5,
    "group.share.min.delivery.count.limit": 2,
    "group.share.max.delivery.count.limit": 10,
    "group.share.partition.max.record.locks": 2000,
    "group.share.min.partition.max.record.locks": 100,
    "group.share.max.partition.max.record.locks": 10000,
}

# The validators of the broker configs themselves ([lowest, highest]); None = unbounded.
BROKER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "group.consumer.heartbeat.interval.ms": (1, None),
    "group.consumer.min.heartbeat.interval.ms": (1, None),
    "group.consumer.session.timeout.ms": (1, None),
    "group.consumer.assignment.interval.ms": (0, None),
    "group.consumer.min.assignment.interval.ms": (0, None),
    "group.consumer.max.assignment.interval.ms": (0, None),
    "group.share.heartbeat.interval.ms": (1, None),
    "group.share.min.heartbeat.interval.ms": (1, None),
    "group.share.session.timeout.ms": (1, None),
    "group.share.assignment.interval.ms": (0, None),
    "group.share.min.assignment.interval.ms": (0, None),
    "group.share.max.assignment.interval.ms": (0, None),
    "group.share.record.lock.duration.ms": (1000, 3600000),
    "group.share.min.record.lock.duration.ms": (1000, 30000),
    "group.share.max.record.lock.duration.ms": (30000, 3600000),
    "group.share.delivery.count.limit": (2, 10),
    "group.share.min.delivery.count.limit": (2, 5),
    "group.share.max.delivery.count.limit": (5, 25),
    "group.share.partition.max.record.locks": (100, 10000),
    "group.share.max.size": (1, 1000),
}

# Group configs and the broker config each one defaults to; (min, max) name the broker configs
# that bound it (GroupConfig validates against them).
GROUP_CONFIGS: dict[str, tuple[str, str | None, str | None]] = {
    "consumer.heartbeat.interval.ms": ("group.consumer.heartbeat.interval.ms",
                                       "group.consumer.min.heartbeat.interval.ms",
                                       "group.consumer.max.heartbeat.interval.ms"),
    "consumer.session.timeout.ms": ("group.consumer.session.timeout.ms",
                                    "group.consumer.min.session.timeout.ms",
                                    "group.consumer.max.session.timeout.ms"),
    "consumer.assignment.interval.ms": ("group.consumer.assignment.interval.ms",
                                        "group.consumer.min.assignment.interval.ms",
                                        "group.consumer.max.assignment.interval.ms"),
    "share.heartbeat.interval.ms": ("group.share.heartbeat.interval.ms",
                                    "group.share.min.heartbeat.interval.ms",
                                    "group.share.max.heartbeat.interval.ms"),
    "share.session.timeout.ms": ("group.share.session.timeout.ms",
                                 "group.share.min.session.timeout.ms",
                                 "group.share.max.session.timeout.ms"),
    "share.assignment.interval.ms": ("group.share.assignment.interval.ms",
                                     "group.share.min.assignment.interval.ms",
                                     "group.share.max.assignment.interval.ms"),
    "share.record.lock.duration.ms": ("group.share.record.lock.duration.ms",
                                      "group.share.min.record.lock.duration.ms",
                                      "group.share.max.record.lock.duration.ms"),
    "share.delivery.count.limit": ("group.share.delivery.count.limit",
                                   "group.share.min.delivery.count.limit",
                                   "group.share.max.delivery.count.limit"),
    "share.partition.max.record.locks": ("group.share.partition.max.record.locks",
                                         "group.share.min.partition.max.record.locks",
                                         "group.share.max.partition.max.record.locks"),
}
# Group configs without a broker counterpart: name → (default, allowed values).
GROUP_CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "share.auto.offset.reset": ("latest", ("latest", "earliest")),
    "share.isolation.level": ("read_uncommitted", ("read_uncommitted", "read_committed")),
}


class ConfigError(ValueError):
    """Kafka's InvalidConfigurationException / ConfigException; the message is German."""


class GroupConfigs:
    """The broker's group configs and the per-group overrides."""

    def __init__(self, broker_overrides: dict | None = None) -> None:
        self.broker = dict(BROKER_DEFAULTS)
        self.groups: dict[str, dict[str, int | str]] = {}
        for name, value in (broker_overrides or {}).items():
            self.set_broker(name, value)

    def set_broker(self, name: str, value) -> None:
        if name not in BROKER_DEFAULTS:
            raise ConfigError(f"Die Broker-Einstellung {name} bildet der Simulator nicht nach.")
        default = BROKER_DEFAULTS[name]
        if isinstance(default, list):
            value = [v.strip() for v in value.split(",")] if isinstance(value, str) else list(value)
        else:
            value = _whole_number(name, value)
            low, high = BROKER_RANGES.get(name, (None, None))
            if (low is not None and value < low) or (high is not None and value > high):
                raise ConfigError(f"{name}={value} liegt außerhalb des erlaubten Bereichs "
                                  f"[{low}, {high if high is not None else '…'}].")
        self.broker[name] = value

    def set_group(self, group_id: str, name: str, value) -> None:
        """kafka-configs.sh --entity-type groups --alter --add-config name=value."""
        if name in GROUP_CHOICES:
            _default, allowed = GROUP_CHOICES[name]
            if value not in allowed:
                raise ConfigError(f"{name}={value} ist ungültig; erlaubt: {', '.join(allowed)}.")
        elif name in GROUP_CONFIGS:
            value = _whole_number(name, value)
            _base, low_name, high_name = GROUP_CONFIGS[name]
            low = self.broker[low_name] if low_name else 0
            high = self.broker[high_name] if high_name else None
            if value < low or (high is not None and value > high):
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
