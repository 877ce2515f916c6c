"""The page's share-group and consumer-protocol controls on the Cluster: what the snapshot says
after each button, and that a shared state replays them."""
from __future__ import annotations

import pytest

from kafkasim import Cluster


@pytest.fixture
def cluster():
    c = Cluster(brokers=1, seed=0)
    c.groups4_create_topic("auftraege", 1)
    for i in range(4):
        c.groups4_produce("auftraege", [f"Auftrag {i + 1}"])
    c.groups4_set_group_config("lager", "share.auto.offset.reset", "earliest")
    c.groups4_set_group_config("lager", "share.record.lock.duration.ms", 15000)
    return c


def records(c):
    part = c.snapshot()["share_groups"][0]["partitions"][0]
    return [(r["offset"], r["state"], r["delivery_count"]) for r in part["records"]]


def test_two_members_share_one_partition(cluster):
    a = cluster.add_share_member("lager", "auftraege")
    b = cluster.add_share_member("lager", "auftraege")
    assert [r["offset"] for r in cluster.share_fetch(a)["records"]] == [0, 1]
    assert [r["offset"] for r in cluster.share_fetch(b)["records"]] == [2, 3]
    group = cluster.snapshot()["share_groups"][0]
    assert [m["assignment"] for m in group["members"]] == [[["auftraege", 0]], [["auftraege", 0]]]
    assert [(r["member"], r["state"]) for r in group["partitions"][0]["records"]] == [
        (a, "Acquired"), (a, "Acquired"), (b, "Acquired"), (b, "Acquired")]


def test_release_redelivers_with_the_next_count_and_accept_settles(cluster):
    a = cluster.add_share_member("lager", "auftraege")
    cluster.share_fetch(a)
    cluster.share_acknowledge(a, 0, 0, "accept")
    cluster.share_acknowledge(a, 0, 1, "release")
    assert records(cluster)[:2] == [(0, "Acknowledged", 1), (1, "Available", 1)]
    assert [(r["offset"], r["delivery_count"]) for r in cluster.share_fetch(a)["records"]] == [(1, 2), (2, 1)]


def test_an_expired_lock_makes_the_records_available_and_a_late_answer_is_refused(cluster):
    a = cluster.add_share_member("lager", "auftraege")
    cluster.share_fetch(a)
    held = cluster.snapshot()["share_groups"][0]["members"][0]["held"]
    assert [(h["lock_until_ms"] - cluster.now_ms, h["lock_lost"]) for h in held] == [(15000, False), (15000, False)]
    assert cluster.expire_share_locks(a) == 15001
    assert records(cluster)[:2] == [(0, "Available", 1), (1, "Available", 1)]
    held = cluster.snapshot()["share_groups"][0]["members"][0]["held"]
    assert [h["lock_lost"] for h in held] == [True, True]
    # Like KafkaShareConsumer: every record of the last poll is answered before the next poll.
    with pytest.raises(ValueError, match="expliziten Modus"):
        cluster.share_fetch(a)
    assert cluster.share_acknowledge(a, 0, 0, "accept")["result"] == "INVALID_RECORD_STATE"
    assert cluster.share_acknowledge(a, 0, 1, "accept")["result"] == "INVALID_RECORD_STATE"
    assert [(r["offset"], r["delivery_count"]) for r in cluster.share_fetch(a)["records"]] == [(0, 2), (1, 2)]


def test_the_delivery_limit_archives_a_record(cluster):
    a = cluster.add_share_member("lager", "auftraege")
    for delivery in range(1, 6):
        got = cluster.share_fetch(a)["records"]
        assert (got[0]["offset"], got[0]["delivery_count"]) == (0, delivery)
        for r in got:
            cluster.share_acknowledge(a, 0, r["offset"], "release" if r["offset"] == 0 else "accept")
    assert records(cluster)[0] == (0, "Archived", 5)


def test_reject_archives_and_fetching_while_holding_is_refused(cluster):
    a = cluster.add_share_member("lager", "auftraege")
    cluster.share_fetch(a)
    with pytest.raises(ValueError, match="expliziten Modus"):
        cluster.share_fetch(a)
    cluster.share_acknowledge(a, 0, 0, "reject")
    cluster.share_acknowledge(a, 0, 1, "accept")
    assert records(cluster)[:2] == [(0, "Archived", 1), (1, "Acknowledged", 1)]


def test_consumer_protocol_members_keep_what_they_keep(cluster):
    cluster.groups4_create_topic("kurse", 6)
    cluster.add_protocol_consumer("depot-neu", "kurse", name="A")
    cluster.advance(6000)
    cluster.add_protocol_consumer("depot-neu", "kurse", name="B")
    cluster.advance(20000)
    group = cluster.snapshot()["consumer_protocol_groups"][0]
    assert (group["type"], group["assignor"], group["state"]) == ("consumer", "uniform", "Stable")
    owned = {m["name"]: [p for _t, p in m["assignment"]] for m in group["members"]}
    assert owned == {"A": [0, 1, 2], "B": [3, 4, 5]}


def test_a_shared_state_replays_the_buttons(cluster):
    a = cluster.add_share_member("lager", "auftraege")
    cluster.share_fetch(a)
    cluster.share_acknowledge(a, 0, 1, "release")
    cluster.advance(3000)
    again = Cluster.from_state(cluster.to_state())
    assert again.snapshot()["share_groups"] == cluster.snapshot()["share_groups"]


def test_the_poison_record_exercise_is_right_only_when_kafka_archived_it():
    from kafkasim import labor

    def started():
        c, exercise = labor.start("giftdatensatz", brokers=1, seed=0, config=None)
        c.groups4_create_topic("auftraege", 1)
        for value in ["a", "b", '{"auftrag": 3', "d", "e"]:
            c.groups4_produce("auftraege", [value])
        c.groups4_set_group_config("lager", "share.auto.offset.reset", "earliest")
        return c, exercise, c.add_share_member("lager", "auftraege")

    c, exercise, member = started()
    assert exercise.check()[0] is False
    while got := c.share_fetch(member)["records"]:
        for r in got:
            c.share_acknowledge(member, 0, r["offset"], "release" if r["offset"] == 2 else "accept")
    ok, text = exercise.check()
    assert ok and "share.delivery.count.limit=5" in text
    c, exercise, member = started()
    c.share_fetch(member)
    c.share_acknowledge(member, 0, 0, "accept")
    c.share_acknowledge(member, 0, 1, "accept")
    c.share_fetch(member)
    c.share_acknowledge(member, 0, 2, "reject")
    ok, text = exercise.check()
    assert not ok and "abgelehnt" in text
