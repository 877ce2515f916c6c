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
    "kafka-console-share-consumer.sh": "org.apache.kafka.tools.consumer.ConsoleShareConsumer",
    "kafka-share-groups.sh": "org.apache.kafka.tools.consumer.group.ShareGroupCommand",
    "kafka-groups.sh": "org.apache.kafka.tools.GroupsCommand",
    "kafka-configs.sh": "kafka.admin.ConfigCommand",
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


# --- share groups and the consumer protocol (theorie/share-gruppen.md) -----------------------------

def share_lines(output: str) -> list[str]:
    """The records the console share consumer printed (print.offset and print.delivery)."""
    return [line for line in output.splitlines() if line.startswith("Offset:")]


def test_share_group_work_queue(kafka, tool):
    topic, group = f"auftraege-{uuid.uuid4().hex[:8]}", f"lager-{uuid.uuid4().hex[:8]}"
    names = {"auftraege": topic, "--entity-name lager": f"--entity-name {group}", "--group lager": f"--group {group}"}
    created = tool(command("bin/kafka-topics.sh --create --topic auftraege")[0], replace=names)
    assert created.returncode == 0, created.stderr
    configured = tool(command("bin/kafka-configs.sh --bootstrap-server localhost:9092 --alter --entity-type groups "
                              "--entity-name lager --add-config share.auto.offset.reset")[0], replace=names)
    assert configured.returncode == 0 and f"Completed updating config for group {group}" in configured.stdout, \
        configured.stdout + configured.stderr
    produced = tool(command("bin/kafka-console-producer.sh --topic auftraege")[0], replace=names,
                    stdin="Bestätigung an Kundin 17\nDepotauszug 2026-11\nBestätigung an Kunde 4\n")
    assert produced.returncode == 0, produced.stderr
    consumed = tool(command("bin/kafka-console-share-consumer.sh --bootstrap-server localhost:9092 --topic auftraege "
                            "--group lager --formatter")[0], replace=names, extra=["--timeout-ms", "30000"])
    assert share_lines(consumed.stdout) == ["Offset:0\tDelivery:1\tBestätigung an Kundin 17",
                                            "Offset:1\tDelivery:1\tDepotauszug 2026-11",
                                            "Offset:2\tDelivery:1\tBestätigung an Kunde 4"], consumed.stdout

    described = tool(command("bin/kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group lager")[0],
                     replace=names)
    rows = [line.split() for line in described.stdout.splitlines() if line.startswith(group)]
    assert described.returncode == 0 and len(rows) == 1, described.stdout + described.stderr
    header = [line.split() for line in described.stdout.splitlines() if "START-OFFSET" in line][0]
    row = dict(zip(header, rows[0]))
    assert row["TOPIC"] == topic and row["LAG"] == "0", described.stdout  # everything accepted
    members = tool(command("bin/kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group lager "
                           "--members")[0], replace=names)
    assert members.returncode == 0, members.stderr
    assert f"Share group '{group}' has no active members." in members.stdout + members.stderr
    listed = tool(command("bin/kafka-groups.sh --bootstrap-server localhost:9092 --list")[0])
    assert [group, "Share", "share"] in [line.split() for line in listed.stdout.splitlines()], listed.stdout


def test_a_released_record_is_archived_after_the_delivery_limit(kafka, tool, new_topic):
    topic, group = new_topic(partitions=1, prefix="auftraege"), f"giftig-{uuid.uuid4().hex[:8]}"
    names = {"auftraege": topic, "--entity-name giftig": f"--entity-name {group}", "--group giftig": f"--group {group}"}
    configured = tool(command("bin/kafka-configs.sh --bootstrap-server localhost:9092 --alter --entity-type groups "
                              "--entity-name giftig")[0], replace=names)
    assert configured.returncode == 0, configured.stdout + configured.stderr
    produced = tool(command("bin/kafka-console-producer.sh --topic auftraege")[0], replace=names,
                    stdin="kaputtes JSON {\n")
    assert produced.returncode == 0, produced.stderr
    consumed = tool(command("bin/kafka-console-share-consumer.sh --bootstrap-server localhost:9092 --topic auftraege "
                            "--group giftig --release")[0], replace=names, extra=["--timeout-ms", "30000"])
    # share.delivery.count.limit=5: five deliveries, then the record is archived and stays away.
    assert share_lines(consumed.stdout) == [f"Offset:0\tDelivery:{n}\tkaputtes JSON {{" for n in range(1, 6)], \
        consumed.stdout


def test_the_record_lock_duration_is_a_group_config_bounded_by_the_broker(kafka, tool):
    group = f"lager-{uuid.uuid4().hex[:8]}"
    line = command("bin/kafka-configs.sh --bootstrap-server localhost:9092 --alter --entity-type groups "
                   "--entity-name lager --add-config share.record.lock.duration.ms")[0]
    accepted = tool(line, replace={"--entity-name lager": f"--entity-name {group}"})
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    # Outside group.share.min/max.record.lock.duration.ms (15000 / 60000) the broker refuses.
    refused = tool(line, replace={"--entity-name lager": f"--entity-name {group}", "=15000": "=70000"})
    assert refused.returncode != 0
    assert "must be less than or equal to group.share.max.record.lock.duration.ms" in refused.stdout + refused.stderr


def test_console_consumer_with_the_consumer_protocol(kafka, tool, new_topic):
    topic, group = new_topic(partitions=3, prefix="aktienkurse"), f"depot-neu-{uuid.uuid4().hex[:8]}"
    names = {"--topic aktienkurse": f"--topic {topic}", "--group depot-neu": f"--group {group}"}
    produced = tool(command("bin/kafka-console-producer.sh --topic aktienkurse")[0], replace=names,
                    stdin='SAP:{"price": 231.4}\nDTE:{"price": 31.07}\n')
    assert produced.returncode == 0, produced.stderr
    consumed = tool(command("bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic aktienkurse "
                            "--group depot-neu")[0], replace=names, extra=["--timeout-ms", "10000"])
    assert sorted(line for line in consumed.stdout.splitlines() if line.startswith("{")) == \
        ['{"price": 231.4}', '{"price": 31.07}'], consumed.stdout + consumed.stderr
    state = tool(command("bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group depot-neu "
                         "--state")[0], replace=names)
    rows = [line.split() for line in state.stdout.splitlines() if line.startswith(group)]
    assert state.returncode == 0 and rows and "uniform" in rows[0], state.stdout  # the broker's assignor
    members = tool(command("bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group depot-neu "
                           "--members")[0], replace=names)
    assert members.returncode == 0, members.stderr
    assert f"Consumer group '{group}' has no active members." in members.stdout + members.stderr
    listed = tool(command("bin/kafka-groups.sh --bootstrap-server localhost:9092 --list")[0])
    assert [group, "Consumer", "consumer"] in [line.split() for line in listed.stdout.splitlines()], listed.stdout
