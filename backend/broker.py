"""A real Apache Kafka 4.x broker on loopback, for `make kafka` and for the test suite.

    python -m backend.broker fetch   # resolve Kafka once (Maven Central, or check $KAFKA_HOME)
    python -m backend.broker run     # start a single-node broker, Ctrl+C stops it

`BrokerProcess` is one KRaft node (its own config, data directory, log file and JVM); `Cluster`
owns the nodes and the cluster id. Today a cluster has one node that is broker and controller at
once (`process.roles=broker,controller`); a multi-node cluster only needs more BrokerProcess
objects sharing one quorum.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from backend.cli import GermanArgumentParser
from backend.kafka_dist import (
    CACHE_DIR,
    KAFKA_VERSION,
    BrokerSetupError,
    Distribution,
    distribution,
    random_cluster_id,
)

HOST = "127.0.0.1"
DEFAULT_PORT = 9092
DEFAULT_CONTROLLER_PORT = 9093
DATA_ROOT = CACHE_DIR / "broker-data"
READY_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
# A development broker needs little memory; the reader's laptop runs a browser beside it.
DEFAULT_JVM_OPTIONS = ["-Xmx512m", "-Xms128m", "-Djava.awt.headless=true"]

_LOG4J2 = """\
status = warn
appender.file.type = File
appender.file.name = BROKER_LOG
appender.file.fileName = {log_file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = BROKER_LOG
"""


def port_is_free(port: int, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port(preferred: int | None = None, avoid: tuple[int, ...] = ()) -> int:
    """`preferred` when it is free, otherwise any free port the kernel hands out."""
    if preferred is not None and preferred not in avoid and port_is_free(preferred):
        return preferred
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((HOST, 0))
            port = probe.getsockname()[1]
        if port not in avoid:
            return port


def with_parent_death_signal(command: list[str]) -> list[str]:
    """The broker runs in its own session, so a signal to the terminal's process group (Ctrl+C, or a
    SIGTERM/SIGKILL to `make test`) does not reach it. Where util-linux's setpriv exists, the kernel
    sends it SIGTERM when the Python process that started it ends in any way (a controlled
    shutdown), so no broker outlives its owner and blocks the ports of the next run."""
    setpriv = shutil.which("setpriv") if sys.platform.startswith("linux") else None
    return [setpriv, "--pdeathsig", "TERM", "--", *command] if setpriv else command


@dataclass
class NodeConfig:
    """Everything that goes into one node's server.properties."""

    node_id: int
    port: int
    controller_port: int
    data_dir: Path
    quorum_bootstrap: str  # host:port of the controller(s)
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def log_dirs(self) -> Path:
        return self.data_dir / "logs"

    def properties(self) -> str:
        settings = {
            "process.roles": "broker,controller",
            "node.id": str(self.node_id),
            "controller.quorum.bootstrap.servers": self.quorum_bootstrap,
            "listeners": f"PLAINTEXT://{HOST}:{self.port},CONTROLLER://{HOST}:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://{HOST}:{self.port},CONTROLLER://{HOST}:{self.controller_port}",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dirs": str(self.log_dirs),
            # The values of Kafka's own single-node config/server.properties.
            "num.partitions": "1",
            "offsets.topic.replication.factor": "1",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "log.retention.hours": "168",
        }
        settings.update({key: str(value) for key, value in self.overrides.items()})
        return "".join(f"{key}={value}\n" for key, value in settings.items())


class BrokerStartError(BrokerSetupError):
    """The broker did not come up; the message carries the tail of its log."""


class BrokerProcess:
    """One Kafka node: writes its config, formats its storage, runs and stops its JVM."""

    def __init__(self, dist: Distribution, config: NodeConfig, jvm_options: list[str] | None = None):
        self.dist = dist
        self.config = config
        self.jvm_options = list(jvm_options or DEFAULT_JVM_OPTIONS)
        self.process: subprocess.Popen | None = None
        self.data_dir.mkdir(parents=True, exist_ok=True)

    @property
    def data_dir(self) -> Path:
        return self.config.data_dir

    @property
    def config_file(self) -> Path:
        return self.data_dir / "server.properties"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "broker.log"

    @property
    def console_file(self) -> Path:
        # stdout/stderr of the JVM: errors that happen before log4j is up land here.
        return self.data_dir / "console.log"

    @property
    def log4j_file(self) -> Path:
        return self.data_dir / "log4j2.properties"

    @property
    def bootstrap(self) -> str:
        return f"{HOST}:{self.config.port}"

    def is_formatted(self) -> bool:
        return (self.config.log_dirs / "meta.properties").exists()

    def write_config(self) -> None:
        self.config_file.write_text(self.config.properties(), encoding="utf-8")
        self.log4j_file.write_text(_LOG4J2.format(log_file=self.log_file), encoding="utf-8")

    def format_storage(self, cluster_id: str, extra: list[str]) -> None:
        self.write_config()
        # A few seconds normally; a JVM start on a machine loaded far beyond its cores once took
        # more than 120 s (tests of 2026-12-03), so the bound is generous.
        command = self.dist.storage_format_command(self.config_file, cluster_id, extra)
        env = self.dist.environment(self.log4j_file, self.data_dir, ["-Xmx256m"])
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300,
                                cwd=self.data_dir)
        if result.returncode != 0:
            raise BrokerStartError(
                f"Das Formatieren des Speichers von Broker {self.config.node_id} ist fehlgeschlagen:\n"
                + (result.stdout + result.stderr).strip()
            )

    def start(self) -> None:
        if self.is_running():
            return
        self.write_config()
        jvm = [*self.jvm_options, f"-Dlog4j2.configurationFile={self.log4j_file}",
               f"-Dkafka.logs.dir={self.data_dir}"]
        command = with_parent_death_signal(self.dist.server_command(self.config_file, jvm))
        with open(self.console_file, "ab") as console:
            # Own session: Ctrl+C in the terminal reaches us, and we decide how the broker stops.
            self.process = subprocess.Popen(
                command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env=self.dist.environment(self.log4j_file, self.data_dir, self.jvm_options),
                cwd=self.data_dir, start_new_session=True,
            )

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_ready(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        """Block until the node answers a metadata request and lists itself as a live broker."""
        deadline = time.monotonic() + timeout_s
        while True:
            if not self.is_running():
                code = self.process.returncode if self.process else None
                raise BrokerStartError(
                    f"Der Kafka-Broker {self.config.node_id} hat sich beim Start beendet "
                    f"(Exit-Code {code}).\n{self.log_tail()}"
                )
            if _answers_metadata(self.bootstrap, self.config.node_id):
                return
            if time.monotonic() > deadline:
                raise BrokerStartError(
                    f"Der Kafka-Broker auf {self.bootstrap} antwortet nach {timeout_s:.0f} s noch nicht "
                    f"auf Metadaten-Anfragen.\n{self.log_tail()}"
                )
            time.sleep(0.3)

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> None:
        """Controlled shutdown (SIGTERM); SIGKILL when it takes longer than `timeout_s`."""
        if not self.is_running():
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """Abrupt end, like a power cut: no controlled shutdown."""
        if self.is_running():
            self.process.kill()
            self.process.wait(timeout=30)

    def log_tail(self, lines: int = 30) -> str:
        """The errors of the broker log (with the line after each: the exception) and its last lines."""
        chunks = []
        for path in (self.console_file, self.log_file):
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            errors = [f"{line}\n{text[i + 1] if i + 1 < len(text) else ''}".rstrip()
                      for i, line in enumerate(text) if " ERROR " in line or " FATAL " in line]
            if errors:
                chunks.append(f"--- Fehler in {path} ---\n" + "\n".join(errors[-5:]))
            if text:
                chunks.append(f"--- letzte Zeilen aus {path} ---\n" + "\n".join(text[-lines:]))
        return "\n".join(chunks) or f"(kein Broker-Log in {self.data_dir})"


def _answers_metadata(bootstrap: str, node_id: int) -> bool:
    # Imported late: `python -m backend.broker fetch` must work before the client is installed.
    from kafka import KafkaAdminClient

    try:
        admin = KafkaAdminClient(bootstrap_servers=bootstrap, bootstrap_timeout_ms=2000,
                                 request_timeout_ms=3000, client_id="kurs-broker-check")
    except Exception:
        return False
    try:
        brokers = admin.describe_cluster().get("brokers", [])
        return any(b.get("broker_id") == node_id and not b.get("is_fenced", False) for b in brokers)
    except Exception:
        return False
    finally:
        admin.close()


class Cluster:
    """The nodes of one Kafka cluster. Today: one node that is broker and controller."""

    def __init__(self, name: str, port: int | None = None, controller_port: int | None = None,
                 overrides: dict[str, str] | None = None, fresh: bool = True,
                 dist: Distribution | None = None, jvm_options: list[str] | None = None):
        self.name = name
        self.data_dir = DATA_ROOT / name
        self.dist = dist or distribution()
        state = self._reusable_state(port, controller_port) if not fresh else None
        if state is None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            state = {"cluster_id": random_cluster_id(),
                     "port": port or free_port(),
                     "controller_port": controller_port}
            state["controller_port"] = state["controller_port"] or free_port(avoid=(state["port"],))
        self.cluster_id = state["cluster_id"]
        node = NodeConfig(
            node_id=1, port=state["port"], controller_port=state["controller_port"],
            data_dir=self.data_dir / "node-1",
            quorum_bootstrap=f"{HOST}:{state['controller_port']}",
            overrides=dict(overrides or {}),
        )
        self.nodes = [BrokerProcess(self.dist, node, jvm_options)]
        self._save_state(state)

    def _state_file(self) -> Path:
        return self.data_dir / "cluster.json"

    def _reusable_state(self, port, controller_port) -> dict | None:
        """Keep the data of an earlier run when its ports are still free (topics survive restarts)."""
        try:
            state = json.loads(self._state_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        wanted = (port or state["port"], controller_port or state["controller_port"])
        if wanted != (state["port"], state["controller_port"]):
            return None
        if not all(port_is_free(p) for p in wanted):
            return None
        return state

    def _save_state(self, state: dict) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._state_file().write_text(json.dumps(state), encoding="utf-8")

    @property
    def bootstrap(self) -> str:
        return ",".join(node.bootstrap for node in self.nodes)

    def start(self, timeout_s: float = READY_TIMEOUT_S) -> "Cluster":
        for node in self.nodes:
            if not node.is_formatted():
                # --standalone: this node alone forms the controller quorum.
                node.format_storage(self.cluster_id, ["--standalone"])
            node.start()
        try:
            for node in self.nodes:
                node.wait_ready(timeout_s)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for node in reversed(self.nodes):
            node.stop()

    def remove_data(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- command line -------------------------------------------------------------------------------

def _fetch(_args) -> int:
    dist = distribution()
    print(f"{dist} liegt bereit.")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def stop_on_signals() -> None:
    """SIGTERM (and SIGINT even where a shell ignores it for background jobs) raise KeyboardInterrupt,
    so the brokers stop cleanly instead of leaving orphaned JVMs behind."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)


def add_data_arguments(run, data_folder: str) -> None:
    """The `run` options both command lines share; `data_folder` is the folder under .cache/."""
    run.add_argument("--name", default="kurs", help=f"Name des Datenordners unter .cache/{data_folder}/")
    run.add_argument("--fresh", action="store_true", help="alte Daten (Topics, Offsets) verwerfen")
    run.add_argument("--rebalance-delay-ms", type=int, default=None,
                     help="group.initial.rebalance.delay.ms (Kafka-Standard: 3000)")


def overrides_from(args) -> dict[str, str]:
    """The broker settings the `run` options ask for."""
    overrides = {}
    if args.rebalance_delay_ms is not None:
        overrides["group.initial.rebalance.delay.ms"] = str(args.rebalance_delay_ms)
    return overrides


def dispatch(commands: dict, args) -> int:
    """Runs the chosen sub-command; a set-up failure becomes a German message and exit code 1."""
    # The admin client's readiness probes fail by design until a broker is up; keep them quiet.
    logging.getLogger("kafka").addHandler(logging.NullHandler())
    logging.getLogger("kafka").propagate = False
    try:
        return commands[args.command](args)
    except BrokerSetupError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1


def _run(args) -> int:
    stop_on_signals()
    overrides = overrides_from(args)
    port = free_port(args.port)
    controller_port = free_port(DEFAULT_CONTROLLER_PORT, avoid=(port,))
    cluster = Cluster(args.name, port=port, controller_port=controller_port,
                      overrides=overrides, fresh=args.fresh)
    node = cluster.nodes[0]
    address_file = cluster.data_dir / "bootstrap"
    if port != args.port:
        print(f"Port {args.port} ist belegt, der Broker nimmt Port {port}.")
    print(f"Starte Kafka {KAFKA_VERSION} ({cluster.dist}) …", flush=True)
    try:
        cluster.start()
        # `make boerse` / `make aktionaer` read the address from here when 9092 was taken.
        address_file.write_text(cluster.bootstrap + "\n", encoding="utf-8")
        print(f"Kafka-Broker läuft: bootstrap_servers={cluster.bootstrap}")
        print(f"  z. B.: export KAFKA_BOOTSTRAP_SERVERS={cluster.bootstrap}")
        print(f"  Daten und Log: {node.data_dir}  (Log: {node.log_file.name})")
        print("Strg+C beendet den Broker.", flush=True)
        while node.is_running():
            time.sleep(0.5)
        print(f"Der Broker hat sich unerwartet beendet.\n{node.log_tail()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nBroker wird beendet …", flush=True)
        return 0
    finally:
        address_file.unlink(missing_ok=True)
        cluster.stop()


def main(argv: list[str] | None = None) -> int:
    parser = GermanArgumentParser(
        prog="python -m backend.broker",
        description=f"Ein lokaler Apache-Kafka-{KAFKA_VERSION}-Broker (KRaft) für den Kurs.",
    )
    commands = parser.add_subparsers(dest="command", required=True, title="Befehle", metavar="{fetch,run}")
    commands.add_parser("fetch", prog="python -m backend.broker fetch", help="Kafka einmalig aus Maven Central laden (oder KAFKA_HOME prüfen)")
    run = commands.add_parser("run", prog="python -m backend.broker run", help="einen Broker starten; Strg+C beendet ihn")
    run.add_argument("--port", type=int, default=DEFAULT_PORT,
                     help=f"Port für Clients (Standard {DEFAULT_PORT}; belegt → ein freier Port)")
    add_data_arguments(run, "broker-data")
    args = parser.parse_args(argv)
    return dispatch({"fetch": _fetch, "run": _run}, args)


if __name__ == "__main__":
    sys.exit(main())
