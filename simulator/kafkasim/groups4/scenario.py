"""Runs a group scenario (a .steps file) in the simulator and prints the facts it observes.

The counterpart of tests/groups4/drivers/GroupScenario.java, which runs the same file on a real
Kafka 4.3.1 broker: both print the same lines (the step language is described in
tests/groups4/scenarios.py). Waiting happens on simulated time.

    python -m kafkasim.groups4.scenario tests/groups4/scenarios/share_lock_expiry.steps
"""

from __future__ import annotations

import sys
from pathlib import Path

from .controls import GroupsSimulator

POLL_BOUND_MS = 20000
SETTLE_BOUND_MS = 60000
STEP_MS = 100


def _options(words: list[str]) -> dict[str, str]:
    return dict(word.split("=", 1) for word in words)


def _list(partitions) -> str:
    return "[" + ",".join(str(p) for p in sorted(partitions)) + "]"


class ScenarioRun:
    def __init__(self, lines: list[str], seed: int = 0) -> None:
        self.steps = [line.split() for line in (raw.strip() for raw in lines) if line and not line.startswith("#")]
        broker = {}
        for words in self.steps:
            if words[0] == "broker":
                broker.update(_options(words[1:]))
        self.sim = GroupsSimulator(seed=seed, broker_configs=broker)
        self.out: list[str] = []
        self.groups: dict[str, str] = {}       # member → group
        self.topic_of: dict[str, str] = {}     # share member → topic
        self.lock_ms: dict[str, int] = {}
        # Rebalance callbacks as printed: merged within one settle step.
        self.logs: dict[str, list[list]] = {}
        self.seen: dict[str, int] = {}
        self.frozen: dict[str, int] = {}

    def say(self, line: str) -> None:
        self.out.append(line)

    def run(self) -> str:
        for words in self.steps:
            self._sync_logs()
            getattr(self, "step_" + words[0].replace("-", "_"))(*words[1:])
        return "".join(line + "\n" for line in self.out)

    # --- setup ------------------------------------------------------------------------------------

    def step_broker(self, *settings) -> None:
        pass  # applied when the simulator was created

    def step_topic(self, name: str, partitions: str) -> None:
        self.sim.create_topic(name, int(partitions))

    def step_group_config(self, group: str, *settings) -> None:
        for name, value in _options(list(settings)).items():
            self.sim.set_group_config(group, name, value)
            if name == "share.record.lock.duration.ms":
                self.lock_ms[group] = int(value)

    def step_produce(self, topic: str, partition: str, *values) -> None:
        self.sim.produce(topic, int(partition), values)

    # --- share groups -----------------------------------------------------------------------------

    def step_share(self, member: str, group: str, topic: str, *options) -> None:
        opts = _options(list(options))
        self.sim.add_share_consumer(member, group, topic, max_poll_records=int(opts.get("max.poll.records", 500)),
                                    acquire_mode=opts.get("share.acquire.mode", "batch_optimized"))
        self.groups[member] = group
        self.topic_of[member] = topic

    @staticmethod
    def _shown(records) -> str:
        return " ".join(f"p{r.partition}@{r.offset}#{r.delivery_count}={r.value}" for r in records)

    def step_poll(self, member: str) -> None:
        consumer = self.sim.share_consumer(member)
        if consumer.acks:
            raise RuntimeError(f"{member} polls with acknowledgements not committed")  # as the Java driver
        deadline = self.sim.kernel.now + POLL_BOUND_MS
        while self.sim.kernel.now < deadline:
            records = self.sim.poll(member, max_wait_ms=5000)
            if records:
                self.say(f"poll {member}: {self._shown(records)}")
                return
            consumer.heartbeat()
        self.say(f"poll {member}: timeout")

    def step_poll_nothing(self, member: str, ms: str) -> None:
        if self.sim.share_consumer(member).acks:
            raise RuntimeError(f"{member} polls with acknowledgements not committed")
        records = self.sim.poll(member, max_wait_ms=int(ms))
        self.say(f"poll {member}: {self._shown(records) if records else '-'}")

    def step_ack(self, member: str, where: str, kind: str) -> None:
        partition, offset = where[1:].split("@")
        self.sim.acknowledge(member, (int(partition), int(offset)), kind)

    def step_ack_all(self, member: str, kind: str) -> None:
        self.sim.acknowledge_all(member, kind)

    def step_commit(self, member: str) -> None:
        result = self.sim.commit(member)
        shown = " ".join(f"p{p}={outcome}" for p, outcome in sorted(result.items()))
        self.say(f"commit {member}: {shown or '-'}")

    def step_wait_lock(self, group: str) -> None:
        lock = self.lock_ms.get(group, self.sim.configs.group(group, "share.record.lock.duration.ms"))
        self.sim.advance(lock + 1500)
        self.say(f"lock expired: {group}")

    def step_offsets(self, group: str) -> None:
        parts = []
        for (_topic_id, partition), value in sorted(self.sim.share_group_offsets(group).items(), key=lambda kv: kv[0][1]):
            parts.append(f"p{partition} none" if value is None else f"p{partition} start={value[0]} lag={value[1]}")
        self.say(f"offsets {group}: {', '.join(parts)}")

    def _share_settled(self, group: str) -> dict | None:
        members = [m for m, g in self.groups.items() if g == group and m in self.sim.share_consumers]
        for member in members:
            self.sim.share_consumer(member).heartbeat()
        description = self.sim.describe_share_group(group)
        if description is None or len(description["members"]) != len(members):
            return None
        target = description["target_epoch"]
        if description["epoch"] != target or any(m["epoch"] != target for m in description["members"]):
            return None
        assigned = {(t, p) for m in description["members"] for t, ps in m["assignment"].items() for p in ps}
        subscribed = {(self.sim.topics.get(self.topic_of[m]).topic_id, p)
                      for m in members for p in range(len(self.sim.topics.get(self.topic_of[m]).partitions))}
        return description if assigned == subscribed else None

    def _share_members(self, group: str, by_name: bool) -> None:
        deadline = self.sim.kernel.now + SETTLE_BOUND_MS
        description = self._share_settled(group)
        while description is None:
            if self.sim.kernel.now >= deadline:
                self.say(f"members {group}: timeout")
                return
            self.sim.advance(STEP_MS)
            description = self._share_settled(group)
        shown = [(m["client_id"], _list(p for ps in m["assignment"].values() for p in ps))
                 for m in description["members"]]
        if by_name:
            parts = [f"{name}={partitions}" for name, partitions in sorted(shown)]
            self.say(f"members {group}: {description['state']} {' '.join(parts)}")
        else:
            self.say(f"shape {group}: {description['state']} {' '.join(sorted(p for _n, p in shown))}")

    def step_members(self, group: str) -> None:
        self._share_members(group, by_name=True)

    def step_shape(self, group: str) -> None:
        self._share_members(group, by_name=False)

    # --- consumer groups (KIP-848) ------------------------------------------------------------------

    def step_consumer(self, member: str, group: str, topic: str, *options) -> None:
        opts = _options(list(options))
        self.sim.add_consumer(member, group, [topic], protocol="consumer", assignor=opts.get("assignor"),
                              instance_id=opts.get("instance"))
        self.groups[member] = group
        self.logs[member], self.seen[member], self.frozen[member] = [], 0, 0
        self._sync_logs()

    def _sync_logs(self) -> None:
        for member, consumer in self.sim.consumers.items():
            log = self.logs[member]
            for sign, _topic, partitions in consumer.callbacks[self.seen[member]:]:
                if len(log) - 1 >= self.frozen[member] and log and log[-1][0] == sign:
                    log[-1][1] = sorted(set(log[-1][1]) | set(partitions))
                else:
                    log.append([sign, list(partitions)])
            self.seen[member] = len(consumer.callbacks)

    def _consumer_settled(self, group: str, members: list[str]) -> bool:
        description = self.sim.describe_consumer_group(group)
        if description is None or description["state"] != "Stable" or len(description["members"]) != len(members):
            return False
        for m in description["members"]:
            owned = {(t, p) for t, p in self.sim.consumers[m["client_id"]].owned}
            target = {(t, p) for t, ps in m["target"].items() for p in ps}
            current = {(t, p) for t, ps in m["assignment"].items() for p in ps}
            if not (owned == target == current):
                return False
        return True

    def step_settle(self, group: str) -> None:
        members = [m for m, g in self.groups.items() if g == group and m in self.sim.consumers]
        for member in members:
            self.frozen[member] = len(self.logs[member])
        deadline = self.sim.kernel.now + SETTLE_BOUND_MS
        while not self._consumer_settled(group, members):
            if self.sim.kernel.now >= deadline:
                self.say(f"settle {group}: timeout")
                return
            self.sim.advance(STEP_MS)
            self._sync_logs()
        self._sync_logs()

    def step_assignment(self, group: str) -> None:
        d = self.sim.describe_consumer_group(group)
        self.say(f"group {group}: {d['state']} epoch={d['epoch']} target={d['target_epoch']} assignor={d['assignor']}")
        for m in sorted(d["members"], key=lambda m: m["client_id"]):
            log = " ".join(f"{sign}{_list(parts)}" for sign, parts in self.logs[m["client_id"]])
            partitions = _list(p for ps in m["assignment"].values() for p in ps)
            self.say(f"  {m['client_id']}: {partitions} epoch={m['epoch']} log={log}")

    # --- both ---------------------------------------------------------------------------------------

    def step_close(self, member: str) -> None:
        self.sim.remove_member(member)
        self._sync_logs()


def run_file(path: str | Path, seed: int = 0) -> str:
    return ScenarioRun(Path(path).read_text(encoding="utf-8").splitlines(), seed).run()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("Aufruf: python -m kafkasim.groups4.scenario <szenario.steps>", file=sys.stderr)
        return 2
    sys.stdout.write(run_file(argv[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
