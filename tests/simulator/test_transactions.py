"""Transactions as the page shows them: the snapshot marks markers, aborted and open records and the
last stable offset; the coordinator's timeout abort and the fencing are narrated. (What a script
prints with transactions is checked against the real broker in tests/corpus/scripts/transactions/.)"""

from kafkasim import Cluster

THREE_TRANSACTIONS = """
from kafka import KafkaProducer
producer = KafkaProducer(transactional_id="kasse")
producer.init_transactions()
producer.begin_transaction(); producer.send("kassenbons", b"a"); producer.commit_transaction()
producer.begin_transaction(); producer.send("kassenbons", b"b"); producer.flush(); producer.abort_transaction()
producer.begin_transaction(); producer.send("kassenbons", b"c"); producer.flush()
"""


def run_ok(cluster, source):
    result = cluster.run_script(source)
    assert result.error is None, (result.error, result.traceback)
    return result


def test_snapshot_marks_markers_aborted_and_open_records_and_the_lso():
    cluster = Cluster(seed=1)
    cluster.create_topic("kassenbons", 1, 1)
    run_ok(cluster, THREE_TRANSACTIONS)
    snapshot = cluster.snapshot()
    partition = snapshot["topics"][0]["partitions"][0]
    marks = [(r["offset"], r["value"], r.get("marker"), r.get("aborted"), r.get("open")) for r in partition["records"]]
    assert marks == [(0, "a", None, None, None), (1, None, "commit", None, None), (2, "b", None, True, None),
                     (3, None, "abort", None, None), (4, "c", None, None, True)]
    assert (partition["high_watermark"], partition["last_stable_offset"]) == (5, 4)
    assert [t["producer_id"] for t in partition["open_transactions"]] == [snapshot["transactions"][0]["producer_id"]]
    assert partition["open_transactions"][0]["first_offset"] == 4
    (txn,) = snapshot["transactions"]
    assert (txn["transactional_id"], txn["state"], txn["partitions"]) == ("kasse", "Ongoing", ["kassenbons-0"])
    (producer,) = snapshot["producers"]
    assert (producer["transactional_id"], producer["transaction_state"]) == ("kasse", "IN_TRANSACTION")


def test_plain_records_carry_no_transaction_marks():
    cluster = Cluster(seed=1)
    cluster.create_topic("t", 1, 1)
    cluster.produce("t", "x")
    partition = cluster.snapshot()["topics"][0]["partitions"][0]
    assert set(partition["records"][0]) == {"offset", "key", "value", "timestamp"}
    assert partition["last_stable_offset"] == partition["high_watermark"] == 1
    assert partition["open_transactions"] == []
    assert "transactions" not in cluster.snapshot()     # the key appears with the first transactional id


def test_an_open_transaction_past_its_timeout_is_aborted_by_the_coordinator_and_narrated():
    cluster = Cluster(seed=1)
    cluster.create_topic("kassenbons", 1, 1)
    run_ok(cluster, THREE_TRANSACTIONS.replace('transactional_id="kasse"',
                                               'transactional_id="kasse", transaction_timeout_ms=3000'))
    cluster.advance(15_000)       # the coordinator checks every 10 s
    snapshot = cluster.snapshot()
    assert snapshot["transactions"][0]["state"] == "CompleteAbort"
    partition = snapshot["topics"][0]["partitions"][0]
    assert partition["records"][-1]["marker"] == "abort" and partition["records"][-2]["aborted"] is True
    assert partition["last_stable_offset"] == partition["high_watermark"] == 6
    ended = [e for e in cluster.events() if e["kind"] == "txn.ended"]
    assert ended[-1]["reason"] == "timeout"
    assert "transaction.timeout.ms = 3000 ms" in ended[-1]["text"]
