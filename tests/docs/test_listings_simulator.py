"""Every Python listing of the course runs in the simulator (kafkasim) and prints what it should.

Each listing gets a fresh simulated cluster (3 brokers, seed 0) in which the topic "aktienkurse"
was created and the Börse published one price per share, as a reader would have done before.
"""

from __future__ import annotations

import re
import shlex
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
    # Whatever a listing writes to the course topic, every consumer of the course must be able to read.
    check = cluster.run_script(READ_BACK, filename="read_back.py", time_budget_ms=60_000)
    assert check.error is None and check.stdout.strip() == "ok", f"{listing.path}:\n{check.stdout}{check.error}"


# Every price in the course topic is a JSON object with the fields the course's consumers read.
READ_BACK = """
import json
from kafka import KafkaConsumer
consumer = KafkaConsumer("aktienkurse", bootstrap_servers="localhost:9092", auto_offset_reset="earliest",
                         consumer_timeout_ms=2_000)
bad = []
for record in consumer:
    value = json.loads(record.value)
    if not (isinstance(value, dict) and {"symbol", "price"} <= value.keys()):
        bad.append((record.partition, record.offset, value))
consumer.close()
print(bad or "ok")
"""


def test_listing_runs_from_the_terminal():
    """`python -m kafkasim run` – the way the course tells readers to try a listing without Kafka."""
    proc = subprocess.run(
        [sys.executable, "-m", "kafkasim", "run", "docs_src/boerse/schritt2_serialisierer.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    # No topic created first: the broker creates it on the fly with num.partitions=1.
    assert proc.stdout.count("-> Partition 0, Offset") == 6, proc.stdout


def test_the_terminal_command_of_the_praxis_page_prints_what_the_page_shows():
    """praxis/index.md: the command as printed, and the output block right after it, line for line."""
    page = (ROOT / "docs" / "praxis" / "index.md").read_text(encoding="utf-8")
    found = re.search(r"^```bash\n(python -m kafkasim run [^\n]+)\n```\n\n```text\n(.*?)^```", page, re.M | re.S)
    assert found, "praxis/index.md zeigt keinen kafkasim-Aufruf mit seiner Ausgabe"
    command, shown = shlex.split(found.group(1)), found.group(2).splitlines()
    proc = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == shown, proc.stdout
