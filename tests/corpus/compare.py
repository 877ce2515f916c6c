"""Runs corpus scripts against a broker you started and in kafkasim, and says which differ.

    .venv/bin/python -m tests.corpus.compare --bootstrap 127.0.0.1:9092 [--cluster ADDR] [--twice] [-v] [PATTERN ...]

PATTERN selects scripts by substring of their id (`consumer/`, `012_`). --twice runs the real side
twice under different run ids and reports scripts whose real output is not deterministic.
For the rewrite's day-to-day work; the suite's own check is test_corpus.py.
"""
from __future__ import annotations

import argparse
import difflib
import time
from concurrent.futures import ThreadPoolExecutor

from tests.corpus.harness import REAL_AT_ONCE, discover, new_run_id, run_real, run_simulated


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--cluster", help="bootstrap servers of a 3-broker cluster for `# corpus: cluster`")
    parser.add_argument("--twice", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("patterns", nargs="*")
    args = parser.parse_args()
    scripts = [s for s in discover() if not args.patterns or any(p in s.id for p in args.patterns)]
    scripts = [s for s in scripts if not s.needs_cluster or args.cluster]
    started = time.monotonic()

    def both(script):
        run_id = new_run_id()
        bootstrap = args.cluster if script.needs_cluster else args.bootstrap
        real = run_real(script, bootstrap, run_id)
        again = run_real(script, bootstrap, new_run_id()) if args.twice else None
        return script, real, again, run_simulated(script, run_id)

    with ThreadPoolExecutor(REAL_AT_ONCE) as pool:
        for script, real, again, sim in pool.map(both, scripts):
            if real.returncode != 0:
                verdict = "REAL FAILED"
            elif again is not None and again.stdout != real.stdout:
                verdict = "REAL NOT DETERMINISTIC"
            elif sim.stdout == real.stdout and sim.returncode == 0:
                verdict = "same"
            else:
                verdict = "differs"
            print(f"{verdict:24} {script.id}", flush=True)
            if args.verbose and verdict != "same":
                if real.returncode != 0:
                    print(real.describe())
                elif again is not None and again.stdout != real.stdout:
                    print("\n".join(difflib.unified_diff(real.stdout.splitlines(), again.stdout.splitlines(),
                                                         "real", "real again", lineterm="")))
                else:
                    print("\n".join(difflib.unified_diff(real.stdout.splitlines(), sim.stdout.splitlines(),
                                                         "real", "kafkasim", lineterm="")))
                    if sim.returncode != 0:
                        print(sim.stderr[-2000:])
    print(f"{len(scripts)} scripts in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
