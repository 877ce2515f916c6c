"""The simulation kernel: a clock, an event heap and a seeded random generator.

Modelled on SimPy's Environment, reduced to what the cluster needs: callbacks scheduled at
simulated milliseconds. Nothing here reads the wall clock, so a run is a pure function of the
seed and the inputs.
"""

from __future__ import annotations

import heapq
import random


class Timer:
    """Handle of a scheduled callback; cancelling leaves it in the heap but makes it a no-op."""

    __slots__ = ("at", "seq", "fn", "args", "cancelled")

    def __init__(self, at: int, seq: int, fn, args: tuple) -> None:
        self.at = at
        self.seq = seq
        self.fn = fn
        self.args = args
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def __lt__(self, other: "Timer") -> bool:
        # Ties at the same millisecond run in scheduling order: this is what makes runs repeatable.
        return (self.at, self.seq) < (other.at, other.seq)


class Kernel:
    __slots__ = ("now", "rng", "_heap", "_seq", "steps")

    def __init__(self, seed: int = 0) -> None:
        self.now = 0
        self.rng = random.Random(seed)
        self._heap: list[Timer] = []
        self._seq = 0
        self.steps = 0

    def schedule(self, delay_ms: int, fn, *args) -> Timer:
        return self.at(self.now + max(0, int(delay_ms)), fn, *args)

    def at(self, at_ms: int, fn, *args) -> Timer:
        self._seq += 1
        timer = Timer(max(int(at_ms), self.now), self._seq, fn, args)
        heapq.heappush(self._heap, timer)
        return timer

    def next_time(self) -> int | None:
        heap = self._heap
        while heap and heap[0].cancelled:
            heapq.heappop(heap)
        return heap[0].at if heap else None

    def step(self) -> bool:
        """Runs the next pending callback; False when nothing is scheduled."""
        heap = self._heap
        while heap:
            timer = heapq.heappop(heap)
            if timer.cancelled:
                continue
            self.now = timer.at
            self.steps += 1
            timer.fn(*timer.args)
            return True
        return False

    def run(self, until: int) -> None:
        """Runs every callback due up to and including `until`, then sets the clock to it."""
        heap = self._heap
        while heap and heap[0].at <= until:
            timer = heapq.heappop(heap)
            if timer.cancelled:
                continue
            self.now = timer.at
            self.steps += 1
            timer.fn(*timer.args)
        if until > self.now:
            self.now = until
