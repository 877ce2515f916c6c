"""flush() blocks until every buffered record is acknowledged: afterwards each future is done
(KafkaProducer.flush docstring: "any previously sent record will have completed")."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "flush" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, linger_ms=2000)
futures = [producer.send(TOPIC, key=b"k%d" % (n % 2), value=b"v") for n in range(10)]
producer.flush(timeout=10)
print("all done:", all(f.is_done for f in futures), "| all succeeded:", all(f.succeeded() for f in futures))
print("offsets per partition:", sorted((f.get().partition, f.get().offset) for f in futures))
producer.close()
