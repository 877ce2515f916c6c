"""The exercise of each theory chapter: like the Labor's checks (checks.py), each reads the cluster
and its history and says in German whether the task is done, and why – or what is missing.

One exercise per chapter, in the chapters' order. They judge records, keys, headers, groups,
offsets and broker states, never the way the learner got there.
"""

from __future__ import annotations

import json

from .checks import (ANNA, BEN, NO_TOPIC, SCALED, TOPIC, Return, _and, _count, _groupless, _groups, _in_partitions,
                     _members, _other_group, restart)
from ..clients.partitioner.murmur2 import partition_for_key
from .history import History, Keyed

# kafka-python 3.0.12's defaults, named in the verdicts.
SESSION_TIMEOUT_S = 45      # session_timeout_ms
REQUEST_TIMEOUT_MS = 30_000  # request_timeout_ms


def _records(partition) -> list[tuple]:
    """(offset, timestamp, key, value, headers) of every record the partition's log holds now."""
    log = partition.log
    return log.read(log.log_start_offset, log.log_end_offset, log.log_end_offset - log.log_start_offset)


def _text(data: bytes | None) -> str:
    return "null" if data is None else data.decode("utf-8", "replace")


def _partitions(numbers) -> str:
    numbers = sorted(set(numbers))
    return ("Partition " if len(numbers) == 1 else "die Partitionen ") + _and(numbers)


def _isr(partition) -> str:
    return "[" + ", ".join(str(b) for b in partition.isr) + "]"


# -- Event-Streaming: Anna macht Pause -------------------------------------------------------------

def _nothing_lost(r: Return) -> str:
    return (f"Richtig: Während Annas Consumer weg war, schrieb die Börse weiter – {_count(r.arrived, 'Kurs', 'Kurse')} "
            f"kamen in der Pause an. Sie blieben im Log, und der neue Consumer der Gruppe {r.group} "
            f"({_and(r.clients)}) las genau dort weiter, wo Anna aufgehört hatte ({r.where}): kein Kurs verloren, "
            "keiner doppelt. Die Börse hat von der Pause nichts gemerkt – Kafka entkoppelt Schreiber und Leser. "
            "Wie sich die Gruppe ihre Position merkt, erklärt das Kapitel Consumer.")


def pause_without_loss(cluster, history: History):
    return restart(cluster, history, ANNA, "anna", success=_nothing_lost)


# -- Architektur: ein Broker stürzt ab -------------------------------------------------------------

def broker_crash(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    down = sorted(b.id for b in cluster.brokers.values() if b.state != "running")
    if len(down) >= 2 and cluster.controller_id is None:
        return False, (f"Ausgefallen sind die Broker {_and(down)}, zwei von drei. Jeder Broker ist hier zugleich "
                       "Controller; ohne Mehrheit gibt es keinen aktiven Controller, der einen neuen Leader wählen "
                       "könnte. Setzen Sie zurück und lassen Sie nur einen Broker abstürzen.")
    hard = [c for c in history.crashes if not c.controlled]
    if not hard:
        stopped = [c.broker for c in history.crashes]
        if stopped:
            return False, (f"Broker {_and(stopped)} wurde kontrolliert heruntergefahren und gab seine Leader-Rollen "
                           "vorher ab – das merkt kaum jemand. Die Aufgabe ist ein Absturz (Knopf „Absturz“): Dann "
                           "muss der Controller den Ausfall erst bemerken.")
        return False, ("Lassen Sie einen der drei Broker abstürzen (Knopf „Absturz“ beim Broker) und dann die Zeit "
                       "laufen. Achten Sie auf die Leader der Partitionen, auf die Börse und auf Annas Consumer.")
    crash = hard[-1]
    led = sorted(p for (t, p) in crash.led if t == TOPIC)
    if not led:
        return False, (f"Broker {crash.broker} war für keine Partition von {TOPIC} Leader, nur Follower – Producer "
                       "und Consumer sprechen nur mit den Leadern und merken davon nichts. Setzen Sie zurück und lassen "
                       "Sie einen Broker abstürzen, der Leader ist („Leader für 1 Partition(en)“).")
    elections = {}
    for e in history.elections:
        if e.topic == TOPIC and e.partition in led and e.previous == crash.broker and e.t >= crash.t:
            elections.setdefault(e.partition, e)
    if len(elections) < len(led):
        return False, (f"Broker {crash.broker} ist abgestürzt, ist aber noch Leader von {_partitions(led)}: Der Controller "
                       "bemerkt den Absturz erst, wenn broker.session.timeout.ms = 9 s lang kein Heartbeat kam. Bis "
                       f"dahin hält die Börse die Kurse für {'diese Partition' if len(led) == 1 else 'diese Partitionen'} zurück. "
                       "Lassen Sie die Zeit laufen.")
    unwritten = [p for p, e in elections.items()
                 if not any(a.t >= e.t for a in history.appends.get((TOPIC, p), ()))]
    if unwritten:
        if not any(t.running for t in cluster.tickers.values()):
            return False, ("Die Börse sendet nicht mehr – so lässt sich nicht zeigen, dass der Producer weiterschreibt. "
                           "Setzen Sie zurück und lassen Sie die Börse laufen.")
        return False, (f"Der neue Leader von {_partitions(unwritten)} steht fest, aber die Börse hat dort noch "
                       "nichts geschrieben: Sie erfährt den neuen Leader mit den nächsten Metadaten. Lassen Sie die "
                       "Zeit laufen.")
    reads = history.reads(ANNA, TOPIC)
    unread = [p for p, e in elections.items() if max((r.end for r in reads.get(p, ())), default=0) <= e.log_end_offset]
    if unread:
        if not _members(cluster, ANNA):
            return False, (f"In der Gruppe {ANNA} liest niemand mehr. Setzen Sie zurück und lassen Sie Annas Consumer "
                           "in der Gruppe.")
        return False, (f"Annas Consumer hat aus {_in_partitions(unread)} seit dem neuen Leader noch nichts gelesen. "
                       "Lassen Sie die Zeit laufen und prüfen Sie erneut.")
    first = min(e.t for e in elections.values())
    leaders = _and(sorted({e.leader for e in elections.values()}))
    written = sum(1 for p, e in elections.items() for a in history.appends.get((TOPIC, p), ()) if a.t >= e.t)
    return True, (
        f"Richtig: Broker {crash.broker} ist abgestürzt. Nach {(first - crash.t) / 1000:.0f} s erklärte ihn der "
        f"Controller für ausgefallen und machte für {_partitions(led)} Broker {leaders} zum Leader – ein Replikat "
        "aus der ISR. Producer und Consumer fanden den neuen Leader über die Metadaten: Die Börse schrieb dort weiter "
        f"(seitdem {_count(written, 'Schreibvorgang', 'Schreibvorgänge')}), und Anna las die neuen Kurse. Starten Sie "
        f"Broker {crash.broker} neu: Er holt als Follower auf und kehrt in die ISR zurück.")


# -- Topics: ein Tombstone löscht DTE --------------------------------------------------------------

COMPACTED = "letzte-kurse"
GONE = b"DTE"
EMPTY_LOOKING = {"", '""', "null", '"null"', "None", '"None"'}


def tombstone(cluster, history: History):
    topic = cluster.topics.get(COMPACTED)
    if topic is None:
        return False, (f"Das Topic {COMPACTED} gibt es nicht mehr. Setzen Sie die Übung mit „Zurücksetzen“ zurück.")
    dte = [(p.index, r) for p in topic.partitions for r in _records(p) if r[2] == GONE]
    tombs = [(p, r) for p, r in dte if r[3] is None]
    live = [(p, r) for p, r in dte if r[3] is not None]
    if tombs and not live:
        p, r = tombs[-1]
        return True, (
            f"Richtig: Im Topic {COMPACTED} liegt kein Kurs von DTE mehr, nur noch der Tombstone bei Offset {r[0]} in "
            f"Partition {p}. Die Kompaktierung hat die älteren DTE-Kurse entfernt, als ihr Segment abgeschlossen war. "
            "Den Tombstone selbst behält Kafka noch delete.retention.ms lang (standardmäßig einen Tag), damit auch "
            "ein Consumer, der gerade zurückliegt, von der Löschung erfährt. Die Offsets der übrigen Kurse blieben, "
            "wie sie waren.")
    if tombs:
        last_tomb = max(r[0] for _p, r in tombs)
        after = [r[0] for _p, r in live if r[0] > last_tomb]
        if after:
            return False, (f"Nach Ihrem Tombstone (Offset {last_tomb}) kam wieder ein DTE-Kurs (Offset "
                           f"{_and(after)}): Jetzt ist er der neueste Datensatz des Schlüssels, und die Kompaktierung "
                           "behält ihn. Setzen Sie zurück und schreiben Sie den Tombstone als Letztes.")
        return False, (
            f"Der Tombstone liegt bei Offset {last_tomb}, die älteren DTE-Kurse (Offset {_and(r[0] for _p, r in live)}) "
            "sind noch da: Kompaktiert werden nur abgeschlossene Segmente, nie das aktive. Hier beginnt alle "
            f"{topic.config['segment.ms'] // 1000} s ein neues Segment, sobald neue Kurse ankommen, und der Cleaner sieht "
            f"alle {cluster.config['log.cleaner.backoff.ms'] // 1000} s nach. Lassen Sie die Zeit laufen.")
    written = [offset for t, _p, offset, key in history.tombstones if t == COMPACTED and key == GONE.decode()]
    if written and any(r[0] > max(written) for _p, r in live):
        return False, (f"Nach Ihrem Tombstone (Offset {max(written)}) kam wieder ein DTE-Kurs (Offset "
                       f"{_and(r[0] for _p, r in live if r[0] > max(written))}): Jetzt ist er der neueste Datensatz des "
                       "Schlüssels, und die Kompaktierung hat den Tombstone als älteren Datensatz entfernt. Setzen Sie "
                       "zurück und schreiben Sie den Tombstone als Letztes.")
    fakes = [(p, r) for p, r in live if _text(r[3]).strip() in EMPTY_LOOKING]
    if fakes:
        p, r = fakes[-1]
        return False, (
            f"Der DTE-Datensatz bei Offset {r[0]} hat den Wert „{_text(r[3])}“ – das sind Bytes, also ein ganz "
            "normaler Wert, und die Kompaktierung behält ihn als neuesten DTE-Kurs. Ein Tombstone hat gar keinen Wert: "
            "value=None (null). Auch JsonSerializer macht aus None keinen Text, sondern lässt None durch.")
    variants = sorted({_text(r[2]) for p in topic.partitions for r in _records(p)
                       if r[3] is None and r[2] is not None and r[2] != GONE and r[2].strip().upper() == GONE})
    if variants:
        return False, (f"Ihr Tombstone hat den Schlüssel „{variants[0]}“, nicht „DTE“. Ein Schlüssel sind Bytes: "
                       "Groß- und Kleinschreibung und Leerzeichen zählen mit. Der Tombstone löscht nur den Schlüssel, "
                       "den er trägt.")
    elsewhere = sorted(t.name for t in cluster.topics.values() if t.name != COMPACTED
                       and any(r[2] == GONE and r[3] is None for p in t.partitions for r in _records(p)))
    if elsewhere:
        return False, (f"Ihr Tombstone ging an das Topic {elsewhere[0]}, nicht an {COMPACTED}. Er wirkt nur in dem "
                       f"Topic, in dem er liegt – und entfernt dort nur etwas, wenn es kompaktiert wird "
                       "(cleanup.policy=compact).")
    newest = max((r for _p, r in live), key=lambda r: r[0], default=None)
    shown = f" – der neueste bei Offset {newest[0]}: {_text(newest[3])}" if newest else ""
    return False, (f"Im Topic {COMPACTED} {'liegt' if len(live) == 1 else 'liegen'} noch "
                   f"{_count(len(live), 'Kurs', 'Kurse')} von DTE{shown}. Ein neuer Kurs, auch einer zum Preis 0, "
                   "löscht nichts: Die Kompaktierung behält je Schlüssel den neuesten Wert. Schreiben Sie mit dem "
                   "Skript im Editor einen Datensatz, der den Schlüssel DTE löscht, und lassen Sie dann die Zeit "
                   "laufen. Welchen Wert hat er?")


# -- Erste Schritte: Topic, Producer, Consumer -----------------------------------------------------

FIRST_PRICES = {b"SAP": 2, b"DTE": 1}


def _read_all(cluster, history: History, group: str, topic) -> tuple[bool, str | None]:
    """Whether `group` read every record of the topic from the beginning; else why not (or None
    while it is still reading)."""
    state = cluster.coordinator.groups.get(group)
    reads = history.reads(group, TOPIC)
    late = {p: runs[0].start for p, runs in reads.items() if runs[0].start > runs[0].log_start}
    if late:
        where = _and(f"Partition {p} bei Offset {o}" for p, o in sorted(late.items()))
        return False, (f"Die Gruppe {group} hat die älteren Kurse verpasst: Sie begann in {where}. Mit „latest – nur "
                       "neue“ liest eine neue Gruppe nur, was nach ihrem Beitritt kommt; Schritt 3 verlangt "
                       "„earliest – ab dem Anfang“. Setzen Sie zurück und beginnen Sie noch einmal.")
    committed = {tp[1]: entry[0] for tp, entry in (state.offsets.items() if state else ()) if tp[0] == TOPIC}
    if all(committed.get(p.index, p.log.log_start_offset) >= p.hw for p in topic.partitions):
        return True, None
    return False, None


def first_steps(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        others = [name for name in cluster.topics if not name.startswith("__")]
        if others:
            return False, (f"Es gibt das Topic {others[-1]}, aber kein Topic {TOPIC}. Die Seite arbeitet mit "
                           f"{TOPIC} – genau so geschrieben. Legen Sie es an (Schritt 1).")
        return False, (f"Schritt 1: Legen Sie mit „Topic anlegen“ das Topic {TOPIC} an, mit 3 Partitionen und "
                       "Replikationsfaktor 1.")
    if len(topic.partitions) != 3:
        return False, (f"Das Topic {TOPIC} hat {_count(len(topic.partitions), 'Partition', 'Partitionen')}; die Seite "
                       "rechnet mit drei – nur dann landen SAP und DTE dort, wo sie es beschreibt. Setzen Sie zurück "
                       "und legen Sie das Topic mit 3 Partitionen an.")
    census: dict[bytes | None, list[int]] = {}
    for p in topic.partitions:
        for key, n in history.keys_in(p).items():
            census.setdefault(key, []).extend([p.index] * n)
    missing = {key: want - len(census.get(key, ())) for key, want in FIRST_PRICES.items()
               if len(census.get(key, ())) < want}
    if missing:
        spelled = [_text(k) for k in census if k is not None and k not in FIRST_PRICES
                   and k.strip().upper() in FIRST_PRICES]
        if spelled:
            return False, (f"Ein Kurs hat den Schlüssel „{spelled[0]}“. Schlüssel sind Bytes, Groß- und "
                           "Kleinschreibung und Leerzeichen zählen mit: Tragen Sie SAP und DTE genau so ein.")
        todo = _and(f"{_count(n, 'Kurs', 'Kurse')} mit dem Schlüssel {_text(k)}" for k, n in missing.items())
        return False, f"Schritt 2: Senden Sie mit „Datensatz senden“ noch {todo} (siehe die Tabelle)."
    sap, dte = sorted(set(census[b"SAP"])), sorted(set(census[b"DTE"]))
    for group in (ANNA, BEN):
        step = "Schritt 3" if group == ANNA else "Zum Schluss"
        done, why = _read_all(cluster, history, group, topic)
        if why:
            return False, why
        if done:
            continue
        if group in _groups(cluster):
            return False, (f"Die Gruppe {group} liest gerade (Rebalancing oder noch nicht committet; Lag über 0). "
                           "Lassen Sie die Zeit laufen und prüfen Sie erneut.")
        others = [g for g in _groups(cluster) if g not in (ANNA, BEN)]
        if others:
            return False, f"{_other_group(others[-1], group)} Die Seite verlangt die Gruppe {group}."
        return False, (f"{step}: Fügen Sie mit „Consumer hinzufügen“ einen Consumer der Gruppe {group} hinzu, mit "
                       "„earliest – ab dem Anfang“.")
    return True, (
        f"Richtig: Das Topic {TOPIC} hat drei Partitionen. Die SAP-Kurse liegen {_in_partitions(sap)}, DTE "
        f"{_in_partitions(dte)} – der Schlüssel bestimmt die Partition, und jede Partition zählt ihre Offsets selbst. "
        f"Beide Gruppen, {ANNA} und {BEN}, haben jeden Kurs gelesen: Jede Consumer-Gruppe bekommt alle Datensätze, "
        "und gelesene Kurse bleiben im Log.")


# -- Replikation: zu wenige Replikate in der ISR -----------------------------------------------------

def min_insync(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    p0 = topic.partitions[0]
    need = topic.config["min.insync.replicas"]
    refused = [r for r in history.rejections if (r.topic, r.partition) == (TOPIC, 0)]
    if refused:
        r = refused[0]
        text = (f"Richtig: Broker {p0.leader} lehnte acks=all mit NotEnoughReplicasError ab – in der ISR war nur noch "
                f"[{', '.join(map(str, r.isr))}], weniger als min.insync.replicas = {need}. Lieber gar nicht schreiben "
                "als einen Kurs bestätigen, der nur auf einem Broker liegt.")
        # acks=1 records the HW has not reached: written while the ISR was too small.
        loose = [a for a in history.appends.get((TOPIC, 0), ()) if a.acks == 1 and a.offset + a.count > p0.hw]
        if loose:
            text += (f" Ihr Kurs mit acks=1 (Offset {loose[0].offset}) wurde dagegen angenommen; solange die ISR zu "
                     f"klein ist, bleibt die High Watermark aber stehen (HW {p0.hw}) – Consumer sehen ihn erst, wenn "
                     "wieder genug Replikate aufgeholt haben.")
        else:
            text += " Senden Sie jetzt einen Kurs mit acks=1: Was zeigt die High Watermark?"
        return True, text
    if cluster.controller_id is None and len(p0.isr) >= need:
        return False, ("Zwei Broker sind ausgefallen, bevor die ISR schrumpfen konnte, und mit ihnen die Mehrheit des "
                       "Controller-Quorums: Niemand "
                       f"verkleinert mehr die ISR ({_isr(p0)}), und acks=all endet nach request_timeout_ms in "
                       "RequestTimedOutError statt in NotEnoughReplicasError – das zeigt das Kapitel Ausfälle. Setzen "
                       "Sie zurück: Lassen Sie einen Follower abstürzen, warten Sie, bis er die ISR verlassen hat, und "
                       "fahren Sie dann den zweiten kontrolliert herunter.")
    followers_down = [b for b in p0.replicas if b != p0.leader and cluster.brokers[b].state != "running"]
    if len(p0.isr) >= need:
        if not followers_down:
            return False, (f"Die ISR {_isr(p0)} ist vollständig; acks=all geht durch. Lassen Sie einen Follower von "
                           f"Partition 0 abstürzen (Leader ist Broker {p0.leader}).")
        waiting = [b for b in followers_down if b in p0.isr]
        if waiting:
            return False, (f"Broker {_and(waiting)} ist ausgefallen, steht aber noch in der ISR {_isr(p0)}: Der "
                           "Controller bemerkt einen Absturz erst nach broker.session.timeout.ms = 9 s. Lassen Sie die "
                           "Zeit laufen.")
        return False, (f"Die ISR {_isr(p0)} hat noch {len(p0.isr)} Replikate – genug für min.insync.replicas = {need}, "
                       "acks=all wird weiter bestätigt. Fahren Sie jetzt den zweiten Follower kontrolliert herunter.")
    loose = [a for a in history.appends.get((TOPIC, 0), ()) if a.acks in (0, 1)]
    if loose:
        return False, (f"Die ISR {_isr(p0)} ist kleiner als min.insync.replicas = {need}, doch Ihr Kurs mit "
                       f"acks={loose[-1].acks} wurde angenommen: Ablehnen darf der Leader nur Schreibvorgänge mit "
                       "acks=all. Senden Sie einen Kurs mit acks=all.")
    return False, (f"Die ISR {_isr(p0)} ist kleiner als min.insync.replicas = {need}. Senden Sie jetzt einen Kurs mit "
                   "acks=all.")


# -- Producer: zehn Kurse mit Schlüssel und Header ----------------------------------------------------

WANTED = 10


def keyed_with_headers(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    by_key: dict[bytes | None, dict[int, Keyed]] = {}
    for p in topic.partitions:
        for key, held in history.keyed(p).items():
            if held.count:
                by_key.setdefault(key, {})[p.index] = held
    keyless = {p: held.count for p, held in by_key.pop(None, {}).items()}
    for key, places in sorted(by_key.items(), key=lambda kv: -sum(h.count for h in kv[1].values())):
        total = sum(h.count for h in places.values())
        if total < WANTED:
            continue
        if len(places) > 1:
            return False, (f"Die Kurse mit dem Schlüssel {_text(key)} liegen {_in_partitions(places)}. Derselbe "
                           "Schlüssel führt nur dann immer in dieselbe Partition, wenn send() keine Partition vorgibt. "
                           "Lassen Sie den Schlüssel entscheiden und setzen Sie die Übung zurück.")
        (where, held), = places.items()
        if held.bare:
            return False, (f"Die {total} Kurse mit dem Schlüssel {_text(key)} liegen alle in Partition {where} – aber "
                           f"{_count(held.bare, 'Kurs hat', 'Kurse haben')} keinen Header (Offset {held.first_bare}"
                           f"{' und weitere' if held.bare > 1 else ''}). Geben Sie send() einen Header mit, etwa "
                           'headers=[("quelle", b"xetra")] – Paare aus Text und Bytes.')
        names = sorted(f"{name}={_text(value)}" for name, value in held.headers)
        return True, (
            f"Richtig: Alle {total} Kurse mit dem Schlüssel {_text(key)} liegen in Partition {where}, bei den Offsets "
            f"{held.first} bis {held.last} – in der Reihenfolge, in der Ihr Producer sie geschickt hat. Jeder trägt "
            f"den Header {_and(names)}. Der Schlüssel bestimmt die Partition, und nur innerhalb einer Partition bleibt "
            "die Reihenfolge erhalten; Header reisen neben Schlüssel und Wert mit und ändern an der Partition nichts.")
    if keyless:
        count = sum(keyless.values())
        return False, (f"{_count(count, 'Datensatz', 'Datensätze')} ohne Schlüssel "
                       f"{'liegt' if count == 1 else 'liegen'} {_in_partitions(keyless)}: Ohne Schlüssel wählt "
                       "kafka-python für jeden Datensatz zufällig eine Partition, und über Partitionen hinweg gibt es "
                       "keine Reihenfolge. Geben Sie allen zehn Kursen denselben Schlüssel, etwa das Kürzel der Aktie.")
    if len(by_key) >= 2:
        keys = sorted(_text(k) for k in by_key)
        if len(keys) > 4:
            return False, (f"Ihre Kurse haben {len(keys)} verschiedene Schlüssel ({', '.join(keys[:4])} …): Jeder "
                           "Schlüssel kann in einer anderen Partition landen. Geben Sie allen zehn denselben Schlüssel.")
    best = max((sum(h.count for h in places.values()) for places in by_key.values()), default=0)
    if best:
        return False, (f"Bisher {_count(best, 'Kurs', 'Kurse')} mit demselben Schlüssel – es fehlen noch "
                       f"{WANTED - best}.")
    return False, (f"Im Topic {TOPIC} liegt noch kein Kurs. Führen Sie das Skript im Editor aus und ergänzen Sie "
                   "Schlüssel und Header.")


# -- Consumer: der Kursalarm wird skaliert ----------------------------------------------------------

def _shares_out(generation, partitions: int) -> tuple[list[str], list[str]]:
    """(members with exactly one partition, members with none) – when every partition is owned."""
    owned = sorted(generation.owners(TOPIC))
    if owned != list(range(partitions)):
        return [], []
    one = [c for c, tps in generation.members if len([tp for tp in tps if tp[0] == TOPIC]) == 1]
    idle = [c for c, tps in generation.members if not [tp for tp in tps if tp[0] == TOPIC]]
    return one, idle


def scale_out(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    count = len(topic.partitions)
    gens = history.generations.get(SCALED, [])
    spread = [(g, *_shares_out(g, count)) for g in gens]
    crowded = [(g, one, idle) for g, one, idle in spread if len(one) == count and idle]
    full = [(g, one) for g, one, idle in spread if len(one) == count and not idle]
    if crowded:
        g, _one, idle = crowded[-1]
        text = (f"Richtig: In Generation {g.generation} hat die Gruppe {SCALED} {len(g.members)} Mitglieder, aber nur "
                f"{count} Partitionen: {_and(idle)} bekam keine und wartet untätig. In einer Consumer-Gruppe gehört "
                "jede Partition genau einem Mitglied – mehr Mitglieder als Partitionen lesen nicht schneller. Das "
                "überzählige springt ein, sobald ein anderes die Gruppe verlässt.")
        if full:
            text = text.replace("Richtig: ", f"Richtig: Mit {count} Mitgliedern bekam jedes genau eine Partition "
                                             f"(Generation {full[-1][0].generation}). ", 1)
        return True, text
    members = _members(cluster, SCALED)
    group = cluster.coordinator.groups.get(SCALED)
    stable = gens[-1] if gens else None
    if group and (group.state != "Stable" or (stable and len(members) != len(stable.members))):
        return False, (f"Die Gruppe {SCALED} rebalanciert gerade ({_and(members)}): Alle Mitglieder treten neu bei, "
                       "dann verteilt der Gruppen-Leader die Partitionen. Lassen Sie die Zeit laufen und prüfen Sie "
                       "erneut.")
    if full and len(members) == count:
        return False, (f"Jetzt hat jedes der {count} Mitglieder genau eine Partition "
                       f"({', '.join(f'{c}: {t}-{p}' for c, tps in full[-1][0].members for t, p in tps)}). Fügen Sie "
                       f"ein {count + 1}. Mitglied hinzu – was bekommt es?")
    others = [g for g in _groups(cluster) if g != SCALED]
    if others:
        name = others[-1]
        hint = (" Die Gruppe steht im Feld „Consumer-Gruppe“, der Name des einzelnen Mitglieds im Feld „Client-ID“."
                if name.casefold().startswith(SCALED) and name.casefold() != SCALED else "")
        return False, (f"{_other_group(name, SCALED)}{hint} Eine eigene Gruppe bekommt alle Partitionen für sich und "
                       f"teilt keine mit {SCALED}.")
    clients = history.groupless_readers(TOPIC)
    if clients:
        return False, _groupless(clients, SCALED)
    return False, (f"Die Gruppe {SCALED} hat {_count(len(members), 'Mitglied', 'Mitglieder')} ({_and(members) or '–'}) "
                   f"für {count} Partitionen. Fügen Sie weitere Instanzen des Kursalarms hinzu – mit „Consumer "
                   f"hinzufügen“ (Gruppe {SCALED}) oder im Editor.")


# -- Zustellgarantien: Absturz zwischen Verarbeitung und Commit ------------------------------------

def reread_after_crash(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    reads = history.reads(ANNA, TOPIC)
    twice, sought, clean = [], [], []
    for p, runs in sorted(reads.items()):
        done = runs[0].handed_out(TOPIC, p)     # how far the consumers before got, in their programs
        for run in runs[1:]:
            if run.committed != run.start and run.start < done:
                sought.append((p, run))
            elif run.start < done:
                twice.append((p, run, done))
            elif run.start < max(r.end for r in runs[:runs.index(run)]):
                clean.append((p, run))
            done = max(done, run.handed_out(TOPIC, p))
    if twice:
        p, run, done = twice[-1]
        return True, (
            f"Richtig: Der Nachfolger ({run.client_id}) begann in {TOPIC}-{p} beim committeten Offset {run.start}. "
            f"Sein Vorgänger hatte aber schon bis Offset {done - 1} verarbeitet: Die Kurse von Offset {run.start} bis "
            f"{done - 1} werden ein zweites Mal verarbeitet – vergleichen Sie mit der Ausgabe des Skripts. Das ist "
            "„mindestens einmal“: Kafka weiß nur vom Commit, nicht von der Verarbeitung. Damit das nicht schadet, "
            "muss die Verarbeitung Wiederholungen vertragen, etwa indem sie sich verarbeitete Offsets merkt.")
    if sought:
        p, run = sought[-1]
        return False, (f"Ein Consumer der Gruppe {ANNA} begann in {TOPIC}-{p} bei Offset {run.start}, nicht beim "
                       f"committeten Offset ({run.committed if run.committed is not None else '–'}): Das war ein eigenes "
                       "seek(), kein Neustart. Ein Nachfolger ohne seek() beginnt beim committeten Offset der Gruppe.")
    if clean:
        p, run = clean[-1]
        return False, (f"Der Nachfolger begann in {TOPIC}-{p} bei Offset {run.start}, genau hinter dem letzten Kurs, den "
                       "sein Vorgänger verarbeitet hatte: nichts doppelt. Der Vorgänger hat also vor dem Ende alles "
                       "committet, was er verarbeitet hatte – commit() am Schluss, close() oder automatische Commits tun "
                       "das. Setzen Sie zurück und lassen Sie das Skript wie vorgegeben enden: ohne commit() und ohne "
                       "close(), wie bei einem Absturz.")
    foreign = [g for g in history.groups_that_read(TOPIC) if g != ANNA]
    if foreign:
        return False, (f"{_other_group(foreign[-1], ANNA)} Der Nachfolger muss in derselben Gruppe lesen: Nur dort "
                       "gilt der committete Offset seines Vorgängers.")
    clients = history.groupless_readers(TOPIC)
    if clients:
        return False, _groupless(clients, ANNA)
    if not reads:
        return False, (f"Noch hat kein Consumer der Gruppe {ANNA} gelesen. Führen Sie zuerst das Skript im Editor aus: "
                       "Es verarbeitet Kurse, committet nach jeweils zehn und stürzt dann ab.")
    state = cluster.coordinator.groups.get(ANNA)
    committed = state.offsets.get((TOPIC, 0), (None,))[0] if state else None
    done = max(r.handed_out(TOPIC, p) for p, runs in reads.items() for r in runs)
    members = _members(cluster, ANNA)
    if len(members) >= 2 or (members and state and state.state != "Stable"):
        return False, (f"Der Nachfolger wartet auf seine Partition: Der abgestürzte Consumer hat die Gruppe nicht "
                       f"verlassen und gilt noch als Mitglied, bis session_timeout_ms (bei kafka-python "
                       f"{SESSION_TIMEOUT_S} s) ohne Heartbeat vergangen ist. Lassen Sie die Zeit laufen.")
    where = f"committet bis Offset {committed}" if committed is not None else "nichts committet"
    return False, (f"Der Consumer hat bis Offset {done - 1} verarbeitet, die Gruppe {ANNA} hat {where}. Starten Sie "
                   f"jetzt einen Nachfolger in der Gruppe {ANNA} – mit „Consumer hinzufügen“ oder mit dem Skript – "
                   "und lassen Sie die Zeit laufen. Wo beginnt er?")


# -- Ausfälle: zwei von drei Brokern stürzen ab ----------------------------------------------------

def _refused_not_timed_out() -> str:
    return ("Der Leader lehnte acks=all mit NotEnoughReplicasError ab: Ein Follower war schon aus der ISR, bevor der "
            "Controller seine Mehrheit verlor (ein kontrolliertes Herunterfahren meldet sich vorher ab), und die ISR "
            "bestand nur noch aus dem Leader – das ist Abschnitt 2. Setzen Sie zurück und lassen Sie beide Follower "
            "abstürzen (Knopf „Absturz“), statt einen herunterzufahren.")


def two_brokers_down(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    p0 = topic.partitions[0]
    down = sorted(b.id for b in cluster.brokers.values() if b.state != "running")
    refused = [r for r in history.rejections if (r.topic, r.partition) == (TOPIC, 0)]
    if p0.leader in down:
        return False, (f"Broker {p0.leader}, der Leader von Partition 0, ist ausgefallen. "
                       + ("Ohne Mehrheit im Controller-Quorum kann niemand einen neuen Leader wählen: Die Partition ist "
                          "ganz unerreichbar. " if cluster.controller_id is None else "")
                       + "Setzen Sie zurück und lassen Sie die beiden Follower abstürzen, nicht den Leader.")
    if cluster.controller_id is None and history.quorum_lost:
        lost = history.quorum_lost[-1]
        sent = [a for a in history.appends.get((TOPIC, 0), ()) if a.t >= lost and a.acks == -1]
        timed_out = [a for a in sent if cluster.now_ms - a.t >= REQUEST_TIMEOUT_MS and p0.hw <= a.offset]
        if timed_out:
            a = timed_out[0]
            return True, (
                f"Richtig: Mit den Brokern {_and(down)} fiel auch die Mehrheit des Controller-Quorums aus. Niemand "
                f"verkleinerte die ISR – sie steht weiter bei {_isr(p0)} –, also wartete der Leader, Broker "
                f"{p0.leader}, auf die toten Follower. Nach request_timeout_ms = {REQUEST_TIMEOUT_MS // 1000} s scheiterte "
                "Ihr Kurs mit RequestTimedOutError, nicht mit NotEnoughReplicasError. Gespeichert hat der Leader ihn "
                f"trotzdem: Er steht bei Offset {a.offset} im Log, über der High Watermark (HW {p0.hw}). Ein Fehler "
                "heißt nicht „nicht geschrieben“.")
        if refused:
            return False, _refused_not_timed_out()
        if sent:
            return False, (f"Ihr Kurs mit acks=all (Offset {sent[-1].offset}) wartet noch auf die Bestätigung der ISR "
                           f"{_isr(p0)}. Lassen Sie die Zeit laufen, bis request_timeout_ms "
                           f"({REQUEST_TIMEOUT_MS // 1000} s) um ist.")
        loose = [a for a in history.appends.get((TOPIC, 0), ()) if a.t >= lost and a.acks in (0, 1)]
        if loose:
            return False, (f"Ihr Kurs mit acks={loose[-1].acks} wurde vom Leader allein bestätigt – auf die ISR wartet "
                           "nur acks=all. Senden Sie einen Kurs mit acks=all.")
        return False, (f"Die Broker {_and(down)} sind ausgefallen, das Quorum hat keine Mehrheit mehr. Senden Sie jetzt "
                       "einen Kurs mit acks=all: Was meldet der Producer?")
    if refused:
        return False, _refused_not_timed_out()
    if down:
        return False, (f"Bisher ist nur Broker {_and(down)} ausgefallen; der Controller hat noch eine Mehrheit, und "
                       f"acks=all wird mit der ISR {_isr(p0)} weiter bestätigt. Lassen Sie auch den zweiten Follower "
                       "abstürzen.")
    return False, (f"Alle drei Broker laufen. Lassen Sie die beiden Follower von Partition 0 abstürzen (Leader ist "
                   f"Broker {p0.leader}) und senden Sie dann einen Kurs mit acks=all.")


# -- Praxis, die Börse: eine siebte Aktie ----------------------------------------------------------

NEW_SHARE = "IFX"


def _symbol(value: bytes | None) -> str | None:
    """The symbol of a price as the Börse writes it (JSON with "symbol"), else None."""
    try:
        data = json.loads(value) if value is not None else None
    except ValueError:
        return None
    return data.get("symbol") if isinstance(data, dict) else None


def seventh_share(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    prices = [(p.index, r) for p in topic.partitions for r in _records(p)]
    new = [(p, r) for p, r in prices if _symbol(r[3]) == NEW_SHARE]
    if not new:
        if not prices:
            return False, ("Im Topic aktienkurse liegt noch kein Kurs. Nehmen Sie IFX in AKTIEN auf und führen Sie "
                           "die Börse im Editor aus.")
        return False, (f"Im Topic liegen {_count(len(prices), 'Kurs', 'Kurse')}, aber keiner von {NEW_SHARE}. Die "
                       f"Börse wählt jeden Kurs zufällig aus AKTIEN: Steht dort der Eintrag \"{NEW_SHARE}\": 35.00? "
                       "Führen Sie die Börse dann noch einmal aus.")
    keyless = [r[0] for _p, r in new if r[2] is None]
    if keyless:
        return False, (f"{_count(len(keyless), 'Kurs', 'Kurse')} von {NEW_SHARE} ohne Schlüssel (Offset "
                       f"{_and(keyless[:3])}{' …' if len(keyless) > 3 else ''}): Ohne Schlüssel wählt kafka-python "
                       f"für jeden Kurs zufällig eine Partition, und die Kurse von {NEW_SHARE} verlieren ihre "
                       "Reihenfolge. Senden Sie sie wie die anderen Aktien mit key=symbol.")
    wrong = sorted({_text(r[2]) for _p, r in new if r[2] != NEW_SHARE.encode()})
    if wrong:
        return False, (f"Ein Kurs von {NEW_SHARE} hat den Schlüssel „{wrong[0]}“. Der Schlüssel sind Bytes, Groß- und "
                       f"Kleinschreibung zählt: Nur mit genau {NEW_SHARE} landen alle Kurse der Aktie in derselben "
                       "Partition – Schlüssel und Kürzel gehören zusammen.")
    places = sorted({p for p, _r in new})
    home = partition_for_key(NEW_SHARE.encode(), len(topic.partitions))
    if places != [home]:
        return False, (f"Die Kurse von {NEW_SHARE} liegen {_in_partitions(places)}; murmur2 wählt für den Schlüssel "
                       f"{NEW_SHARE} Partition {home}. Geben Sie send() keine eigene Partition vor und setzen Sie die "
                       "Übung zurück.")
    offsets = [r[0] for _p, r in new]
    others = sorted({s for _p, r in prices if (s := _symbol(r[3])) and s != NEW_SHARE})
    return True, (
        f"Richtig: {_count(len(new), 'Kurs', 'Kurse')} von {NEW_SHARE} mit dem Schlüssel {NEW_SHARE}, alle in "
        f"Partition {home} (Offset {_and(offsets[:5])}{' …' if len(offsets) > 5 else ''}), neben "
        f"{_and(others) if others else 'keiner anderen Aktie'}. Der Producer rechnet die Partition aus dem "
        "Schlüssel (murmur2); eine neue Aktie braucht kein neues Topic und keine neue Partition, nur einen neuen "
        "Schlüssel. Ihre Kurse bleiben in ihrer Partition in der Reihenfolge des Sendens.")


# -- Praxis, die Aktionär*innen: selbst committen, sauber beenden ----------------------------------

def manual_commit(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    reads = history.reads(ANNA, TOPIC)
    if not reads:
        foreign = [g for g in history.groups_that_read(TOPIC) if g != ANNA]
        if foreign:
            return False, f"{_other_group(foreign[-1], ANNA)} Die Aufgabe gilt Annas Gruppe."
        clients = history.groupless_readers(TOPIC)
        if clients:
            return False, _groupless(clients, ANNA)
        return False, (f"Noch hat kein Consumer der Gruppe {ANNA} gelesen. Ändern Sie das Skript im Editor und "
                       "führen Sie es aus.")
    last = max((run for runs in reads.values() for run in runs), key=lambda run: run.t)
    runs = {p: [r for r in rs if r.client_id == last.client_id][-1] for p, rs in reads.items()
            if any(r.client_id == last.client_id for r in rs)}
    members = _members(cluster, ANNA)
    if members:
        return False, (f"Die Gruppe {ANNA} hat noch {_count(len(members), 'Mitglied', 'Mitglieder')} "
                       f"({_and(members)}), obwohl Ihr Skript zu Ende ist: Ohne close() meldet sich der Consumer "
                       f"nicht ab, und der Gruppen-Koordinator wartet session_timeout_ms ({SESSION_TIMEOUT_S} s), "
                       "bevor er ihn entfernt. Beenden Sie den Consumer mit close() – in finally oder mit with –, "
                       "auch wenn das Skript mit einem Fehler endet.")
    if getattr(last.reader, "enable_auto_commit", False):
        return False, ("Ihr Consumer committet noch automatisch (enable_auto_commit=True ist die Voreinstellung): "
                       "kafka-python speichert die Position alle 5 s und beim close(), egal ob die Kurse schon "
                       "verarbeitet sind. Schalten Sie das mit enable_auto_commit=False ab und rufen Sie "
                       "consumer.commit() selbst auf, nachdem Sie die Kurse eines poll() verarbeitet haben.")
    behind = []
    for p, run in sorted(runs.items()):
        read = run.handed_out(TOPIC, p)
        committed = history.committed(ANNA, TOPIC, p)
        if committed is None or committed < read:
            behind.append((p, committed, read))
    if behind:
        where = "; ".join(f"Partition {p}: gelesen bis Offset {r - 1}, committet "
                          + ("nichts" if c is None else f"bis Offset {c}") for p, c, r in behind)
        return False, (f"Die Gruppe {ANNA} hat nicht committet, was Ihr Consumer gelesen hat ({where}). Mit "
                       "enable_auto_commit=False committet auch close() nichts: Rufen Sie consumer.commit() nach "
                       "der Verarbeitung jedes poll() auf – dann liest ein Nachfolger genau hinter dem letzten "
                       "verarbeiteten Kurs weiter.")
    done = _and(f"{TOPIC}-{p}: {history.committed(ANNA, TOPIC, p)}" for p in sorted(runs))
    return True, (
        f"Richtig: Ihr Consumer ({last.client_id}) committete selbst, und die committeten Offsets der Gruppe {ANNA} "
        f"stehen genau hinter dem letzten gelesenen Kurs ({done}). Danach verließ er die Gruppe mit close(): "
        "Sie hat kein Mitglied mehr, ein Nachfolger bekäme die Partitionen sofort, ohne session_timeout_ms "
        f"abzuwarten, und läse dort weiter – „mindestens einmal“, kein Kurs ungeprüft.")


CHECKS = {
    "entkopplung": pause_without_loss,
    "broker-absturz": broker_crash,
    "tombstone": tombstone,
    "erste-schritte": first_steps,
    "min-insync": min_insync,
    "schluessel-header": keyed_with_headers,
    "kursalarm-skalieren": scale_out,
    "absturz-vor-commit": reread_after_crash,
    "zwei-broker": two_brokers_down,
    "boerse-ifx": seventh_share,
    "manuell-committen": manual_commit,
}
