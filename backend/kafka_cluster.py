"""A local three-node Apache Kafka 4.x cluster on loopback, for `make kafka-cluster` and the fault tests.

    python -m backend.kafka_cluster run     # start three brokers; type `kill 2`, `start 2`, … ; Ctrl+C stops

Layout: three *combined* nodes (`process.roles=broker,controller`) that form one KRaft quorum of three
voters. The Kafka docs call combined servers the simple choice "for small use cases like a development
environment" (production separates controllers). It is also the layout the simulator models, so the
failure tests compare like with like. One consequence the tests show: with two of three nodes down the
controller quorum has no majority, so nobody can fence the dead brokers or elect leaders.

Each node is a `backend.broker.BrokerProcess` (own config, data directory, log and JVM); this module only
adds the shared quorum, small heaps, single-node stop/kill/restart and the health check
"cluster healthy again" = all brokers registered and every partition's ISR complete.
"""
from __future__ import annotations

import json
import select
import shutil
import signal
import sys
import time

from backend.broker import (
    HOST,
    BrokerProcess,
    BrokerStartError,
    NodeConfig,
    add_data_arguments,
    dispatch,
    free_port,
    overrides_from,
    port_is_free,
    stop_on_signals,
)
from backend.cli import GermanArgumentParser
from backend.kafka_dist import CACHE_DIR, KAFKA_VERSION, BrokerSetupError, Distribution, distribution, random_cluster_id

NODE_IDS = (1, 2, 3)
DATA_ROOT = CACHE_DIR / "cluster-data"
# Three JVMs beside the tests and a browser on a 2-core, 24 GiB machine: small heaps, serial GC
# (fewer GC threads competing for the two cores).
CLUSTER_JVM_OPTIONS = ["-Xmx384m", "-Xms64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"]
# Client ports people can remember; any free port when one is taken (e.g. by `make kafka` on 9092).
PREFERRED_PORTS = {1: 19092, 2: 19093, 3: 19094}
PREFERRED_CONTROLLER_PORTS = {1: 19192, 2: 19193, 3: 19194}
READY_TIMEOUT_S = 90.0
HEALTH_TIMEOUT_S = 90.0

# A three-node cluster replicates Kafka's internal topics three times (the single-node
# server.properties sets them to 1), as a production cluster would.
CLUSTER_SETTINGS = {
    "offsets.topic.replication.factor": "3",
    "transaction.state.log.replication.factor": "3",
    "transaction.state.log.min.isr": "2",
    "share.coordinator.state.topic.replication.factor": "3",
    "share.coordinator.state.topic.min.isr": "2",
    "default.replication.factor": "3",
}


class ClusterNotHealthyError(BrokerSetupError):
    """The cluster did not become healthy in time; the message lists what was still missing (German)."""


class KafkaCluster:
    """Three combined KRaft nodes with ids 1, 2, 3 that can be stopped, killed and restarted one by one."""

    def __init__(self, name: str = "kurs", overrides: dict[str, str] | None = None, fresh: bool = True,
                 dist: Distribution | None = None, jvm_options: list[str] | None = None,
                 preferred_ports: bool = False):
        self.name = name
        self.data_dir = DATA_ROOT / name
        self.dist = dist or distribution()
        state = None if fresh else self._reusable_state()
        if state is None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            state = self._new_state(preferred_ports)
        self.state = state
        self.cluster_id = state["cluster_id"]
        quorum = ",".join(f"{HOST}:{state['controller_ports'][str(i)]}" for i in NODE_IDS)
        settings = {**CLUSTER_SETTINGS, **(overrides or {})}
        self.nodes: dict[int, BrokerProcess] = {}
        self.paused: set[int] = set()
        for node_id in NODE_IDS:
            config = NodeConfig(  # process.roles=broker,controller
                node_id=node_id, port=state["ports"][str(node_id)],
                controller_port=state["controller_ports"][str(node_id)],
                data_dir=self.data_dir / f"node-{node_id}", quorum_bootstrap=quorum,
                overrides=dict(settings),
            )
            self.nodes[node_id] = BrokerProcess(self.dist, config, jvm_options or CLUSTER_JVM_OPTIONS)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / "cluster.json").write_text(json.dumps(state), encoding="utf-8")

    # -- set-up ------------------------------------------------------------------------------------
    @staticmethod
    def _new_state(preferred: bool) -> dict:
        taken: list[int] = []

        def pick(wish: int) -> int:
            port = free_port(wish if preferred else None, avoid=tuple(taken))
            taken.append(port)
            return port

        return {
            "cluster_id": random_cluster_id(),
            "ports": {str(i): pick(PREFERRED_PORTS[i]) for i in NODE_IDS},
            "controller_ports": {str(i): pick(PREFERRED_CONTROLLER_PORTS[i]) for i in NODE_IDS},
            # KRaft identifies each voter by node id, endpoint and the id of its metadata directory.
            "directory_ids": {str(i): random_cluster_id() for i in NODE_IDS},
        }

    def _reusable_state(self) -> dict | None:
        """An earlier cluster's data (topics survive `make kafka-cluster` restarts) when its ports are free."""
        try:
            state = json.loads((self.data_dir / "cluster.json").read_text(encoding="utf-8"))
            ports = [*state["ports"].values(), *state["controller_ports"].values()]
        except (OSError, ValueError, KeyError, AttributeError):
            return None
        return state if all(port_is_free(p) for p in ports) else None

    def _initial_controllers(self) -> str:
        # kafka-storage format --initial-controllers "1@host:port:dirid,2@…": the 4.x way to bootstrap
        # a dynamic quorum with several voters (--standalone is for a single one).
        return ",".join(
            f"{i}@{HOST}:{self.state['controller_ports'][str(i)]}:{self.state['directory_ids'][str(i)]}"
            for i in NODE_IDS)

    @property
    def bootstrap(self) -> str:
        return ",".join(node.bootstrap for node in self.nodes.values())

    def node(self, node_id: int) -> BrokerProcess:
        if node_id not in self.nodes:
            raise ValueError(f"Broker {node_id} gibt es nicht (Broker: {', '.join(map(str, NODE_IDS))}).")
        return self.nodes[node_id]

    def running_ids(self) -> list[int]:
        return [i for i, node in self.nodes.items() if node.is_running()]

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self, timeout_s: float = READY_TIMEOUT_S) -> "KafkaCluster":
        """Formats what is new, starts all three nodes and waits until the cluster is healthy."""
        for node_id, node in self.nodes.items():
            if not node.is_formatted():
                node.format_storage(self.cluster_id, ["--initial-controllers", self._initial_controllers()])
        try:
            for node in self.nodes.values():
                node.start()
            # Together: a node only becomes ready once a majority of the quorum is up.
            for node in self.nodes.values():
                node.wait_ready(timeout_s)
            self.wait_healthy(timeout_s)
        except BaseException:
            self.stop_all()
            raise
        return self

    def stop(self, node_id: int) -> None:
        """Controlled shutdown of one broker (SIGTERM): it hands over its leaderships first."""
        self.node(node_id).stop()

    def kill(self, node_id: int) -> None:
        """SIGKILL for one broker: no controlled shutdown, like a power cut."""
        self.node(node_id).kill()

    def pause(self, node_id: int) -> None:
        """SIGSTOP: the broker freezes (like a long GC pause or a cut network cable) but keeps its
        sockets; followers stop fetching, controllers stop voting, until resume()."""
        node = self.node(node_id)
        if node.is_running():
            node.process.send_signal(signal.SIGSTOP)
            self.paused.add(node_id)

    def resume(self, node_id: int) -> None:
        node = self.node(node_id)
        if node.is_running():
            node.process.send_signal(signal.SIGCONT)
        self.paused.discard(node_id)

    def restart(self, node_id: int, timeout_s: float = READY_TIMEOUT_S) -> None:
        """Starts a stopped or killed broker again with its data; returns when it serves metadata."""
        node = self.node(node_id)
        node.start()
        node.wait_ready(timeout_s)

    def ensure_all_running(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        for node_id in list(self.paused):
            self.resume(node_id)
        down = [node for node in self.nodes.values() if not node.is_running()]
        for node in down:
            node.start()
        for node in down:
            node.wait_ready(timeout_s)

    def stop_all(self) -> None:
        """Controlled shutdown of all nodes at once: one after the other, the last node would wait
        for a controller quorum that is already gone (up to the SIGKILL fallback)."""
        for node_id in list(self.paused):
            self.resume(node_id)  # a frozen JVM would not react to SIGTERM
        for node in self.nodes.values():
            if node.is_running():
                node.process.send_signal(signal.SIGTERM)
        for node in self.nodes.values():
            node.stop()

    def kill_all(self) -> None:
        for node in self.nodes.values():
            node.kill()

    def remove_data(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> "KafkaCluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop_all()

    def metadata(self, topics: list[str] | None = None) -> dict:
        """cluster_metadata() from the first running broker that answers: a client that bootstraps
        from all three addresses may pick a killed one and fail."""
        last_error: Exception | None = None
        for node_id in self.running_ids():
            try:
                return cluster_metadata(self.nodes[node_id].bootstrap, topics)
            except Exception as error:  # this broker is still starting or going down
                last_error = error
        raise ClusterNotHealthyError(f"Kein laufender Broker beantwortet Metadaten-Anfragen ({last_error!r}).")

    def partition_state(self, topic: str, partition: int) -> dict:
        """{'leader', 'replicas', 'isr'} of one partition as describe_topics reports it (lists sorted)."""
        for p in self.metadata([topic])["topics"][0]["partitions"]:
            if p["partition"] == partition:
                return {"leader": p["leader"], "replicas": sorted(p["replicas"]), "isr": sorted(p["isr"])}
        raise LookupError(f"{topic}-{partition} ist (noch) nicht in den Metadaten.")

    def group_coordinator(self, group_id: str) -> int:
        """The broker that coordinates `group_id`: the leader of the __consumer_offsets partition the
        group id hashes to (Java's String.hashCode, as the broker computes it)."""
        partitions = self.metadata(["__consumer_offsets"])["topics"][0]["partitions"]
        state = next(p for p in partitions if p["partition"] == offsets_partition(group_id, len(partitions)))
        return state["leader"]

    # -- health ------------------------------------------------------------------------------------
    def health_problems(self) -> list[str]:
        """What keeps the cluster from being healthy, in German; empty when it is healthy.

        Healthy = every node runs and is registered unfenced, and every partition of every topic
        (internal ones included) has a leader and its full replica set in the ISR.
        """
        problems = [f"Broker {i} läuft nicht." for i in NODE_IDS if not self.nodes[i].is_running()]
        if problems:
            return problems
        try:
            metadata = self.metadata()
        except ClusterNotHealthyError as error:
            return [str(error)]
        registered = {b["broker_id"] for b in metadata["brokers"]}
        problems += [f"Broker {i} ist beim Controller nicht (mehr) registriert." for i in NODE_IDS
                     if i not in registered]
        for topic in metadata["topics"]:
            for p in topic["partitions"]:
                label = f"{topic['name']}-{p['partition']}"
                if p["leader"] < 0:
                    problems.append(f"{label} hat keinen Leader.")
                elif sorted(p["isr"]) != sorted(p["replicas"]):
                    problems.append(f"{label}: ISR {sorted(p['isr'])} statt {sorted(p['replicas'])}.")
        return problems

    def wait_healthy(self, timeout_s: float = HEALTH_TIMEOUT_S) -> float:
        """Blocks until healthy; returns the seconds it took. Raises ClusterNotHealthyError on timeout."""
        started = time.monotonic()
        while True:
            problems = self.health_problems()
            if not problems:
                return time.monotonic() - started
            if time.monotonic() - started > timeout_s:
                raise ClusterNotHealthyError(
                    f"Der Cluster ist nach {timeout_s:.0f} s nicht wieder gesund:\n  "
                    + "\n  ".join(problems[:10]))
            time.sleep(0.5)


def cluster_metadata(bootstrap: str, topics: list[str] | None = None) -> dict:
    """Brokers, and per partition leader/replicas/ISR, as one broker currently sees them (all topics
    when `topics` is None)."""
    from kafka import KafkaAdminClient  # late: `fetch` must work before the client is installed

    from kafka.errors import KafkaConnectionError, NodeNotReadyError

    # The admin client sends each request to a randomly picked known broker. While the controller
    # quorum is lost, killed brokers are still listed, so a request may go to a dead one; the failed
    # connection is then backed off for a second and the next attempt picks another broker.
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, bootstrap_timeout_ms=3000,
                             request_timeout_ms=5000, reconnect_backoff_ms=1000,
                             reconnect_backoff_max_ms=1000, client_id="kurs-cluster-check")
    try:
        for attempt in range(8):
            try:
                brokers = admin.describe_cluster()["brokers"]
                topics = admin.describe_topics(topics)
                break
            except (KafkaConnectionError, NodeNotReadyError):
                if attempt == 7:
                    raise
                time.sleep(0.1)
    finally:
        admin.close()
    return {
        "brokers": [{"broker_id": b["broker_id"]} for b in brokers if not b.get("is_fenced", False)],
        "topics": [{"name": t["name"],
                    "partitions": [partition_view(p) for p in t["partitions"]]} for t in topics],
    }


def offsets_partition(group_id: str, partitions: int) -> int:
    """Which __consumer_offsets partition holds a group: abs(hashCode(group_id)) % partitions."""
    h = 0
    for unit in group_id.encode("utf-16-be").hex(" ", 2).split():  # Java hashes UTF-16 code units
        h = (31 * h + int(unit, 16)) & 0xFFFFFFFF
    h = h - (1 << 32) if h >= 1 << 31 else h
    return (0 if h == -(1 << 31) else abs(h)) % partitions


def partition_view(p: dict) -> dict:
    """kafka-python's metadata partition dict → {partition, leader, replicas, isr}."""
    return {"partition": p.get("partition_index", p.get("partition")),
            "leader": p.get("leader_id", p.get("leader", -1)),
            "replicas": list(p.get("replica_nodes", p.get("replicas", []))),
            "isr": list(p.get("isr_nodes", p.get("isr", [])))}


# --- command line -------------------------------------------------------------------------------

HELP = ("Befehle: kill N (SIGKILL), stop N (kontrolliert), start N, pause N (SIGSTOP), resume N, status, quit "
        "– N ist 1, 2 oder 3.")


def _status(cluster: KafkaCluster) -> str:
    lines = []
    for node_id, node in cluster.nodes.items():
        state = f"läuft (PID {node.process.pid})" if node.is_running() else "läuft nicht"
        if node_id in cluster.paused:
            state += ", angehalten (pause)"
        lines.append(f"  Broker {node_id}: {node.bootstrap}  {state}")
    problems = cluster.health_problems()
    lines.append("  Zustand: gesund" if not problems else "  Zustand: " + "; ".join(problems[:5]))
    return "\n".join(lines)


def _command(cluster: KafkaCluster, line: str) -> bool:
    """Runs one typed command; False ends the program."""
    words = line.split()
    if not words:
        return True
    verb = words[0].lower()
    if verb in ("quit", "exit", "ende"):
        return False
    if verb == "status":
        print(_status(cluster), flush=True)
        return True
    actions = {"kill": cluster.kill, "stop": cluster.stop, "start": cluster.restart,
               "pause": cluster.pause, "resume": cluster.resume}
    if verb not in actions or len(words) != 2 or not words[1].isdigit():
        print(f"Unbekannter Befehl {line.strip()!r}. {HELP}", flush=True)
        return True
    try:
        actions[verb](int(words[1]))
    except (ValueError, BrokerStartError) as error:
        print(f"Fehler: {error}", flush=True)
        return True
    print(f"Broker {words[1]}: {verb} erledigt.", flush=True)
    return True


def _run(args) -> int:
    stop_on_signals()
    cluster = KafkaCluster(args.name, overrides=overrides_from(args), fresh=args.fresh, preferred_ports=True)
    address_file = cluster.data_dir / "bootstrap"
    print(f"Starte drei Kafka-{KAFKA_VERSION}-Broker ({cluster.dist}) …", flush=True)
    try:
        cluster.start()
        address_file.write_text(cluster.bootstrap + "\n", encoding="utf-8")
        print(f"Cluster läuft: bootstrap_servers={cluster.bootstrap}")
        print(f"  z. B.: export KAFKA_BOOTSTRAP_SERVERS={cluster.bootstrap}")
        print(f"  Daten und Logs: {cluster.data_dir}")
        print(_status(cluster))
        print(HELP)
        print("Strg+C beendet den Cluster.", flush=True)
        while True:
            # stdin may be closed (make in the background): then just keep the cluster running.
            readable = select.select([sys.stdin], [], [], 1.0)[0] if not sys.stdin.closed else []
            if readable:
                line = sys.stdin.readline()
                if not line:
                    sys.stdin.close()
                elif not _command(cluster, line):
                    print("Cluster wird beendet …", flush=True)
                    return 0
    except KeyboardInterrupt:
        print("\nCluster wird beendet …", flush=True)
        return 0
    finally:
        address_file.unlink(missing_ok=True)
        cluster.stop_all()


def main(argv: list[str] | None = None) -> int:
    parser = GermanArgumentParser(
        prog="python -m backend.kafka_cluster",
        description="Ein lokaler Kafka-Cluster aus drei Brokern (KRaft, kombinierte Knoten).",
    )
    commands = parser.add_subparsers(dest="command", required=True, title="Befehle", metavar="{run}")
    run = commands.add_parser("run", prog="python -m backend.kafka_cluster run",
                              help="drei Broker starten; Strg+C beendet sie")
    add_data_arguments(run, "cluster-data")
    args = parser.parse_args(argv)
    return dispatch({"run": _run}, args)


if __name__ == "__main__":
    sys.exit(main())
