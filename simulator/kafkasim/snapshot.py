"""Snapshots (the whole visible state as JSON-ready dicts) and state for shareable URLs.

Example of `Cluster(brokers=3, seed=0).snapshot()` after `create_topic("boerse", 2, 3)`,
one produced record and one background consumer (abridged)::

    {
      "now_ms": 3204, "seed": 0, "controller": 1,
      "brokers": [{"id": 1, "state": "running"}, {"id": 2, "state": "running"},
                  {"id": 3, "state": "running"}],
      "topics": [{
        "name": "boerse",
        "config": {"retention.ms": 604800000, "retention.bytes": -1, "cleanup.policy": "delete",
                   "min.insync.replicas": 1, "unclean.leader.election.enable": false,
                   "segment.ms": 604800000, "segment.bytes": 1073741824},
        "replication_factor": 3,
        "partitions": [{
          "partition": 0, "leader": 2, "leader_epoch": 0, "replicas": [2, 3, 1], "isr": [2, 3, 1],
          "log_start_offset": 0, "high_watermark": 1, "log_end_offset": 1,
          "replica_log_end_offsets": {"2": 1, "3": 1, "1": 1},
          "records": [{"offset": 0, "key": "SAP",
                       "value": "{\"symbol\": \"SAP\", \"price\": 240.1, \"currency\": \"EUR\"}",
                       "timestamp": 1767225600000}]
        }, ...]
      }],
      "groups": [{
        "group_id": "depot-anna", "coordinator": 2, "state": "Stable", "generation": 1, "protocol": "range",
        "leader": "anna-6f1c…",
        "members": [{"member_id": "anna-6f1c…", "client_id": "anna",
                     "assignment": [["boerse", 0], ["boerse", 1]], "owned": [["boerse", 0], ["boerse", 1]],
                     "rebalance_protocol": "eager", "origin": "page", "expires_ms": null}],
        "offsets": [{"topic": "boerse", "partition": 0, "committed": 1, "end_offset": 1, "lag": 0},
                    {"topic": "boerse", "partition": 1, "committed": null, "end_offset": 0, "lag": null}]
      }],
      "producers": [{"client_id": "boerse-1", "acks": "all", "sent": 10, "acked": 10, "errors": 0}],
      "tickers": [{"id": "boerse-1", "topic": "boerse", "symbols": ["SAP", ...], "rate_per_s": 5.0,
                   "running": true}],
      "metrics": {"records_produced": 10, "records_consumed": 10}
    }

`lag` is end_offset (the high watermark) minus the committed offset, None without a commit.
A member's `assignment` is what the coordinator last handed out; `owned` is what its consumer holds
now (during an eager rebalance nothing, during a cooperative one all but the moved partitions),
None when its consumer is not in this cluster; `rebalance_protocol` is "eager" or "cooperative".

Transactions (only once a transactional producer ran): each partition has `last_stable_offset`
and `open_transactions`; records carry `marker` ("commit"/"abort") for control records, `aborted`
for records of an aborted transaction, `open` for those of an undecided one; `transactions` lists
the coordinator's transactional ids: {transactional_id, producer_id, epoch, state (Empty, Ongoing,
CompleteCommit, CompleteAbort), partitions, groups, timeout_ms, started_ms}. A producer's entry
has `transactional_id` and `transaction_state` (kafka-python's TransactionState name).

Every classic group says `"type": "classic"`. Kafka 4.x groups, driven by the page's controls
(scenarios/groups4_page.py), come in three more lists, present once the first control is used::

    "share_groups": [{
      "group_id": "lager", "type": "share", "state": "Stable", "epoch": 4, "topic": "auftraege",
      "lock_duration_ms": 15000, "delivery_count_limit": 5,
      "members": [{"name": "lager-1", "assignment": [["auftraege", 0]],
                   "held": [{"partition": 0, "offset": 1, "delivery_count": 2, "value": "…",
                             "lock_until_ms": 31000, "lock_lost": false}]}],
      "partitions": [{"partition": 0, "start_offset": 1, "end_offset": 4, "log_end_offset": 6,
                      "records": [{"offset": 0, "value": "…", "state": "Acknowledged", "delivery_count": 1,
                                   "member": null, "lock_until_ms": null}, ...]}]
    }],
    "consumer_protocol_groups": [{
      "group_id": "depot-neu", "type": "consumer", "state": "Reconciling", "epoch": 4, "target_epoch": 4,
      "assignor": "uniform",
      "members": [{"name": "A", "epoch": 3, "state": "UNREVOKED_PARTITIONS",
                   "assignment": [["kurse", 0], ["kurse", 1], ["kurse", 2]], "revoking": [["kurse", 2]],
                   "pending": []}]
    }],
    "groups4_topics": [{"name": "auftraege", "partitions": [{"partition": 0, "records": [{"offset": 0, "value": "…"}]}]}]

A share-partition record's `state` is Kafka's (Available, Acquired, Acknowledged, Archived) or
"Outside" for a record before the group's start (share.auto.offset.reset=latest).
"""

from __future__ import annotations

from .errors import KafkaError


def build_snapshot(cluster, max_records: int = 50) -> dict:
    kafka = cluster.kafka
    groups = []
    clients = {c._coordinator.member_id: c for c in cluster.env.consumers if c._coordinator.member_id}
    for group in kafka.groups.groups.values():
        offsets = []
        tps = set(group.offsets)
        for topic in group.subscribed_topics():
            t = kafka.topics.get(topic)
            if t is not None:
                tps.update((topic, p.index) for p in t.partitions)
        for topic, partition in sorted(tps):
            p = kafka.partition(topic, partition)
            if p is None:
                continue
            entry = group.offsets.get((topic, partition))
            committed = entry[0] if entry else None
            offsets.append({"topic": topic, "partition": partition, "committed": committed,
                            "end_offset": p.hw, "lag": None if committed is None else max(0, p.hw - committed)})
        groups.append({
            "group_id": group.group_id,
            "type": "classic",
            "coordinator": kafka.groups.coordinator_of(group.group_id),
            "state": group.state,
            "generation": group.generation,
            "protocol": group.protocol,
            "leader": group.leader,
            "members": [_member(cluster, clients, m) for m in group.members.values()],
            "offsets": offsets,
        })
    snapshot = {
        "now_ms": cluster.kernel.now,
        "seed": cluster.seed,
        "controller": kafka.controller_id,
        "brokers": [b.snapshot() for b in kafka.brokers.values()],
        "topics": kafka.snapshot_topics(max_records),
        "groups": groups,
        **(cluster.groups4_snapshot() if cluster.groups4_in_use else {}),
        "producers": [p._snapshot() for p in cluster.env.producers[-20:]],
        "tickers": cluster.scenarios.snapshot_tickers(),
        "metrics": {"records_produced": kafka.metrics_produced,
                    "records_consumed": cluster.env.metrics_consumed},
    }
    transactions = kafka.transactions.snapshot()
    if transactions:
        snapshot["transactions"] = transactions      # only once a transactional producer ran
    return snapshot


def _member(cluster, clients: dict, m) -> dict:
    """One member; `origin` "page" when the page's controls added it (only those can remove it),
    "script" for a learner's KafkaConsumer. A script that ended without close() left its member
    behind: `expires_ms` is when the coordinator drops it (its session.timeout.ms runs out).
    `clients` maps member ids to the consumers holding them (the broker knows no client objects)."""
    consumer = clients.get(m.member_id)
    actor = cluster.actors.get(m.client_id)
    # A member whose JoinGroup answer is still on its way is not yet known by id to its consumer.
    page = actor is not None and not actor.consumer._closed and (consumer is None or actor.consumer is consumer)
    gone = not page and consumer is not None and consumer._closed and m.session_timer is not None
    return {"member_id": m.member_id, "client_id": m.client_id,
            "assignment": [[t, p] for t, ps in sorted(m.assignment.items()) for p in ps],
            "owned": _owned(consumer),
            "rebalance_protocol": _rebalance_protocol(consumer),
            "origin": "page" if page else "script",
            "expires_ms": m.session_timer.at if gone else None}


def _rebalance_protocol(consumer) -> str | None:
    """"eager" or "cooperative" (KIP-429): what the member's assignors agree on; None without its consumer."""
    if consumer is None:
        return None
    return consumer._coordinator.rebalance_protocol.name.lower()


def _owned(consumer) -> list | None:
    """The partitions the member's consumer holds right now, as its client sees it (the broker's
    `assignment` is the last one it handed out). An eager member gives up all of them when it
    learns of a rebalance (on_partitions_revoked, then a JoinGroup) and holds nothing until the
    new assignment arrives; a cooperative one keeps them through the JoinGroup and gives up only
    the moved ones after the SyncGroup, before it rejoins. None without the member's consumer."""
    if consumer is None or consumer._closed:
        return None
    coordinator = consumer._coordinator
    rejoining = coordinator.state != "STABLE" or coordinator.needs_rejoin
    if rejoining and coordinator.rebalance_protocol.name == "EAGER":
        return []
    return [[t, p] for t, p in sorted(coordinator.subscription.assignment)]


STATE_VERSION = 1


def to_state(cluster) -> dict:
    """Everything needed to rebuild the cluster: seed, size, config and the recorded controls.

    Replaying the actions at their simulated times on a fresh cluster with the same seed gives
    the same run, so the snapshot after `from_state` equals the original one.
    """
    return {
        "v": STATE_VERSION,
        "seed": cluster.seed,
        "brokers": len(cluster.brokers),
        "config": dict(cluster.config_overrides),
        "now_ms": cluster.kernel.now,
        "actions": [list(a) for a in cluster.actions],
    }


def from_state(cls, state: dict):
    if not isinstance(state, dict) or state.get("v") != STATE_VERSION:
        raise ValueError("Dieser Zustand stammt aus einer anderen Simulator-Version und lässt sich nicht laden.")
    cluster = cls(brokers=state["brokers"], seed=state["seed"], config=state.get("config") or None)
    for entry in state.get("actions", []):
        at, action, *args = entry
        if at > cluster.kernel.now:
            cluster.kernel.run(at)
        if action == "advance":
            cluster.advance(args[0])
        elif action == "step":
            for _ in range(args[0]):
                cluster.step()
        elif action == "schedule":
            cluster.schedule(*args)
        else:
            try:
                getattr(cluster, action)(*args)
            except (KafkaError, ValueError):
                pass        # it failed the first time too, after the same side effects
    if state.get("now_ms", 0) > cluster.kernel.now:
        cluster.kernel.run(state["now_ms"])
    return cluster
