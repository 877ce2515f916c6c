"""Without group_id a consumer has no commits: commit() and commit_async() raise, committed() too
(KafkaConsumer docs: group_id None disables offset commits)."""
import os

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "ohne-gruppe" + os.environ.get("CORPUS_RUN_ID", "")

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
for label, call in (("commit", lambda: consumer.commit()), ("commit_async", lambda: consumer.commit_async()),
                    ("committed", lambda: consumer.committed(TopicPartition(TOPIC, 0)))):
    try:
        print(label, "->", call())
    except (KafkaError, AssertionError, ValueError) as error:
        print(label, "->", type(error).__name__)
consumer.close()
