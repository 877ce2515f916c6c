"""kafkasim's table of Kafka 4.3.1's topic configs, offline: what the real broker answered
(topic_config_cases.py and the facts below, measured with kafka-python 3.0.12) is what the table
computes. test_topic_config_table_on_kafka.py asks the real broker again."""
import math

import pytest

from kafkasim import topic_config_table as table
from tests.simulator.topic_config_cases import ALTER_CASES, CREATE_CASES, INCREMENTAL_CASES

# The session test broker's server.properties sets log.retention.hours=168 (backend/broker.py);
# none of its other settings is a topic config's synonym.
TEST_BROKER = table.BrokerConfigs.kraft({"log.retention.hours": "168", "num.partitions": "1"})
SOURCE = {1: "DYNAMIC_TOPIC_CONFIG", 2: "DYNAMIC_BROKER_CONFIG", 3: "DYNAMIC_DEFAULT_BROKER_CONFIG",
          4: "STATIC_BROKER_CONFIG", 5: "DEFAULT_CONFIG"}


def answer(call, *args):
    try:
        call(*args)
    except table.TopicConfigError as error:
        return error.error_code, error.message
    return None


def described(overrides, broker=TEST_BROKER, **kwargs):
    return {e.name: e for e in table.describe_topic_configs(overrides, broker, **kwargs)}


def overrides_described(overrides, broker=TEST_BROKER):
    return {name: e.value for name, e in described(overrides, broker).items() if e.config_source == 1}


def test_the_table_holds_every_topic_config_of_kafka_4_3_1_and_none_it_removed():
    assert table.TOPIC_CONFIG_NAMES == (
        "segment.bytes", "segment.ms", "segment.jitter.ms", "segment.index.bytes", "flush.messages", "flush.ms",
        "retention.bytes", "retention.ms", "max.message.bytes", "index.interval.bytes", "delete.retention.ms",
        "min.compaction.lag.ms", "max.compaction.lag.ms", "file.delete.delay.ms", "min.cleanable.dirty.ratio",
        "cleanup.policy", "unclean.leader.election.enable", "min.insync.replicas", "compression.type",
        "compression.gzip.level", "compression.lz4.level", "compression.zstd.level", "preallocate",
        "message.timestamp.type", "message.timestamp.before.max.ms", "message.timestamp.after.max.ms",
        "leader.replication.throttled.replicas", "follower.replication.throttled.replicas", "remote.storage.enable",
        "local.retention.ms", "local.retention.bytes", "remote.log.copy.disable", "remote.log.delete.on.disable",
        "internal.segment.bytes")
    assert not set(table.REMOVED_IN_KAFKA_4) & set(table.TOPIC_CONFIG_NAMES)
    assert [c.name for c in table.TOPIC_CONFIGS if c.internal] == ["internal.segment.bytes"]


def test_size_timestamp_retention_segment_cleanup_isr_election_and_compression_are_simulated():
    simulated = {c.name for c in table.TOPIC_CONFIGS if c.simulated}
    assert simulated == {
        "max.message.bytes", "message.timestamp.type", "message.timestamp.before.max.ms",
        "message.timestamp.after.max.ms", "retention.ms", "retention.bytes", "segment.bytes", "segment.ms",
        "segment.jitter.ms", "internal.segment.bytes", "cleanup.policy", "delete.retention.ms",
        "min.compaction.lag.ms", "max.compaction.lag.ms", "min.cleanable.dirty.ratio", "min.insync.replicas",
        "unclean.leader.election.enable", "compression.type"}


def test_every_config_says_what_it_does_and_its_default_passes_its_own_validation():
    for config in table.TOPIC_CONFIGS:
        assert config.doc.endswith(".") and config.effect.endswith("."), config.name
        assert config.doc.isascii() and config.effect.isascii(), config.name
        if config.default is not None:
            assert table.normalize(config.name, config.default) == config.default, config.name
        for synonym in config.synonyms:
            if synonym.default is not None:
                assert table.normalize(config.name, synonym.to_topic_value(synonym.default)) == config.default


def test_valid_values_are_the_ones_kafka_documents():
    valid = {c.name: c.valid_values for c in table.TOPIC_CONFIGS}
    assert valid["segment.bytes"] == "[1048576,...]"
    assert valid["min.cleanable.dirty.ratio"] == "[0,...,1]"
    assert valid["cleanup.policy"] == "[compact, delete]"
    assert valid["compression.type"] == "[uncompressed, zstd, lz4, snappy, gzip, producer]"
    assert valid["compression.gzip.level"] == "[1,...,9] or -1"
    assert valid["compression.zstd.level"] == "[-131072,...,22]"
    assert valid["leader.replication.throttled.replicas"] == "[partitionId]:[brokerId],[partitionId]:[brokerId],..."
    assert valid["retention.bytes"] == valid["preallocate"] == ""


def test_a_new_topic_is_described_like_on_the_test_broker():
    """What corpus script admin/007 printed on Kafka 4.3.1: count and every "key = value | source"."""
    entries = described({})
    lines = [f"{key} = {entries[key].value} | {SOURCE[entries[key].config_source]}" for key in sorted(entries)]
    assert len(entries) == 33
    assert lines == [
        "cleanup.policy = delete | DEFAULT_CONFIG", "compression.gzip.level = -1 | DEFAULT_CONFIG",
        "compression.lz4.level = 9 | DEFAULT_CONFIG", "compression.type = producer | DEFAULT_CONFIG",
        "compression.zstd.level = 3 | DEFAULT_CONFIG", "delete.retention.ms = 86400000 | DEFAULT_CONFIG",
        "file.delete.delay.ms = 60000 | DEFAULT_CONFIG", "flush.messages = 9223372036854775807 | DEFAULT_CONFIG",
        "flush.ms = 9223372036854775807 | DEFAULT_CONFIG",
        "follower.replication.throttled.replicas =  | DEFAULT_CONFIG",
        "index.interval.bytes = 4096 | DEFAULT_CONFIG", "leader.replication.throttled.replicas =  | DEFAULT_CONFIG",
        "local.retention.bytes = -2 | DEFAULT_CONFIG", "local.retention.ms = -2 | DEFAULT_CONFIG",
        "max.compaction.lag.ms = 9223372036854775807 | DEFAULT_CONFIG", "max.message.bytes = 1048588 | DEFAULT_CONFIG",
        "message.timestamp.after.max.ms = 3600000 | DEFAULT_CONFIG",
        "message.timestamp.before.max.ms = 9223372036854775807 | DEFAULT_CONFIG",
        "message.timestamp.type = CreateTime | DEFAULT_CONFIG", "min.cleanable.dirty.ratio = 0.5 | DEFAULT_CONFIG",
        "min.compaction.lag.ms = 0 | DEFAULT_CONFIG", "min.insync.replicas = 1 | DYNAMIC_DEFAULT_BROKER_CONFIG",
        "preallocate = false | DEFAULT_CONFIG", "remote.log.copy.disable = false | DEFAULT_CONFIG",
        "remote.log.delete.on.disable = false | DEFAULT_CONFIG", "remote.storage.enable = false | DEFAULT_CONFIG",
        "retention.bytes = -1 | DEFAULT_CONFIG", "retention.ms = 604800000 | DEFAULT_CONFIG",
        "segment.bytes = 1073741824 | DEFAULT_CONFIG", "segment.index.bytes = 10485760 | DEFAULT_CONFIG",
        "segment.jitter.ms = 0 | DEFAULT_CONFIG", "segment.ms = 604800000 | DEFAULT_CONFIG",
        "unclean.leader.election.enable = false | DEFAULT_CONFIG"]
    assert all(not e.read_only and not e.is_sensitive and e.documentation is None for e in entries.values())
    assert {k: table.TYPE_NAMES[e.config_type] for k, e in entries.items() if k.startswith("c")} == {
        "cleanup.policy": "LIST", "compression.type": "STRING", "compression.gzip.level": "INT",
        "compression.lz4.level": "INT", "compression.zstd.level": "INT"}


def test_describe_lists_configs_in_kafkas_order():
    assert list(described({})) == [
        "compression.type", "remote.log.delete.on.disable", "leader.replication.throttled.replicas",
        "remote.storage.enable", "min.insync.replicas", "segment.jitter.ms", "remote.log.copy.disable",
        "local.retention.ms", "cleanup.policy", "flush.ms", "follower.replication.throttled.replicas",
        "compression.lz4.level", "segment.bytes", "retention.ms", "compression.gzip.level", "flush.messages",
        "compression.zstd.level", "max.compaction.lag.ms", "file.delete.delay.ms", "max.message.bytes",
        "min.compaction.lag.ms", "message.timestamp.type", "local.retention.bytes", "preallocate",
        "index.interval.bytes", "min.cleanable.dirty.ratio", "unclean.leader.election.enable", "retention.bytes",
        "delete.retention.ms", "message.timestamp.after.max.ms", "message.timestamp.before.max.ms", "segment.ms",
        "segment.index.bytes"]
    assert list(described({"internal.segment.bytes": "1000"}))[:2] == ["internal.segment.bytes", "compression.type"]
    keys = ["segment.ms", "gibt.es.nicht", "cleanup.policy", "retention.ms"]
    assert list(described({}, names=keys)) == ["cleanup.policy", "retention.ms", "segment.ms"]


def test_synonyms_of_a_new_topic_on_the_test_broker():
    entries = described({"cleanup.policy": " compact , delete "}, include_synonyms=True)
    synonyms = {k: [(s.name, s.value, SOURCE[s.source]) for s in e.synonyms] for k, e in entries.items()}
    assert synonyms["cleanup.policy"] == [("cleanup.policy", "compact,delete", "DYNAMIC_TOPIC_CONFIG"),
                                          ("log.cleanup.policy", "delete", "DEFAULT_CONFIG")]
    assert synonyms["min.insync.replicas"] == [("min.insync.replicas", "1", "DYNAMIC_DEFAULT_BROKER_CONFIG"),
                                               ("min.insync.replicas", "1", "DEFAULT_CONFIG")]
    # log.retention.hours=168 in server.properties is not a synonym Kafka shows: only the first
    # synonym (log.retention.ms, log.roll.ms, ...) opens the list
    assert synonyms["retention.ms"] == synonyms["segment.ms"] == synonyms["flush.ms"] == []
    assert synonyms["leader.replication.throttled.replicas"] == synonyms["remote.storage.enable"] == []
    assert described({})["cleanup.policy"].synonyms == ()


def test_odd_spellings_are_stored_as_sent_and_described_as_kafka_parses_them():
    configs = {"retention.ms": " 1000 ", "segment.ms": "+5", "min.cleanable.dirty.ratio": "1d", "preallocate": "TRUE",
               "cleanup.policy": " compact , delete ", "message.timestamp.type": " LogAppendTime ",
               "leader.replication.throttled.replicas": " 0:1 , 1:2 ", "max.message.bytes": "0012",
               "internal.segment.bytes": "1000"}
    assert table.create_topic_overrides(configs, TEST_BROKER) == configs
    created = {e.name: e.value for e in table.created_topic_configs(configs, TEST_BROKER) if e.config_source == 1}
    assert created == configs
    assert overrides_described(configs) == {
        "retention.ms": "1000", "segment.ms": "5", "min.cleanable.dirty.ratio": "1.0", "preallocate": "true",
        "cleanup.policy": "compact,delete", "message.timestamp.type": "LogAppendTime",
        "leader.replication.throttled.replicas": "0:1,1:2", "max.message.bytes": "12", "internal.segment.bytes": "1000"}
    assert overrides_described({"cleanup.policy": "delete,compact,delete", "min.cleanable.dirty.ratio": "NaN",
                                "follower.replication.throttled.replicas": "0:1,0:1",
                                "leader.replication.throttled.replicas": ",0:1"}) == {
        "cleanup.policy": "delete,compact", "min.cleanable.dirty.ratio": "NaN",
        "follower.replication.throttled.replicas": "0:1,0:1", "leader.replication.throttled.replicas": ",0:1"}
    assert overrides_described({"cleanup.policy": "", "min.cleanable.dirty.ratio": ".5"}) == {
        "cleanup.policy": "", "min.cleanable.dirty.ratio": "0.5"}


def test_create_response_configs_as_the_controller_resolves_them():
    """The CreateTopics response is sorted by name and, unlike DescribeConfigs, credits
    log.retention.hours in server.properties as STATIC_BROKER_CONFIG (measured)."""
    entries = table.created_topic_configs({"segment.ms": "1000"}, TEST_BROKER)
    assert [e.name for e in entries] == sorted(e.name for e in entries) and len(entries) == 33
    assert [(e.name, e.value, SOURCE[e.config_source]) for e in entries if e.config_source != 5] == [
        ("min.insync.replicas", "1", "DYNAMIC_DEFAULT_BROKER_CONFIG"),
        ("retention.ms", "604800000", "STATIC_BROKER_CONFIG"), ("segment.ms", "1000", "DYNAMIC_TOPIC_CONFIG")]
    assert described({})["retention.ms"].config_source == table.DEFAULT_CONFIG


def test_a_broker_with_configs_in_server_properties():
    """Measured on a 4.3.1 broker started with these settings besides backend/broker.py's."""
    broker = table.BrokerConfigs.kraft({
        "log.retention.hours": "168", "log.segment.bytes": "2097152", "message.max.bytes": "2000000",
        "log.roll.hours": "2", "compression.type": "gzip", "log.retention.ms": "3600000",
        "log.message.timestamp.type": "LogAppendTime", "min.insync.replicas": "1"})
    created = [(e.name, e.value, SOURCE[e.config_source]) for e in table.created_topic_configs({}, broker)
               if e.config_source != 5]
    assert created == [
        ("compression.type", "gzip", "STATIC_BROKER_CONFIG"), ("max.message.bytes", "2000000", "STATIC_BROKER_CONFIG"),
        ("message.timestamp.type", "LogAppendTime", "STATIC_BROKER_CONFIG"),
        ("min.insync.replicas", "1", "DYNAMIC_DEFAULT_BROKER_CONFIG"),
        ("retention.ms", "3600000", "STATIC_BROKER_CONFIG"), ("segment.bytes", "2097152", "STATIC_BROKER_CONFIG"),
        ("segment.ms", "7200000", "STATIC_BROKER_CONFIG")]
    entries = described({}, broker, include_synonyms=True)
    shown = {k: (e.value, SOURCE[e.config_source], [(s.name, s.value, SOURCE[s.source]) for s in e.synonyms])
             for k, e in entries.items() if e.config_source != 5 or k == "segment.ms"}
    assert shown == {
        "compression.type": ("gzip", "STATIC_BROKER_CONFIG", [("compression.type", "gzip", "STATIC_BROKER_CONFIG"),
                                                              ("compression.type", "producer", "DEFAULT_CONFIG")]),
        "min.insync.replicas": ("1", "DYNAMIC_DEFAULT_BROKER_CONFIG", [
            ("min.insync.replicas", "1", "DYNAMIC_DEFAULT_BROKER_CONFIG"),
            ("min.insync.replicas", "1", "STATIC_BROKER_CONFIG"), ("min.insync.replicas", "1", "DEFAULT_CONFIG")]),
        "segment.bytes": ("2097152", "STATIC_BROKER_CONFIG", [("log.segment.bytes", "2097152", "STATIC_BROKER_CONFIG"),
                                                              ("log.segment.bytes", "1073741824", "DEFAULT_CONFIG")]),
        "retention.ms": ("3600000", "STATIC_BROKER_CONFIG", [
            ("log.retention.ms", "3600000", "STATIC_BROKER_CONFIG"),
            ("log.retention.hours", "168", "STATIC_BROKER_CONFIG"), ("log.retention.hours", "168", "DEFAULT_CONFIG")]),
        "max.message.bytes": ("2000000", "STATIC_BROKER_CONFIG", [
            ("message.max.bytes", "2000000", "STATIC_BROKER_CONFIG"),
            ("message.max.bytes", "1048588", "DEFAULT_CONFIG")]),
        "message.timestamp.type": ("LogAppendTime", "STATIC_BROKER_CONFIG", [
            ("log.message.timestamp.type", "LogAppendTime", "STATIC_BROKER_CONFIG"),
            ("log.message.timestamp.type", "CreateTime", "DEFAULT_CONFIG")]),
        # the value comes from log.roll.hours, yet Kafka describes it as a default without synonyms
        "segment.ms": ("7200000", "DEFAULT_CONFIG", []),
    }


def test_a_brokers_dynamic_configs():
    """Measured after alter_configs on BROKER "1" (log.retention.ms, log.segment.bytes,
    log.cleaner.delete.retention.ms) and a topic with delete.retention.ms=7000."""
    broker = table.BrokerConfigs.kraft({"log.retention.hours": "168"})
    broker.dynamic_broker = {"log.retention.ms": "123456", "log.segment.bytes": "2097152",
                             "log.cleaner.delete.retention.ms": "6000"}
    entries = described({"delete.retention.ms": "7000"}, broker, include_synonyms=True)
    shown = {k: (entries[k].value, SOURCE[entries[k].config_source],
                 [(s.name, s.value, SOURCE[s.source]) for s in entries[k].synonyms])
             for k in ("retention.ms", "segment.bytes", "delete.retention.ms")}
    assert shown == {
        "retention.ms": ("123456", "DYNAMIC_BROKER_CONFIG", [
            ("log.retention.ms", "123456", "DYNAMIC_BROKER_CONFIG"),
            ("log.retention.hours", "168", "STATIC_BROKER_CONFIG"), ("log.retention.hours", "168", "DEFAULT_CONFIG")]),
        "segment.bytes": ("2097152", "DYNAMIC_BROKER_CONFIG", [
            ("log.segment.bytes", "2097152", "DYNAMIC_BROKER_CONFIG"),
            ("log.segment.bytes", "1073741824", "DEFAULT_CONFIG")]),
        "delete.retention.ms": ("7000", "DYNAMIC_TOPIC_CONFIG", [
            ("delete.retention.ms", "7000", "DYNAMIC_TOPIC_CONFIG"),
            ("log.cleaner.delete.retention.ms", "6000", "DYNAMIC_BROKER_CONFIG"),
            ("log.cleaner.delete.retention.ms", "86400000", "DEFAULT_CONFIG")]),
    }
    created = {e.name: (e.value, SOURCE[e.config_source]) for e in table.created_topic_configs({}, broker)}
    assert created["retention.ms"] == ("123456", "DYNAMIC_BROKER_CONFIG")
    assert created["delete.retention.ms"] == ("6000", "DYNAMIC_BROKER_CONFIG")


@pytest.mark.parametrize("configs, expected", CREATE_CASES, ids=lambda value: repr(value)[:60])
def test_create_topics_configs_get_kafkas_answer(configs, expected):
    assert answer(table.create_topic_overrides, configs, TEST_BROKER) == expected


@pytest.mark.parametrize("initial, operations, expected, after", INCREMENTAL_CASES, ids=lambda value: repr(value)[:60])
def test_incremental_alter_configs_gets_kafkas_answer_and_result(initial, operations, expected, after):
    assert answer(table.incremental_alter_overrides, initial, operations, TEST_BROKER) == expected
    result = initial if expected else table.incremental_alter_overrides(initial, operations, TEST_BROKER)
    assert overrides_described(result) == after


@pytest.mark.parametrize("initial, configs, expected, after", ALTER_CASES, ids=lambda value: repr(value)[:60])
def test_alter_configs_gets_kafkas_answer_and_result(initial, configs, expected, after):
    sent = {**overrides_described(initial), **configs}   # what kafka-python sends
    assert answer(table.alter_overrides, sent, TEST_BROKER) == expected
    assert overrides_described(initial if expected else table.alter_overrides(sent, TEST_BROKER)) == after


def test_the_broker_uses_typed_values():
    values = table.effective_values({"cleanup.policy": "compact,delete,compact", "preallocate": "TRUE",
                                     "message.timestamp.type": " LogAppendTime "}, TEST_BROKER)
    assert values["cleanup.policy"] == ["compact", "delete"]
    assert values["preallocate"] is True and values["message.timestamp.type"] == "LogAppendTime"
    assert values["retention.ms"] == 604_800_000 and values["min.cleanable.dirty.ratio"] == 0.5
    assert values["internal.segment.bytes"] is None and table.segment_bytes(values) == 1073741824
    assert table.segment_bytes(table.effective_values({"internal.segment.bytes": "4096"})) == 4096


def test_remote_storage_is_accepted_only_by_a_broker_with_tiered_storage():
    broker = table.BrokerConfigs.kraft()
    broker.remote_storage_enabled = True
    assert table.create_topic_overrides({"remote.storage.enable": "true"}, broker) == {"remote.storage.enable": "true"}


@pytest.mark.parametrize("text, expected", [
    ("1e1", "10.0"), ("12345678.5", "1.23456785E7"), ("-0.0001", "-1.0E-4"), (".5", "0.5"), ("1d", "1.0"),
    ("0.001", "0.001"), ("9999999.0", "9999999.0"), ("1e7", "1.0E7"), ("-0", "-0.0"), ("0x1.8p1", "3.0"),
    ("NaN", "NaN"), ("-Infinity", "-Infinity"), ("1e400", "Infinity")])
def test_doubles_parse_and_print_like_java(text, expected):
    assert table.java_double_to_string(table._java_parse_double(text)) == expected


def test_java_helpers():
    assert table.java_trim("\t\x00 a b \n") == "a b" and table.java_trim("\u00a0a") == "\u00a0a"
    assert table.java_split_comma("") == [""] and table.java_split_comma("a,,") == ["a"]
    assert table.java_split_comma(",a") == ["", "a"] and table.java_split_comma(",") == []
    assert table.java_hash_order(["zzz", "c", "aaa"], 16) == ["aaa", "c", "zzz"]
    assert math.isnan(table.parse("min.cleanable.dirty.ratio", "NaN"))
    assert table.broker_synonym_defaults()["log.retention.hours"] == "168"
    assert "log.roll.ms" not in table.broker_synonym_defaults()
