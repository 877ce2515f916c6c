"""Send callbacks run in the producer's IO thread, not in the thread that called send()
(KafkaProducer docs: callbacks should be fast, they block the IO thread)."""
import os
import threading

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "faeden" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

threads = []
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for _ in range(3):
    producer.send(TOPIC, value=b"x").add_callback(lambda m: threads.append(threading.current_thread()))
producer.flush(timeout=10)
print("callbacks:", len(threads), "| on the main thread:", any(t is threading.main_thread() for t in threads))
producer.close()
