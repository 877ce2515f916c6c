"""The simulator speaks to the learner as the course does: "Sie", never "du".

Two checks: scripts a learner writes that end in an explained error (the German explanation is
what the page shows), and every German text in the simulator's sources, so that a new message
cannot bring "du" back.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kafkasim import Cluster

ROOT = Path(__file__).resolve().parents[2]
SIMULATOR = ROOT / "simulator" / "kafkasim"
PAGE = ROOT / "simulator" / "web" / "src"

# "du" and its forms, and the imperative singular of the verbs the messages use ("Wähle",
# "Starte" …): the formal imperative is "Wählen Sie", "Starten Sie".
PRONOUNS = r"du|dich|dir|dein|deine|deinen|deinem|deiner|deines"
IMPERATIVES = (r"wähle|starte|nimm|setze|senke|fange|lösche|prüfe|gib|sende|füge|lass|versuche|öffne|"
               r"trage|ändere|achte|schreibe|rufe|benutze|verwende|lege|klicke|drücke|warte|erhöhe|"
               r"hole|lies|sieh|mach|mache|schließe|entferne|erstelle|nutze|stelle|wiederhole|probiere")
INFORMAL = re.compile(rf"\b(?:{PRONOUNS})\b|\b(?:{IMPERATIVES})\b(?!\s+Sie\b)", re.IGNORECASE)
# English text (kafka-python's own messages, quoted verbatim) is not addressed to anyone.
GERMAN = re.compile(r"[äöüß]|\b(?:der|die|das|und|nicht|ist|gibt|Sie)\b")


def informal(text: str) -> list[str]:
    return INFORMAL.findall(text)


def test_the_detector_tells_du_from_sie():
    assert informal("Wähle einen anderen Namen oder lösche das alte Topic zuerst.") == ["Wähle", "lösche"]
    assert informal("Starte ausgefallene Broker neu.") == ["Starte"]
    assert not informal("Wählen Sie einen anderen Namen oder löschen Sie das alte Topic zuerst.")
    assert not informal("Starten Sie ausgefallene Broker neu.")


SCRIPTS = {
    "Topic doppelt anlegen": (None, """
from kafka.admin import KafkaAdminClient, NewTopic
admin = KafkaAdminClient(bootstrap_servers="localhost:9092")
admin.create_topics([NewTopic("aktienkurse", num_partitions=3, replication_factor=1)])
"""),
    "acks=all ohne genug Replikate": ("min-isr", """
from kafka import KafkaProducer
producer = KafkaProducer(bootstrap_servers="localhost:9092", acks="all", retries=0)
producer.send("sicher", b"231.50").get(timeout=10)
"""),
    "kein Offset und auto_offset_reset=none": (None, """
from kafka import KafkaConsumer
consumer = KafkaConsumer("aktienkurse", group_id="neu", auto_offset_reset="none")
consumer.poll(timeout_ms=2000)
consumer.poll(timeout_ms=2000)
"""),
    "Serializer bekommt None": (None, """
from kafka import KafkaProducer
producer = KafkaProducer(bootstrap_servers="localhost:9092", key_serializer=str.encode,
                         value_serializer=str.encode)
producer.send("aktienkurse", value="231.50").get(timeout=10)
"""),
    "commit ohne Gruppe": (None, """
from kafka import KafkaConsumer
consumer = KafkaConsumer("aktienkurse")
consumer.commit()
"""),
    "kein Broker erreichbar": ("all-down", """
from kafka import KafkaProducer
KafkaProducer(bootstrap_servers="localhost:9092")
"""),
    "nicht simulierte Funktion": (None, """
from kafka.admin import KafkaAdminClient
KafkaAdminClient(bootstrap_servers="localhost:9092").create_acls([])
"""),
    "eager und cooperative gemischt": (None, """
from kafka import KafkaConsumer
from kafka.coordinator.assignors.range import RangePartitionAssignor
from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor
KafkaConsumer("aktienkurse", group_id="depot",
              partition_assignment_strategy=[RangePartitionAssignor, CooperativeStickyAssignor])
"""),
    "input()": (None, "symbol = input('Aktie? ')\n"),
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_explained_errors_address_the_learner_formally(name):
    setup, source = SCRIPTS[name]
    cluster = Cluster(brokers=3, seed=1)
    cluster.create_topic("aktienkurse", partitions=3, replication_factor=1)
    if setup == "min-isr":
        cluster.create_topic("sicher", partitions=1, replication_factor=3, config={"min.insync.replicas": 3})
        cluster.advance(1_000)
        cluster.crash_broker(cluster.partition("sicher", 0).replicas[-1])
        cluster.advance(30_000)
    if setup == "all-down":
        for broker in (1, 2, 3):
            cluster.crash_broker(broker)
    result = cluster.run_script(source, time_budget_ms=120_000)
    assert result.error, f"{name}: das Skript lief ohne Fehler durch"
    assert not informal(result.error), f"{name}: {result.error}"


def german_texts_in_python(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value for v in node.values
                                       if isinstance(v, ast.Constant) and isinstance(v.value, str))


JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`')


def german_texts_in_js(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("//"):
            continue
        for match in JS_STRING.finditer(line):
            yield number, match.group()[1:-1]


def test_no_text_in_the_simulator_says_du():
    found = []
    for path in sorted([*SIMULATOR.rglob("*.py"), *PAGE.rglob("*.py")]):
        for line, text in german_texts_in_python(path):
            if GERMAN.search(text) and informal(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {informal(text)} in {text[:90]!r}")
    for path in sorted(PAGE.rglob("*.js")):
        for line, text in german_texts_in_js(path):
            if GERMAN.search(text) and informal(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {informal(text)} in {text[:90]!r}")
    assert not found, "Texte mit „du“:\n" + "\n".join(found)
