"""A record larger than max_request_size is refused by send() itself with MessageSizeTooLargeError
(KafkaProducer._ensure_valid_record_size), before anything reaches the broker."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.errors import MessageSizeTooLargeError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "gross" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, max_request_size=1000)
for size in (100, 900, 1000, 5000):
    try:
        metadata = producer.send(TOPIC, value=b"x" * size).get(timeout=10)
        print(size, "-> offset", metadata.offset)
    except MessageSizeTooLargeError as error:
        print(size, "->", type(error).__name__)
producer.close()
