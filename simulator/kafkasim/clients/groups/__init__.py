"""What Kafka's Java clients do with the Kafka 4.x group APIs: a share consumer with explicit
acknowledgement (KafkaShareConsumer, KIP-932) and a consumer speaking the consumer protocol
(KafkaConsumer with group.protocol=consumer, KIP-848).

kafka-python 3.0.12 has neither, so nothing here is part of the `kafka` facade: the page's
controls drive these clients (kafkasim.groups4.controls), never a learner's script.
"""
