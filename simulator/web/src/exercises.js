// The guided exercises: a German task, and a check that reads the cluster's snapshot and the
// journal of the reader's actions and says why the attempt succeeded or not.
//
// check(ctx) gets {snapshot, journal}; journal entries are
// {op, args, kwargs, ok, result, error, before} where `before` is the snapshot at the time of the
// action. It returns {ok: boolean, text: German explanation}.

const TOPIC = "aktienkurse";
const fmt = (list) => list.join(", ");

function partitionsOf(snapshot, name = TOPIC) {
  return snapshot.topics.find((t) => t.name === name)?.partitions ?? [];
}
function group(snapshot, id) {
  return snapshot.groups.find((g) => g.group_id === id);
}
function done(journal, op) {
  return journal.filter((entry) => entry.op === op && entry.ok);
}

export const EXERCISES = {
  sapPartition: {
    task: [
      "Senden Sie mindestens drei Kurse der SAP-Aktie in das Topic aktienkurse, so dass alle in derselben Partition landen.",
      "Nutzen Sie dafür das Formular „Datensatz senden“. Welches Feld entscheidet über die Partition?",
    ],
    check({ journal }) {
      const sends = done(journal, "produce");
      const keyed = sends.filter((e) => e.kwargs.key === "SAP");
      const keyless = sends.filter((e) => !e.kwargs.key && /sap/i.test(String(e.args[1])));
      const parts = [...new Set(keyed.map((e) => e.result.partition))];
      if (keyed.length >= 3 && parts.length === 1) {
        return { ok: true, text: `Richtig: alle ${keyed.length} Kurse mit dem Schlüssel SAP liegen in Partition ${parts[0]}. ` +
          "Der Producer berechnet murmur2(Schlüssel) modulo Anzahl der Partitionen – gleicher Schlüssel, gleiche Partition. " +
          "So bleiben die Kurse einer Aktie in ihrer Reihenfolge." };
      }
      if (keyless.length > 0) {
        return { ok: false, text: `Sie haben ${keyless.length} SAP-Kurs(e) ohne Schlüssel gesendet. Ohne Schlüssel wählt der Producer ` +
          "die Partition selbst (Sticky Partitioner); gleiche Partition ist dann Zufall. Tragen Sie SAP als Schlüssel ein." };
      }
      return { ok: false, text: `Bisher ${keyed.length} Kurs(e) mit dem Schlüssel SAP – es fehlen noch ${Math.max(0, 3 - keyed.length)}.` };
    },
  },

  secondConsumer: {
    task: [
      "Die Gruppe depot hat einen Consumer, aktionaer-1, der alle drei Partitionen liest.",
      "Fügen Sie der Gruppe depot einen zweiten Consumer hinzu und lassen Sie die Zeit laufen, bis das Rebalancing fertig ist. Welche Partitionen übernimmt er?",
    ],
    check({ snapshot, journal }) {
      const depot = group(snapshot, "depot");
      const elsewhere = done(journal, "add_consumer").filter((e) => e.args[0] !== "depot");
      if (depot && depot.members.length >= 2) {
        if (depot.state !== "Stable") {
          return { ok: false, text: `Die Gruppe depot hat ${depot.members.length} Consumer, ist aber im Zustand ${depot.state}: das Rebalancing läuft noch. Lassen Sie die Zeit laufen und prüfen Sie erneut.` };
        }
        const owned = depot.members.map((m) => `${m.client_id}: ${fmt(m.assignment.map(([, p]) => p)) || "keine"}`);
        const all = depot.members.flatMap((m) => m.assignment.map(([t, p]) => `${t}-${p}`));
        if (new Set(all).size === all.length && all.length === partitionsOf(snapshot).length) {
          return { ok: true, text: `Richtig: nach dem Rebalancing teilen sich die Consumer die Partitionen (${fmt(owned)}). ` +
            "Jede Partition gehört in einer Gruppe genau einem Consumer; der Assignor verteilt sie neu, sobald ein Mitglied dazukommt." };
        }
        return { ok: false, text: `Die Zuordnung ist noch unvollständig (${fmt(owned)}). Lassen Sie die Zeit weiterlaufen.` };
      }
      if (elsewhere.length) {
        return { ok: false, text: `Der neue Consumer ist in der Gruppe ${elsewhere[0].args[0]}, nicht in depot. Eine andere Gruppe bekommt wieder alle Partitionen – ` +
          "sie teilt sich nichts mit depot. Fügen Sie den Consumer der Gruppe depot hinzu." };
      }
      return { ok: false, text: "Die Gruppe depot hat noch nur einen Consumer. Fügen Sie im Bereich „Consumer“ einen zweiten mit der Gruppe depot hinzu." };
    },
  },

  twoGroups: {
    task: [
      "Neben dem Depot soll ein Kurs-Chart jeden Kurs bekommen – vollständig, nicht nur einen Teil.",
      "Fügen Sie einen Consumer hinzu, so dass beide Programme jeden Kurs lesen, und lassen Sie die Zeit laufen.",
    ],
    check({ snapshot, journal }) {
      const total = partitionsOf(snapshot).reduce((sum, p) => sum + p.log_end_offset, 0);
      const readers = snapshot.groups.filter((g) => g.members.length > 0 &&
        g.members.some((m) => m.assignment.some(([t]) => t === TOPIC)));
      const depot = group(snapshot, "depot");
      if (readers.length >= 2) {
        const progress = readers.map((g) => {
          const read = g.offsets.filter((o) => o.topic === TOPIC).reduce((s, o) => s + (o.committed ?? 0), 0);
          const parts = new Set(g.members.flatMap((m) => m.assignment.map(([t, p]) => `${t}-${p}`)));
          return { id: g.group_id, read, parts: parts.size };
        });
        const partial = progress.find((p) => p.parts < partitionsOf(snapshot).length || p.read === 0);
        if (partial) {
          return { ok: false, text: `Die Gruppe ${partial.id} liest noch nicht alle Partitionen oder hat noch nichts committet. Lassen Sie die Zeit laufen.` };
        }
        return { ok: true, text: `Richtig: ${fmt(progress.map((p) => `${p.id} hat ${p.read} von ${total} Kursen gelesen`))}. ` +
          "Jede Consumer-Gruppe hat ihre eigenen committed Offsets und bekommt alle Partitionen – so lesen mehrere Programme unabhängig dasselbe Topic." };
      }
      if (depot && depot.members.length >= 2) {
        return { ok: false, text: "Beide Consumer sind in der Gruppe depot: sie teilen sich die Partitionen, jeder Kurs geht nur an einen von beiden. " +
          "Für ein zweites Programm braucht es eine zweite Gruppe (z. B. chart)." };
      }
      return { ok: false, text: "Bisher liest nur eine Gruppe das Topic aktienkurse. Fügen Sie einen Consumer in einer neuen Gruppe hinzu." };
    },
  },

  leaderCrash: {
    task: [
      "Das Topic aktienkurse hat eine Partition mit drei Replikas, min.insync.replicas=2. Die Zeit steht.",
      "Senden Sie einen Kurs mit acks=all und lassen Sie dann den Leader von Partition 0 abstürzen. Ist der Kurs nach der Wahl des neuen Leaders noch da? Probieren Sie es auch mit acks=1, direkt vor dem Absturz.",
    ],
    check({ snapshot, journal }) {
      const crash = journal.find((e) => e.op === "crash_broker" && e.ok &&
        partitionsOf(e.before)[0]?.leader === e.args[0]);
      const followerCrash = journal.find((e) => e.op === "crash_broker" && e.ok && !crash);
      if (!crash) {
        const leader = partitionsOf(snapshot)[0]?.leader;
        const hint = followerCrash ? `Broker ${followerCrash.args[0]} war nur Follower. ` : "";
        return { ok: false, text: `${hint}Lassen Sie den Leader von Partition 0 abstürzen (zurzeit Broker ${leader ?? "–"}).` };
      }
      const partition = partitionsOf(snapshot)[0];
      if (partition?.leader == null || partition.leader === crash.args[0]) {
        return { ok: false, text: "Noch gibt es keinen neuen Leader. Lassen Sie die Zeit laufen, bis der Controller einen wählt." };
      }
      const sent = done(journal, "produce").filter((e) => journal.indexOf(e) < journal.indexOf(crash));
      const survived = (e) => e.result.offset < partition.high_watermark &&
        (partition.records.find((r) => r.offset === e.result.offset)?.value ?? String(e.args[1])) === String(e.args[1]);
      const lostOne = sent.filter((e) => String(e.kwargs.acks) !== "all" && !survived(e));
      const safe = sent.filter((e) => e.kwargs.acks === "all");
      if (safe.length && safe.every(survived)) {
        const lost = lostOne.length ? ` Dagegen ist der mit acks=1 bestätigte Kurs bei Offset ${lostOne[0].result.offset} verloren: der Leader bestätigte ihn, bevor ein Follower ihn kopiert hatte.` : "";
        return { ok: true, text: `Richtig: der mit acks=all bestätigte Kurs (Offset ${safe[0].result.offset}) ist noch da. Die Bestätigung kam erst, ` +
          `als alle Replikas im ISR ihn hatten; der neue Leader, Broker ${partition.leader}, hat ihn also.${lost}` };
      }
      if (lostOne.length) {
        return { ok: false, text: `Der Kurs bei Offset ${lostOne[0].result.offset} (acks=1) ist verloren: der Leader hatte ihn bestätigt, bevor ein Follower ihn kopiert hatte. ` +
          "Setzen Sie zurück und senden Sie mit acks=all vor dem Absturz." };
      }
      return { ok: false, text: "Vor dem Absturz wurde kein Kurs mit acks=all bestätigt. Setzen Sie zurück, senden Sie mit acks=all und lassen Sie dann den Leader abstürzen." };
    },
  },

  restartOffset: {
    task: [
      "aktionaer-1 liest in der Gruppe depot und committet seine Offsets.",
      "Entfernen Sie aktionaer-1, lassen Sie ein paar Kurse ankommen und fügen Sie dann wieder einen Consumer hinzu, der dort weiterliest, wo die Gruppe aufgehört hat.",
    ],
    check({ snapshot, journal }) {
      const removed = journal.find((e) => e.op === "remove_consumer" && e.ok);
      if (!removed) return { ok: false, text: "Entfernen Sie zuerst aktionaer-1 (Knopf „Entfernen“ bei der Gruppe depot)." };
      const added = journal.filter((e) => e.op === "add_consumer" && e.ok && journal.indexOf(e) > journal.indexOf(removed));
      if (!added.length) return { ok: false, text: "aktionaer-1 ist weg. Fügen Sie jetzt wieder einen Consumer hinzu." };
      const other = added.find((e) => e.args[0] !== "depot");
      const depot = group(snapshot, "depot");
      if (!added.some((e) => e.args[0] === "depot")) {
        return { ok: false, text: `Der neue Consumer ist in der Gruppe ${other.args[0]}. Für diese Gruppe gibt es keine committed Offsets, ` +
          "also gilt auto_offset_reset=earliest: sie liest alle Kurse noch einmal ab dem Anfang. Weiterlesen kann nur ein Consumer der Gruppe depot." };
      }
      if (!depot || depot.state !== "Stable" || !depot.members.length) {
        return { ok: false, text: "Der Consumer tritt der Gruppe depot gerade bei. Lassen Sie die Zeit laufen und prüfen Sie erneut." };
      }
      const atLeave = group(removed.before, "depot")?.offsets ?? [];
      const resumed = depot.offsets.filter((o) => o.topic === TOPIC).map((o) => {
        const old = atLeave.find((x) => x.partition === o.partition)?.committed ?? 0;
        return `P${o.partition}: ${old ?? 0} → ${o.committed ?? 0}`;
      });
      return { ok: true, text: `Richtig: der neue Consumer setzt an den committed Offsets der Gruppe depot an (${fmt(resumed)}) und liest keinen Kurs doppelt. ` +
        "Die Offsets gehören der Gruppe, nicht dem einzelnen Consumer." };
    },
  },

  retention: {
    task: [
      "Das Topic aktienkurse behält Kurse nur 20 Sekunden (retention.ms=20000); die Börse sendet laufend neue. " +
        "Damit Sie nicht lange warten, beginnt alle 5 Sekunden ein neues Segment (segment.ms=5000), und der Broker prüft alle 5 Sekunden.",
      "Lassen Sie die simulierte Zeit laufen und beobachten Sie den Log-Start-Offset. Prüfen Sie, wenn Sie meinen, dass Kafka alte Kurse gelöscht hat.",
    ],
    check({ snapshot }) {
      const partition = partitionsOf(snapshot)[0];
      if (!partition) return { ok: false, text: "Das Topic aktienkurse gibt es nicht mehr. Setzen Sie die Übung zurück." };
      const seconds = (snapshot.now_ms / 1000).toFixed(0);
      if (partition.log_start_offset > 0) {
        return { ok: true, text: `Richtig: nach ${seconds} s beginnt das Log bei Offset ${partition.log_start_offset} – die älteren Kurse hat Kafka gelöscht, ` +
          "weil sie älter als retention.ms waren. Die Offsets der übrigen Kurse bleiben gleich; ein Consumer, der ältere Offsets will, startet beim Log-Start-Offset." };
      }
      return { ok: false, text: `Noch ist nichts gelöscht: nach ${seconds} s beginnt das Log weiter bei Offset 0. Retention löscht erst Kurse, ` +
        "die älter als retention.ms sind, und nur ganze Segmente. Lassen Sie die Zeit weiterlaufen." };
    },
  },
};
