"""A learner's threads run as simulated processes: switched only where they block, so a seed gives
one result; threading and queue wait in simulated time; nothing hangs."""

from kafkasim import Cluster

# The shape of kafka-python's own example (README, example.py): a producer thread, a consumer
# thread, the main thread sleeping, then stopping and joining both.
EXAMPLE = """
import threading, time
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic

class Producer(threading.Thread):
    def __init__(self):
        threading.Thread.__init__(self)
        self.stop_event = threading.Event()
    def stop(self):
        self.stop_event.set()
    def run(self):
        producer = KafkaProducer(bootstrap_servers="localhost:9092")
        n = 0
        while not self.stop_event.is_set():
            producer.send("my-topic", b"test %d" % n)
            n += 1
            time.sleep(1)
        producer.close()

class Consumer(threading.Thread):
    def __init__(self):
        threading.Thread.__init__(self)
        self.stop_event = threading.Event()
        self.seen = []
    def stop(self):
        self.stop_event.set()
    def run(self):
        consumer = KafkaConsumer(bootstrap_servers="localhost:9092", auto_offset_reset="earliest",
                                 group_id="example", consumer_timeout_ms=1000)
        consumer.subscribe(["my-topic"])
        while not self.stop_event.is_set():
            for message in consumer:
                self.seen.append((message.offset, message.value.decode(), threading.current_thread().name))
                if self.stop_event.is_set():
                    break
        consumer.close()

admin = KafkaAdminClient(bootstrap_servers="localhost:9092")
admin.create_topics([NewTopic(name="my-topic", num_partitions=1, replication_factor=1)])
tasks = [Producer(), Consumer()]
for t in tasks:
    t.start()
time.sleep(10)
for task in tasks:
    task.stop()
for task in tasks:
    task.join()
print(tasks[1].seen)
print([t.is_alive() for t in tasks])
"""


def run(source, seed=0, **kw):
    cluster = Cluster(brokers=1, seed=seed)
    result = cluster.run_script(source, **kw)
    return cluster, result


def test_kafka_python_example_with_producer_and_consumer_threads_repeats_with_its_seed():
    outputs = []
    for _ in range(3):
        cluster, result = run(EXAMPLE)
        assert result.error is None, (result.error, result.traceback)
        outputs.append((result.stdout, [(e["t"], e["kind"], e["text"]) for e in cluster.events()]))
    assert outputs[0] == outputs[1] == outputs[2]
    seen, alive = outputs[0][0].splitlines()
    seen = eval(seen)
    # The group waits group.initial.rebalance.delay.ms (3 s), then reads every record sent so far.
    assert [offset for offset, _v, _t in seen] == list(range(len(seen))) and 5 <= len(seen) <= 10
    assert seen[0][1] == "test 0" and {name for _o, _v, name in seen} == {"Thread-2"}
    assert alive == "[False, False]"


def test_threads_switch_only_where_they_block():
    _cluster, result = run(
        "import threading, time\nlog = []\n"
        "def worker(name, pause):\n"
        "    for i in range(3):\n"
        "        log.append((round(time.monotonic(), 2), name, i))\n"
        "        time.sleep(pause)\n"
        "a = threading.Thread(target=worker, args=('a', 0.3))\n"
        "b = threading.Thread(target=worker, args=('b', 0.5))\n"
        "a.start(); b.start()\n"
        "log.append((round(time.monotonic(), 2), 'main', 'started'))\n"
        "a.join(); b.join()\n"
        "print(log)\n")
    assert result.error is None, result.error
    log = eval(result.stdout)
    # Started threads run once the main thread blocks (join), each until its next sleep.
    assert [(name, i) for _t, name, i in log] == [
        ("main", "started"), ("a", 0), ("b", 0), ("a", 1), ("b", 1), ("a", 2), ("b", 2)]
    assert [t for t, name, _i in log if name == "a"][1:] == [0.3, 0.6]
    assert [t for t, name, _i in log if name == "b"][1:] == [0.5, 1.0]


def test_lock_event_condition_and_queue_wait_in_simulated_time():
    _cluster, result = run(
        "import threading, time, queue\n"
        "q = queue.Queue(maxsize=2)\nlock = threading.Lock()\ndone = threading.Event()\nout = []\n"
        "def producer():\n"
        "    for i in range(5):\n"
        "        q.put(i)\n"
        "        out.append(('put', i, round(time.monotonic(), 1)))\n"
        "    done.set()\n"
        "def consumer():\n"
        "    while not (done.is_set() and q.empty()):\n"
        "        try:\n            item = q.get(timeout=1)\n        except queue.Empty:\n            continue\n"
        "        with lock:\n            time.sleep(0.5)\n            out.append(('got', item, round(time.monotonic(), 1)))\n"
        "threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]\n"
        "[t.start() for t in threads]\n"
        "print(done.wait(timeout=0.2), round(time.monotonic(), 1))\n"
        "[t.join() for t in threads]\n"
        "print(out)\n"
        "t = threading.Thread(target=time.sleep, args=(30,), daemon=True)\nt.start()\n"
        "t.join(timeout=2)\nprint(t.is_alive(), round(time.monotonic(), 1))\n")
    assert result.error is None, result.error
    first, items, last = result.stdout.splitlines()
    assert first == "False 0.2"
    got = [entry for entry in eval(items) if entry[0] == "got"]
    assert [item for _k, item, _t in got] == [0, 1, 2, 3, 4]
    assert [t for _k, _i, t in got] == [0.5, 1.0, 1.5, 2.0, 2.5]
    assert last == "True 4.5"      # the daemon thread still sleeps; the script ends without it


def test_an_error_in_a_thread_is_reported_and_the_script_goes_on():
    _cluster, result = run(
        "import threading\n"
        "def kaputt():\n    raise ValueError('im Thread')\n"
        "t = threading.Thread(target=kaputt, name='arbeiter')\nt.start(); t.join()\nprint('weiter')\n")
    assert result.error is None
    lines = result.stdout.splitlines()
    assert lines[0] == "Exception in thread arbeiter:" and lines[-2] == "ValueError: im Thread"
    assert lines[-1] == "weiter" and "kafkasim" not in result.stdout


def test_the_interpreter_waits_for_threads_that_outlive_the_main_code():
    _cluster, result = run(
        "import threading, time\n"
        "def later():\n    time.sleep(5)\n    print('nach dem Hauptprogramm', round(time.monotonic()))\n"
        "threading.Thread(target=later).start()\nprint('Hauptprogramm fertig')\n")
    assert result.error is None
    assert result.stdout.splitlines() == ["Hauptprogramm fertig", "nach dem Hauptprogramm 5"]


def test_a_thread_that_never_ends_stops_on_the_budget_and_the_next_script_runs():
    cluster, result = run(
        "import threading, time\nfrom kafka import KafkaConsumer\n"
        "def forever():\n"
        "    c = KafkaConsumer('t', group_id='g')\n"
        "    while True:\n        try:\n            c.poll(timeout_ms=500)\n        except BaseException:\n            pass\n"
        "threading.Thread(target=forever).start()\n", time_budget_ms=20_000)
    assert result.timed_out and "Zeitbudget" in result.error
    assert cluster.now_ms <= 20_000 + 10
    again = cluster.run_script("import threading\nprint(threading.active_count() >= 1)\n")
    assert again.error is None and again.stdout == "True\n"


def test_modules_that_start_real_processes_are_refused_in_german():
    _cluster, result = run("from concurrent.futures import ThreadPoolExecutor\n")
    assert "ImportError" in result.error and "threading.Thread" in result.error
