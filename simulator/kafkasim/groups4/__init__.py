"""The page's controls and the scenario runner for the Kafka 4.x groups: share groups (KIP-932)
and the consumer group protocol (KIP-848).

The groups themselves live in the core: the requests in `protocol/share.py` and
`protocol/groups.py` (ShareGroupHeartbeat 76, ShareFetch 78, ShareAcknowledge 79,
ConsumerGroupHeartbeat 68 and the describe requests), the broker's part in `broker/`
(`kafka4_groups.py` composing `share_coordinator.py`, `share_partition_manager.py`,
`share_partition.py`, `consumer_group_coordinator.py` on the shared `group_membership.py`, the
server-side assignors in `server_assignors.py`, the group configs in `configs.py`), handled in
`broker/apis.py`; the clients in `clients/groups/` (a share consumer with explicit
acknowledgement and a consumer-protocol member, after Kafka's Java clients).

This package composes them for the page, like `kafkasim.cluster`:

* `controls.py` — the operations the simulator controls call (`add_share_consumer`, `poll`,
  `acknowledge`, `commit`, `add_consumer(protocol="consumer")`, `remove_member`, …).
* `scenario.py` — runs a group scenario (tests/groups4/scenarios/*.steps) and prints the same facts
  as the Java driver prints on a real Kafka 4.3.1 broker.
"""
