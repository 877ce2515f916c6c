"""The newest requests and their responses, for the page's space-time diagram („Ablauf“).

The network records every request a client sends (and the followers' replica fetches, which stay
inside the brokers): who sent it to which node, when it left and when its answer arrived, in
simulated ms, with Kafka's error name if the answer carries one. A ring buffer keeps the newest
`SIZE`; recording costs one small object per request, the German summaries are made only when
the page asks for them (`entries()`), so a normal snapshot is not affected.
"""

from __future__ import annotations

from collections import deque

SIZE = 600

# acks as the course writes them.
_ACKS = {-1: "all", 0: "0", 1: "1"}
# What a node that is not a broker is called on the page: the followers fetch as brokers.
REPLICA = "replica"


class Entry:
    __slots__ = ("serial", "api", "client", "node", "sent_ms", "answered_ms", "request", "response",
                 "failure", "oneway", "note", "_done")

    def __init__(self, serial, api, client, node, sent_ms, request, oneway=False, note=None) -> None:
        self.serial = serial
        self.api = api
        self.client = client
        self.node = node
        self.sent_ms = sent_ms
        self.answered_ms = None
        self.request = request
        self.response = None
        self.failure = None
        self.oneway = oneway
        self.note = note
        self._done = None      # the finished entry's dict, made once

    def as_dict(self) -> dict:
        if self._done is not None:
            return self._done
        error = None
        if self.failure is not None:
            error = self.failure
        elif self.response is not None:
            error = _error_in(self.response)
        done = {
            "id": self.serial, "api": self.api, "client": self.client, "node": self.node,
            "sent_ms": self.sent_ms, "answered_ms": self.answered_ms, "error": error,
            "oneway": self.oneway,
            "text": self.note or summary(self.request),
            "reply": None if self.response is None else reply_summary(self.request, self.response),
        }
        if self.oneway or self.answered_ms is not None:
            # Nothing changes any more: keep the dict, drop the messages (records, assignments).
            self._done, self.request, self.response = done, None, None
        return done


class RequestLog:
    def __init__(self, kernel, size: int = SIZE) -> None:
        self.kernel = kernel
        self._entries: deque[Entry] = deque(maxlen=size)
        self._serial = 0

    def sent(self, client_id: str, node_id: int, request, expect_response: bool = True) -> Entry:
        self._serial += 1
        entry = Entry(self._serial, getattr(request, "API_NAME", type(request).__name__), client_id, node_id,
                      self.kernel.now, request, oneway=not expect_response)
        self._entries.append(entry)
        return entry

    def answered(self, entry: Entry, response) -> None:
        entry.answered_ms = self.kernel.now
        entry.response = response

    def failed(self, entry: Entry, error) -> None:
        """The connection broke: no answer comes; `error` is the client's KafkaConnectionError."""
        entry.answered_ms = self.kernel.now
        entry.failure = type(error).__name__

    def replica_fetch(self, follower: int, leader: int, topic: str, partition: int, offset: int,
                      count: int) -> None:
        """A follower's fetch that tells the leader its new log end offset (it long-polls: the answer is
        the next records, so no arrow comes back for it)."""
        self._serial += 1
        got = f", hat {count} {_records(count)} geholt" if count else ""
        note = f"Fetch (Follower) {topic}-{partition} ab Offset {offset}{got}"
        self._entries.append(Entry(self._serial, "Fetch", f"{REPLICA}:{follower}", leader, self.kernel.now, None,
                                   oneway=True, note=note))

    def entries(self) -> list[dict]:
        return [e.as_dict() for e in self._entries]

    def __len__(self) -> int:
        return len(self._entries)


# -- the German summaries ----------------------------------------------------------------------

def _records(n: int) -> str:
    return "Datensatz" if n == 1 else "Datensätze"


def _parts(items, limit: int = 3) -> str:
    items = list(items)
    shown = ", ".join(items[:limit])
    return shown + (f" und {len(items) - limit} weitere" if len(items) > limit else "")


def _error_in(obj, depth: int = 0):
    """The first non-zero error code in a response (top level first, then per topic/partition)."""
    from .api import error_name
    code = getattr(obj, "error_code", None)
    if isinstance(code, int) and code:
        try:
            return error_name(code)
        except Exception:  # noqa: BLE001 - an unknown code is still shown
            return str(code)
    if depth > 3:
        return None
    for value in (obj if isinstance(obj, tuple) and not hasattr(obj, "_fields") else
                  (getattr(obj, f) for f in getattr(obj, "_fields", ()))):
        if isinstance(value, (list, tuple)) and not isinstance(value, (str, bytes)):
            for item in value:
                if hasattr(item, "_fields"):
                    found = _error_in(item, depth + 1)
                    if found:
                        return found
    return None


def _batch_count(records) -> int:
    inner = getattr(records, "records", records)
    try:
        return len(inner)
    except TypeError:
        return 0


def summary(request) -> str:
    if request is None:
        return ""
    api = request.API_NAME
    fn = _SUMMARIES.get(api)
    try:
        detail = fn(request) if fn else ""
    except Exception:  # noqa: BLE001 - a summary must never break the page
        detail = ""
    return f"{api} {detail}".strip()


def _produce(r) -> str:
    parts, count = [], 0
    for t in r.topic_data or ():
        for p in t.partition_data or ():
            parts.append(f"{t.name}-{p.index}")
            count += _batch_count(p.records)
    return f"{_parts(parts)}, {count} {_records(count)}, acks={_ACKS.get(r.acks, r.acks)}"


def _fetch(r) -> str:
    parts = [f"{t.topic}-{p.partition} ab Offset {p.fetch_offset}" for t in r.topics or () for p in t.partitions or ()]
    return f"{_parts(parts)} (wartet höchstens {r.max_wait_ms} ms)" if parts else ""


def _group(r) -> str:
    return f"Gruppe {r.group_id}"


def _join(r) -> str:
    who = "neues Mitglied" if not r.member_id else f"Mitglied {r.member_id}"
    return f"Gruppe {r.group_id}, {who}"


def _sync(r) -> str:
    leader = ", als Leader mit der Zuweisung" if r.assignments else ""
    return f"Gruppe {r.group_id}, Generation {r.generation_id}{leader}"


def _heartbeat(r) -> str:
    return f"Gruppe {r.group_id}, Generation {r.generation_id}"


def _commit(r) -> str:
    parts = [f"{t.name}-{p.partition_index} → {p.committed_offset}" for t in r.topics or () for p in t.partitions or ()]
    return f"Gruppe {r.group_id}: {_parts(parts)}"


def _find(r) -> str:
    keys = ", ".join(r.coordinator_keys or ())
    return f"{'Transaktion' if r.key_type == 1 else 'Gruppe'} {keys}".strip()


def _metadata(r) -> str:
    if r.topics is None:
        return "alle Topics"
    names = [getattr(t, "name", t) for t in r.topics]
    return _parts(map(str, names)) if names else "nur Broker"


def _list_offsets(r) -> str:
    return _parts(f"{t.name}-{p.partition_index}" for t in r.topics or () for p in t.partitions or ())


_SUMMARIES = {
    "Produce": _produce, "Fetch": _fetch, "JoinGroup": _join, "SyncGroup": _sync, "Heartbeat": _heartbeat,
    "LeaveGroup": _group, "OffsetCommit": _commit, "OffsetFetch": _group, "FindCoordinator": _find,
    "Metadata": _metadata, "ListOffsets": _list_offsets, "ConsumerGroupHeartbeat": _group,
    "ShareGroupHeartbeat": _group,
}


def reply_summary(request, response) -> str:
    api = getattr(response, "API_NAME", "")
    try:
        if api == "Produce":
            offsets = [f"{t.name}-{p.index} Offset {p.base_offset}" for t in response.responses or ()
                       for p in t.partition_responses or () if not p.error_code]
            return f"geschrieben: {_parts(offsets)}" if offsets else ""
        if api == "Fetch":
            count = sum(len(p.records or ()) for t in response.responses or () for p in t.partitions or ())
            return f"{count} {_records(count)}"
        if api == "JoinGroup" and not response.error_code:
            members = len(response.members or ())
            role = f", Leader der Gruppe mit {members} Mitglied{'' if members == 1 else 'ern'}" if members else ""
            return f"Generation {response.generation_id}{role}"
        if api == "SyncGroup" and not response.error_code:
            from .consumer import assigned_by_topic
            owned = assigned_by_topic(response.assignment) if response.assignment else {}
            parts = [f"{t}-{p}" for t, ps in sorted(owned.items()) for p in ps]
            return f"Zuweisung: {_parts(parts, 6)}" if parts else "Zuweisung: keine Partition"
        if api == "FindCoordinator":
            nodes = [c.node_id for c in response.coordinators or () if not c.error_code]
            return f"Koordinator: Broker {nodes[0]}" if nodes else ""
    except Exception:  # noqa: BLE001 - a summary must never break the page
        return ""
    return ""
