"""delete_records({tp: offset}) moves the log start offset (low watermark): older records are gone
for every consumer; beginning_offsets shows the new start."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "kuerzen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(8):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

tp = TopicPartition(TOPIC, 0)
result = admin.delete_records({tp: 5})
print("result:", [(t.partition, r["low_watermark"], r["error_code"]) for t, r in result.items()])
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
print("beginning:", consumer.beginning_offsets([tp])[tp], "| end:", consumer.end_offsets([tp])[tp])
consumer.assign([tp])
consumer.seek_to_beginning()
print("readable:", [r.offset for r in consumer])
consumer.close()
admin.close()
