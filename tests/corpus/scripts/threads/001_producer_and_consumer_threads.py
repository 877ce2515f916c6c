"""kafka-python's example.py: a Producer thread and Consumer threads in one process. The example
runs for ten wall-clock seconds; here the producer sends a fixed number of records and the consumers
(one group, each in its own thread) stop once all have arrived, so the printed facts are deterministic."""
import os
import threading
import time

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "my-topic" + RUN, "my-group" + RUN
TOTAL = 60

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

received = []
lock = threading.Lock()
all_in = threading.Event()


class Producer(threading.Thread):
    def run(self):
        producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
        for n in range(TOTAL // 2):
            producer.send(TOPIC, key=b"k%d" % (n % 5), value=b"test")
            producer.send(TOPIC, key=b"k%d" % (n % 5), value=b"\xc2Hola, mundo!")
            time.sleep(0.01)
        producer.close()


class Consumer(threading.Thread):
    def run(self):
        consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, auto_offset_reset="earliest", group_id=GROUP,
                                 consumer_timeout_ms=1000)
        consumer.subscribe([TOPIC])
        consumer.partitions_for_topic(TOPIC)
        deadline = time.monotonic() + 60
        while not all_in.is_set() and time.monotonic() < deadline:
            for message in consumer:
                with lock:
                    received.append((message.partition, message.offset, message.value))
                    if len(received) >= TOTAL:
                        all_in.set()
                if all_in.is_set():
                    break
        consumer.close()


tasks = [Producer(), Consumer(), Consumer()]
for task in tasks:
    task.start()
for task in tasks:
    task.join(timeout=90)
print("received:", len(received), "| distinct positions:", len({(p, o) for p, o, _ in received}))
print("values:", sorted({v for _, _, v in received}))
per_partition = {}
for partition, offset, _ in received:
    per_partition.setdefault(partition, []).append(offset)
print("in order within each partition:", all(o == sorted(o) for o in per_partition.values()))
