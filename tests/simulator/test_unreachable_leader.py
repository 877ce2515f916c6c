"""A producer holds records for a partition whose leader it cannot reach, as kafka-python 3.0.12
does (its accumulator drains only for a known leader with a ready connection), and
describe_cluster() lists brokers as Kafka 4.x answers DescribeCluster with fenced brokers included.
Checked against the real cluster by tests/faults/test_no_retries_leader_crash.py and the
leader_killed_no_retries scenario in tests/parity_failures."""

from kafkasim import Cluster
from kafkasim.clients.env import using
from kafkasim.kafka import KafkaProducer

SESSION_MS = 9_000          # broker.session.timeout.ms


def run_ok(cluster, source):
    result = cluster.run_script(source)
    assert result.error is None, (result.error, result.traceback)
    return result.stdout


def producer_of(cluster, **config):
    """A kafka-python producer of the simulator, outside a script, on this cluster."""
    with using(cluster.env):
        return KafkaProducer(**config)


def appended(cluster, topic):
    return [e for e in cluster.events() if e["kind"] == "record.appended" and e["topic"] == topic]


def test_retries_0_holds_a_record_for_a_crashed_leader_until_a_new_leader_is_elected(cluster):
    cluster.create_topic("t", 1, 3, {"min.insync.replicas": 2})
    p = cluster.partition("t", 0)
    old_leader, old_isr = p.leader, list(p.isr)
    out = run_ok(cluster, "from kafka import KafkaProducer\n"
                          "p = KafkaProducer(acks='all', retries=0, request_timeout_ms=5000)\n"
                          "print(p.send('t', b'kurs-0').get(timeout=30).offset)\n")
    assert out.split() == ["0"]
    cluster.crash_broker(old_leader)
    crashed_at = cluster.now_ms
    out = run_ok(cluster, "import time\nfrom kafka import KafkaProducer\n"
                          "p = KafkaProducer(acks='all', retries=0, request_timeout_ms=5000)\n"
                          "t0 = time.monotonic()\n"
                          "print(p.send('t', b'kurs-1').get(timeout=60).offset)\n"
                          "print(round(time.monotonic() - t0, 1))\n")
    offset, waited = out.split()
    assert offset == "1"
    # Held from the crash until the controller fenced the broker and elected a new leader, and
    # then until the client's next failed reconnect refreshed its metadata (backoff 50 ms doubling,
    # ±20 %: the first attempt after 9 s is the ninth, 50+100+…+6400 = 12750 ms ±20 % after the
    # crash; the real cluster measured 12.1-13.7 s).
    assert 12.75 * 0.8 <= float(waited) <= 12.75 * 1.2 + 0.1
    assert p.leader in old_isr and p.leader != old_leader
    last = appended(cluster, "t")[-1]
    assert last["value"] == "kurs-1" and last["broker"] == p.leader
    assert last["t"] >= crashed_at + SESSION_MS
    failures = [e for e in cluster.events() if e["kind"] in ("produce.failed", "produce.retry")]
    assert failures == []       # never sent to the dead leader: no attempt used up, no error
    held = [e for e in cluster.events() if e["kind"] == "produce.held"]
    assert [(e["topic"], e["broker"]) for e in held] == [("t", old_leader)]
    assert f"Broker {old_leader}, ist nicht erreichbar" in held[0]["text"]


def test_a_short_reconnect_backoff_notices_the_new_leader_sooner(cluster):
    cluster.create_topic("t", 1, 3)
    p = cluster.partition("t", 0)
    cluster.crash_broker(p.leader)
    out = run_ok(cluster, "import time\nfrom kafka import KafkaProducer\n"
                          "p = KafkaProducer(retries=0, reconnect_backoff_ms=100, reconnect_backoff_max_ms=100)\n"
                          "t0 = time.monotonic()\n"
                          "p.send('t', b'x').get(timeout=60)\n"
                          "print(round(time.monotonic() - t0, 2))\n")
    # A failed reconnect (and so a metadata refresh) every 80-120 ms: right after the election.
    assert SESSION_MS / 1000 < float(out) <= SESSION_MS / 1000 + 0.13


def test_a_partition_without_any_leader_expires_after_delivery_timeout_not_at_once(cluster):
    cluster.create_topic("t", 1, 1)
    cluster.crash_broker(cluster.partition("t", 0).leader)
    cluster.advance(SESSION_MS + 1_000)
    assert cluster.partition("t", 0).leader is None        # its only replica is gone
    out = run_ok(cluster, "import time\nfrom kafka import KafkaProducer\n"
                          "from kafka.errors import KafkaTimeoutError\n"
                          "p = KafkaProducer(retries=0, delivery_timeout_ms=30000)\n"
                          "t0 = time.monotonic()\n"
                          "try:\n    p.send('t', b'x').get(timeout=60)\n"
                          "except KafkaTimeoutError as e:\n"
                          "    print('Expiring 1 record(s)' in str(e), round(time.monotonic() - t0))\n")
    assert out.split() == ["True", "30"]


def test_a_request_already_on_the_wire_still_fails_when_the_leader_crashes():
    cluster = Cluster(brokers=3, seed=0)
    cluster.create_topic("t", 1, 3)
    p = cluster.partition("t", 0)
    producer = producer_of(cluster, acks="all", enable_idempotence=False, retries=0)
    future = producer.send("t", b"v", key=b"k", partition=0)
    while not appended(cluster, "t"):
        cluster.step()
    cluster.crash_broker(p.leader)                     # the leader got it, the ack never comes
    cluster.advance(30_000)
    assert future.failed() and producer._sender.acked == 0 and producer._sender.errors == 1
    failed = [e for e in cluster.events() if e["kind"] == "produce.failed"]
    assert [e["error"] for e in failed] == ["KafkaConnectionError"]


def test_held_batches_use_one_recheck_timer_however_many_records_arrive():
    cluster = Cluster(brokers=3, seed=0)
    cluster.create_topic("t", 1, 3)
    cluster.crash_broker(cluster.partition("t", 0).leader)
    producer = producer_of(cluster, acks="all", enable_idempotence=False, retries=0)
    producer.partitions_for("t")
    for i in range(200):
        producer._send_batch("t", 0, [(cluster.wall_ms(), None, b"%d" % i, None)])
        cluster.advance(10)
    assert producer._accumulator.pending == 200 and producer._sender.sent == 200
    assert len(cluster.kernel._heap) < 50       # not one timer chain per appended batch
    cluster.advance(SESSION_MS + 15_000)        # fenced, then noticed at the next reconnect attempt
    assert producer._accumulator.pending == 0 and producer._sender.acked == 200


DESCRIBE = ("from kafka import KafkaAdminClient\n"
            "d = KafkaAdminClient().describe_cluster()\n"
            "print(sorted(d), sorted(d['brokers'][0]))\n"
            "print([(b['broker_id'], b['is_fenced']) for b in d['brokers']])\n")


def test_describe_cluster_has_kafka_python_3_fields_and_lists_dead_brokers_as_fenced(cluster):
    out = run_ok(cluster, DESCRIBE).splitlines()
    assert out[0] == ("['authorized_operations', 'brokers', 'cluster_id', 'controller_id'] "
                      "['broker_id', 'host', 'is_fenced', 'port', 'rack']")
    assert out[1] == "[(1, False), (2, False), (3, False)]"
    cluster.crash_broker(2)
    assert run_ok(cluster, DESCRIBE).splitlines()[1] == "[(1, False), (2, False), (3, False)]"
    cluster.advance(SESSION_MS)
    assert run_ok(cluster, DESCRIBE).splitlines()[1] == "[(1, False), (2, True), (3, False)]"
    cluster.restart_broker(2)
    cluster.stop_broker(3)          # a controlled shutdown fences at once
    assert run_ok(cluster, DESCRIBE).splitlines()[1] == "[(1, False), (2, False), (3, True)]"


def test_a_partition_counts_as_available_while_the_metadata_names_a_leader():
    cluster = Cluster(brokers=3, seed=0)
    cluster.create_topic("t", 3, 1)
    producer = producer_of(cluster)
    metadata = producer._metadata
    producer.partitions_for("t")
    dead = cluster.partition("t", 0).leader
    cluster.crash_broker(dead)
    producer._manager.fetch_metadata(1000)
    # Not fenced yet: kafka-python still sees a leader and may pick the partition for a keyless record.
    assert metadata.available_partitions_for_topic("t") == {0, 1, 2}
    cluster.advance(SESSION_MS)
    producer._manager.fetch_metadata(1000)
    orphaned = {p.index for p in cluster.topics["t"].partitions if p.replicas == [dead]}
    assert orphaned and metadata.available_partitions_for_topic("t") == {0, 1, 2} - orphaned
