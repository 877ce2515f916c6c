"""Processes: learner threads as simulated processes that take turns.

Every process is backed by a real thread, but only the holder of the baton runs; everybody else
is parked on its own lock. The baton moves only inside `Scheduler.block` (a process waits for
something: a client call, `time.sleep`, a lock, a queue, `join`) and when a process ends, so a
thread is switched only where it blocks, never in the middle of its code. Which waiting process
runs next is fixed: processes become runnable in the order their condition is found true (their
deadline passing, or `wake()` checked in process order after each kernel step), first come first
served. The same seed therefore gives the same interleaving, and with it the same output.

The process that calls into the kernel first (the runner's own thread) is the main process; with
no other process alive, `Kernel.block` never comes here (see core.py).
"""

from __future__ import annotations

import threading
from collections import deque

INF = float("inf")


class Process:
    __slots__ = ("pid", "name", "daemon", "wake", "due", "waiting", "queued", "new", "done", "exempt", "go")

    def __init__(self, pid: int, name: str, daemon: bool = False) -> None:
        self.pid = pid
        self.name = name
        self.daemon = daemon
        self.wake = None          # the condition a waiting process waits for
        self.due = False          # its deadline passed
        self.waiting = False
        self.queued = False       # in the run queue
        self.new = True           # spawned, never ran yet
        self.done = False
        self.exempt = False       # does not raise Scheduler.stop (the main process while it stops the others)
        self.go = None            # the lock it is parked on while another process runs

    def __repr__(self) -> str:
        return f"<Process {self.pid} {self.name}{' done' if self.done else ''}>"


class Scheduler:
    def __init__(self, kernel) -> None:
        self.kernel = kernel
        self.main = Process(0, "MainThread")
        self.main.new = False
        self.current = self.main
        self.live: list[Process] = [self.main]      # in pid order
        self.runq: deque[Process] = deque()
        self.others = 0                             # live processes besides the main one
        # An exception every process raises when it resumes (the runner's budget, stopping threads);
        # on_stop runs first, in that process's own thread.
        self.stop: BaseException | None = None
        self.on_stop = None
        self._next_pid = 1

    # -- lifecycle ---------------------------------------------------------------------------------
    def spawn(self, name: str, daemon: bool = False) -> Process:
        """A new process, runnable as soon as the current one blocks; its thread calls begin()."""
        p = Process(self._next_pid, name, daemon)
        self._next_pid += 1
        p.go = threading.Lock()
        p.go.acquire()
        self.live.append(p)
        self.others += 1
        p.queued = True
        self.runq.append(p)
        return p

    def begin(self, p: Process) -> None:
        """Called in the new process's own thread: waits for the baton."""
        p.go.acquire()
        self._check_stop(p)

    def exit(self, p: Process) -> None:
        """Called in the ending process's thread: hands the baton on; the thread may then end."""
        p.done = True
        if p in self.live:
            self.live.remove(p)
            self.others -= 1
        kernel = self.kernel
        while True:
            if self.stop is not None and not self.main.done:
                nxt = self.main
            else:
                nxt = self._next_runnable()
            if nxt is not None:
                self._resume(nxt)
                return
            t = kernel.next_time()
            if t is None:
                # Nothing will ever happen again: give the main process its turn (its wait fails).
                self.main.due = True
                self._resume(self.main)
                return
            try:
                if kernel.guard is not None:
                    kernel.guard(t)
                kernel.step()
            except BaseException as exc:       # the budget: everybody stops, the main process reports
                if self.stop is None:
                    self.stop = exc

    # -- waiting -----------------------------------------------------------------------------------
    def block(self, deadline: float, wake) -> bool:
        me = self.current
        self._check_stop(me)
        kernel = self.kernel
        if me.waiting:
            # A blocking call inside a kernel callback of a waiting process: it waits on its own.
            return kernel.wait_alone(deadline, wake)
        me.wake = wake
        me.due = False
        me.waiting = True
        timer = kernel.at(deadline, self._deadline, me) if deadline != INF else None
        try:
            while True:
                nxt = self._next_runnable()
                if nxt is me:
                    if me.due or wake is None or wake():
                        break
                    continue                    # woken, but somebody took it meanwhile: wait on
                if nxt is not None:
                    self._switch(me, nxt)
                    self._check_stop(me)
                    if me.due or (wake is not None and wake()):
                        break
                    continue
                t = kernel.next_time()
                if t is None:
                    break                       # nothing can wake anybody any more
                if kernel.guard is not None:
                    kernel.guard(t)
                kernel.step()
        finally:
            me.waiting = False
            me.wake = None
            if me.queued:
                me.queued = False
                try:
                    self.runq.remove(me)
                except ValueError:
                    pass
            if timer is not None:
                timer.cancel()
        return wake is not None and bool(wake())

    def _deadline(self, p: Process) -> None:
        p.due = True
        if not p.queued:
            p.queued = True
            self.runq.append(p)

    def _next_runnable(self) -> Process | None:
        runq = self.runq
        for p in self.live:
            if p.waiting and not p.queued and p.wake is not None and p.wake():
                p.queued = True
                runq.append(p)
        while runq:
            p = runq.popleft()
            p.queued = False
            if not p.done and (p.waiting or p.new):
                return p
        return None

    def _switch(self, me: Process, to: Process) -> None:
        if me.go is None:
            me.go = threading.Lock()
            me.go.acquire()
        self._resume(to)
        me.go.acquire()            # parked until somebody hands the baton back

    def _resume(self, p: Process) -> None:
        p.new = False
        self.current = p
        p.go.release()

    def _check_stop(self, p: Process) -> None:
        stop = self.stop
        if stop is not None and not p.exempt:
            if self.on_stop is not None:
                self.on_stop()
            raise type(stop)(*stop.args)

    # -- ending a run ------------------------------------------------------------------------------
    def join_all(self, daemons: bool = False) -> None:
        """The main process waits until every (non-daemon) process has ended."""
        self.kernel.block(INF, lambda: not any(not p.daemon or daemons for p in self.live if p is not self.main))

    def stop_all(self, exc: BaseException) -> None:
        """Makes every other process raise `exc` where it waits, unwind and end; then returns."""
        main = self.main
        if self.current is not main or not self.others:
            self.stop = None
            return
        self.stop = exc
        main.exempt = True
        try:
            for p in self.live:
                if p is not main and not p.queued:
                    p.due = True
                    p.queued = True
                    self.runq.append(p)
            self.kernel.block(INF, lambda: self.others == 0)
        finally:
            main.exempt = False
            self.stop = None
