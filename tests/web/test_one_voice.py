"""One voice: every text the simulator shows – labels, states, messages, the event log's narration –
is German with the course's terms (Datensatz, Schlüssel, Wert, Gruppen-Koordinator, Aufbewahrung,
Kompaktierung, Rebalancing), addresses the reader with "Sie", and counts without "(en)" shortcuts.
The scan reads the strings the page and the narration are built from, not their comments."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "simulator" / "web" / "src"
NARRATION = ROOT / "simulator" / "kafkasim" / "events" / "narration.py"
SIMULATOR = ROOT / "simulator" / "kafkasim"
# Files whose learner-visible texts are the real broker's English (the parity corpus compares them).
KAFKAS_OWN_WORDS = {"topic_config_table.py"}

# English words a learner would otherwise read, and the course's German for them.
ENGLISH = {
    r"\bRecords?\b": "Datensatz / Datensätze",
    r"\bKeys?\b": "Schlüssel",
    r"\bValues?\b": "Wert",
    r"\bGroup Coordinator\b": "Gruppen-Koordinator",
    r"\bRetention\b": "Aufbewahrung",
    r"\b(Log-)?Compaction\b": "Kompaktierung",
    r"\b[Ee]inen Rebalance\b|\bRebalance\b(?!-)": "Rebalancing",
    r"\bMember-ID\b": "Mitglieds-ID",
}
INFORMAL = r"\b(?:du|dich|dir|dein\w*|Du|Dich|Dir|Dein\w*)\b"
# "Partition(en)", "Record(s)", "Replikat(e)": the number is known, so the word can agree with it.
PLURAL_SHORTCUT = r"\w\((?:en|n|e|s|ern)\)"

REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}


def js_literals(source: str):
    """(line, text) of every string literal and every template literal's text parts, found by a
    small scanner that knows comments, regular expressions and nested `${…}`."""
    out, i, n = [], 0, len(source)
    stack = []  # open template literals: the brace depth inside each ${…}
    last = ""  # the last significant character of code, to tell a regex from a division
    def line(at):
        return source.count("\n", 0, at) + 1
    def template(i):
        # Reads a template's text from i up to its end or its next ${; returns (index, text, opened).
        start, parts = i, []
        while i < n:
            c = source[i]
            if c == "\\":
                parts.append(source[i:i + 2]); i += 2; continue
            if c == "`":
                return i + 1, "".join(parts), False, start
            if c == "$" and source[i + 1:i + 2] == "{":
                return i + 2, "".join(parts), True, start
            parts.append(c); i += 1
        return i, "".join(parts), False, start
    pieces = {}  # a template's pieces, joined into one message with a space for each ${…}
    while i < n:
        c = source[i]
        if c in " \t\r\n":
            i += 1; continue
        if source.startswith("//", i):
            i = source.find("\n", i); i = n if i < 0 else i; continue
        if source.startswith("/*", i):
            i = source.find("*/", i + 2) + 2; i = n if i < 2 else i; continue
        if c in "'\"":
            j, buf = i + 1, []
            while j < n and source[j] != c and source[j] != "\n":
                if source[j] == "\\":
                    buf.append(source[j + 1]); j += 2; continue
                buf.append(source[j]); j += 1
            out.append((line(i), "".join(buf), False)); i, last = j + 1, "a"; continue
        if c == "/" and last in REGEX_BEFORE:
            j, in_class = i + 1, False
            while j < n and source[j] != "\n":
                if source[j] == "\\":
                    j += 2; continue
                if source[j] == "[": in_class = True
                elif source[j] == "]": in_class = False
                elif source[j] == "/" and not in_class: break
                j += 1
            i, last = j + 1, "a"; continue
        if c == "`":
            i, text, opened, at = template(i + 1)
            key = len(stack)
            pieces[key] = ([text], line(at))
            if opened: stack.append(0)
            else: out.append((pieces[key][1], " ".join(pieces.pop(key)[0]), True))
            last = "a"; continue
        if stack:
            if c == "{":
                stack[-1] += 1
            elif c == "}":
                if stack[-1] == 0:
                    stack.pop()
                    key = len(stack)
                    i, text, opened, _ = template(i + 1)
                    pieces[key][0].append(text)
                    if opened: stack.append(0)
                    else: out.append((pieces[key][1], " ".join(pieces.pop(key)[0]), True))
                    last = "a"; continue
                stack[-1] -= 1
        last = c if not (c.isalnum() or c in "_$") else "a"
        i += 1
    return out


def js_strings(path: Path):
    # Every literal with a word in it; the patterns below are specific enough that code strings
    # ("running", "key", class names) do not match them.
    for lineno, text, _ in js_literals(path.read_text("utf-8")):
        if re.search(r"[A-Za-zÄÖÜäöüß]{2,}", text):
            yield lineno, text


def python_strings(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if " " in node.value.strip():
                yield node.lineno, node.value


def ui_strings():
    for path in sorted(WEB.rglob("*.js")):
        for line, text in js_strings(path):
            yield f"{path.relative_to(ROOT)}:{line}", text
    for line, text in python_strings(NARRATION):
        yield f"{NARRATION.relative_to(ROOT)}:{line}", text


def simulator_messages():
    """The simulator's own German messages – errors the brokers answer with, the runner's
    explanations – which a learner reads in the event log and under a failed run."""
    for path in sorted(SIMULATOR.rglob("*.py")):
        if path.name in KAFKAS_OWN_WORDS:
            continue
        for line, text in python_strings(path):
            # German texts only: Kafka's and kafka-python's English messages are kept verbatim.
            if re.search(r"[äöüß]|\b(?:der|die|das|nicht|ein|eine|keine|Sie)\b", text):
                yield f"{path.relative_to(ROOT)}:{line}", text


def test_the_scan_sees_the_texts_a_learner_reads():
    texts = [text for _, text in ui_strings()]
    assert any("Als Tabelle anzeigen" in t for t in texts)
    assert any("ist abgestürzt" in t for t in texts)
    assert len(texts) > 200, len(texts)


@pytest.mark.parametrize("pattern,german", list(ENGLISH.items()), ids=list(ENGLISH.values()))
def test_no_english_word_where_the_course_has_a_german_one(pattern, german):
    found = [(where, text) for where, text in ui_strings() if re.search(pattern, text)]
    assert found == [], f"statt {pattern}: {german}\n" + "\n".join(f"{w}: {t}" for w, t in found)


def test_the_simulators_messages_use_the_course_terms():
    texts = list(simulator_messages())
    assert any("ISR" in t for _, t in texts), len(texts)
    found = [(where, text) for where, text in texts for pattern in ENGLISH if re.search(pattern, text)]
    assert found == [], "\n".join(f"{w}: {t} (statt {p}: {ENGLISH[p]})" for w, t in found
                                   for p in ENGLISH if re.search(p, t))


def test_the_reader_is_addressed_with_sie():
    found = [(where, text) for where, text in ui_strings() if re.search(INFORMAL, text)]
    assert found == [], "\n".join(f"{w}: {t}" for w, t in found)


def test_counts_agree_with_their_number():
    found = [(where, text) for where, text in ui_strings() if re.search(PLURAL_SHORTCUT, text)]
    assert found == [], "\n".join(f"{w}: {t}" for w, t in found)


def test_chart_numbers_are_formatted_in_german():
    charts = (WEB / "ui" / "charts.js").read_text("utf-8")
    assert "de-DE" in charts
    assert ".toFixed(" not in charts
