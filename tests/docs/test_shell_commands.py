"""The Kafka command lines printed in the course run with the Kafka 4.x tools against a real broker.

Each `bin/kafka-*.sh` line of the course is mapped to the Java class its script starts (what
`kafka-run-class.sh` does in the tarball) and run from the Kafka the suite resolved. Only what a
test must change is changed: the broker address, unique topic names (the session broker is shared),
and a timeout for the console consumer, which otherwise waits for ever.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.docs.sitetext import DOCS

pytestmark = pytest.mark.kafka

# What each script of Kafka 4.x's bin/ directory runs.
TOOL_CLASSES = {
    "kafka-topics.sh": "org.apache.kafka.tools.TopicCommand",
    "kafka-console-producer.sh": "org.apache.kafka.tools.ConsoleProducer",
    "kafka-console-consumer.sh": "org.apache.kafka.tools.consumer.ConsoleConsumer",
    "kafka-consumer-groups.sh": "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
    "kafka-storage.sh": "kafka.tools.StorageTool",
    "kafka-server-start.sh": "kafka.Kafka",
}
FENCE = re.compile(r"^[ \t]*```bash\n(.*?)^[ \t]*```", re.M | re.S)


def course_commands() -> list[str]:
    lines = []
    for page in sorted(DOCS.rglob("*.md")):
        for body in FENCE.findall(page.read_text(encoding="utf-8")):
            lines += [line.strip() for line in body.splitlines() if line.strip().startswith("bin/")]
    return lines


COMMANDS = course_commands()


def command(text: str) -> list[str]:
    return [part for part in COMMANDS if part.startswith(text)]


@pytest.fixture(scope="module")
def tool(kafka_broker):
    from backend.kafka_dist import distribution

    dist = distribution()

    def run(line: str, *, replace: dict[str, str] | None = None, stdin: str | None = None,
            extra: list[str] = ()) -> subprocess.CompletedProcess:
        for old, new in {"localhost:9092": kafka_broker.bootstrap, **(replace or {})}.items():
            line = line.replace(old, new)
        script, *args = shlex.split(line)
        main_class = TOOL_CLASSES[Path(script).name]
        argv = dist.java_tool_command(main_class, [*args, *extra], ["-Xmx256m"])
        return subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=120)

    return run


def test_every_command_is_a_known_4x_tool():
    assert len(COMMANDS) >= 10
    for line in COMMANDS:
        assert Path(line.split()[0]).name in TOOL_CLASSES, line


def test_quick_start_round_trip(kafka, tool):
    topic = f"quickstart-events-{uuid.uuid4().hex[:8]}"
    names = {"quickstart-events": topic}
    created = tool(command("bin/kafka-topics.sh --create --topic quickstart-events")[0], replace=names)
    assert created.returncode == 0, created.stderr
    produced = tool(command("bin/kafka-console-producer.sh --topic quickstart-events")[0], replace=names,
                    stdin="Hallo Kafka\nZweites Ereignis\n")
    assert produced.returncode == 0, produced.stderr
    consumed = tool(command("bin/kafka-console-consumer.sh --topic quickstart-events")[0], replace=names,
                    extra=["--timeout-ms", "10000"])
    # The tool's own log lines (e.g. the timeout at the end) may go to stdout as well.
    records = [line for line in consumed.stdout.splitlines() if line in ("Hallo Kafka", "Zweites Ereignis")]
    assert records == ["Hallo Kafka", "Zweites Ereignis"], consumed.stdout + consumed.stderr


def test_topic_with_keys_partitions_and_groups(kafka, tool):
    topic = f"aktienkurse-{uuid.uuid4().hex[:8]}"
    names = {"aktienkurse": topic}
    created = tool(command("bin/kafka-topics.sh --create --topic aktienkurse")[0], replace=names)
    assert created.returncode == 0, created.stderr
    described = tool(command("bin/kafka-topics.sh --describe --topic aktienkurse")[0], replace=names)
    assert described.returncode == 0 and described.stdout.count("Partition:") == 3, described.stdout
    assert "Leader: 1" in described.stdout and "Isr: 1" in described.stdout

    produced = tool(command("bin/kafka-console-producer.sh --topic aktienkurse")[0], replace=names,
                    stdin='SAP:{"price": 231.4}\nDTE:{"price": 31.07}\n')
    assert produced.returncode == 0, produced.stderr
    consumed = tool(command("bin/kafka-console-consumer.sh --topic aktienkurse")[0], replace=names,
                    extra=["--timeout-ms", "10000", "--group", "depot-" + topic])
    lines = sorted(line for line in consumed.stdout.splitlines() if line.startswith("Partition:"))
    # print.partition and print.key: "Partition:<n>\t<key>\t<value>"; murmur2 puts SAP in 0, DTE in 2.
    assert lines == ['Partition:0\tSAP\t{"price": 231.4}', 'Partition:2\tDTE\t{"price": 31.07}'], consumed

    listed = tool(command("bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --list")[0])
    assert "depot-" + topic in listed.stdout.split(), listed.stderr
    described = tool(command("bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe")[0],
                     replace={"--group depot": f"--group depot-{topic}"})
    assert described.returncode == 0 and "LAG" in described.stdout, described.stderr


def test_storage_tool_formats_a_single_node_kraft_directory(tool, tmp_path):
    random_uuid = tool("bin/kafka-storage.sh random-uuid")
    assert random_uuid.returncode == 0, random_uuid.stderr
    cluster_id = random_uuid.stdout.strip().splitlines()[-1]
    # The single-node settings of Kafka 4.x's config/server.properties, with a private data directory.
    config = tmp_path / "server.properties"
    config.write_text("\n".join([
        "process.roles=broker,controller", "node.id=1",
        "controller.quorum.bootstrap.servers=localhost:19093",
        "listeners=PLAINTEXT://:19092,CONTROLLER://:19093",
        "advertised.listeners=PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093",
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        f"log.dirs={tmp_path / 'kraft-combined-logs'}",
    ]) + "\n")
    line = command("bin/kafka-storage.sh format")[0]
    formatted = tool(line, replace={"$KAFKA_CLUSTER_ID": cluster_id, "config/server.properties": str(config)})
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    assert (tmp_path / "kraft-combined-logs" / "meta.properties").exists()
