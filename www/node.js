// The calculator in Node, for integrators' servers, scripts and the tests: the WebAssembly rules
// core and the catalogues of messages/, read from disk. `evaluate` returns the report with its
// texts in words, `{fr, en}` (or the languages asked), as the wasm package returned it before the
// texts became data (README, "The contract": migration). Not for the page (it fetches the
// catalogue of the visitor's language only: engine.js).
import { readFileSync } from "node:fs";
import init, { evaluate as evaluateData, catalog, checkTitles } from "./pkg/tp_eligibility.js";
import { render, renderError } from "./messages.js";

const here = new URL(".", import.meta.url);
const read = (path) => readFileSync(new URL(path, here));

/** The instance (its `memory` for the tests of the door's bounds). */
export const wasm = await init({ module_or_path: read("pkg/tp_eligibility_bg.wasm") });

/** Every language of the catalogues, by code, as `make build` compiles them (tools/messages.mjs). */
export const catalogues = Object.fromEntries(JSON.parse(read("messages/languages.json"))
  .map(({ code }) => [code, JSON.parse(read(`messages/${code}.json`))]));

/** The report for `situation` (with `titles`, against that title data instead of the default
 * title), its texts in words in every language, or in `langs` only; an invalid input throws an
 * Error with `field`, `code`, the message as data (`m`) and in words (`fr`, `en`). */
export function evaluate(situation, titles, { langs } = {}) {
  const cats = langs ? Object.fromEntries(langs.map((l) => [l, catalogues[l]])) : catalogues;
  try {
    return render(titles === undefined ? evaluateData(situation) : evaluateData(situation, titles), cats);
  } catch (e) {
    throw renderError(e, cats);
  }
}

export { evaluateData, catalog, checkTitles };
