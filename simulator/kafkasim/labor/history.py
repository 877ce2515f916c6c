"""What the Labor's checks need to know about the past, learned from the cluster's event trace.

A check judges the cluster however it got to its state – buttons, the Börse ticker or a learner's
script – but some questions are about what happened before: where a group started reading,
which records were acknowledged when the leader crashed, which members shared a generation.
The history listens to the trace from the cluster's first event on (the listener runs while the
event happens, so it can read the state of that moment) and keeps only those facts.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

# Produce requests remembered per partition; the exercises need only the first few.
MAX_APPENDS = 1000


@dataclass
class Run:
    """Consecutive offsets one reader fetched from one partition, and the partition when it began."""
    start: int
    end: int          # the next offset after the last one fetched
    client_id: str
    t: int
    log_start: int    # the partition's log start offset when the run began
    high_watermark: int
    committed: int | None   # the group's committed offset when the run began
    closed: bool = False    # the group became empty since: the next fetch starts a new run
    reader: object = None   # the member's consumer: its position says how far it got (a script's
                            # iterator hands records out one by one; a crash leaves it where it was)

    def handed_out(self, topic: str, partition: int) -> int:
        """The next offset after the last record the reader handed to its program (at most `end`)."""
        position = getattr(self.reader, "positions", {}).get((topic, partition))
        return self.end if position is None else max(self.start, min(position, self.end))


@dataclass
class Generation:
    group: str
    generation: int
    t: int
    members: list[tuple[str, list[tuple[str, int]]]]   # (client_id, assigned partitions)

    def owners(self, topic: str) -> list[int]:
        return [p for _client, tps in self.members for t, p in tps if t == topic]


@dataclass
class Emptied:
    """A group's last member left; `committed` is where the group stopped."""
    t: int
    committed: dict[tuple[str, int], int]
    high_watermarks: dict[tuple[str, int], int]           # when it became empty
    rejoined: Generation | None = None
    rejoined_high_watermarks: dict[tuple[str, int], int] = field(default_factory=dict)


@dataclass
class Crash:
    broker: int
    t: int
    led: dict[tuple[str, int], tuple[int, int]]   # partitions it led: (high watermark, log end offset)
    controlled: bool = False                       # stop_broker rather than a crash


@dataclass
class Election:
    topic: str
    partition: int
    previous: int | None
    leader: int
    t: int
    log_end_offset: int   # after followers truncated to the new leader's log
    truncated: int


@dataclass
class Keyed:
    """What a partition's log holds of one key: how many records, where, and their headers."""
    count: int = 0
    first: int = -1
    last: int = -1
    bare: int = 0            # records without a header
    first_bare: int = -1
    headers: set = field(default_factory=set)   # (name, value) pairs seen

    def add(self, record: tuple) -> None:
        offset, headers = record[0], record[4]
        self.count += 1
        self.first = offset if self.first < 0 else self.first
        self.last = offset
        if headers:
            self.headers.update((name, bytes(value)) for name, value in headers)
        else:
            self.bare += 1
            self.first_bare = offset if self.first_bare < 0 else self.first_bare


@dataclass
class Rejection:
    """A leader refused acks=all because the ISR was smaller than min.insync.replicas."""
    topic: str
    partition: int
    t: int
    isr: list[int]
    error: str


@dataclass
class Append:
    offset: int
    count: int
    acks: int | None
    t: int


class History:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self.runs: dict[tuple, list[Run]] = {}        # (group, client_id or None, topic, partition)
        self.generations: dict[str, list[Generation]] = {}
        self.emptied: dict[str, list[Emptied]] = {}
        self.crashes: list[Crash] = []
        self.elections: list[Election] = []
        self.appends: dict[tuple[str, int], deque[Append]] = {}
        self.rejections: list[Rejection] = []
        self.tombstones: list[tuple[str, int, int, str | None]] = []   # (topic, partition, offset, key)
        self.quorum_lost: list[int] = []             # when the controller quorum lost its majority
        self._keys: dict[int, tuple] = {}   # id(partition) -> (partition, log start, scanned up to, {key: count})
        self._keyed: dict[int, tuple] = {}  # the same with a Keyed per key
        self._handlers = {
            "record.fetched": self._fetched,
            "record.appended": self._appended,
            "group.stable": self._stable,
            "group.empty": self._empty,
            "broker.crashed": self._crashed,
            "broker.stopping": self._stopping,
            "leader.elected": self._elected,
            "produce.rejected": self._rejected,
            "controller.lost": self._quorum_lost,
        }
        cluster.trace.listeners.append(self._on_event)

    def _on_event(self, event: dict) -> None:
        handler = self._handlers.get(event["kind"])
        if handler is not None and (event.get("topic") is None or event["topic"] in self.cluster.topics):
            handler(event)

    # -- what readers fetched ------------------------------------------------------------------
    def _fetched(self, e: dict) -> None:
        group = e.get("group")
        key = (group, None if group else e["client_id"], e["topic"], e["partition"])
        runs = self.runs.setdefault(key, [])
        end = e["offset"] + e["count"]
        last = runs[-1] if runs else None
        if last and not last.closed and last.end == e["offset"] and last.client_id == e["client_id"]:
            last.end = end
            return
        partition = self.cluster.partition(e["topic"], e["partition"])
        runs.append(Run(e["offset"], end, e["client_id"], e["t"], partition.log.log_start_offset, partition.hw,
                        self.committed(group, e["topic"], e["partition"]), reader=self._reader(group, e["client_id"])))

    def _reader(self, group: str | None, client_id: str):
        return self.cluster.member_reader(group, client_id) if group else None

    def committed(self, group: str | None, topic: str, partition: int) -> int | None:
        state = self.cluster.coordinator.groups.get(group) if group else None
        entry = state.offsets.get((topic, partition)) if state else None
        return entry[0] if entry else None

    def reads(self, group: str | None, topic: str, client_id: str | None = None) -> dict[int, list[Run]]:
        """The runs of a group (or of a reader without group) in `topic`, by partition."""
        out: dict[int, list[Run]] = {}
        for (g, client, t, p), runs in self.runs.items():
            if g == group and t == topic and (client_id is None or client == client_id):
                out.setdefault(p, []).extend(runs)
        for runs in out.values():
            runs.sort(key=lambda r: r.t)
        return out

    def groupless_readers(self, topic: str) -> list[str]:
        return sorted({client for (g, client, t, _p) in self.runs if g is None and t == topic})

    def groups_that_read(self, topic: str) -> list[str]:
        return sorted({g for (g, _c, t, _p) in self.runs if g is not None and t == topic})

    # -- what the log holds --------------------------------------------------------------------
    def keys_in(self, partition) -> dict[bytes | None, int]:
        """How many records of each key the partition's log holds now. Counted incrementally (a fast
        ticker would make a full scan per answer costly); counted afresh when the log lost records."""
        log = partition.log
        _p, start, upto, counts = self._keys.get(id(partition), (partition, None, 0, None))
        if counts is None or start != log.log_start_offset or upto > log.log_end_offset:
            upto, counts = log.log_start_offset, {}
        for record in log.read(upto, log.log_end_offset, log.log_end_offset - upto):
            counts[record[2]] = counts.get(record[2], 0) + 1
        # Keeping the partition object pins its id for as long as the entry exists.
        self._keys[id(partition)] = (partition, log.log_start_offset, log.log_end_offset, counts)
        return counts

    def keyed(self, partition) -> dict[bytes | None, Keyed]:
        """Per key, what the partition's log holds now (counted incrementally, like keys_in)."""
        log = partition.log
        _p, start, upto, keys = self._keyed.get(id(partition), (partition, None, 0, None))
        if keys is None or start != log.log_start_offset or upto > log.log_end_offset:
            upto, keys = log.log_start_offset, {}
        for record in log.read(upto, log.log_end_offset, log.log_end_offset - upto):
            keys.setdefault(record[2], Keyed()).add(record)
        self._keyed[id(partition)] = (partition, log.log_start_offset, log.log_end_offset, keys)
        return keys

    # -- what producers wrote ------------------------------------------------------------------
    def _appended(self, e: dict) -> None:
        appends = self.appends.setdefault((e["topic"], e["partition"]), deque(maxlen=MAX_APPENDS))
        appends.append(Append(e["offset"], e["count"], e.get("acks"), e["t"]))
        if e.get("value") is None and "value" in e:   # the event names the batch's first record
            self.tombstones.append((e["topic"], e["partition"], e["offset"], e.get("key")))

    def _rejected(self, e: dict) -> None:
        partition = self.cluster.partition(e["topic"], e["partition"])
        self.rejections.append(Rejection(e["topic"], e["partition"], e["t"], list(partition.isr), e["error"]))

    # -- groups --------------------------------------------------------------------------------
    def _stable(self, e: dict) -> None:
        group = self.cluster.coordinator.groups[e["group"]]
        members = [(m.client_id, [(t, p) for t in sorted(m.assignment) for p in m.assignment[t]])
                   for m in group.members.values()]
        generation = Generation(group.group_id, e["generation"], e["t"], members)
        self.generations.setdefault(group.group_id, []).append(generation)
        pauses = self.emptied.get(group.group_id)
        if pauses and pauses[-1].rejoined is None:
            pauses[-1].rejoined = generation
            pauses[-1].rejoined_high_watermarks = self._high_watermarks(pauses[-1].committed)

    def _empty(self, e: dict) -> None:
        group = self.cluster.coordinator.groups[e["group"]]
        for (g, _client, _t, _p), runs in self.runs.items():
            if g == group.group_id:
                runs[-1].closed = True
        committed = {tp: entry[0] for tp, entry in group.offsets.items()}
        self.emptied.setdefault(group.group_id, []).append(Emptied(e["t"], committed, self._high_watermarks(committed)))

    def _high_watermarks(self, tps) -> dict[tuple[str, int], int]:
        partitions = {tp: self.cluster.partition(*tp) for tp in tps}
        return {tp: p.hw for tp, p in partitions.items() if p is not None}

    # -- brokers and leaders -------------------------------------------------------------------
    def _led_by(self, broker: int) -> dict[tuple[str, int], tuple[int, int]]:
        return {(t.name, p.index): (p.hw, p.log.log_end_offset)
                for t in self.cluster.topics.values() for p in t.partitions if p.leader == broker}

    def _crashed(self, e: dict) -> None:
        self.crashes.append(Crash(e["broker"], e["t"], self._led_by(e["broker"])))

    def _stopping(self, e: dict) -> None:
        self.crashes.append(Crash(e["broker"], e["t"], self._led_by(e["broker"]), controlled=True))

    def _quorum_lost(self, e: dict) -> None:
        self.quorum_lost.append(e["t"])

    def _elected(self, e: dict) -> None:
        partition = self.cluster.partition(e["topic"], e["partition"])
        self.elections.append(Election(e["topic"], e["partition"], e.get("previous"), e["broker"], e["t"],
                                       partition.log.log_end_offset, e.get("truncated", 0)))
