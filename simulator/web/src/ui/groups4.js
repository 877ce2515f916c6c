// The buttons for Kafka 4.x groups: share groups (KIP-932) and consumer groups of type „consumer“
// (KIP-848). kafka-python has neither, so the learner drives them here, one click per request a
// Java client would send. Every member is its own little form: the answer to a click on one of
// its buttons appears in its own message line (feedback.js).
import { h, keyed, setText } from "./dom.js";
import { feedbackLine } from "./feedback.js";
import { formatTime } from "./eventlog.js";
import { command } from "../protocol.js";

export const SHARE_STATE = Object.freeze({
  Available: "verfügbar", Acquired: "erworben (gesperrt)", Acknowledged: "bestätigt", Archived: "archiviert",
  Outside: "vor dem Start der Gruppe",
});
const GROUP_STATE = { Empty: "leer", Stable: "stabil", Assigning: "Zuteilung läuft", Reconciling: "Angleichung läuft" };
const seconds = (ms) => `${Math.max(0, Math.ceil(ms / 1000))} s`;
const tp = ([topic, partition]) => `${topic}-${partition}`;

// The answers the app shows in the message line of the control that was clicked: (command, result).
export const GROUPS4_DONE = {
  add_share_member: (c, r) => `${r} tritt der Share-Gruppe ${c.group_id} bei und liest ${c.topic}.`,
  share_fetch: (c, { records: r }) => (r.length
    ? `${c.name} hat abgeholt und gesperrt: ${r.map((x) => `Offset ${x.offset} (Zustellversuch ${x.delivery_count})`).join(", ")}.`
    : `${c.name} hat nichts abgeholt: Gerade ist kein Datensatz verfügbar.`),
  share_acknowledge: (c, r) => {
    if (r.result === "INVALID_RECORD_STATE") {
      return `Offset ${c.offset}: Der Broker lehnt ab (INVALID_RECORD_STATE) – die Sperre war abgelaufen, der Datensatz gehört ${c.name} nicht mehr.`;
    }
    if (r.result !== "ok") return `Offset ${c.offset}: Der Broker lehnt die Bestätigung ab (${r.result}).`;
    if (r.kind === "accept") return `Offset ${c.offset} bestätigt: erledigt, er kommt nicht wieder.`;
    if (r.kind === "reject") return `Offset ${c.offset} abgelehnt: archiviert, er wird nie wieder zugestellt.`;
    return r.state === "Archived"
      ? `Offset ${c.offset} freigegeben – das war Zustellversuch ${r.delivery_count}, die Grenze: Der Datensatz ist archiviert.`
      : `Offset ${c.offset} freigegeben: wieder verfügbar; die nächste Zustellung ist Zustellversuch ${r.delivery_count + 1}.`;
  },
  expire_share_locks: (c, r) => `${formatTime(r)} vergangen: Die Sperre von ${c.name} ist abgelaufen, seine Datensätze sind wieder verfügbar.`,
  add_protocol_consumer: (c, r) => `${r} tritt der Gruppe ${c.group_id} bei (group.protocol=consumer); der Broker berechnet die neue Aufteilung.`,
  remove_groups4_member: (c) => `${c.name} verlässt seine Gruppe.`,
};

function field(label, input) {
  return h("label", { class: "ksim-field" }, h("span", {}, label), input);
}

function form(name, label, children, onsubmit) {
  return h("form", { class: "ksim-form", name, "aria-label": label, onsubmit: (event) => {
    event.preventDefault();
    onsubmit(new FormData(event.target), event.target);
  } }, children, feedbackLine());
}

// --- share groups -------------------------------------------------------------------------------

/** The panel's body: the „Share-Gruppe hinzufügen“ form and one block per share group. */
export function buildSharePanel(act, { group = "lager", topic = "auftraege" } = {}) {
  const add = form("add-share-group", "Share-Gruppe hinzufügen", [
    field("Gruppe", h("input", { class: "ksim-input", name: "group", value: group, required: true })),
    field("Topic", h("input", { class: "ksim-input", name: "topic", value: topic, required: true })),
    h("button", { type: "submit" }, "Share-Gruppe hinzufügen"),
  ], (data, origin) => act(command("add_share_member", { group_id: data.get("group"), topic: data.get("topic") }), origin));
  const list = h("div", { class: "ksim-share-group-list" });
  return { element: h("div", {}, add, list), list };
}

function heldItem(act, member) {
  return (r) => h("li", { class: "ksim-held" }, h("span", { class: "ksim-text" }),
    ...[["accept", "Bestätigen"], ["release", "Freigeben"], ["reject", "Ablehnen"]].map(([kind, label]) =>
      h("button", { type: "button", class: `ksim-ack-${kind}`, "aria-label": `${label}: Offset ${r.offset} (${member})`,
        onclick: (e) => act(command("share_acknowledge", { name: member, partition: r.partition, offset: r.offset, kind }), e.currentTarget) }, label)));
}

function memberBlock(act, group) {
  return (m) => h("div", { class: "ksim-form ksim-share-member", dataset: { member: m.name } },
    h("p", {}, h("strong", {}, m.name), " ", h("span", { class: "ksim-assigned" })),
    h("div", { class: "ksim-buttons" },
      h("button", { type: "button", class: "ksim-fetch", "aria-label": `Abholen: ${m.name}`, onclick: (e) => act(command("share_fetch", { name: m.name }), e.currentTarget) }, "Abholen"),
      h("button", { type: "button", class: "ksim-expire", "aria-label": `Sperre ablaufen lassen: ${m.name}`, onclick: (e) => act(command("expire_share_locks", { name: m.name }), e.currentTarget) }, "Sperre ablaufen lassen"),
      h("button", { type: "button", class: "ksim-leave", "aria-label": `Verlassen: ${m.name} (Share-Gruppe ${group})`, onclick: (e) => act(command("remove_groups4_member", { name: m.name }), e.currentTarget) }, "Verlassen")),
    h("ul", { class: "ksim-held-list", "aria-label": `Von ${m.name} gesperrte Datensätze` }),
    feedbackLine());
}

function recordRow(r, now) {
  const lock = r.state === "Acquired" && r.lock_until_ms != null ? `, Sperre noch ${seconds(r.lock_until_ms - now)}` : "";
  return h("tr", { dataset: { offset: r.offset, state: r.state } },
    h("th", { scope: "row" }, String(r.offset)),
    h("td", {}, r.value),
    h("td", {}, `${SHARE_STATE[r.state] ?? r.state}${r.member ? ` von ${r.member}` : ""}${lock}`),
    h("td", {}, r.state === "Outside" ? "–" : String(r.delivery_count)));
}

export function renderShareGroups(container, snapshot, act) {
  const groups = snapshot.share_groups ?? [];
  container.dataset.empty = groups.length ? "" : "Noch keine Share-Gruppe – fügen Sie oben eine hinzu.";
  keyed(container, groups, (g) => g.group_id, (g) =>
    h("section", { class: "ksim-group ksim-share-group", "aria-label": `Share-Gruppe ${g.group_id}`, dataset: { group: g.group_id } },
      h("h4", {}, `Share-Gruppe ${g.group_id}`, h("span", { class: "ksim-badge ksim-group-state" })),
      h("p", { class: "ksim-share-config" }),
      h("div", { class: "ksim-form" },
        h("button", { type: "button", class: "ksim-add-member", onclick: (e) => act(command("add_share_member", { group_id: g.group_id, topic: g.topic }), e.currentTarget) }, "Mitglied hinzufügen"),
        feedbackLine()),
      h("div", { class: "ksim-share-members" }),
      h("div", { class: "ksim-share-logs" })),
  (el, g) => {
    setText(el.querySelector(".ksim-group-state"), `${GROUP_STATE[g.state] ?? g.state} · Gruppen-Epoche ${g.epoch}`);
    setText(el.querySelector(".ksim-share-config"), `Topic ${g.topic} · Sperrdauer ${seconds(g.lock_duration_ms)} ` +
      `(share.record.lock.duration.ms) · Zustellgrenze ${g.delivery_count_limit} (share.delivery.count.limit)`);
    keyed(el.querySelector(".ksim-share-members"), g.members, (m) => m.name, memberBlock(act, g.group_id), (mel, m) => {
      setText(mel.querySelector(".ksim-assigned"), `liest ${m.assignment.map(tp).join(", ") || "noch keine Partition"}`);
      mel.querySelector(".ksim-expire").disabled = !m.held.some((r) => !r.lock_lost);
      keyed(mel.querySelector(".ksim-held-list"), m.held, (r) => `${r.partition}/${r.offset}/${r.delivery_count}`, heldItem(act, m.name), (li, r) => {
        setText(li.querySelector(".ksim-text"), `Offset ${r.offset} · ${r.value} · Zustellversuch ${r.delivery_count} · ` +
          (r.lock_lost ? "Sperre abgelaufen" : `Sperre noch ${seconds(r.lock_until_ms - snapshot.now_ms)}`));
      });
    });
    keyed(el.querySelector(".ksim-share-logs"), g.partitions, (p) => p.partition, (p) =>
      h("table", { class: "ksim-offsets ksim-share-log" },
        h("caption", {}),
        h("thead", {}, h("tr", {}, ["Offset", "Wert", "Zustand", "Zustellversuche"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {})),
    (table, p) => {
      setText(table.querySelector("caption"), `${g.topic}-${p.partition} für die Gruppe ${g.group_id}: ` +
        `Start-Offset ${p.start_offset ?? "–"}, End-Offset ${p.end_offset ?? "–"}`);
      table.querySelector("tbody").replaceChildren(...p.records.map((r) => recordRow(r, snapshot.now_ms)));
    });
  });
}

// --- consumer groups with the consumer protocol (KIP-848) ----------------------------------------

export function buildProtocolPanel(act, { group = "depot-neu", topic = "kurse" } = {}) {
  const add = form("add-protocol-consumer", "Consumer hinzufügen (group.protocol=consumer)", [
    field("Gruppe", h("input", { class: "ksim-input", name: "group", value: group, required: true })),
    field("Topic", h("input", { class: "ksim-input", name: "topic", value: topic, required: true })),
    field("Name", h("input", { class: "ksim-input", name: "name", value: "C" })),
    field("Assignor (group.remote.assignor)", h("select", { class: "ksim-input", name: "assignor" },
      h("option", { value: "uniform" }, "uniform"), h("option", { value: "range" }, "range"))),
    h("button", { type: "submit" }, "Consumer hinzufügen (Typ consumer)"),
  ], (data, origin) => act(command("add_protocol_consumer", {
    group_id: data.get("group"), topic: data.get("topic"), name: data.get("name").trim() || null, assignor: data.get("assignor"),
  }), origin));
  const list = h("div", { class: "ksim-protocol-groups" });
  return { element: h("div", {}, add, list), list };
}

/** What a member of a consumer-protocol group is doing, in words. */
export function protocolActivity(m) {
  const doing = [];
  const keeps = m.assignment.filter((x) => !m.revoking.some((r) => tp(r) === tp(x)));
  if (keeps.length) doing.push(`liest weiter: ${keeps.map(tp).join(", ")}`);
  if (m.revoking.length) doing.push(`gibt ab: ${m.revoking.map(tp).join(", ")}`);
  if (m.pending.length) doing.push(`wartet auf: ${m.pending.map(tp).join(", ")}`);
  return doing.join(" · ") || "noch keine Partition";
}

export function renderProtocolGroups(container, snapshot, act) {
  const groups = snapshot.consumer_protocol_groups ?? [];
  container.dataset.empty = groups.length ? "" : "Noch keine Gruppe vom Typ consumer.";
  keyed(container, groups, (g) => g.group_id, (g) =>
    h("section", { class: "ksim-group", "aria-label": `Consumer-Gruppe ${g.group_id} (Typ consumer)` },
      h("h4", {}, `Gruppe ${g.group_id} · Typ consumer`, h("span", { class: "ksim-badge ksim-group-state" })),
      h("ul", { class: "ksim-members", "aria-label": "Mitglieder" }),
      feedbackLine()),
  (el, g) => {
    setText(el.querySelector(".ksim-group-state"), `${GROUP_STATE[g.state] ?? g.state} · Gruppen-Epoche ${g.epoch} · Assignor ${g.assignor}`);
    keyed(el.querySelector(".ksim-members"), g.members, (m) => m.name, (m) =>
      h("li", { class: "ksim-form" }, h("span", { class: "ksim-text" }),
        h("button", { type: "button", "aria-label": `Verlassen: ${m.name} (Gruppe ${g.group_id})`,
          onclick: (e) => act(command("remove_groups4_member", { name: m.name }), e.currentTarget) }, "Verlassen"), feedbackLine()),
    (li, m) => setText(li.querySelector(".ksim-text"), `${m.name} (Epoche ${m.epoch}): ${protocolActivity(m)}`));
  });
}
