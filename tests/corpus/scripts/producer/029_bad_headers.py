"""Headers must be a list of (str, bytes) tuples; anything else raises TypeError in send()."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "schlechte-kopfzeilen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for label, headers in (("dict", {"a": b"1"}), ("str value", [("a", "1")]), ("bytes key", [(b"a", b"1")]),
                       ("tuple of tuples", (("a", b"1"),)), ("ok", [("a", b"1")]), ("empty", [])):
    try:
        producer.send(TOPIC, value=b"v", headers=headers).get(timeout=10)
        print(label, "-> ok")
    except TypeError:
        print(label, "-> TypeError")
producer.close()
