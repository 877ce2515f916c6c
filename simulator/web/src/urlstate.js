// The whole simulator state as a shareable URL: #ksim=<deflated, base64url JSON>.
const PREFIX = "#ksim=";

function toBase64Url(bytes) {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

export async function encodeState(payload) {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  return toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

export async function decodeState(text) {
  const json = await pipe(fromBase64Url(text), new DecompressionStream("deflate-raw"));
  return JSON.parse(new TextDecoder().decode(json));
}

// The hash names the simulator it belongs to by its position on the page: #ksim=<index>.<data>.
export function stateInUrl(index) {
  if (!location.hash.startsWith(PREFIX)) return null;
  const value = location.hash.slice(PREFIX.length);
  const dot = value.indexOf("."); // base64url never contains a dot
  const numbered = dot > 0 && /^\d+$/.test(value.slice(0, dot));
  const owner = numbered ? Number(value.slice(0, dot)) : 0;
  return owner === index ? (numbered ? value.slice(dot + 1) : value) : null;
}

export function shareUrl(encoded, index) {
  return `${location.origin}${location.pathname}${location.search}${PREFIX}${index}.${encoded}`;
}
