"""Every topic-level config of Apache Kafka 4.3.1, as data, with Kafka's own parsing, validation
and DescribeConfigs/CreateTopics rules.

The table (TOPIC_CONFIGS, in the order Kafka's LogConfig defines them) was extracted from the
4.3.1 jars (LogConfig.configKeys(), ServerTopicConfigSynonyms, the broker ConfigDef); the rules and
every error text below were measured on a real 4.3.1 broker with kafka-python 3.0.12
(tests/simulator/test_topic_config_table_on_kafka.py repeats those measurements). Standard library
only, no import from kafkasim: the broker's configs module builds on it.

  * topic overrides are the strings Kafka stores: exactly what the request carried;
  * `BrokerConfigs` holds the broker-level layers a topic config can inherit from;
  * bad input raises `TopicConfigError` with Kafka's error code (40 INVALID_CONFIG or
    42 INVALID_REQUEST) and Kafka's English message, as kafka-python receives it.

Requests: `create_topic_overrides` (CreateTopics), `incremental_alter_overrides`
(IncrementalAlterConfigs), `alter_overrides` (AlterConfigs) return the new overrides or raise.
Answers: `describe_topic_configs` (DescribeConfigs entries), `created_topic_configs` (the configs of
a CreateTopics response). The broker's own use: `effective_values` (typed values), `segment_bytes`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Mapping, Sequence

# --- codes as they travel in DescribeConfigs/CreateTopics responses -----------------------------

# ConfigEntry types (DescribeConfigs config_type), named as Kafka's ConfigDef.Type.
BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD = range(1, 10)
TYPE_NAMES = {BOOLEAN: "BOOLEAN", STRING: "STRING", INT: "INT", SHORT: "SHORT", LONG: "LONG",
              DOUBLE: "DOUBLE", LIST: "LIST", CLASS: "CLASS", PASSWORD: "PASSWORD"}

# Config sources (DescribeConfigs config_source and synonym source).
DYNAMIC_TOPIC_CONFIG = 1
DYNAMIC_BROKER_CONFIG = 2
DYNAMIC_DEFAULT_BROKER_CONFIG = 3
STATIC_BROKER_CONFIG = 4
DEFAULT_CONFIG = 5

# IncrementalAlterConfigs operations.
SET, DELETE, APPEND, SUBTRACT = 0, 1, 2, 3
_OP_NAMES = {SET: "SET", DELETE: "DELETE", APPEND: "APPEND", SUBTRACT: "SUBTRACT"}

INVALID_CONFIG = 40
INVALID_REQUEST = 42

INT_RANGE = (-2 ** 31, 2 ** 31 - 1)
LONG_RANGE = (-2 ** 63, 2 ** 63 - 1)
LONG_MAX = str(LONG_RANGE[1])

# Kafka 4.0 removed these topic configs; 4.3.1 answers "Unknown topic config name: ..." for them.
REMOVED_IN_KAFKA_4 = ("message.format.version", "message.downconversion.enable",
                      "message.timestamp.difference.max.ms")


class TopicConfigError(Exception):
    """A config Kafka refuses: `error_code` and `message` are what the broker answers."""

    def __init__(self, message: str, error_code: int = INVALID_CONFIG):
        super().__init__(message)
        self.message = message
        self.error_code = error_code


def _invalid_value(name: str, shown: str, reason: str) -> TopicConfigError:
    # Kafka's ConfigException(name, value, message) text.
    return TopicConfigError(f"Invalid value {shown} for configuration {name}: {reason}")


# --- Java semantics: Kafka parses and prints values with Java's rules, not Python's -------------

_JAVA_LIST_SPLIT = re.compile(r"[ \t\n\x0b\f\r]*,[ \t\n\x0b\f\r]*")  # ConfigDef's "\\s*,\\s*"
_JAVA_INTEGER = re.compile(r"[+-]?\d+")                              # Character.digit accepts Unicode digits
_JAVA_DOUBLE = re.compile(r"[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)", re.ASCII)
_JAVA_HEX_DOUBLE = re.compile(r"[+-]?0[xX]([0-9a-fA-F]+\.?|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?")


def java_trim(text: str) -> str:
    """String.trim(): strips every character up to U+0020, nothing else (not Unicode spaces)."""
    start, end = 0, len(text)
    while start < end and text[start] <= " ":
        start += 1
    while end > start and text[end - 1] <= " ":
        end -= 1
    return text[start:end]


def java_equals_ignore_case(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    return all(x == y or x.upper() == y.upper() or x.lower() == y.lower() for x, y in zip(a, b))


def java_double_to_string(value: float) -> str:
    """Double.toString: "0.5", "10.0", "1.0E-4", "1.23456785E7", "NaN", "Infinity"."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    _, digits, exponent = Decimal(repr(abs(value))).as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    exponent += len(digits) - len(text)
    point = len(text) + exponent            # the value is 0.<text> * 10**point
    if 1e-3 <= abs(value) < 1e7:
        if point <= 0:
            return f"{sign}0.{'0' * -point}{text}"
        whole, fraction = text[:point].ljust(point, "0"), text[point:]
        return f"{sign}{whole}.{fraction or '0'}"
    return f"{sign}{text[0]}.{text[1:] or '0'}E{point - 1}"


def java_list_to_string(items: Sequence[str]) -> str:
    return "[" + ", ".join(items) + "]"


def java_split_comma(text: str) -> list[str]:
    """String.split(","): trailing empty parts are dropped, but "" gives [""]."""
    if text == "":
        return [""]
    parts = text.split(",")
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _java_hash(text: str) -> int:
    h = 0
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h = (31 * h + int.from_bytes(data[i:i + 2], "little")) & 0xFFFFFFFF
    return h


def java_hash_order(names: Iterable[str], capacity: int) -> list[str]:
    """The iteration order of a java.util.HashMap (or small ConcurrentHashMap) with `capacity`
    buckets: by bucket, then by insertion. Kafka describes topic configs and reports the first
    unknown config name in this order."""
    names = list(names)

    def bucket(name: str) -> int:
        h = _java_hash(name)
        return (h ^ (h >> 16)) & (capacity - 1)
    return sorted(names, key=lambda n: (bucket(n), names.index(n)))


def _hashmap_capacity(size: int) -> int:          # java.util.HashMap: resize when size > 0.75 n
    n = 16
    while size > n * 3 // 4:
        n *= 2
    return n


def _properties_capacity(size: int) -> int:       # java.util.Properties (ConcurrentHashMap(8))
    n = 16
    while size >= n * 3 // 4:
        n *= 2
    return n


# --- validators -----------------------------------------------------------------------------------

class Validator:
    """What Kafka's ConfigDef.Validator checks on a parsed value; str() is Kafka's "Valid Values"."""

    def check(self, name: str, value) -> None:
        raise NotImplementedError

    def normalize(self, value):
        return value


def _shown(value) -> str:
    """How Kafka prints a parsed value in "Invalid value ..." (Java's toString)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return java_double_to_string(value)
    if isinstance(value, list):
        return java_list_to_string(value)
    return str(value)


@dataclass(frozen=True)
class Range(Validator):
    """ConfigDef.Range: at least `min`, and no more than `max` when given (NaN passes, as in Java)."""
    min: int
    max: int | None = None

    def check(self, name, value):
        if value < self.min:
            raise _invalid_value(name, _shown(value), f"Value must be at least {self.min}")
        if self.max is not None and value > self.max:
            raise _invalid_value(name, _shown(value), f"Value must be no more than {self.max}")

    def __str__(self):
        return f"[{self.min},...]" if self.max is None else f"[{self.min},...,{self.max}]"


@dataclass(frozen=True)
class RangeOrValue(Validator):
    """Between `min` and `max`, or exactly `other` (gzip's -1 means "the codec's default level")."""
    min: int
    max: int
    other: int

    def check(self, name, value):
        if value != self.other and not self.min <= value <= self.max:
            raise _invalid_value(name, _shown(value),
                                 f"Value must be between {self.min} and {self.max} or equal to {self.other}")

    def __str__(self):
        return f"[{self.min},...,{self.max}] or {self.other}"


@dataclass(frozen=True)
class OneOf(Validator):
    """ConfigDef.ValidString: case-sensitive, after trimming."""
    options: tuple[str, ...]

    def check(self, name, value):
        if value not in self.options:
            raise _invalid_value(name, value, "String must be one of: " + ", ".join(self.options))

    def __str__(self):
        return java_list_to_string(self.options)


@dataclass(frozen=True)
class ListOf(Validator):
    """ConfigDef.ValidList: every item one of `options`, no empty item; the empty list is allowed.
    Duplicates are accepted and dropped from the value Kafka describes."""
    options: tuple[str, ...]

    def check(self, name, value):
        for item in value:
            if item == "":
                raise TopicConfigError(f"Configuration '{name}' values must not be empty.")
            if item not in self.options:
                raise _invalid_value(name, item, "String must be one of: " + ", ".join(self.options))

    def normalize(self, value):
        return list(dict.fromkeys(value))

    def __str__(self):
        return java_list_to_string(self.options)


_REPLICA = re.compile(r"([0-9]+:[0-9]+)?")


@dataclass(frozen=True)
class ThrottledReplicas(Validator):
    """"*" or partition:broker pairs; empty items pass (Kafka's ThrottledReplicaListValidator)."""

    def check(self, name, value):
        if all(_REPLICA.fullmatch(java_trim(item)) for item in value):
            return
        if java_trim("".join(value)) == "*":
            return
        raise _invalid_value(name, _shown(value), f"{name} must be the literal '*' or a list of replicas in the "
                             "following format: [partitionId]:[brokerId],[partitionId]:[brokerId],...")

    def __str__(self):
        return "[partitionId]:[brokerId],[partitionId]:[brokerId],..."


# --- the table --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BrokerSynonym:
    """A broker config a topic config inherits from; `unit` converts hours/minutes to ms."""
    name: str
    default: str | None            # the broker config's own default as Kafka prints it; None: none
    unit: str = "ms"               # "ms", "minutes" or "hours"

    def to_topic_value(self, raw: str) -> str:
        if self.unit == "ms":
            return raw
        try:
            amount = int(java_trim(raw))
        except ValueError:
            amount = 0                 # Kafka's converter falls back to 0 (and logs an error)
        return str(amount * (3_600_000 if self.unit == "hours" else 60_000))


@dataclass(frozen=True)
class TopicConfig:
    name: str
    type: int
    default: str | None            # as DescribeConfigs prints it; None: no default (internal only)
    validator: Validator | None
    synonyms: tuple[BrokerSynonym, ...]   # Kafka's precedence order; the first is the "primary" one
    simulated: bool                # True: kafkasim must behave by it; False: stored and described only
    doc: str                       # what the config does, in short
    effect: str                    # what kafkasim does with it
    importance: str = "MEDIUM"     # every topic config is MEDIUM in 4.3.1
    internal: bool = False         # not described unless set

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type]

    @property
    def valid_values(self) -> str:
        return str(self.validator) if self.validator is not None else ""

    @property
    def primary_synonym(self) -> str | None:
        return self.synonyms[0].name if self.synonyms else None


def _syn(name: str, default: str | None, unit: str = "ms") -> BrokerSynonym:
    return BrokerSynonym(name, default, unit)


_C = TopicConfig
TOPIC_CONFIGS: tuple[TopicConfig, ...] = (
    _C("segment.bytes", INT, "1073741824", Range(1048576), (_syn("log.segment.bytes", "1073741824"),), True,
       "Size in bytes at which the active segment of a partition is closed and a new one started.",
       "The active segment rolls when an append would make it larger; retention deletes whole segments."),
    _C("segment.ms", LONG, "604800000", Range(1),
       (_syn("log.roll.ms", None), _syn("log.roll.hours", "168", "hours")), True,
       "Time after which the active segment is rolled even if it is not full.",
       "The active segment rolls at the first append this long after its first record."),
    _C("segment.jitter.ms", LONG, "0", Range(0),
       (_syn("log.roll.jitter.ms", None), _syn("log.roll.jitter.hours", "0", "hours")), True,
       "Largest random amount subtracted from segment.ms per segment, so that partitions do not roll together.",
       "segment.ms minus a seeded random jitter below this value (0: no jitter)."),
    _C("segment.index.bytes", INT, "10485760", Range(4), (_syn("log.index.size.max.bytes", "10485760"),), False,
       "Size of the offset index file of a segment; a full index also rolls the segment.",
       "Stored and described; kafkasim keeps no index files."),
    _C("flush.messages", LONG, LONG_MAX, Range(1), (_syn("log.flush.interval.messages", LONG_MAX),), False,
       "Number of records after which the log is forced to disk (fsync).",
       "Stored and described; kafkasim has no disk."),
    _C("flush.ms", LONG, LONG_MAX, Range(0),
       (_syn("log.flush.interval.ms", None), _syn("log.flush.scheduler.interval.ms", LONG_MAX)), False,
       "Time after which the log is forced to disk (fsync).",
       "Stored and described; kafkasim has no disk."),
    _C("retention.bytes", LONG, "-1", None, (_syn("log.retention.bytes", "-1"),), True,
       "Largest size of a partition before its oldest segments are deleted (delete policy); -1: no limit.",
       "With cleanup.policy delete, closed segments are deleted oldest first while the partition is larger."),
    _C("retention.ms", LONG, "604800000", Range(-1),
       (_syn("log.retention.ms", None), _syn("log.retention.minutes", None, "minutes"),
        _syn("log.retention.hours", "168", "hours")), True,
       "How long records are kept before their segment is deleted (delete policy); -1: forever.",
       "With cleanup.policy delete, a closed segment is deleted when its newest record is older."),
    _C("max.message.bytes", INT, "1048588", Range(0), (_syn("message.max.bytes", "1048588"),), True,
       "Largest record batch the broker accepts for this topic, after compression.",
       "Produce refuses a larger batch with MESSAGE_TOO_LARGE (error 10)."),
    _C("index.interval.bytes", INT, "4096", Range(0), (_syn("log.index.interval.bytes", "4096"),), False,
       "How many bytes of records lie between two entries of the offset index.",
       "Stored and described; kafkasim keeps no index files."),
    _C("delete.retention.ms", LONG, "86400000", Range(0), (_syn("log.cleaner.delete.retention.ms", "86400000"),),
       True,
       "How long tombstones (records with a null value) stay in a compacted log.",
       "The log cleaner removes a tombstone once it has been cleaned and is older than this."),
    _C("min.compaction.lag.ms", LONG, "0", Range(0), (_syn("log.cleaner.min.compaction.lag.ms", "0"),), True,
       "Shortest time a record stays uncompacted.",
       "The log cleaner leaves records younger than this alone."),
    _C("max.compaction.lag.ms", LONG, LONG_MAX, Range(1), (_syn("log.cleaner.max.compaction.lag.ms", LONG_MAX),),
       True,
       "Longest time a record may stay uncompacted; makes a log eligible for cleaning regardless of the ratio.",
       "The log cleaner cleans a log whose oldest dirty record is older, whatever its dirty ratio."),
    _C("file.delete.delay.ms", LONG, "60000", Range(0), (_syn("log.segment.delete.delay.ms", "60000"),), False,
       "Delay between removing a segment from the log and deleting its files.",
       "Stored and described; records of a deleted segment are gone for clients at once, as in Kafka."),
    _C("min.cleanable.dirty.ratio", DOUBLE, "0.5", Range(0, 1), (_syn("log.cleaner.min.cleanable.ratio", "0.5"),),
       True,
       "Share of not yet compacted bytes from which the log cleaner compacts a log.",
       "The log cleaner compacts a log once its dirty share reaches this ratio."),
    _C("cleanup.policy", LIST, "delete", ListOf(("compact", "delete")), (_syn("log.cleanup.policy", "delete"),),
       True,
       "delete: old segments are removed by retention; compact: the last record per key is kept; "
       "both can be combined; an empty list keeps everything.",
       "delete applies retention.ms/retention.bytes, compact runs the log cleaner, both do both, empty neither."),
    _C("unclean.leader.election.enable", BOOLEAN, "false", None, (_syn("unclean.leader.election.enable", "false"),),
       True,
       "Whether a replica outside the ISR may become leader when no in-sync replica is left (may lose records).",
       "With true, a partition without a live ISR member elects a live out-of-sync replica."),
    _C("min.insync.replicas", INT, "1", Range(1), (_syn("min.insync.replicas", "1"),), True,
       "Smallest ISR with which a write with acks=all succeeds.",
       "Produce with acks=all fails with NOT_ENOUGH_REPLICAS (error 19) while the ISR is smaller."),
    _C("compression.type", STRING, "producer",
       OneOf(("uncompressed", "zstd", "lz4", "snappy", "gzip", "producer")), (_syn("compression.type", "producer"),),
       True,
       "Codec the broker stores batches with; producer keeps the producer's codec.",
       "Recorded as the stored batches' codec (producer: the codec the producer used)."),
    _C("compression.gzip.level", INT, "-1", RangeOrValue(1, 9, -1), (_syn("compression.gzip.level", "-1"),), False,
       "gzip level the broker compresses with when compression.type is gzip.",
       "Stored and described; kafkasim records the codec, not compressed bytes."),
    _C("compression.lz4.level", INT, "9", Range(1, 17), (_syn("compression.lz4.level", "9"),), False,
       "lz4 level the broker compresses with when compression.type is lz4.",
       "Stored and described; kafkasim records the codec, not compressed bytes."),
    _C("compression.zstd.level", INT, "3", Range(-131072, 22), (_syn("compression.zstd.level", "3"),), False,
       "zstd level the broker compresses with when compression.type is zstd.",
       "Stored and described; kafkasim records the codec, not compressed bytes."),
    _C("preallocate", BOOLEAN, "false", None, (_syn("log.preallocate", "false"),), False,
       "Whether segment files are allocated at full size when created.",
       "Stored and described; kafkasim has no disk."),
    _C("message.timestamp.type", STRING, "CreateTime", OneOf(("CreateTime", "LogAppendTime")),
       (_syn("log.message.timestamp.type", "CreateTime"),), True,
       "CreateTime keeps the producer's timestamp; LogAppendTime replaces it by the broker's clock.",
       "LogAppendTime: the broker stamps each batch with its time and records get timestamp_type 1."),
    _C("message.timestamp.before.max.ms", LONG, LONG_MAX, Range(0),
       (_syn("log.message.timestamp.before.max.ms", LONG_MAX),), True,
       "How far a CreateTime timestamp may lie in the past of the broker's clock.",
       "With CreateTime, Produce refuses a batch with an older record with INVALID_TIMESTAMP (error 32)."),
    _C("message.timestamp.after.max.ms", LONG, "3600000", Range(0),
       (_syn("log.message.timestamp.after.max.ms", "3600000"),), True,
       "How far a CreateTime timestamp may lie in the future of the broker's clock.",
       "With CreateTime, Produce refuses a batch with a later record with INVALID_TIMESTAMP (error 32)."),
    _C("leader.replication.throttled.replicas", LIST, "", ThrottledReplicas(), (), False,
       "Replicas whose replication is throttled on the leader side, as partition:broker pairs or *.",
       "Stored and described; kafkasim has no replication quotas."),
    _C("follower.replication.throttled.replicas", LIST, "", ThrottledReplicas(), (), False,
       "Replicas whose replication is throttled on the follower side, as partition:broker pairs or *.",
       "Stored and described; kafkasim has no replication quotas."),
    _C("remote.storage.enable", BOOLEAN, "false", None, (), False,
       "Whether the topic uses tiered storage.",
       "true is refused as by a broker without tiered storage; false is stored."),
    _C("local.retention.ms", LONG, "-2", Range(-2), (_syn("log.local.retention.ms", "-2"),), False,
       "With tiered storage: how long segments stay on the broker's disk; -2: retention.ms.",
       "Stored and described; only matters with tiered storage."),
    _C("local.retention.bytes", LONG, "-2", Range(-2), (_syn("log.local.retention.bytes", "-2"),), False,
       "With tiered storage: how many bytes of a partition stay on the broker's disk; -2: retention.bytes.",
       "Stored and described; only matters with tiered storage."),
    _C("remote.log.copy.disable", BOOLEAN, "false", None, (), False,
       "With tiered storage: stop copying segments to remote storage, keeping the remote data read-only.",
       "Stored and described; only matters with tiered storage."),
    _C("remote.log.delete.on.disable", BOOLEAN, "false", None, (), False,
       "With tiered storage: delete the remote data when tiered storage is turned off for the topic.",
       "Stored and described; only matters with tiered storage."),
    _C("internal.segment.bytes", INT, None, None, (), True,
       "Testing only: segment size that, when set, replaces segment.bytes without its 1 MiB minimum.",
       "When set, used as the segment size instead of segment.bytes.", internal=True),
)
del _C

BY_NAME: dict[str, TopicConfig] = {config.name: config for config in TOPIC_CONFIGS}
TOPIC_CONFIG_NAMES: tuple[str, ...] = tuple(BY_NAME)
# DescribeConfigs lists a topic's configs in the order of Kafka's HashMap of all parsed values
# (measured: internal ones that are set come first, unset ones are left out).
DESCRIBE_ORDER: tuple[str, ...] = tuple(
    name for name in java_hash_order(TOPIC_CONFIG_NAMES, _hashmap_capacity(len(TOPIC_CONFIGS)))
    if not BY_NAME[name].internal)


def broker_synonym_defaults() -> dict[str, str]:
    """The defaults of every broker config a topic config inherits from (those that have one)."""
    return {s.name: s.default for c in TOPIC_CONFIGS for s in c.synonyms if s.default is not None}


# --- the broker side a topic inherits from ----------------------------------------------------------

@dataclass
class BrokerConfigs:
    """Broker-level configs of the broker that answers (or, for CreateTopics, of the controller),
    as raw strings keyed by broker config name, in Kafka's precedence order."""
    static: dict[str, str] = field(default_factory=dict)            # server.properties
    dynamic_default: dict[str, str] = field(default_factory=dict)   # cluster-wide dynamic defaults
    dynamic_broker: dict[str, str] = field(default_factory=dict)    # this broker's dynamic configs
    remote_storage_enabled: bool = False                            # remote.log.storage.system.enable

    @classmethod
    def kraft(cls, static: Mapping[str, str] | None = None) -> "BrokerConfigs":
        """A KRaft cluster as Kafka 4.3.1 formats it: the controller stores the cluster-wide
        min.insync.replicas itself (Eligible Leader Replicas), so topics report it with source
        DYNAMIC_DEFAULT_BROKER_CONFIG."""
        static = {k: str(v) for k, v in (static or {}).items()}
        return cls(static=static, dynamic_default={"min.insync.replicas": static.get("min.insync.replicas", "1")})

    def _layers(self) -> tuple[tuple[Mapping[str, str], int], ...]:
        return ((self.dynamic_broker, DYNAMIC_BROKER_CONFIG),
                (self.dynamic_default, DYNAMIC_DEFAULT_BROKER_CONFIG),
                (self.static, STATIC_BROKER_CONFIG))

    def inherited(self, config: TopicConfig) -> str | None:
        """The value a topic without an override gets (KafkaConfig's resolution of the synonyms)."""
        merged = {**self.static, **self.dynamic_default, **self.dynamic_broker}
        for synonym in config.synonyms:
            if synonym.name in merged:
                return synonym.to_topic_value(merged[synonym.name])
        for synonym in config.synonyms:
            if synonym.default is not None:
                return synonym.to_topic_value(synonym.default)
        return config.default


# --- parsing ----------------------------------------------------------------------------------------

def _unknown(name: str) -> TopicConfigError:
    return TopicConfigError(f"Unknown topic config name: {name}")


def parse(name: str, raw: str):
    """A stored string as Kafka's ConfigDef parses and validates it: bool, int, float, str or
    list of str. Raises TopicConfigError with Kafka's message."""
    config = BY_NAME.get(name)
    if config is None:
        raise _unknown(name)
    value = _parse_type(config, raw)
    if config.validator is not None:
        config.validator.check(name, value)
        value = config.validator.normalize(value)
    return value


def _parse_type(config: TopicConfig, raw: str):
    trimmed = java_trim(raw)
    kind = config.type
    if kind == BOOLEAN:
        if java_equals_ignore_case(trimmed, "true"):
            return True
        if java_equals_ignore_case(trimmed, "false"):
            return False
        raise _invalid_value(config.name, raw, "Expected value to be either true or false")
    if kind == STRING:
        return trimmed
    if kind == LIST:
        return [] if trimmed == "" else _JAVA_LIST_SPLIT.split(trimmed)
    if kind in (INT, LONG):
        low, high = INT_RANGE if kind == INT else LONG_RANGE
        if _JAVA_INTEGER.fullmatch(trimmed):
            number = int(trimmed)
            if low <= number <= high:
                return number
        raise _invalid_value(config.name, raw, f"Not a number of type {config.type_name}")
    if kind == DOUBLE:
        number = _java_parse_double(trimmed)
        if number is None:
            raise _invalid_value(config.name, raw, "Not a number of type DOUBLE")
        return number
    raise AssertionError(f"no parser for {config.type_name}")


def _java_parse_double(text: str) -> float | None:
    if _JAVA_DOUBLE.fullmatch(text):                 # the f/d suffix only marks the literal's type
        return float(text.rstrip("fFdD").replace("Infinity", "inf"))
    if _JAVA_HEX_DOUBLE.fullmatch(text):
        return float.fromhex(text.rstrip("fFdD"))
    return None


def to_describe_string(config: TopicConfig, value) -> str | None:
    """ConfigDef.convertToString: how DescribeConfigs prints a parsed value."""
    if value is None:
        return None
    if config.type == BOOLEAN:
        return "true" if value else "false"
    if config.type == DOUBLE:
        return java_double_to_string(value)
    if config.type == LIST:
        return ",".join(value)
    return str(value)


def normalize(name: str, raw: str) -> str:
    """The value DescribeConfigs shows for a stored string (" 1000 " -> "1000", "TRUE" -> "true")."""
    return to_describe_string(BY_NAME[name], parse(name, raw))


# --- the checks of CreateTopics, AlterConfigs and IncrementalAlterConfigs ---------------------------

def validate_overrides(overrides: Mapping[str, str], broker: BrokerConfigs | None = None) -> None:
    """Kafka's LogConfig.validate on a topic's complete set of overrides, in Kafka's order: unknown
    names first (the first in Java's hash order), then each value in definition order, then the
    checks across configs."""
    broker = broker or BrokerConfigs.kraft()
    names = list(overrides)
    for name in java_hash_order(names, _properties_capacity(len(names))):
        if name not in BY_NAME:
            raise _unknown(name)
    values = effective_values(overrides, broker)
    if values["min.compaction.lag.ms"] > values["max.compaction.lag.ms"]:
        raise TopicConfigError(f"conflict topic config setting min.compaction.lag.ms "
                               f"({values['min.compaction.lag.ms']}) > max.compaction.lag.ms "
                               f"({values['max.compaction.lag.ms']})")
    if values["remote.storage.enable"] and not broker.remote_storage_enabled:
        raise TopicConfigError("Tiered Storage functionality is disabled in the broker. "
                               "Topic cannot be configured with remote log storage.")


def create_topic_overrides(configs: Mapping[str, str | None],
                           broker: BrokerConfigs | None = None) -> dict[str, str]:
    """The configs of one CreateTopics topic: checked, and returned as Kafka stores them (the
    strings as sent). A null value is refused first, naming every null key in request order."""
    nulls = [name for name, value in configs.items() if value is None]
    if nulls:
        raise TopicConfigError("Null value not supported for topic configs: " + ",".join(nulls))
    overrides = dict(configs)
    validate_overrides(overrides, broker)
    return overrides


def _refuse_nulls(names: Sequence[str]) -> None:
    if names:
        raise TopicConfigError("Null value not supported for : " + ", ".join(names), INVALID_REQUEST)


def alter_overrides(configs: Mapping[str, str | None], broker: BrokerConfigs | None = None) -> dict[str, str]:
    """AlterConfigs (the non-incremental one): the given configs replace all of the topic's overrides."""
    _refuse_nulls([name for name, value in configs.items() if value is None])
    overrides = dict(configs)
    validate_overrides(overrides, broker)
    return overrides


def incremental_alter_overrides(existing: Mapping[str, str], operations: Sequence[tuple[str, int, str | None]],
                                broker: BrokerConfigs | None = None) -> dict[str, str]:
    """IncrementalAlterConfigs on one topic: `operations` are (name, op, value) with op SET,
    DELETE, APPEND or SUBTRACT; returns the new overrides. APPEND/SUBTRACT work on the current
    list (the override, else the topic default) and are refused for configs that are not lists;
    DELETE of a name that is not set, even an unknown one, does nothing."""
    _refuse_nulls([name for name, op, value in operations if op != DELETE and value is None])
    for name, op, _ in operations:
        if op in (APPEND, SUBTRACT) and (name not in BY_NAME or BY_NAME[name].type != LIST):
            raise TopicConfigError(f"Can't {_OP_NAMES[op]} to key {name} because its type is not LIST.")
    overrides = dict(existing)
    for name, op, value in operations:
        if op == SET:
            overrides[name] = value
        elif op == DELETE:
            overrides.pop(name, None)
        else:
            current = overrides.get(name, BY_NAME[name].default) or ""
            items = java_split_comma(current) if current else []
            change = java_split_comma(value)
            if op == APPEND:
                items += [item for item in change if item not in items]
            else:
                items = [item for item in items if item not in change]
            overrides[name] = ",".join(items)
    validate_overrides(overrides, broker)
    return overrides


def effective_values(overrides: Mapping[str, str], broker: BrokerConfigs | None = None) -> dict[str, object]:
    """Every topic config's value as the broker uses it (parsed: bool, int, float, str, list of str;
    None for internal.segment.bytes when unset). Overrides are validated in definition order."""
    broker = broker or BrokerConfigs.kraft()
    values = {}
    for config in TOPIC_CONFIGS:
        if config.name in overrides:
            values[config.name] = parse(config.name, overrides[config.name])
        else:
            raw = broker.inherited(config)
            values[config.name] = None if raw is None else parse(config.name, raw)
    return values


def segment_bytes(values: Mapping[str, object]) -> int:
    """The segment size Kafka rolls at: internal.segment.bytes when set, else segment.bytes."""
    internal = values.get("internal.segment.bytes")
    return internal if internal is not None else values["segment.bytes"]


# --- DescribeConfigs and the configs of a CreateTopics response ---------------------------------------

@dataclass(frozen=True)
class ConfigSynonym:
    name: str
    value: str | None
    source: int


@dataclass(frozen=True)
class DescribedConfig:
    """One entry of a DescribeConfigs result, field for field."""
    name: str
    value: str | None
    read_only: bool
    config_source: int
    is_sensitive: bool
    synonyms: tuple[ConfigSynonym, ...]
    config_type: int
    documentation: str | None


@dataclass(frozen=True)
class CreatedConfig:
    """One entry of a CreateTopics response's configs (CreatableTopicConfigs), field for field."""
    name: str
    value: str | None
    read_only: bool
    config_source: int
    is_sensitive: bool


def _broker_synonyms(config: TopicConfig, broker: BrokerConfigs) -> list[ConfigSynonym]:
    # Layer by layer, each synonym in order; then everything before the first entry of the
    # primary synonym is dropped: a value set only through log.retention.hours shows no synonyms.
    layers = (*broker._layers(), ({s.name: s.default for s in config.synonyms if s.default is not None},
                                  DEFAULT_CONFIG))
    found = [ConfigSynonym(s.name, layer[s.name], source)
             for layer, source in layers for s in config.synonyms if s.name in layer]
    while found and found[0].name != config.primary_synonym:
        found.pop(0)
    return found


def describe_topic_configs(overrides: Mapping[str, str], broker: BrokerConfigs | None = None,
                           names: Iterable[str] | None = None,
                           include_synonyms: bool = False) -> list[DescribedConfig]:
    """A topic's DescribeConfigs entries, as the answering broker lists them: Kafka's order, values
    as parsed and printed by Kafka, sources and (when asked for) synonyms. `names` restricts the
    list to those keys (unknown ones are left out)."""
    broker = broker or BrokerConfigs.kraft()
    values = effective_values(overrides, broker)
    wanted = None if names is None else set(names)
    internal_set = [c.name for c in TOPIC_CONFIGS if c.internal and c.name in overrides]
    entries = []
    for name in (*internal_set, *DESCRIBE_ORDER):
        if wanted is not None and name not in wanted:
            continue
        config = BY_NAME[name]
        value = to_describe_string(config, values[name])
        synonyms = _broker_synonyms(config, broker)
        if name in overrides:
            synonyms.insert(0, ConfigSynonym(name, value, DYNAMIC_TOPIC_CONFIG))
        source = synonyms[0].source if synonyms else DEFAULT_CONFIG
        entries.append(DescribedConfig(name, value, False, source, False,
                                       tuple(synonyms) if include_synonyms else (), config.type, None))
    return entries


def created_topic_configs(overrides: Mapping[str, str], controller: BrokerConfigs | None = None) -> list[CreatedConfig]:
    """The configs a CreateTopics response carries (also with validate_only), as the KRaft
    controller resolves them: sorted by name, overrides as sent, inherited values with the source of
    the first synonym set in any layer (so log.retention.hours in server.properties shows
    retention.ms as STATIC_BROKER_CONFIG here, while DescribeConfigs says DEFAULT_CONFIG)."""
    controller = controller or BrokerConfigs.kraft()
    entries = []
    for config in sorted(TOPIC_CONFIGS, key=lambda c: c.name):
        if config.name in overrides:
            entries.append(CreatedConfig(config.name, overrides[config.name], False, DYNAMIC_TOPIC_CONFIG, False))
            continue
        if config.internal:
            continue
        entries.append(_resolved(config, controller))
    return entries


def _resolved(config: TopicConfig, controller: BrokerConfigs) -> CreatedConfig:
    for layer, source in controller._layers():
        for synonym in config.synonyms:
            if synonym.name in layer:
                return CreatedConfig(config.name, synonym.to_topic_value(layer[synonym.name]), False, source, False)
    return CreatedConfig(config.name, config.default, False, DEFAULT_CONFIG, False)
