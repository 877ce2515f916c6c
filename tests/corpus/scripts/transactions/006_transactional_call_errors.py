"""Transactional methods without transactional_id raise IllegalStateError; transactional_id with
enable_idempotence=False or acks=1 is a KafkaConfigurationError (KafkaProducer.__init__)."""
import os

from kafka import KafkaProducer
from kafka.errors import IllegalStateError, KafkaConfigurationError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for name in ("init_transactions", "begin_transaction", "commit_transaction", "abort_transaction"):
    try:
        getattr(producer, name)()
        print(name, "-> ok")
    except IllegalStateError as error:
        print(name, "->", type(error).__name__)
producer.close()

for conflict in ({"enable_idempotence": False}, {"acks": 1}, {"retries": 0}):
    try:
        KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="t" + RUN, **conflict).close()
        print(conflict, "-> ok")
    except KafkaConfigurationError as error:
        print(conflict, "->", type(error).__name__)
