"""One KafkaProducer shared by several threads (the docs: the producer is thread safe): every record
arrives, and each thread's records keep their order in the partition of its key."""
import os
import threading

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "geteilt" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)


def send_prices(name):
    for n in range(20):
        producer.send(TOPIC, key=name.encode(), value=b"%s-%02d" % (name.encode(), n))


workers = [threading.Thread(target=send_prices, args=(name,)) for name in ("SAP", "BASF", "BMW", "VW")]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join(timeout=30)
producer.flush(timeout=10)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
tps = [TopicPartition(TOPIC, p) for p in range(3)]
consumer.assign(tps)
consumer.seek_to_beginning()
by_key = {}
for record in consumer:
    by_key.setdefault(record.key, []).append((record.partition, record.value))
consumer.close()
for key in sorted(by_key):
    values = [v for _, v in by_key[key]]
    print(key, "| partition:", {p for p, _ in by_key[key]}, "| count:", len(values), "| ordered:", values == sorted(values))
