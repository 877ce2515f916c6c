// The forms that drive the cluster: topics, records, the Börse ticker, consumers.
// Each form calls act(command, form) with a named-field command (protocol.js); the app reports
// success or a German error in the form's own message line, under its button.
import { h, uniqueId } from "./dom.js";
import { feedbackLine } from "./feedback.js";
import { command } from "../protocol.js";

function field(label, input, hint) {
  const id = input.id || (input.id = uniqueId("ksim-f"));
  return h("div", { class: "ksim-field" }, h("label", { for: id }, label), input, hint ? h("small", {}, hint) : null);
}

function input(attrs) {
  return h("input", { class: "ksim-input", ...attrs });
}

function select(name, options, value) {
  const el = h("select", { name, class: "ksim-input" }, options.map(([v, label]) => h("option", { value: v }, label)));
  if (value != null) el.value = value;
  return el;
}

function section(key, title, form, open) {
  return h("details", { class: "ksim-control", open: open || null, dataset: { control: key } },
    h("summary", {}, title), form);
}

// Topic selects follow the cluster's topics without losing the reader's choice.
export function syncTopicSelects(root, snapshot) {
  const names = snapshot.topics.map((t) => t.name);
  for (const sel of root.querySelectorAll("select.ksim-topic-select")) {
    const current = [...sel.options].map((o) => o.value);
    if (current.join() === names.join()) continue;
    const chosen = sel.value;
    sel.replaceChildren(...names.map((n) => h("option", { value: n }, n)));
    if (names.includes(chosen)) sel.value = chosen;
  }
}

function topicSelect() {
  return h("select", { name: "topic", class: "ksim-input ksim-topic-select" });
}

function form(name, label, children, onsubmit) {
  return h("form", { class: "ksim-form", name, "aria-label": label, onsubmit: (event) => {
    event.preventDefault();
    onsubmit(new FormData(event.target), event.target);
  } }, children, feedbackLine());
}

export function buildControls(act, open, brokers, group, options = {}) {
  const createTopic = form("create-topic", "Topic anlegen", [
    field("Name", input({ name: "name", required: true, value: "kurse", pattern: "[A-Za-z0-9._\\-]+", maxlength: 249 })),
    field("Partitionen", input({ name: "partitions", type: "number", min: 1, max: 24, value: 3, required: true })),
    field("Replikationsfaktor", input({ name: "rf", type: "number", min: 1, max: brokers, value: Math.min(3, brokers), required: true })),
    field("retention.ms", input({ name: "retention", type: "number", min: -1, placeholder: "Standard: 7 Tage" })),
    field("cleanup.policy", select("cleanup", [["delete", "delete"], ["compact", "compact"]])),
    field("min.insync.replicas", input({ name: "minisr", type: "number", min: 1, max: brokers, value: 1 })),
    h("button", { type: "submit" }, "Topic anlegen"),
  ], (data, origin) => {
    const config = { "cleanup.policy": data.get("cleanup"), "min.insync.replicas": Number(data.get("minisr") || 1) };
    if (data.get("retention")) config["retention.ms"] = Number(data.get("retention"));
    act(command("create_topic", {
      name: data.get("name").trim(), partitions: Number(data.get("partitions")), replication_factor: Number(data.get("rf")), config,
    }), origin);
  });

  const produce = form("produce", "Datensatz senden", [
    field("Topic", topicSelect()),
    field("Schlüssel", input({ name: "key", placeholder: "z. B. SAP (leer: kein Schlüssel)" })),
    field("Wert", input({ name: "value", required: true, value: "231.50" })),
    field("acks", select("acks", [["all", "all – alle ISR-Replikas"], ["1", "1 – nur der Leader"], ["0", "0 – keine Bestätigung"]], "all")),
    h("button", { type: "submit" }, "Senden"),
  ], (data, origin) => {
    const acks = data.get("acks") === "all" ? "all" : Number(data.get("acks"));
    const key = data.get("key");
    act(command("produce", { topic: data.get("topic"), value: data.get("value"), key: key === "" ? null : key, acks }), origin);
  });

  const ticker = form("ticker", "Börsen-Ticker starten", [
    field("Topic", topicSelect()),
    field("Symbole", input({ name: "symbols", placeholder: "leer: alle, z. B. SAP, SIE, ALV" })),
    field("Kurse pro Sekunde", input({ name: "rate", type: "number", min: 0.1, max: 200, step: 0.1, value: 5, required: true })),
    h("button", { type: "submit" }, "Ticker starten"),
  ], (data, origin) => {
    const symbols = data.get("symbols").split(/[,\s]+/).filter(Boolean).map((s) => s.toUpperCase());
    act(command("start_ticker", { topic: data.get("topic"), rate_per_s: Number(data.get("rate")), ...(symbols.length ? { symbols } : {}) }), origin);
  });

  const consumer = form("consumer", "Consumer hinzufügen", [
    field("Consumer-Gruppe", input({ name: "group", required: true, value: group })),
    field("Topic", topicSelect()),
    field("Client-ID", input({ name: "client", placeholder: "leer: automatisch" })),
    field("auto_offset_reset", select("reset", [["earliest", "earliest – ab dem Anfang"], ["latest", "latest – nur neue"]])),
    // Only where a chapter compares rebalancings (preset `assignorField`): elsewhere one field less
    // keeps the form, the picture and the event log on one screen.
    ...(options.assignorField ? [field("Assignor (partition_assignment_strategy)", select("strategy", [
      ["", "range, roundrobin (Standard, eager)"], ["cooperative-sticky", "cooperative-sticky (cooperative)"]]))] : []),
    h("button", { type: "submit" }, "Consumer hinzufügen"),
  ], (data, origin) => {
    const strategy = data.get("strategy");
    act(command("add_consumer", {
      group_id: data.get("group").trim(), topics: [data.get("topic")],
      client_id: data.get("client").trim() || null, auto_offset_reset: data.get("reset"),
      ...(strategy ? { partition_assignment_strategy: [strategy] } : {}),
    }), origin);
  });

  return h("div", { class: "ksim-controls" },
    section("produce", "Datensatz senden", produce, open.includes("produce")),
    section("ticker", "Börse (Ticker)", ticker, open.includes("ticker")),
    section("consumers", "Consumer hinzufügen", consumer, open.includes("consumers")),
    section("topics", "Topic anlegen", createTopic, open.includes("topics")));
}
