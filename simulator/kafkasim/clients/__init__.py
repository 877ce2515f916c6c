"""The simulator's Kafka clients, written after kafka-python 3.0.12 at kafka-python's module paths:
producer (accumulator, sender), consumer (fetcher, subscription state), group coordinator with
assignors, admin client, connection manager and client metadata. They reach brokers only through
request/response messages on the network (kafkasim.protocol)."""
