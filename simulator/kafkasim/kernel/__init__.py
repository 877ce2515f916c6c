"""The simulation kernel: clock, event heap, seeded random generator, the run loop and processes."""

from .core import INF, Kernel, Timer
from .processes import Process, Scheduler

__all__ = ["INF", "Kernel", "Process", "Scheduler", "Timer"]
