"""The Kafka 4.x groups tell what happens as structured events, worded in German in one place
(events/narration.py), as the rest of the simulator does."""
from __future__ import annotations

from kafkasim.groups4.controls import GroupsSimulator


def texts(sim, kind_prefix):
    return [e["text"] for e in sim.kafka.trace._buffer if e["kind"].startswith(kind_prefix)]


def test_a_share_group_round_trip_is_narrated():
    sim = GroupsSimulator(seed=0)
    sim.create_topic("auftraege", 1)
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.set_group_config("lager", "share.record.lock.duration.ms", "15000")
    sim.set_group_config("lager", "share.delivery.count.limit", "2")
    sim.produce("auftraege", 0, ["a1", "a2"])
    sim.add_share_consumer("A", "lager", "auftraege")
    first, second = sim.poll("A")
    sim.acknowledge("A", first, "accept")
    sim.commit("A")
    sim.advance(16_000)                                  # the lock on offset 1 runs out
    sim.acknowledge("A", second, "accept")               # too late: no longer A's
    assert sim.commit("A") == {0: "INVALID_RECORD_STATE"}
    (again,) = sim.poll("A")
    sim.acknowledge("A", again, "release")               # second delivery was the last
    sim.commit("A")
    sim.remove_member("A")
    said = texts(sim, "share_group.")
    assert said[0] == "A tritt der Share-Gruppe lager bei (liest auftraege); die Gruppen-Epoche steigt."
    assert "A holt aus auftraege-0 ab und sperrt: Offset 0 (Zustellung 1), 1 (Zustellung 1)." in said
    assert "A bestätigt in auftraege-0: angenommen 0." in said
    assert "Sperre abgelaufen in auftraege-0 (Share-Gruppe lager): Offset 1 wieder verfügbar." in said
    assert "Der Broker lehnt die Bestätigung von A für auftraege-0 ab (INVALID_RECORD_STATE)." in said
    assert "A holt aus auftraege-0 ab und sperrt: Offset 1 (Zustellung 2)." in said
    assert "A bestätigt in auftraege-0: freigegeben 1 – archiviert (Zustellgrenze erreicht): 1." in said
    assert said[-1] == "A hat die Gruppe verlassen (Share-Gruppe lager)."
    assert sim.share_partition_view("lager", "auftraege", 0)["start_offset"] == 2   # offset 1 archived


def test_a_kip848_rebalance_is_narrated_member_by_member():
    sim = GroupsSimulator(seed=0, broker_configs={"group.consumer.heartbeat.interval.ms": "1000",
                                                  "group.consumer.min.heartbeat.interval.ms": "1000"})
    sim.create_topic("aktienkurse", 2)
    sim.set_group_config("depot-neu", "consumer.assignment.interval.ms", "0")
    a = sim.add_consumer("A", "depot-neu", "aktienkurse")
    sim.run_until(lambda: len(a.owned) == 2, 10_000)
    b = sim.add_consumer("B", "depot-neu", "aktienkurse")
    sim.run_until(lambda: len(a.owned) == 1 and len(b.owned) == 1, 10_000)
    said = texts(sim, "consumer_group.")
    assert said[0] == ("A tritt der Consumer-Gruppe depot-neu bei (group.protocol=consumer, liest aktienkurse); "
                       "die Gruppen-Epoche steigt.")
    revoking = [t for t in said if " soll " in t]
    assert len(revoking) == 1 and revoking[0].startswith("A soll aktienkurse-") \
        and "liest aktienkurse-" in revoking[0] and "weiter" in revoking[0]
    assert any(t.startswith("B hat sich angeglichen (Epoche 3)") and "sobald ihr bisheriger Besitzer" in t
               for t in said)
