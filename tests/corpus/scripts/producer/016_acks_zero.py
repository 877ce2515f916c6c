"""acks=0: the producer does not wait for the broker, so RecordMetadata carries offset -1
(KafkaProducer docs on acks). The records still arrive."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "acks-null" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks=0)
print("idempotence after acks=0:", producer.config["enable_idempotence"])
offsets = [producer.send(TOPIC, value=b"x").get(timeout=10).offset for _ in range(3)]
print("offsets:", offsets)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
tp = TopicPartition(TOPIC, 0)
print("end offset:", consumer.end_offsets([tp])[tp])
consumer.close()
