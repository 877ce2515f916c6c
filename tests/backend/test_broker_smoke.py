"""The broker the suite starts is a real Kafka that stores and returns keyed records."""
import pytest
from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient

pytestmark = pytest.mark.kafka


def test_topic_with_three_partitions_returns_all_ten_keyed_records(kafka, new_topic):
    topic = new_topic(partitions=3)
    admin = KafkaAdminClient(bootstrap_servers=kafka.bootstrap)
    try:
        [described] = admin.describe_topics([topic])
    finally:
        admin.close()
    assert len(described["partitions"]) == 3

    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap)
    sent = {}
    for number in range(10):
        key, value = f"key-{number}".encode(), f"value-{number}".encode()
        metadata = producer.send(topic, key=key, value=value).get(timeout=10)
        sent[key] = (value, metadata.partition)
    producer.close()

    consumer = KafkaConsumer(topic, bootstrap_servers=kafka.bootstrap, group_id=f"{topic}-group",
                             auto_offset_reset="earliest", consumer_timeout_ms=10_000)
    received = {}
    for record in consumer:
        received[record.key] = (record.value, record.partition)
        if len(received) == len(sent):
            break
    consumer.close()

    assert received == sent
    assert len({partition for _, partition in sent.values()}) > 1, "keys should spread over partitions"
