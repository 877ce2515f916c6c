"""auto_offset_reset='none' has no reset policy: position() of a partition without an offset raises
NoOffsetForPartitionError; an invalid value is a KafkaConfigurationError."""
import os

from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaConfigurationError, NoOffsetForPartitionError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "kein-reset" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, auto_offset_reset="none")
consumer.assign([TopicPartition(TOPIC, 0)])
try:
    print("position:", consumer.position(TopicPartition(TOPIC, 0), timeout_ms=5000))
except NoOffsetForPartitionError as error:
    print("position ->", type(error).__name__)
consumer.close()
try:
    KafkaConsumer(bootstrap_servers=BOOTSTRAP, auto_offset_reset="anfang")
    print("'anfang' accepted")
except (KafkaConfigurationError, ValueError) as error:
    print("'anfang' ->", type(error).__name__)
