"""beginning_offsets / end_offsets / position / highwater for each partition
(KafkaConsumer docs; end offset = offset of the next record to be written)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "grenzen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for partition, count in ((0, 5), (1, 0), (2, 2)):
    for _ in range(count):
        producer.send(TOPIC, value=b"x", partition=partition)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
tps = [TopicPartition(TOPIC, p) for p in range(3)]
print("beginning:", sorted((tp.partition, o) for tp, o in consumer.beginning_offsets(tps).items()))
print("end:", sorted((tp.partition, o) for tp, o in consumer.end_offsets(tps).items()))
consumer.assign(tps)
consumer.seek_to_beginning()
print("positions:", [consumer.position(tp) for tp in tps])
print("highwater before a fetch:", consumer.highwater(tps[0]))
consumer.close()
