"""The operations the simulator controls call: what they do, and the German refusals for what
Kafka refuses or the simulator does not reproduce."""
from __future__ import annotations

import pytest

from kafkasim.broker.configs import BROKER_DEFAULTS, GroupConfigs
from kafkasim.groups4.controls import GroupsControlError, GroupsSimulator


@pytest.fixture
def sim():
    sim = GroupsSimulator(seed=1, broker_configs={"group.share.min.record.lock.duration.ms": "1000"})
    sim.create_topic("auftraege", 1)
    sim.produce("auftraege", 0, ["a1", "a2", "a3"])
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.set_group_config("lager", "share.assignment.interval.ms", "0")
    return sim


def test_kafkas_defaults():
    configs = GroupConfigs()
    assert configs.group("g", "share.record.lock.duration.ms") == 30000
    assert configs.group("g", "share.delivery.count.limit") == 5
    assert configs.group("g", "share.auto.offset.reset") == "latest"
    assert configs.group("g", "share.heartbeat.interval.ms") == 5000
    assert configs.group("g", "consumer.heartbeat.interval.ms") == 5000
    assert configs.group("g", "consumer.session.timeout.ms") == 45000
    assert BROKER_DEFAULTS["group.consumer.assignors"] == ["uniform", "range"]
    assert BROKER_DEFAULTS["group.share.partition.max.record.locks"] == 2000


def test_group_configs_are_bounded_by_the_broker():
    configs = GroupConfigs()
    with pytest.raises(ValueError, match="group.share.min.record.lock.duration.ms=15000"):
        configs.set_group("lager", "share.record.lock.duration.ms", 5000)
    with pytest.raises(ValueError, match="group.share.max.delivery.count.limit=10"):
        configs.set_group("lager", "share.delivery.count.limit", 11)
    with pytest.raises(ValueError, match="erlaubt: latest, earliest"):
        configs.set_group("lager", "share.auto.offset.reset", "beginning")
    with pytest.raises(ValueError, match="gibt es nicht"):
        configs.set_group("lager", "share.lock.ms", 1)
    configs.set_group("lager", "share.record.lock.duration.ms", 15000)
    assert configs.group("lager", "share.record.lock.duration.ms") == 15000
    assert configs.group("andere", "share.record.lock.duration.ms") == 30000


def test_a_work_queue_round_trip_through_the_controls(sim):
    sim.add_share_consumer("A", "lager", "auftraege", max_poll_records=2, acquire_mode="record_limit")
    records = sim.poll("A")
    assert [(r.offset, r.delivery_count, r.value) for r in records] == [(0, 1, "a1"), (1, 1, "a2")]
    view = sim.share_partition_view("lager", "auftraege", 0)
    assert [(r["offset"], r["state"], r["member"]) for r in view["records"]] == [
        (0, "Acquired", "A"), (1, "Acquired", "A"), (2, "Available", None)]
    sim.acknowledge("A", records[0], "accept")
    sim.acknowledge("A", records[1], "release")
    assert sim.commit("A") == {0: "ok"}
    again = sim.poll("A")
    assert [(r.offset, r.delivery_count) for r in again] == [(1, 2), (2, 1)]


def test_the_lock_expires_on_simulated_time(sim):
    sim.set_group_config("lager", "share.record.lock.duration.ms", "2000")
    sim.add_share_consumer("A", "lager", "auftraege")
    sim.poll("A")
    sim.add_share_consumer("B", "lager", "auftraege")
    assert sim.poll("B", max_wait_ms=1000) == []
    start = sim.kernel.now
    records = sim.poll("B", max_wait_ms=5000)  # waits until A's lock runs out
    assert [r.delivery_count for r in records] == [2, 2, 2]
    assert 500 <= sim.kernel.now - start <= 1500


def test_polling_with_unacknowledged_records_is_refused(sim):
    sim.add_share_consumer("A", "lager", "auftraege")
    sim.poll("A")
    with pytest.raises(GroupsControlError, match="expliziten Modus"):
        sim.poll("A")


def test_wrong_uses_get_german_messages(sim):
    sim.add_share_consumer("A", "lager", "auftraege")
    records = sim.poll("A")
    with pytest.raises(GroupsControlError, match="Unbekannte Bestätigung 'ok'"):
        sim.acknowledge("A", records[0], "ok")
    with pytest.raises(GroupsControlError, match="hält keinen Datensatz p0@9"):
        sim.acknowledge("A", (0, 9), "accept")
    with pytest.raises(GroupsControlError, match="gibt es schon"):
        sim.add_share_consumer("A", "lager", "auftraege")
    with pytest.raises(GroupsControlError, match="gibt es nicht"):
        sim.add_share_consumer("Z", "lager", "fehlt")
    with pytest.raises(GroupsControlError, match="kafka-python"):
        sim.add_consumer("K", "depot-neu", "auftraege", protocol="classic")
    with pytest.raises(GroupsControlError, match="group.protocol=modern gibt es nicht"):
        sim.add_consumer("K", "depot-neu", "auftraege", protocol="modern")
    with pytest.raises(GroupsControlError, match="schon eine Share-Gruppe"):
        sim.add_consumer("K", "lager", "auftraege")
    with pytest.raises(GroupsControlError, match="share.acquire.mode=fast"):
        sim.add_share_consumer("B", "lager", "auftraege", acquire_mode="fast")
    with pytest.raises(GroupsControlError, match="keine Partition 3"):
        sim.produce("auftraege", 3, ["x"])
    with pytest.raises(GroupsControlError, match="Broker-Einstellung group.share.bogus"):
        GroupsSimulator(broker_configs={"group.share.bogus": "1"})


def test_a_removed_member_gives_back_its_records(sim):
    sim.add_share_consumer("A", "lager", "auftraege")
    sim.add_share_consumer("B", "lager", "auftraege")
    sim.poll("A")
    sim.remove_member("A")
    assert [r.delivery_count for r in sim.poll("B")] == [2, 2, 2]
    with pytest.raises(GroupsControlError, match="gibt es nicht"):
        sim.poll("A")


def test_a_share_fetch_waits_at_the_broker_until_records_arrive(sim):
    sim.add_share_consumer("A", "lager", "auftraege")
    sim.poll("A")
    sim.acknowledge_all("A", "accept")
    sim.commit("A")
    start = sim.kernel.now
    sim.kernel.schedule(1200, sim.produce, "auftraege", 0, ["a4"])
    records = sim.poll("A", max_wait_ms=5000)
    assert [r.value for r in records] == ["a4"]
    assert 1200 <= sim.kernel.now - start < 1300        # answered when the record came, not after 5 s
    start = sim.kernel.now
    sim.acknowledge_all("A", "accept")
    assert sim.poll("A", max_wait_ms=0) == []           # the acknowledgement rides along with this fetch
    assert sim.share_partition_view("lager", "auftraege", 0)["start_offset"] == 4
    assert sim.poll("A", max_wait_ms=800) == []
    assert 800 <= sim.kernel.now - start < 900


def test_the_controls_run_on_the_brokers_of_the_pages_cluster():
    from kafkasim.cluster import Cluster
    cluster = Cluster(brokers=3, seed=0)
    sim = GroupsSimulator(kafka=cluster.kafka, env=cluster.env)
    assert sim.kernel is cluster.kernel and sim.broker is cluster.kafka.kafka4_groups
    sim.create_topic("auftraege", 1)
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.produce("auftraege", 0, ["a1", "a2"])
    sim.add_share_consumer("A", "lager", "auftraege")
    assert [(r.offset, r.delivery_count, r.value) for r in sim.poll("A")] == [(0, 1, "a1"), (1, 1, "a2")]
    sim.add_consumer("K", "depot-neu", "auftraege")
    assert sim.run_until(lambda: sim.consumers["K"].owned, 10_000)


def test_the_group_clients_move_to_another_broker_when_theirs_crashes():
    from kafkasim.cluster import Cluster
    cluster = Cluster(brokers=3, seed=0)
    sim = GroupsSimulator(kafka=cluster.kafka, env=cluster.env)
    sim.create_topic("auftraege", 1)
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.add_share_consumer("A", "lager", "auftraege")
    sim.add_consumer("K", "depot-neu", "auftraege")
    cluster.crash_broker(1)
    sim.advance(30_000)                       # heartbeats fail, then reach broker 2
    assert sim.describe_share_group("lager")["members"] and sim.describe_consumer_group("depot-neu")["members"]
    assert sim.share_consumer("A").node_id != 1 and sim.consumers["K"].node_id != 1
    sim.produce("auftraege", 0, ["a1"])
    assert [r.value for r in sim.poll("A")] == ["a1"]


def test_a_groups_record_locks_are_bounded_by_the_brokers_maximum_of_4000():
    configs = GroupConfigs()
    with pytest.raises(ValueError, match="group.share.max.partition.max.record.locks=4000"):
        configs.set_group("lager", "share.partition.max.record.locks", 5000)
    configs.set_group("lager", "share.partition.max.record.locks", 4000)
    raised = GroupsSimulator(broker_configs={"group.share.max.partition.max.record.locks": "10000"})
    raised.set_group_config("lager", "share.partition.max.record.locks", 10000)
    with pytest.raises(GroupsControlError, match=r"außerhalb des erlaubten Bereichs \[2000, 10000\]"):
        GroupsSimulator(broker_configs={"group.share.max.partition.max.record.locks": "20000"})
