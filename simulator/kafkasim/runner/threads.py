"""`threading` and `queue` for a learner's script: threads as simulated processes.

A Thread is a real thread, but it runs only while it holds the kernel's baton (kernel/processes.py),
and the baton moves only where a thread blocks: a client call, time.sleep, or one of the
primitives below (Lock, RLock, Condition, Semaphore, Event, Barrier, Queue, join). Those wait in
simulated time through Kernel.block, so a seed gives one interleaving and one output. Everything
else (current_thread, local, get_ident, …) is the real threading module.

In the browser Python has no threads (Pyodide); starting one is refused with a German message.
"""

from __future__ import annotations

import heapq
import queue as _real_queue
import sys
import threading as _real
import types
from collections import deque

from ..clients import future as _client_future

INF = float("inf")

NO_THREADS = ("Threads (threading.Thread) kann der Simulator im Browser nicht ausführen: Python im Browser "
              "(Pyodide) hat keine Threads. Im Terminal läuft das Skript mit: python -m kafkasim run skript.py")


def make_threading_modules(kernel, report_error) -> dict[str, types.ModuleType]:
    """`threading` and `queue` bound to `kernel`; report_error(thread, exc) prints an uncaught error."""
    processes = kernel.processes
    counter = [0]           # thread names count per script, as in a fresh interpreter

    def deadline_for(timeout) -> float:
        if timeout is None or timeout < 0:
            return INF
        return kernel.now + timeout * 1000

    class Thread(_real.Thread):
        _sim_process = None

        def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
            if name is None:
                counter[0] += 1
                name = f"Thread-{counter[0]}"
                if target is not None and hasattr(target, "__name__"):
                    name += f" ({target.__name__})"
            super().__init__(group, target, name, args, kwargs, daemon=daemon)

        def start(self):
            if self._sim_process is not None:
                raise RuntimeError("threads can only be started once")
            if sys.platform == "emscripten":
                raise RuntimeError(NO_THREADS)
            process = self._sim_process = processes.spawn(self.name, self.daemon)
            user_run = self.run

            def run():
                try:
                    processes.begin(process)
                    user_run()
                except BaseException as exc:     # noqa: BLE001 - what threading's excepthook would print
                    if isinstance(exc, Exception) or isinstance(exc, KeyboardInterrupt):
                        report_error(self, exc)
                finally:
                    processes.exit(process)

            self.run = run
            _real.Thread.start(self)

        def join(self, timeout=None):
            process = self._sim_process
            if process is None:
                raise RuntimeError("cannot join thread before it is started")
            if self is _real.current_thread():
                raise RuntimeError("cannot join current thread")
            kernel.block(deadline_for(timeout), lambda: process.done)
            if process.done:
                _real.Thread.join(self, 5)      # its real thread is just returning

        def is_alive(self):
            process = self._sim_process
            return process is not None and not process.done

    class Lock:
        def __init__(self):
            self._held = False

        def acquire(self, blocking=True, timeout=-1):
            if not self._held:
                self._held = True
                return True
            if not blocking:
                return False
            if kernel.block(deadline_for(timeout), lambda: not self._held):
                self._held = True
                return True
            return False

        def release(self):
            if not self._held:
                raise RuntimeError("release unlocked lock")
            self._held = False

        def locked(self):
            return self._held

        def __enter__(self):
            return self.acquire()

        def __exit__(self, *exc):
            self.release()

    class RLock:
        def __init__(self):
            self._owner = None
            self._count = 0

        def acquire(self, blocking=True, timeout=-1):
            me = processes.current
            if self._owner is me:
                self._count += 1
                return True
            if self._owner is not None:
                if not blocking or not kernel.block(deadline_for(timeout), lambda: self._owner is None):
                    return False
            self._owner = me
            self._count = 1
            return True

        def release(self):
            if self._owner is not processes.current:
                raise RuntimeError("cannot release un-acquired lock")
            self._count -= 1
            if self._count == 0:
                self._owner = None

        def _release_all(self):
            count, self._count, self._owner = self._count, 0, None
            return count

        def _restore(self, count):
            self._owner = processes.current
            self._count = count

        def __enter__(self):
            return self.acquire()

        def __exit__(self, *exc):
            self.release()

    class Condition:
        def __init__(self, lock=None):
            self._lock = lock if lock is not None else RLock()
            self._waiters: deque = deque()
            self.acquire = self._lock.acquire
            self.release = self._lock.release

        def __enter__(self):
            return self._lock.__enter__()

        def __exit__(self, *exc):
            return self._lock.__exit__(*exc)

        def wait(self, timeout=None):
            token = [False]
            self._waiters.append(token)
            lock = self._lock
            saved = lock._release_all() if isinstance(lock, RLock) else (lock.release() or 1)
            try:
                notified = kernel.block(deadline_for(timeout), lambda: token[0])
            finally:
                if not token[0]:
                    try:
                        self._waiters.remove(token)
                    except ValueError:
                        pass
                if isinstance(lock, RLock):
                    lock.acquire()
                    lock._restore(saved)
                else:
                    lock.acquire()
            return notified

        def wait_for(self, predicate, timeout=None):
            end = deadline_for(timeout)
            result = predicate()
            while not result:
                remaining = None if end == INF else (end - kernel.now) / 1000
                if remaining is not None and remaining <= 0:
                    break
                self.wait(remaining)
                result = predicate()
            return result

        def notify(self, n=1):
            for _ in range(min(n, len(self._waiters))):
                self._waiters.popleft()[0] = True

        def notify_all(self):
            self.notify(len(self._waiters))

        notifyAll = notify_all

    class Semaphore:
        def __init__(self, value=1):
            if value < 0:
                raise ValueError("semaphore initial value must be >= 0")
            self._value = value

        def acquire(self, blocking=True, timeout=None):
            if self._value <= 0:
                if not blocking or not kernel.block(deadline_for(timeout), lambda: self._value > 0):
                    return False
            self._value -= 1
            return True

        def release(self, n=1):
            self._value += n

        def __enter__(self):
            return self.acquire()

        def __exit__(self, *exc):
            self.release()

    class BoundedSemaphore(Semaphore):
        def __init__(self, value=1):
            super().__init__(value)
            self._initial = value

        def release(self, n=1):
            if self._value + n > self._initial:
                raise ValueError("Semaphore released too many times")
            super().release(n)

    class Event:
        def __init__(self):
            self._flag = False

        def is_set(self):
            return self._flag

        isSet = is_set

        def set(self):
            self._flag = True

        def clear(self):
            self._flag = False

        def wait(self, timeout=None):
            if self._flag:
                return True
            return kernel.block(deadline_for(timeout), lambda: self._flag)

    class Barrier:
        def __init__(self, parties, action=None, timeout=None):
            self.parties = parties
            self._action = action
            self._timeout = timeout
            self._count = 0
            self._generation = 0
            self.broken = False

        @property
        def n_waiting(self):
            return self._count

        def wait(self, timeout=None):
            if self.broken:
                raise _real.BrokenBarrierError
            generation = self._generation
            index = self._count
            self._count += 1
            if self._count == self.parties:
                if self._action is not None:
                    self._action()
                self._count = 0
                self._generation += 1
                return index
            timeout = self._timeout if timeout is None else timeout
            if not kernel.block(deadline_for(timeout), lambda: self._generation != generation or self.broken):
                self.abort()
            if self.broken:
                raise _real.BrokenBarrierError
            return index

        def abort(self):
            self.broken = True

        def reset(self):
            self.broken = False
            self._count = 0

    class Timer(Thread):
        def __init__(self, interval, function, args=None, kwargs=None):
            super().__init__()
            self.interval = interval
            self.function = function
            self.args = args if args is not None else []
            self.kwargs = kwargs if kwargs is not None else {}
            self.finished = Event()

        def cancel(self):
            self.finished.set()

        def run(self):
            if not self.finished.wait(self.interval):
                self.function(*self.args, **self.kwargs)
            self.finished.set()

    threading = types.ModuleType("threading", "threading (kafkasim): Threads als simulierte Prozesse.")
    threading.__dict__.update({k: v for k, v in vars(_real).items() if not k.startswith("__")})
    for cls in (Thread, Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer):
        cls.__module__ = "threading"
        setattr(threading, cls.__name__, cls)
    io_threads: dict[str, _real.Thread] = {}

    def current_thread():
        """The real current thread, except inside a client's callbacks: kafka-python runs those in
        the client's IO thread, so they see a thread of that name (never the main thread)."""
        name = _client_future.io_thread_name
        if name is None:
            return _real.current_thread()
        thread = io_threads.get(name)
        if thread is None:
            thread = io_threads[name] = _real.Thread(name=name, daemon=True)
        return thread

    threading.current_thread = threading.currentThread = current_thread

    class Queue:
        def __init__(self, maxsize=0):
            self.maxsize = maxsize
            self._init(maxsize)
            self.unfinished_tasks = 0

        def _init(self, maxsize):
            self.queue = deque()

        def _qsize(self):
            return len(self.queue)

        def _put(self, item):
            self.queue.append(item)

        def _get(self):
            return self.queue.popleft()

        def qsize(self):
            return self._qsize()

        def empty(self):
            return not self._qsize()

        def full(self):
            return 0 < self.maxsize <= self._qsize()

        def put(self, item, block=True, timeout=None):
            if self.full():
                if not block:
                    raise _real_queue.Full
                if timeout is not None and timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                if not kernel.block(deadline_for(timeout), lambda: not self.full()):
                    raise _real_queue.Full
            self._put(item)
            self.unfinished_tasks += 1

        def put_nowait(self, item):
            return self.put(item, block=False)

        def get(self, block=True, timeout=None):
            if not self._qsize():
                if not block:
                    raise _real_queue.Empty
                if timeout is not None and timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                if not kernel.block(deadline_for(timeout), lambda: self._qsize() > 0):
                    raise _real_queue.Empty
            return self._get()

        def get_nowait(self):
            return self.get(block=False)

        def task_done(self):
            if self.unfinished_tasks <= 0:
                raise ValueError("task_done() called too many times")
            self.unfinished_tasks -= 1

        def join(self):
            kernel.block(INF, lambda: self.unfinished_tasks == 0)

    class LifoQueue(Queue):
        def _init(self, maxsize):
            self.queue = []

        def _get(self):
            return self.queue.pop()

    class PriorityQueue(Queue):
        def _init(self, maxsize):
            self.queue = []

        def _put(self, item):
            heapq.heappush(self.queue, item)

        def _get(self):
            return heapq.heappop(self.queue)

    class SimpleQueue(Queue):
        def __init__(self):
            super().__init__(0)

    queue = types.ModuleType("queue", "queue (kafkasim): Warteschlangen, die in simulierter Zeit warten.")
    queue.__dict__.update({k: v for k, v in vars(_real_queue).items() if not k.startswith("__")})
    for cls in (Queue, LifoQueue, PriorityQueue, SimpleQueue):
        cls.__module__ = "queue"
        setattr(queue, cls.__name__, cls)
    return {"threading": threading, "queue": queue}


# Modules that would start real threads or processes behind the simulator's back.
REFUSED = {
    "multiprocessing": "Mehrere Prozesse (multiprocessing) simuliert kafkasim nicht; nehmen Sie threading.Thread.",
    "concurrent": "concurrent.futures simuliert kafkasim nicht; nehmen Sie threading.Thread und queue.Queue.",
    "_thread": "_thread simuliert kafkasim nicht; nehmen Sie threading.Thread.",
}
