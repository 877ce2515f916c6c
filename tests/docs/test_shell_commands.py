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
    "kafka-storage.sh": "kafka.tools.StorageTool",
    "kafka-server-start.sh": "kafka.Kafka",
    "kafka-configs.sh": "kafka.admin.ConfigCommand",
    "kafka-metadata-quorum.sh": "org.apache.kafka.tools.MetadataQuorumCommand",
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
    # Every page's --describe line, each with the group this test created; --state and --members
    # print other columns than the offsets view.
    for line in command("bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe"):
        described = tool(re.sub(r"--group \S+", f"--group depot-{topic}", line))
        column = "STATE" if "--state" in line else "CONSUMER-ID" if "--members" in line else "LAG"
        assert described.returncode == 0 and column in described.stdout, line + described.stderr


def test_consumer_group_offsets_are_reset_as_the_page_says(kafka, tool):
    """--dry-run changes nothing, --execute moves the inactive group back to the log start."""
    from kafka import KafkaConsumer, KafkaProducer, TopicPartition

    topic, group = f"aktienkurse-{uuid.uuid4().hex[:8]}", f"kursalarm-{uuid.uuid4().hex[:8]}"
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap)
    for _ in range(5):
        producer.send(topic, key=b"SAP", value=b"231.50")
    producer.flush()
    producer.close()
    consumer = KafkaConsumer(topic, bootstrap_servers=kafka.bootstrap, group_id=group,
                             auto_offset_reset="earliest", consumer_timeout_ms=5_000)
    assert sum(1 for _ in consumer) == 5
    consumer.close()  # commits 5 and leaves: the group has no members, as the page requires

    def committed() -> int:
        reader = KafkaConsumer(bootstrap_servers=kafka.bootstrap, group_id=group)
        try:
            return reader.committed(TopicPartition(topic, 0))
        finally:
            reader.close()

    lines = command("bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group kursalarm")
    dry_run = next(line for line in lines if line.endswith("--dry-run"))
    execute = next(line for line in lines if line.endswith("--execute"))
    names = {"--group kursalarm": f"--group {group}", "--topic aktienkurse": f"--topic {topic}"}
    dry = tool(dry_run, replace=names)
    assert dry.returncode == 0, dry.stderr
    assert committed() == 5
    executed = tool(execute, replace=names)
    assert executed.returncode == 0, executed.stderr
    assert committed() == 0


def test_partitions_are_added_but_not_removed(kafka, tool):
    topic = f"test-partitionen-{uuid.uuid4().hex[:8]}"
    names = {"test-partitionen": topic}
    created = tool(command("bin/kafka-topics.sh --create --topic test-partitionen")[0], replace=names)
    assert created.returncode == 0, created.stderr
    altered = tool(command("bin/kafka-topics.sh --alter --topic test-partitionen")[0], replace=names)
    assert altered.returncode == 0, altered.stderr
    described = tool(f"bin/kafka-topics.sh --describe --topic {topic} --bootstrap-server localhost:9092")
    assert described.stdout.count("Partition:") == 4, described.stdout
    # Fewer partitions than before is refused: Kafka cannot remove partitions.
    shrunk = tool(command("bin/kafka-topics.sh --alter --topic test-partitionen")[0],
                  replace={**names, "--partitions 4": "--partitions 2"})
    assert shrunk.returncode != 0 or "can only be increased" in shrunk.stdout + shrunk.stderr


def test_topic_config_is_changed_shown_and_removed(kafka, tool, new_topic):
    topic = new_topic(partitions=3, prefix="aktienkurse")
    names = {"--entity-name aktienkurse": f"--entity-name {topic}"}
    add, describe, delete = command("bin/kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics")
    assert tool(add, replace=names).returncode == 0
    shown = tool(describe, replace=names)
    assert "retention.ms=86400000" in shown.stdout, shown.stdout + shown.stderr
    assert tool(delete, replace=names).returncode == 0
    assert "retention.ms=86400000" not in tool(describe, replace=names).stdout


def test_topic_is_deleted_when_cleaning_up(kafka, tool):
    topic = f"quickstart-events-{uuid.uuid4().hex[:8]}"
    names = {"quickstart-events": topic}
    assert tool(command("bin/kafka-topics.sh --create --topic quickstart-events")[0], replace=names).returncode == 0
    deleted = tool(command("bin/kafka-topics.sh --delete --topic quickstart-events")[0], replace=names)
    assert deleted.returncode == 0, deleted.stderr
    listed = tool("bin/kafka-topics.sh --list --bootstrap-server localhost:9092")
    assert topic not in listed.stdout.split()


def test_metadata_quorum_shows_the_single_node_as_leader(kafka, tool):
    for line in command("bin/kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --status"):
        status = tool(line)
        assert status.returncode == 0, status.stderr
        fields = dict(re.findall(r"^(\w+):\s+(.*)$", status.stdout, re.M))
        assert fields["LeaderId"] == "1" and '"id": 1' in fields["CurrentVoters"], status.stdout


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
    line = command("bin/kafka-storage.sh format --standalone")[0]
    formatted = tool(line, replace={"$KAFKA_CLUSTER_ID": cluster_id, "config/server.properties": str(config)})
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    meta = meta_properties(tmp_path / "kraft-combined-logs")
    # The keys the Architektur chapter shows.
    assert meta["cluster.id"] == cluster_id and meta["node.id"] == "1" and meta["version"] == "1"
    assert meta["directory.id"]


def meta_properties(log_dir: Path) -> dict[str, str]:
    text = (log_dir / "meta.properties").read_text(encoding="utf-8")
    return dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))


def test_storage_tool_formats_a_controller_of_a_three_controller_quorum(tool, tmp_path):
    def uuid_() -> str:
        answer = tool("bin/kafka-storage.sh random-uuid")
        assert answer.returncode == 0, answer.stderr
        return answer.stdout.strip().splitlines()[-1]

    cluster_id, dirs = uuid_(), [uuid_() for _ in range(3)]
    config = tmp_path / "controller.properties"
    config.write_text("\n".join([
        "process.roles=controller", "node.id=1",
        "controller.quorum.bootstrap.servers=controller1:9093,controller2:9093,controller3:9093",
        "listeners=CONTROLLER://:9093", "controller.listener.names=CONTROLLER",
        f"log.dirs={tmp_path / 'controller-logs'}",
    ]) + "\n")
    line = command("bin/kafka-storage.sh format --cluster-id $KAFKA_CLUSTER_ID --initial-controllers")[0]
    replace = {"$KAFKA_CLUSTER_ID": cluster_id, "config/controller.properties": str(config),
               "$DIR_1": dirs[0], "$DIR_2": dirs[1], "$DIR_3": dirs[2]}
    formatted = tool(line, replace=replace)
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    meta = meta_properties(tmp_path / "controller-logs")
    # Node 1 takes its directory id from its own entry of --initial-controllers.
    assert meta["cluster.id"] == cluster_id and meta["directory.id"] == dirs[0]


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
                            "--group lager --formatter")[0], replace=names,
                    extra=["--max-messages", "3", "--timeout-ms", "30000"])
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
                            "--group giftig --release")[0], replace=names,
                    extra=["--max-messages", "5", "--timeout-ms", "30000"])
    # share.delivery.count.limit=5: five deliveries, then the record is archived and stays away.
    assert share_lines(consumed.stdout) == [f"Offset:0\tDelivery:{n}\tkaputtes JSON {{" for n in range(1, 6)], \
        consumed.stdout
    # Archived counts as done: nothing is left for the group.
    described = tool(command("bin/kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group lager")[0],
                     replace={"--group lager": f"--group {group}"})
    rows = [line.split() for line in described.stdout.splitlines() if line.startswith(group)]
    assert len(rows) == 1 and rows[0][-1] == "0", described.stdout + described.stderr


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
