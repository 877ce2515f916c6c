"""Topic config max.message.bytes: the broker rejects a larger batch; the future fails with
MessageSizeTooLargeError (RecordTooLarge, error 10), smaller records pass."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "begrenzt" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
# wait_for_metadata: until the broker has applied the new topic, DescribeConfigs (and kafka-python's
# own check inside alter_configs) can find no configs for it (seen on a loaded machine).
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1,
                             "configs": {"max.message.bytes": "2000"}}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, retries=0)
for size in (500, 5000, 600):
    try:
        metadata = producer.send(TOPIC, value=b"x" * size).get(timeout=20)
        print(size, "-> offset", metadata.offset)
    except Exception as error:
        print(size, "->", type(error).__name__)
producer.close()
