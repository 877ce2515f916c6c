"""Runs a learner's kafka-python script against a simulated cluster.

Inside the script `import kafka…` resolves to `kafkasim.kafka` bound to the cluster and `time`
runs on simulated time; everything else (os.environ, json, random…) is the real thing. Blocking
calls advance simulated time, so the whole cluster keeps working while the script waits.
A budget of simulated time and kernel events stops scripts that would run forever.
"""

from __future__ import annotations

import builtins
import io
import linecache
import sys
import time as _real_time
import traceback
import types
from dataclasses import dataclass, field

from .explain import explain
from .kafka import _binding


class BudgetExceeded(BaseException):
    """Raised inside the script when it used up its budget; BaseException so `except Exception` lets it through."""


@dataclass
class ScriptResult:
    stdout: str = ""
    error: str | None = None
    traceback: str | None = None
    events: list = field(default_factory=list)
    timed_out: bool = False


class _Tee(io.TextIOBase):
    def __init__(self, buffer: io.StringIO, echo) -> None:
        self.buffer_ = buffer
        self.echo = echo

    def write(self, s: str) -> int:
        self.buffer_.write(s)
        if self.echo is not None:
            self.echo.write(s)
        return len(s)

    def flush(self) -> None:
        if self.echo is not None:
            self.echo.flush()


def make_time_module(cluster, ctx) -> types.ModuleType:
    """A `time` module whose clocks and sleep run on the cluster's simulated clock."""
    mod = types.ModuleType("time", "Simulierte Zeit (kafkasim): sleep() lässt den Cluster weiterlaufen.")

    def _now_s() -> float:
        return cluster.kernel.now / 1000 + ctx.debt_us / 1e6

    def sleep(secs):
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        ctx.debt_us += int(secs * 1_000_000)
        ms, ctx.debt_us = divmod(ctx.debt_us, 1000)
        cluster.block(cluster.kernel.now + ms)

    def time():
        return cluster.epoch_ms / 1000 + _now_s()

    def time_ns():
        return int(time() * 1e9)

    def monotonic():
        return _now_s()

    def monotonic_ns():
        return int(_now_s() * 1e9)

    for fn in (sleep, time, time_ns, monotonic, monotonic_ns):
        setattr(mod, fn.__name__, fn)
    mod.perf_counter = monotonic
    mod.perf_counter_ns = monotonic_ns

    # Calendar helpers default to "now": make that the simulated now as well.
    def gmtime(secs=None):
        return _real_time.gmtime(time() if secs is None else secs)

    def localtime(secs=None):
        return _real_time.localtime(time() if secs is None else secs)

    def ctime(secs=None):
        return _real_time.ctime(time() if secs is None else secs)

    def asctime(t=None):
        return _real_time.asctime(localtime() if t is None else t)

    def strftime(fmt, t=None):
        return _real_time.strftime(fmt, localtime() if t is None else t)

    for fn in (gmtime, localtime, ctime, asctime, strftime):
        setattr(mod, fn.__name__, fn)

    def __getattr__(name):
        return getattr(_real_time, name)

    mod.__getattr__ = __getattr__
    return mod


def make_datetime_module(time_mod) -> types.ModuleType:
    """`datetime` whose now()/today()/utcnow() read the simulated clock; everything else is real."""
    import datetime as real

    class datetime(real.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(time_mod.time(), tz)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(time_mod.time())

        @classmethod
        def utcnow(cls):
            return cls.fromtimestamp(time_mod.time(), real.timezone.utc).replace(tzinfo=None)

    class date(real.date):
        @classmethod
        def today(cls):
            return cls.fromtimestamp(time_mod.time())

    mod = types.ModuleType("datetime", real.__doc__)
    mod.__dict__.update({k: v for k, v in vars(real).items() if not k.startswith("__")})
    datetime.__module__ = date.__module__ = "datetime"
    mod.datetime = datetime
    mod.date = date
    return mod


def make_random_modules(seed: int) -> dict[str, types.ModuleType]:
    """`random` and `uuid` drawing from a generator seeded by the cluster, so a replayed script
    (from_state) and a rerun with the same seed produce the same keys and prices."""
    import random as real_random
    import uuid as real_uuid

    rng = real_random.Random(seed)
    rand = types.ModuleType("random", real_random.__doc__)
    rand.__dict__.update({k: v for k, v in vars(real_random).items() if not k.startswith("__")})
    for name in ("seed", "random", "uniform", "triangular", "randint", "choice", "randrange", "sample",
                 "shuffle", "choices", "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate",
                 "gammavariate", "gauss", "betavariate", "paretovariate", "weibullvariate", "getstate",
                 "setstate", "getrandbits", "randbytes", "binomialvariate"):
        if hasattr(rng, name):
            setattr(rand, name, getattr(rng, name))

    uid = types.ModuleType("uuid", real_uuid.__doc__)
    uid.__dict__.update({k: v for k, v in vars(real_uuid).items() if not k.startswith("__")})
    uid.uuid4 = lambda: real_uuid.UUID(int=rng.getrandbits(128), version=4)
    return {"random": rand, "uuid": uid}


def _facade_modules() -> dict[str, types.ModuleType]:
    prefix = "kafkasim.kafka"
    return {"kafka" + name[len(prefix):]: mod for name, mod in list(sys.modules.items())
            if (name == prefix or name.startswith(prefix + ".")) and mod is not None}


def _budget_guard(cluster, limit_ms: int, event_limit: int, filename: str):
    kernel = cluster.kernel
    state = {"reason": None}

    def guard(t):
        if state["reason"] is None:
            if t is not None and t > limit_ms:
                kernel.now = max(kernel.now, limit_ms)
                state["reason"] = "time"
            elif kernel.steps > event_limit:
                state["reason"] = "events"
            else:
                return
            _stop_learner_code(filename, state["reason"])
        raise BudgetExceeded(state["reason"])
    return guard


def _stop_learner_code(filename: str, reason: str) -> None:
    """Makes the budget stick even if the script swallows the exception (`except: pass` in a loop):
    from now on every line the learner's code runs raises it again."""
    def killer(frame, event, arg):
        if frame.f_code.co_filename == filename and event in ("line", "call"):
            raise BudgetExceeded(reason)
        return killer
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_filename == filename:
            frame.f_trace = killer
            frame.f_trace_lines = True
        frame = frame.f_back
    sys.settrace(killer)


def _learner_traceback(exc: BaseException, filename: str) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    lines = []
    if frames:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(frames))
    lines.extend(traceback.format_exception_only(type(exc), exc))
    return "".join(lines)


def run_script(cluster, source: str, filename: str = "<skript>", time_budget_ms: int = 600_000,
               event_budget: int = 2_000_000, stdout=None, record: bool = True) -> ScriptResult:
    result = ScriptResult()
    if record:
        cluster._record("run_script", source, filename, time_budget_ms, event_budget)
    ctx = _binding.ScriptContext(cluster)
    time_mod = make_time_module(cluster, ctx)
    aliases = _facade_modules()
    aliases["time"] = time_mod
    stdlib_shims = {"time": time_mod, "datetime": make_datetime_module(time_mod),
                    **make_random_modules(cluster.kernel.rng.getrandbits(64))}
    real_import = builtins.__import__

    def sim_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and (name in stdlib_shims or name == "kafka" or name.startswith("kafka.")):
            if name in stdlib_shims:
                return stdlib_shims[name]
            if not fromlist:
                return aliases["kafka"]
            mod = aliases.get(name)
            if mod is None:
                raise ModuleNotFoundError(f"No module named '{name}'", name=name)
            return mod
        return real_import(name, globals, locals, fromlist, level)

    script_builtins = dict(vars(builtins))
    script_builtins["__import__"] = sim_import
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": script_builtins}

    events = result.events
    listener = events.append
    cluster.trace.listeners.append(listener)
    saved_modules = {name: sys.modules.get(name) for name in aliases if name != "time"}
    saved_guard = cluster.kernel.guard
    saved_binding = (_binding._current, _binding._context)
    start_now = cluster.kernel.now
    cluster.kernel.guard = _budget_guard(cluster, start_now + time_budget_ms, cluster.kernel.steps + event_budget,
                                   filename)
    saved_trace = sys.gettrace()
    buffer = io.StringIO()
    tee = _Tee(buffer, stdout)
    saved_out, saved_err = sys.stdout, sys.stderr
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        for name, mod in aliases.items():
            if name != "time":
                sys.modules[name] = mod
        _binding.bind(cluster, ctx)
        sys.stdout = sys.stderr = tee
        try:
            code = compile(source, filename, "exec")
            exec(code, namespace)
            _finish_clients(ctx)
        except BudgetExceeded as exc:
            result.timed_out = True
            used = cluster.kernel.now - start_now
            if exc.args and exc.args[0] == "events":
                result.error = (f"Das Skript wurde angehalten: es hat das Budget von {event_budget} "
                                f"Simulationsschritten verbraucht (nach {used / 1000:.1f} s simulierter Zeit). "
                                "Läuft eine Endlosschleife – etwa while True: ohne Abbruch oder "
                                "for msg in consumer: ohne consumer_timeout_ms?")
            else:
                result.error = (f"Das Skript wurde nach {time_budget_ms / 1000:.0f} s simulierter Zeit angehalten "
                                "(Zeitbudget erschöpft). Läuft eine Endlosschleife – etwa while True: ohne "
                                "Abbruch oder for msg in consumer: ohne consumer_timeout_ms? Im echten Betrieb "
                                "liefe so ein Skript, bis man es mit Strg+C beendet.")
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
            result.traceback = ("Traceback (most recent call last):\n" + "".join(traceback.format_list(frames))
                                + "Abbruch: Budget erschöpft\n") if frames else None
        except SystemExit as exc:
            if exc.code not in (None, 0):
                result.error = f"Das Skript hat sich mit sys.exit({exc.code!r}) beendet."
            _finish_clients(ctx, quiet=True)
        except Exception as exc:  # the learner's error, reported in German
            detail = str(exc)
            name = type(exc).__name__
            if not (detail.startswith(name) or detail.startswith("[Error")):
                detail = f"{name}: {detail}"
            result.error = f"{explain(exc)}\n\n{detail}"
            result.traceback = _learner_traceback(exc, filename)
            _finish_clients(ctx, quiet=True)
    finally:
        sys.settrace(saved_trace)
        sys.stdout, sys.stderr = saved_out, saved_err
        for name, mod in saved_modules.items():
            if mod is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = mod
        _binding._current, _binding._context = saved_binding
        cluster.kernel.guard = saved_guard
        cluster.trace.listeners.remove(listener)
        linecache.cache.pop(filename, None)
    result.stdout = buffer.getvalue()
    return result


def _finish_clients(ctx, quiet: bool = False) -> None:
    """What happens when the script's process ends: producers flush (kafka-python's atexit close),
    unclosed consumers just stop – their group notices after session.timeout.ms."""
    for producer in ctx.producers:
        if not producer._closed:
            try:
                producer.close()
            except Exception:
                if not quiet:
                    raise
    for consumer in ctx.consumers:
        if not consumer._closed:
            consumer._core.abandon()
            consumer._closed = True
