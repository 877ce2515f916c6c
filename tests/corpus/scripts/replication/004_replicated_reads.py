# corpus: cluster
"""Records written with acks='all' to a replicated topic are read back in order, once each, from every
partition (the leader serves the reads)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "gelesen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 3}}, wait_for_metadata=True)
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all")
for n in range(10):
    producer.send(TOPIC, value=b"%d" % n, partition=n % 2)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=4000)
tps = [TopicPartition(TOPIC, 0), TopicPartition(TOPIC, 1)]
consumer.assign(tps)
consumer.seek_to_beginning()
read = sorted((r.partition, r.offset, int(r.value)) for r in consumer)
print("read:", read)
print("end offsets:", [consumer.end_offsets([tp])[tp] for tp in tps])
consumer.close()
