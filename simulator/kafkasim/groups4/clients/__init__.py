"""What Kafka's Java clients do with the new group APIs: a share consumer with explicit
acknowledgement and a consumer that speaks the KIP-848 consumer protocol. kafka-python 3.0.12 has
neither; these are driven by the simulator's controls, never by a learner's script."""
