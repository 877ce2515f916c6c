"""compression_type gzip / snappy-free codecs: records arrive unchanged and the sizes in the metadata
are the uncompressed ones (KafkaProducer docs: compression_type)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "komprimiert" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

for codec in ("gzip", None):
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, compression_type=codec, linger_ms=100)
    futures = [producer.send(TOPIC, value=b"Kurs " * 50 + str(n).encode()) for n in range(3)]
    producer.flush(timeout=10)
    print(codec, "->", [(f.get().offset, f.get().serialized_value_size) for f in futures])
    producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
values = [record.value[-1:] for _, record in zip(range(6), consumer)]
print("read back:", values)
consumer.close()
