// The guided exercises of the Simulator-Labor and of the theory chapters: the German task beside
// the simulator and, where the task asks for code, the starter script in its editor. The check runs in the worker, next to the cluster it judges
// (kafkasim/labor): it sees every record, group and offset, however they got there.
//
// `id` names the check, `script` the starter script (docs_src/labor/, served with the lab
// scripts). `announce: false` keeps the verdict to itself until the learner presses "Prüfen".

export const EXERCISES = {
  sapPartition: {
    id: "sap-partition",
    script: "uebung1_sap_partition.py",
    task: [
      "Senden Sie mindestens drei Kurse der SAP-Aktie in das Topic aktienkurse, so dass alle in derselben Partition landen – mit dem Formular „Datensatz senden“ oder mit dem Skript im Editor.",
      "Welche Angabe entscheidet über die Partition? Sagen Sie vorher, welche Partition es wird.",
    ],
  },

  secondConsumer: {
    id: "zweiter-consumer",
    script: "uebung2_zweiter_consumer.py",
    task: [
      "Der Kursalarm läuft in der Gruppe kursalarm mit einer Instanz, kursalarm-1, die alle drei Partitionen liest.",
      "Fügen Sie der Gruppe kursalarm ein zweites Mitglied hinzu – mit „Consumer hinzufügen“ oder mit dem Skript im Editor – und lassen Sie die Zeit laufen, bis das Rebalancing fertig ist. Welche Partitionen übernimmt es?",
    ],
  },

  twoGroups: {
    id: "zwei-gruppen",
    script: "uebung3_depot_ben.py",
    task: [
      "Anna liest in ihrer Gruppe depot-anna. Ben kommt später dazu und soll in seiner eigenen Gruppe depot-ben jeden Kurs lesen – auch die Kurse, die schon im Topic liegen.",
      "Starten Sie einen Consumer der Gruppe depot-ben – mit „Consumer hinzufügen“ oder mit dem Skript im Editor – und lassen Sie die Zeit laufen.",
    ],
  },

  leaderCrash: {
    id: "leader-crash",
    script: "uebung4_leader_absturz.py",
    task: [
      "Das Topic aktienkurse hat eine Partition mit drei Replikaten, min.insync.replicas=2. Die Zeit steht still, bis Sie „Abspielen“ drücken.",
      "Senden Sie einen Kurs mit acks=all und lassen Sie dann den Leader von Partition 0 abstürzen. Drücken Sie „Abspielen“: Ist der Kurs nach der Wahl des neuen Leaders noch da? Probieren Sie es danach auch mit acks=1, direkt vor dem Absturz.",
    ],
  },

  restartOffset: {
    id: "neustart-offset",
    script: "uebung5_neustart.py",
    task: [
      "Annas Consumer anna liest in der Gruppe depot-anna und committet seine Offsets.",
      "Entfernen Sie anna, lassen Sie ein paar Kurse ankommen und fügen Sie dann wieder einen Consumer hinzu, der dort weiterliest, wo die Gruppe aufgehört hat – mit „Consumer hinzufügen“ oder mit dem Skript im Editor.",
    ],
  },

  retention: {
    id: "retention",
    script: "uebung6_aufbewahrung.py",
    announce: false,
    task: [
      "Das Topic aktienkurse behält Kurse nur 20 Sekunden (retention.ms=20000); die Börse sendet laufend neue. " +
        "Damit Sie nicht lange warten, beginnt alle 5 Sekunden ein neues Segment (segment.ms=5000), und der Broker sieht alle 5 Sekunden nach.",
      "Lassen Sie die simulierte Zeit mit „Abspielen“ laufen (oder führen Sie das Skript im Editor aus) und beobachten Sie den Anfang des Logs („Start“ über dem Log). Prüfen Sie, sobald Sie meinen, dass Kafka alte Kurse gelöscht hat.",
    ],
  },

  // -- one exercise per theory chapter, in the course's order --------------------------------

  entkopplung: {
    id: "entkopplung",
    task: [
      "Die Börse schreibt laufend Kurse; Annas Consumer anna liest sie in der Gruppe depot-anna.",
      "Entfernen Sie anna (Knopf „Entfernen“), lassen Sie ein paar Sekunden vergehen und fügen Sie dann wieder einen Consumer der Gruppe depot-anna hinzu. Geht ein Kurs verloren, der in der Pause ankam?",
    ],
  },

  brokerAbsturz: {
    id: "broker-absturz",
    task: [
      "Drei Broker, das Topic aktienkurse hat drei Partitionen mit je drei Replikaten. Die Börse schreibt, Anna liest.",
      "Lassen Sie einen Broker abstürzen, der Leader einer Partition ist, und lassen Sie die Zeit laufen. Schreibt die Börse weiter, liest Anna weiter?",
    ],
  },

  tombstone: {
    id: "tombstone",
    script: "topics_tombstone.py",
    task: [
      "Das Topic letzte-kurse ist kompaktiert (cleanup.policy=compact) und enthält Kurse von DTE und anderen Aktien; die Börse schreibt weiter, nur DTE nicht mehr.",
      "Entfernen Sie DTE aus dem Topic: Schreiben Sie mit dem Skript im Editor den passenden Datensatz und lassen Sie die Zeit laufen, bis die Kompaktierung aufgeräumt hat.",
    ],
  },

  ersteSchritte: {
    id: "erste-schritte",
    task: [
      "Gehen Sie die Schritte 1 bis 3 dieser Seite mit den Knöpfen des Simulators durch: das Topic aktienkurse anlegen, die drei Kurse aus der Tabelle senden, Consumer der Gruppen depot-anna und depot-ben hinzufügen.",
      "„Prüfen“ sagt Ihnen, welcher Schritt noch fehlt.",
    ],
  },

  minInsync: {
    id: "min-insync",
    task: [
      "Das Topic aktienkurse hat eine Partition mit drei Replikaten und min.insync.replicas=2. Die Zeit steht still, bis Sie „Abspielen“ drücken.",
      "Lassen Sie einen Follower von Partition 0 abstürzen, lassen Sie die Zeit mit „Abspielen“ (oder „+1 s“) laufen, bis er die ISR verlassen hat, und fahren Sie dann den zweiten Follower kontrolliert herunter. Senden Sie danach einen Kurs mit acks=all – und einen mit acks=1.",
    ],
  },

  schluesselHeader: {
    id: "schluessel-header",
    script: "producer_header.py",
    task: [
      "Das Skript im Editor schickt zehn Kurse der SAP-Aktie – ohne Schlüssel und ohne Header.",
      "Ändern Sie es so, dass alle zehn in derselben Partition landen, mit aufsteigenden Offsets in der Reihenfolge des Sendens, und dass jeder Kurs den Header quelle=xetra trägt.",
    ],
  },

  giftdatensatz: {
    id: "giftdatensatz",
    task: [
      "Im Topic auftraege liegen fünf Aufträge; der an Offset 2 ist ein Giftdatensatz mit kaputtem JSON. Die Share-Gruppe lager liest von Anfang an.",
      "Erledigen Sie alle Aufträge: Legen Sie die Gruppe mit „Share-Gruppe hinzufügen“ an, holen Sie ab, bestätigen Sie die gesunden Aufträge und geben Sie den Giftdatensatz jedes Mal frei – ohne ihn abzulehnen. Was macht Kafka nach der fünften Zustellung?",
    ],
  },

  kursalarmSkalieren: {
    id: "kursalarm-skalieren",
    task: [
      "Der Kursalarm läuft mit zwei Instanzen, kursalarm-1 und kursalarm-2, in der Gruppe kursalarm; das Topic hat drei Partitionen.",
      "Fügen Sie der Gruppe eine dritte Instanz hinzu und lassen Sie die Zeit laufen, bis das Rebalancing fertig ist. Fügen Sie dann eine vierte hinzu: Welche Partition bekommt sie?",
    ],
  },

  absturzVorCommit: {
    id: "absturz-vor-commit",
    script: "zustellgarantien_absturz.py",
    task: [
      "Das Skript im Editor ist Annas Consumer in der Gruppe depot-anna: Er verarbeitet Kurse, committet nach jeweils zehn und stürzt nach dem 25. ab – verarbeitet, aber nicht committet.",
      "Führen Sie das Skript aus. Starten Sie dann einen Nachfolger in der Gruppe depot-anna – mit „Consumer hinzufügen“ oder, indem Sie das Skript noch einmal ausführen – und lassen Sie die Zeit laufen. Welche Kurse liest er ein zweites Mal?",
    ],
  },

  zweiBroker: {
    id: "zwei-broker",
    task: [
      "Drei kombinierte Knoten (Broker und Controller), das Topic aktienkurse hat eine Partition mit drei Replikaten und min.insync.replicas=2. Die Zeit steht still, bis Sie „Abspielen“ drücken.",
      "Lassen Sie beide Follower von Partition 0 abstürzen und senden Sie dann einen Kurs mit acks=all. Welchen Fehler meldet der Producer – und warum nicht NotEnoughReplicasError?",
    ],
  },
  // -- one exercise per Praxis page ---------------------------------------------------------

  boerseIfx: {
    id: "boerse-ifx",
    script: "boerse_producer.py",
    task: [
      "Im Editor steht die Börse mit ihren sechs Aktien. Das Topic aktienkurse hat drei Partitionen.",
      "Nehmen Sie Infineon (Kürzel IFX, Startkurs 35.00 EUR) als siebte Aktie auf und führen Sie die Börse aus. Die Kurse von IFX sollen wie die der anderen Aktien mit ihrem Kürzel als Schlüssel im Topic landen. In welcher Partition?",
    ],
  },

  manuellCommitten: {
    id: "manuell-committen",
    script: "aktionaer_consumer.py",
    task: [
      "Im Editor steht Annas Depot: ein Consumer der Gruppe depot-anna, der automatisch committet. Die Börse läuft schon.",
      "Ändern Sie ihn so, dass er selbst committet (enable_auto_commit=False und consumer.commit() nach jedem poll()) und am Ende sauber die Gruppe verlässt. Führen Sie ihn aus: Die committeten Offsets der Gruppe sollen genau hinter dem letzten gelesenen Kurs stehen, und die Gruppe soll danach kein Mitglied mehr haben.",
    ],
  },
};
