"""The page's Kafka 4.x groups: share groups (KIP-932) and consumer-protocol groups (KIP-848).

kafka-python 3.0.12 has neither, so a learner drives them with the simulator's buttons
("Share-Gruppe hinzufügen", per record „Bestätigen“ / „Freigeben“ / „Ablehnen“, a consumer of
type „consumer“). Each button is one call of groups4/controls.py on the cluster's brokers and
kernel, so these groups live on the same simulated clock: a lock runs out while time plays, and
their events (share_group.*, consumer_group.*) appear in the page's event log.

Only the control functions are used (no groups4 internals), and what the page draws comes from
their views. Two things the views do not say are kept here:

* the records acquired by each member and not yet acknowledged (the buttons per record), and the
  moment they were acquired: the lock runs `share.record.lock.duration.ms` from there (the
  broker's lock started a network round trip earlier, so the page's deadline is at most that late);
* the last state of each offset, because a share-partition forgets records once its start offset
  has moved past them: those are settled (acknowledged or archived), and the log keeps them drawn.
"""

from __future__ import annotations

import functools

from ..groups4.controls import GroupsControlError, GroupsSimulator

# Each member fetches at most this many records per „Abholen“, exactly that many
# (share.acquire.mode=record_limit): two members of one partition then visibly share it.
PAGE_MAX_POLL_RECORDS = 2
PAGE_ACQUIRE_MODE = "record_limit"
# A fetch on the page waits at most this long for records (Kafka's clients wait in poll(timeout)).
FETCH_WAIT_MS = 1000
# How long „Share-Gruppe hinzufügen“ / „Mitglied hinzufügen“ lets time run for the first assignment.
ASSIGNMENT_WAIT_MS = 15_000
ACK_KINDS = ("accept", "release", "reject")


class Groups4Page:
    def __init__(self, kafka, env) -> None:
        self.sim = GroupsSimulator(kafka=kafka, env=env)
        self.kernel = self.sim.kernel
        self.values: dict[str, list[list]] = {}       # topic -> per partition the produced values
        self.held: dict[str, list] = {}                # member -> acquired, unacknowledged records
        self.acquired_at: dict[tuple, int] = {}        # (group, topic, partition, offset) -> ms
        self.settled: dict[tuple, dict] = {}           # (group, topic, partition) -> {offset: entry}
        self.accepted: set[tuple] = set()              # (group, topic, partition, offset) the page accepted
        self.share_members: dict[str, tuple[str, str]] = {}   # name -> (group, topic)
        self.protocol_members: dict[str, tuple[str, list[str], str | None]] = {}
        self.counter = 0

    # --- topics and records ---------------------------------------------------------------------

    def create_topic(self, name: str, partitions: int) -> None:
        self.sim.create_topic(name, int(partitions))
        self.values[name] = [[] for _ in range(int(partitions))]

    def produce(self, topic: str, partition: int, values) -> dict:
        values = [str(v) for v in values]
        self.sim.produce(topic, int(partition), values)
        log = self.values[topic][int(partition)]
        first = len(log)
        log.extend(values)
        return {"topic": topic, "partition": int(partition), "first": first, "last": len(log) - 1}

    def set_group_config(self, group_id: str, name: str, value) -> None:
        self.sim.set_group_config(group_id, name, value)

    def _name(self, prefix: str) -> str:
        taken = set(self.share_members) | set(self.protocol_members)
        while True:
            self.counter += 1
            name = f"{prefix}-{self.counter}"
            if name not in taken:
                return name

    # --- share groups ---------------------------------------------------------------------------

    def add_share_member(self, group_id: str, topic: str, name: str | None = None) -> str:
        name = name or self._name(group_id)
        self.sim.add_share_consumer(name, group_id, topic, max_poll_records=PAGE_MAX_POLL_RECORDS,
                                    acquire_mode=PAGE_ACQUIRE_MODE)
        self.share_members[name] = (group_id, topic)
        self.held[name] = []
        # The button returns once the member knows its partitions (its heartbeats carry them), as a
        # Java client's first poll() waits for them: the picture then shows whom it reads with.
        self.sim.run_until(lambda: self._share_assignment(group_id, name), ASSIGNMENT_WAIT_MS)
        return name

    def _share_assignment(self, group_id: str, name: str) -> dict:
        described = self.sim.describe_share_group(group_id) or {"members": []}
        return next((m["assignment"] for m in described["members"] if m["client_id"] == name), {})

    def _group_of(self, name: str) -> tuple[str, str]:
        if name not in self.share_members:
            raise GroupsControlError(f"Einen Share-Consumer namens {name} gibt es nicht (mehr).")
        return self.share_members[name]

    def fetch(self, name: str) -> list[dict]:
        """„Abholen“: one poll; the member holds what it acquired until it acknowledges it."""
        group_id, topic = self._group_of(name)
        # A poll with records of the last one unanswered is refused by the client itself (explicit mode).
        records = self.sim.poll(name, max_wait_ms=FETCH_WAIT_MS)
        for r in records:
            self.acquired_at[(group_id, topic, r.partition, r.offset)] = self.kernel.now
        self.held[name] = list(records)
        self._remember(group_id, topic)
        return [{"partition": r.partition, "offset": r.offset, "delivery_count": r.delivery_count} for r in records]

    def acknowledge(self, name: str, partition: int, offset: int, kind: str) -> dict:
        """One record's answer, sent at once (commitSync after each acknowledgement)."""
        if kind not in ACK_KINDS:
            raise GroupsControlError(f"Unbekannte Bestätigung {kind} (erlaubt: {', '.join(ACK_KINDS)}).")
        group_id, topic = self._group_of(name)
        record = next((r for r in self.held[name] if r.partition == int(partition) and r.offset == int(offset)), None)
        if record is None:
            raise GroupsControlError(f"{name} hält keinen Datensatz mit Offset {offset} in Partition {partition}.")
        self.sim.acknowledge(name, record, kind)
        results = self.sim.commit(name)
        self.held[name].remove(record)
        if kind == "accept" and results.get(int(partition), "ok") == "ok":
            self.accepted.add((group_id, topic, int(partition), int(offset)))
        self._remember(group_id, topic)
        after = next((e for e in self.settled.get((group_id, topic, int(partition)), {}).values()
                      if e["offset"] == int(offset)), None)
        state = after["state"] if after else None
        if state is not None and state not in ("Acknowledged", "Archived"):
            view = {e["offset"]: e for e in self.sim.share_partition_view(group_id, topic, int(partition))["records"]}
            state = view[int(offset)]["state"] if int(offset) in view else self._settled(
                after, (group_id, topic, int(partition), int(offset)))["state"]
        return {"partition": int(partition), "offset": int(offset), "kind": kind,
                "result": results.get(int(partition), "ok"), "state": state,
                "delivery_count": record.delivery_count}

    def lock_deadline(self, name: str) -> int | None:
        """When the earliest lock of the member's held records runs out (page's view)."""
        group_id, topic = self._group_of(name)
        duration = self.sim.configs.group(group_id, "share.record.lock.duration.ms")
        lost = self._lock_lost(name)
        times = [self.acquired_at.get((group_id, topic, r.partition, r.offset)) for r in self.held[name]
                 if (r.partition, r.offset) not in lost]
        times = [t for t in times if t is not None]
        return min(times) + int(duration) if times else None

    def _lock_lost(self, name: str) -> set[tuple[int, int]]:
        """The held records whose lock ran out: the broker no longer has them acquired for this
        member at this delivery. A Java share consumer does not know that; it must still answer
        each of them before its next poll, and the broker refuses (INVALID_RECORD_STATE)."""
        group_id, topic = self.share_members[name]
        lost = set()
        for p in {r.partition for r in self.held[name]}:
            mine = {(p, e["offset"]): e["delivery_count"]
                    for e in self.sim.share_partition_view(group_id, topic, p)["records"]
                    if e["state"] == "Acquired" and e["member"] == name}
            lost.update((r.partition, r.offset) for r in self.held[name] if r.partition == p
                        and mine.get((r.partition, r.offset)) != r.delivery_count)
        return lost

    def _remember(self, group_id: str, topic: str) -> None:
        for p in range(len(self.values.get(topic, []))):
            seen = self.settled.setdefault((group_id, topic, p), {})
            for entry in self.sim.share_partition_view(group_id, topic, p)["records"]:
                seen[entry["offset"]] = dict(entry)

    # --- consumer-protocol groups ---------------------------------------------------------------

    def add_protocol_consumer(self, group_id: str, topic: str, name: str | None = None,
                              assignor: str | None = None) -> str:
        name = name or self._name(group_id)
        self.sim.add_consumer(name, group_id, [topic], protocol="consumer", assignor=assignor or None)
        self.protocol_members[name] = (group_id, [topic], assignor)
        return name

    def remove_member(self, name: str) -> None:
        self.sim.remove_member(name)
        if name in self.share_members:
            group_id, topic = self.share_members.pop(name)
            self.held.pop(name, None)
            self._remember(group_id, topic)
        self.protocol_members.pop(name, None)

    # --- what the page draws --------------------------------------------------------------------

    def snapshot(self) -> dict:
        return {"share_groups": self._share_groups(), "consumer_protocol_groups": self._protocol_groups(),
                "groups4_topics": [{"name": name, "partitions": [
                    {"partition": p, "records": [{"offset": o, "value": v} for o, v in enumerate(values)]}
                    for p, values in enumerate(logs)]} for name, logs in self.values.items()]}

    def _topic_names(self) -> dict:
        return {self.sim.topics.get(name).topic_id: name for name in self.values}

    def _share_groups(self) -> list[dict]:
        names = self._topic_names()
        out = []
        for group_id in sorted({g for g, _ in self.share_members.values()} | {k[0] for k in self.settled}):
            described = self.sim.describe_share_group(group_id) or {"state": "Empty", "epoch": 0, "members": []}
            topic = next((t for (g, t, _p) in self.settled if g == group_id), None)
            topic = next((t for g, t in self.share_members.values() if g == group_id), topic)
            duration = int(self.sim.configs.group(group_id, "share.record.lock.duration.ms"))
            limit = int(self.sim.configs.group(group_id, "share.delivery.count.limit"))
            members = []
            for m in described["members"]:
                name = m["client_id"]
                held = self.held.get(name, [])
                lost = self._lock_lost(name) if held and name in self.share_members else set()
                members.append({
                    "name": name,
                    "assignment": [[names.get(t, str(t)), p] for t, ps in sorted(m["assignment"].items(), key=str) for p in ps],
                    "held": [{"partition": r.partition, "offset": r.offset, "delivery_count": r.delivery_count,
                              "value": str(r.value), "lock_lost": (r.partition, r.offset) in lost, "lock_until_ms":
                                  self.acquired_at.get((group_id, topic, r.partition, r.offset), self.kernel.now) + duration}
                             for r in held],
                })
            out.append({
                "group_id": group_id, "type": "share", "state": described["state"], "epoch": described["epoch"],
                "topic": topic, "lock_duration_ms": duration, "delivery_count_limit": limit,
                "members": members,
                "partitions": [self._share_partition(group_id, topic, p, duration)
                               for p in range(len(self.values.get(topic, [])))] if topic else [],
            })
        return out

    def _share_partition(self, group_id: str, topic: str, partition: int, duration: int) -> dict:
        view = self.sim.share_partition_view(group_id, topic, partition)
        live = {e["offset"]: e for e in view["records"]}
        seen = self.settled.get((group_id, topic, partition), {})
        values = self.values[topic][partition]
        records = []
        for offset, value in enumerate(values):
            entry = live.get(offset)
            if entry is None and view["start_offset"] is not None and offset < view["start_offset"]:
                entry = self._settled(seen.get(offset), (group_id, topic, partition, offset))
            if entry is None and view["start_offset"] is not None and offset >= view["start_offset"]:
                entry = {"state": "Available", "delivery_count": 0, "member": None}   # not fetched yet
            if entry is None:
                # Never seen by this group: before its start (share.auto.offset.reset=latest), or not
                # yet initialized.
                records.append({"offset": offset, "value": value, "state": "Outside", "delivery_count": 0, "member": None})
                continue
            lock = None
            if entry["state"] == "Acquired":
                lock = self.acquired_at.get((group_id, topic, partition, offset), self.kernel.now) + duration
            records.append({"offset": offset, "value": value, "state": entry["state"],
                            "delivery_count": entry["delivery_count"], "member": entry["member"],
                            "lock_until_ms": lock})
        return {"partition": partition, "start_offset": view["start_offset"], "end_offset": view["end_offset"],
                "log_end_offset": len(values), "records": records}

    def _settled(self, last: dict | None, key: tuple) -> dict | None:
        """A record before the start offset is done; the broker no longer says how. Only an accept
        makes it Acknowledged: released or expired at the delivery limit, or rejected, it is Archived."""
        if last is None:
            return None
        if last["state"] in ("Acknowledged", "Archived"):
            return last
        return {**last, "state": "Acknowledged" if key in self.accepted else "Archived", "member": None}

    def _protocol_groups(self) -> list[dict]:
        names = self._topic_names()
        out = []
        for group_id in sorted({g for g, _t, _a in self.protocol_members.values()}):
            described = self.sim.describe_consumer_group(group_id)
            if described is None:
                continue

            def tps(assignment):
                return [[names.get(t, str(t)), p] for t, ps in sorted(assignment.items(), key=str) for p in ps]

            members = []
            for m in described["members"]:
                owned, target = tps(m["assignment"]), tps(m["target"])
                members.append({"name": m["client_id"], "epoch": m["epoch"], "state": m["state"],
                                "assignment": owned,
                                "revoking": [tp for tp in owned if tp not in target],
                                "pending": [tp for tp in target if tp not in owned]})
            out.append({"group_id": group_id, "type": "consumer", "state": described["state"],
                        "epoch": described["epoch"], "target_epoch": described["target_epoch"],
                        "assignor": described["assignor"], "members": members})
        return out


def _refusal(call):
    """Controls answer like the Cluster's others: a German ValueError (shared states replay them
    and skip what failed the first time too). The wrapper keeps the control's signature, which the
    page's bridge reads (web/src/bridge.py)."""
    @functools.wraps(call)
    def wrapper(*args, **kwargs):
        try:
            return call(*args, **kwargs)
        except GroupsControlError as error:
            raise ValueError(str(error)) from None
    return wrapper


class Groups4Controls:
    """The Cluster's page controls for share groups and consumer-protocol groups (a mixin: it
    uses the Cluster's brokers, clients, action record and advance()). The page's part starts with
    the first call, so presets without these groups pay nothing."""

    _groups4: Groups4Page | None = None

    @property
    def groups4(self) -> Groups4Page:
        if self._groups4 is None:
            self._groups4 = Groups4Page(self.kafka, self.env)
        return self._groups4

    @property
    def groups4_in_use(self) -> bool:
        """Whether a Kafka 4.x group control ran; until then the snapshot leaves their lists out."""
        return self._groups4 is not None

    def groups4_snapshot(self) -> dict:
        if self._groups4 is None:
            return {"share_groups": [], "consumer_protocol_groups": [], "groups4_topics": []}
        return self._groups4.snapshot()

    @_refusal
    def groups4_create_topic(self, name: str, partitions: int = 1) -> None:
        """A topic the share and consumer-protocol groups read (their own log until the core's
        topics carry them)."""
        self._record("groups4_create_topic", name, partitions)
        self.groups4.create_topic(name, partitions)

    @_refusal
    def groups4_produce(self, topic: str, values, partition: int = 0) -> dict:
        values = list(values) if isinstance(values, (list, tuple)) else [values]
        self._record("groups4_produce", topic, values, partition)
        return self.groups4.produce(topic, partition, values)

    @_refusal
    def groups4_set_group_config(self, group_id: str, name: str, value) -> None:
        """kafka-configs.sh --entity-type groups --entity-name <group> --alter --add-config name=value"""
        self._record("groups4_set_group_config", group_id, name, value)
        self.groups4.set_group_config(group_id, name, value)

    @_refusal
    def add_share_member(self, group_id: str, topic: str, name: str | None = None) -> str:
        self._record("add_share_member", group_id, topic, name)
        return self.groups4.add_share_member(group_id, topic, name)

    @_refusal
    def share_fetch(self, name: str) -> dict:
        """„Abholen“: {"member", "records": [{partition, offset, delivery_count}, …]}."""
        self._record("share_fetch", name)
        return {"member": name, "records": self.groups4.fetch(name)}

    @_refusal
    def share_acknowledge(self, name: str, partition: int, offset: int, kind: str = "accept") -> dict:
        self._record("share_acknowledge", name, partition, offset, kind)
        return self.groups4.acknowledge(name, partition, offset, kind)

    @_refusal
    def expire_share_locks(self, name: str) -> int:
        """„Sperre ablaufen lassen“: simulated time runs until the member's earliest lock is over
        (the member stands for one that hangs or crashed). Returns the milliseconds that passed."""
        deadline = self.groups4.lock_deadline(name)
        if deadline is None:
            raise GroupsControlError(f"{name} hält keinen gesperrten Datensatz.")
        ms = max(0, deadline - self.kernel.now) + 1
        self.advance(ms)
        return ms

    @_refusal
    def add_protocol_consumer(self, group_id: str, topic: str, name: str | None = None,
                              assignor: str | None = None) -> str:
        self._record("add_protocol_consumer", group_id, topic, name, assignor)
        return self.groups4.add_protocol_consumer(group_id, topic, name, assignor)

    @_refusal
    def remove_groups4_member(self, name: str) -> None:
        self._record("remove_groups4_member", name)
        self.groups4.remove_member(name)
