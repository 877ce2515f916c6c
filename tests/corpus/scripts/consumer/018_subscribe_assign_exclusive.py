"""subscribe() and assign() exclude each other (IllegalStateError); subscribe needs topics or a
pattern; unsubscribe() clears both (KafkaConsumer docs)."""
import os

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import IllegalStateError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "entweder-oder" + os.environ.get("CORPUS_RUN_ID", "")


def attempt(label, call):
    try:
        call()
        print(label, "-> ok")
    except (IllegalStateError, ValueError, TypeError, AssertionError) as error:
        print(label, "->", type(error).__name__)


consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id="g" + TOPIC)
attempt("subscribe", lambda: consumer.subscribe([TOPIC]))
attempt("assign while subscribed", lambda: consumer.assign([TopicPartition(TOPIC, 0)]))
print("subscription:", sorted(t == TOPIC for t in consumer.subscription()))
attempt("unsubscribe", consumer.unsubscribe)
print("subscription after unsubscribe:", consumer.subscription())
attempt("assign", lambda: consumer.assign([TopicPartition(TOPIC, 0)]))
attempt("subscribe while assigned", lambda: consumer.subscribe([TOPIC]))
attempt("subscribe to nothing", lambda: consumer.subscribe())
attempt("topics and pattern", lambda: KafkaConsumer(bootstrap_servers=BOOTSTRAP).subscribe([TOPIC], pattern="x"))
attempt("subscribe a str", lambda: KafkaConsumer(bootstrap_servers=BOOTSTRAP).subscribe(TOPIC))
consumer.close()
