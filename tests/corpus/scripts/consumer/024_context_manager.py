"""KafkaConsumer and KafkaProducer work as context managers in kafka-python 3.0 ("with" closes them)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import IllegalStateError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "mit-with" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

with KafkaProducer(bootstrap_servers=BOOTSTRAP, linger_ms=1000) as producer:
    producer.send(TOPIC, value=b"im with-Block")
try:
    producer.send(TOPIC, value=b"danach")
except IllegalStateError:
    print("producer closed after with")

with KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000) as consumer:
    consumer.assign([TopicPartition(TOPIC, 0)])
    consumer.seek_to_beginning()
    print("read:", [r.value for r in consumer])
try:
    consumer.poll()
except IllegalStateError:
    print("consumer closed after with")
