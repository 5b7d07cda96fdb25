// The integration page, in English and French: snippets built from the options (and from this
// site's own address), the CSP lines a host needs, and a live preview through embed.js.
import { bilingual } from "./bilingual.js";

const $ = (s) => document.querySelector(s);
const lang = bilingual("fr", () => { $("#copy-status").textContent = ""; });
const base = new URL(".", location.href);
const origin = base.origin;

function options() {
  return {
    style: document.querySelector('input[name="style"]:checked').value,
    title: $("#o-title").value.trim(),
    lang: $("#o-lang").value,
    path: $("#o-path").value,
    accent: $("#o-accent").value,
    font: $("#o-font").value.trim(),
    radius: $("#o-radius").value,
    transparent: $("#o-transparent").checked,
    scheme: $("#o-scheme").value,
    any: $("#o-any").checked,
    situation: $("#o-situation").value.trim(),
  };
}

const attr = (value) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The options that differ from the defaults, as [name, value] (value `true` for a flag); the
 * same names serve as data-attributes (script tag) and attributes (element). */
function chosen(o) {
  const list = [];
  if (o.title && o.title !== "TP-00523" && /^[\w-]{1,40}$/.test(o.title)) list.push(["title", o.title]);
  list.push(["lang", o.lang]);
  if (o.path) list.push(["path", o.path]);
  if (o.accent && o.accent !== "#1f4e99") list.push(["accent", o.accent]);
  if (o.font) list.push(["font", o.font]);
  if (o.radius !== "" && o.radius !== "10") list.push(["radius", o.radius]);
  if (o.scheme) list.push(["scheme", o.scheme]);
  if (o.transparent) list.push(["transparent", true]);
  if (o.situation) list.push(["situation", o.situation]);
  return list;
}

const html = (prefix, list) => list.map(([name, value]) => value === true ? `${prefix}${name}` : `${prefix}${name}="${attr(value)}"`);

function iframeSnippet(o) {
  const data = html("data-", o.any ? [...chosen(o), ["results", "*"]] : chosen(o));
  return `<script src="${base}embed.js" ${data.join(" ")} async></script>`;
}

/** A bare iframe (no script: for editors that strip them): a fixed height, the options in its address. */
function plainSnippet(o) {
  const params = new URLSearchParams({ embed: "1", lang: o.lang });
  for (const [name, value] of chosen(o)) if (["title", "path", "accent", "font", "radius", "scheme"].includes(name)) params.set(name, value);
  const name = o.lang === "en" ? "Eligibility calculator for a professional title (titre professionnel)" : "Calculateur : puis-je obtenir ce titre professionnel ?";
  return `<iframe src="${attr(`${base}index.html?${params}`)}" title="${attr(name)}" loading="lazy" width="100%" height="1600"></iframe>`;
}

function elementSnippet(o) {
  const attrs = html("", chosen(o).map(([name, value]) => [name === "title" ? "title-code" : name, value]));
  return `<script type="module" src="${base}element.js"></script>\n<tp-eligibility ${attrs.join(" ")}></tp-eligibility>`;
}

const cspIframe = `script-src ${origin}; frame-src ${origin}`;
const cspElement = `script-src ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src ${origin}; frame-src ${origin}`;

const listener = `// The iframe (script tag): results arrive as messages from the calculator's origin.
window.addEventListener("message", (event) => {
  if (event.origin !== "${origin}" || event.data?.type !== "tp-eligibility:result") return;
  const report = event.data.report;
  console.log(report.status, report.summary.fr, report.remaining);
});

// The custom element: results arrive as events.
document.querySelector("tp-eligibility").addEventListener("tp-eligibility:result", (event) => {
  console.log(event.detail.status, event.detail.deadlines);
});`;

let timer;
function refresh() {
  const o = options();
  $("#snippet").textContent = o.style === "iframe" ? iframeSnippet(o) : elementSnippet(o);
  $("#csp").textContent = o.style === "iframe" ? cspIframe : cspElement;
  $("#snippet-iframe").textContent = iframeSnippet(o);
  $("#snippet-element").textContent = elementSnippet(o);
  $("#snippet-plain").textContent = plainSnippet(o);
  clearTimeout(timer);
  timer = setTimeout(() => preview(o), 250);
}

function preview(o) {
  const script = document.createElement("script");
  script.src = `${base}embed.js`;
  script.async = true;
  for (const [name, value] of chosen(o)) script.dataset[name] = value === true ? "" : value;
  $("#preview").replaceChildren(script);
}

$("#listener").textContent = listener;
$("#csp-iframe").textContent = cspIframe;
$("#csp-element").textContent = cspElement;
$("#csp-plain").textContent = `frame-src ${origin}`;
$("#options").addEventListener("input", refresh);
$("#options").addEventListener("change", refresh);
// The status's words are in the HTML, as every text of this page (data-copied-en, data-failed-fr…).
const say = (what) => {
  const status = $("#copy-status");
  status.textContent = status.dataset[`${what}${lang() === "fr" ? "Fr" : "En"}`];
};
$("#copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("#snippet").textContent);
    say("copied");
  } catch {
    say("failed");
  }
});
refresh();
document.body.dataset.ready = "true";
