"""The course's local path on a real broker, in the order the Praxis pages give it.

A learner starts a broker, works through the Börse page (Schritt 0 to 3, then the finished
Börse), then the Aktionär*innen page, where every step runs with a Börse sending in a terminal
of its own. Each script runs as a process as `python datei.py` would run it; each must end
without a traceback and print what its page shows. Ctrl+C is SIGINT, as a terminal sends it; the
page's `bin/kafka-*.sh` lines run with the Kafka tools. The broker starts fresh for the course: no
topic `aktienkurse` and no groups from earlier runs.
"""

from __future__ import annotations

import re
import shlex
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.backend.helpers import RunningCli
from tests.backend.kafka_tools import Admin, read_topic
from tests.docs.test_shell_commands import TOOL_CLASSES
from tests.journeys.promised_output import PRAXIS, Promise, promise_for, terminals

# The page's own waits add up to about five minutes (a 45 s session timeout, 20 s and 30 s readers,
# each beside a ten-second Börse); the suite's 300 s limit would cut it short on a busy machine.
pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]

BOERSE, AKTIONAERE = "boerse.md", "aktionaere.md"
LAB_BOERSE = "backend/labs/boerse_producer.py"
MAKE_BOERSE = "backend.boerse"  # what `make boerse` runs: it sends until Strg+C
ANNA = "docs_src/theorie/eigene_aktien.py"
MEMBER = "docs_src/aktionaere/gruppen_mitglied.py"
KURSALARM = "backend/labs/kursalarm_dienst.py"
COURSE_GROUPS = ["depot-anna", "depot-ben", "kursalarm"]
MEMBER_LINE = re.compile(r"^Mir gehören jetzt die Partitionen \[([\d, ]*)\]\.$")
MEMBER_RECORD = re.compile(r"^  Partition (\d+), Offset (\d+): ")
TAKEN = re.compile(r"^Übernommen: \[([\d, ]*)\]$")
BOERSE_ACK = re.compile(r"-> Partition (\d+), Offset (\d+)$")
SESSION_TIMEOUT_S = 45  # kafka-python's session_timeout_ms, which the page names


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

    def ctrl_c(self) -> None:
        self.process.send_signal(signal.SIGINT)

    def matching(self, pattern: re.Pattern) -> list[str]:
        return [match.group(1) for match in map(pattern.match, self.lines) if match]


def page_command(page: str, *parts: str) -> str:
    """The page's own `bin/…` line that contains every one of `parts`."""
    text = (PRAXIS / page).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()
             if line.strip().startswith("bin/") and all(part in line for part in parts)]
    assert len(lines) == 1, f"{page}: {parts} → {lines}"
    return lines[0]


def run_tool(line: str, bootstrap: str) -> subprocess.CompletedProcess:
    """A `bin/kafka-*.sh` line as its script would run it (tests/docs/test_shell_commands.py)."""
    from backend.kafka_dist import distribution

    script, *args = shlex.split(line.replace("localhost:9092", bootstrap))
    argv = distribution().java_tool_command(TOOL_CLASSES[Path(script).name], args, ["-Xmx256m"])
    return subprocess.run(argv, capture_output=True, text=True, timeout=120)


def test_the_course_runs_locally_in_the_order_of_its_pages(kafka, tmp_path):
    bootstrap = kafka.bootstrap
    fresh_course_state(bootstrap)
    opened: list[RunningCli] = []

    def terminal(listing: str) -> Terminal:
        opened.append(Terminal(listing, bootstrap))
        return opened[-1]

    def make_boerse() -> RunningCli:
        opened.append(RunningCli(MAKE_BOERSE, bootstrap=bootstrap))
        return opened[-1]

    def run(listing: str) -> str:
        return terminal(listing).output()

    try:
        # --- Producer-Praxis: die Börse -----------------------------------------------------------
        for listing in ("backend/labs/topic_anlegen.py", "docs_src/boerse/schritt1_erster_kurs.py",
                        "docs_src/boerse/schritt2_serialisierer.py", "docs_src/boerse/schritt3_callbacks.py"):
            promise_for(BOERSE, listing).check(run(listing))
        # The finished Börse: prices are random, the page shows one possible run.
        promise_for(BOERSE, LAB_BOERSE).check(run(LAB_BOERSE))

        # --- Consumer-Praxis: die Aktionär*innen, the Börse running beside each step ----------------
        for listing in ("docs_src/aktionaere/schritt1_ohne_gruppe.py", "backend/labs/aktionaer_consumer.py", ANNA):
            boerse, reader = terminal(LAB_BOERSE), terminal(listing)
            promise_for(AKTIONAERE, listing).check(reader.output())
            boerse.output()
        bens_depot_reads_every_price_of_his_shares_from_the_start(bootstrap, tmp_path, terminal)

        instances_share_the_group_and_ctrl_c_leaves_a_member_behind(bootstrap, terminal, make_boerse)
        the_finished_service_after_resetting_its_offsets(bootstrap, terminal, make_boerse)
    finally:
        for each in opened:
            each.kill()


def bens_depot_reads_every_price_of_his_shares_from_the_start(bootstrap, tmp_path, terminal) -> None:
    """Schritt 3: "Kopieren Sie das Skript, setzen Sie MEINE_AKTIEN = {"SIE", "BAS"} und
    group_id="depot-ben" und starten Sie es" – a new group starts at the beginning."""
    source = (PRAXIS.parents[1] / ANNA).read_text(encoding="utf-8")
    bens = source.replace('MEINE_AKTIEN = {"SAP", "BMW"}', 'MEINE_AKTIEN = {"SIE", "BAS"}')
    bens = bens.replace('group_id="depot-anna"', 'group_id="depot-ben"')
    assert bens.count("SIE") == 1 and "depot-ben" in bens, "Die Seite nennt Zeilen, die das Skript nicht hat."
    (tmp_path / "bens_depot.py").write_text(bens, encoding="utf-8")
    shown = terminal(str(tmp_path / "bens_depot.py")).output()
    prices = re.findall(r"^(SIE|BAS): [\d.]+ EUR$", shown, re.M)
    expected = [record.key.decode() for record in read_topic(bootstrap, "aktienkurse")
                if record.key in (b"SIE", b"BAS")]
    assert sorted(prices) == sorted(expected) and shown.endswith(f"{len(expected)} Kurse der eigenen Aktien angezeigt.\n"), shown


def instances_share_the_group_and_ctrl_c_leaves_a_member_behind(bootstrap, terminal, make_boerse) -> None:
    """Schritt 4: two instances under `make boerse`; Strg+C on one skips close(), and the other takes
    over only when the session has timed out."""
    boerse = make_boerse()
    first = terminal(MEMBER)
    first.wait_for(lambda lines: first.matching(MEMBER_LINE), 60, "the first member's partitions")
    assert first.matching(MEMBER_LINE)[0] == "0, 1, 2", first.lines[:3]
    second = terminal(MEMBER)
    second.wait_for(lambda lines: second.matching(MEMBER_LINE), 60, "the second member's partitions")
    first.wait_for(lambda lines: len(first.matching(MEMBER_LINE)) >= 2, 60, "the first member's new partitions")
    shares = [set(map(int, member.matching(MEMBER_LINE)[-1].split(", "))) for member in (first, second)]
    assert sorted(map(len, shares)) == [1, 2] and shares[0] | shares[1] == {0, 1, 2}, shares

    second.ctrl_c()
    stopped = time.monotonic()
    try:
        second.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        # Twice in the runs of 2026-12-03 the first Strg+C did not end the instance within 30 s (not
        # yet understood); a learner presses it again. Its exit is still checked, bounded, below.
        second.ctrl_c()
        stopped = time.monotonic()
    assert second.finish(timeout=30) != 0 and second.errors[-1] == "KeyboardInterrupt", second.errors[-3:]
    # "Die Gruppe hat noch zwei Mitglieder, obwohl eines längst beendet ist."
    members = run_tool(page_command(AKTIONAERE, "--describe", "--group kursalarm", "--members"), bootstrap)
    assert members.returncode == 0, members.stderr
    rows = [line for line in members.stdout.splitlines() if line.startswith("kursalarm ")]
    assert len(rows) == 2, members.stdout
    assert time.monotonic() - stopped < SESSION_TIMEOUT_S - 10, "the tool took too long to tell"
    # "… erst dann meldet das verbliebene Mitglied `Mir gehören jetzt die Partitionen [0, 1, 2].`"
    first.wait_for(lambda lines: first.matching(MEMBER_LINE)[-1] == "0, 1, 2", SESSION_TIMEOUT_S + 30,
                   "the takeover after the session timeout")
    waited = time.monotonic() - stopped
    assert SESSION_TIMEOUT_S - 10 < waited < SESSION_TIMEOUT_S + 30, f"übernommen nach {waited:.0f} s"

    boerse.process.send_signal(signal.SIGINT)  # Strg+C: the remaining member ends 30 s later, by itself
    assert boerse.finish(timeout=30) == 0, boerse.errors
    # Every price the Börse sent appears in exactly one terminal (the second one's until Strg+C).
    read = [[tuple(map(int, m.groups())) for m in map(MEMBER_RECORD.match, member.lines) if m]
            for member in (first, second)]
    first_output = first.output()
    sent = {tuple(map(int, m.groups())) for m in map(BOERSE_ACK.search, boerse.lines) if m}
    assert sent and sent <= set(read[0]) | set(read[1]), sorted(sent - set(read[0]) - set(read[1]))
    assert all(len(r) == len(set(r)) for r in read)
    # Which member gets which partitions is chance (the page says so): both columns, both terminals.
    left, right = terminals(promise_for(AKTIONAERE, MEMBER))
    Promise(MEMBER, left.lines + right.lines).check(first_output + "\n".join(second.lines) + "\n")


def the_finished_service_after_resetting_its_offsets(bootstrap, terminal, make_boerse) -> None:
    """Schritt 5: reset the group's offsets, one instance beside the Börse, then two under
    `make boerse`, the second ended with Strg+C: this time the first takes over at once."""
    reset = run_tool(page_command(AKTIONAERE, "--group kursalarm", "--reset-offsets", "--execute"), bootstrap)
    assert reset.returncode == 0 and re.search(r"^kursalarm\s+aktienkurse\s+0\s+0\s*$", reset.stdout, re.M), \
        reset.stdout + reset.stderr

    boerse, alone = terminal(LAB_BOERSE), terminal(KURSALARM)
    promise_for(AKTIONAERE, KURSALARM).check(alone.output())
    boerse.output()

    boerse = make_boerse()
    first = terminal(KURSALARM)
    first.wait_for(lambda lines: first.matching(TAKEN), 60, "the first instance's partitions")
    second = terminal(KURSALARM)
    second.wait_for(lambda lines: second.matching(TAKEN), 60, "the second instance's partitions")
    first.wait_for(lambda lines: len(first.matching(TAKEN)) >= 2, 60, "the first instance's new partitions")
    second.ctrl_c()
    stopped = time.monotonic()
    first.wait_for(lambda lines: len(first.matching(TAKEN)) >= 3, 30, "the takeover")
    assert first.matching(TAKEN)[-1] == "0, 1, 2" and time.monotonic() - stopped < 15, first.lines
    second_output = second.output(timeout=30)  # Strg+C ends it with a message, no traceback
    assert second_output.endswith("Mit Strg+C beendet.\nKursalarm-Instanz beendet, Gruppe verlassen.\n")
    first_output = first.output(timeout=60)
    boerse.process.send_signal(signal.SIGINT)
    assert boerse.finish(timeout=30) == 0, boerse.errors
    # "Ohne die Kursalarme dazwischen sieht das etwa so aus" – in either order of the shares.
    left, right = terminals(promise_for(AKTIONAERE, KURSALARM, nth=1))
    without_alarms = "".join(line + "\n" for line in (first_output + second_output).splitlines()
                             if not line.startswith("Kursalarm: "))
    Promise(KURSALARM, left.lines + right.lines).check(without_alarms, exact=False)
