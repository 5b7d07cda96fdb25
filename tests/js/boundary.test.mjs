// The WebAssembly door under hostile JavaScript values, in Node, on the wasm the page ships:
// property tests (fast-check) with arbitrary values — Proxies, revoked Proxies, getters that
// throw, cycles, BigInt, Symbols, huge and shared structures — and 10,000 calls of each hostile
// class. Whatever the value, `evaluate` returns a report or throws an Error with `field`, `code`
// and both messages; the instance never dies, the next valid call gives the report of a fresh
// instance, and WebAssembly memory stays within a bound.
// FC_RUNS sets the number of generated values (default 300; `make fuzz` runs far more).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { evaluate, catalog, wasm, catalogues } from "../../www/node.js";
import { render } from "../../www/messages.js";
const RUNS = Number(process.env.FC_RUNS ?? 300);
/** WebAssembly memory may grow to this, whatever the inputs (README, "Limits"). */
const MEMORY_BOUND = 64 * 1024 * 1024;

const VALID = { asOf: "2026-11-27", path: "discontinuous", held: [{ ccp: "2022-CCP1", obtained: "2024-06-14" }, { ccp: "2022-CCP2", obtained: "2025-03-21" }] };
const FRESH = JSON.stringify(evaluate(VALID));
const CODES = new Set(["invalidJson", "required", "invalidType", "unknownField", "duplicateField", "unknownValue", "invalidDate",
  "outOfCoverage", "afterAsOf", "dateOrder", "outOfRange", "unknownTitle", "unknownCcp", "duplicateCcp", "outsideVersion",
  "beforeTitle", "tooMany", "tooLong", "unreadable", "invalidTitleData"]);

/** A report, or a well-formed error: anything else fails. */
function outcome(value, titles) {
  try {
    const report = titles === undefined ? evaluate(value) : evaluate(value, titles);
    assert.ok(["eligible", "notEligible", "undetermined"].includes(report.status), "a report has a status");
    return "report";
  } catch (e) {
    assert.ok(e instanceof Error, `an Error, not ${typeof e}: ${String(e).slice(0, 200)}`);
    assert.equal(typeof e.field, "string");
    assert.ok(CODES.has(e.code), `a known code, not ${e.code}`);
    assert.ok(e.fr && e.en && e.fr !== e.en, "both languages");
    assert.ok(e.fr.length < 600 && e.en.length < 600, "messages stay short");
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(e.fr + e.en), "no control character echoed");
    return e.code;
  }
}

function stillFresh() {
  assert.equal(JSON.stringify(evaluate(VALID)), FRESH, "the next valid call gives the report of a fresh instance");
  assert.equal(catalog().titles[0].code, "TP-00523");
}

// ---- hostile values
const throwing = () => { throw new Error("no"); };
const hostile = {
  "getter that throws": () => ({ asOf: "2026-11-27", get path() { throw new Error("no"); } }),
  "Proxy whose get throws": () => new Proxy({ asOf: "2026-11-27", path: "vae" }, { get: throwing }),
  "Proxy whose ownKeys throws": () => new Proxy({}, { ownKeys: throwing }),
  "revoked Proxy": () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; },
  "revoked Proxy as held": () => { const { proxy, revoke } = Proxy.revocable([], {}); revoke(); return { asOf: "2026-11-27", path: "discontinuous", held: proxy }; },
  "array index getter that throws": () => {
    const held = [{ ccp: "2022-CCP1", obtained: "2024-06-14" }];
    Object.defineProperty(held, 0, { get: throwing, enumerable: true });
    return { asOf: "2026-11-27", path: "discontinuous", held };
  },
  "cycle": () => { const s = { asOf: "2026-11-27", path: "vae" }; s.training = s; return s; },
  "BigInt": () => ({ asOf: "2026-11-27", path: "vae", experience: { months: 10n } }),
  "Symbol value": () => ({ asOf: "2026-11-27", path: Symbol("vae") }),
  "Symbol key": () => ({ asOf: "2026-11-27", path: "vae", [Symbol("x")]: 1 }),
  "function": () => ({ asOf: "2026-11-27", path: () => "vae" }),
  "shared structure (2^40 paths)": () => { let o = { asOf: "2026-11-27" }; for (let i = 0; i < 40; i++) o = { a: o, b: o }; return o; },
  "huge key": (() => { const key = "k".repeat(400_000); return () => ({ asOf: "2026-11-27", path: "vae", [key]: 1 }); })(),
  "huge string": (() => { const value = "x".repeat(400_000); return () => ({ asOf: "2026-11-27", path: value }); })(),
  "long array": (() => { const held = new Array(300_000).fill(0); return () => ({ asOf: "2026-11-27", path: "discontinuous", held }); })(),
  "deep nesting": () => { let o = 1; for (let i = 0; i < 10_000; i++) o = [o]; return { asOf: "2026-11-27", path: "vae", held: o }; },
  "sparse array of length 2^32-1": () => { const held = []; held.length = 2 ** 32 - 1; return { asOf: "2026-11-27", path: "discontinuous", held }; },
};

test("each hostile class gets a well-formed answer, 10,000 times, and the instance stays whole", () => {
  for (const [name, make] of Object.entries(hostile)) {
    const value = make();
    const first = outcome(value);
    for (let i = 0; i < 10_000; i++) {
      try {
        evaluate(value);
      } catch (e) {
        if (!(e instanceof Error) || typeof e.code !== "string") throw new Error(`${name}: call ${i} threw ${String(e).slice(0, 200)}`);
      }
    }
    stillFresh();
    assert.ok(wasm.memory.buffer.byteLength <= MEMORY_BOUND, `${name}: memory ${wasm.memory.buffer.byteLength} bytes`);
    // Symbol keys are not data (JSON.stringify drops them too): that situation is answered.
    assert.equal(first === "report", name === "Symbol key", `${name}: ${first}`);
  }
  // A throwing getter is an error naming its field, not "missing".
  assert.equal(catchError(hostile["getter that throws"]()).field, "path");
  assert.equal(catchError(hostile["getter that throws"]()).code, "unreadable");
  assert.equal(catchError(hostile["array index getter that throws"]()).field, "held[0]");
  assert.equal(catchError(hostile["huge key"]()).code, "tooLong");
  assert.equal(catchError(hostile["shared structure (2^40 paths)"]()).code, "tooMany");
});

function catchError(value) {
  try {
    evaluate(value);
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

/** Arbitrary JS values, hostile ones among them, anywhere in a situation. Hostile values are
 * generated as markers ({hostile: name}) and built just before the call: fast-check itself must
 * not touch a revoked Proxy. */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true,
      withNullPrototype: true, withObjectString: true, withBoxedValues: true, maxDepth: 3 }),
    fc.constantFrom(...Object.keys(hostile)).map((name) => ({ hostile: name })),
    fc.dictionary(fc.constantFrom("asOf", "path", "held", "training", "experience", "vae", "title", "lastSession", "ccs", "titleObtained"), tie("value"), { maxKeys: 6 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.constantFrom("2026-11-27", "2024-06-14", "vae", "discontinuous", "2022-CCP1", "\u001b[31m", "\"]", "TP-00523", "RNCP36964"),
  ),
})).value;

test("property: arbitrary JS values never kill the instance, and always give a report or a well-formed error", () => {
  const build = (v, depth = 0) => {
    if (depth > 12 || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((x) => build(x, depth + 1));
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    if (typeof v.hostile === "string" && hostile[v.hostile] && Object.keys(v).length === 1) return hostile[v.hostile]();
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, build(x, depth + 1)]));
  };
  fc.assert(fc.property(anyValue, (value) => {
    outcome(build(value));
    stillFresh();
  }), { numRuns: RUNS });
  assert.ok(wasm.memory.buffer.byteLength <= MEMORY_BOUND);
});

test("property: arbitrary situations of the right shape give a report or a well-formed error", () => {
  const date = fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const situation = fc.record({
    asOf: date, path: fc.constantFrom("continuous", "vae", "discontinuous", "ccs"),
    training: fc.record({ coherent: fc.option(fc.boolean()), end: fc.option(date) }, { requiredKeys: [] }),
    experience: fc.record({ months: fc.option(fc.double()), hours: fc.option(fc.double()), related: fc.option(fc.boolean()) }, { requiredKeys: [] }),
    held: fc.array(fc.record({ ccp: fc.constantFrom("2022-CCP1", "2022-CCP2", "2016-X", "2011-CCP2", "2003-U3", "nope"), obtained: date }), { maxLength: 5 }),
    lastSession: fc.option(fc.record({ date, outcome: fc.constantFrom("failed", "absent"), newTraining: fc.option(fc.boolean()) })),
  }, { requiredKeys: ["asOf", "path"] });
  fc.assert(fc.property(situation, (s) => {
    outcome(s);
  }), { numRuns: RUNS });
  stillFresh();
});

test("integrator title data: bounded, and refused past the limits with a clear error", () => {
  const title = catalog().titles[0];
  // 501 small titles (501 copies of the default one would pass the budget of characters first).
  const small = { ...title, sources: title.sources.slice(0, 1).map((s) => ({ ...s, fr: "s", en: "s" })), versions: [{
    id: "v", name: { fr: "v", en: "v" }, start: { date: "2020-01-01", certainty: "official", source: title.sources[0].id },
    end: { date: "2030-01-01", certainty: "official", source: title.sources[0].id }, ccpsCertainty: "official",
    ccps: [{ id: "c", name: { fr: "c", en: "c" } }] }], ccsSource: title.sources[0].id, equivalencesSource: title.sources[0].id };
  const many = Array.from({ length: 501 }, (_, i) => ({ ...small, code: `T${i}`, codeDiplome: [] }));
  assert.equal(catchErrorWith(VALID, many).code, "tooMany");
  const bigVersion = structuredClone(title);
  bigVersion.versions.at(-1).ccps = Array.from({ length: 40_000 }, (_, i) => ({ id: `C${i}`, name: { fr: "x", en: "x" } }));
  const e = catchErrorWith({ ...VALID, held: [] }, [bigVersion]);
  assert.ok(["tooMany", "tooLong"].includes(e.code), e.code);
  stillFresh();
});

function catchErrorWith(situation, titles) {
  try {
    evaluate(situation, titles);
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

/** WebAssembly memory after the budget tests (issue 20): the budgets stop a call before it copies
 * more than a few MB, so the instance never grows past this. */
const SMALL_MEMORY = 16 * 1024 * 1024;

test("budgets: characters copied, keys read and references are counted before anything is copied", async () => {
  // A fresh instance of its own, so that its memory is this test's alone.
  const own = await import("../../www/pkg/tp_eligibility.js?budgets");
  const ownWasm = await own.default({ module_or_path: readFileSync(new URL("../../www/pkg/tp_eligibility_bg.wasm", import.meta.url)) });
  const catchErrorWith = (situation, titles) => {
    try { own.evaluate(situation, titles); } catch (e) { return e; }
    throw new Error("expected an error");
  };
  // One 100,000-character string referenced 2,000 times (about 200 million characters).
  const big = "x".repeat(100_000);
  const manyRefs = { ...VALID, held: Array.from({ length: 2_000 }, () => ({ ccp: big, obtained: big })) };
  assert.ok(["tooLong", "tooMany"].includes(catchErrorWith(manyRefs).code));
  assert.equal(catchErrorWith({ ...VALID, training: { coherent: true, note: big, more: big, again: big } }).code, "tooLong",
    "three strings of 100,000 characters pass the 200,000 budget of a situation");
  // A shared object of 100,000 keys whose values are undefined, used 2,000 times.
  const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, undefined]));
  const undefinedKeys = { ...VALID, held: Array.from({ length: 2_000 }, () => keys) };
  assert.equal(catchErrorWith(undefinedKeys).code, "tooMany");
  // Title data with 150,000 references to one long string: the documented Error, not a trap.
  const title = structuredClone(own.catalog().titles[0]);
  const name = "n".repeat(90_000);
  title.versions.at(-1).ccps = Array.from({ length: 150_000 }, (_, i) => ({ id: `C${i}`, name: { fr: name, en: name } }));
  const e = catchErrorWith({ ...VALID, held: [] }, [title]);
  assert.ok(e instanceof Error && ["tooLong", "tooMany"].includes(e.code), `${e.constructor.name} ${e.code} ${e.message}`);
  assert.equal(JSON.stringify(render(own.evaluate(VALID), catalogues)), FRESH, "the next valid call gives the report of a fresh instance");
  assert.ok(ownWasm.memory.buffer.byteLength <= SMALL_MEMORY, `memory ${ownWasm.memory.buffer.byteLength} bytes after the budget tests`);
});

test("checkTitles: sound data passes; malformed data throws the documented Error", async () => {
  const { checkTitles } = await import("../../www/node.js");
  checkTitles([catalog().titles[0]]);
  for (const bad of [[{ code: "36T99902" }], [{ ...catalog().titles[0], versions: [] }], "nope", [null]]) {
    try {
      checkTitles(bad);
      assert.fail(`accepted ${JSON.stringify(bad).slice(0, 60)}`);
    } catch (e) {
      assert.ok(e instanceof Error && CODES.has(e.code), String(e));
    }
  }
  const controls = structuredClone(catalog().titles[0]);
  controls.name.en = "Import\u202e-export";
  assert.throws(() => checkTitles([controls]), (e) => e.field === "titles[0].name.en" && JSON.stringify(e.m).includes("202E"));
});
