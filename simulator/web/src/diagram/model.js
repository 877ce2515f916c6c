// What the diagram shows, derived from one worker snapshot (kafkasim/snapshot.py): every replica
// with its role, every producer, every group with its members, assignments and lag. Pure data,
// no geometry; `options` choose the parts a chapter wants to show.
import { groups4Model } from "./groups4.js";

/** The parts a preset or an embed may choose; all by default. */
// "groups4": share groups and consumer-protocol groups (groups4.js), drawn once they exist.
export const PARTS = Object.freeze(["producers", "brokers", "groups", "groups4", "legend"]);
// More would not fit the column; the rest is counted ("+3 weitere").
const MAX_PRODUCERS = 5;

export function roleOf(partition, brokerId, running) {
  if (partition.leader === brokerId) return running ? "leader" : "leader-offline";
  if (!running) return "offline";
  return partition.isr.includes(brokerId) ? "follower" : "out-of-isr";
}

// The page's "Datensatz senden" form is a producer too, though not a client in the cluster: the
// page counts its sends (options.formSends = {sent, failed}) and it is drawn as one.
export const FORM_PRODUCER = "Formular";

function producersOf(snapshot, topicShown, formSends) {
  const tickers = new Map(snapshot.tickers.map((t) => [t.id, t]));
  const entries = snapshot.producers.map((p) => ({ id: p.client_id, producer: p, ticker: tickers.get(p.client_id) ?? null }));
  for (const t of snapshot.tickers) {
    if (!entries.some((e) => e.id === t.id)) entries.push({ id: t.id, producer: null, ticker: t });
  }
  const relevant = entries.filter((e) => !e.ticker || topicShown(e.ticker.topic));
  // Running Börse tickers always, then the newest other producers (learner scripts make many).
  const running = relevant.filter((e) => e.ticker?.running);
  const others = relevant.filter((e) => !e.ticker?.running);
  if (formSends?.sent) running.unshift({ id: FORM_PRODUCER, form: formSends, producer: null, ticker: null });
  const kept = new Set([...running, ...others.slice(-Math.max(0, MAX_PRODUCERS - running.length))].slice(0, MAX_PRODUCERS));
  return { entries: [...running, ...others].filter((e) => kept.has(e)), hidden: running.length + others.length - kept.size };
}

function groupsOf(snapshot, topicShown) {
  return snapshot.groups.map((g) => {
    const offsets = new Map(g.offsets.map((o) => [`${o.topic}/${o.partition}`, o]));
    const chip = ([topic, partition]) => {
      const o = offsets.get(`${topic}/${partition}`);
      return { topic, partition, committed: o?.committed ?? null, lag: o?.lag ?? null };
    };
    // What a member holds is what its consumer holds (`owned`), else what the coordinator handed
    // out: during an eager rebalance that is nothing, during a cooperative one all but the moved.
    const members = g.members.map((m) => ({
      id: m.member_id,
      clientId: m.client_id,
      isGroupLeader: g.leader === m.member_id,
      known: m.owned != null,
      assignment: (m.owned ?? m.assignment).filter(([t]) => topicShown(t)).map(chip),
    }));
    const rebalancing = g.state === "PreparingRebalance" || g.state === "CompletingRebalance";
    const held = new Set(members.flatMap((m) => m.assignment.map((a) => `${a.topic}/${a.partition}`)));
    // Cooperative (KIP-429) when every member whose consumer is known says so.
    const known = g.members.filter((m) => m.rebalance_protocol);
    const cooperative = known.length > 0 && known.every((m) => m.rebalance_protocol === "cooperative");
    return {
      id: g.group_id,
      state: g.state,
      generation: g.generation,
      protocol: g.protocol,
      coordinator: g.coordinator,
      rebalanceProtocol: cooperative ? "cooperative" : "eager",
      // Subscribed partitions no member holds while the group rebalances: they pause.
      unowned: rebalancing && members.some((m) => m.known)
        ? g.offsets.filter((o) => topicShown(o.topic) && !held.has(`${o.topic}/${o.partition}`)) : [],
      members,
      offsets: g.offsets.filter((o) => topicShown(o.topic)),
    };
  });
}

export function buildModel(snapshot, options = {}) {
  const parts = new Set(options.parts ?? PARTS);
  const only = options.topics ? new Set(options.topics) : null;
  const topicShown = (name) => !only || only.has(name);
  const topics = snapshot.topics.filter((t) => topicShown(t.name));
  const groups = groupsOf(snapshot, topicShown);
  // `emptyGroups: false`: a chapter without consumers draws no "noch keine" column; a group the
  // learner adds brings it back.
  if (options.emptyGroups === false && !groups.length) parts.delete("groups");
  // Each group's committed offsets, by partition, for the marks on the leader's log.
  const committedBy = new Map();
  groups.forEach((g, index) => {
    for (const o of g.offsets) {
      if (o.committed == null) continue;
      const key = `${o.topic}/${o.partition}`;
      if (!committedBy.has(key)) committedBy.set(key, []);
      committedBy.get(key).push({ group: g.id, index, offset: o.committed });
    }
  });
  const brokers = snapshot.brokers.map((b) => {
    const running = b.state === "running";
    const replicas = [];
    for (const t of topics) {
      for (const p of t.partitions) {
        if (!p.replicas.includes(b.id)) continue;
        const leo = p.replica_log_end_offsets?.[String(b.id)] ?? (p.leader === b.id ? p.log_end_offset : 0);
        replicas.push({
          topic: t.name,
          partition: p.partition,
          role: roleOf(p, b.id, running),
          leo,
          log: p,
          committed: committedBy.get(`${t.name}/${p.partition}`) ?? [],
        });
      }
    }
    return {
      id: b.id,
      state: b.state,
      running,
      controller: snapshot.controller === b.id,
      coordinatorFor: groups.filter((g) => g.coordinator === b.id).map((g) => g.id),
      replicas,
    };
  });
  const producers = producersOf(snapshot, topicShown, options.formSends);
  // The coordinator's view of each transactional id (present only once a transaction ran).
  const txns = new Map((snapshot.transactions ?? []).map((t) => [t.transactional_id, t]));
  for (const e of producers.entries) e.transaction = txns.get(e.producer?.transactional_id) ?? null;
  return {
    now: snapshot.now_ms,
    parts,
    multiTopic: topics.length > 1,
    topics: topics.map((t) => t.name),
    brokers,
    producers: producers.entries,
    hiddenProducers: producers.hidden,
    transactions: txns.size > 0,
    groups,
    groups4: groups4Model(snapshot),
  };
}
