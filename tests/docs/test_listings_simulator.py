"""Every Python listing of the course runs in the simulator (kafkasim) and prints what it should.

Each listing gets a fresh simulated cluster (3 brokers, seed 0) in which the topic "aktienkurse"
was created and the Börse published one price per share, as a reader would have done before.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.docs.listings import LISTINGS, ROOT, SETUP, check_output


def run_in_simulator(cluster, path: str) -> str:
    result = cluster.run_script((ROOT / path).read_text(encoding="utf-8"), filename=path,
                                time_budget_ms=120_000)
    assert result.error is None, f"{path} scheiterte im Simulator:\n{result.error}\n{result.traceback}"
    assert not result.timed_out, f"{path} lief im Simulator in das Zeitbudget"
    return result.stdout


@pytest.mark.parametrize("listing", LISTINGS, ids=str)
def test_listing_runs_in_the_simulator(listing):
    from kafkasim import Cluster  # imported here: a missing simulator fails this test, not collection

    cluster = Cluster(brokers=3, seed=0)
    for path in SETUP:
        run_in_simulator(cluster, path)
    check_output(listing, run_in_simulator(cluster, listing.path), partitions=3)


def test_listing_runs_from_the_terminal():
    """`python -m kafkasim run` – the way the course tells readers to try a listing without Kafka."""
    proc = subprocess.run(
        [sys.executable, "-m", "kafkasim", "run", "docs_src/boerse/schritt2_serialisierer.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    # No topic created first: the broker creates it on the fly with num.partitions=1.
    assert proc.stdout.count("-> Partition 0, Offset") == 6, proc.stdout
