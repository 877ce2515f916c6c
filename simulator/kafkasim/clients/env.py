"""Where clients live: the simulated world a client reaches its brokers through.

A client gets a `ClientEnv`, never the brokers: the kernel (time, timers, blocking), the network
(connections to broker ids), the event trace, the simulated wall clock and a registry of the clients
created, for views and for cleaning up after a script. The runner binds the env of the cluster a
script runs against; outside a script, the first client asks the default factory (registered by
kafkasim.cluster) for one. `bootstrap_servers` is accepted and ignored on purpose: any address
reaches the simulated cluster, so the same script runs unchanged against real Kafka.
"""

from __future__ import annotations


class ClientEnv:
    def __init__(self, kernel, network, trace, epoch_ms: int) -> None:
        self.kernel = kernel
        self.network = network
        self.trace = trace
        self.epoch_ms = epoch_ms
        self._names: dict[str, int] = {}
        self.producers: list = []          # every producer created (views show the last ones)
        self.consumers: list = []
        self.metrics_consumed = 0

    def wall_ms(self) -> int:
        return self.epoch_ms + self.kernel.now

    def client_name(self, prefix: str) -> str:
        n = self._names.get(prefix, 0) + 1
        self._names[prefix] = n
        return f"{prefix}-{n}"

    def block(self, deadline: float, wake=None) -> bool:
        return self.kernel.block(deadline, wake)


class ScriptContext:
    """Per-run bookkeeping: clients to clean up and the simulated CPU time the script uses."""

    def __init__(self, env: ClientEnv) -> None:
        self.env = env
        self.producers: list = []
        self.consumers: list = []
        self.admins: list = []
        self.debt_us = 0


_current: ClientEnv | None = None
_context: ScriptContext | None = None
_default: ClientEnv | None = None
_default_factory = None


def set_default_factory(factory) -> None:
    """`factory()` returns the env clients use outside a script (a fresh cluster's)."""
    global _default_factory
    _default_factory = factory


def bind(env: ClientEnv | None, context: ScriptContext | None = None) -> None:
    global _current, _context
    _current = env
    _context = context


def current() -> ClientEnv:
    global _default
    if _current is not None:
        return _current
    if _default is None:
        if _default_factory is None:
            raise RuntimeError("kafkasim: kein simulierter Cluster gebunden.")
        _default = _default_factory()
    return _default


def context() -> ScriptContext | None:
    return _context


def saved() -> tuple:
    return _current, _context


def restore(state: tuple) -> None:
    global _current, _context
    _current, _context = state


def charge(us: int) -> None:
    """Client-side work costs simulated time, so busy loops without blocking calls still let the
    cluster run (and hit the runner's budget instead of spinning forever)."""
    ctx = _context
    if ctx is None:
        return
    ctx.debt_us += us
    if ctx.debt_us >= 1000:
        ms, ctx.debt_us = divmod(ctx.debt_us, 1000)
        kernel = ctx.env.kernel
        kernel.block(kernel.now + ms)


class using:
    """`with using(env):` – clients created inside belong to `env` (the page's own clients)."""

    def __init__(self, env: ClientEnv) -> None:
        self.env = env
        self._saved = None

    def __enter__(self) -> ClientEnv:
        self._saved = saved()
        bind(self.env, _context)
        return self.env

    def __exit__(self, *exc) -> None:
        restore(self._saved)
