"""Which simulated cluster the kafka-python facade talks to.

The runner binds the cluster of the running script; outside a script, one process-wide
cluster is created on first use. `bootstrap_servers` is accepted and ignored on purpose: any
address reaches the simulated cluster, so the same script runs unchanged against real Kafka.
"""

from __future__ import annotations

_current = None
_default = None


class ScriptContext:
    """Per-run bookkeeping: clients to clean up and the simulated CPU time the script uses."""

    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self.producers: list = []
        self.consumers: list = []
        self.debt_us = 0


_context: ScriptContext | None = None


def bind(cluster, context: ScriptContext | None = None) -> None:
    global _current, _context
    _current = cluster
    _context = context


def current():
    global _default
    if _current is not None:
        return _current
    if _default is None:
        from ..cluster import Cluster
        _default = Cluster()
    return _default


def bootstrap(cluster, config: dict) -> None:
    """Like kafka-python: a client needs one reachable broker, or fails after bootstrap_timeout_ms."""
    def any_running():
        return any(b.state == "running" for b in cluster.brokers.values())
    if any_running():
        return
    cluster.block(cluster.kernel.now + config.get("bootstrap_timeout_ms", 30000), any_running)
    if not any_running():
        from ..errors import KafkaTimeoutError
        raise KafkaTimeoutError("Unable to bootstrap from %s" % (config["bootstrap_servers"],))


def context() -> ScriptContext | None:
    return _context


def charge(us: int) -> None:
    """Client-side work costs simulated time, so busy loops without blocking calls still let the
    cluster run (and hit the runner's budget instead of spinning forever)."""
    ctx = _context
    if ctx is None:
        return
    ctx.debt_us += us
    if ctx.debt_us >= 1000:
        ms, ctx.debt_us = divmod(ctx.debt_us, 1000)
        cluster = ctx.cluster
        cluster.block(cluster.kernel.now + ms)
