"""poll() checks its arguments at once: negative timeout -> ValueError, max_records not int -> TypeError,
max_records <= 0 -> ValueError (KafkaConsumer.poll docstring, "Raises")."""
import os

from kafka import KafkaConsumer, TopicPartition

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "pruefen" + os.environ.get("CORPUS_RUN_ID", "")

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
for label, kwargs in (("timeout -1", {"timeout_ms": -1}), ("max_records '5'", {"max_records": "5"}),
                      ("max_records 0", {"max_records": 0}), ("max_records -3", {"max_records": -3})):
    try:
        consumer.poll(**kwargs)
        print(label, "-> ok")
    except (ValueError, TypeError) as error:
        print(label, "->", type(error).__name__)
consumer.close()
