"""The transaction state machine: begin twice, or commit without begin, raises at once
(kafka-python TransactionManager: KafkaError subclasses / IllegalStateError)."""
import os

from kafka import KafkaProducer
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="zustand" + RUN)
try:
    producer.begin_transaction()
    print("begin before init -> ok")
except KafkaError as error:
    print("begin before init ->", type(error).__name__)
producer.init_transactions()
for label, call in (("commit without begin", producer.commit_transaction),
                    ("begin", producer.begin_transaction),
                    ("begin again", producer.begin_transaction),
                    ("commit empty", producer.commit_transaction),
                    ("abort without begin", producer.abort_transaction)):
    try:
        call()
        print(label, "-> ok")
    except KafkaError as error:
        print(label, "->", type(error).__name__)
producer.close()
