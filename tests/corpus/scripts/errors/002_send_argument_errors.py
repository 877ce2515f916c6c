"""send() argument errors (KafkaProducer.send docstring, "Raises"): no key and no value -> ValueError,
str without serializer -> TypeError, a serializer returning str -> TypeError."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "argumente" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
bad = KafkaProducer(bootstrap_servers=BOOTSTRAP, value_serializer=lambda v: str(v))
for label, call in (("neither key nor value", lambda: producer.send(TOPIC)),
                    ("str value", lambda: producer.send(TOPIC, value="Kurs")),
                    ("int key", lambda: producer.send(TOPIC, key=7, value=b"x")),
                    ("dict value", lambda: producer.send(TOPIC, value={"a": 1})),
                    ("serializer returns str", lambda: bad.send(TOPIC, value=5)),
                    ("key only", lambda: producer.send(TOPIC, key=b"k").get(timeout=10))):
    try:
        call()
        print(label, "-> ok")
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__)
producer.close()
bad.close()
