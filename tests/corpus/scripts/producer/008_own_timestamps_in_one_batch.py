"""timestamp_ms sets each record's CreateTime (KafkaProducer.send docstring). With linger_ms the
records travel in one batch, and each keeps its own timestamp."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "zeitstempel" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

base = 1_700_000_000_000
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, linger_ms=200)
futures = [producer.send(TOPIC, value=b"v%d" % n, timestamp_ms=base + n * 1000) for n in range(4)]
producer.flush(timeout=10)
print("metadata timestamps:", [f.get().timestamp - base for f in futures])
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
for record in consumer:
    print(record.offset, record.value, "timestamp +", record.timestamp - base, "type", record.timestamp_type)
    if record.offset == 3:
        break
consumer.close()
