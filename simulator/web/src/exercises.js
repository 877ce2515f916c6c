// The guided exercises of the Simulator-Labor: the German task beside the simulator and the
// starter script in its editor. The check runs in the worker, next to the cluster it judges
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
      "Die Gruppe depot hat einen Consumer, aktionaer-1, der alle drei Partitionen liest.",
      "Fügen Sie der Gruppe depot ein zweites Mitglied hinzu – mit „Consumer hinzufügen“ oder mit dem Skript im Editor – und lassen Sie die Zeit laufen, bis das Rebalancing fertig ist. Welche Partitionen übernimmt es?",
    ],
  },

  twoGroups: {
    id: "zwei-gruppen",
    script: "uebung3_kursalarm.py",
    task: [
      "Neben der Gruppe depot soll ein Kursalarm in der Gruppe kursalarm jeden Kurs lesen – auch die Kurse, die schon im Topic liegen.",
      "Starten Sie einen Consumer der Gruppe kursalarm – mit „Consumer hinzufügen“ oder mit dem Skript im Editor – und lassen Sie die Zeit laufen.",
    ],
  },

  leaderCrash: {
    id: "leader-crash",
    script: "uebung4_leader_absturz.py",
    task: [
      "Das Topic aktienkurse hat eine Partition mit drei Replikaten, min.insync.replicas=2. Die Zeit steht still.",
      "Senden Sie einen Kurs mit acks=all und lassen Sie dann den Leader von Partition 0 abstürzen. Ist der Kurs nach der Wahl des neuen Leaders noch da? Probieren Sie es danach auch mit acks=1, direkt vor dem Absturz.",
    ],
  },

  restartOffset: {
    id: "neustart-offset",
    script: "uebung5_neustart.py",
    task: [
      "aktionaer-1 liest in der Gruppe depot und committet seine Offsets.",
      "Entfernen Sie aktionaer-1, lassen Sie ein paar Kurse ankommen und fügen Sie dann wieder einen Consumer hinzu, der dort weiterliest, wo die Gruppe aufgehört hat – mit „Consumer hinzufügen“ oder mit dem Skript im Editor.",
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
};
