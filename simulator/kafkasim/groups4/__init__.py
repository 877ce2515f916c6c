"""Kafka 4.x groups: share groups (KIP-932) and the consumer group protocol (KIP-848).

A self-contained package until the simulator core (kernel, broker, clients, protocol) lands; it
depends only on the kernel. Its parts are laid out the way the core will hold them:

* `messages.py` — the requests and responses of the new group APIs (ShareGroupHeartbeat 76,
  ShareFetch 78, ShareAcknowledge 79, ConsumerGroupHeartbeat 68, the describe/list-offsets views),
  shaped after Kafka's message definitions. Belongs to `protocol/`.
* `broker/` — what Kafka's broker does: `assignors.py` (the server-side assignors uniform, range and
  simple, with Java's iteration order from `javaorder.py`), `share_partition.py` (record states,
  acquisition locks, delivery counts, SPSO/SPEO), `share_coordinator.py` (share-group membership and
  assignment), `consumer_coordinator.py` (KIP-848 membership, target assignment, reconciliation),
  `configs.py` (defaults and limits of the group configs), `apis.py` (one handler per request).
  Belongs to `broker/`.
* `clients/` — what Kafka's Java clients do with those answers: a share consumer with explicit
  acknowledgement and a consumer-protocol consumer with rebalance callbacks. kafka-python 3.0.12
  has neither; these are driven by the page's controls, never by learner code. Belongs to `clients/`.
* `controls.py` — the operations the simulator controls will call (`add_share_consumer`,
  `poll`, `acknowledge`, `commit`, `add_consumer(protocol="consumer")`, `remove_member`, …).
* `scenario.py` — runs a group scenario (tests/groups4/scenarios/*.steps) and prints the same facts
  as the Java driver prints on a real Kafka 4.3.1 broker.

`memlog.py` is the partition log seam: a share-partition reads record batches through
`batches_from(offset)`; the core's log will offer the same.
"""
