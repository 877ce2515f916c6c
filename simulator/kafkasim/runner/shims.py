"""Standard-library modules as a learner's script sees them: `time` and `datetime` on simulated
time, `random` and `uuid` seeded from the cluster, so a run repeats with its seed."""

from __future__ import annotations

import time as _real_time
import types


def make_time_module(kernel, epoch_ms: int, ctx) -> types.ModuleType:
    """A `time` module whose clocks and sleep run on the cluster's simulated clock."""
    mod = types.ModuleType("time", "Simulierte Zeit (kafkasim): sleep() lässt den Cluster weiterlaufen.")

    def _now_s() -> float:
        return kernel.now / 1000 + ctx.debt_us / 1e6

    def sleep(secs):
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        ctx.debt_us += int(secs * 1_000_000)
        ms, ctx.debt_us = divmod(ctx.debt_us, 1000)
        kernel.block(kernel.now + ms)

    def time():
        return epoch_ms / 1000 + _now_s()

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
