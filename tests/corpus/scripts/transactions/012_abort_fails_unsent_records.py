"""abort_transaction() with records still waiting in the producer (linger_ms): their futures fail
with TransactionAbortedError (KIP-654), nothing reaches the topic, and the producer can start the
next transaction. The partition was added to the transaction, so it takes an abort marker."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "verworfen" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="verworfen" + RUN, linger_ms=60000)
producer.init_transactions()
producer.begin_transaction()
futures = [producer.send(TOPIC, value=b"wartet-%d" % n, partition=0) for n in range(2)]
# kafka-python's sender thread adds the partition to the transaction right after the first send();
# an abort in the same instant could overtake it (then no abort marker is written). Wait for it.
time.sleep(1)
producer.abort_transaction()
for future in futures:
    try:
        print("future ->", future.get(timeout=10).offset)
    except KafkaError as error:
        print("future ->", type(error).__name__)
producer.begin_transaction()
producer.send(TOPIC, value=b"danach", partition=0)
producer.commit_transaction()
producer.close()

tp = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([tp])
consumer.seek_to_beginning()
print("read:", [(r.offset, r.value) for r in consumer], "| end:", consumer.end_offsets([tp])[tp])
consumer.close()
