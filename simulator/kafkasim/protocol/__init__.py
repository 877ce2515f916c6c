"""Kafka's protocol as the simulator speaks it: messages named and shaped after Kafka's APIs,
the consumer-protocol bytes inside group messages, and the network that carries them."""

from . import admin, consumer, fetch, groups, metadata, offsets, produce, records, share, transactions  # noqa: F401
from .network import NET_MS, Connection, Network  # noqa: F401
