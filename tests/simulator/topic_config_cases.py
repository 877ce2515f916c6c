"""Topic-config requests and what Kafka 4.3.1 answers to them, measured with kafka-python 3.0.12.

test_topic_config_table.py checks kafkasim's table against these answers offline;
test_topic_config_table_on_kafka.py sends the same requests to the real broker and checks that it
still answers exactly this. An answer is (error code, error message), or None for "accepted".
"""

INVALID_CONFIG, INVALID_REQUEST = 40, 42

_LONG = "Not a number of type LONG"
_INT = "Not a number of type INT"
_DOUBLE = "Not a number of type DOUBLE"
_BOOLEAN = "Expected value to be either true or false"
_CODECS = "String must be one of: uncompressed, zstd, lz4, snappy, gzip, producer"
_POLICIES = "String must be one of: compact, delete"
_TIMESTAMP_TYPES = "String must be one of: CreateTime, LogAppendTime"
_EMPTY_POLICY = "Configuration 'cleanup.policy' values must not be empty."
_THROTTLED = ("leader.replication.throttled.replicas must be the literal '*' or a list of replicas in the "
              "following format: [partitionId]:[brokerId],[partitionId]:[brokerId],...")


def _bad(name, shown, reason):
    return INVALID_CONFIG, f"Invalid value {shown} for configuration {name}: {reason}"


def _unknown(name):
    return INVALID_CONFIG, f"Unknown topic config name: {name}"


# The configs of one new topic (CreateTopics, validate_only) and the broker's answer.
CREATE_CASES = [
    # numbers: Java's Long/Integer.parseInt after trimming; the message shows the value as sent
    ({"retention.ms": "-2"}, _bad("retention.ms", "-2", "Value must be at least -1")),
    ({"retention.ms": "lang"}, _bad("retention.ms", "lang", _LONG)),
    ({"retention.ms": " lang "}, _bad("retention.ms", " lang ", _LONG)),
    ({"retention.ms": ""}, _bad("retention.ms", "", _LONG)),
    ({"retention.ms": "5_000"}, _bad("retention.ms", "5_000", _LONG)),
    ({"retention.ms": "9223372036854775808"}, _bad("retention.ms", "9223372036854775808", _LONG)),
    ({"segment.bytes": "99999999999"}, _bad("segment.bytes", "99999999999", _INT)),
    ({"segment.bytes": "1000"}, _bad("segment.bytes", "1000", "Value must be at least 1048576")),
    ({"max.message.bytes": "1.5"}, _bad("max.message.bytes", "1.5", _INT)),
    ({"max.message.bytes": ""}, _bad("max.message.bytes", "", _INT)),
    ({"internal.segment.bytes": "abc"}, _bad("internal.segment.bytes", "abc", _INT)),
    # a range check shows the parsed value
    ({"min.insync.replicas": "0"}, _bad("min.insync.replicas", "0", "Value must be at least 1")),
    ({"min.insync.replicas": " +0 "}, _bad("min.insync.replicas", "0", "Value must be at least 1")),
    ({"min.insync.replicas": "-0"}, _bad("min.insync.replicas", "0", "Value must be at least 1")),
    ({"segment.ms": "0"}, _bad("segment.ms", "0", "Value must be at least 1")),
    ({"segment.index.bytes": "3"}, _bad("segment.index.bytes", "3", "Value must be at least 4")),
    ({"segment.jitter.ms": "-1"}, _bad("segment.jitter.ms", "-1", "Value must be at least 0")),
    ({"flush.messages": "0"}, _bad("flush.messages", "0", "Value must be at least 1")),
    ({"flush.ms": "-1"}, _bad("flush.ms", "-1", "Value must be at least 0")),
    ({"file.delete.delay.ms": "-1"}, _bad("file.delete.delay.ms", "-1", "Value must be at least 0")),
    ({"index.interval.bytes": "-1"}, _bad("index.interval.bytes", "-1", "Value must be at least 0")),
    ({"delete.retention.ms": "-1"}, _bad("delete.retention.ms", "-1", "Value must be at least 0")),
    ({"max.compaction.lag.ms": "0"}, _bad("max.compaction.lag.ms", "0", "Value must be at least 1")),
    ({"min.compaction.lag.ms": "-1"}, _bad("min.compaction.lag.ms", "-1", "Value must be at least 0")),
    ({"message.timestamp.before.max.ms": "-1"},
     _bad("message.timestamp.before.max.ms", "-1", "Value must be at least 0")),
    ({"message.timestamp.after.max.ms": "-1"},
     _bad("message.timestamp.after.max.ms", "-1", "Value must be at least 0")),
    ({"local.retention.ms": "-3"}, _bad("local.retention.ms", "-3", "Value must be at least -2")),
    ({"local.retention.bytes": "-3"}, _bad("local.retention.bytes", "-3", "Value must be at least -2")),
    ({"compression.lz4.level": "0"}, _bad("compression.lz4.level", "0", "Value must be at least 1")),
    ({"compression.zstd.level": "23"}, _bad("compression.zstd.level", "23", "Value must be no more than 22")),
    ({"compression.zstd.level": "-131073"},
     _bad("compression.zstd.level", "-131073", "Value must be at least -131072")),
    ({"compression.gzip.level": "0"},
     _bad("compression.gzip.level", "0", "Value must be between 1 and 9 or equal to -1")),
    ({"compression.gzip.level": "10"},
     _bad("compression.gzip.level", "10", "Value must be between 1 and 9 or equal to -1")),
    ({"compression.gzip.level": "-2"},
     _bad("compression.gzip.level", "-2", "Value must be between 1 and 9 or equal to -1")),
    # doubles: Java's grammar, and Java's Double.toString in the message
    ({"min.cleanable.dirty.ratio": "1.5"}, _bad("min.cleanable.dirty.ratio", "1.5", "Value must be no more than 1")),
    ({"min.cleanable.dirty.ratio": "1e1"}, _bad("min.cleanable.dirty.ratio", "10.0", "Value must be no more than 1")),
    ({"min.cleanable.dirty.ratio": "12345678.5"},
     _bad("min.cleanable.dirty.ratio", "1.23456785E7", "Value must be no more than 1")),
    ({"min.cleanable.dirty.ratio": "-0.0001"},
     _bad("min.cleanable.dirty.ratio", "-1.0E-4", "Value must be at least 0")),
    ({"min.cleanable.dirty.ratio": "Infinity"},
     _bad("min.cleanable.dirty.ratio", "Infinity", "Value must be no more than 1")),
    ({"min.cleanable.dirty.ratio": "0x1p1"}, _bad("min.cleanable.dirty.ratio", "2.0", "Value must be no more than 1")),
    ({"min.cleanable.dirty.ratio": "x"}, _bad("min.cleanable.dirty.ratio", "x", _DOUBLE)),
    ({"min.cleanable.dirty.ratio": "1_0"}, _bad("min.cleanable.dirty.ratio", "1_0", _DOUBLE)),
    ({"min.cleanable.dirty.ratio": "inf"}, _bad("min.cleanable.dirty.ratio", "inf", _DOUBLE)),
    ({"min.cleanable.dirty.ratio": "nan"}, _bad("min.cleanable.dirty.ratio", "nan", _DOUBLE)),
    # booleans
    ({"preallocate": "ja"}, _bad("preallocate", "ja", _BOOLEAN)),
    ({"preallocate": " ja "}, _bad("preallocate", " ja ", _BOOLEAN)),
    ({"preallocate": ""}, _bad("preallocate", "", _BOOLEAN)),
    ({"unclean.leader.election.enable": "yes"}, _bad("unclean.leader.election.enable", "yes", _BOOLEAN)),
    # one of a list of strings, case-sensitive, after trimming
    ({"compression.type": "brotli"}, _bad("compression.type", "brotli", _CODECS)),
    ({"compression.type": "GZIP"}, _bad("compression.type", "GZIP", _CODECS)),
    ({"compression.type": " brotli "}, _bad("compression.type", "brotli", _CODECS)),
    ({"compression.type": ""}, _bad("compression.type", "", _CODECS)),
    ({"message.timestamp.type": "Jetzt"}, _bad("message.timestamp.type", "Jetzt", _TIMESTAMP_TYPES)),
    ({"message.timestamp.type": "createtime"}, _bad("message.timestamp.type", "createtime", _TIMESTAMP_TYPES)),
    # cleanup.policy: each item in turn, empty items refused
    ({"cleanup.policy": "wegwerfen"}, _bad("cleanup.policy", "wegwerfen", _POLICIES)),
    ({"cleanup.policy": "compact,wegwerfen"}, _bad("cleanup.policy", "wegwerfen", _POLICIES)),
    ({"cleanup.policy": " compact , wegwerfen "}, _bad("cleanup.policy", "wegwerfen", _POLICIES)),
    ({"cleanup.policy": "wegwerfen,"}, _bad("cleanup.policy", "wegwerfen", _POLICIES)),
    ({"cleanup.policy": "compact,"}, (INVALID_CONFIG, _EMPTY_POLICY)),
    ({"cleanup.policy": ",wegwerfen"}, (INVALID_CONFIG, _EMPTY_POLICY)),
    ({"cleanup.policy": " , "}, (INVALID_CONFIG, _EMPTY_POLICY)),
    ({"cleanup.policy": "compact, ,delete"}, (INVALID_CONFIG, _EMPTY_POLICY)),
    # throttled replicas: the message shows the parsed list
    ({"leader.replication.throttled.replicas": "abc"},
     _bad("leader.replication.throttled.replicas", "[abc]", _THROTTLED)),
    ({"leader.replication.throttled.replicas": "0:1,x"},
     _bad("leader.replication.throttled.replicas", "[0:1, x]", _THROTTLED)),
    ({"leader.replication.throttled.replicas": " 0:1 , x "},
     _bad("leader.replication.throttled.replicas", "[0:1, x]", _THROTTLED)),
    ({"leader.replication.throttled.replicas": "*,0:1"},
     _bad("leader.replication.throttled.replicas", "[*, 0:1]", _THROTTLED)),
    ({"leader.replication.throttled.replicas": "0 : 1"},
     _bad("leader.replication.throttled.replicas", "[0 : 1]", _THROTTLED)),
    ({"leader.replication.throttled.replicas": "-1:-1"},
     _bad("leader.replication.throttled.replicas", "[-1:-1]", _THROTTLED)),
    # names: unknown (also those Kafka 4.0 removed); the first unknown one in Java's hash order
    ({"gibt.es.nicht": "1"}, _unknown("gibt.es.nicht")),
    ({"log.retention.ms": "1000"}, _unknown("log.retention.ms")),
    ({"message.downconversion.enable": "true"}, _unknown("message.downconversion.enable")),
    ({"message.format.version": "3.0"}, _unknown("message.format.version")),
    ({"message.timestamp.difference.max.ms": "1000"}, _unknown("message.timestamp.difference.max.ms")),
    ({"zzz": "1", "aaa": "2", "retention.ms": "lang"}, _unknown("aaa")),
    ({"retention.ms": "lang", "aaa": "2"}, _unknown("aaa")),
    ({"x.y": "1", "c": "1", "b": "1"}, _unknown("x.y")),
    ({"zzz": "1", "c": "1", "aaa": "1"}, _unknown("aaa")),
    ({"retention.msx": "1", "unbekannt": "1", "bbb": "1"}, _unknown("bbb")),
    ({"b": "1", "q.r.s": "1", "a": "1"}, _unknown("a")),
    # several bad values: the first in Kafka's definition order
    ({"retention.ms": "lang", "segment.bytes": "1"}, _bad("segment.bytes", "1", "Value must be at least 1048576")),
    ({"segment.bytes": "1", "retention.ms": "lang"}, _bad("segment.bytes", "1", "Value must be at least 1048576")),
    # across configs
    ({"min.compaction.lag.ms": "100", "max.compaction.lag.ms": "10"},
     (INVALID_CONFIG, "conflict topic config setting min.compaction.lag.ms (100) > max.compaction.lag.ms (10)")),
    ({"remote.storage.enable": "true"},
     (INVALID_CONFIG, "Tiered Storage functionality is disabled in the broker. "
                      "Topic cannot be configured with remote log storage.")),
    # null values are refused before anything else, all named in request order
    ({"retention.ms": None}, (INVALID_CONFIG, "Null value not supported for topic configs: retention.ms")),
    ({"aaa": "1", "retention.ms": None}, (INVALID_CONFIG, "Null value not supported for topic configs: retention.ms")),
    ({"x.y": None, "c": None, "b": None}, (INVALID_CONFIG, "Null value not supported for topic configs: x.y,c,b")),
    # accepted, although a Python reader might not expect it
    ({"cleanup.policy": ""}, None),
    ({"cleanup.policy": "compact,compact"}, None),
    ({"cleanup.policy": " compact , delete "}, None),
    ({"retention.ms": " 1000 "}, None),
    ({"retention.ms": "+5"}, None),
    ({"retention.ms": "\u0663"}, None),
    ({"retention.bytes": "-5"}, None),
    ({"preallocate": "TRUE"}, None),
    ({"min.cleanable.dirty.ratio": "NaN"}, None),
    ({"min.cleanable.dirty.ratio": ".5"}, None),
    ({"min.cleanable.dirty.ratio": "1d"}, None),
    ({"message.timestamp.type": " LogAppendTime "}, None),
    ({"leader.replication.throttled.replicas": ""}, None),
    ({"leader.replication.throttled.replicas": "0:1,"}, None),
    ({"leader.replication.throttled.replicas": "00:01"}, None),
    ({"follower.replication.throttled.replicas": "*"}, None),
    ({"min.insync.replicas": "3"}, None),
    ({"internal.segment.bytes": "1000"}, None),
    ({"remote.log.copy.disable": "true", "retention.ms": "1000"}, None),
    ({"remote.log.delete.on.disable": "true"}, None),
    ({"local.retention.ms": "100000000", "retention.ms": "1000"}, None),
]

# Topics created for real and described: odd spellings, and every config set at once.
DESCRIBE_TOPICS = [
    {},
    {"retention.ms": " 1000 ", "segment.ms": "+5", "min.cleanable.dirty.ratio": "1d", "preallocate": "TRUE",
     "cleanup.policy": " compact , delete ", "message.timestamp.type": " LogAppendTime ", "compression.type": "gzip",
     "leader.replication.throttled.replicas": " 0:1 , 1:2 ", "follower.replication.throttled.replicas": "*",
     "retention.bytes": "-5", "internal.segment.bytes": "1000", "min.insync.replicas": "3",
     "max.message.bytes": "0012"},
    {"cleanup.policy": "", "min.cleanable.dirty.ratio": "NaN", "leader.replication.throttled.replicas": ",0:1"},
    {"cleanup.policy": "delete,compact,delete", "min.cleanable.dirty.ratio": "1e-1",
     "follower.replication.throttled.replicas": "0:1,0:1"},
    {"cleanup.policy": "compact,compact", "min.cleanable.dirty.ratio": "12345678.5e-8",
     "leader.replication.throttled.replicas": "0:1,"},
    {"segment.bytes": "2097152", "segment.ms": "3600000", "segment.jitter.ms": "10", "segment.index.bytes": "4096",
     "flush.messages": "100", "flush.ms": "1000", "retention.bytes": "1048576", "retention.ms": "60000",
     "max.message.bytes": "200000", "index.interval.bytes": "8192", "delete.retention.ms": "1000",
     "min.compaction.lag.ms": "10", "max.compaction.lag.ms": "100000", "file.delete.delay.ms": "1000",
     "min.cleanable.dirty.ratio": "0.25", "cleanup.policy": "compact,delete", "unclean.leader.election.enable": "true",
     "min.insync.replicas": "1", "compression.type": "zstd", "compression.gzip.level": "9",
     "compression.lz4.level": "17", "compression.zstd.level": "-5", "preallocate": "false",
     "message.timestamp.type": "LogAppendTime", "message.timestamp.before.max.ms": "86400000",
     "message.timestamp.after.max.ms": "60000", "leader.replication.throttled.replicas": "0:1",
     "follower.replication.throttled.replicas": "0:1,1:1", "remote.storage.enable": "false",
     "local.retention.ms": "1000", "local.retention.bytes": "1000", "remote.log.copy.disable": "false",
     "remote.log.delete.on.disable": "false", "internal.segment.bytes": "4096"},
]

SET, DELETE, APPEND, SUBTRACT = 0, 1, 2, 3

# IncrementalAlterConfigs on a topic created with `initial`: operations, the answer, and the
# topic's overrides afterwards as DescribeConfigs shows them.
INCREMENTAL_CASES = [
    ({}, [("cleanup.policy", APPEND, "compact")], None, {"cleanup.policy": "delete,compact"}),
    ({"cleanup.policy": "compact"}, [("cleanup.policy", APPEND, "compact")], None, {"cleanup.policy": "compact"}),
    ({"cleanup.policy": "compact,delete"}, [("cleanup.policy", SUBTRACT, "delete")], None,
     {"cleanup.policy": "compact"}),
    ({}, [("cleanup.policy", SUBTRACT, "delete")], None, {"cleanup.policy": ""}),
    ({}, [("cleanup.policy", SUBTRACT, "compact")], None, {"cleanup.policy": "delete"}),
    ({"cleanup.policy": ""}, [("cleanup.policy", APPEND, "compact")], None, {"cleanup.policy": "compact"}),
    ({"cleanup.policy": " compact , delete "}, [("cleanup.policy", APPEND, "compact")], None,
     {"cleanup.policy": "compact,delete"}),
    ({"cleanup.policy": "compact"}, [("cleanup.policy", APPEND, "")], (INVALID_CONFIG, _EMPTY_POLICY),
     {"cleanup.policy": "compact"}),
    ({"cleanup.policy": "compact"}, [("cleanup.policy", APPEND, "wegwerfen")],
     _bad("cleanup.policy", "wegwerfen", _POLICIES), {"cleanup.policy": "compact"}),
    ({}, [("leader.replication.throttled.replicas", APPEND, "0:1")], None,
     {"leader.replication.throttled.replicas": "0:1"}),
    ({"leader.replication.throttled.replicas": "0:1"}, [("leader.replication.throttled.replicas", APPEND, "1:1,0:1")],
     None, {"leader.replication.throttled.replicas": "0:1,1:1"}),
    ({}, [("retention.ms", APPEND, "5")],
     (INVALID_CONFIG, "Can't APPEND to key retention.ms because its type is not LIST."), {}),
    ({}, [("retention.ms", SUBTRACT, "5")],
     (INVALID_CONFIG, "Can't SUBTRACT to key retention.ms because its type is not LIST."), {}),
    ({}, [("gibt.es.nicht", APPEND, "x")],
     (INVALID_CONFIG, "Can't APPEND to key gibt.es.nicht because its type is not LIST."), {}),
    ({}, [("retention.ms", SET, "lang"), ("segment.ms", APPEND, "1")],
     (INVALID_CONFIG, "Can't APPEND to key segment.ms because its type is not LIST."), {}),
    ({}, [("gibt.es.nicht", DELETE, None)], None, {}),
    ({"retention.ms": "1000"}, [("retention.ms", DELETE, None)], None, {}),
    ({"retention.ms": "100000", "segment.ms": "700000"},
     [("retention.ms", SET, "200000"), ("segment.ms", DELETE, None), ("max.message.bytes", SET, "50000")], None,
     {"retention.ms": "200000", "max.message.bytes": "50000"}),
    ({}, [("preallocate", SET, " TRUE "), ("cleanup.policy", SET, "compact,compact")], None,
     {"preallocate": "true", "cleanup.policy": "compact"}),
    ({}, [("gibt.es.nicht", SET, "1")], _unknown("gibt.es.nicht"), {}),
    ({}, [("retention.ms", SET, "-2")], _bad("retention.ms", "-2", "Value must be at least -1"), {}),
    ({"min.compaction.lag.ms": "100"}, [("max.compaction.lag.ms", SET, "10")],
     (INVALID_CONFIG, "conflict topic config setting min.compaction.lag.ms (100) > max.compaction.lag.ms (10)"),
     {"min.compaction.lag.ms": "100"}),
    ({}, [("retention.ms", SET, "1000"), ("gibt.es", SET, None)],
     (INVALID_REQUEST, "Null value not supported for : gibt.es"), {}),
    ({}, [("zzz", SET, None), ("aaa", SET, None)], (INVALID_REQUEST, "Null value not supported for : zzz, aaa"), {}),
    ({}, [("cleanup.policy", APPEND, None)], (INVALID_REQUEST, "Null value not supported for : cleanup.policy"), {}),
    ({}, [("segment.ms", APPEND, "1"), ("retention.ms", SET, None)],
     (INVALID_REQUEST, "Null value not supported for : retention.ms"), {}),
]

# AlterConfigs (the non-incremental one) with kafka-python's alter_configs(incremental=False): the
# client first adds the topic's current overrides it is not given, so nothing is lost. Topic
# created with `initial`, configs sent, answer, overrides afterwards.
ALTER_CASES = [
    ({"retention.ms": "100000"}, {"segment.ms": "600000"}, None, {"retention.ms": "100000", "segment.ms": "600000"}),
    ({}, {"retention.ms": None}, (INVALID_REQUEST, "Null value not supported for : retention.ms"), {}),
    ({}, {"cleanup.policy": "wegwerfen"}, _bad("cleanup.policy", "wegwerfen", _POLICIES), {}),
    ({}, {"gibt.es.nicht": "1"}, _unknown("gibt.es.nicht"), {}),
]
