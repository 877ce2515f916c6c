"""A consumer that iterates and commits itself: the iterator moves the position one record at a
time, so commit() in the middle of a fetched batch commits only what was handed out so far. The
second consumer of the group, after the first ended without close(), starts there."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("PARITY_RUN_ID", "")
TOPIC, GROUP = "p-iterator-commit" + RUN, "p-iterator-group" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=1, replication_factor=1)])
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
for number in range(30):
    producer.send(TOPIC, value=f"r{number}".encode()).get(timeout=10)
producer.close()

partition = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id=GROUP, auto_offset_reset="earliest",
                         enable_auto_commit=False, consumer_timeout_ms=10_000)
handed_out = 0
for record in consumer:
    handed_out += 1
    if handed_out == 10:
        consumer.commit()
        print("after 10 records: position", consumer.position(partition), "| committed", consumer.committed(partition))
    if handed_out == 15:
        print("after 15 records: position", consumer.position(partition), "| committed", consumer.committed(partition))
        break
consumer.close(autocommit=False)

again = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id=GROUP, enable_auto_commit=False,
                      consumer_timeout_ms=10_000)
first = next(iter(again))
print("the next consumer of the group starts at offset", first.offset)
again.close(autocommit=False)
