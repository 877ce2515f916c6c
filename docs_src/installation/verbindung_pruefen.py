"""Checks that a Kafka broker is reachable and lists its topics."""
# --8<-- [start:code]
import os
import sys

from kafka import KafkaAdminClient
from kafka.errors import KafkaTimeoutError

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

try:
    # Gives up after 10 seconds instead of the default 30 when no broker answers.
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS,
                             bootstrap_timeout_ms=10_000)
except KafkaTimeoutError:
    print(f"Unter {BOOTSTRAP_SERVERS} antwortet kein Kafka-Broker. Läuft er?")
    sys.exit(1)

print(f"Verbunden mit {BOOTSTRAP_SERVERS}.")
print("Topics:", ", ".join(sorted(admin.list_topics())) or "(noch keine)")
admin.close()
# --8<-- [end:code]
