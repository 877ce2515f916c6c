"""The simulation kernel: a clock, an event heap, a seeded random generator and the run loop.

Modelled on SimPy's Environment, reduced to what the cluster needs: callbacks scheduled at
simulated milliseconds. Nothing here reads the wall clock, so a run is a pure function of the
seed and the inputs.

`block(deadline, wake)` is the one loop that lets simulated time pass while something waits: a
blocking client call, `time.sleep`, a learner thread's `join`. The runner's budget is a hook
(`guard`) it calls before every step. With several processes (learner threads, see processes.py)
the loop also decides which of them runs next.
"""

from __future__ import annotations

import heapq
import random

from .processes import Scheduler

INF = float("inf")


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
    __slots__ = ("now", "rng", "_heap", "_seq", "steps", "guard", "processes")

    def __init__(self, seed: int = 0) -> None:
        self.now = 0
        self.rng = random.Random(seed)
        self._heap: list[Timer] = []
        self._seq = 0
        self.steps = 0
        # Called with the time of the next step (or None when nothing is left) before every step
        # of a blocking wait; the runner raises from it when a script used up its budget.
        self.guard = None
        self.processes = Scheduler(self)

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

    def block(self, deadline: float, wake=None) -> bool:
        """Lets simulated time pass until `wake()` is true (→ True) or `deadline` passes (→ False).

        This is how a blocking call lets the rest of the cluster work meanwhile. When other
        processes exist, they run while this one waits (see processes.py).
        """
        if wake is not None and wake():
            return True
        processes = self.processes
        if processes.others or processes.stop is not None:
            return processes.block(deadline, wake)
        return self.wait_alone(deadline, wake)

    def wait_alone(self, deadline: float, wake) -> bool:
        """The loop when only one process exists: step the kernel until woken or the deadline."""
        guard = self.guard
        while True:
            t = self.next_time()
            if t is None or t > deadline:
                if deadline != INF and deadline > self.now:
                    if guard is not None:
                        guard(int(deadline))
                    self.now = int(deadline)
                elif t is None and guard is not None:
                    guard(None)
                return False
            if guard is not None:
                guard(t)
            self.step()
            if wake is not None and wake():
                return True
