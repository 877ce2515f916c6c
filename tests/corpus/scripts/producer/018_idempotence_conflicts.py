"""enable_idempotence=True together with acks=1, retries=0 or more than 5 requests in flight raises
KafkaConfigurationError at once (KafkaProducer docstring on enable_idempotence)."""
import os

from kafka import KafkaProducer
from kafka.errors import KafkaConfigurationError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

for conflict in ({"acks": 1}, {"acks": 0}, {"retries": 0}, {"max_in_flight_requests_per_connection": 6}):
    try:
        KafkaProducer(bootstrap_servers=BOOTSTRAP, enable_idempotence=True, **conflict).close()
        print(conflict, "-> accepted")
    except KafkaConfigurationError as error:
        print(conflict, "->", type(error).__name__, "|", error)

# Without the explicit enable_idempotence=True the same settings only switch idempotence off.
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, retries=0)
print("retries=0 alone: idempotent =", producer.config["enable_idempotence"])
producer.close()
