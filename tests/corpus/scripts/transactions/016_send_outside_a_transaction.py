"""kafka-python's checks around send() on a transactional producer (TransactionManager): before
init_transactions() and between transactions send() raises IllegalStateError, as does
send_offsets_to_transaction() outside a transaction (KafkaError); a second init_transactions() is
a no-op; a transaction_timeout_ms above the broker's transaction.max.timeout.ms (15 min) fails
init_transactions()."""
import os

from kafka import KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "ausserhalb" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()


def attempt(label, call):
    try:
        call()
        print(label, "-> ok")
    except KafkaError as error:
        print(label, "->", type(error).__name__)


producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="ausserhalb" + RUN)
attempt("send before init", lambda: producer.send(TOPIC, b"x"))
attempt("init", producer.init_transactions)
attempt("init again", producer.init_transactions)
attempt("send between transactions", lambda: producer.send(TOPIC, b"x"))
attempt("offsets outside a transaction", lambda: producer.send_offsets_to_transaction(
    {TopicPartition(TOPIC, 0): OffsetAndMetadata(1, "", -1)}, "gruppe" + RUN))
attempt("begin", producer.begin_transaction)
attempt("send in transaction", lambda: producer.send(TOPIC, b"x").get(timeout=10))
attempt("commit", producer.commit_transaction)
producer.close()

too_long = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="zu-lang" + RUN,
                         transaction_timeout_ms=16 * 60 * 1000)
attempt("init with a 16 min timeout", too_long.init_transactions)
too_long.close()
