// The page's dates in words, written as the rules core writes them (text.rs, `Text::date`), without
// Intl (whose locale data cost ~20 ms before the first result).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { formatDate, TEXTS, useCatalogue, useDates } from "../../www/i18n.js";
import { compile, dateIn } from "../../www/messages.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../messages/${path}`, import.meta.url), "utf8"));
const compiled = compile(Object.fromEntries(read("languages.json").map(({ code }) => [code, read(`${code}.json`)])));
for (const [lang, cat] of Object.entries(compiled)) useCatalogue(lang, cat);
useDates((iso, lang) => dateIn(iso, compiled[lang]));

test("dates in words, in French and English, as the report's texts write them", () => {
  assert.equal(formatDate("2024-03-01", "fr"), "1er mars 2024");
  assert.equal(formatDate("2024-03-01", "en"), "1 March 2024");
  assert.equal(formatDate("2028-01-07", "fr"), "7 janvier 2028");
  assert.equal(formatDate("2028-01-07", "en"), "7 January 2028");
  assert.equal(formatDate("2016-08-31", "fr"), "31 août 2016");
  assert.equal(formatDate("2002-12-14", "en"), "14 December 2002");
  assert.equal(formatDate(null, "fr"), TEXTS.fr.unknownDate);
  assert.equal(formatDate("", "en"), TEXTS.en.unknownDate);
});
