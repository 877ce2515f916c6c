"""What `make moodle`, `make bundle` and `make pdf` write, each made once per session by the same
command the Makefile runs (into a temporary folder instead of dist/)."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, f"{' '.join(args)} schlug fehl:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return proc


def require_assets() -> None:
    if not (ROOT / "docs" / "assets" / "kafkasim" / "manifest.json").exists():
        pytest.fail("Simulator-Assets fehlen: bitte über `make test` starten (baut sie vorher).")


@pytest.fixture(scope="session")
def moodle_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("quizfragen") / "quizfragen"
    run("classroom.moodle", "--out", str(out))
    return out


@pytest.fixture(scope="session")
def bundle_zip(tmp_path_factory) -> Path:
    require_assets()
    out = tmp_path_factory.mktemp("paket") / "kafka-kurs-klassenzimmer.zip"
    run("classroom.bundle", "--out", str(out))
    return out


@pytest.fixture(scope="session")
def course_pdf(tmp_path_factory) -> Path:
    require_assets()
    out = tmp_path_factory.mktemp("pdf") / "kafka-kurs.pdf"
    run("classroom.pdf", "--out", str(out))
    return out


# The course's quizzes read straight from the Markdown, independently of the exporter's parser.
@dataclass
class SourceQuiz:
    question: str
    answers: list[tuple[bool, str]]
    explanation: str


NAV_LINE = re.compile(r"^\s*-\s+(?:(?P<title>[^:]+?|\"[^\"]+\"):\s+)?(?P<src>[\w/.-]+\.md)\s*$")


def nav_pages() -> list[tuple[str, str]]:
    """(nav title, docs path) in the order of mkdocs.yml's nav; a section's index page gets the
    section's title."""
    pages, section, in_nav = [], "", False
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("nav:"):
            in_nav = True
            continue
        if not in_nav or not line.strip():
            continue
        head = re.match(r"^  - \"?([^:\"]+)\"?:\s*$", line)
        if head:
            section = head.group(1)
            continue
        match = NAV_LINE.match(line)
        if match:
            title = (match.group("title") or section).strip('"')
            if line.startswith("  - "):
                section = ""
            pages.append((title, match.group("src")))
    return pages


def source_quizzes(src: str) -> list[SourceQuiz]:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"<quiz>\n(.*?)</quiz>", text, re.S):
        lines = block.strip("\n").splitlines()
        first = next(i for i, line in enumerate(lines) if re.match(r"^[-*] \[[ xX]\] ", line))
        answers, i = [], first
        while i < len(lines) and re.match(r"^[-*] \[[ xX]\] ", lines[i]):
            answers.append((lines[i][3] in "xX", lines[i][6:]))
            i += 1
        found.append(SourceQuiz(" ".join(lines[:first]), answers, " ".join(lines[i:]).strip()))
    return found
