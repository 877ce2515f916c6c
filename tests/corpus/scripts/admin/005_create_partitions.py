"""create_partitions({topic: total}) adds partitions (kafka-python 3.0 form); fewer than today is
InvalidPartitionsError; existing keys may map elsewhere afterwards (Kafka docs)."""
import os
import time

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "wachsen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)
admin.create_partitions({TOPIC: 5})


def partition_count():
    # The broker that answers the metadata request may not have applied the new partitions yet
    # (seen on a loaded machine): ask again for a while.
    deadline = time.monotonic() + 20
    while True:
        count = len(admin.describe_topics([TOPIC])[0]["partitions"])
        if count == 5 or time.monotonic() > deadline:
            return count
        time.sleep(0.2)


print("partitions now:", partition_count())
for total in (3, 5):
    try:
        admin.create_partitions({TOPIC: total})
        print(total, "-> ok")
    except KafkaError as error:
        print(total, "->", type(error).__name__)
try:
    admin.create_partitions({TOPIC + "-fehlt": 4})
except KafkaError as error:
    print("missing topic ->", type(error).__name__)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
print("producer sees:", sorted(producer.partitions_for(TOPIC)))
print("key user-42 ->", producer.send(TOPIC, key=b"user-42", value=b"v").get(timeout=10).partition)
producer.close()
