// The calculator's user interface, mounted on the page (app.js, also inside an iframe) or inside
// the <tp-eligibility> element (element.js): asks only the questions a route needs, calls the
// rules core (WebAssembly) on every change, and shows the answer first, then the details. It never
// re-implements a rule: every value shown comes from the report. All text is inserted with
// textContent (no markup). One calculator per document.
import { evaluate, catalog } from "./pkg/tp_eligibility.js";
import { TEXTS } from "./i18n.js";

const state = {
  root: document, mode: "page", pageUrl: location.href, onReport: () => {},
  lang: "fr", catalog: null, title: null, lastReport: null, heldSeq: 0,
};
const $ = (selector, root = state.root) => root.querySelector(selector);
const $$ = (selector, root = state.root) => [...root.querySelectorAll(selector)];
const t = () => TEXTS[state.lang];
const pick = (bilingual) => (bilingual ? bilingual[state.lang] : "");
const colon = () => (state.lang === "fr" ? " : " : ": ");

/** Builds an element: h("p", {class: "x"}, "text", child…). Text is always text, never markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// ---------- dates ----------
const pad = (n) => String(n).padStart(2, "0");
const todayIso = () => { const d = new Date(); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function parseIso(iso) { const [y, m, d] = iso.split("-").map(Number); return Date.UTC(y, m - 1, d); }
function formatDate(iso) {
  if (!iso) return t().unknownDate;
  return new Intl.DateTimeFormat(state.lang === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(parseIso(iso));
}

// ---------- language ----------
function applyLang() {
  const texts = t();
  if (state.mode === "element") {
    state.root.lang = state.lang;
  } else {
    document.documentElement.lang = state.lang;
    document.title = texts.title;
  }
  for (const el of $$("[data-i18n]")) {
    const value = texts[el.dataset.i18n];
    if (typeof value === "string") el.textContent = value;
  }
  const button = $("#lang");
  button.textContent = texts.switchTo;
  button.lang = texts.switchLang;
  fillCcsOptions();
  for (const row of $$("#held-list li")) refreshHeldRow(row);
  updateAsOfText();
  if (state.lastReport) render(state.lastReport);
}

// ---------- catalog-driven controls ----------
function versionLabel(version, index) {
  const versions = state.title.versions;
  const start = version.start.date ?? version.start.notBefore;
  const next = versions[index + 1];
  const year = (iso) => (iso ? iso.slice(0, 4) : "?");
  const end = next ? (next.start.date ?? next.start.notAfter) : null;
  return `${version.id} (${year(start)}–${next ? year(end) : ""}) · ${pick(version.name)}`;
}

function fillCcsOptions() {
  const select = $("#ccs");
  const current = select.value;
  const options = state.title?.ccs ?? [];
  select.replaceChildren(h("option", { value: "", text: "—" }), ...options.map((c) => h("option", { value: c.id, text: pick(c.name) })));
  select.value = current;
  select.disabled = options.length === 0;
  $("#ccs-none").hidden = options.length > 0;
}

function addHeldRow(held = {}) {
  const n = state.heldSeq++;
  const row = h("li", { class: "held-row", "data-n": n },
    h("fieldset", {}, h("legend", { class: "held-legend" }),
      h("div", { class: "field" }, h("label", { for: `held-${n}-version`, class: "l-version" }),
        h("select", { id: `held-${n}-version`, class: "held-version" })),
      h("div", { class: "field" }, h("label", { for: `held-${n}-ccp`, class: "l-ccp" }),
        h("select", { id: `held-${n}-ccp`, class: "held-ccp" })),
      h("div", { class: "field" }, h("label", { for: `held-${n}-obtained`, class: "l-date" }),
        h("input", { id: `held-${n}-obtained`, class: "held-obtained", type: "date", min: "2002-12-14", max: "2099-12-31" })),
      h("button", { type: "button", class: "link remove" })));
  $("#held-list").append(row);
  const version = held.ccp ? state.title.versions.find((v) => v.ccps.some((c) => c.id === held.ccp)) : null;
  $(".held-version", row).dataset.value = version?.id ?? state.title.versions.at(-1).id;
  $(".held-ccp", row).dataset.value = held.ccp ?? "";
  $(".held-obtained", row).value = held.obtained ?? "";
  refreshHeldRow(row);
  $(".held-version", row).addEventListener("change", (e) => { e.target.dataset.value = e.target.value; $(".held-ccp", row).dataset.value = ""; refreshHeldRow(row); update(); });
  $(".held-ccp", row).addEventListener("change", (e) => { e.target.dataset.value = e.target.value; update(); });
  $(".remove", row).addEventListener("click", () => {
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    renumberHeld();
    (next ? $("select", next) : $("#add-held")).focus();
    update();
  });
  renumberHeld();
  return row;
}

function renumberHeld() {
  $$("#held-list li").forEach((row, i) => { $(".held-legend", row).textContent = `${t().heldN} ${i + 1}`; });
}

function refreshHeldRow(row) {
  const texts = t();
  $(".l-version", row).textContent = texts.heldVersion;
  $(".l-ccp", row).textContent = texts.heldCcp;
  $(".l-date", row).textContent = texts.heldDate;
  $(".remove", row).textContent = texts.remove;
  const versionSelect = $(".held-version", row);
  const versions = state.title.versions;
  versionSelect.replaceChildren(...versions.map((v, i) => h("option", { value: v.id, text: versionLabel(v, i) })));
  versionSelect.value = versionSelect.dataset.value;
  const version = versions.find((v) => v.id === versionSelect.value) ?? versions.at(-1);
  const ccpSelect = $(".held-ccp", row);
  ccpSelect.replaceChildren(h("option", { value: "", text: "—" }), ...version.ccps.map((c) => h("option", { value: c.id, text: pick(c.name) })));
  ccpSelect.value = ccpSelect.dataset.value;
  renumberHeld();
}

// ---------- form ⇄ situation ----------
const radio = (name) => $(`input[name="${name}"]:checked`)?.value ?? "";
const setRadio = (name, value) => { for (const r of $$(`input[name="${name}"]`)) r.checked = r.value === value; };
const bool = (value) => (value === "true" ? true : value === "false" ? false : undefined);
const date = (id) => { const v = $(id).value; return v || undefined; };
const number = (id) => { const v = $(id).value; return v === "" ? undefined : Number(v); };
const custom = () => $("#as-of").value && $("#as-of").value !== todayIso();

function prune(object) {
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) delete object[key];
    else if (value && typeof value === "object" && !Array.isArray(value)) {
      prune(value);
      if (Object.keys(value).length === 0) delete object[key];
    }
  }
  return object;
}

function readSituation() {
  const path = radio("path") || undefined;
  const s = { asOf: $("#as-of").value || todayIso(), title: "TP-00523", path };
  if (path === "continuous") {
    s.training = { coherent: bool(radio("coherent-continuous")), end: date("#training-end-continuous") };
    const outcome = $("#last-outcome").value;
    if (outcome) s.lastSession = { date: date("#last-date") ?? "", outcome };
  } else if (path === "vae") {
    s.experience = { months: number("#months"), hours: number("#hours"), related: bool(radio("related")) };
    s.vae = { applied: date("#applied"), admissible: date("#admissible") };
  } else if (path === "discontinuous") {
    s.held = $$("#held-list li").map((row) => ({ ccp: $(".held-ccp", row).value, obtained: $(".held-obtained", row).value }));
    s.training = { coherent: bool(radio("coherent-discontinuous")) };
  } else if (path === "ccs") {
    s.titleObtained = date("#title-obtained");
    s.ccs = $("#ccs").value || undefined;
    s.training = { coherent: bool(radio("coherent-ccs")) };
    s.experience = { months: number("#ccs-months") };
  }
  return prune(s);
}

function fillForm(s) {
  const str = (v) => (typeof v === "string" && isoDate.test(v) ? v : "");
  const num = (v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : "");
  const yn = (v) => (v === true ? "true" : v === false ? "false" : "");
  setRadio("path", ["continuous", "vae", "discontinuous", "ccs"].includes(s.path) ? s.path : "");
  $("#as-of").value = str(s.asOf);
  const training = s.training ?? {};
  setRadio(`coherent-${s.path}`, yn(training.coherent));
  $("#training-end-continuous").value = str(training.end);
  $("#last-outcome").value = ["failed", "absent"].includes(s.lastSession?.outcome) ? s.lastSession.outcome : "";
  $("#last-date").value = str(s.lastSession?.date);
  setRadio("related", yn(s.experience?.related));
  $("#months").value = s.path === "vae" ? num(s.experience?.months) : "";
  $("#ccs-months").value = s.path === "ccs" ? num(s.experience?.months) : "";
  $("#hours").value = num(s.experience?.hours);
  $("#applied").value = str(s.vae?.applied);
  $("#admissible").value = str(s.vae?.admissible);
  $("#title-obtained").value = str(s.titleObtained);
  $("#ccs").value = typeof s.ccs === "string" ? s.ccs : "";
  $("#held-list").replaceChildren();
  for (const held of Array.isArray(s.held) ? s.held.slice(0, 64) : []) {
    addHeldRow({ ccp: typeof held?.ccp === "string" ? held.ccp : "", obtained: str(held?.obtained) });
  }
}

function showRoute() {
  const path = radio("path");
  for (const fs of $$(".route")) fs.hidden = fs.dataset.route !== path;
  $("#last-date-field").hidden = !$("#last-outcome").value;
  if (path === "discontinuous" && $$("#held-list li").length === 0) addHeldRow();
}

// ---------- share link (URL fragment) ----------
const b64encode = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const b64decode = (text) => new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

function fragment(situation, withDate) {
  const s = { ...situation };
  if (!withDate && !custom()) delete s.asOf;
  const params = new URLSearchParams({ v: state.catalog.rulesVersion, s: b64encode(JSON.stringify(s)) });
  if (state.lang === "en") params.set("lang", "en");
  return `#${params}`;
}

/** The page keeps what was typed in its own URL's fragment (a reload restores it); an element
 * never touches its host's URL. */
function saveFragment(situation) {
  if (state.mode === "element") return;
  history.replaceState(null, "", situation.path ? fragment(situation, false) : location.pathname + location.search);
}

/** Reads a share-link fragment: {situation, version, lang} or {bad: true}; null when there is none. */
export function readFragment(hash) {
  if (hash.length < 2) return null;
  const params = new URLSearchParams(hash.slice(1));
  const lang = params.get("lang") === "en" ? "en" : undefined;
  const encoded = params.get("s");
  if (encoded == null) return params.has("lang") ? { lang } : { bad: true };
  try {
    const situation = JSON.parse(b64decode(encoded));
    if (!situation || typeof situation !== "object" || Array.isArray(situation)) throw new Error("not an object");
    return { situation, version: params.get("v"), lang };
  } catch {
    return { bad: true };
  }
}


function banner(text) {
  const el = $("#banner");
  el.textContent = text ?? "";
  el.hidden = !text;
}

// ---------- errors ----------
function fieldElement(field) {
  const path = radio("path");
  const held = /^held\[(\d+)\]\.(ccp|obtained)$/.exec(field);
  if (held) {
    const row = $$("#held-list li")[Number(held[1])];
    return row ? $(held[2] === "ccp" ? ".held-ccp" : ".held-obtained", row) : $("#add-held");
  }
  const ids = {
    asOf: "#as-of", "training.end": "#training-end-continuous", "experience.hours": "#hours",
    "experience.months": path === "ccs" ? "#ccs-months" : "#months", "experience.related": 'input[name="related"]',
    "vae.applied": "#applied", "vae.admissible": "#admissible", titleObtained: "#title-obtained", ccs: "#ccs",
    "lastSession.date": "#last-date", "training.coherent": `input[name="coherent-${path}"]`, held: "#add-held",
    path: 'input[name="path"]',
  };
  return ids[field] ? $(ids[field]) : null;
}

function clearErrors() {
  $("#errors").hidden = true;
  for (const el of $$("[aria-invalid]")) { el.removeAttribute("aria-invalid"); el.removeAttribute("aria-describedby"); }
}

function showError(error) {
  clearErrors();
  const box = $("#errors");
  const target = fieldElement(error.field);
  const message = (state.lang === "fr" ? error.fr : error.en) ?? String(error.message ?? error);
  const link = target
    ? h("a", { href: `#${target.id || ""}`, onclick: (e) => { e.preventDefault(); target.focus(); } }, message)
    : message;
  box.replaceChildren(h("p", { id: "error-text" }, h("strong", { text: t().errorTitle }), " ", link));
  box.hidden = false;
  if (target) { target.setAttribute("aria-invalid", "true"); target.setAttribute("aria-describedby", "error-text"); }
  $("#live").textContent = `${t().errorTitle} ${message}`;
}

// ---------- evaluation ----------
function update() {
  showRoute();
  const situation = readSituation();
  saveFragment(situation);
  if (!situation.path) {
    state.lastReport = null;
    clearErrors();
    $("#answer").replaceChildren(h("p", { class: "placeholder", text: t().placeholder }));
    return;
  }
  let report;
  try {
    report = evaluate(situation);
  } catch (error) {
    showError(error);
    return;
  }
  clearErrors();
  state.lastReport = report;
  render(report);
  state.onReport(report);
}

// ---------- rendering ----------
function certaintyBadge(certainty) {
  const texts = t();
  return h("span", { class: `badge c-${certainty}`, title: texts.certaintyHelp[certainty] }, `${texts.certainty}${colon()}${texts[certainty]}`);
}

function ccpName(id) {
  for (const v of state.title.versions) {
    const c = v.ccps.find((c) => c.id === id);
    if (c) return pick(c.name);
  }
  return id;
}

function section(title, ...content) {
  return h("section", { class: "block" }, h("h3", { text: title }), ...content);
}

/** A block left off the printed sheet, which keeps to one page. */
const screenOnly = (block) => { block.classList.add("screen-only"); return block; };

function render(report) {
  const texts = t();
  const statusWord = texts[report.status];
  const parts = [];
  parts.push(h("div", { class: `answer s-${report.status}` },
    h("p", { class: "status" }, h("span", { class: "status-word", text: statusWord }), " ",
      report.status === "undetermined" ? null : certaintyBadge(report.certainty)),
    h("p", { class: "summary", text: pick(report.summary) })));

  if (report.missing.length) {
    parts.push(section(texts.needTitle, h("ul", {}, report.missing.map((m) => {
      const target = fieldElement(m);
      const coherent = { discontinuous: texts.coherentCcp, ccs: texts.coherentCcs }[report.path] ?? texts.coherentTitle;
      const label = { "training.coherent": coherent, "training.end": texts.trainingEnd, "experience.related": texts.related,
        "experience.months": texts.months, titleObtained: texts.titleObtained, ccs: texts.ccsChoice }[m] ?? m;
      return h("li", {}, target ? h("a", { href: "#", onclick: (e) => { e.preventDefault(); target.focus(); } }, label) : label);
    }))));
  }
  if (report.unknowns.length) {
    parts.push(section(texts.unknownTitle, h("ul", {}, report.unknowns.map((u) =>
      h("li", {}, pick(u.what), h("span", { class: "ask" }, ` → ${texts.ask} ${pick(u.ask)}`))))));
  }
  if (report.sessions.length) {
    parts.push(section(texts.sessionsTitle, h("ul", {}, report.sessions.map((s) => h("li", { text: pick(s.label) })))));
  }
  if (report.assessment.length) {
    parts.push(screenOnly(section(texts.juryTitle, h("ul", {}, report.assessment.map((a) => h("li", { text: pick(a.label) }))))));
  }
  if (report.held.length) {
    parts.push(section(texts.heldTitle, h("ul", { class: "held-status" }, report.held.map((c) => h("li", {},
      h("span", { class: `pill p-${c.status}`, text: texts[c.status] }), " ",
      h("strong", { text: ccpName(c.ccp) }), ` (${c.version}, ${texts.obtained} ${formatDate(c.obtained)})`,
      c.countsAs.length && c.countsAs.join() !== c.ccp ? h("span", { class: "counts-as" }, ` — ${texts.countsAs} ${c.countsAs.map(ccpName).join(", ")}`) : null,
      h("br"), h("small", { text: pick(c.reason) }))))));
  }
  if (report.path !== "ccs" && report.status !== "notEligible") {
    const remaining = !report.remainingKnown ? h("p", { text: texts.remainingUnknown })
      : report.remaining.length ? h("ul", {}, report.remaining.map((id) => h("li", { text: ccpName(id) })))
      : h("p", { text: texts.remainingNone });
    parts.push(section(texts.remainingTitle, remaining));
  }
  if (report.deadlines.length) parts.push(section(texts.timelineTitle, timeline(report)));
  if (report.document) parts.push(section(texts.documentTitle, h("p", { text: pick(report.document.label) })));
  if (report.nextSteps.length) parts.push(section(texts.nextTitle, h("ul", {}, report.nextSteps.map((s) => h("li", { text: pick(s) })))));
  if (report.notes.length) parts.push(section(texts.notesTitle, h("ul", {}, report.notes.map((s) => h("li", { text: pick(s) })))));
  parts.push(h("details", { class: "block why" }, h("summary", { text: texts.whyTitle }),
    h("ol", {}, report.explanation.map((step) => h("li", {},
      h("p", {}, h("span", { class: "rule", text: `${texts.rule} ${step.rule}` }), " ", certaintyBadge(step.certainty)),
      h("p", { text: step[state.lang] }),
      h("ul", { class: "sources" }, step.sources.map((s) => h("li", { text: `${texts.source}${colon()}${s[state.lang]}` }))))))));
  parts.push(h("div", { class: "actions" },
    h("button", { type: "button", class: "primary", onclick: share, text: texts.share }),
    state.mode === "element" ? null : h("button", { type: "button", class: "secondary", onclick: () => window.print(), text: texts.print }),
    h("p", { id: "share-status", class: "share-status", role: "status" })));
  parts.push(printSheet(report));
  $("#answer").replaceChildren(...parts);
  if (!performance.getEntriesByName("tp-first-result").length) performance.mark("tp-first-result");
  const announcement = `${statusWord}. ${pick(report.summary)}`;
  if ($("#live").textContent !== announcement) $("#live").textContent = announcement;
}

/** The deadlines on a vertical date axis: spacing follows time, year ticks mark the scale. */
function timeline(report) {
  const texts = t();
  const dated = report.deadlines.filter((d) => d.date);
  const points = [{ asOf: true, date: report.asOf }, ...dated].sort((a, b) => parseIso(a.date) - parseIso(b.date));
  const first = parseIso(points[0].date);
  const last = parseIso(points.at(-1).date);
  const span = Math.max(last - first, 1);
  const items = [];
  for (let year = new Date(first).getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= last; year++) {
    points.push({ tick: year, date: `${year}-01-01` });
  }
  points.sort((a, b) => parseIso(a.date) - parseIso(b.date) || (a.tick ? -1 : 1));
  let previous = first;
  for (const p of points) {
    const gap = (parseIso(p.date) - previous) / span; // 0..1 of the whole axis
    previous = parseIso(p.date);
    let item;
    if (p.tick) {
      item = h("li", { class: "tick", "aria-hidden": "true", text: String(p.tick) });
    } else if (p.asOf) {
      item = h("li", { class: "point asof" }, h("span", { class: "when", text: formatDate(p.date) }), h("span", { class: "what", text: texts.timelineAsOf }));
    } else {
      item = h("li", { class: `point t-${p.certainty}` },
        h("span", { class: "when", text: formatDate(p.date) }),
        h("span", { class: "what" }, pick(p.label), " ", certaintyBadge(p.certainty),
          p.condition ? h("small", { class: "condition", text: ` (${pick(p.condition)})` }) : null));
    }
    item.style.marginTop = `${(0.25 + gap * 10).toFixed(2)}rem`;
    items.push(item);
  }
  const unknown = report.deadlines.filter((d) => !d.date);
  return h("div", { class: "timeline-wrap" },
    h("ol", { class: "timeline" }, items),
    unknown.length ? h("ul", { class: "timeline-unknown" }, unknown.map((d) => h("li", {},
      h("span", { class: "when", text: texts.unknownDate }), " ", pick(d.label), " ", certaintyBadge(d.certainty)))) : null,
    h("p", { class: "legend", text: texts.timelineLegend }));
}

/** What only the printed sheet shows: when, the answers given, the link and the rules version. */
function printSheet(report) {
  const texts = t();
  const situation = readSituation();
  const rows = [[texts.inputLabels.asOf, formatDate(report.asOf)], [texts.inputLabels.path, texts.route[report.path]]];
  const flat = (object, prefix = "") => Object.entries(object).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`, Array.isArray(v) ? v.map((x) => `${x.ccp} (${x.obtained})`).join(", ") : String(v)]]);
  for (const [k, v] of flat(situation)) if (!["asOf", "path", "title"].includes(k)) rows.push([k, v]);
  return h("div", { class: "print-only" },
    h("p", {}, `${texts.printedOn} ${formatDate(todayIso())} · ${texts.footRules} ${report.rulesVersion}`),
    h("h3", { text: texts.inputsTitle }),
    h("dl", {}, rows.flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })])),
    h("p", { class: "print-link" }, `${texts.printLink} ${shareUrl(situation)}`));
}

/** The calculator's own page with the situation in the fragment. */
function shareUrl(situation) {
  const page = new URL(state.pageUrl);
  page.search = "";
  page.hash = fragment(situation, true);
  return page.href;
}

async function share() {
  const url = shareUrl(readSituation());
  const status = $("#share-status");
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = t().shareDone;
  } catch {
    status.replaceChildren(t().shareFallback, " ", h("input", { type: "text", readonly: true, value: url, class: "share-url", "aria-label": t().share }));
    $(".share-url", status).select();
  }
}

function updateAsOfText() {
  const value = $("#as-of").value;
  $("#asof-text").textContent = !value || value === todayIso() ? `${t().today} (${formatDate(todayIso())})` : formatDate(value);
}

// ---------- mounting ----------
/**
 * Mounts the calculator on `root` (the document, or an element holding the page's markup), the
 * wasm being initialised. Options: mode ("page", "frame", "element"), lang, pageUrl (for share
 * links), restored ({situation, version} or {bad}), path (a route to preselect), onReport.
 */
export function mount(root, options = {}) {
  Object.assign(state, { root, mode: options.mode ?? "page", pageUrl: options.pageUrl ?? location.href,
    onReport: options.onReport ?? (() => {}), lang: options.lang === "en" ? "en" : "fr" });
  state.catalog = catalog();
  state.title = state.catalog.titles.find((x) => x.code === "TP-00523");
  const version = $("#rules-version");
  if (version) version.textContent = state.catalog.rulesVersion;
  const restored = options.restored;
  if (restored?.bad) {
    banner(t().badLink);
  } else if (restored?.situation) {
    try {
      fillForm(restored.situation);
    } catch {
      $("#form").reset();
      banner(t().badLink);
    }
    if (restored.version && restored.version !== state.catalog.rulesVersion) {
      banner(t().versionWarning(restored.version, state.catalog.rulesVersion));
    }
  }
  if (options.path && !radio("path")) setRadio("path", options.path);
  if (!$("#as-of").value) $("#as-of").value = todayIso();
  const form = $("#form");
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#add-held").addEventListener("click", () => { const row = addHeldRow(); $("select", row).focus(); update(); });
  $("#as-of-today").addEventListener("click", () => { $("#as-of").value = todayIso(); update(); });
  $("#as-of").addEventListener("change", updateAsOfText);
  $("#lang").addEventListener("click", () => {
    state.lang = state.lang === "fr" ? "en" : "fr";
    if (state.mode !== "element") {
      const url = new URL(location.href);
      url.searchParams.delete("lang");
      if (state.lang === "en") url.searchParams.set("lang", "en");
      history.replaceState(null, "", url);
    }
    applyLang();
    update();
  });
  if (state.mode === "page") {
    window.addEventListener("beforeprint", () => { for (const d of $$("details")) { d.dataset.wasOpen = d.open; d.open = true; } });
    window.addEventListener("afterprint", () => { for (const d of $$("details")) d.open = d.dataset.wasOpen === "true"; });
  }
  applyLang();
  update();
}

/** Fills the form with a situation (a host's prefill) and answers. */
export function prefill(situation) {
  fillForm(situation);
  if (!$("#as-of").value) $("#as-of").value = todayIso();
  update();
}

export function showBanner(text) {
  banner(text);
}
