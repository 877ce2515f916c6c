// Draws one snapshot: brokers, topics with their partition logs, producers and tickers,
// consumer groups. Keyed updates keep focus on buttons while the simulation runs.
import { h, keyed, setText } from "./dom.js";
import { partitionColor } from "./palette.js";
import { TXN_RECORD, txnKind, txnState } from "../diagram/text.js";
import { command } from "../protocol.js";

const PRICE = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const BROKER_STATE = { running: "läuft", stopped: "heruntergefahren", crashed: "abgestürzt" };

function shorten(text, max = 28) {
  if (text == null) return "null";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// Ticker values are JSON prices; showing the price keeps the log strip readable.
function displayValue(value) {
  if (value == null) return "null";
  if (value.startsWith("{")) {
    try {
      const parsed = JSON.parse(value);
      if (typeof parsed.price === "number") return PRICE.format(parsed.price);
    } catch { /* not JSON: show as text */ }
  }
  return shorten(value, 18);
}

// Several simulators on a page may show the same topic or group: the region's name also names its
// simulator, so that screen readers tell the landmarks apart.
function regionName(container, text) {
  const title = container.closest(".ksim")?.querySelector(".ksim-title")?.textContent;
  return title ? `${text} – ${title}` : text;
}

function leaderOf(count) {
  if (!count) return "Leader für keine Partition";
  return `Leader für ${count.toLocaleString("de-DE")} ${count === 1 ? "Partition" : "Partitionen"}`;
}

export function renderBrokers(container, snapshot, act) {
  const leads = new Map();
  for (const topic of snapshot.topics) {
    for (const p of topic.partitions) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
  }
  keyed(container, snapshot.brokers, (b) => b.id, (b) => {
    const name = `Broker ${b.id}`;
    return h("li", { class: "ksim-broker" },
      h("span", { class: "ksim-broker-name" }, name),
      h("span", { class: "ksim-badge ksim-state" }),
      h("span", { class: "ksim-badge ksim-controller" }, "Controller"),
      h("span", { class: "ksim-leads" }),
      h("span", { class: "ksim-buttons" },
        h("button", { type: "button", class: "ksim-crash", "aria-label": `Absturz: ${name}`, onclick: (e) => act(command("crash_broker", { broker_id: b.id }), e.currentTarget) }, "Absturz"),
        h("button", { type: "button", class: "ksim-stop", "aria-label": `${name} kontrolliert herunterfahren`, onclick: (e) => act(command("stop_broker", { broker_id: b.id }), e.currentTarget) }, "Herunterfahren"),
        h("button", { type: "button", class: "ksim-restart", "aria-label": `Neustart: ${name}`, onclick: (e) => act(command("restart_broker", { broker_id: b.id }), e.currentTarget) }, "Neustart")));
  }, (el, b) => {
    el.dataset.state = b.state;
    setText(el.querySelector(".ksim-state"), BROKER_STATE[b.state] ?? b.state);
    el.querySelector(".ksim-controller").hidden = snapshot.controller !== b.id;
    setText(el.querySelector(".ksim-leads"), leaderOf(leads.get(b.id) ?? 0));
    el.querySelector(".ksim-crash").disabled = b.state !== "running";
    el.querySelector(".ksim-stop").disabled = b.state !== "running";
    el.querySelector(".ksim-restart").disabled = b.state === "running";
  });
}

function describeConfig(topic) {
  const c = topic.config ?? {};
  const n = topic.partitions.length;
  const parts = [`${n.toLocaleString("de-DE")} ${n === 1 ? "Partition" : "Partitionen"}`, `Replikationsfaktor ${topic.replication_factor}`];
  if (c["cleanup.policy"]) parts.push(`cleanup.policy=${c["cleanup.policy"]}`);
  if (c["retention.ms"] != null && c["retention.ms"] >= 0 && c["retention.ms"] < 604_800_000) parts.push(`retention.ms=${c["retention.ms"]}`);
  if (c["retention.bytes"] != null && c["retention.bytes"] >= 0) parts.push(`retention.bytes=${c["retention.bytes"]}`);
  if (c["min.insync.replicas"] > 1) parts.push(`min.insync.replicas=${c["min.insync.replicas"]}`);
  return parts.join(" · ");
}

function replicaChips(p) {
  return p.replicas.map((id) => {
    const role = id === p.leader ? "Leader" : "Follower";
    const inIsr = p.isr.includes(id);
    const leo = p.replica_log_end_offsets?.[String(id)];
    const label = `B${id} ${role}${inIsr ? "" : ", nicht im ISR"}${leo == null ? "" : `, LEO ${leo}`}`;
    return h("span", { class: `ksim-replica ${id === p.leader ? "is-leader" : ""} ${inIsr ? "" : "out-of-isr"}` }, label);
  });
}

function recordTitle(r, committed) {
  return `Offset ${r.offset}, Schlüssel ${r.key ?? "null"}, Wert ${r.value ?? "null"}` +
    (committed ? "" : " (über der High-Watermark: noch nicht für Consumer sichtbar)");
}

// Parts of a partition are updated separately: at high rates only the records change, and
// records are keyed by offset, so each tick creates only the new ones.
function renderPartition(el, p, topicName) {
  if (!el.firstChild) {
    el.style.setProperty("--ksim-part", partitionColor(p.partition).color);
    el.append(
      h("div", { class: "ksim-part-head" }, h("strong", {}, `P${p.partition}`), h("span", { class: "ksim-text" })),
      h("div", { class: "ksim-replicas" }),
      h("ol", { class: "ksim-log", "aria-label": `Log von ${topicName} Partition ${p.partition}, neueste Datensätze` }));
  }
  const leader = p.leader == null ? "kein Leader" : `Leader B${p.leader}`;
  setText(el.querySelector(".ksim-text"),
    `${leader} · ISR [${p.isr.join(", ")}] · Start ${p.log_start_offset} · HW ${p.high_watermark} · LEO ${p.log_end_offset}` +
    (p.last_stable_offset != null ? ` · LSO ${p.last_stable_offset}` : ""));
  const replicas = el.querySelector(".ksim-replicas");
  const sig = JSON.stringify([p.leader, p.isr, p.replicas, p.replica_log_end_offsets]);
  if (replicas.dataset.sig !== sig) {
    replicas.dataset.sig = sig;
    replicas.replaceChildren(...replicaChips(p));
  }
  const log = el.querySelector(".ksim-log");
  const items = p.records.length ? p.records : [{ offset: "leer" }];
  keyed(log, items, (r) => r.offset, (r) => (r.offset === "leer"
    ? h("li", { class: "ksim-empty" }, "leer")
    : h("li", { class: "ksim-record" },
      h("span", { class: "ksim-offset" }, String(r.offset)),
      h("span", { class: "ksim-key" }, shorten(r.key, 12)),
      h("span", { class: "ksim-value" }, displayValue(r.value)))),
  (li, r) => {
    if (r.offset === "leer") return;
    const committed = r.offset < p.high_watermark;
    if (li.dataset.committed !== String(committed)) {
      li.dataset.committed = String(committed);
      li.classList.toggle("uncommitted", !committed);
      li.title = recordTitle(r, committed);
    }
    // A record of a transaction says what it is in words (an open one may later be aborted).
    const kind = txnKind(r) ?? "";
    if ((li.dataset.txn ?? "") !== kind) {
      li.dataset.txn = kind;
      let note = li.querySelector(".ksim-txn");
      if (!note) li.append((note = h("span", { class: "ksim-txn" })));
      note.textContent = kind ? TXN_RECORD[kind] : "";
    }
  });
}

export function renderTopics(container, snapshot, act) {
  keyed(container, snapshot.topics, (t) => t.name, (t) =>
    h("section", { class: "ksim-topic", "aria-label": regionName(container, `Topic ${t.name}`) },
      h("div", { class: "ksim-topic-head" },
        h("h4", {}, `Topic ${t.name}`),
        h("span", { class: "ksim-topic-config" }),
        h("button", { type: "button", class: "ksim-delete", "aria-label": `Topic ${t.name} löschen`, onclick: (e) => act(command("delete_topic", { name: t.name }), e.currentTarget) }, "Löschen")),
      h("div", { class: "ksim-partitions" })),
  (el, t) => {
    setText(el.querySelector(".ksim-topic-config"), describeConfig(t));
    keyed(el.querySelector(".ksim-partitions"), t.partitions, (p) => p.partition,
      () => h("div", { class: "ksim-partition" }), (pel, p) => renderPartition(pel, p, t.name));
  });
  container.dataset.empty = snapshot.topics.length ? "" : "Noch kein Topic – legen Sie eines unter „Aktionen“ an.";
}

export function renderProducers(container, snapshot, act) {
  container.dataset.empty = snapshot.producers.length || snapshot.tickers.length ? "" : "Noch kein Producer – senden Sie einen Datensatz oder starten Sie die Börse.";
  const rows = [
    ...snapshot.producers.map((p) => ({ key: `p:${p.client_id}`, producer: p })),
    ...snapshot.tickers.map((t) => ({ key: `t:${t.id}`, ticker: t })),
  ];
  keyed(container, rows, (r) => r.key, (r) => {
    if (r.ticker) {
      return h("li", { class: "ksim-producer" }, h("span", { class: "ksim-text" }),
        h("button", { type: "button", class: "ksim-ticker-stop", "aria-label": `Börsen-Ticker ${r.ticker.id} stoppen`,
          onclick: (e) => act(command("stop_ticker", { ticker_id: r.ticker.id }), e.currentTarget) }, "Stoppen"));
    }
    return h("li", { class: "ksim-producer" }, h("span", { class: "ksim-text" }));
  }, (el, r) => {
    if (r.ticker) {
      const t = r.ticker;
      const symbols = t.symbols.length > 6 ? `${t.symbols.slice(0, 6).join(", ")} … (${t.symbols.length} Aktien)` : t.symbols.join(", ");
      setText(el.querySelector(".ksim-text"), `Börse ${t.id} → ${t.topic}: ${symbols}, ${t.rate_per_s}/s, ${t.running ? "läuft" : "gestoppt"}`);
      // A stopped ticker stays listed (its producer line still counts), without a button.
      el.querySelector("button").hidden = !t.running;
    } else {
      const p = r.producer;
      // Sent but not yet answered: the acknowledgement is a network round trip away (and never
      // comes while the time stands still), so these are counted apart, not left unexplained.
      const pending = p.sent - p.acked - p.errors;
      const txn = (snapshot.transactions ?? []).find((t) => t.transactional_id === p.transactional_id);
      setText(el.querySelector(".ksim-text"), `Producer ${p.client_id} (acks=${p.acks}): ${p.sent} gesendet, ${p.acked} bestätigt, ` +
        `${pending > 0 ? `${pending} unterwegs, ` : ""}${p.errors} Fehler` +
        (txn ? `; transactional_id ${txn.transactional_id}: ${txnState(txn.state)}` : ""));
    }
  });
}

// Why a script's consumer has no "Entfernen": Kafka has no way to stop another process's
// consumer; it leaves with close(), or the group drops it when its session times out.
function scriptMemberNote(m, now) {
  if (m.expires_ms == null) {
    return "Consumer aus Ihrem Skript: er verlässt die Gruppe mit consumer.close(), von der Seite aus lässt er sich nicht entfernen";
  }
  const seconds = Math.max(0, Math.ceil((m.expires_ms - now) / 1000));
  return "Consumer aus Ihrem Skript, beendet ohne consumer.close(): die Gruppe entfernt ihn, " +
    `wenn session.timeout.ms abläuft (in ${seconds} s simulierter Zeit)`;
}

export function renderGroups(container, snapshot, act) {
  container.dataset.empty = snapshot.groups.length ? "" : "Noch keine Consumer-Gruppe – fügen Sie unter „Aktionen“ einen Consumer hinzu.";
  keyed(container, snapshot.groups, (g) => g.group_id, (g) =>
    h("section", { class: "ksim-group", "aria-label": regionName(container, `Consumer-Gruppe ${g.group_id}`) },
      h("h4", {}, `Gruppe ${g.group_id}`, h("span", { class: "ksim-badge ksim-group-state" })),
      h("ul", { class: "ksim-members", "aria-label": "Mitglieder" }),
      h("table", { class: "ksim-offsets" },
        h("caption", {}, `Offsets der Gruppe ${g.group_id}`),
        h("thead", {}, h("tr", {}, ["Partition", "Committet", "Ende", "Lag"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}))),
  (el, g) => {
    setText(el.querySelector(".ksim-group-state"), `${g.state} · Generation ${g.generation}${g.protocol ? ` · Assignor ${g.protocol}` : ""}`);
    keyed(el.querySelector(".ksim-members"), g.members, (m) => m.member_id, (m) =>
      h("li", {}, h("span", { class: "ksim-text" }),
        // Only the page's own consumers can be stopped from here; a script's consumer belongs to
        // the script's process, so the row says how it leaves instead of offering a button.
        m.origin === "page"
          ? h("button", { type: "button", "aria-label": `Consumer ${m.client_id} aus der Gruppe ${g.group_id} entfernen`,
            onclick: (e) => act(command("remove_consumer", { client_id: m.client_id }), e.currentTarget) }, "Entfernen")
          : h("span", { class: "ksim-member-note" })),
    (mel, m) => {
      // What the member's consumer holds (during a rebalance: nothing if eager, all but the moved
      // partitions if cooperative), else what the coordinator handed out.
      const parts = (m.owned ?? m.assignment).map(([t, p]) => `${t}-${p}`).join(", ") || "keine Partition";
      const leader = g.leader === m.member_id ? " (Gruppen-Leader)" : "";
      setText(mel.querySelector(".ksim-text"), `${m.client_id}${leader}: ${parts}`);
      const note = mel.querySelector(".ksim-member-note");
      if (note) setText(note, scriptMemberNote(m, snapshot.now_ms));
    });
    const body = el.querySelector("tbody");
    const sig = JSON.stringify(g.offsets);
    if (body.dataset.sig !== sig) {
      body.dataset.sig = sig;
      body.replaceChildren(...g.offsets.map((o) => h("tr", {},
        h("th", { scope: "row" }, `${o.topic}-${o.partition}`),
        h("td", {}, o.committed == null ? "–" : String(o.committed)),
        h("td", {}, String(o.end_offset)),
        h("td", {}, o.lag == null ? "–" : String(o.lag)))));
    }
  });
}
