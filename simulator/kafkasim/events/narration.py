"""The German narration of every event, built from its kind and fields: the one place that says,
in words a learner reads, what just happened in the cluster.

`narrate(kind, fields)` returns the text; each kind has one function below. Fields are those the
emitter passed (see trace.py for the list of kinds); record keys and values arrive as display
strings.
"""

from __future__ import annotations


def short(text: str | None, limit: int = 60) -> str:
    if text is None:
        return "null"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def count(n: int, one: str, many: str) -> str:
    """`n` with the word that agrees with it, in German digits: "1 Datensatz", "1.200 Datensätze"."""
    return f"{n:,}".replace(",", ".") + " " + (one if n == 1 else many)


def records(n: int) -> str:
    return count(n, "Datensatz", "Datensätze")


def _tp(d: dict) -> str:
    return f"{d['topic']}-{d['partition']}"


def _tps(assignment) -> str:
    return ", ".join(f"{t}-{p}" for t, p in assignment)


# -- cluster, brokers, controller -------------------------------------------------------------------
def _cluster_started(d):
    return (f"Cluster mit {count(len(d['brokers']), 'Broker', 'Brokern')} gestartet; Broker {d['controller']} ist aktiver "
            f"Controller.")


def _broker_crashed(d):
    return (f"Broker {d['broker']} ist abgestürzt. Der Controller merkt es erst, wenn {d['session_timeout_ms']} ms "
            f"lang kein Heartbeat kam (broker.session.timeout.ms); bis dahin bleibt er Leader seiner Partitionen. "
            f"Anfragen, die schon unterwegs waren, scheitern; neue Datensätze halten die Producer zurück, bis ein "
            f"neuer Leader gewählt ist.")


def _broker_fenced(d):
    return f"Der Controller (Broker {d['controller']}) erklärt Broker {d['broker']} für ausgefallen ({d['reason']})."


def _broker_stopping(d):
    return f"Broker {d['broker']} fährt kontrolliert herunter: erst gibt er seine Leader-Rollen ab."


def _broker_stopped(d):
    return f"Broker {d['broker']} ist gestoppt."


def _broker_started(d):
    return f"Broker {d['broker']} läuft wieder und holt als Follower auf, was er verpasst hat."


def _controller_lost(d):
    return ("Kein aktiver Controller mehr: weniger als die Mehrheit der Broker läuft. Leader-Wahlen sind jetzt "
            "unmöglich.")


def _controller_elected(d):
    return f"Broker {d['controller']} ist jetzt der aktive Controller (KRaft)."


# -- topics ------------------------------------------------------------------------------------------
def _topic_created(d):
    if d.get("internal") and d["topic"] == "__transaction_state":
        return (f"Die Broker legen das interne Topic {d['topic']} an ({d['partitions']} Partitionen, "
                f"Replikationsfaktor {d['replication_factor']}): dort steht der Zustand der Transaktionen. "
                f"Transaktions-Coordinator einer transactional_id ist der Leader der Partition, in die sie fällt.")
    if d.get("internal"):
        return (f"Die Broker legen das interne Topic {d['topic']} an ({d['partitions']} Partitionen, "
                f"Replikationsfaktor {d['replication_factor']}): dort speichern Consumer-Gruppen ihre committeten "
                f"Offsets. Gruppen-Koordinator einer Gruppe ist der Leader der Partition, in die ihre group_id fällt.")
    how = "automatisch (auto.create.topics.enable=true) " if d.get("auto") else ""
    leaders = ", ".join(f"{d['topic']}-{i} → Broker {b}" for i, b in enumerate(d["leaders"]))
    return (f"Topic {d['topic']} wurde {how}angelegt: {count(d['partitions'], 'Partition', 'Partitionen')}, Replikationsfaktor "
            f"{d['replication_factor']}. Leader: {leaders}.")


def _topic_partitions_added(d):
    return (f"Topic {d['topic']} hat jetzt {d['partitions']} statt {d['previous']} Partitionen. Achtung: Datensätze mit "
            f"demselben Schlüssel landen ab jetzt womöglich in einer anderen Partition als bisher (murmur2(Schlüssel) mod "
            f"{d['partitions']}).")


def _topic_config_changed(d):
    changes = ", ".join(f"{k}={v}" for k, v in d["config"].items())
    return (f"Topic {d['topic']}: Einstellungen geändert ({changes}). Sie gelten ab sofort, Aufbewahrung und "
            f"Kompaktierung greifen bei ihrem nächsten Lauf.")


def _topic_deleted(d):
    return f"Topic {d['topic']} wurde gelöscht, mitsamt allen Datensätzen."


# -- records and replicas ----------------------------------------------------------------------------
def _record_appended(d):
    if d["count"] == 1:
        return (f"Broker {d['broker']} (Leader) hängt an {_tp(d)} einen Datensatz an: Offset {d['offset']}, "
                f"Schlüssel {short(d['key'])}, Wert {short(d['value'])}.")
    return (f"Broker {d['broker']} (Leader) hängt an {_tp(d)} {records(d['count'])} an: Offsets {d['offset']} bis "
            f"{d['offset'] + d['count'] - 1}.")


def _record_fetched(d):
    if d["count"] == 1:
        text = (f"{d['client_id']} liest aus {_tp(d)} Offset {d['offset']} (Schlüssel {short(d['key'])}, "
                f"Wert {short(d['value'])})")
    else:
        text = (f"{d['client_id']} liest aus {_tp(d)} {records(d['count'])}, Offsets {d['offset']} bis "
                f"{d['offset'] + d['count'] - 1}")
    if d.get("group"):
        text += f" (Consumer-Gruppe {d['group']})"
    return text + "."


def _replica_fetched(d):
    return (f"Broker {d['broker']} (Follower) holt von Broker {d['leader']} (Leader) die Datensätze {d['offset']} bis "
            f"{d['offset'] + d['count'] - 1} von {_tp(d)}.")


def _isr_expanded(d):
    return (f"Broker {d['broker']} hat als Follower von {_tp(d)} aufgeholt und ist wieder in der ISR "
            f"(ISR: {d['isr']}).")


def _isr_shrunk(d):
    return f"Broker {d['broker']} fällt aus der ISR von {_tp(d)}: {d['reason']} (ISR: {d['isr']})."


def _leader_lost(d):
    return (f"{_tp(d)} hat keinen Leader mehr: kein Replikat aus der ISR {d['isr']} läuft. Die Partition ist "
            f"offline, bis eines zurückkommt.")


def _leader_elected(d):
    text = (f"Broker {d['broker']} ist neuer Leader von {_tp(d)} (Leader-Epoche {d['leader_epoch']}; "
            f"{d['reason']}).")
    if d["unclean"]:
        text += " Achtung: unsaubere Leader-Wahl – das Replikat war nicht in der ISR."
    if d["truncated"]:
        text += f" {records(d['truncated'])}, die nur der alte Leader hatte, gehen verloren."
    return text


def _retention_deleted(d):
    return (f"Aufbewahrungsfrist bei {_tp(d)}: {count(d['count'], 'alter Datensatz', 'alte Datensätze')} gelöscht (retention.ms={d['retention_ms']}, "
            f"retention.bytes={d['retention_bytes']}); der Log-Start-Offset rückt von {d['previous']} auf "
            f"{d['log_start_offset']}.")


def _records_deleted(d):
    return (f"DeleteRecords bei {_tp(d)}: der Log-Start-Offset rückt von {d['previous']} auf "
            f"{d['log_start_offset']}; ältere Datensätze sind für Consumer nicht mehr lesbar.")


def _compaction_done(d):
    return (f"Kompaktierung bei {_tp(d)}: {count(d['count'], 'älterer Datensatz', 'ältere Datensätze')} mit schon neuerem Wert für denselben "
            f"Schlüssel entfernt; pro Schlüssel bleibt der neueste.")


# -- producers ---------------------------------------------------------------------------------------
def _producer_created(d):
    return (f"Producer {d['client_id']} verbindet sich (acks={d['acks']}, Idempotenz "
            f"{'an' if d['idempotent'] else 'aus'}).")


def _produce_rejected(d):
    return (f"Broker {d['broker']} lehnt Datensätze für {_tp(d)} ab: nur {count(len(d['isr']), 'Replikat', 'Replikate')} in der ISR, "
            f"min.insync.replicas={d['min_insync_replicas']} (acks=all).")


def _produce_duplicate(d):
    return (f"Broker {d['broker']} erkennt einen wiederholten Batch des idempotenten Producers {d['client_id']} für "
            f"{_tp(d)} und schreibt ihn nicht noch einmal (Offset {d['offset']}).")


def _produce_held(d):
    why = (f"ihr Leader, Broker {d['broker']}, ist nicht erreichbar" if d["broker"] is not None
           else "sie hat gerade keinen Leader")
    return (f"Producer {d['client_id']} hält Datensätze für {_tp(d)} zurück: {why}. Er schickt sie, sobald die "
            f"Metadaten einen erreichbaren Leader nennen – höchstens bis delivery.timeout.ms "
            f"({d['delivery_timeout_ms']} ms) nach dem Anlegen des Batches.")


def _produce_retry(d):
    return (f"Producer {d['client_id']} wiederholt einen Batch für {_tp(d)} ({d['error']}), "
            f"Versuch {d['attempt']}.")


def _produce_failed(d):
    return f"Producer {d['client_id']}: {records(d['count'])} für {_tp(d)} endgültig fehlgeschlagen ({d['error']})."


# -- consumer groups ---------------------------------------------------------------------------------
def _group_joined(d):
    return f"{d['client_id']} tritt der Consumer-Gruppe {d['group']} bei (Mitglieds-ID {d['member']})."


def _group_rebalance(d):
    if d.get("delay_ms") is not None:
        return (f"Consumer-Gruppe {d['group']} startet ein Rebalancing ({d['reason']}) und wartet "
                f"group.initial.rebalance.delay.ms = {d['delay_ms']} ms auf weitere Mitglieder.")
    return (f"Consumer-Gruppe {d['group']} startet ein Rebalancing: {d['reason']}. Alle Mitglieder müssen neu "
            f"beitreten (JoinGroup).")


def _group_generation(d):
    return (f"Consumer-Gruppe {d['group']}: Generation {d['generation']} mit {count(d['member_count'], 'Mitglied', 'Mitgliedern')}; "
            f"{d['leader_client_id']} ist Gruppen-Leader und berechnet die Zuordnung mit dem Assignor "
            f"{d['protocol']}.")


def _group_assigned(d):
    tps = _tps(d["assignment"]) or "keine"
    return (f"{d['client_id']} bekommt in der Consumer-Gruppe {d['group']} (Generation {d['generation']}) die "
            f"Partitionen: {tps}.")


def _group_stable(d):
    parts = "; ".join(f"{cid} → {_tps(a) or 'nichts'}" for cid, a in d["members"])
    return f"Consumer-Gruppe {d['group']} ist stabil (Generation {d['generation']}): {parts}."


def _group_empty(d):
    return f"Consumer-Gruppe {d['group']} hat keine Mitglieder mehr (Empty). Ihre committeten Offsets bleiben erhalten."


def _group_left(d):
    return f"{d['client_id']} {d['reason']}: Consumer-Gruppe {d['group']}."


def _group_deleted(d):
    return f"Consumer-Gruppe {d['group']} wurde gelöscht, mitsamt ihren committeten Offsets."


def _group_poll_timeout(d):
    return (f"{d['client_id']} hat {d['max_poll_interval_ms']} ms nicht gepollt (max.poll.interval.ms) und verlässt "
            f"die Consumer-Gruppe {d['group']}.")


def _group_coordinator_lost(d):
    if d.get("coordinator") is None:
        return (f"Die Consumer-Gruppe {d['group']} hat keinen Gruppen-Koordinator mehr: kein Replikat ihrer Partition "
                f"{d['partition_label']} läuft.")
    return (f"Broker {d['coordinator']} war Gruppen-Koordinator der Consumer-Gruppe {d['group']}: bis ein anderer "
            f"Broker übernimmt, scheitern Heartbeats, JoinGroup und Commits dieser Gruppe.")


def _group_coordinator_moved(d):
    return (f"Broker {d['coordinator']} ist neuer Gruppen-Koordinator der Consumer-Gruppe {d['group']}: er lädt "
            f"Mitglieder, Generation und Offsets aus {d['partition_label']} und übernimmt.")


# -- Kafka 4.x groups: share groups (KIP-932) and the consumer protocol (KIP-848) -----------------
def _parts(partitions) -> str:
    return ", ".join(f"{t}-{p}" for t, p in partitions) or "keine"


def _offsets(offsets) -> str:
    return ", ".join(str(o) for o in offsets)


_GROUP_WORD = {"share_group": "Share-Gruppe", "consumer_group": "Consumer-Gruppe"}
_LEFT_WHY = {"left": "hat die Gruppe verlassen",
             "session_timeout": "hat sich zu lange nicht gemeldet (Session-Timeout) und wird entfernt",
             "rebalance_timeout": "hat Partitionen nicht rechtzeitig abgegeben (Rebalance-Timeout) und wird entfernt"}


def _kafka4_member_joined(kind):
    def text(d):
        protocol = "group.protocol=consumer, " if kind == "consumer_group" else ""
        return (f"{d['member']} tritt der {_GROUP_WORD[kind]} {d['group']} bei ({protocol}liest "
                f"{', '.join(d['topics'])}); die Gruppen-Epoche steigt.")
    return text


def _kafka4_member_left(kind):
    def text(d):
        return f"{d['member']} {_LEFT_WHY.get(d['reason'], d['reason'])} ({_GROUP_WORD[kind]} {d['group']})."
    return text


def _kafka4_target_assignment(kind):
    def text(d):
        shown = "; ".join(f"{m}: {_parts(ps)}" for m, ps in sorted(d["assignment"].items())) or "niemand"
        return f"Der Broker verteilt die {_GROUP_WORD[kind]} {d['group']} neu (Epoche {d['epoch']}): {shown}."
    return text


def _consumer_member_revoking(d):
    return (f"{d['member']} soll {_parts(d['revokes'])} abgeben und liest {_parts(d['keeps'])} weiter; "
            f"erst nach der Abgabe bekommt es Neues.")


def _consumer_member_reconciled(d):
    waiting = " – weitere folgen, sobald ihr bisheriger Besitzer sie freigibt" if d["waiting"] else ""
    return f"{d['member']} hat sich angeglichen (Epoche {d['member_epoch']}): {_parts(d['partitions'])}{waiting}."


def _share_records_acquired(d):
    shown = ", ".join(f"{o} (Zustellung {n})" for o, n in d["records"])
    return f"{d['member']} holt aus {_tp(d)} ab und sperrt: Offset {shown}."


def _share_records_acknowledged(d):
    if d["error"] != "NONE":
        return f"Der Broker lehnt die Bestätigung von {d['member']} für {_tp(d)} ab ({d['error']})."
    parts = [f"{word} {_offsets(d[key])}" for key, word in
             (("accepted", "angenommen"), ("released", "freigegeben"), ("rejected", "abgelehnt"),
              ("renew", "Sperre verlängert")) if d.get(key)]
    archived = f" – archiviert (Zustellgrenze erreicht): {_offsets(d['archived'])}" if d["archived"] else ""
    return f"{d['member']} bestätigt in {_tp(d)}: {'; '.join(parts)}{archived}."


def _share_lock_expired(d):
    archived = f"; archiviert (Zustellgrenze erreicht): {_offsets(d['archived'])}" if d["archived"] else ""
    return (f"Sperre abgelaufen in {_tp(d)} (Share-Gruppe {d['group']}): Offset {_offsets(d['offsets'])} "
            f"wieder verfügbar{archived}.")


def _offset_committed(d):
    who = d.get("client_id") or "ein Consumer"
    return (f"{who} committet in Consumer-Gruppe {d['group']} den Offset {d['offset']} für {_tp(d)}: als Nächstes "
            f"wird dort ab Offset {d['offset']} gelesen.")


def _offset_deleted(d):
    return (f"Der committete Offset der Consumer-Gruppe {d['group']} für {_tp(d)} ist gelöscht "
            f"(delete_group_offsets): ein neues Mitglied beginnt dort nach auto_offset_reset.")


def _offset_reset(d):
    return (f"{d['client_id']}: Offset {d['offset']} gibt es in {_tp(d)} nicht (mehr); "
            f"auto_offset_reset={d['policy']} setzt die Position neu.")


# -- actors of the page ------------------------------------------------------------------------------
def _ticker_started(d):
    return (f"Die Börse {d['ticker']} sendet Kurse von {len(d['symbols'])} Aktien an das Topic {d['topic']} "
            f"(etwa {d['rate_per_s']:g} Datensätze pro Sekunde, Schlüssel = Börsenkürzel).")


def _ticker_stopped(d):
    return f"Die Börse {d['ticker']} sendet keine Kurse mehr."


def _consumer_revoked(d):
    parts = ", ".join(f"{t}-{p}" for t, p in d["partitions"])
    if d["protocol"] == "eager":
        return (f"{d['client_id']} gibt alle seine Partitionen ab (eager, vor dem JoinGroup): {parts}. "
                f"Bis die neue Aufteilung da ist, liest es nichts.")
    kept = ", ".join(f"{t}-{p}" for t, p in d["kept"]) or "keine"
    return (f"{d['client_id']} gibt nur {parts} ab (cooperative) und behält {kept}; für die abgegebenen "
            f"Partitionen tritt es noch einmal bei (zweites Rebalancing).")


def _consumer_error(d):
    return f"{d['client_id']}: {d['error']}"


def _txn_initialized(d):
    text = (f"Transaktions-Coordinator: transactional_id {d['transactional_id']} hat Producer-ID {d['producer_id']} "
            f"mit Epoche {d['epoch']}.")
    if d["epoch"] > 0:
        text += " Ein älterer Producer mit derselben transactional_id ist damit ausgesperrt (Fencing)."
    return text


def _txn_ended(d):
    if d["commit"]:
        what = "committet"
    elif d["reason"] == "timeout":
        what = (f"abgebrochen, weil sie länger als transaction.timeout.ms = {d['timeout_ms']} ms offen war; die "
                f"Epoche steigt, der Producer ist ausgesperrt")
    elif d["reason"] == "fenced":
        what = "abgebrochen, weil ein neuer Producer mit derselben transactional_id init_transactions() aufrief"
    else:
        what = "abgebrochen"
    return f"Transaktion von {d['transactional_id']} {what} ({len(d['partitions'])} Partition(en))."


def _txn_marker(d):
    kind = "COMMIT" if d["commit"] else "ABORT"
    return (f"Broker {d['broker']} schreibt die {kind}-Markierung von Producer {d['producer_id']} in {_tp(d)} "
            f"(Offset {d['offset']}; ein Kontroll-Datensatz, den kein Consumer ausgeliefert bekommt).")


def _action_failed(d):
    return f"Geplante Aktion {d['action']} fehlgeschlagen: {d['error']}"


TEXTS = {
    "cluster.started": _cluster_started,
    "broker.crashed": _broker_crashed, "broker.fenced": _broker_fenced, "broker.stopping": _broker_stopping,
    "broker.stopped": _broker_stopped, "broker.started": _broker_started,
    "controller.lost": _controller_lost, "controller.elected": _controller_elected,
    "topic.created": _topic_created, "topic.partitions_added": _topic_partitions_added,
    "topic.config_changed": _topic_config_changed, "topic.deleted": _topic_deleted,
    **{f"{kind}.member_joined": _kafka4_member_joined(kind) for kind in _GROUP_WORD},
    **{f"{kind}.member_left": _kafka4_member_left(kind) for kind in _GROUP_WORD},
    **{f"{kind}.target_assignment": _kafka4_target_assignment(kind) for kind in _GROUP_WORD},
    "consumer_group.member_revoking": _consumer_member_revoking,
    "consumer_group.member_reconciled": _consumer_member_reconciled,
    "share_group.records_acquired": _share_records_acquired,
    "share_group.records_acknowledged": _share_records_acknowledged,
    "share_group.lock_expired": _share_lock_expired,
    "record.appended": _record_appended, "record.fetched": _record_fetched, "replica.fetched": _replica_fetched,
    "isr.expanded": _isr_expanded, "isr.shrunk": _isr_shrunk,
    "leader.lost": _leader_lost, "leader.elected": _leader_elected,
    "retention.deleted": _retention_deleted, "records.deleted": _records_deleted,
    "compaction.done": _compaction_done,
    "producer.created": _producer_created, "produce.rejected": _produce_rejected,
    "produce.duplicate": _produce_duplicate, "produce.held": _produce_held, "produce.retry": _produce_retry,
    "produce.failed": _produce_failed,
    "group.joined": _group_joined, "group.rebalance": _group_rebalance, "group.generation": _group_generation,
    "group.assigned": _group_assigned, "group.stable": _group_stable, "group.empty": _group_empty,
    "group.left": _group_left, "group.member_expired": _group_left, "group.deleted": _group_deleted,
    "group.poll_timeout": _group_poll_timeout, "group.coordinator_lost": _group_coordinator_lost,
    "group.coordinator_moved": _group_coordinator_moved,
    "offset.committed": _offset_committed, "offset.deleted": _offset_deleted, "offset.reset": _offset_reset,
    "ticker.started": _ticker_started, "ticker.stopped": _ticker_stopped,
    "txn.initialized": _txn_initialized, "txn.ended": _txn_ended, "txn.marker": _txn_marker,
    "consumer.error": _consumer_error, "consumer.revoked": _consumer_revoked, "action.failed": _action_failed,
}


def narrate(kind: str, fields: dict) -> str:
    return TEXTS[kind](fields)
