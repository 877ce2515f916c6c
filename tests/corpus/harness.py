"""Runs corpus scripts as subprocesses: with real kafka-python against a real broker (or the 3-broker
cluster), and with `python -m kafkasim run` in the simulator. Both sides get the same environment:

    KAFKA_BOOTSTRAP_SERVERS   the broker's address (kafkasim accepts any address)
    CORPUS_RUN_ID             a suffix unique to this run ("-1a2b3c4d"), appended by each script to its
                              topic, group and transactional ids, so concurrent and repeated runs on
                              the shared session broker never see each other's records

A script that needs replication says so in a line of its own: `# corpus: cluster`.
Real-broker runs are IO-bound and run several at a time; simulator runs are CPU-bound and run two at
a time (the machine has two cores).
"""
from __future__ import annotations

import subprocess
import sys
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.backend.helpers import PROJECT_ROOT, cli_env
from tests.fixtures.kafka import TEST_BROKER_SETTINGS
from tests.fixtures.kafka_cluster import TEST_CLUSTER_SETTINGS

SCRIPTS_DIR = Path(__file__).parent / "scripts"
CLUSTER_MARKER = "# corpus: cluster"
SCRIPT_TIMEOUT_S = 120          # a real-broker run; the slowest take ~15 s on a loaded machine
SIMULATED_TIMEOUT_S = 30        # a kafkasim run takes 1-3 s of wall time; a hang is a finding
REAL_AT_ONCE = 6
SIMULATED_AT_ONCE = 2
SIM_BOOTSTRAP = "localhost:9092"


@dataclass(frozen=True)
class Script:
    path: Path

    @property
    def id(self) -> str:
        """`area/NNN_name`, the test id and the key of known_differences."""
        return f"{self.path.parent.name}/{self.path.stem}"

    @property
    def needs_cluster(self) -> bool:
        return CLUSTER_MARKER in self.path.read_text(encoding="utf-8").splitlines()

    @property
    def brokers(self) -> int:
        return 3 if self.needs_cluster else 1


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return f"returncode {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr[-4000:]}"


def discover() -> list[Script]:
    return [Script(path) for path in sorted(SCRIPTS_DIR.glob("*/[0-9]*.py"))]


def new_run_id() -> str:
    return "-" + uuid.uuid4().hex[:8]


def _run(command: list[str], bootstrap: str, run_id: str, timeout_s: float) -> Outcome:
    try:
        result = subprocess.run(command, cwd=PROJECT_ROOT, env=cli_env(bootstrap, CORPUS_RUN_ID=run_id),
                                capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        return Outcome(-1, out, f"killed after {timeout_s} s")
    return Outcome(result.returncode, result.stdout, result.stderr)


def run_real(script: Script, bootstrap: str, run_id: str) -> Outcome:
    return _run([sys.executable, str(script.path)], bootstrap, run_id, SCRIPT_TIMEOUT_S)


def simulator_command(script: Script) -> list[str]:
    settings = TEST_CLUSTER_SETTINGS if script.needs_cluster else TEST_BROKER_SETTINGS
    config = [arg for key, value in settings.items() for arg in ("--config", f"{key}={value}")]
    return [sys.executable, "-m", "kafkasim", "run", "--brokers", str(script.brokers), *config, str(script.path)]


def run_simulated(script: Script, run_id: str) -> Outcome:
    return _run(simulator_command(script), SIM_BOOTSTRAP, run_id, SIMULATED_TIMEOUT_S)


class CorpusRunner:
    """Starts every selected script on both sides at once (bounded pools) and hands out the futures."""

    def __init__(self, bootstrap_for):
        self._bootstrap_for = bootstrap_for          # Script -> the real side's bootstrap servers
        self._real_pool = ThreadPoolExecutor(REAL_AT_ONCE, thread_name_prefix="corpus-real")
        self._sim_pool = ThreadPoolExecutor(SIMULATED_AT_ONCE, thread_name_prefix="corpus-sim")
        self.real: dict[str, Future] = {}
        self.simulated: dict[str, Future] = {}

    def submit(self, scripts: list[Script]) -> None:
        for script in scripts:
            if script.id in self.real:
                continue
            run_id = new_run_id()
            self.real[script.id] = self._real_pool.submit(run_real, script, self._bootstrap_for(script), run_id)
            self.simulated[script.id] = self._sim_pool.submit(run_simulated, script, run_id)

    def shutdown(self) -> None:
        for pool in (self._real_pool, self._sim_pool):
            pool.shutdown(wait=True, cancel_futures=True)
