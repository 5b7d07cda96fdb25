// The page's own texts, from the catalogues of messages/ (the `page.*` messages, in the same files
// as the rules core's: one file per language), built into the shape the page reads (`t.titleLabel`,
// `t.status.eligible`, `t.titleEnded(date)`), and the formatting of dates in each language.
import { format } from "./messages.js";

/** The page's texts by language, for the languages whose catalogue is loaded (`useCatalogue`). */
export const TEXTS = {};

/** Builds `TEXTS[lang]` from a compiled catalogue (www/messages.js `compile`): `page.a.b` becomes
 * `t.a.b`; a message with arguments (`{0}`…) a function of them; a `.one` / `.other` pair a
 * function choosing by its first argument (1 or more); numbered keys (`.0`, `.1`) a list. */
export function useCatalogue(lang, compiled) {
  const t = {};
  const plural = {};
  for (const [id, place] of Object.entries(compiled.s)) {
    if (!id.startsWith("page.")) continue;
    const tpl = compiled.t[place];
    const path = id.slice(5).split(".");
    const last = path.at(-1);
    if (last === "one" || last === "other") {
      (plural[path.slice(0, -1).join(".")] ??= {})[last] = tpl;
      continue;
    }
    set(t, path, /\{\d+\}/.test(tpl) ? (...args) => format(tpl, args) : tpl);
  }
  for (const [key, forms] of Object.entries(plural)) {
    set(t, key.split("."), (n, ...rest) => format(Number(n) === 1 ? forms.one : forms.other, [n, ...rest]));
  }
  TEXTS[lang] = listify(t);
  return TEXTS[lang];
}

function set(obj, path, value) {
  let o = obj;
  for (const key of path.slice(0, -1)) o = o[key] ??= {};
  o[path.at(-1)] = value;
}

/** Objects whose keys are 0, 1, 2… become lists (`t.path.vae[0]`). */
function listify(value) {
  if (!value || typeof value !== "object") return value;
  const keys = Object.keys(value);
  const out = keys.length && keys.every((k, i) => k === String(i)) ? keys.map((k) => value[k]) : {};
  if (!Array.isArray(out)) for (const k of keys) out[k] = listify(value[k]);
  else out.forEach((v, i) => { out[i] = listify(v); });
  return out;
}

/** A date in words, as the rules core writes them ("1er mars 2024", "7 January 2028"), with the
 * catalogue's own words for them (`text.date`, `text.month-N`…). Not Intl.DateTimeFormat: its
 * first use loads the browser's locale data, about 20 ms before the first result on a fast machine
 * (measured, issue 13), and it writes "1 mars". */
export function formatDate(iso, lang) {
  if (!iso) return TEXTS[lang].unknownDate;
  return dateWords(iso, lang);
}

/** The date renderer of the catalogues, set by `useCatalogue`'s caller (engine.js). */
let dateWords = (iso) => iso;
export function useDates(render) {
  dateWords = render;
}
