"""Benchmark of the simulator core: simulated records per second in the Börse scenario.

Scenario: 40 DAX symbols, 3 brokers, topic `boerse` with 6 partitions and replication factor 3,
acks=all, two consumer groups (2 + 1 members) reading everything. Retention (60 s, segments of
10 s) keeps memory bounded over long runs. The baseline, measured in the same run, is a plain
Python loop that builds the same records and appends them to a list: the ratio says how many
such loops the whole simulation costs.

    python bench/bench_kafkasim.py [--seconds 60] [--rate 200000] [--memory]
Prints numbers only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

try:
    import kafkasim  # noqa: F401
except ImportError:  # running from a checkout without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "simulator"))

from kafkasim import Cluster

try:
    from kafkasim.scenarios.boerse import DAX, VALUE_TEMPLATE
except ImportError:  # a kafkasim from before the core rewrite (for before/after comparisons)
    from kafkasim.boerse import DAX, VALUE_TEMPLATE


def boerse_cluster(rate: float) -> Cluster:
    cluster = Cluster(brokers=3, seed=1, config={"log.retention.check.interval.ms": 10_000,
                                                 "group.initial.rebalance.delay.ms": 0})
    cluster.create_topic("boerse", 6, 3, {"retention.ms": 60_000, "segment.ms": 10_000,
                                          "min.insync.replicas": 2})
    cluster.start_ticker("boerse", symbols=list(DAX), rate_per_s=rate)
    cluster.add_consumer("depot", ["boerse"])
    cluster.add_consumer("depot", ["boerse"])
    cluster.add_consumer("chartanalyse", ["boerse"])
    return cluster


def run_boerse(sim_seconds: float, rate: float) -> dict:
    cluster = boerse_cluster(rate)
    cluster.advance(1_000)                      # groups formed, pipeline warm
    produced0 = cluster.metrics_produced
    consumed0 = cluster.metrics_consumed
    t0, c0 = time.perf_counter(), time.process_time()
    cluster.advance(int(sim_seconds * 1000))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    produced = cluster.metrics_produced - produced0
    consumed = cluster.metrics_consumed - consumed0
    stored = sum(p.log.record_count() for p in cluster.topics["boerse"].partitions)
    return {"wall_s": wall, "cpu_s": cpu, "produced": produced, "consumed": consumed,
            "records_per_s": produced / wall, "records_per_cpu_s": produced / cpu,
            "sim_speedup": sim_seconds / wall, "stored_records": stored, "events": cluster.trace.seq}


def baseline(n: int) -> tuple[float, float]:
    """Records per second (wall, CPU) of a plain loop building the same records and appending them to
    a list."""
    import random
    rng = random.Random(1)
    symbols = list(DAX)
    prices = {symbol: start for symbol, (_, start) in DAX.items()}
    quoted = {symbol: f'"{symbol}"' for symbol in symbols}
    out = []
    t0, c0 = time.perf_counter(), time.process_time()
    for sequence in range(1, n + 1):
        s = symbols[int(rng.random() * 40)]
        price = prices[s] = prices[s] * (1.0 + (rng.random() - 0.5) * 0.004)
        out.append((s.encode(), (VALUE_TEMPLATE % (quoted[s], price, sequence)).encode(), None))
    return n / (time.perf_counter() - t0), n / max(1e-9, time.process_time() - c0)


PING_PONG = """
import threading, queue
ping, pong = queue.Queue(), queue.Queue()
def echo():
    while True:
        item = ping.get()
        if item is None:
            return
        pong.put(item)
t = threading.Thread(target=echo)
t.start()
for i in range(ROUNDS):
    ping.put(i)
    pong.get()
ping.put(None)
t.join()
"""


def thread_switches(rounds: int = 5000) -> float | None:
    """Switches per second between two learner threads handing items through queues (each round
    trip is two switches); None where Python has no threads (Pyodide)."""
    if sys.platform == "emscripten":
        return None
    cluster = Cluster(brokers=1, seed=1)
    t0 = time.perf_counter()
    result = cluster.run_script(PING_PONG.replace("ROUNDS", str(rounds)))
    wall = time.perf_counter() - t0
    if result.error:
        raise RuntimeError(result.error)
    return 2 * rounds / wall


def peak_memory(sim_seconds: float, rate: float) -> tuple[float, float]:
    """Peak traced memory (MiB) over a run, and at half of it: flat when retention bounds the log."""
    tracemalloc.start()
    cluster = boerse_cluster(rate)
    cluster.advance(int(sim_seconds * 500))
    half = tracemalloc.get_traced_memory()[1]
    cluster.advance(int(sim_seconds * 500))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return half / 2**20, peak / 2**20


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="kafkasim benchmark (Börse scenario)")
    parser.add_argument("--seconds", type=float, default=30.0, help="simulated seconds to measure")
    parser.add_argument("--rate", type=float, default=200_000, help="ticker records per simulated second")
    parser.add_argument("--memory", action="store_true", help="also measure peak memory (tracemalloc)")
    parser.add_argument("--memory-seconds", type=float, default=300.0)
    args = parser.parse_args(argv)
    impl = sys.implementation.name + " " + ".".join(map(str, sys.version_info[:3]))
    if sys.platform == "emscripten":
        impl += " (Pyodide)"
    result = run_boerse(args.seconds, args.rate)
    base, base_cpu = baseline(max(200_000, result["produced"] // 4))
    print(f"interpreter:            {impl}")
    print(f"scenario:               Börse, 40 symbols, 3 brokers, 6 partitions, RF 3, 2 groups / 3 consumers")
    print(f"simulated:              {args.seconds:g} s at {args.rate:g} records/s")
    print(f"wall time:              {result['wall_s']:.2f} s  (simulation runs {result['sim_speedup']:.2f}x real time)")
    print(f"records produced:       {result['produced']}")
    print(f"records consumed:       {result['consumed']}  (two groups read everything)")
    print(f"simulated records/s:    {result['records_per_s']:,.0f}")
    print(f"baseline records/s:     {base:,.0f}  (plain loop appending the same records to a list)")
    print(f"ratio sim/baseline:     {result['records_per_s'] / base:.3f}")
    # On a machine shared with other work, CPU time is steadier than wall time.
    print(f"ratio by CPU time:      {result['records_per_cpu_s'] / base_cpu:.3f}  "
          f"({result['records_per_cpu_s']:,.0f} vs {base_cpu:,.0f} records per CPU second)")
    print(f"records kept (retention): {result['stored_records']}; events emitted: {result['events']}")
    switches = thread_switches()
    if switches is not None:
        print(f"thread switches/s:      {switches:,.0f}  (two learner threads ping-ponging through queues)")
    if args.memory:
        half, peak = peak_memory(args.memory_seconds, args.rate / 20)
        print(f"peak tracemalloc:       {half:.1f} MiB after {args.memory_seconds / 2:g} s, "
              f"{peak:.1f} MiB after {args.memory_seconds:g} s simulated at {args.rate / 20:g} records/s")


if __name__ == "__main__":
    main()
