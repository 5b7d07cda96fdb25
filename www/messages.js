// The renderer of the core's messages (issue 21): the rules core (Rust, WebAssembly) says what it
// means as data, a message id with its arguments; the catalogues of messages/ (one JSON file per
// language: id → template, `{0}`, `{1}`… taking the arguments) give the words. This module puts a
// report (or an error) in words, in the languages whose catalogues are given, exactly as the
// command line's renderer does (src/text.rs): the same templates, dates and numbers.
//
// A text as data (src/text.rs, `write_message`): a message is `[n, args…]`, `n` its place in the
// catalogues (their ids sorted); words of the title data `{fr, en}`; a date `{d: "YYYY-MM-DD"}`; a
// number `{n: hundredths}`; texts joined `{j: separator, t: [texts]}`; plain text a string. In a
// report, each text stands as `{m: text}`.
//
// A catalogue as served (`compile`): `{t: [templates in that order], s: {id: place}}` for the
// messages read by id (the renderer's dates and numbers, the page's `page.*`), `l` the languages
// served (messages/languages.json: `code`, `name`, `read`: "Read this page in English").

/** The ids the renderer uses itself. */
const OWN = ["text.date", "text.date-first-day", "text.number-group", "text.number-decimal",
  ...Array.from({ length: 12 }, (_, i) => `text.month-${i + 1}`)];

/** Catalogues as translators write them (`{fr: {id: template}, en: {…}}`, the first language the
 * reference) into what the renderer reads: each a list of templates in the order of the first
 * language's ids, sorted (as src/text.rs numbers them); a message a language lacks reads the
 * first language's template. */
export function compile(sources, languages = Object.keys(sources).map((code) => ({ code, name: code, read: code }))) {
  const [first] = Object.values(sources);
  const ids = Object.keys(first).sort();
  // By id: the renderer's own messages, and the page's (`page.*`, read by id: i18n.js).
  const own = Object.fromEntries(ids.map((id, i) => [id, i]).filter(([id]) => OWN.includes(id) || id.startsWith("page.")));
  return Object.fromEntries(Object.entries(sources).map(([lang, cat]) => [lang, { t: ids.map((id) => cat[id] ?? first[id]), s: own, l: languages }]));
}

/** A catalogue's template by place (a number) or, for the renderer's own, by id. */
const template = (cat, ref) => (typeof ref === "number" ? cat.t[ref] : cat.t[cat.s[ref]]) ?? "";

/** Words of the title data in `lang` (French, or English for any other language). */
const words = (w, lang) => (lang === "fr" ? w.fr : w.en) ?? "";

function number(hundredths, cat) {
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  const whole = String(Math.trunc(abs / 100));
  const cents = abs % 100;
  let out = negative ? "-" : "";
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += template(cat, "text.number-group");
    out += whole[i];
  }
  if (cents) out += template(cat, "text.number-decimal") + String(Math.trunc(cents / 10)) + (cents % 10 ? String(cents % 10) : "");
  return out;
}

function date(iso, cat) {
  const [y, m, d] = iso.split("-").map(Number);
  const day = d === 1 ? template(cat, "text.date-first-day") : String(d);
  return fill(template(cat, "text.date"), [day, template(cat, `text.month-${m}`), String(y)], cat, "");
}

/** A template with plain arguments (strings, numbers): `{N}` takes argument N; `{{`, `}}` are
 * braces. The page's own texts, and every message once its arguments are words (`fill`). */
export function format(tpl, args) {
  return tpl.replace(/\{\{|\}\}|\{(\d+)\}/g, (whole, n) => (n === undefined ? whole[0] : String(args[Number(n)] ?? "")));
}

/** A date in words with a compiled catalogue. */
export { date as dateIn };

/** A template with its arguments, texts as data put in words first. */
const fill = (tpl, args, cat, lang) => format(tpl, args.map((a) => text(a, cat, lang)));

/** One text as data, in words. */
export function text(t, cat, lang) {
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return fill(template(cat, t[0]), t.slice(1), cat, lang);
  if (t && typeof t === "object") {
    if ("d" in t) return date(t.d, cat);
    if ("n" in t) return number(t.n, cat);
    if ("j" in t) return t.t.map((x) => text(x, cat, lang)).join(template(cat, t.j));
    if ("fr" in t || "en" in t) return words(t, lang);
  }
  return "";
}

/** The value with every text `{m}` put in words: `{fr: …, en: …}` for the languages of
 * `catalogues` (`{fr: {...}, en: {...}}`); an object that has its own fields beside `m` (an
 * explanation step) gets the words as its own `fr`, `en` fields. */
export function render(value, catalogues) {
  if (Array.isArray(value)) return value.map((v) => render(v, catalogues));
  if (!value || typeof value !== "object") return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "m") {
      for (const [lang, cat] of Object.entries(catalogues)) out[lang] = text(v, cat, lang);
    } else {
      out[key] = render(v, catalogues);
    }
  }
  return out;
}

/** An error of the rules core (`field`, `code`, `m`) with its message in words (`fr`, `en`…). */
export function renderError(error, catalogues) {
  if (error && typeof error === "object" && "m" in error) {
    for (const [lang, cat] of Object.entries(catalogues)) error[lang] = text(error.m, cat, lang);
    error.message = Object.keys(catalogues).map((lang) => error[lang]).join(" / ");
  }
  return error;
}
