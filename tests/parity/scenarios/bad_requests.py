"""The errors a learner meets first: what does kafka-python raise?"""
import os

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")


def attempt(label, action):
    try:
        action()
        print(f"{label}: ok")
    except (KafkaError, TypeError, ValueError, AssertionError) as error:
        print(f"{label}: {type(error).__name__}")


admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
attempt("create", lambda: admin.create_topics([NewTopic("bad-requests", num_partitions=2, replication_factor=1)]))
attempt("create again", lambda: admin.create_topics([NewTopic("bad-requests", num_partitions=2, replication_factor=1)]))
attempt("replication factor above broker count",
        lambda: admin.create_topics([NewTopic("too-many-copies", num_partitions=1, replication_factor=4)]))
attempt("zero partitions", lambda: admin.create_topics([NewTopic("no-partitions", num_partitions=0, replication_factor=1)]))
attempt("delete missing topic", lambda: admin.delete_topics(["does-not-exist"]))
print("topics:", sorted(t for t in admin.list_topics() if not t.startswith("__") and t in {
    "bad-requests", "too-many-copies", "no-partitions", "does-not-exist"}))
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
attempt("str value without serializer", lambda: producer.send("bad-requests", value="Kurs 230"))
attempt("str key without serializer", lambda: producer.send("bad-requests", key="SAP", value=b"230"))
attempt("neither key nor value", lambda: producer.send("bad-requests"))
attempt("bytes", lambda: producer.send("bad-requests", key=b"SAP", value=b"230").get(timeout=10))
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS)
attempt("commit without group", lambda: consumer.commit())
consumer.close()
