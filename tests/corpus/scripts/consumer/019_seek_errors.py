"""seek() wants a partition assigned to this consumer and a non-negative int offset
(KafkaConsumer.seek docstring: AssertionError / IllegalStateError)."""
import os

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import IllegalStateError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "falsch-springen" + os.environ.get("CORPUS_RUN_ID", "")

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
consumer.assign([TopicPartition(TOPIC, 0)])
for label, call in (("negative offset", lambda: consumer.seek(TopicPartition(TOPIC, 0), -1)),
                    ("str offset", lambda: consumer.seek(TopicPartition(TOPIC, 0), "3")),
                    ("not assigned", lambda: consumer.seek(TopicPartition(TOPIC, 1), 0)),
                    ("not a TopicPartition", lambda: consumer.seek((TOPIC, 0), 0)),
                    ("seek_to_beginning unassigned", lambda: consumer.seek_to_beginning(TopicPartition(TOPIC, 5))),
                    ("ok", lambda: consumer.seek(TopicPartition(TOPIC, 0), 0))):
    try:
        call()
        print(label, "-> ok")
    except (AssertionError, IllegalStateError, TypeError, ValueError) as error:
        print(label, "->", type(error).__name__)
consumer.close()
