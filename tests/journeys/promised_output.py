"""What a course page promises a script prints, read from the page itself.

A page shows a script's output as a ```text block after the listing. The example prices, offsets
and shares are one possible run: a number stands for any number of the same form, a DAX symbol
for any symbol, and a line "…" for more lines like the ones shown. Everything else must appear
literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kafka.partitioner.default import murmur2

from backend.dax import DAX

ROOT = Path(__file__).resolve().parents[2]
PRAXIS = ROOT / "docs" / "praxis"
ELLIPSIS = "…"
_TOKEN = re.compile(r"\d+\.\d+|\d+|\b[A-Z][A-Z0-9]+\b")
_SYMBOL = "(?:" + "|".join(sorted(map(re.escape, DAX), key=len, reverse=True)) + ")"
_INCLUDE = re.compile(r'^--8<-- "([^":]+)(?::\w+)?"$')


def line_pattern(example: str) -> re.Pattern:
    """A regular expression for the lines that the page's example line stands for."""
    parts, end = [], 0
    for token in _TOKEN.finditer(example):
        parts.append(re.escape(example[end:token.start()]))
        text = token.group()
        if "." in text:
            parts.append(r"\d+\.\d+")
        elif text[0].isdigit():
            parts.append(r"\d+")
        elif text in DAX:
            parts.append(_SYMBOL)
        else:
            parts.append(re.escape(text))
        end = token.end()
    parts.append(re.escape(example[end:]))
    return re.compile("".join(parts) + r"\Z")


@dataclass
class Promise:
    """The output block a page shows for one listing."""

    listing: str | None
    lines: list[str]

    @property
    def complete(self) -> bool:
        """A block without "…" shows the whole output of a run in the course's order."""
        return all(line.strip() != ELLIPSIS for line in self.lines)

    def check(self, output: str, exact: bool | None = None) -> None:
        """Fails unless `output` is what the block promises.

        Every printed line must have the form of a line in the block, and every form in the block
        must be printed. A complete block must match line for line (pass exact=False where the
        page itself says the values differ from run to run).
        """
        printed = output.rstrip("\n").splitlines()
        shown = [line for line in self.lines if line.strip() != ELLIPSIS]
        patterns = [line_pattern(line) for line in shown]
        strays = [line for line in printed if not any(p.match(line) for p in patterns)]
        assert not strays, f"{self.listing}: Zeilen, die die Seite nicht verspricht: {strays[:5]}\n{output}"
        missing = [line for line, p in zip(shown, patterns) if not any(p.match(x) for x in printed)]
        assert not missing, f"{self.listing}: Zeilen der Seite fehlen in der Ausgabe: {missing}\n{output}"
        if exact if exact is not None else self.complete:
            assert printed == shown, f"{self.listing}: die Seite zeigt\n{shown}\ngedruckt wurde\n{printed}"
        check_partitions(output, partitions=3)


def terminals(promise: Promise) -> list[Promise]:
    """A block that shows several terminals side by side ("Terminal 1   Terminal 2" on its first
    line), one Promise per terminal, cut where each heading starts."""
    heading, *rows = promise.lines
    starts = [match.start() for match in re.finditer(r"Terminal \d+", heading)]
    assert len(starts) >= 2, f"{promise.listing}: kein Block mit Terminals nebeneinander: {heading!r}"
    ends = starts[1:] + [None]
    return [Promise(promise.listing, [row[start:end].rstrip() for row in rows if row[start:end].strip()])
            for start, end in zip(starts, ends)]


def check_partitions(output: str, partitions: int) -> None:
    """Wherever a line names a share and its partition, kafka-python's murmur2 must agree."""
    for line in output.splitlines():
        symbol = re.search(rf"\b({_SYMBOL})\b", line)
        partition = re.search(r"Partition (\d+)\b", line)
        if symbol and partition:
            expected = (murmur2(symbol.group(1).encode("utf-8")) & 0x7FFFFFFF) % partitions
            assert int(partition.group(1)) == expected, f"{symbol.group(1)} gehört in Partition {expected}: {line}"


def promises(page: str) -> list[Promise]:
    """Every ```text block of a Praxis page (Markdown source), with the listing shown last before it."""
    listing, blocks, block = None, [], None
    for line in (PRAXIS / page).read_text(encoding="utf-8").splitlines():
        if block is not None:
            if line.strip() == "```":
                blocks.append(Promise(listing, block))
                block = None
            else:
                block.append(line)
            continue
        include = _INCLUDE.match(line.strip())
        if include:
            listing = include.group(1)
        elif line.strip() == "```text":
            block = []
    return blocks


def promise_for(page: str, listing: str, nth: int = 0) -> Promise:
    """The first (or nth) output block after `listing` on `page`; fails if the page shows none."""
    found = [promise for promise in promises(page) if promise.listing == listing]
    if len(found) > nth:
        return found[nth]
    raise AssertionError(f"{page} zeigt nach {listing} keine Ausgabe: was soll ein Lernender erwarten?")
