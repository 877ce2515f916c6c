"""How a learner reads a page in the journeys: a screen at a time, waiting at each simulator that
comes into view until it has started (or failed) before reading on."""

from __future__ import annotations

import pytest

BOOT_TIMEOUT_MS = 60_000
SIMULATOR = "div.kafkasim"
AT_BOTTOM = "() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2"
SIMULATORS_IN_VIEW_SETTLED = """(s) => [...document.querySelectorAll(s)].every((d) => {
    const box = d.getBoundingClientRect();
    const inView = box.top < innerHeight && box.bottom > 0;
    return !inView || d.dataset.simState === 'ready' || d.dataset.simState === 'error';
})"""


def read_to_the_end(page) -> None:
    """Scrolls down a screen at a time; waits (bounded) at each simulator in view until it is ready
    or failed."""
    for _ in range(200):  # bounded: no course page is 200 screens long
        page.wait_for_function(SIMULATORS_IN_VIEW_SETTLED, arg=SIMULATOR, timeout=BOOT_TIMEOUT_MS)
        if page.evaluate(AT_BOTTOM):
            return
        page.evaluate("() => scrollBy({top: innerHeight * 0.8, behavior: 'instant'})")
    pytest.fail("Seite endet nicht nach 200 Bildschirmen")
