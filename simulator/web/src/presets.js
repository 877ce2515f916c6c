// The scenarios a course page can embed with <div class="kafkasim" data-preset="…">.
// A preset is data: cluster size, seed, the control actions that set it up, which panels are
// open, the lab script in the editor, and for the uebung-* presets the exercise (task and starter
// script; its check runs in the worker).
import { EXERCISES } from "./exercises.js";
import { command } from "./protocol.js";

const TOPIC = "aktienkurse";
const COMPACTED = "letzte-kurse";
// The shares of the course's Börse (backend/labs/boerse_producer.py).
const BOERSE_SYMBOLS = ["SAP", "SIE", "ALV", "BAS", "BMW", "DTE"];
// One price per share, as Schritt 2 of the Börse (docs_src/boerse/schritt2_serialisierer.py) sends them.
const SCHRITT2_PRICES = { SAP: 231.40, SIE: 212.10, ALV: 351.80, BAS: 45.12, BMW: 80.55, DTE: 31.07 };
// The set-up's steps are the page's own commands (protocol.js), so a misspelt field fails at once.
const topic = (name, partitions, replication_factor, config = {}) =>
  command("create_topic", { name, partitions, replication_factor, config });
const ticker = (name = TOPIC, rate_per_s = 4, extra = {}) =>
  command("start_ticker", { topic: name, rate_per_s, ...extra });
const consumer = (group, client_id, topics = [TOPIC], strategy = null) =>
  command("add_consumer", { group_id: group, topics, client_id, ...(strategy ? { partition_assignment_strategy: strategy } : {}) });
// kafka-python's CooperativeStickyPartitionAssignor: cooperative rebalancing (KIP-429).
const COOPERATIVE = ["cooperative-sticky"];
const advance = (ms) => command("advance", { ms });
// A price written once, as the course's programs write it (key = symbol, value = JSON).
const priceOf = (name, symbol, price) =>
  command("produce", { topic: name, value: JSON.stringify({ symbol, price, currency: "EUR" }), key: symbol });

// Kafka 4.x groups: their topics live in the groups' own log (kafkasim/scenarios/groups4_page.py).
const g4topic = (name, partitions) => command("groups4_create_topic", { name, partitions });
const g4produce = (name, value) => command("groups4_produce", { topic: name, values: [value] });
const g4config = (group, name, value) => command("groups4_set_group_config", { group_id: group, name, value });
const g4consumer = (group, name, client) => command("add_protocol_consumer", { group_id: group, topic: name, name: client });
const AUFTRAEGE = ["Bestätigung an Kundin 17", "Depotauszug 2026-11", "Bestätigung an Kunde 42", "Depotauszug 2026-12",
  "Bestätigung an Kundin 8", "Steuerbescheinigung 2026"];
// Offset 2 is a poison record (kafkasim/labor/groups4.py judges the exercise by that offset).
const GIFT = ["Bestätigung an Kundin 17", "Depotauszug 2026-11", '{"auftrag": 3, "kundin": ', "Depotauszug 2026-12",
  "Bestätigung an Kundin 8"];

// One name per role across the course: each Aktionär*in reads every price in her own group
// (depot-anna, depot-ben); one service scaled over several members is the group kursalarm.
// The panels under the diagram a chapter shows (an embed may name its own with data-panels="…"):
// the tables with their buttons, the event log, the control forms and the two charts. A chapter
// without consumers shows no Consumer-Gruppen panel and no flat lag chart; the consumer chapter's
// one-broker cluster needs no broker buttons.
// "ablauf": the requests and answers as a space-time diagram (ui/sequence.js), where it teaches something.
export const PANELS = ["brokers", "producers", "topics", "groups", "share-groups", "protocol", "log", "ablauf", "controls", "throughput", "lag"];
const WITHOUT_CONSUMERS = ["brokers", "producers", "topics", "log", "controls"];
const FOR_CONSUMERS = ["producers", "topics", "groups", "log", "controls", "throughput", "lag"];
// Kafka 4.x groups have their own panels; a preset without them does not show them.
const ALL_CLASSIC = PANELS.filter((p) => p !== "share-groups" && p !== "protocol" && p !== "ablauf");
const base = { brokers: 3, seed: 0, autoplay: true, open: ["produce"], code: null, panels: ALL_CLASSIC };
// Real Kafka checks retention every 5 minutes and rolls segments weekly; for a demo that shows
// deletion within seconds both are short here (and named in the topic's configuration).
const FAST_RETENTION = { "log.retention.check.interval.ms": 5_000 };

export const PRESETS = {
  "cluster-ueberblick": {
    ...base, title: "Cluster im Überblick",
    setup: [topic(TOPIC, 3, 3), ticker(), consumer("depot-anna", "anna")],
    // The pages that embed it ask the reader to watch: no form opened, the group beside the log.
    open: [],
  },
  // The first hands-on page: an empty one-broker cluster; the reader creates the topic, sends
  // records and adds a consumer with the controls, in that order.
  "erste-schritte": {
    ...base, title: "Erste Schritte: Topic, Producer, Consumer", brokers: 1,
    setup: [], open: ["topics", "produce", "consumers"], exercise: EXERCISES.ersteSchritte,
  },
  "topic-partitionen": {
    ...base, title: "Ein Topic, drei Partitionen", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker()],
    panels: [...WITHOUT_CONSUMERS.filter((p) => p !== "brokers"), "throughput"],
  },
  "schluessel-partition": {
    ...base, title: "Schlüssel bestimmen die Partition", brokers: 1, autoplay: false,
    setup: [topic(TOPIC, 3, 1)], open: ["produce"],
    panels: WITHOUT_CONSUMERS.filter((p) => p !== "brokers"),
  },
  replikation: {
    ...base, title: "Replikation: Leader, Follower, ISR",
    setup: [topic(TOPIC, 3, 3), ticker()], open: ["brokers"],
    panels: WITHOUT_CONSUMERS,
  },
  "producer-acks": {
    ...base, title: "acks und min.insync.replicas",
    setup: [topic(TOPIC, 1, 3, { "min.insync.replicas": 2 })], autoplay: false, open: ["produce", "brokers"],
    // The form's sends are drawn as a producer in the picture; without the producers' table the
    // broker buttons, the event log and the form fit one screen beside it (data-width="wide").
    // „Ablauf“: acks=all is answered only after the followers' fetch (docs/theorie/producer.md).
    panels: [...WITHOUT_CONSUMERS.filter((p) => p !== "producers"), "ablauf"],
  },
  "consumer-gruppe": {
    ...base, title: "Eine Consumer-Gruppe", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("kursalarm", "kursalarm-1"), consumer("kursalarm", "kursalarm-2")],
    open: ["consumers"],
    // „Ablauf“: a new member's JoinGroup waits for the others' next heartbeat (docs/theorie/consumer.md).
    panels: [...FOR_CONSUMERS, "ablauf"],
  },
  "zwei-gruppen": {
    ...base, title: "Zwei Consumer-Gruppen", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("depot-anna", "anna"), consumer("depot-ben", "ben")],
    open: ["consumers"],
    panels: FOR_CONSUMERS,
  },
  "offsets-commit": {
    ...base, title: "Committete Offsets und Lag", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("depot-anna", "anna")], open: ["consumers"],
    panels: FOR_CONSUMERS,
  },
  retention: {
    ...base, title: "Aufbewahrung und Kompaktierung", brokers: 1, config: FAST_RETENTION,
    setup: [
      topic(TOPIC, 1, 1, { "retention.ms": 20_000, "segment.ms": 5_000 }),
      topic("kurse-kompakt", 1, 1, { "cleanup.policy": "compact", "segment.ms": 5_000 }),
      ticker(TOPIC), ticker("kurse-kompakt"),
    ],
    open: ["topics"],
    panels: [...WITHOUT_CONSUMERS.filter((p) => p !== "brokers"), "throughput"],
  },
  zustellgarantien: {
    ...base, title: "Zustellgarantien beim Consumer-Absturz", brokers: 1,
    setup: [topic(TOPIC, 1, 1), ticker(), consumer("depot-anna", "anna")], open: ["consumers"],
    panels: FOR_CONSUMERS,
  },
  // The exactly-once section: the learner runs a transactional producer (one transaction committed,
  // one aborted) and a read_committed consumer; the log shows the markers, the aborted record, the LSO.
  transaktionen: {
    ...base, title: "Transaktionen: committet und abgebrochen", brokers: 1, autoplay: false,
    setup: [topic("kurse-anna", 1, 1)], code: "transaktionen_im_log.py", open: [],
    panels: WITHOUT_CONSUMERS.filter((p) => p !== "brokers"),
  },
  "labor-producer": {
    ...base, title: "Labor 1: die Börse", brokers: 1, autoplay: false,
    setup: [topic(TOPIC, 3, 1)], code: "boerse_producer.py", open: [],
  },
  // "Die Börse läuft dort schon": a ticker like the course's Börse (its six shares, two prices a
  // second) that keeps sending while the page plays and while the script reads.
  "labor-consumer": {
    ...base, title: "Labor 2: Aktionär*innen", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(TOPIC, 2, { symbols: BOERSE_SYMBOLS }), advance(5_000)],
    code: "aktionaer_consumer.py", open: [],
  },
  // The Aktionär*innen page, Schritt 5: the finished Kursalarm-Dienst in the editor. The topic holds
  // the Börse's Schritt 2 (whose SAP and BMW prices are above the alarm limits), the Börse goes on.
  "labor-kursalarm": {
    ...base, title: "Labor 3: der Kursalarm-Dienst", brokers: 1,
    setup: [topic(TOPIC, 3, 1),
      ...Object.entries(SCHRITT2_PRICES).map(([symbol, price]) => priceOf(TOPIC, symbol, price)),
      ticker(TOPIC, 2, { symbols: BOERSE_SYMBOLS }), advance(5_000)],
    code: "kursalarm_dienst.py", open: [],
  },
  "uebung-sap-partition": {
    ...base, title: "Übung: alle SAP-Kurse in einer Partition", autoplay: false,
    setup: [topic(TOPIC, 3, 1)], open: ["produce"], exercise: EXERCISES.sapPartition,
  },
  "uebung-zweiter-consumer": {
    ...base, title: "Übung: ein zweiter Consumer", brokers: 1,
    // kursalarm-1 has joined and reads all three partitions when the learner arrives.
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("kursalarm", "kursalarm-1"), advance(5_000)],
    open: ["consumers"], exercise: EXERCISES.secondConsumer,
  },
  "uebung-zwei-gruppen": {
    ...base, title: "Übung: zwei Gruppen bekommen jeden Kurs", brokers: 1,
    // Old prices in the topic: Ben's new group must read those, too.
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("depot-anna", "anna"), advance(10_000)],
    open: ["consumers"], exercise: EXERCISES.twoGroups,
  },
  "uebung-leader-crash": {
    ...base, title: "Übung: der Leader fällt aus", autoplay: false,
    setup: [topic(TOPIC, 1, 3, { "min.insync.replicas": 2 })],
    open: ["produce", "brokers"], exercise: EXERCISES.leaderCrash,
    panels: WITHOUT_CONSUMERS,
  },
  "uebung-neustart-offset": {
    ...base, title: "Übung: Neustart am committeten Offset", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("depot-anna", "anna"), advance(8_000)],
    open: ["consumers"], exercise: EXERCISES.restartOffset,
  },
  "uebung-retention": {
    // Time starts with the learner ("Abspielen" or a script): the deletion is theirs to predict.
    ...base, title: "Übung: Die Aufbewahrungsfrist löscht alte Kurse", brokers: 1, config: FAST_RETENTION, autoplay: false,
    setup: [topic(TOPIC, 1, 1, { "retention.ms": 20_000, "segment.ms": 5_000 }), ticker(TOPIC, 4)],
    open: ["topics"], exercise: EXERCISES.retention,
  },

  // One exercise per theory chapter (the Labor's above), in the course's order.
  "uebung-entkopplung": {
    ...base, title: "Übung: Anna macht Pause", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("depot-anna", "anna"), advance(5_000)],
    open: ["consumers"], exercise: EXERCISES.entkopplung,
  },
  "uebung-broker-absturz": {
    ...base, title: "Übung: ein Broker stürzt ab",
    setup: [topic(TOPIC, 3, 3), ticker(), consumer("depot-anna", "anna"), advance(5_000)],
    open: [], exercise: EXERCISES.brokerAbsturz,
  },
  "uebung-tombstone": {
    // DTE's prices are written once; the Börse goes on with the other shares, so segments keep rolling.
    ...base, title: "Übung: ein Tombstone löscht DTE", brokers: 1,
    setup: [
      topic(COMPACTED, 3, 1, { "cleanup.policy": "compact", "segment.ms": 5_000 }),
      ...[30.95, 31.02, 31.07].map((price) => priceOf(COMPACTED, "DTE", price)),
      ticker(COMPACTED, 4, { symbols: ["SAP", "SIE", "ALV", "BAS", "BMW", "IFX", "MBG", "RWE", "ADS"] }),
      advance(6_000),
    ],
    open: [], exercise: EXERCISES.tombstone,
  },
  "uebung-min-insync": {
    ...base, title: "Übung: zu wenige Replikate in der ISR", autoplay: false,
    setup: [topic(TOPIC, 1, 3, { "min.insync.replicas": 2 })],
    open: ["produce"], exercise: EXERCISES.minInsync,
    panels: WITHOUT_CONSUMERS,
  },
  "uebung-schluessel-header": {
    ...base, title: "Übung: zehn Kurse mit Schlüssel und Header", brokers: 1, autoplay: false,
    setup: [topic(TOPIC, 3, 1)], open: [], exercise: EXERCISES.schluesselHeader,
  },
  "uebung-kursalarm-skalieren": {
    ...base, title: "Übung: der Kursalarm wird skaliert", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(), consumer("kursalarm", "kursalarm-1"), consumer("kursalarm", "kursalarm-2"),
      advance(6_000)],
    open: ["consumers"], exercise: EXERCISES.kursalarmSkalieren,
  },
  "uebung-absturz-vor-commit": {
    ...base, title: "Übung: Absturz zwischen Verarbeitung und Commit", brokers: 1,
    setup: [topic(TOPIC, 1, 1), ticker(), advance(10_000)],
    open: ["consumers"], exercise: EXERCISES.absturzVorCommit,
  },
  "uebung-boerse-ifx": {
    ...base, title: "Übung: eine siebte Aktie", brokers: 1, autoplay: false,
    setup: [topic(TOPIC, 3, 1)], open: [], exercise: EXERCISES.boerseIfx,
    panels: WITHOUT_CONSUMERS.filter((p) => p !== "brokers"),
  },
  // Like Labor 2: the Börse is running, prices are waiting; Anna's consumer is the learner's script.
  "uebung-manuell-committen": {
    ...base, title: "Übung: selbst committen, sauber beenden", brokers: 1,
    setup: [topic(TOPIC, 3, 1), ticker(TOPIC, 2, { symbols: BOERSE_SYMBOLS }), advance(5_000)],
    open: ["consumers"], exercise: EXERCISES.manuellCommitten,
    panels: FOR_CONSUMERS,
  },
  "uebung-zwei-broker": {
    ...base, title: "Übung: zwei von drei Brokern stürzen ab", autoplay: false,
    setup: [topic(TOPIC, 1, 3, { "min.insync.replicas": 2 })],
    open: ["produce"], exercise: EXERCISES.zweiBroker,
    panels: WITHOUT_CONSUMERS,
  },
  // Kafka 4.x groups (docs/theorie/share-gruppen.md). The Aufträge wait in their topic; the group
  // lager starts at the beginning (share.auto.offset.reset=earliest, set as kafka-configs.sh would)
  // and locks for 15 s, the shortest the broker allows, so an expiry is soon to be seen.
  "share-gruppe": {
    ...base, title: "Eine Share-Gruppe: Aufträge als Warteschlange", brokers: 1, autoplay: false,
    setup: [g4topic("auftraege", 1), ...AUFTRAEGE.map((a) => g4produce("auftraege", a)),
      g4config("lager", "share.auto.offset.reset", "earliest"), g4config("lager", "share.record.lock.duration.ms", 15_000)],
    open: [], panels: ["share-groups", "log"], diagram: { parts: ["groups4"] },
    groups4: { group: "lager", topic: "auftraege" },
  },
  "uebung-giftdatensatz": {
    ...base, title: "Übung: ein Giftdatensatz", brokers: 1, autoplay: false,
    setup: [g4topic("auftraege", 1), ...GIFT.map((a) => g4produce("auftraege", a)),
      g4config("lager", "share.auto.offset.reset", "earliest"), g4config("lager", "share.record.lock.duration.ms", 15_000)],
    open: [], panels: ["share-groups", "log"], diagram: { parts: ["groups4"] }, exercise: EXERCISES.giftdatensatz,
    groups4: { group: "lager", topic: "auftraege" },
  },
  // Three rebalances side by side: the classic group kursalarm (kafka-python, eager), the classic
  // group kursalarm-koop (kafka-python with the CooperativeStickyPartitionAssignor, KIP-429) and
  // depot-neu of type consumer (KIP-848).
  "kip848-rebalancing": {
    ...base, title: "Rebalancing: eager, cooperative und mit dem Consumer-Protokoll", brokers: 1, autoplay: false,
    setup: [topic(TOPIC, 6, 1), consumer("kursalarm", "kursalarm-1"), consumer("kursalarm", "kursalarm-2"),
      consumer("kursalarm-koop", "kursalarm-koop-1", [TOPIC], COOPERATIVE),
      consumer("kursalarm-koop", "kursalarm-koop-2", [TOPIC], COOPERATIVE),
      g4topic("kurse", 6), g4consumer("depot-neu", "kurse", "A"), g4consumer("depot-neu", "kurse", "B"), advance(12_000)],
    open: ["consumers"], panels: ["groups", "protocol", "controls", "log"], diagram: { parts: ["groups", "groups4"] },
    groups4: { group: "depot-neu", topic: "kurse" },
    assignorField: true, // "Consumer hinzufügen" offers cooperative-sticky here
  },
};

// A chapter without a Consumer-Gruppen panel draws no empty group column: "noch keine" would take
// a quarter of the diagram's width from the brokers. A consumer added with the form still appears.
for (const preset of Object.values(PRESETS)) {
  if (!preset.diagram && !(preset.panels ?? PANELS).includes("groups")) preset.diagram = { emptyGroups: false };
}

export const DEFAULT_PRESET = "cluster-ueberblick";

// The group "Consumer hinzufügen" offers: the one the preset's page talks about – the group of its
// first consumer, else Anna's, the course's first group.
export function offeredGroup(preset) {
  return (preset.setup ?? []).find((step) => step.op === "add_consumer")?.group_id ?? "depot-anna";
}

export function presetFor(name) {
  return PRESETS[name] ?? null;
}

// The panels an embed shows: its data-panels attribute (names separated by spaces or commas) or
// its preset's. Unknown names are returned apart, so that the page can say which one is wrong.
export function panelsFor(preset, attribute) {
  if (attribute == null || !attribute.trim()) return { panels: preset.panels ?? PANELS, unknown: [] };
  const named = attribute.split(/[\s,]+/).filter(Boolean);
  return { panels: named.filter((p) => PANELS.includes(p)), unknown: named.filter((p) => !PANELS.includes(p)) };
}
