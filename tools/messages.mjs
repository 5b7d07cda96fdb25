// The catalogues as the page reads them: messages/<lang>.json (id → template, as translators
// write them) compiled by www/messages.js into www/messages/<lang>.json (the templates in the
// order the rules core numbers them), with the list of languages. Run by `make build`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { compile } from "../www/messages.js";

const root = new URL("..", import.meta.url).pathname;
const languages = JSON.parse(readFileSync(`${root}messages/languages.json`, "utf8"));
const sources = Object.fromEntries(languages.map(({ code }) => [code, JSON.parse(readFileSync(`${root}messages/${code}.json`, "utf8"))]));
const out = `${root}www/messages`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
for (const [lang, compiled] of Object.entries(compile(sources, languages))) writeFileSync(`${out}/${lang}.json`, JSON.stringify(compiled));
writeFileSync(`${out}/languages.json`, JSON.stringify(languages));
