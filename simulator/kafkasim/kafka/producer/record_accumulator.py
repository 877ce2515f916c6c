"""kafka.producer.record_accumulator"""

from ...clients.producer.record_accumulator import RecordAccumulator  # noqa: F401
