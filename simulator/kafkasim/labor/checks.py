"""The six checks of the Simulator-Labor: each reads the cluster (and its history) and says in
German whether the task is done, and why – or what is missing.

Each check returns (ok, text). They look at records, keys, groups and offsets, never at how the
learner produced them, so a button, the Börse ticker and a script count alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..clients.partitioner.murmur2 import partition_for_key
from .history import Emptied, History, Run

TOPIC = "aktienkurse"
NO_TOPIC = (False, f"Das Topic {TOPIC} gibt es nicht mehr. Setzen Sie die Übung mit „Zurücksetzen“ zurück.")


# -- wording -------------------------------------------------------------------------------------

def _and(items) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " und " + items[-1]


def _in_partitions(numbers) -> str:
    numbers = sorted(set(numbers))
    return ("in Partition " if len(numbers) == 1 else "in den Partitionen ") + _and(numbers)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _other_group(name: str, wanted: str) -> str:
    """Why a group with another name is not the wanted one; names differ by case, too."""
    if name.casefold() == wanted.casefold():
        return (f"Ihr Consumer liest in der Gruppe „{name}“, nicht in „{wanted}“: Die group_id unterscheidet "
                f"Groß- und Kleinschreibung, „{name}“ ist eine eigene Gruppe.")
    return f"Ihr Consumer liest in der Gruppe „{name}“, nicht in {wanted}."


def _groupless(clients: list[str], wanted: str) -> str:
    return (f"Ein Consumer ohne group_id ({_and(clients)}) hat {TOPIC} gelesen. Ohne group_id gehört er zu keiner "
            "Consumer-Gruppe: Er nimmt sich alle Partitionen selbst, teilt sie mit niemandem und committet keine "
            f'Offsets. Geben Sie ihm group_id="{wanted}".')


def _members(cluster, group_id: str) -> list[str]:
    """The group's members, and background consumers of the group that have not joined yet."""
    group = cluster.coordinator.groups.get(group_id)
    joined = [m.client_id for m in group.members.values()] if group else []
    return joined + [core.client_id for core in cluster.actors.values()
                     if core.group_id == group_id and not core.closed and core.client_id not in joined]


def _groups(cluster) -> list[str]:
    """Every consumer group, including those whose first consumer is only about to join."""
    starting = [core.group_id for core in cluster.actors.values() if core.group_id and not core.closed]
    return list(dict.fromkeys([*cluster.coordinator.groups, *starting]))


def _positions(cluster, group_id: str) -> dict[int, int]:
    """Where the group's current members will read next in the topic (set once they polled)."""
    out = {}
    for (topic, partition), position in cluster.member_positions(group_id).items():
        if topic == TOPIC:
            out[partition] = position
    return out


def _state(cluster, group_id: str) -> str:
    group = cluster.coordinator.groups.get(group_id)
    return f"Zustand {group.state}" if group else "der Consumer meldet sich gerade beim Gruppen-Koordinator"


# -- Übung 1: Wo landet SAP? ---------------------------------------------------------------------

def sap_partition(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    count = len(topic.partitions)
    keyed: dict[int, int] = {}        # partition -> records with the key SAP
    keyless: dict[int, int] = {}      # partition -> records without a key
    variants: dict[str, int] = {}     # another spelling of the key -> how many records have it
    for p in topic.partitions:
        census = history.keys_in(p)
        if census.get(b"SAP"):
            keyed[p.index] = census[b"SAP"]
        if census.get(None):
            keyless[p.index] = census[None]
        for key, n in census.items():
            if key not in (None, b"SAP") and "sap" in key.decode("utf-8", "replace").casefold():
                spelled = key.decode("utf-8", "replace")
                variants[spelled] = variants.get(spelled, 0) + n
    home = partition_for_key(b"SAP", count)
    sap = sum(keyed.values())
    loose = sum(keyless.values())

    if sap >= 3 and len(keyed) == 1:
        (where,) = keyed
        text = (f"Richtig: Alle {sap} Kurse mit dem Schlüssel SAP liegen in Partition {where}. Der Producer rechnet "
                "(murmur2(Schlüssel) & 0x7fffffff) modulo Anzahl der Partitionen: gleicher Schlüssel, gleiche Partition – solange "
                "das Topic nicht mehr Partitionen bekommt. So bleiben die Kurse einer Aktie in ihrer Reihenfolge.")
        if where != home:
            text += f" (Ohne eigene Angabe in send(partition=…) hätte murmur2 Partition {home} gewählt.)"
        if loose:
            text += (f" Ihre {_count(loose, 'Datensatz', 'Datensätze')} ohne Schlüssel "
                     f"{'liegt' if loose == 1 else 'liegen'} dagegen {_in_partitions(keyless)} – dort landeten "
                     "sie zufällig.")
        return True, text
    if variants:
        spelled = max(variants, key=variants.get)
        why = ("Leerzeichen zählen mit: " if spelled != spelled.strip() else "") + (
            "Kafka unterscheidet Groß- und Kleinschreibung – ein Schlüssel sind Bytes, "
            f"und „{spelled}“ ist ein anderer Schlüssel als „SAP“.")
        return False, (
            f"{_count(variants[spelled], 'Kurs hat', 'Kurse haben')} den Schlüssel „{spelled}“, nicht „SAP“. {why} "
            f"„{spelled}“ landet in Partition {partition_for_key(spelled.encode(), count)}, die SAP-Kurse der Börse "
            f"(Schlüssel SAP) in Partition {home}. Tragen Sie genau SAP als Schlüssel ein.")
    if len(keyed) > 1:
        return False, (
            f"Die Kurse mit dem Schlüssel SAP liegen {_in_partitions(keyed)}. Derselbe Schlüssel führt nur dann "
            "immer in dieselbe Partition, wenn send() keine Partition vorgibt und das Topic nicht mehr Partitionen "
            "bekommt. Lassen Sie den Schlüssel entscheiden und setzen Sie die Übung zurück.")
    if loose:
        if loose == 1:
            where = f"liegt {_in_partitions(keyless)}"
        elif len(keyless) == 1:
            where = f"liegen zufällig alle {_in_partitions(keyless)} – vorhersagen ließ sich das nicht"
        else:
            where = f"liegen verstreut {_in_partitions(keyless)}"
        return False, (
            f"{_count(loose, 'Datensatz', 'Datensätze')} ohne Schlüssel {where}. Ohne Schlüssel wählt der "
            "Standard-Partitionierer von kafka-python für jeden Datensatz zufällig eine der verfügbaren "
            "Partitionen. Tragen Sie SAP als Schlüssel ein: Dann entscheidet murmur2(Schlüssel), für jeden Kurs "
            "gleich.")
    if sap:
        return False, f"Bisher {_count(sap, 'Kurs', 'Kurse')} mit dem Schlüssel SAP im Topic {TOPIC} – es fehlen noch {3 - sap}."
    return False, (f"Im Topic {TOPIC} liegt noch kein Kurs der SAP-Aktie. Senden Sie drei Kurse – mit „Datensatz "
                   "senden“ oder mit dem Skript im Editor. Welche Angabe entscheidet über die Partition?")


# -- Übung 2: Ein zweiter Consumer ---------------------------------------------------------------

# The course's names: each Aktionär*in reads every price in her own group; one service scaled over
# several members is the group kursalarm.
SCALED = "kursalarm"
ANNA, BEN = "depot-anna", "depot-ben"

def _shares(generation, partitions: int) -> bool:
    owned = generation.owners(TOPIC)
    return len(generation.members) >= 2 and sorted(owned) == list(range(partitions))


def second_consumer(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    shared = [g for g in history.generations.get(SCALED, []) if _shares(g, len(topic.partitions))]
    members = _members(cluster, SCALED)
    if shared:
        g = shared[-1]
        who = [f"{client} ({', '.join(f'{t}-{p}' for t, p in tps) or 'keine Partition'})" for client, tps in g.members]
        text = (f"Richtig: Nach dem Rebalancing (Generation {g.generation}) teilen sich {_and(who)} die "
                f"{len(topic.partitions)} Partitionen. In einer Consumer-Gruppe gehört jede Partition genau einem "
                "Mitglied; tritt eines bei oder geht eines, verteilt die Gruppe die Partitionen neu.")
        gone = sorted({client for client, _tps in g.members} - set(members))
        if gone:
            text += (f" Inzwischen hat {_and(gone)} die Gruppe wieder verlassen; beim nächsten Rebalancing übernahmen "
                     "die übrigen Mitglieder seine Partitionen.")
        return True, text
    if len(members) >= 2:
        return False, (f"Die Gruppe {SCALED} bekommt gerade {len(members)} Mitglieder ({_and(members)}) und rebalanciert: "
                       "Alle Mitglieder treten neu bei, dann verteilt der Gruppen-Leader die Partitionen. Lassen Sie "
                       "die Zeit laufen und prüfen Sie erneut.")
    others = [g for g in _groups(cluster) if g != SCALED]
    if others:
        return False, (f"{_other_group(others[-1], SCALED)} Eine andere Gruppe bekommt alle Partitionen für sich "
                       f"und teilt nichts mit {SCALED}. Fügen Sie den Consumer der Gruppe {SCALED} hinzu.")
    clients = history.groupless_readers(TOPIC)
    if clients:
        return False, _groupless(clients, SCALED)
    alone = f"nur ein Mitglied, {members[0]}, das alle Partitionen liest" if members else "kein Mitglied"
    return False, (f"Die Gruppe {SCALED} hat {alone}. Fügen Sie ein zweites hinzu – mit „Consumer hinzufügen“ oder im "
                   f'Editor mit einem KafkaConsumer(..., group_id="{SCALED}"), der poll() aufruft.')


# -- Übung 3: Zwei Gruppen, alle Kurse -----------------------------------------------------------

def two_groups(cluster, history: History):
    """Ben joins later than Anna, in his own group, and still gets every price – the old ones too."""
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    reads = history.reads(BEN, TOPIC)
    first = {p: runs[0] for p, runs in reads.items()}
    missed = {p: r.start for p, r in first.items() if r.start > r.log_start}
    # A partition without new records since the group joined shows its start only in the position.
    missed.update({p: pos for p, pos in _positions(cluster, BEN).items()
                   if p not in first and pos > cluster.partition(TOPIC, p).log.log_start_offset})
    if missed:
        where = _and(f"{TOPIC}-{p} bei Offset {start}" for p, start in sorted(missed.items()))
        text = (f"Die Gruppe {BEN} hat die älteren Kurse verpasst: Sie begann in {where} – die Kurse davor hat sie "
                "nie gelesen. Eine Gruppe ohne committete Offsets beginnt dort, wo auto_offset_reset es sagt: "
                'Mit "latest", dem Standard von kafka-python, liest sie nur neue Kurse, mit '
                'auto_offset_reset="earliest" beginnt sie beim ältesten.')
        if cluster.coordinator.groups[BEN].offsets:
            text += (f" Weil {BEN} inzwischen committete Offsets hat, machte sie auch mit earliest dort weiter: "
                     "Setzen Sie die Übung zuerst mit „Zurücksetzen“ zurück.")
        return False, text
    members = _members(cluster, BEN)
    waiting = [p.index for p in topic.partitions if p.index not in first and p.hw > p.log.log_start_offset]
    behind = {p: r for p, r in first.items() if max(run.end for run in reads[p]) < r.high_watermark}
    if first and not waiting and not behind:
        old = sum(r.high_watermark - r.log_start for r in first.values())
        return True, (
            f"Richtig: Die Gruppe {BEN} begann in jeder Partition beim ältesten Kurs und hat alle {old} Kurse "
            f"gelesen, die schon im Topic lagen; seitdem liest sie die neuen mit. Annas Gruppe {ANNA} liest "
            "unabhängig davon weiter: Jede Consumer-Gruppe hat ihre eigenen committeten Offsets, und jede bekommt "
            "alle Partitionen.")
    if members or first:
        if _state(cluster, BEN) != "Zustand Stable":
            return False, (f"Die Gruppe {BEN} tritt gerade bei (Rebalancing; {_state(cluster, BEN)}): Eine neue Gruppe "
                           "wartet beim ersten Mitglied group.initial.rebalance.delay.ms = 3 s auf weitere, dann "
                           "verteilt sie die Partitionen. Lassen Sie die Zeit laufen und prüfen Sie erneut.")
        if not members:
            return False, (f"Die Gruppe {BEN} hat kein Mitglied mehr, bevor sie alle alten Kurse gelesen hat. "
                           "Fügen Sie wieder einen Consumer der Gruppe hinzu.")
        todo = [f"{TOPIC}-{p}" for p in waiting] + [f"{TOPIC}-{p}" for p in behind]
        return False, (f"Die Gruppe {BEN} liest die älteren Kurse gerade nach ({_and(sorted(todo))} noch nicht "
                       "fertig). Lassen Sie die Zeit laufen und prüfen Sie erneut.")
    others = [g for g in _groups(cluster) if g not in (ANNA, BEN)]
    if others:
        return False, (f"{_other_group(others[-1], BEN)} Die Aufgabe verlangt Bens Gruppe {BEN} – setzen Sie die "
                       "Übung zurück und nennen Sie die Gruppe so.")
    anna = _members(cluster, ANNA)
    if len(anna) >= 2:
        return False, (f"Beide Consumer sind in der Gruppe {ANNA} ({_and(anna)}): Sie teilen sich die Partitionen, "
                       f"jeder Kurs geht nur an einen von beiden. Ben braucht seine eigene Gruppe, {BEN} – "
                       "dann bekommt jede Gruppe alle Kurse.")
    clients = history.groupless_readers(TOPIC)
    if clients:
        return False, _groupless(clients, BEN)
    return False, (f"Bisher liest nur Annas Gruppe {ANNA} das Topic {TOPIC}. Fügen Sie einen Consumer der Gruppe "
                   f"{BEN} hinzu – er soll auch die Kurse lesen, die schon im Topic liegen.")


# -- Übung 4: Der Leader fällt aus ---------------------------------------------------------------

def _lost(offsets: list[int], contrast: bool) -> str:
    one = len(offsets) == 1
    subject = ("der mit acks=1 bestätigte Kurs bei Offset " if one else
               "die mit acks=1 bestätigten Kurse bei den Offsets ") + _and(offsets)
    verb = "ist" if one else "sind"
    head = f"Dagegen {verb} {subject} verloren" if contrast else f"{subject[0].upper()}{subject[1:]} {verb} verloren"
    return (head + ": Der Leader bestätigte, bevor ein Follower kopiert hatte, und der neue Leader hatte "
            + ("ihn" if one else "sie") + " nicht.")


def leader_crash(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    p0 = topic.partitions[0]
    tp = (TOPIC, 0)
    downs = [c for c in history.crashes if tp in c.led]
    if not downs:
        followers = [c.broker for c in history.crashes if c.broker in p0.replicas]
        hint = (f"Broker {_and(followers)} war nur Follower von Partition 0; ihr Leader führt weiter. "
                if followers else "")
        first = "Lassen Sie" if history.appends.get(tp) else "Senden Sie einen Kurs mit acks=all und lassen Sie dann"
        return False, f"{hint}{first} den Leader von Partition 0 abstürzen (zurzeit Broker {p0.leader})."
    # One episode per loss of the leader: the records sent since the previous one, and the election after it
    # (offsets lost in one episode are used again by later records).
    episodes = []
    since = -1
    for crash in downs:
        election = next((e for e in history.elections if (e.topic, e.partition) == tp and e.previous == crash.broker
                         and e.t >= crash.t), None)
        sent = [a for a in history.appends.get(tp, ()) if since < a.t <= crash.t]
        episodes.append((crash, election, sent))
        since = crash.t
    crash, election, _sent = episodes[-1]
    if election is None:
        return False, (f"Broker {crash.broker} ist abgestürzt, führt Partition 0 aber noch: Der Controller bemerkt "
                       "den Absturz erst, wenn broker.session.timeout.ms = 9 s lang kein Heartbeat kam, und wählt "
                       "dann einen neuen Leader aus der ISR. Lassen Sie die Zeit laufen.")
    done = [(c, e, s) for c, e, s in episodes if e is not None]
    acked_all = [(c, e, a) for c, e, s in done for a in s if a.acks == -1 and a.offset + a.count <= c.led[tp][0]]
    acked_one = [(c, e, a) for c, e, s in done for a in s if a.acks == 1]
    lost_one = [(c, e, a) for c, e, a in acked_one if a.offset + a.count > e.log_end_offset]
    kept_one = [(c, e, a) for c, e, a in acked_one if a.offset + a.count <= e.log_end_offset]
    lost_offsets = [a.offset for _c, _e, a in lost_one]
    kept = ""
    if kept_one:
        kept = (f"Ihr Kurs mit acks=1 (Offset {_and(a.offset for _c, _e, a in kept_one)}) hat überlebt, weil ein "
                "Follower ihn vor dem Absturz schon kopiert hatte – verlassen kann man sich darauf nicht.")
    safe = [(c, e, a) for c, e, a in acked_all if a.offset + a.count <= e.log_end_offset]
    if safe:
        c, e, a = safe[0]
        how = "kontrolliert heruntergefahren wurde" if c.controlled else "abstürzte"
        text = (f"Richtig: Der mit acks=all bestätigte Kurs (Offset {a.offset}) ist noch da, nachdem Broker {c.broker} "
                f"{how}. Bestätigt wurde er erst, als alle Replikate der ISR ihn hatten; neuer Leader wurde ein "
                f"Mitglied der ISR, Broker {e.leader} – er hat den Kurs also.")
        if lost_offsets:
            text += " " + _lost(lost_offsets, contrast=True)
        elif kept:
            text += " " + kept
        else:
            text += " Probieren Sie es jetzt mit acks=1, direkt vor einem Absturz des Leaders."
        return True, text
    if lost_offsets or kept:
        text = _lost(lost_offsets, contrast=False) if lost_offsets else kept
        return False, (text + " Vor dem Absturz wurde kein Kurs mit acks=all bestätigt: Setzen Sie zurück, "
                       "senden Sie mit acks=all und lassen Sie dann den Leader abstürzen.")
    unconfirmed = [a for _c, _e, s in done for a in s if a.acks == -1]
    if unconfirmed:
        return False, (f"Der Kurs bei Offset {unconfirmed[0].offset} (acks=all) war beim Absturz noch nicht "
                       "bestätigt: Es fehlte noch ein Replikat der ISR. Setzen Sie zurück und warten Sie die "
                       "Bestätigung ab, bevor der Leader abstürzt.")
    if any(a.acks == 0 for _c, _e, s in done for a in s):
        return False, ("Mit acks=0 wartet der Producer auf gar keine Bestätigung – ob der Kurs ankam, erfährt er nie. "
                       "Setzen Sie zurück und senden Sie mit acks=all vor dem Absturz.")
    return False, ("Vor dem Absturz lag kein Kurs in Partition 0. Setzen Sie zurück, senden Sie einen Kurs mit "
                   "acks=all und lassen Sie dann den Leader abstürzen.")


# -- Übung 5: Neustart beim committeten Offset ---------------------------------------------------

def _within(runs: dict[int, list[Run]], start: int, end: float) -> dict[int, list[Run]]:
    """Each partition's runs that began in [start, end), oldest first."""
    out = {}
    for p, rs in runs.items():
        inside = [r for r in rs if start <= r.t < end]
        if inside:
            out[p] = inside
    return out


@dataclass
class Return:
    """A group came back after a pause and read on without a gap and without reading twice."""
    group: str
    where: str          # "aktienkurse-0: 12, aktienkurse-1: 9, …" – where the group had stopped
    arrived: int        # prices that arrived during the pause
    clients: list[str]  # who read on


def _restart_success(r: Return) -> str:
    return (f"Richtig: Als die Gruppe {r.group} leer wurde, hatte sie committet: {r.where} – ein committeter Offset "
            f"ist der nächste zu lesende Datensatz. In der Pause {'kam' if r.arrived == 1 else 'kamen'} "
            f"{_count(r.arrived, 'Kurs', 'Kurse')} hinzu. Der neue Consumer ({_and(r.clients)}) las genau dort "
            "weiter: keine Lücke, kein Kurs doppelt. auto_offset_reset spielte keine Rolle, denn die Gruppe hatte "
            "committete Offsets – sie gehören der Gruppe, nicht dem einzelnen Consumer.")


def _judge_return(cluster, history: History, group: str, pause: Emptied, until: float, success):
    """The verdict on the consumer that joined `group` after `pause` (before the next pause)."""
    topic = cluster.topics[TOPIC]
    stopped = {p: pause.committed.get((TOPIC, p)) for p in range(len(topic.partitions))}
    where = ", ".join(f"{TOPIC}-{p}: {o if o is not None else '–'}" for p, o in stopped.items())
    arrived = sum(max(0, pause.rejoined_high_watermarks.get((TOPIC, p), 0) - pause.high_watermarks.get((TOPIC, p), 0))
                  for p in stopped)
    if not arrived:
        return False, ("Während der Pause kam kein neuer Kurs an, also gab es nichts nachzuholen. Setzen Sie zurück und "
                       "lassen Sie zwischen Entfernen und Hinzufügen die Zeit laufen: Der Lag wächst, und der neue "
                       "Consumer arbeitet ihn ab.")
    reads = _within(history.reads(group, TOPIC), pause.t, until)
    wrong = []
    for p, runs in sorted(reads.items()):
        expected = stopped.get(p)
        for run in runs:
            if expected is not None and run.start < expected:
                wrong.append(f"in {TOPIC}-{p} bei Offset {run.start}, obwohl die Gruppe schon bis {expected} gelesen "
                             f"hatte – {_count(expected - run.start, 'Kurs', 'Kurse')} doppelt")
            elif expected is not None and run.start > expected:
                wrong.append(f"in {TOPIC}-{p} bei Offset {run.start} statt {expected} – "
                             f"{_count(run.start - expected, 'Kurs', 'Kurse')} übersprungen")
            expected = run.end if expected is None else max(expected, run.end)
    if wrong:
        return False, (f"Der neue Consumer der Gruppe {group} las {'; '.join(wrong)}. Ohne eigenes seek() liest ein "
                       "Consumer einer Gruppe lückenlos ab dem committeten Offset weiter. Setzen Sie zurück und "
                       "versuchen Sie es ohne seek().")
    waiting = [p for p, o in stopped.items() if p not in reads and cluster.partition(TOPIC, p).hw > (o or 0)]
    if waiting:
        return False, (f"Der Consumer ist der Gruppe {group} beigetreten, hat aus "
                       f"{_and(f'{TOPIC}-{p}' for p in waiting)} aber noch nichts gelesen. Lassen Sie die Zeit laufen "
                       "und prüfen Sie erneut.")
    clients = sorted({r.client_id for runs in reads.values() for r in runs})
    return True, success(Return(group, where, arrived, clients))


def restart(cluster, history: History, group: str = ANNA, client: str = "anna", success=_restart_success):
    """A consumer of `group` leaves, prices arrive, a consumer of the same group reads on; the Labor's
    Übung 5 and the Event-Streaming chapter judge it alike and word the success each its own way."""
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    pauses = history.emptied.get(group, [])
    members = _members(cluster, group)
    if not pauses:
        if client in members:
            return False, (f"Entfernen Sie zuerst {client} (Knopf „Entfernen“ bei der Gruppe {group}): Die Gruppe "
                           "soll eine Pause machen, während die Börse weiter Kurse schickt.")
        return False, (f"Die Gruppe {group} war noch nie leer: {_and(members)} liest weiter. Entfernen Sie alle "
                       "Mitglieder, damit die Gruppe eine Pause macht.")
    # A consumer of a script leaves again when the script ends: every pause with a return counts.
    ends = [p.t for p in pauses[1:]] + [float("inf")]
    verdicts = [_judge_return(cluster, history, group, pause, end, success)
                for pause, end in zip(pauses, ends) if pause.rejoined]
    if any(ok for ok, _text in verdicts):
        return [v for v in verdicts if v[0]][-1]
    pause = pauses[-1]
    if pause.rejoined is None:
        where = ", ".join(f"{TOPIC}-{p}: {o}" for (t, p), o in sorted(pause.committed.items()) if t == TOPIC)
        foreign = [g for g in history.groups_that_read(TOPIC) if g != group
                   and any(r.t >= pause.t for runs in history.reads(g, TOPIC).values() for r in runs)]
        if foreign:
            first = min((r for runs in history.reads(foreign[-1], TOPIC).values() for r in runs), key=lambda r: r.start)
            return False, (
                f"{_other_group(foreign[-1], group)} Für diese Gruppe gibt es keine committeten Offsets, also gilt "
                f"auto_offset_reset: Sie begann bei Offset {first.start} statt dort, wo {group} aufgehört hat "
                f"({where}). Weiterlesen kann nur ein Consumer der Gruppe {group} – die committeten Offsets gehören "
                "der Gruppe.")
        clients = [c for c in history.groupless_readers(TOPIC)
                   if any(r.t >= pause.t for runs in history.reads(None, TOPIC, c).values() for r in runs)]
        if clients:
            return False, _groupless(clients, group)
        if verdicts:
            return verdicts[-1]
        if members:
            return False, (f"{_and(members)} tritt der Gruppe {group} gerade bei ({_state(cluster, group)}). "
                           "Lassen Sie die Zeit laufen und prüfen Sie erneut.")
        return False, (f"Die Gruppe {group} ist leer; ihre committeten Offsets bleiben ({where}). Lassen Sie ein paar "
                       f"Kurse ankommen und fügen Sie dann wieder einen Consumer der Gruppe {group} hinzu.")
    return verdicts[-1]


# -- Übung 6: Aufbewahrung -----------------------------------------------------------------------

def retention(cluster, history: History):
    topic = cluster.topics.get(TOPIC)
    if topic is None:
        return NO_TOPIC
    p0 = topic.partitions[0]
    seconds = f"{cluster.now_ms / 1000:.0f}"
    keep = topic.config["retention.ms"]
    if p0.log.log_start_offset > 0:
        return True, (
            f"Richtig: Nach {seconds} s beginnt das Log bei Offset {p0.log.log_start_offset}. Kafka hat die ältesten "
            f"Segmente gelöscht, weil ihr jüngster Kurs älter als retention.ms = {keep} ms war. Die Offsets der "
            "übrigen Kurse ändern sich dabei nie; liegt die Position eines Consumers vor dem neuen Log-Anfang, "
            "setzt auto_offset_reset sie neu.")
    return False, (
        f"Noch ist nichts gelöscht: Nach {seconds} s beginnt das Log weiter bei Offset 0. Kafka löscht nur ganze "
        f"Segmente (hier beginnt alle {topic.config['segment.ms'] // 1000} s ein neues), und erst, wenn ihr jüngster "
        f"Kurs älter als retention.ms = {keep} ms ist; der Broker sieht alle "
        f"{cluster.config['log.retention.check.interval.ms'] // 1000} s nach. Lassen Sie die Zeit weiterlaufen.")
