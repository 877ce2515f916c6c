"""Running the backend's CLIs as real processes and reading their output with bounded waits."""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
UNUSED_ADDRESS = "127.0.0.1:1"  # port 1 on loopback: nothing listens there


def cli_env(bootstrap: str, **extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("KAFKA_")}
    env.update(KAFKA_BOOTSTRAP_SERVERS=bootstrap, PYTHONUNBUFFERED="1", **extra)
    return env


def run_cli(module: str, *args: str, bootstrap: str, timeout: float = 60, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=PROJECT_ROOT, env=cli_env(bootstrap, **env),
                          capture_output=True, text=True, timeout=timeout)


class RunningCli:
    """A CLI in the background; its stdout lines are collected by a thread so waits stay bounded."""

    def __init__(self, module: str, *args: str, bootstrap: str, **env):
        # module "backend.boerse" runs with -m; a path ending in .py runs as a script.
        command = [sys.executable, module] if module.endswith(".py") else [sys.executable, "-m", module]
        self.process = subprocess.Popen(
            [*command, *args], cwd=PROJECT_ROOT, env=cli_env(bootstrap, **env),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.errors: list[str] = []
        self._new = queue.Queue()
        self._readers = [
            threading.Thread(target=self._collect, args=(self.process.stdout, self.lines), daemon=True),
            threading.Thread(target=self._collect, args=(self.process.stderr, self.errors), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _collect(self, stream, into):
        for line in stream:
            into.append(line.rstrip("\n"))
            self._new.put(None)

    def wait_for(self, predicate, timeout: float, what: str):
        """Block until predicate(lines) is true; fails the test with the output after `timeout`."""
        deadline = time.monotonic() + timeout
        while not predicate(self.lines):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (self.process.poll() is not None and self._new.empty()):
                if predicate(self.lines):
                    break
                raise AssertionError(f"waited {timeout} s for {what}; stdout={self.lines[-20:]} "
                                     f"stderr={self.errors[-20:]} returncode={self.process.poll()}")
            try:
                self._new.get(timeout=min(remaining, 0.2))
            except queue.Empty:
                pass

    def finish(self, timeout: float = 30) -> int:
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        for reader in self._readers:
            reader.join(timeout=5)  # the pipes close with the process; drain what is left
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
