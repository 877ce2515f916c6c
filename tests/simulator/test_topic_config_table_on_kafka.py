"""kafkasim's topic-config table against the real Kafka 4.3.1 broker, through kafka-python 3.0.12.

Every topic config of the table is created, described (values, order, sources, flags, types,
synonyms) and checked against what the table says; every request of topic_config_cases.py gets the
answer recorded there and the answer the table gives. Requests are batched: one CreateTopics for all
topics of a test, one DescribeConfigs, one AlterConfigs.
"""
from __future__ import annotations

import re
import time
import uuid

import pytest
from kafka.admin import AlterConfigOp, ConfigResource, ConfigResourceType, KafkaAdminClient

from kafkasim import topic_config_table as table
from tests.simulator.topic_config_cases import ALTER_CASES, CREATE_CASES, DESCRIBE_TOPICS, INCREMENTAL_CASES

pytestmark = pytest.mark.kafka

SOURCE_NAMES = {table.DYNAMIC_TOPIC_CONFIG: "DYNAMIC_TOPIC_CONFIG",
                table.DYNAMIC_BROKER_CONFIG: "DYNAMIC_BROKER_CONFIG",
                table.DYNAMIC_DEFAULT_BROKER_CONFIG: "DYNAMIC_DEFAULT_BROKER_CONFIG",
                table.STATIC_BROKER_CONFIG: "STATIC_BROKER_CONFIG", table.DEFAULT_CONFIG: "DEFAULT_CONFIG"}
RESULT_TEXT = re.compile(r"\[Error (\d+)\] \w+: (.*)", re.S)
WAIT_S = 30


class Admin(KafkaAdminClient):
    """kafka-python's admin client that deletes the topics it created when closed."""

    def __init__(self, bootstrap):
        super().__init__(bootstrap_servers=bootstrap, client_id="topic-config-table")
        self.created = []

    def close(self):
        if self.created:
            self.delete_topics(self.created)
        super().close()


@pytest.fixture
def admin(kafka):
    client = Admin(kafka.bootstrap)
    try:
        yield client
    finally:
        client.close()


def broker_of(kafka) -> table.BrokerConfigs:
    """The test broker as the table sees it: its own server.properties, formatted as KRaft."""
    properties = (kafka.log_file.parent / "server.properties").read_text(encoding="utf-8")
    static = dict(line.split("=", 1) for line in properties.splitlines() if "=" in line and not line.startswith("#"))
    return table.BrokerConfigs.kraft(static)


def topic(resource: str) -> ConfigResource:
    return ConfigResource(ConfigResourceType.TOPIC, resource)


def create(admin, topics: dict[str, dict]) -> dict:
    """Creates topics in one request; returns kafka-python's create_topics result per topic."""
    result = admin.create_topics({name: {"num_partitions": 1, "replication_factor": 1, "configs": configs}
                                  for name, configs in topics.items()})
    admin.created.extend(topics)
    wait_until_described(admin, list(topics))
    return {entry["name"]: entry for entry in result["topics"]}


def wait_until_described(admin, names):
    """Right after CreateTopics the broker may describe a new topic without entries for a moment."""
    deadline = time.monotonic() + WAIT_S
    while True:
        described = admin.describe_configs([topic(name) for name in names], config_filter="all")["topic"]
        if all(described.get(name) for name in names) or time.monotonic() > deadline:
            return
        time.sleep(0.2)


def as_kafka_python(entry: table.DescribedConfig) -> dict:
    return {"value": entry.value, "read_only": entry.read_only, "config_source": SOURCE_NAMES[entry.config_source],
            "is_sensitive": entry.is_sensitive,
            "synonyms": [{"name": s.name, "value": s.value, "source": SOURCE_NAMES[s.source]} for s in entry.synonyms],
            "config_type": table.TYPE_NAMES[entry.config_type], "documentation": entry.documentation}


def table_answer(call, *args):
    try:
        call(*args)
    except table.TopicConfigError as error:
        return error.error_code, error.message
    return None


def alter_result(text: str):
    if text == "OK":
        return None
    code, message = RESULT_TEXT.fullmatch(text).groups()
    return int(code), message


def described_overrides(admin, names, until) -> dict[str, dict[str, str]]:
    """The topics' overrides as DescribeConfigs shows them, asked again while they differ from
    `until` (a broker applies an accepted change a moment after answering), for at most WAIT_S."""
    deadline = time.monotonic() + WAIT_S
    while True:
        described = admin.describe_configs([topic(name) for name in names])["topic"]
        now = {name: {key: entry["value"] for key, entry in described[name].items()} for name in names}
        if now == until or time.monotonic() > deadline:
            return now
        time.sleep(0.2)


def table_overrides_described(overrides, broker) -> dict[str, str]:
    return {e.name: e.value for e in table.describe_topic_configs(overrides, broker)
            if e.config_source == table.DYNAMIC_TOPIC_CONFIG}


def test_every_topic_config_is_created_and_described_as_the_table_says(kafka, admin):
    broker = broker_of(kafka)
    topics = {f"tabelle-{i}-{uuid.uuid4().hex[:8]}": configs for i, configs in enumerate(DESCRIBE_TOPICS)}
    created = create(admin, topics)
    every_config = set().union(*DESCRIBE_TOPICS)
    assert every_config == set(table.TOPIC_CONFIG_NAMES), "some config of the table is never set"

    for name, configs in topics.items():
        expected = {e.name: {"value": e.value, "read_only": e.read_only, "config_source": SOURCE_NAMES[e.config_source],
                             "is_sensitive": e.is_sensitive} for e in table.created_topic_configs(configs, broker)}
        assert created[name]["error_code"] == 0
        assert list(created[name]["configs"].items()) == list(expected.items()), configs

    with_synonyms = admin.describe_configs([topic(name) for name in topics], config_filter="all",
                                           include_synonyms=True)["topic"]
    without = admin.describe_configs([topic(name) for name in topics], config_filter="all")["topic"]
    for name, configs in topics.items():
        expected = {e.name: as_kafka_python(e)
                    for e in table.describe_topic_configs(configs, broker, include_synonyms=True)}
        assert list(with_synonyms[name].items()) == list(expected.items()), configs
        expected = {e.name: as_kafka_python(e) for e in table.describe_topic_configs(configs, broker)}
        assert list(without[name].items()) == list(expected.items()), configs

    keys = ["segment.ms", "gibt.es.nicht", "cleanup.policy", "retention.ms", "internal.segment.bytes"]
    name, configs = next(iter(topics.items()))
    subset = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name, configs=keys)],
                                    config_filter="all")["topic"][name]
    assert list(subset) == [e.name for e in table.describe_topic_configs(configs, broker, names=keys)]


def test_bad_topic_configs_get_the_answers_kafka_gives(kafka, admin):
    broker = broker_of(kafka)
    names = [f"pruefung-{i}-{uuid.uuid4().hex[:8]}" for i in range(len(CREATE_CASES))]
    result = admin.create_topics({name: {"num_partitions": 1, "replication_factor": 1, "configs": configs}
                                  for name, (configs, _) in zip(names, CREATE_CASES)},
                                 validate_only=True, raise_errors=False)
    answers = {t["name"]: (t["error_code"], t["error_message"]) for t in result["topics"]}
    for name, (configs, expected) in zip(names, CREATE_CASES):
        real = None if answers[name] == (0, None) else answers[name]
        assert (configs, real) == (configs, expected)
        assert (configs, table_answer(table.create_topic_overrides, configs, broker)) == (configs, expected)


def test_incremental_alter_configs_answers_and_results_are_kafkas(kafka, admin):
    broker = broker_of(kafka)
    topics = {f"schritt-{i}-{uuid.uuid4().hex[:8]}": case for i, case in enumerate(INCREMENTAL_CASES)}
    create(admin, {name: initial for name, (initial, *_) in topics.items()})
    results = admin.alter_configs(
        [ConfigResource(ConfigResourceType.TOPIC, name,
                        configs={key: (AlterConfigOp(op), value) for key, op, value in operations})
         for name, (_, operations, *_) in topics.items()],
        incremental=True, raise_on_unknown=False)["topic"]
    now = described_overrides(admin, list(topics), until={name: case[3] for name, case in topics.items()})
    for name, (initial, operations, expected, after) in topics.items():
        assert (operations, alter_result(results[name]), now[name]) == (operations, expected, after)
        assert (operations, table_answer(table.incremental_alter_overrides, initial, operations, broker)) == \
            (operations, expected)
        if expected is None:
            overrides = table.incremental_alter_overrides(initial, operations, broker)
            assert (operations, table_overrides_described(overrides, broker)) == (operations, after)


def test_alter_configs_answers_and_results_are_kafkas(kafka, admin):
    broker = broker_of(kafka)
    topics = {f"ersetzt-{i}-{uuid.uuid4().hex[:8]}": case for i, case in enumerate(ALTER_CASES)}
    create(admin, {name: initial for name, (initial, *_) in topics.items()})
    results = admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, name, configs=dict(configs))
                                   for name, (_, configs, *_) in topics.items()],
                                  incremental=False, raise_on_unknown=False)["topic"]
    # kafka-python sends the topic's other current overrides along (AlterConfigs replaces all)
    now = described_overrides(admin, list(topics), until={name: case[3] for name, case in topics.items()})
    for name, (initial, configs, expected, after) in topics.items():
        assert (configs, alter_result(results[name]), now[name]) == (configs, expected, after)
        sent = {**table_overrides_described(initial, broker), **configs}
        assert (configs, table_answer(table.alter_overrides, sent, broker)) == (configs, expected)
        if expected is None:
            assert (configs, table_overrides_described(table.alter_overrides(sent, broker), broker)) == (configs, after)


DYNAMIC = {"log.retention.ms": "123456789", "log.segment.bytes": "2097152", "log.cleaner.delete.retention.ms": "6000",
           "log.segment.delete.delay.ms": "61000"}


def alter_broker(admin, node, op):
    resource = ConfigResource(ConfigResourceType.BROKER, str(node),
                              configs={key: (op, value if op == AlterConfigOp.SET else None)
                                       for key, value in DYNAMIC.items()})
    assert admin.alter_configs([resource], incremental=True, raise_on_unknown=False)["broker"][str(node)] == "OK"
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        described = admin.describe_configs([ConfigResource(ConfigResourceType.BROKER, str(node),
                                                            configs=list(DYNAMIC))])["broker"][str(node)]
        if (set(described) == set(DYNAMIC)) == (op == AlterConfigOp.SET):
            return
        time.sleep(0.2)
    raise AssertionError(f"broker {node} did not apply {op.name} of {sorted(DYNAMIC)} within {WAIT_S} s")


def test_dynamic_broker_configs_change_sources_and_synonyms(kafka, admin):
    """A broker's own dynamic configs (kafka-python can alter only those, not cluster defaults)."""
    node = admin.describe_cluster()["brokers"][0]["broker_id"]
    broker = broker_of(kafka)
    broker.dynamic_broker = dict(DYNAMIC)
    alter_broker(admin, node, AlterConfigOp.SET)
    try:
        configs = {"delete.retention.ms": "7000"}
        name = f"dynamisch-{uuid.uuid4().hex[:8]}"
        created = create(admin, {name: configs})[name]["configs"]
        described = admin.describe_configs([topic(name)], config_filter="all", include_synonyms=True)["topic"][name]
    finally:
        alter_broker(admin, node, AlterConfigOp.DELETE)
    expected = {e.name: {"value": e.value, "read_only": False, "config_source": SOURCE_NAMES[e.config_source],
                         "is_sensitive": False} for e in table.created_topic_configs(configs, broker)}
    assert list(created.items()) == list(expected.items())
    assert list(described.items()) == [(e.name, as_kafka_python(e))
                                       for e in table.describe_topic_configs(configs, broker, include_synonyms=True)]
    assert described["retention.ms"]["config_source"] == "DYNAMIC_BROKER_CONFIG"
