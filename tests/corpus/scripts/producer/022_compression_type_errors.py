"""An unknown compression_type is refused by the constructor (ValueError "Not supported codec")."""
import os

from kafka import KafkaProducer

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

for codec in ("brotli", "GZIP", "gzip"):
    try:
        KafkaProducer(bootstrap_servers=BOOTSTRAP, compression_type=codec).close()
        print(codec, "-> accepted")
    except (ValueError, RuntimeError) as error:
        print(codec, "->", type(error).__name__)
