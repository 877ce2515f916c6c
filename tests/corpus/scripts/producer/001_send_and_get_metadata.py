"""send() returns a future; get() gives the RecordMetadata of the stored record (kafka-python docs,
KafkaProducer usage: "future = producer.send(...); record_metadata = future.get(timeout=10)")."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "kurse" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for value in (b"SAP 230", b"BASF 45", b"Siemens 180"):
    metadata = producer.send(TOPIC, value=value).get(timeout=10)
    print("topic ok:", metadata.topic == TOPIC, "| partition:", metadata.partition,
          "| offset:", metadata.offset, "| tp:", metadata.topic_partition.partition,
          "| key size:", metadata.serialized_key_size, "| value size:", metadata.serialized_value_size,
          "| header size:", metadata.serialized_header_size)
producer.close()
