"""Topic names with characters outside [a-zA-Z0-9._-] or longer than 249 are refused by send()
(ValueError per the send docstring); the topic argument must be a str (TypeError)."""
import os

from kafka import KafkaProducer

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, max_block_ms=5000)
for label, topic in (("space", "mit leerzeichen"), ("umlaut", "börse"), ("too long", "x" * 250),
                     ("empty", ""), ("bytes", b"kurse"), ("none", None)):
    try:
        producer.send(topic, value=b"x").get(timeout=10)
        print(label, "-> ok")
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__)
    except Exception as error:
        print(label, "-> other", type(error).__name__)
producer.close()
