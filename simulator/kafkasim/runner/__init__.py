"""Runs a learner's kafka-python script against a simulated cluster.

Inside the script `import kafka…` resolves to `kafkasim.kafka` bound to the cluster; `time` and
`datetime` run on simulated time, `random` and `uuid` are seeded from the cluster, `threading` and
`queue` make threads simulated processes (see threads.py); everything else (os.environ, json, …)
is the real thing. Blocking calls advance simulated time, so the whole cluster keeps working while
the script waits. A budget of simulated time and kernel events stops scripts that would run forever.
"""

from __future__ import annotations

import builtins
import io
import linecache
import sys
import traceback
import types
from dataclasses import dataclass, field

from .. import kafka as _facade  # noqa: F401 - loads every facade module a script may import
from ..clients import env as _env
from .explain import explain
from .shims import make_datetime_module, make_random_modules, make_time_module
from .threads import REFUSED, make_threading_modules


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


def _facade_modules() -> dict[str, types.ModuleType]:
    prefix = "kafkasim.kafka"
    return {"kafka" + name[len(prefix):]: mod for name, mod in list(sys.modules.items())
            if (name == prefix or name.startswith(prefix + ".")) and mod is not None}


def _budget_guard(kernel, limit_ms: int, event_limit: int, filename: str):
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
            # Every other learner thread stops too, where it waits (kernel/processes.py).
            kernel.processes.stop = BudgetExceeded(state["reason"])
            kernel.processes.on_stop = lambda: _stop_learner_code(filename, state["reason"])
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


def _no_input(prompt=""):
    """input() for a script: nothing types behind the simulator (in the browser there is no stdin at
    all), so it ends as `python skript.py < /dev/null` would, after showing the prompt."""
    sys.stdout.write(str(prompt))
    raise EOFError("EOF when reading a line")


class ThreadExit(BaseException):
    """Ends a daemon thread that still runs when the script is over (the interpreter would kill it)."""


def _thread_error_reporter(filename: str):
    def report(thread, exc):
        sys.stderr.write(f"Exception in thread {thread.name}:\n" + _learner_traceback(exc, filename))
    return report


def run_script(cluster, source: str, filename: str = "<skript>", time_budget_ms: int = 600_000,
               event_budget: int = 2_000_000, stdout=None, record: bool = True) -> ScriptResult:
    """Runs `source` as a script against `cluster` (kafkasim.Cluster: its kernel and client env)."""
    result = ScriptResult()
    if record:
        cluster._record("run_script", source, filename, time_budget_ms, event_budget)
    kernel = cluster.kernel
    env = cluster.env
    ctx = _env.ScriptContext(env)
    time_mod = make_time_module(kernel, env.epoch_ms, ctx)
    aliases = _facade_modules()
    aliases["time"] = time_mod
    stdlib_shims = {"time": time_mod, "datetime": make_datetime_module(time_mod),
                    **make_random_modules(kernel.rng.getrandbits(64)),
                    **make_threading_modules(kernel, _thread_error_reporter(filename))}
    real_import = builtins.__import__

    def sim_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0:
            if name in stdlib_shims:
                return stdlib_shims[name]
            if name.split(".")[0] in REFUSED:
                raise ImportError(REFUSED[name.split(".")[0]], name=name)
            if name == "kafka" or name.startswith("kafka."):
                if not fromlist:
                    return aliases["kafka"]
                mod = aliases.get(name)
                if mod is None:
                    raise ModuleNotFoundError(f"No module named '{name}'", name=name)
                return mod
        return real_import(name, globals, locals, fromlist, level)

    script_builtins = dict(vars(builtins))
    script_builtins["__import__"] = sim_import
    if stdout is None:  # the page and the tests: nobody can type; `kafkasim run` in a terminal can
        script_builtins["input"] = _no_input
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": script_builtins}

    events = result.events
    listener = events.append
    cluster.trace.listeners.append(listener)
    saved_modules = {name: sys.modules.get(name) for name in aliases if name != "time"}
    saved_guard = kernel.guard
    saved_binding = _env.saved()
    start_now = kernel.now
    kernel.guard = _budget_guard(kernel, start_now + time_budget_ms, kernel.steps + event_budget, filename)
    saved_trace = sys.gettrace()
    buffer = io.StringIO()
    saved_out, saved_err = sys.stdout, sys.stderr
    tee = _Tee(buffer, stdout)
    # The page shows one output (stdout and stderr as they come); in a terminal (`kafkasim run`) the
    # script's stderr, e.g. kafka-python's logged warnings, goes to the terminal's stderr, as with python.
    err_tee = _Tee(buffer, saved_err) if stdout is not None else tee
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    processes = kernel.processes
    try:
        for name, mod in aliases.items():
            if name != "time":
                sys.modules[name] = mod
        _env.bind(env, ctx)
        sys.stdout, sys.stderr = tee, err_tee
        try:
            try:
                code = compile(source, filename, "exec")
                exec(code, namespace)
            finally:
                if processes.stop is None:
                    processes.join_all()          # as the interpreter waits for non-daemon threads
            _finish_clients(ctx)
        except BudgetExceeded as exc:
            result.timed_out = True
            used = kernel.now - start_now
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
            processes.stop_all(BudgetExceeded(*exc.args))
            _abandon_clients(ctx)
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
            # Daemon threads still running when the script is over end with it.
            processes.stop_all(ThreadExit("Skript beendet"))
    finally:
        sys.settrace(saved_trace)
        sys.stdout, sys.stderr = saved_out, saved_err
        for name, mod in saved_modules.items():
            if mod is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = mod
        _env.restore(saved_binding)
        kernel.guard = saved_guard
        processes.stop = None
        processes.on_stop = None
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
    _abandon_clients(ctx)


def _abandon_clients(ctx) -> None:
    """The script's process is gone: its consumers stop heartbeating, its connections close."""
    for consumer in ctx.consumers:
        consumer._abandon()
    for admin in ctx.admins:
        admin._manager.close()
    for producer in ctx.producers:
        producer._manager.close()
