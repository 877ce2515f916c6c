"""The course's lab scripts, exactly as the pages include them, against the real broker."""
import re

import pytest

from tests.backend.helpers import PROJECT_ROOT, RunningCli
from tests.backend.kafka_tools import Admin

pytestmark = pytest.mark.kafka

LABS = PROJECT_ROOT / "backend" / "labs"
SENT = re.compile(r"^(\w+) (\d+\.\d\d) EUR -> Partition (\d+), Offset (\d+)$")
READ = re.compile(r"^Partition (\d+), Offset (\d+): (\w+) (\d+\.\d\d) EUR$")


def run_lab(name, bootstrap):
    return RunningCli(str(LABS / name), bootstrap=bootstrap)


def test_labs_create_the_topic_send_twenty_prices_and_read_them_back(kafka):
    # The labs use the course's fixed topic, which other tests (the course listings) also fill:
    # start from a broker without it, whatever ran before.
    with Admin(kafka.bootstrap) as admin:
        admin.remove_topic("aktienkurse")
    create = run_lab("topic_anlegen.py", kafka.bootstrap)
    assert create.finish(timeout=30) == 0, create.errors
    assert create.lines == ["Topic aktienkurse mit 3 Partitionen angelegt."]
    again = run_lab("topic_anlegen.py", kafka.bootstrap)
    assert again.finish(timeout=30) == 0 and again.lines == ["Topic aktienkurse gibt es schon."]

    consumer = run_lab("aktionaer_consumer.py", kafka.bootstrap)
    producer = run_lab("boerse_producer.py", kafka.bootstrap)
    try:
        assert producer.finish(timeout=60) == 0, producer.errors
        assert consumer.finish(timeout=60) == 0, consumer.errors
    finally:
        producer.kill()
        consumer.kill()

    sent = [SENT.match(line).groups() for line in producer.lines]
    read = [READ.match(line).groups() for line in consumer.lines]
    assert len(sent) == 20 and len(read) == 20
    # The consumer saw exactly what the producer's acknowledgements promised: same partition and offset.
    assert sorted((int(p), int(o), s, price) for s, price, p, o in sent) == sorted(
        (int(p), int(o), s, price) for p, o, s, price in read)
    # One partition per symbol, offsets counting up within each partition.
    assert all(len({p for s2, _, p, _ in sent if s2 == s}) == 1 for s, _, _, _ in sent)
    for partition in {p for _, _, p, _ in sent}:
        offsets = [int(o) for _, _, p, o in sent if p == partition]
        assert offsets == list(range(len(offsets)))
    # No warning reaches the learner's terminal (kafka-python 3 deprecates plain-function serializers).
    assert producer.errors == [] and consumer.errors == []

