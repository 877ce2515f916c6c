"""The worker's side of the page protocol: JSON in, JSON out, one Cluster per worker.

The page never touches Python objects; it sends a request, and every answer that follows a
change carries a fresh snapshot plus the events since the previous answer.
"""
import functools
import inspect
import json
import random

from kafkasim import Cluster, labor

# The Cluster operations a page may ask for: op -> (Cluster method, the keyword parameters the page
# may name). protocol.js has the same table (OPS); tests/web/test_protocol_ops.py keeps the two and
# the Cluster's signatures in step. Calls are by keyword only, so no two arguments can swap places.
CONTROL_OPS = {
    "create_topic": ("create_topic", ("name", "partitions", "replication_factor", "config")),
    "delete_topic": ("delete_topic", ("name",)),
    "produce": ("produce", ("topic", "value", "key", "acks", "partition")),
    "crash_broker": ("crash_broker", ("broker_id",)),
    "stop_broker": ("stop_broker", ("broker_id",)),
    "restart_broker": ("restart_broker", ("broker_id",)),
    "start_ticker": ("start_ticker", ("topic", "symbols", "rate_per_s", "acks")),
    "stop_ticker": ("stop_ticker", ("ticker_id",)),
    "add_consumer": ("add_consumer", ("group_id", "topics", "client_id", "auto_offset_reset",
                                      "partition_assignment_strategy")),
    "remove_consumer": ("remove_consumer", ("client_id",)),
    # Kafka 4.x groups (ui/groups4.js): share groups and consumer-protocol groups.
    "groups4_create_topic": ("groups4_create_topic", ("name", "partitions")),
    "groups4_produce": ("groups4_produce", ("topic", "values", "partition")),
    "groups4_set_group_config": ("groups4_set_group_config", ("group_id", "name", "value")),
    "add_share_member": ("add_share_member", ("group_id", "topic", "name")),
    "share_fetch": ("share_fetch", ("name",)),
    "share_acknowledge": ("share_acknowledge", ("name", "partition", "offset", "kind")),
    "expire_share_locks": ("expire_share_locks", ("name",)),
    "add_protocol_consumer": ("add_protocol_consumer", ("group_id", "topic", "name", "assignor")),
    "remove_groups4_member": ("remove_groups4_member", ("name",)),
}
# A burst of ticker records must not flood the page: it only shows the newest events anyway.
MAX_EVENTS_PER_REPLY = 100
MAX_OUTPUT_CHARS = 100_000
# "Einzelschritt" runs to the next event the page's log shows, but at most this far ahead.
STEP_HORIZON_MS = 10_000


class Session:
    def __init__(self):
        self.cluster = None
        self.exercise = None   # the Labor exercise judging this cluster, if the preset has one
        self.last_seq = -1
        self.max_records = 12
        self.requests = False  # the „Ablauf“ panel is open: snapshots carry the request log

    def start(self, cluster, exercise=None):
        self.cluster = cluster
        self.exercise = exercise
        self.last_seq = -1

    def new_events(self):
        fresh = [e for e in self.cluster.events(since=max(self.last_seq, 0)) if e["seq"] > self.last_seq]
        if fresh:
            self.last_seq = fresh[-1]["seq"]
        return fresh[-MAX_EVENTS_PER_REPLY:]

    def view(self):
        view = {"snapshot": self.cluster.snapshot(max_records=self.max_records), "events": self.new_events()}
        if self.requests:
            view["snapshot"]["requests"] = self.cluster.request_log()
        if self.exercise is not None:
            view["exercise"] = self.exercise.verdict()
        return view


# One session per simulator on the page; requests name theirs with "sim".
sessions = {}

_unseeded_run_script = getattr(Cluster.run_script, "unseeded", Cluster.run_script)


def _seeded_run_script(cluster, source, *args, **kwargs):
    """Learner scripts use the `random` module (the Börse lab does); seeding it from the cluster's
    seed and clock makes a replay from a shared URL produce the same records. Adapter until
    kafkasim seeds scripts itself; the host's random state is restored afterwards."""
    saved = random.getstate()
    random.seed(f"kafkasim:{cluster.seed}:{cluster.now_ms}")
    try:
        return _unseeded_run_script(cluster, source, *args, **kwargs)
    finally:
        random.setstate(saved)


_seeded_run_script.unseeded = _unseeded_run_script
Cluster.run_script = _seeded_run_script


def _fields(command, names):
    """The command's fields once each is one of `names`: a page that misspells a field learns
    which, in German, instead of getting a Python TypeError."""
    op = command.get("op")
    fields = {name: value for name, value in command.items() if name != "op"}
    unknown = [name for name in fields if name not in names]
    if unknown:
        raise ValueError(f"Unbekanntes Feld für „{op}“: {', '.join(unknown)} "
                         f"(möglich: {', '.join(names) or 'keine'})")
    return fields


def _require(op, fields, required):
    missing = [name for name in required if name not in fields]
    if missing:
        raise ValueError(f"Für „{op}“ fehlt: {', '.join(missing)}")


@functools.cache
def _required(method_name):
    """The parameters of a Cluster method without a default: a command must name them."""
    parameters = inspect.signature(getattr(Cluster, method_name)).parameters.values()
    return [p.name for p in parameters if p.name != "self" and p.default is inspect.Parameter.empty]


def _apply(cluster, command):
    op = command.get("op")
    if op not in CONTROL_OPS:
        raise ValueError(f"Unbekannte Aktion: {op}")
    method_name, names = CONTROL_OPS[op]
    fields = _fields(command, names)
    _require(op, fields, _required(method_name))
    return getattr(cluster, method_name)(**fields)


# A preset (presets.js) is read here and nowhere else: the worker uses its cluster part, the page
# the rest (title, autoplay, open panels, code, exercise). The set-up is a list of control commands,
# plus two that only a preset may use: let time pass, and stop its tickers once the topic is filled.
PRESET_FIELDS = ("brokers", "seed", "config", "setup")
SETUP_ONLY_OPS = {"advance": ("ms",), "stop_all_tickers": ()}
SETUP_OPS = CONTROL_OPS.keys() | SETUP_ONLY_OPS.keys()


def _init(msg, session):
    session.max_records = int(msg.get("maxRecords", session.max_records))
    exercise = msg.get("exercise")
    if msg.get("state"):
        session.start(*labor.start(exercise, state=msg["state"]))
        return {}
    brokers, seed, config, setup = (msg["preset"].get(name) for name in PRESET_FIELDS)
    unknown = [action.get("op") for action in setup or [] if action.get("op") not in SETUP_OPS]
    if unknown:
        raise ValueError(f"Unbekannter Schritt im Szenario: {', '.join(map(str, unknown))}")
    cluster, watch = labor.start(exercise, brokers=brokers or 3, seed=seed or 0, config=config)
    session.start(cluster, watch)
    for action in setup or []:
        _apply_setup(cluster, action)
    return {}


def _apply_setup(cluster, command):
    op = command["op"]
    if op not in SETUP_ONLY_OPS:
        _apply(cluster, command)
        return
    fields = _fields(command, SETUP_ONLY_OPS[op])
    if op == "advance":
        _require(op, fields, ["ms"])
        cluster.advance(int(fields["ms"]))
    else:
        _stop_all_tickers(cluster)


# A stopped Börse still delivers the prices it has sent: their acknowledgements are a network
# round trip away. The set-up lets them arrive (bounded by kafka-python's delivery.timeout.ms), so
# a scenario that starts paused does not show a price as sent but never acknowledged.
SETTLE_STEP_MS = 10
SETTLE_LIMIT_MS = 120_000


def _stop_all_tickers(cluster):
    stopped = {t["id"] for t in cluster.snapshot(max_records=0)["tickers"] if t["running"]}
    for ticker_id in sorted(stopped):
        cluster.stop_ticker(ticker_id)

    def pending():
        return any(p["sent"] > p["acked"] + p["errors"]
                   for p in cluster.snapshot(max_records=0)["producers"] if p["client_id"] in stopped)

    waited = 0
    while waited < SETTLE_LIMIT_MS and pending():
        cluster.advance(SETTLE_STEP_MS)
        waited += SETTLE_STEP_MS


def _control(msg, session):
    if not isinstance(msg.get("command"), dict):
        raise ValueError("Die Anfrage nennt keine Aktion (command).")
    result = _apply(session.cluster, msg["command"])
    # Ids and metadata only; anything else would not survive JSON.
    return {"result": result if isinstance(result, (dict, str, int, float, bool, type(None))) else str(result)}


def _advance(msg, session):
    ms = max(0, min(int(msg.get("ms", 0)), 3_600_000))
    session.cluster.advance(ms)
    return {}


def _step(msg, session):
    """Runs the kernel event by event until one of them is something the event log shows (a record,
    a replica fetch, a rebalance …); internal timers alone would make the button look dead."""
    cluster = session.cluster
    before, start = cluster.trace.seq, cluster.now_ms
    deadline = start + STEP_HORIZON_MS
    stepped = False
    while cluster.trace.seq == before:
        due = cluster.kernel.next_time()
        if due is None:
            break
        if due > deadline:
            cluster.advance(deadline - cluster.now_ms)
            stepped = True
            break
        stepped = cluster.step() or stepped
    return {"stepped": stepped, "happened": [e["text"] for e in cluster.trace.since(before)]}


def _german_count(n):
    return f"{n:,}".replace(",", ".")


def _bounded_output(stdout):
    """The end of a long output, with a first line that says how much was left out."""
    cut = max(0, len(stdout) - MAX_OUTPUT_CHARS)
    if not cut:
        return stdout, 0
    note = (f"[Die Ausgabe war {_german_count(len(stdout))} Zeichen lang: die ersten {_german_count(cut)} "
            f"sind weggelassen, hier stehen die letzten {_german_count(MAX_OUTPUT_CHARS)}.]\n")
    return note + stdout[cut:], cut


def _run_script(msg, session):
    result = session.cluster.run_script(
        msg["source"], filename=msg.get("filename", "<skript>"),
        time_budget_ms=int(msg.get("timeBudgetMs", 600_000)),
    )
    stdout, cut = _bounded_output(result.stdout or "")
    return {"run": {
        "stdout": stdout,
        "stdout_cut": cut,
        "error": result.error,
        "traceback": result.traceback,
        "timed_out": bool(result.timed_out),
    }}


def _check(msg, session):
    """ "Prüfen": the view that follows carries the exercise's verdict."""
    if session.exercise is None:
        raise ValueError("Zu diesem Simulator gehört keine Übung.")
    return {}


def _request_log(msg, session):
    session.requests = bool(msg.get("on"))
    return {}


def _get_state(msg, session):
    return {"state": session.cluster.to_state(), "noView": True}


def _get_all_states(msg, session):
    states = {sim: s.cluster.to_state() for sim, s in sessions.items() if s.cluster is not None}
    return {"states": states, "noView": True}


HANDLERS = {
    "init": _init, "control": _control, "advance": _advance, "step": _step,
    "runScript": _run_script, "check": _check, "getState": _get_state, "getAllStates": _get_all_states,
    "requestLog": _request_log,
}


def handle(raw):
    msg = json.loads(raw)
    handler = HANDLERS.get(msg.get("type"))
    if handler is None:
        return json.dumps({"ok": False, "error": f"Unbekannte Anfrage: {msg.get('type')}"})
    session = sessions.setdefault(str(msg.get("sim", "0")), Session())
    if session.cluster is None and handler not in (_init, _get_all_states):
        return json.dumps({"ok": False, "error": "Dieser Simulator ist noch nicht eingerichtet."})
    try:
        reply = {"ok": True, **handler(msg, session)}
    except Exception as exc:  # noqa: BLE001 - every failure becomes a German message for the page
        reply = {"ok": False, "error": str(exc) or type(exc).__name__, "errorType": type(exc).__name__}
    if session.cluster is not None and not reply.pop("noView", False):
        reply.update(session.view())
    return json.dumps(reply, default=str)
