"""The fields of a ConsumerRecord (kafka-python docs): topic, partition, offset, timestamp,
timestamp_type, key, value, headers, checksum, serialized sizes, leader_epoch."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "felder" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
producer.send(TOPIC, key=b"SAP", value=b"230", headers=[("h", b"1")], timestamp_ms=1_650_000_000_000).get(timeout=10)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
record = next(consumer)
print("fields:", record._fields)
print(record.partition, record.offset, record.timestamp, record.timestamp_type, record.key, record.value,
      record.headers, record.checksum, record.serialized_key_size, record.serialized_value_size,
      record.serialized_header_size, record.leader_epoch)
consumer.close()
