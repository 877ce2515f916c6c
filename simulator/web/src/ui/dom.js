// A tiny element builder. Strings always become text nodes (never HTML), so keys and values
// from the cluster are shown as text whatever they contain.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (name === "class") el.className = value;
    else if (name === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// Updates a list of children in place, keyed, so focus and open state survive a new snapshot.
export function keyed(container, items, keyOf, create, update) {
  const wanted = new Set(items.map((item) => String(keyOf(item))));
  const existing = new Map();
  for (const el of [...container.children]) {
    if (wanted.has(el.dataset.key)) existing.set(el.dataset.key, el);
    else el.remove(); // stale first, so the kept ones need no moving
  }
  let index = 0;
  for (const item of items) {
    const key = String(keyOf(item));
    let el = existing.get(key);
    if (!el) {
      el = create(item);
      el.dataset.key = key;
    }
    update(el, item);
    if (container.children[index] !== el) container.insertBefore(el, container.children[index] ?? null);
    index++;
  }
}

let uid = 0;
export function uniqueId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
