"""The share-group chapter's exercise: a poison record among the Aufträge, settled by Kafka's
delivery limit. Judged from the snapshot's share-group fields (the records' states and delivery
counts), never from the clicks that got there.
"""

from __future__ import annotations

SHARE_GROUP = "lager"
QUEUE_TOPIC = "auftraege"
# The record the preset writes with broken JSON (presets.js, "uebung-giftdatensatz").
POISON_OFFSET = 2


def poison_record(cluster, history) -> tuple[bool, str]:
    groups = {g["group_id"]: g for g in cluster.groups4_snapshot()["share_groups"]}
    group = groups.get(SHARE_GROUP)
    if group is None or not group["partitions"]:
        return False, (f"Noch keine Share-Gruppe {SHARE_GROUP}: Legen Sie sie mit „Share-Gruppe hinzufügen“ an "
                       f"(Gruppe {SHARE_GROUP}, Topic {QUEUE_TOPIC}).")
    limit = group["delivery_count_limit"]
    records = {r["offset"]: r for p in group["partitions"] for r in p["records"]}
    poison = records[POISON_OFFSET]
    healthy = [r for o, r in sorted(records.items()) if o != POISON_OFFSET]
    if poison["state"] == "Acknowledged":
        return False, (f"Offset {POISON_OFFSET} ist bestätigt – dabei ist sein JSON kaputt: Ein Mitglied, das ihn "
                       "verarbeiten will, scheitert. Setzen Sie den Simulator zurück und geben Sie ihn frei, statt ihn "
                       "zu bestätigen.")
    if poison["state"] == "Archived" and poison["delivery_count"] < limit:
        return False, (f"Offset {POISON_OFFSET} ist archiviert, weil Sie ihn abgelehnt haben (nach "
                       f"{poison['delivery_count']} Zustellung(en)). Das ist im Betrieb richtig – hier soll aber Kafka "
                       "selbst den Giftdatensatz aussortieren. Setzen Sie zurück und geben Sie ihn jedes Mal frei.")
    lost = [r["offset"] for r in healthy if r["state"] == "Archived"]
    if lost:
        return False, (f"Auch gesunde Aufträge sind archiviert (Offset {', '.join(map(str, lost))}): Sie wurden nie "
                       "bearbeitet. Bestätigen Sie jeden gesunden Auftrag, den ein Mitglied abholt.")
    open_ = [r["offset"] for r in healthy if r["state"] != "Acknowledged"]
    if poison["state"] != "Archived" or open_:
        where = (f"Offset {POISON_OFFSET} wurde bisher {poison['delivery_count']}-mal zugestellt (Grenze {limit})"
                 if poison["state"] != "Archived" else f"Offset {POISON_OFFSET} ist archiviert")
        rest = f"; noch nicht bestätigt: Offset {', '.join(map(str, open_))}" if open_ else ""
        return False, f"Noch nicht fertig: {where}{rest}."
    return True, (f"Richtig: Nach dem Freigeben im {limit}. Zustellversuch hat Kafka Offset {POISON_OFFSET} archiviert "
                  f"(share.delivery.count.limit={limit}) – er wird nie wieder zugestellt, die anderen "
                  f"{len(healthy)} Aufträge sind bestätigt. In einer Consumer-Gruppe hätte derselbe Datensatz die "
                  "Partition blockiert, bis jemand ihn von Hand überspringt.")


CHECKS = {"giftdatensatz": poison_record}
