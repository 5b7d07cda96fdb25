// The answers a person gives, and the situation they make for the rules core: the first step of
// the page's one direction of data (answers → situation → wasm → report → view). Pure functions,
// no DOM. Values from outside (a share link, a host's prefill) are checked here before any use.

// Dates as the page handles them: calendar days written YYYY-MM-DD.
const pad = (n) => String(n).padStart(2, "0");

/** Today in the visitor's time zone, as YYYY-MM-DD. */
export function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether `text` is a real day written YYYY-MM-DD (Date.parse alone would accept 30 February). */
function isIsoDate(text) {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const PATHS = ["continuous", "vae", "discontinuous", "ccs"];
const YES_NO = ["true", "false", ""];
const MAX_HELD = 64;

/** A blank set of answers. Yes/no questions hold "true", "false", "" (I don't know) or null (not
 * answered); dates hold YYYY-MM-DD or ""; numbers hold the text typed. */
export function blankAnswers() {
  return {
    path: "", coherent: null, trainingEnd: "", lastOutcome: "", lastDate: "", newTraining: null, awarded: null,
    related: null, months: "", hours: "", applied: "", admissible: "",
    held: [], heldCoherent: null,
    titleObtained: "", ccs: "", ccsCoherent: null, ccsMonths: "",
  };
}

/** A held CCP row: `seq` keeps its element ids stable. */
export function heldRow(seq, version = "", ccp = "", obtained = "") {
  return { seq, version, ccp, obtained };
}

const bool = (v) => (v === "true" ? true : v === "false" ? false : undefined);
const num = (v) => (v === "" || v == null || !Number.isFinite(Number(v)) ? undefined : Number(v));
/** A date being typed in a date field goes through years like 0002 and 0020: until it has four
 * real digits (from 1900), it is not an answer yet, and not an error either. */
const date = (v) => (isIsoDate(v) && v >= "1900-01-01" ? v : undefined);

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

/**
 * The situation for the rules core, and what is still to give before it can answer (`pending`:
 * a session without its date, a CCP row half filled): those are questions, not errors.
 */
export function situationFrom(answers, { asOf, title }) {
  const a = answers;
  const s = { asOf, title, path: a.path || undefined };
  const pending = [];
  if (a.path === "continuous") {
    s.training = { coherent: bool(a.coherent), end: date(a.trainingEnd) };
    if (a.lastOutcome) {
      if (date(a.lastDate)) s.lastSession = { date: a.lastDate, outcome: a.lastOutcome, newTraining: bool(a.newTraining) };
      else pending.push({ kind: "lastDate" });
    }
  } else if (a.path === "vae") {
    s.experience = { months: num(a.months), hours: num(a.hours), related: bool(a.related) };
    s.vae = { applied: date(a.applied), admissible: date(a.admissible) };
  } else if (a.path === "discontinuous") {
    s.held = [];
    a.held.forEach((row, i) => {
      if (row.ccp && date(row.obtained)) s.held.push({ ccp: row.ccp, obtained: row.obtained });
      else if (row.ccp || row.obtained) pending.push({ kind: "held", n: i + 1, seq: row.seq });
    });
    s.training = { coherent: bool(a.heldCoherent) };
  } else if (a.path === "ccs") {
    s.titleObtained = date(a.titleObtained);
    s.ccs = a.ccs || undefined;
    s.training = { coherent: bool(a.ccsCoherent) };
    s.experience = { months: num(a.ccsMonths) };
  }
  return { situation: prune(s), pending };
}

/**
 * Answers from a situation given from outside (share link, prefill): every value is checked for
 * its type and form, and anything else is dropped, so that no value can break the page.
 */
export function answersFrom(situation, nextSeq) {
  const a = blankAnswers();
  if (!situation || typeof situation !== "object" || Array.isArray(situation)) return a;
  const s = situation;
  const str = (v) => (isIsoDate(v) ? v : "");
  const yn = (v) => (v === true ? "true" : v === false ? "false" : null);
  const n = (v) => (typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1e6 ? String(v) : "");
  const obj = (v) => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
  const id = (v) => (typeof v === "string" && v.length <= 80 && /^[\w.-]+$/.test(v) ? v : "");
  a.path = PATHS.includes(s.path) ? s.path : "";
  const training = obj(s.training);
  const experience = obj(s.experience);
  const last = obj(s.lastSession);
  if (a.path === "continuous") {
    a.coherent = yn(training.coherent);
    a.trainingEnd = str(training.end);
    a.lastOutcome = ["failed", "absent"].includes(last.outcome) ? last.outcome : "";
    a.lastDate = str(last.date);
    a.newTraining = yn(last.newTraining);
  } else if (a.path === "vae") {
    a.related = yn(experience.related);
    a.months = n(experience.months);
    a.hours = n(experience.hours);
    a.applied = str(obj(s.vae).applied);
    a.admissible = str(obj(s.vae).admissible);
  } else if (a.path === "discontinuous") {
    a.held = (Array.isArray(s.held) ? s.held.slice(0, MAX_HELD) : []).map((h) => heldRow(nextSeq(), "", id(obj(h).ccp), str(obj(h).obtained)));
    a.heldCoherent = yn(training.coherent);
  } else if (a.path === "ccs") {
    a.titleObtained = str(s.titleObtained);
    a.ccs = id(s.ccs);
    a.ccsCoherent = yn(training.coherent);
    a.ccsMonths = n(experience.months);
  }
  return a;
}

/** The title asked for from outside, checked (a code, a Code Diplôme or an RNCP number). */
export function titleFrom(value) {
  return typeof value === "string" && value.length <= 40 && /^[\w-]+$/.test(value.trim()) ? value.trim() : "";
}

/** The evaluation date asked for from outside, checked. */
export function asOfFrom(value) {
  return isIsoDate(value) ? value : "";
}

/** The question an input path of the contract belongs to (for errors and missing inputs). */
export function questionOf(field, path) {
  const held = /^held\[(\d+)\]/.exec(field);
  if (held) return { key: "held", index: Number(held[1]) };
  const map = {
    "training.coherent": { continuous: "coherent", discontinuous: "heldCoherent", ccs: "ccsCoherent" }[path],
    "training.end": "trainingEnd", "lastSession.date": "lastDate", "lastSession.outcome": "lastOutcome",
    "lastSession.newTraining": "newTraining", "experience.related": "related",
    "experience.months": path === "ccs" ? "ccsMonths" : "months", "experience.hours": "hours",
    "vae.applied": "applied", "vae.admissible": "admissible", titleObtained: "titleObtained", ccs: "ccs", asOf: "asOf",
    path: "path", title: "title",
  };
  return map[field] ? { key: map[field] } : null;
}

export { YES_NO };
