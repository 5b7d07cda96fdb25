// The rules core (WebAssembly) and the title data, for the page, the iframe and the element alike.
// The wasm starts once per document; the default title is built into it; any other title's data
// is one JSON file fetched from the calculator's own origin (titles/<code>.json) and kept.

import init, { evaluate, catalog, checkTitles } from "./pkg/tp_eligibility.js";
import { dateIn, render, renderError } from "./messages.js";
import { useCatalogue, useDates } from "./i18n.js";

const base = new URL(".", import.meta.url);
let started = null;
const files = new Map();

/** The largest file read from the network (the largest title file is under 200 KB). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Starts the rules core (once). */
export function start() {
  started ??= init({ module_or_path: new URL("pkg/tp_eligibility_bg.wasm", base) });
  return started;
}

/** A response's body as JSON, read up to `MAX_FILE_BYTES` (a larger one is refused, whatever its
 * headers say, without being held whole). */
async function capped(response, path) {
  if (!response.ok) throw Object.assign(new Error(`${path}: ${response.status}`), { status: response.status });
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_FILE_BYTES) {
      reader.cancel().catch(() => {});
      throw new Error(`${path}: larger than ${MAX_FILE_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  return JSON.parse(new TextDecoder().decode(all));
}

function json(path) {
  if (!files.has(path)) {
    const request = fetch(new URL(path, base)).then((r) => capped(r, path));
    request.catch(() => files.delete(path)); // a failed download may be tried again
    files.set(path, request);
  }
  return files.get(path);
}

/** Title data fetched from the network, checked by the rules core before any use: a malformed
 * file throws the core's Error (code invalidTitleData, tooMany, tooLong…), never a TypeError
 * later in the page. */
async function checked(path) {
  const data = await json(path);
  await start();
  checkTitles([data]);
  return data;
}

let built = null;

/** The rules version and the default title, built into the wasm: read once (it was read again at
 * every `report`, 30 µs each), shared as the downloaded titles are. */
export function builtin() {
  if (!built) {
    const c = catalog();
    built = { rulesVersion: c.rulesVersion, title: c.titles[0] };
  }
  return built;
}

/** Letters without accents, in lower case: "Développeur" → "developpeur". */
const fold = (text) => String(text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** A test of whether `id` names a title (index entry or title data): its code, a Code Diplôme, or
 * the RNCP number of one of its fiches ("RNCP36964" or "36964"). `id` is folded once. */
function namer(id) {
  const code = fold(id).trim();
  const want = code.replace(/^rncp\s*/, "");
  if (!want) return () => false;
  return (entry) => {
    const rncp = entry.rncp ?? (entry.versions ?? []).map((v) => v.rncp).filter(Boolean);
    return fold(entry.code) === code || (entry.codeDiplome ?? []).some((c) => fold(c) === want)
      || rncp.some((n) => fold(n).replace(/^rncp/, "") === want);
  };
}

/** Whether `id` names this title. */
export const names = (entry, id) => namer(id)(entry);

/** Every title the calculator knows: [{code, codeDiplome, name, rncp, level, active, file}]. */
export const titleIndex = () => json("titles/index.json").then((index) => index.titles);

/** The titles whose name, code or RNCP number matches what was typed, best first. */
export function search(index, query, limit = 10) {
  const words = fold(query).split(/[^a-z0-9]+/).filter(Boolean);
  if (!words.length) return [];
  const scored = [];
  const named = namer(query);
  const matches = (text) => {
    const nameWords = text.split(/[^a-z0-9]+/);
    return words.every((w) => nameWords.some((n) => n.startsWith(w)));
  };
  for (const entry of index) {
    const name = fold(entry.name.fr);
    let score;
    let former;
    if (named(entry)) score = 0;
    else if (matches(name)) score = name.startsWith(words[0]) ? 1 : 2;
    // A name an earlier version bore: the title is found by it, and says so (issue 22).
    else if ((former = entry.formerNames?.find((n) => matches(fold(n.fr))))) score = 3;
    else continue;
    // Titles whose registration ends later first (still running ones before ended ones).
    scored.push([score, entry.end ?? "", name, former ? { ...entry, former } : entry]);
  }
  scored.sort((a, b) => a[0] - b[0] || b[1].localeCompare(a[1]) || a[2].localeCompare(b[2]));
  return scored.slice(0, limit).map((s) => s[3]);
}

/** The index entry of the title named `id`, or undefined. */
const entryNamed = async (id) => (await titleIndex()).find(namer(id));

/** A title's code as the page writes it in its links (`?title=36T32604`, `onTitle`): each title's
 * file is named by its code, so such a link needs one download, not the index first (10.5 KB
 * gzip and a round trip more, before the first result). */
const codeFile = (id) => {
  const code = String(id).trim().toUpperCase();
  return /^\d{2}T\d{3}[0-9A-Z]{2}$/.test(code) ? `titles/${code}.json` : null;
};

/** The data of the register title named `id`, or null: from its own file when `id` is a code that
 * names one, else through the index (a code that names no file, such as an older Code Diplôme of a
 * title, costs a refused download first). */
async function registerTitle(id) {
  const file = codeFile(id);
  // No such file: the index may know the title by this id. A file that is there but unreadable
  // (truncated, too large) is an error, not an absence.
  const data = file && (await json(file).catch((e) => { if (e.status === 404) return null; throw e; }));
  if (data && typeof data === "object" && names(data, id)) return checked(file);
  const entry = await entryNamed(id);
  return entry ? checked(`titles/${entry.file}`) : null;
}

/** The default title's file as served (`titles/TP-00523.json`). */
const DEFAULT_FILE = "titles/TP-00523.json";

/** Starts downloading what `loadTitle(id)` will need while the rules core starts, instead of after
 * it; `loadTitle` then finds the files on their way. The default title's served file is always
 * fetched: it may be newer than the one built into the wasm. */
export function prefetch(id, lang) {
  json(DEFAULT_FILE).catch(() => {});
  if (lang) loadLanguage(lang).catch(() => {});
  if (id) registerTitle(id).catch(() => {});
}

let fresh = null;

/** The default title: the served file when its data is newer than the wasm's (a data refresh
 * never needs a wasm rebuild) and sound, else the one built into the wasm. */
export function defaultTitle() {
  fresh ??= checked(DEFAULT_FILE).then((served) => {
    const built = builtin().title;
    return served.code === built.code && String(served.snapshot ?? "") > String(built.snapshot ?? "") ? served : built;
  }).catch(() => builtin().title);
  return fresh;
}

/** The data of the title named `id` (the default one when `id` is empty or names it), or null. */
export async function loadTitle(id) {
  const { title } = builtin();
  if (!id || names(title, id)) return defaultTitle();
  const data = await registerTitle(id);
  return data?.code === title.code ? defaultTitle() : data;
}

/** The catalogues of messages loaded so far, by language (messages/<lang>.json). */
const catalogues = {};

/** Loads a language's catalogue (once): the page needs only the visitor's before its first
 * result, and the other one when the visitor switches. */
export async function loadLanguage(lang) {
  if (!catalogues[lang]) {
    const compiled = await json(`messages/${lang}.json`);
    catalogues[lang] = compiled;
    useCatalogue(lang, compiled);
  }
  return catalogues[lang];
}

/** Every language served loaded (the list comes with any catalogue): for the reports handed to a
 * host page, whose texts are in every language (`summary.fr`, `summary.en`…). */
export async function loadEveryLanguage() {
  const any = Object.values(catalogues)[0] ?? (await loadLanguage("fr"));
  await Promise.all(any.l.map(({ code }) => loadLanguage(code)));
}

/** The languages served (`code`, `name`, `read`), as the catalogues loaded list them. */
export const languages = () => Object.values(catalogues)[0]?.l ?? [];

/** A language code as the address or a host gives it: a code of two or three letters, else none
 * (its catalogue is then fetched; a language not served fails there and the page keeps French). */
export const langCode = (text) => (/^[a-z]{2,3}$/.test(text ?? "") ? text : null);

// Dates in the page's words are the catalogues' (the same as in the report).
useDates((iso, lang) => dateIn(iso, catalogues[lang]));

/** The report for a situation about `title`, its texts in words in every language loaded (throws
 * the core's Error, its message in words too, on invalid input). */
export function report(situation, title) {
  try {
    const raw = title === builtin().title ? evaluate(situation) : evaluate(situation, [title]);
    return render(raw, catalogues);
  } catch (e) {
    throw renderError(e, catalogues);
  }
}
