"""backend.broker and backend.kafka_dist: configuration, German errors, the KAFKA_HOME path."""
import re
import socket
import stat
from pathlib import Path

import pytest

from backend import kafka_dist
from backend.broker import BrokerStartError, Cluster, NodeConfig
from backend.kafka_dist import BrokerSetupError, maven_root, random_cluster_id, tarball_from_env


def test_node_config_is_a_single_kraft_node_on_loopback(tmp_path):
    config = NodeConfig(node_id=1, port=19092, controller_port=19093, data_dir=tmp_path,
                        quorum_bootstrap="127.0.0.1:19093",
                        overrides={"group.initial.rebalance.delay.ms": 0}).properties()
    settings = dict(line.split("=", 1) for line in config.splitlines())
    assert settings["process.roles"] == "broker,controller"
    assert settings["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert settings["controller.quorum.bootstrap.servers"] == "127.0.0.1:19093"
    assert settings["log.dirs"] == str(tmp_path / "logs")
    assert settings["offsets.topic.replication.factor"] == "1"
    assert settings["group.initial.rebalance.delay.ms"] == "0"


def test_cluster_ids_look_like_kafka_storage_random_uuid():
    ids = {random_cluster_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", i) and not i.startswith("-") for i in ids)


def test_missing_java_is_explained_in_german(monkeypatch):
    monkeypatch.setattr(kafka_dist.shutil, "which", lambda name: None)
    with pytest.raises(BrokerSetupError, match="Java wurde nicht gefunden.*Java 17 oder neuer"):
        kafka_dist.check_java()


def test_java_here_is_new_enough():
    assert kafka_dist.java_major_version() >= 17


def test_kafka_home_without_the_start_scripts_is_rejected(tmp_path):
    with pytest.raises(BrokerSetupError, match="sieht nicht wie ein entpacktes Kafka-Archiv aus"):
        tarball_from_env(str(tmp_path))


@pytest.mark.kafka
def test_broker_that_cannot_start_reports_why_with_its_log(kafka_broker):
    # A port that is taken: Kafka cannot bind its listener and exits.
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        taken = blocker.getsockname()[1]
        cluster = Cluster("tests-port-taken", port=taken)
        try:
            with pytest.raises(BrokerStartError) as error:
                cluster.start(timeout_s=60)
        finally:
            cluster.stop()
            cluster.remove_data()
    message = str(error.value)
    assert "hat sich beim Start beendet" in message or "antwortet nach" in message
    assert "letzte Zeilen aus" in message and "Address already in use" in message


# Stand-ins for the tarball's scripts: the same environment variables and class path as the real
# bin/kafka-run-class.sh uses, so the test checks what backend.broker hands to them.
FAKE_SCRIPTS = {
    "kafka-run-class.sh": '#!/bin/sh\nbase_dir=$(dirname "$0")/..\n'
                          'exec java $KAFKA_HEAP_OPTS $KAFKA_LOG4J_OPTS -Dkafka.logs.dir="$LOG_DIR" '
                          '-cp "$base_dir/libs/*" "$@"\n',
    "kafka-server-start.sh": '#!/bin/sh\nexec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$@"\n',
    "kafka-storage.sh": '#!/bin/sh\nexec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"\n',
}


@pytest.mark.kafka
def test_broker_from_kafka_home_uses_the_tarball_scripts(kafka_broker, tmp_path):
    home = tmp_path / "kafka_2.13-4.3.1"
    (home / "bin").mkdir(parents=True)
    (home / "libs").symlink_to(maven_root() / "lib")
    for name, text in FAKE_SCRIPTS.items():
        script = home / "bin" / name
        script.write_text(text)
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    cluster = Cluster("tests-kafka-home", dist=tarball_from_env(str(home)))
    try:
        cluster.start()
        node = cluster.nodes[0]
        command_line = Path(f"/proc/{node.process.pid}/cmdline").read_bytes().split(b"\0")
        assert b"-Xmx512m" in command_line and b"kafka.Kafka" in command_line
        assert "Kafka Server started" in node.log_file.read_text() or "KafkaRaftServer" in node.log_file.read_text()
    finally:
        cluster.stop()
        cluster.remove_data()


@pytest.mark.kafka
def test_a_broker_does_not_outlive_the_process_that_started_it():
    """`make test` or `python -m backend.broker run` killed hard (SIGKILL, no clean-up code runs):
    the broker it started stops too instead of holding its ports for the next run."""
    import os
    import signal
    import subprocess
    import sys
    import time

    owner = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from backend.broker import Cluster\n"
         "cluster = Cluster('tests-owner-killed', fresh=True)\n"
         "cluster.start(timeout_s=90)\n"
         "print(cluster.nodes[0].process.pid, flush=True)\n"
         "time.sleep(600)\n"],
        cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE, text=True)
    try:
        broker_pid = int(owner.stdout.readline())
        os.kill(broker_pid, 0)  # running
        owner.send_signal(signal.SIGKILL)
        owner.wait(timeout=10)
        deadline = time.monotonic() + 60
        while running(broker_pid):
            if time.monotonic() > deadline:
                os.kill(broker_pid, signal.SIGKILL)
                pytest.fail("der Broker lief 60 s nach dem Ende seines Besitzers noch")
            time.sleep(0.5)
    finally:
        owner.kill()
        Cluster("tests-owner-killed", fresh=False).remove_data()


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent (the orphaned broker's new parent reaps it)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status
