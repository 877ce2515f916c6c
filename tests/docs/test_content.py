"""Rules for the course's Markdown: tested listings, 4.x shell commands, simulator embeds, quizzes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.docs.listings import LISTINGS, SETUP
from tests.docs.sitetext import DOCS, ROOT

PAGES = sorted(p for p in DOCS.rglob("*.md") if p.relative_to(DOCS).parts[0] not in ("includes", "assets"))
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)
SNIPPET = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+)(?::[\w-]+)?"\s*$')
EMBED = re.compile(r'<div class="kafkasim" data-preset="(?P<preset>[\w-]+)"')
QUIZ = re.compile(r"<quiz>\n(?P<body>.*?)</quiz>", re.S)
# Pages that are reference material, not chapters: no quiz needed.
WITHOUT_QUIZ = {"theorie/index.md", "praxis/index.md", "abschluss/literatur.md",
                "abschluss/glossar.md", "abschluss/naechste-schritte.md", "fortschritt.md"}


def fences(lang: str):
    for page in PAGES:
        for fence in FENCE.finditer(page.read_text(encoding="utf-8")):
            if fence["lang"] == lang:
                yield page.relative_to(DOCS), fence["body"]


def python_includes() -> list[tuple[Path, str]]:
    found = []
    for page, body in fences("python"):
        lines = [line for line in body.splitlines() if line.strip()]
        match = SNIPPET.match(lines[0]) if len(lines) == 1 else None
        assert match, f"{page}: Python-Listing ohne Snippet-Include – Code gehört in eine getestete Datei:\n{body}"
        found.append((page, match["path"]))
    return found


def test_every_python_listing_is_included_from_a_file():
    includes = python_includes()
    assert len(includes) >= 12
    for page, path in includes:
        assert (ROOT / path).is_file(), f"{page}: {path} fehlt"


# What the listing tests (test_listings_kafka.py, test_listings_simulator.py) really run: each
# listing, after the setup scripts, against Kafka and in the simulator.
RUN_BY_THE_LISTING_TESTS = {listing.path for listing in LISTINGS} | set(SETUP)


def test_every_included_file_is_run_by_a_test():
    untested = sorted({path for _, path in python_includes()} - RUN_BY_THE_LISTING_TESTS)
    assert not untested, f"Listings, die kein Test ausführt (tests/docs/listings.py): {untested}"


def test_the_listing_tests_run_the_listings_they_name():
    """The set above is what the tests are parametrised with, not a copy of it."""
    from tests.docs import test_listings_kafka, test_listings_simulator

    for module, test in ((test_listings_kafka, "test_listing_runs_against_kafka"),
                         (test_listings_simulator, "test_listing_runs_in_the_simulator")):
        marks = [m for m in getattr(module, test).pytestmark if m.name == "parametrize"]
        assert [listing.path for listing in marks[0].args[1]] == [listing.path for listing in LISTINGS]
        assert module.SETUP is SETUP


def test_fence_scanner_catches_pasted_code(tmp_path):
    body = "print('eingefügt')\n"
    assert not SNIPPET.match(body.strip())
    assert SNIPPET.match('--8<-- "docs_src/boerse/schritt1_erster_kurs.py:code"')


# Mistakes that outdated Kafka material makes (shared/notes/anchors.md).
OUTDATED = {
    "config/kraft": "In Kafka 4.x liegen die Dateien in config/.",
    "zookeeper": "ZooKeeper gibt es in Kafka 4.x nicht mehr.",
    "--property ": "Ab Kafka 4.2: --reader-property bzw. --formatter-property.",
    "NoBrokersAvailable": "Gibt es in kafka-python 3 nicht mehr.",
}


@pytest.mark.parametrize("lang", ["bash", "powershell", "properties", "text"])
def test_shell_commands_are_right_for_kafka_4(lang):
    for page, body in fences(lang):
        for bad, why in OUTDATED.items():
            assert bad not in body.lower() if bad == "zookeeper" else bad not in body, \
                f"{page}: „{bad}“ im Befehl – {why}"


def test_quick_start_matches_the_4x_commands():
    facts = [
        'KAFKA_CLUSTER_ID="$(bin/kafka-storage.sh random-uuid)"',
        "bin/kafka-storage.sh format --standalone -t $KAFKA_CLUSTER_ID -c config/server.properties",
        "bin/kafka-server-start.sh config/server.properties",
        "bin/kafka-topics.sh --create --topic quickstart-events --bootstrap-server localhost:9092",
        "bin/kafka-console-producer.sh --topic quickstart-events --bootstrap-server localhost:9092",
        "bin/kafka-console-consumer.sh --topic quickstart-events --from-beginning --bootstrap-server localhost:9092",
    ]
    commands = {line.strip() for page, body in fences("bash") if str(page) == "installation.md"
                for line in body.splitlines()}
    missing = [line for line in facts if line not in commands]
    assert not missing, f"Schnellstart weicht von Kafka 4.x ab: {missing}"
    assert "make kafka" in commands


def test_every_concept_page_embeds_its_simulator():
    """Which presets exist and that each is embedded: tests/web/test_presets.py (from presets.js)."""
    for page in sorted((DOCS / "theorie").glob("*.md")):
        if page.name == "index.md":
            continue
        assert EMBED.search(page.read_text(encoding="utf-8")), f"{page.name}: kein Simulator eingebettet"


def quizzes(page: Path) -> list[str]:
    return [m["body"] for m in QUIZ.finditer(page.read_text(encoding="utf-8"))]


def test_every_chapter_ends_with_a_quiz_with_explanations():
    for page in PAGES:
        rel = str(page.relative_to(DOCS))
        if rel in WITHOUT_QUIZ:
            continue
        found = quizzes(page)
        assert len(found) >= 2, f"{rel}: weniger als zwei Quizfragen"
        text = page.read_text(encoding="utf-8")
        assert "<!-- mkdocs-quiz intro -->" in text and "<!-- mkdocs-quiz results -->" in text, \
            f"{rel}: Quiz ohne Einleitung (Zurücksetzen) oder Ergebnisfeld"
        for body in found:
            answers = re.findall(r"^- \[([ x])\] ", body, re.M)
            assert "x" in answers and " " in answers, f"{rel}: Quiz ohne richtige oder falsche Antwort:\n{body}"
            explanation = body.split("\n\n", 1)[1].strip() if "\n\n" in body else ""
            assert len(explanation) > 40, f"{rel}: Quiz ohne Erklärung:\n{body}"


def test_bibliography_keeps_the_original_numbers():
    text = (DOCS / "abschluss" / "literatur.md").read_text(encoding="utf-8")
    for number in range(1, 13):
        assert f"[{number}] " in text and f"{{ #quelle-{number} }}" in text
    assert "2. Aufl." in text and "2025" in text  # Zelenin/Kropp, second edition
    cited = {int(n) for page in PAGES for n in re.findall(r"\[\[(\d+)\]\]\[q\1\]", page.read_text(encoding="utf-8"))}
    assert set(range(1, 13)) <= cited, f"nie zitiert: {set(range(1, 13)) - cited}"


def test_listing_lines_fit_the_code_block():
    """Lines past ~90 characters scroll sideways in the page and hide the code annotations."""
    long_lines = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "docs_src").rglob("*.py"))
                  for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if len(line) > 90]
    assert not long_lines, f"zu lange Zeilen: {long_lines}"


def test_partition_numbers_in_the_text_are_what_murmur2_gives():
    """The key → partition table and the Börse's sample output agree with kafka-python's partitioner."""
    from tests.docs.listings import partition_for

    table = re.findall(r"^\| `([A-Z]{3})` \| (\d) \| (\d) \|$",
                       (DOCS / "theorie" / "topics-partitionen.md").read_text(encoding="utf-8"), re.M)
    assert len(table) == 6
    for symbol, of_three, of_four in table:
        assert (int(of_three), int(of_four)) == (partition_for(symbol, 3), partition_for(symbol, 4)), symbol
    sample = re.findall(r"^([A-Z]{3}) -> Partition (\d), Offset \d+$",
                        (DOCS / "praxis" / "boerse.md").read_text(encoding="utf-8"), re.M)
    assert len(sample) == 6
    for symbol, partition in sample:
        assert int(partition) == partition_for(symbol, 3), symbol


def test_quiz_texts_address_the_reader_formally(built_site):
    """mkdocs-quiz's German locale says "du"; docs_src/quiz/de.po replaces it with the course's "Sie"."""
    html = (built_site / "theorie" / "consumer" / "index.html").read_text(encoding="utf-8")
    assert "Möchten Sie das Quiz wirklich zurücksetzen?" in html
    assert not re.search(r"\b(du|Du|dein|deinen)\b", html.split("mkdocsQuizTranslations", 1)[-1][:4000])


def test_the_right_answer_has_no_favourite_position():
    """Without JavaScript (or in print) the answers keep the Markdown order: the right one must not
    give itself away by its place. No position holds more than 40 % of the single-choice answers."""
    from collections import Counter

    positions = Counter()
    for page in PAGES:
        for body in quizzes(page):
            answers = re.findall(r"^- \[([ x])\] ", body, re.M)
            if answers.count("x") == 1:
                positions[answers.index("x")] += 1
    total = sum(positions.values())
    assert total >= 30
    assert max(positions.values()) <= 0.4 * total, f"Position der richtigen Antwort: {dict(positions)}"
