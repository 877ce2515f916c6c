"""Running learner scripts: shared state, budgets, error texts, determinism, isolation, CLI."""

import os
import subprocess
import sys
from pathlib import Path

from kafkasim import Cluster

PRODUCER = """
import os
from kafka import KafkaProducer
bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
producer = KafkaProducer(bootstrap_servers=bootstrap, key_serializer=str.encode,
                         value_serializer=str.encode)
for i in range(12):
    meta = producer.send("kurse", key=f"aktie-{i % 4}", value=f"{100 + i}").get(timeout=10)
    print(meta.topic, meta.partition, meta.offset)
producer.close()
"""

CONSUMER = """
from kafka import KafkaConsumer
consumer = KafkaConsumer("kurse", group_id="depot", auto_offset_reset="earliest",
                         consumer_timeout_ms=5000, value_deserializer=bytes.decode)
values = sorted(int(m.value) for m in consumer)
print(len(values), values[0], values[-1])
consumer.close()
"""


def test_producer_script_then_consumer_script_share_the_cluster():
    cluster = Cluster(brokers=3, seed=0, config={"num.partitions": 3})
    first = cluster.run_script(PRODUCER)
    assert first.error is None, first.error
    assert len(first.stdout.splitlines()) == 12
    assert any(e["kind"] == "record.appended" for e in first.events)
    second = cluster.run_script(CONSUMER)
    assert second.error is None, second.error
    assert second.stdout.strip() == "12 100 111"


def test_same_seed_gives_the_same_event_list():
    def run():
        cluster = Cluster(brokers=3, seed=42, config={"num.partitions": 3})
        cluster.run_script(PRODUCER)
        cluster.run_script(CONSUMER)
        return [(e["t"], e["kind"], e["text"]) for e in cluster.events()]
    assert run() == run()


def test_never_ending_consumer_loop_stops_on_the_time_budget():
    cluster = Cluster(brokers=1, seed=0)
    result = cluster.run_script("from kafka import KafkaConsumer\n"
                                "for msg in KafkaConsumer('t', group_id='g'):\n    print(msg)\n",
                                time_budget_ms=30_000)
    assert result.timed_out and "Zeitbudget" in result.error and "consumer_timeout_ms" in result.error
    assert 'File "<skript>", line 2' in result.traceback
    assert cluster.now_ms <= 30_000 + 10


def test_never_ending_producer_loop_stops_on_the_event_budget():
    cluster = Cluster(brokers=1, seed=0)
    result = cluster.run_script("from kafka import KafkaProducer\np = KafkaProducer()\n"
                                "while True:\n    p.send('t', b'x')\n", event_budget=4_000)
    assert result.timed_out and "while True" in result.error


def test_sleep_and_clocks_run_on_simulated_time():
    cluster = Cluster(brokers=1, seed=0)
    result = cluster.run_script("import time\nfrom datetime import datetime, timezone\n"
                                "t0 = time.time(); m0 = time.monotonic()\ntime.sleep(90)\n"
                                "print(round(time.time() - t0), round(time.monotonic() - m0))\n"
                                "print(time.strftime('%Y', time.gmtime(0)), time.strftime('%Y', time.gmtime()))\n"
                                "print(datetime.now(timezone.utc).isoformat(timespec='seconds'))\n")
    assert result.stdout.split() == ["90", "90", "1970", "2026", "2026-01-01T00:01:30+00:00"]
    assert cluster.now_ms >= 90_000


def test_failing_script_reports_german_text_and_only_learner_frames():
    cluster = Cluster(brokers=1, seed=0)
    result = cluster.run_script("from kafka import KafkaProducer\n\ndef senden(p):\n    p.send('t', 'hallo')\n\n"
                                "senden(KafkaProducer())\n", filename="mein_skript.py")
    assert result.error.startswith("Kafka speichert nur Bytes")
    assert "kafkasim" not in result.traceback
    assert result.traceback.count('File "mein_skript.py"') == 2


def test_host_modules_are_restored_and_environment_is_real():
    import kafka as real_kafka
    import time as real_time
    os.environ["KAFKA_BOOTSTRAP_SERVERS"] = "broker.example:9092"
    try:
        cluster = Cluster(brokers=1, seed=0)
        result = cluster.run_script("import os, kafka\nprint(os.environ['KAFKA_BOOTSTRAP_SERVERS'])\n"
                                    "print(kafka.KafkaProducer.__module__)\n")
    finally:
        del os.environ["KAFKA_BOOTSTRAP_SERVERS"]
    assert result.stdout.split() == ["broker.example:9092", "kafkasim.kafka.producer.kafka"]
    assert sys.modules["kafka"] is real_kafka and sys.modules["time"] is real_time


def test_two_clients_in_one_script_and_a_ticker_from_outside():
    cluster = Cluster(brokers=3, seed=1)
    cluster.create_topic("boerse", 2, 3)
    cluster.start_ticker("boerse", rate_per_s=20)
    result = cluster.run_script(
        "from kafka import KafkaConsumer\n"
        "a = KafkaConsumer('boerse', group_id='depot', client_id='a', auto_offset_reset='earliest')\n"
        "b = KafkaConsumer('boerse', group_id='depot', client_id='b', auto_offset_reset='earliest')\n"
        "seen = {'a': 0, 'b': 0}\n"
        "for _ in range(40):\n"
        "    seen['a'] += sum(map(len, a.poll(timeout_ms=250).values()))\n"
        "    seen['b'] += sum(map(len, b.poll(timeout_ms=250).values()))\n"
        "print(len(a.assignment()), len(b.assignment()), seen['a'] > 0, seen['b'] > 0)\n"
        "a.close(); b.close()\n")
    assert result.error is None, result.error
    assert result.stdout.split() == ["1", "1", "True", "True"]


def test_cli_runs_a_script_and_fails_with_german_error(tmp_path: Path):
    script = tmp_path / "producer.py"
    script.write_text(PRODUCER.replace('"kurse"', '"cli"'), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "simulator"))
    done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(script), "--brokers", "1",
                           "--seed", "3", "--config", "num.partitions=2"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 12
    bad = tmp_path / "bad.py"
    bad.write_text("from kafka import KafkaProducer\nKafkaProducer().send('x', 'str')\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(bad)], capture_output=True,
                          text=True, timeout=60, env=env)
    assert done.returncode == 1 and "Fehler: Kafka speichert nur Bytes" in done.stderr
    done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(bad), "--config", "gibtsnicht=1"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2 and "Unbekannte Broker-Einstellung" in done.stderr
    # The test broker's share-group and KIP-848 settings are accepted (and checked as Kafka checks them).
    done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(script), "--config",
                           "group.share.min.record.lock.duration.ms=1000"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(script), "--config",
                           "group.share.delivery.count.limit=1"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2 and "außerhalb des erlaubten Bereichs [2, 10]" in done.stderr
    done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(tmp_path / "fehlt.py")],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2 and "gibt es nicht" in done.stderr
    done = subprocess.run([sys.executable, "-m", "kafkasim"], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2 and "Fehler: ungültiger Aufruf" in done.stderr


def test_runs_repeat_across_processes_with_different_hash_seeds(tmp_path: Path):
    script = tmp_path / "gruppe.py"
    script.write_text(
        "from kafka import KafkaProducer, KafkaConsumer\n"
        "from kafka.admin import KafkaAdminClient, NewTopic\n"
        "KafkaAdminClient().create_topics([NewTopic('kurse', 6, 3)])\n"
        "p = KafkaProducer(key_serializer=lambda k: k and k.encode(), value_serializer=str.encode)\n"
        "for i in range(30):\n    p.send('kurse', key=f'k{i}', value=str(i))\n"
        "p.send('kurse', value='ohne key')\np.flush()\n"
        "cs = [KafkaConsumer('kurse', group_id='g', partition_assignment_strategy=[__import__('kafka')"
        ".coordinator.assignors.sticky.sticky_assignor.StickyPartitionAssignor], auto_offset_reset='earliest')"
        " for _ in range(3)]\n"
        "for _ in range(20):\n    [c.poll(timeout_ms=300) for c in cs]\n"
        "cs[0].close()\n"
        "for _ in range(20):\n    [c.poll(timeout_ms=300) for c in cs[1:]]\n",
        encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "simulator"))
    outputs = []
    for hash_seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(script), "--events", "--seed", "5"],
                              capture_output=True, text=True, timeout=60, env=dict(env, PYTHONHASHSEED=hash_seed))
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and "stabil" in outputs[0]


def test_serializer_called_with_none_key_gets_a_german_hint():
    cluster = Cluster(brokers=1, seed=0)
    result = cluster.run_script("from kafka import KafkaProducer\n"
                                "KafkaProducer(key_serializer=str.encode).send('t', b'v')\n")
    assert "auch mit None" in result.error and "NoneType" in result.error


def test_budget_cannot_be_swallowed_by_a_bare_except():
    cluster = Cluster(brokers=1, seed=0)
    result = cluster.run_script("from kafka import KafkaConsumer\nc = KafkaConsumer('t', group_id='g')\n"
                                "while True:\n    try:\n        c.poll(timeout_ms=1000)\n    except:\n        pass\n",
                                time_budget_ms=20_000)
    assert result.timed_out and result.error
    assert sys.gettrace() is None
    again = cluster.run_script("print('weiter')\n")
    assert again.stdout == "weiter\n" and again.error is None


FACADE_IMPORTS = [
    "from kafka import KafkaProducer, KafkaConsumer, KafkaAdminClient, TopicPartition, OffsetAndMetadata",
    "from kafka import DefaultSerializer, JsonSerializer, Serializer, Deserializer, ConsumerRebalanceListener",
    "from kafka.admin import KafkaAdminClient, NewTopic, NewPartitions, ConfigResource, ConfigResourceType",
    "from kafka.errors import KafkaError, KafkaTimeoutError, TopicAlreadyExistsError, CommitFailedError",
    "from kafka.structs import TopicPartition, OffsetAndMetadata, OffsetAndTimestamp",
    "from kafka.consumer.fetcher import ConsumerRecord",
    "from kafka.producer.future import RecordMetadata, FutureRecordMetadata",
    "from kafka.partitioner import DefaultPartitioner, murmur2",
    "from kafka.partitioner.default import DefaultPartitioner",
    "from kafka.coordinator.assignors.range import RangePartitionAssignor",
    "from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor",
    "from kafka.coordinator.assignors.sticky.sticky_assignor import StickyPartitionAssignor",
    "from kafka.serializer.json import JsonSerializer",
    "from kafka.serializer.default import DefaultSerializer",
    "import kafka.errors as errors",
]


def test_module_paths_match_kafka_python():
    cluster = Cluster(brokers=1, seed=0)
    for line in FACADE_IMPORTS:
        exec(line, {})                                  # the real kafka-python has it …
        result = cluster.run_script(line + "\n")        # … and so does the simulator
        assert result.error is None, (line, result.error)


def test_clients_fail_to_bootstrap_when_no_broker_runs():
    cluster = Cluster(brokers=1, seed=0)
    cluster.crash_broker(1)
    t0 = cluster.now_ms
    result = cluster.run_script("from kafka import KafkaProducer\nKafkaProducer(bootstrap_servers='localhost:9092')\n")
    assert "KafkaTimeoutError: Unable to bootstrap from localhost:9092" in result.error
    assert result.error.startswith("Kein Broker erreichbar")
    assert cluster.now_ms - t0 == 30_000


def test_random_and_uuid_in_scripts_repeat_with_the_seed():
    source = ("import random, uuid\nfrom random import randint\n"
              "print(random.random(), randint(1, 100), uuid.uuid4(), random.choice('abc'))\n")
    outputs = [Cluster(brokers=1, seed=9).run_script(source).stdout for _ in range(2)]
    assert outputs[0] == outputs[1] and len(outputs[0].split()) == 4
    assert Cluster(brokers=1, seed=10).run_script(source).stdout != outputs[0]


def test_errors_in_callbacks_are_logged_with_learner_frames_only(caplog):
    import logging
    caplog.set_level(logging.ERROR, logger="kafka")
    cluster = Cluster(brokers=1, seed=0)
    result = cluster.run_script("from kafka import KafkaProducer\ndef ok(md):\n    raise RuntimeError('kaputt')\n"
                                "p = KafkaProducer()\np.send('t', b'x').add_callback(ok)\np.flush()\nprint('weiter')\n")
    assert result.error is None and result.stdout.strip().endswith("weiter")
    (record,) = [r for r in caplog.records if r.name == "kafka.future"]
    text = record.getMessage()
    assert 'File "<skript>", line 3, in ok' in text and "RuntimeError: kaputt" in text and "kafkasim" not in text


def test_cli_passes_arguments_after_double_dash_to_the_script(tmp_path: Path):
    script = tmp_path / "args.py"
    script.write_text("import sys\nprint(sys.argv[1:])\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "simulator"))
    done = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(script), "--seed", "2", "--", "--topic", "x"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0 and done.stdout.strip() == "['--topic', 'x']"


def test_misspelled_client_setting_gets_a_german_hint():
    result = Cluster(brokers=1, seed=0).run_script("from kafka import KafkaProducer\n"
                                                   "KafkaProducer(bootstrap_server='localhost:9092')\n")
    assert result.error.startswith("Der Client kennt mindestens eine") and "Unrecognized configs" in result.error
