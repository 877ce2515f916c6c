// The diagram's text alternative: the same state in German sentences, for the SVG's <desc>.
import { describeGroups4 } from "./groups4.js";
import { BROKER_STATE, ROLE, TXN_RECORD, groupState, int, txnKind, txnState } from "./text.js";

function partitionLine(model, topic, partition, replicas) {
  const leaderReplica = replicas.find((r) => r.role === "leader" || r.role === "leader-offline");
  const log = replicas[0].log;
  const leader = leaderReplica
    ? `Leader auf Broker ${leaderReplica.broker}${leaderReplica.role === "leader-offline" ? " (offline)" : ""}`
    : "kein Leader";
  const others = replicas.filter((r) => r !== leaderReplica).map((r) => `Broker ${r.broker} ${ROLE[r.role]}`);
  const name = model.multiTopic ? `${topic}-${partition}` : `Partition ${partition}`;
  return `${name}: ${leader}${others.length ? `, ${others.join(", ")}` : ""}; ` +
    `High Watermark ${int(log.high_watermark)}, Log-End-Offset ${int(log.log_end_offset)}` +
    `${log.last_stable_offset != null ? `, Last Stable Offset ${int(log.last_stable_offset)}` : ""}.${transactionRecords(log)}`;
}

// The records of transactions among the newest shown, by kind: "Commit-Markierung bei Offset 2".
function transactionRecords(log) {
  const byKind = new Map();
  for (const r of log.records ?? []) {
    const kind = txnKind(r);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), int(r.offset)]);
  }
  const parts = ["commit", "abort", "aborted", "open"].filter((k) => byKind.has(k)).map((k) => {
    const offsets = byKind.get(k);
    return `${TXN_RECORD[k]}: ${offsets.length === 1 ? "Offset" : "Offsets"} ${offsets.join(", ")}`;
  });
  return parts.length ? ` Transaktionen – ${parts.join("; ")}.` : "";
}

function producerName(p) {
  const name = p.ticker ? `Börse ${p.id}` : p.id;
  return p.transaction ? `${name} (${txnState(p.transaction.state)})` : name;
}

export function describe(model) {
  const sentences = [];
  const brokers = model.brokers.map((b) =>
    `Broker ${b.id} ${BROKER_STATE[b.state] ?? b.state}${b.controller ? " (Controller)" : ""}`);
  sentences.push(`${model.brokers.length} Broker: ${brokers.join(", ")}.`);
  if (model.parts.has("producers")) {
    sentences.push(model.producers.length
      ? `Producer: ${model.producers.map(producerName).join(", ")}.`
      : "Noch kein Producer.");
  }
  const byPartition = new Map();
  for (const b of model.brokers) {
    for (const r of b.replicas) {
      const key = `${r.topic}/${r.partition}`;
      if (!byPartition.has(key)) byPartition.set(key, { topic: r.topic, partition: r.partition, replicas: [] });
      byPartition.get(key).replicas.push({ ...r, broker: b.id });
    }
  }
  for (const topic of model.topics) {
    const parts = [...byPartition.values()].filter((p) => p.topic === topic);
    sentences.push(`Topic ${topic} mit ${parts.length.toLocaleString("de-DE")} ${parts.length === 1 ? "Partition" : "Partitionen"}.`);
    for (const p of parts) sentences.push(partitionLine(model, p.topic, p.partition, p.replicas));
  }
  if (model.parts.has("groups")) {
    if (!model.groups.length) sentences.push("Noch keine Consumer-Gruppe.");
    for (const g of model.groups) {
      const members = g.members.map((m) => {
        const parts = m.assignment.map((a) => `${a.partition}${a.lag == null ? "" : ` (Lag ${int(a.lag)})`}`);
        return `${m.clientId} liest ${parts.length ? `Partition ${parts.join(", ")}` : "keine Partition"}`;
      });
      const paused = g.unowned.length ? ` Ohne Besitzer, pausiert: Partition ${g.unowned.map((o) => o.partition).join(", ")}.` : "";
      sentences.push(`Consumer-Gruppe ${g.id}${g.rebalanceProtocol === "cooperative" ? " (cooperative)" : ""}: ` +
        `${groupState(g.state)}, Generation ${int(g.generation)}, ` +
        `Gruppen-Koordinator Broker ${g.coordinator ?? "–"}; ${members.length ? members.join("; ") : "keine Mitglieder"}.${paused}`);
    }
  }
  if (model.parts.has("groups4")) {
    const g4 = describeGroups4(model.groups4);
    if (g4) sentences.push(g4);
  }
  return sentences.join(" ");
}
