"""The course's local path on a real broker, in the order the Praxis pages give it.

A learner starts a broker, works through the Börse page (Schritt 0 to 3, then the finished
Börse), then the Aktionär*innen page, where every step runs with the Börse sending in a terminal
of its own. Each script runs as a process as `python datei.py` would run it; each must end
without a traceback and print what its page shows. The broker starts fresh for the course: no
topic `aktienkurse` and no groups from earlier runs.
"""

from __future__ import annotations

import re
import signal

import pytest

from tests.backend.helpers import RunningCli
from tests.backend.kafka_tools import Admin
from tests.journeys.promised_output import promise_for

pytestmark = pytest.mark.kafka

BOERSE, AKTIONAERE = "boerse.md", "aktionaere.md"
LAB_BOERSE = "backend/labs/boerse_producer.py"
COURSE_GROUPS = ["depot", "kursalarm"]
MEMBER_LINE = re.compile(r"^Mir gehören jetzt die Partitionen \[([\d, ]*)\]\.$")
MEMBER_RECORD = re.compile(r"^  Partition (\d+), Offset (\d+): ")
BOERSE_ACK = re.compile(r"-> Partition (\d+), Offset (\d+)$")


def fresh_course_state(bootstrap: str) -> None:
    with Admin(bootstrap) as admin:
        admin.remove_topic("aktienkurse")
        # A broker on which no group ever committed has no coordinator to ask yet.
        known = {group["group_id"] for group in admin.client.list_groups()}
        stale = [group for group in COURSE_GROUPS if group in known]
        results = admin.client.delete_groups(stale) if stale else {}
        assert set(results.values()) <= {"OK", "GroupIdNotFoundError"}, f"Gruppen nicht gelöscht: {results}"


class Terminal(RunningCli):
    """One of the learner's terminals: `python <listing>` from the course's folder."""

    def __init__(self, listing: str, bootstrap: str):
        super().__init__(listing, bootstrap=bootstrap)
        self.listing = listing

    def output(self, timeout: float = 90) -> str:
        """Waits for the script to end by itself; fails on an exit code or anything on stderr."""
        code = self.finish(timeout=timeout)
        assert code == 0 and not self.errors, (
            f"{self.listing} endete mit {code}:\n" + "\n".join(self.lines[-10:] + self.errors[-30:]))
        return "\n".join(self.lines) + "\n"


def run(listing: str, bootstrap: str) -> str:
    terminal = Terminal(listing, bootstrap)
    try:
        return terminal.output()
    finally:
        terminal.kill()


def test_the_course_runs_locally_in_the_order_of_its_pages(kafka):
    bootstrap = kafka.bootstrap
    fresh_course_state(bootstrap)
    terminals: list[Terminal] = []

    def terminal(listing: str) -> Terminal:
        terminals.append(Terminal(listing, bootstrap))
        return terminals[-1]

    try:
        # --- Producer-Praxis: die Börse -----------------------------------------------------------
        for listing in ("backend/labs/topic_anlegen.py", "docs_src/boerse/schritt1_erster_kurs.py",
                        "docs_src/boerse/schritt2_serialisierer.py", "docs_src/boerse/schritt3_callbacks.py"):
            promise_for(BOERSE, listing).check(run(listing, bootstrap))
        # The finished Börse: prices are random, the page shows one possible run.
        promise_for(BOERSE, LAB_BOERSE).check(run(LAB_BOERSE, bootstrap))

        # --- Consumer-Praxis: die Aktionär*innen, the Börse running beside each step ----------------
        boerse = terminal(LAB_BOERSE)
        reader = terminal("docs_src/aktionaere/schritt1_ohne_gruppe.py")
        promise_for(AKTIONAERE, reader.listing).check(reader.output())
        boerse.output()

        boerse = terminal(LAB_BOERSE)
        depot = terminal("backend/labs/aktionaer_consumer.py")
        promise_for(AKTIONAERE, depot.listing).check(depot.output())
        boerse.output()

        two_members_share_the_group(bootstrap, terminal)

        boerse = terminal(LAB_BOERSE)
        alarm = terminal("docs_src/aktionaere/kursalarm.py")
        depot = terminal("backend/labs/aktionaer_consumer.py")
        promise_for(AKTIONAERE, alarm.listing).check(alarm.output())
        promise_for(AKTIONAERE, depot.listing).check(depot.output())
        boerse.output()
    finally:
        for each in terminals:
            each.kill()


def two_members_share_the_group(bootstrap, terminal) -> None:
    """Schritt 3: `make boerse` sends until Strg+C; two members of `depot` start one after the other."""
    boerse = RunningCli("backend.boerse", bootstrap=bootstrap)
    try:
        first = terminal("docs_src/aktionaere/gruppen_mitglied.py")
        first.wait_for(lambda lines: any(MEMBER_LINE.match(line) for line in lines), 60, "the first member's partitions")
        assert MEMBER_LINE.match(first.lines[0]).group(1) == "0, 1, 2", first.lines[:3]
        second = terminal("docs_src/aktionaere/gruppen_mitglied.py")

        def assignments(member):
            return [MEMBER_LINE.match(line).group(1) for line in member.lines if MEMBER_LINE.match(line)]

        second.wait_for(lambda lines: assignments(second), 60, "the second member's partitions")
        first.wait_for(lambda lines: len(assignments(first)) >= 2, 60, "the first member's new partitions")
        boerse.process.send_signal(signal.SIGINT)  # Strg+C
        assert boerse.finish(timeout=30) == 0, boerse.errors
        first.output(), second.output()
    finally:
        boerse.kill()
    # Three partitions on two members: two and one, none shared.
    mine = [set(map(int, assignments(member)[-1].split(", "))) for member in (first, second)]
    assert sorted(map(len, mine)) == [1, 2] and mine[0] | mine[1] == {0, 1, 2}, mine
    # Every price of the Börse appears in exactly one terminal.
    read = [[tuple(map(int, m.groups())) for m in map(MEMBER_RECORD.match, member.lines) if m]
            for member in (first, second)]
    sent = {tuple(map(int, m.groups())) for m in map(BOERSE_ACK.search, boerse.lines) if m}
    assert sent and sent <= set(read[0]) | set(read[1]), sorted(sent - set(read[0]) - set(read[1]))
    assert not set(read[0]) & set(read[1]) and all(len(r) == len(set(r)) for r in read)
