"""Prüft, ob ein Kafka-Broker erreichbar ist, und listet seine Topics auf."""
# --8<-- [start:code]
import os
import sys

from kafka import KafkaAdminClient
from kafka.errors import KafkaTimeoutError

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

try:
    # Gibt nach 10 statt der voreingestellten 30 Sekunden auf, wenn kein Broker antwortet.
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS,
                             bootstrap_timeout_ms=10_000)
except KafkaTimeoutError:
    print(f"Unter {BOOTSTRAP_SERVERS} antwortet kein Kafka-Broker. Läuft er?")
    sys.exit(1)

print(f"Verbunden mit {BOOTSTRAP_SERVERS}.")
print("Topics:", ", ".join(sorted(admin.list_topics())) or "(noch keine)")
admin.close()
# --8<-- [end:code]
