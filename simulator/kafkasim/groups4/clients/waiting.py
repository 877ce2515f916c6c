"""Letting simulated time pass until something happens, with the kernel's step/run primitives."""

from __future__ import annotations


def wait_until(kernel, deadline: int, condition) -> bool:
    """Runs the kernel until `condition()` holds (→ True) or `deadline` passes (→ False)."""
    if condition():
        return True
    while True:
        t = kernel.next_time()
        if t is None or t > deadline:
            kernel.run(deadline)
            return condition()
        kernel.step()
        if condition():
            return True
