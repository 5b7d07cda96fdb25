// The view: builds the questions and the answer from the answers and the report, as DOM nodes.
// Every text is inserted as text (never markup). No state lives here: the calculator
// (calculator.js) owns it and passes what to show and what to call back.

import { TEXTS, formatDate } from "./i18n.js";

/** h("p", {class: "x"}, "text", child…): an element; `on…` attributes are listeners. */
export function h(tag, attrs = {}, ...children) {
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

/** The site's address without the answer it carries: "calculateur.example.fr/index.html". */
const shortAddress = (link) => { const u = new URL(link); return `${u.host}${u.pathname}`; };

/** A text's first sentence (the answer bar, the answers both ways). */
const firstSentence = (text) => text.split(/(?<=[.!?])\s/)[0];

/** Words in `lang`; words of the title data exist in French and English only (others read English). */
export const inLang = (text, lang) => (text ? text[lang] ?? text.en ?? "" : "");

/** A question's box: label or legend, its input(s), the "I don't know" help, and its error line. */
function question(id, { legend, label, input, help, describedBy = [] }) {
  const error = h("p", { class: "error", id: `${id}-error`, hidden: true });
  if (legend) {
    return h("fieldset", { class: "q yesno", id: `q-${id}`, "data-q": id }, h("legend", { text: legend }), input, help, error);
  }
  const field = h("div", { class: "q field", id: `q-${id}`, "data-q": id }, h("label", { for: id, text: label }), input, help, error);
  if (describedBy.length) input.setAttribute("aria-describedby", describedBy.join(" "));
  return field;
}

/** A yes / no / I don't know question; "I don't know" opens where to find the answer. */
function yesNo(ctx, key, legend, helpText, { rebuild = false } = {}) {
  const t = TEXTS[ctx.lang];
  const value = ctx.answers[key];
  const help = helpText ? h("div", { class: "help", id: `${key}-help`, role: "note", hidden: value !== "" },
    h("strong", { text: t.dontKnowTitle }), " ", helpText) : null;
  const option = (v, text) => h("label", {}, h("input", {
    type: "radio", name: key, value: v, checked: value === v,
    onchange: () => { ctx.set(key, v, { rebuild }); if (help) help.hidden = v !== ""; },
  }), " ", text);
  return question(key, { legend, input: h("div", { class: "options" }, option("true", t.yes), option("false", t.no), option("", t.dontKnow)), help });
}

/** A date question; where a date may be hard to find, "I don't know" says where it is written. */
function dateInput(ctx, key, label, helpText) {
  const t = TEXTS[ctx.lang];
  const input = h("input", { type: "date", id: key, value: ctx.answers[key], min: "2002-12-14", max: "2099-12-31",
    oninput: (e) => ctx.set(key, e.target.value), onchange: (e) => ctx.set(key, e.target.value) });
  const help = helpText ? h("details", { class: "help-more" }, h("summary", { text: t.dontKnowTitle }), h("p", { text: helpText })) : null;
  return question(key, { label, input, help });
}

function numberInput(ctx, key, label, max) {
  const input = h("input", { type: "number", id: key, value: ctx.answers[key], min: "0", max: String(max), step: "1", inputmode: "numeric",
    oninput: (e) => ctx.set(key, e.target.value) });
  return question(key, { label, input });
}

/** Whole months from one ISO date to a later one ("2025-01-31" → "2026-12-06": 22). */
function monthsBetween(from, to) {
  const [y1, m1, d1] = from.split("-").map(Number);
  const [y2, m2, d2] = to.split("-").map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Data older than this many days before the date of the answer says its age (rules.md R12). */
const DATA_AGE_DAYS = 60;

/** The title's header: name, level, RNCP fiches, registration dates with their certainty, link;
 * the data's date, and its age in words when it is over 60 days before `asOf`. */
export function titleHeader(lang, title, headingLevel, asOf) {
  const t = TEXTS[lang];
  const last = title.versions.at(-1);
  const rncp = title.versions.map((v) => v.rncp).filter(Boolean);
  const fact = (f) => (f?.date ? `${formatDate(f.date, lang)} (${t.certaintyWord[f.certainty]})` : t.titleUnknownDate);
  const start = last.start.date ? fact(last.start) : last.start.notAfter ? `${formatDate(last.start.notAfter, lang)} (${t.certaintyWord.secondary})` : t.titleUnknownDate;
  const current = rncp.at(-1);
  const details = h("dl", { class: "title-facts" },
    title.level ? [h("dt", { text: t.titleLevel }), h("dd", { text: inLang(title.level, lang) })] : null,
    rncp.length ? [h("dt", { text: t.titleRncp }), h("dd", { text: rncp.join(", ") })] : null,
    [h("dt", { text: t.titleRegistration }), h("dd", { text: `${t.titleFrom} ${start} ${t.titleUntil} ${fact(last.end)}` })]);
  // The register's facts (level, fiches, dates, the data's age) wait in a disclosure: a person
  // starts with the title's name and the first question (issue 22). The printed sheet shows the
  // name; its dates are in the sheet's deadlines.
  const old = title.snapshot && (Date.parse(asOf) - Date.parse(title.snapshot)) / 86_400_000 > DATA_AGE_DAYS;
  return h("div", { class: "title-head" },
    h(headingLevel, { class: "title-name", id: "title-name", text: inLang(title.name, lang) }),
    h("details", { class: "about-title" },
      h("summary", { text: old ? t.aboutTitleDated(formatDate(title.snapshot, lang)) : t.aboutTitle }),
      details,
      !title.snapshot ? null
        : old
          ? h("p", { class: "notice data-age", text: t.dataAge(formatDate(title.snapshot, lang), monthsBetween(title.snapshot, asOf)) })
          : h("p", { class: "hint", text: t.titleSnapshot(formatDate(title.snapshot, lang)) }),
      current ? h("p", {}, h("a", { href: `https://www.francecompetences.fr/recherche/rncp/${current.replace(/^RNCP/, "")}/`, rel: "noopener", target: "_blank" },
        `${t.titleOfficial} (${current})`)) : null));
}

/** The route question. */
export function pathQuestion(ctx) {
  const t = TEXTS[ctx.lang];
  return h("fieldset", { class: "card q step", id: "q-path", "data-q": "path" },
    h("legend", { text: t.pathLegend }),
    h("div", { class: "choices" }, ["continuous", "vae", "discontinuous", "ccs"].map((p) => h("label", { class: "choice" },
      h("input", { type: "radio", name: "path", value: p, checked: ctx.answers.path === p, onchange: () => ctx.setPath(p) }),
      h("span", {}, h("strong", { text: t.path[p][0] }), h("small", { text: t.path[p][1] }))))),
    h("p", { class: "error", id: "path-error", hidden: true }));
}

/** A step of the guided flow: one small group of questions, shown alone where the calculator has
 * one column (calculator.js `applySteps`), all together beside the answer where it has two. */
const step = (...children) => h("div", { class: "step" }, ...children);

/** The questions of the chosen route, in two steps each; those that do not apply are not built at all. */
export function routeQuestions(ctx) {
  const t = TEXTS[ctx.lang];
  const a = ctx.answers;
  const q = t.q;
  let children = [];
  if (a.path === "continuous") {
    children = [step(
      yesNo(ctx, "coherent", q.coherent, t.help.coherent),
      dateInput(ctx, "trainingEnd", q.trainingEnd, t.help.trainingEnd),
    ), step(
      question("lastOutcome", { label: q.lastOutcome, input: h("select", { id: "lastOutcome", onchange: (e) => ctx.set("lastOutcome", e.target.value, { rebuild: true }) },
        Object.entries(t.lastOptions).map(([v, text]) => h("option", { value: v, selected: a.lastOutcome === v, text }))) }),
      a.lastOutcome ? dateInput(ctx, "lastDate", q.lastDate, t.help.lastDate) : null,
      a.lastOutcome ? yesNo(ctx, "newTraining", q.newTraining, t.help.newTraining) : null,
      // CCPs the jury awarded at that session count as held: the CCP route says what is left (R4).
      a.lastOutcome === "failed" ? yesNo(ctx, "awarded", q.awarded, t.help.awarded, { rebuild: true }) : null,
      a.lastOutcome === "failed" && a.awarded === "true" ? h("div", { class: "notice awarded" }, h("p", { text: t.awardedNotice }),
        h("button", { type: "button", class: "secondary", onclick: () => ctx.toHeld() }, t.awardedGo)) : null,
    )];
  } else if (a.path === "vae") {
    children = [step(
      yesNo(ctx, "related", q.related, t.help.related),
      h("div", { class: "row" }, numberInput(ctx, "months", q.months, 720), numberInput(ctx, "hours", q.hours, 120000)),
    ), step(
      dateInput(ctx, "applied", q.applied, t.help.applied),
      dateInput(ctx, "admissible", q.admissible, t.help.admissible),
    )];
  } else if (a.path === "discontinuous") {
    children = [step(
      h("p", { class: "hint", id: "held-hint", text: t.heldHint }),
      h("ol", { class: "held-list" }, a.held.map((row, i) => heldRow(ctx, row, i))),
      h("button", { type: "button", class: "secondary", id: "add-held", onclick: () => ctx.addHeld() }, `+ ${t.addHeld}`),
      h("details", { class: "help-more" }, h("summary", { text: t.dontKnowTitle }), h("p", { text: t.help.held })),
    ), step(yesNo(ctx, "heldCoherent", q.heldCoherent, t.help.heldCoherent))];
  } else if (a.path === "ccs") {
    const ccs = ctx.title.ccs ?? [];
    children = [step(
      dateInput(ctx, "titleObtained", q.titleObtained, t.help.titleObtained),
      ccs.length
        ? question("ccs", { label: q.ccs, input: h("select", { id: "ccs", onchange: (e) => ctx.set("ccs", e.target.value) },
          h("option", { value: "", text: "—" }), ccs.map((c) => h("option", { value: c.id, selected: a.ccs === c.id, text: inLang(c.name, ctx.lang) }))) })
        : h("p", { class: "hint", text: t.ccsNone }),
    ), step(
      yesNo(ctx, "ccsCoherent", q.ccsCoherent, t.help.ccsCoherent),
      numberInput(ctx, "ccsMonths", q.ccsMonths, 720),
    )];
  } else {
    return null;
  }
  return h("fieldset", { class: "card route", id: "route" }, h("legend", { text: t.routeLegend[a.path] }), children);
}

/** The versions that may have been in force on `date` (rules.md R6, R12): those that may have
 * started by then and surely not ended, from the newest one surely started by then (a newer fiche
 * takes over on a day both cover). One: the date tells the version. Several: the date falls in a
 * band our data cannot settle, and the person's livret says which. None: we cannot tell. */
export function versionsOn(versions, date) {
  const earliest = (v) => v.start.date ?? v.start.notBefore ?? null;
  const latest = (v) => v.start.date ?? v.start.notAfter ?? null;
  // A version ends on its own end date, or else when the next one has surely begun.
  const ended = (v, k) => (v.end ? v.end.date ?? v.end.notAfter ?? null : versions[k + 1] ? latest(versions[k + 1]) : null);
  const maybe = versions.filter((v, k) => earliest(v) && earliest(v) <= date && (!ended(v, k) || date <= ended(v, k)));
  const started = maybe.filter((v) => latest(v) && latest(v) <= date).at(-1);
  return started ? maybe.slice(maybe.indexOf(started)) : maybe;
}

/** One held CCP: the date first; the version only where the date does not tell it (in words: "your
 * livret names the version"), or from a list where our data cannot place the date; then the CCP of
 * that version (or "a CCP of this version" when its list is not in our data). */
function heldRow(ctx, row, i) {
  const t = TEXTS[ctx.lang];
  const versions = ctx.title.versions;
  const id = `held-${row.seq}`;
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(row.obtained);
  const candidates = dated ? versionsOn(versions, row.obtained) : [];
  const named = versions.find((v) => v.id === row.version) ?? versions.find((v) => v.ccps.some((c) => c.id === row.ccp));
  const version = candidates.length === 1 ? candidates[0]
    : candidates.length > 1 ? candidates.find((v) => v === named) ?? null
      : named ?? versions.at(-1);
  const years = (v, k) => {
    const start = v.start.date ?? v.start.notBefore ?? v.start.notAfter;
    const end = v.end?.date ?? versions[k + 1]?.start.date ?? versions[k + 1]?.start.notAfter;
    return `${start ? start.slice(0, 4) : "…"}–${end ? end.slice(0, 4) : ""}`;
  };
  const ccpLabel = (c) => (c.placeholder ? t.placeholderCcp : inLang(c.name, ctx.lang));
  const pick = (v) => ctx.setHeld(row.seq, { version: v, ccp: "" }, { rebuild: true });
  let which;
  if (candidates.length === 1) {
    which = h("p", { class: "hint", id: `${id}-version`, text: t.heldVersionOn(version.id) });
  } else if (candidates.length > 1) {
    which = h("fieldset", { class: "field" }, h("legend", { text: t.heldWhichVersion(candidates.map((v) => v.id).join(t.or)) }),
      h("div", { class: "options" }, candidates.map((v) => h("label", {}, h("input", {
        type: "radio", name: `${id}-version`, value: v.id, checked: v === version, onchange: () => pick(v.id),
      }), ` ${v.id} · ${inLang(v.name, ctx.lang)}`))));
  } else {
    which = h("div", { class: "field" }, h("label", { for: `${id}-version`, text: t.heldVersion }),
      h("select", { id: `${id}-version`, onchange: (e) => pick(e.target.value) },
        versions.map((v, k) => h("option", { value: v.id, selected: v.id === version.id, text: `${v.id} (${years(v, k)}) · ${inLang(v.name, ctx.lang)}` }))));
  }
  return h("li", { class: "held-row", "data-seq": row.seq },
    h("fieldset", { class: "q", "data-q": `held-${i}` }, h("legend", { class: "held-legend", text: t.heldN(i + 1) }),
      h("div", { class: "field" }, h("label", { for: `${id}-obtained`, text: t.heldDate }),
        h("input", { type: "date", id: `${id}-obtained`, value: row.obtained, min: "2002-12-14", max: "2099-12-31",
          oninput: (e) => ctx.setHeld(row.seq, { obtained: e.target.value }),
          // The date may tell another version: the questions below follow it.
          onchange: (e) => ctx.setHeld(row.seq, { obtained: e.target.value }, { rebuild: true }) })),
      which,
      h("div", { class: "field" }, h("label", { for: `${id}-ccp`, text: t.heldCcp }),
        h("select", { id: `${id}-ccp`, disabled: !version, onchange: (e) => ctx.setHeld(row.seq, { version: version.id, ccp: e.target.value }) },
          h("option", { value: "", text: version ? t.chooseCcp : t.chooseVersionFirst }),
          (version?.ccps ?? []).map((c) => h("option", { value: c.id, selected: c.id === row.ccp, text: ccpLabel(c) })))),
      h("p", { class: "error", id: `${id}-error`, hidden: true }),
      h("button", { type: "button", class: "link", onclick: () => ctx.removeHeld(row.seq) }, t.remove)));
}

/** The evaluation date: today, or another date for an adviser. */
export function asOfQuestion(ctx) {
  const t = TEXTS[ctx.lang];
  return h("details", { class: "card asof", open: ctx.asOf !== ctx.today },
    h("summary", {}, `${t.asOfSummary} `, h("span", { text: ctx.asOf === ctx.today ? `${t.today} (${formatDate(ctx.today, ctx.lang)})` : formatDate(ctx.asOf, ctx.lang) })),
    h("div", { class: "q field", "data-q": "asOf" }, h("label", { for: "asOf", text: t.asOfLabel }),
      h("input", { type: "date", id: "asOf", value: ctx.asOf, min: "2002-12-14", max: "2099-12-31", onchange: (e) => ctx.setAsOf(e.target.value) }),
      h("p", { class: "error", id: "asOf-error", hidden: true }),
      h("button", { type: "button", class: "link", onclick: () => ctx.setAsOf(ctx.today) }, t.asOfToday)));
}

/** The outcome's word (`t.status[…]`): "cannot tell" splits into a question left to answer and
 * data we lack (nothing left to ask). */
export const statusKey = (report) => (report.status === "undetermined" && report.missing.length === 0 ? "unknownData" : report.status);

/** The outcome in one line, its word and the answer's first sentence: the answer bar, and the line
 * above a step's buttons. */
export function outcomeLine(report, lang) {
  const t = TEXTS[lang];
  return [h("strong", { class: `bar-status s-${report.status}`, text: t.status[statusKey(report)] }), " — ", firstSentence(answerText(report, lang))];
}

/** The guided flow's progress ("Étape 2 sur 4", and a track of as many marks), above the step. */
export function stepProgress(lang, index, count) {
  const t = TEXTS[lang];
  return [h("p", { class: "step-progress", tabindex: "-1", text: t.stepOf(index + 1, count) }),
    h("div", { class: "step-track", "aria-hidden": "true" }, Array.from({ length: count }, (_, i) => h("span", { class: i <= index ? "done" : null })))];
}

/** The guided flow's buttons, below the step: back, and on (to the result from the last question). */
export function stepButtons(ctx, index, count) {
  const t = TEXTS[ctx.lang];
  return [index > 0 ? h("button", { type: "button", class: "secondary", onclick: () => ctx.goStep(index - 1) }, t.stepPrevious) : null,
    index < count - 1 ? h("button", { type: "button", class: "primary", onclick: () => ctx.nextStep() }, index === count - 2 ? t.stepResult : t.stepNext) : null].filter(Boolean);
}

/** The guided flow's last step, below the answer: the answers in words, each with a way back to its question. */
export function recap(ctx, rows) {
  const t = TEXTS[ctx.lang];
  return h("section", { class: "card recap", "aria-labelledby": "recap-title" }, h("h2", { id: "recap-title", text: t.inputsTitle }),
    h("dl", {}, rows.flatMap(([label, value, key]) => [h("dt", { text: label }), h("dd", {}, h("span", { text: value }), key
      ? h("button", { type: "button", class: "link", onclick: () => ctx.change(key) }, t.recapChange, h("span", { class: "visually-hidden", text: ` — ${label}` }))
      : null)])));
}

function section(title, ...content) {
  return h("section", { class: "block" }, h("h3", { text: title }), ...content);
}

/** A block left off the printed sheet, which keeps to one A4 page. */
const screenOnly = (el) => { el.classList.add("screen-only"); return el; };

/** The answer: the outcome first (with what is left and the key deadline, in the core's words),
 * how sure it is (a line; who can confirm, on demand), what to do, then the details and the reasons. */
export function answer(ctx, report) {
  const t = TEXTS[ctx.lang];
  const lang = ctx.lang;
  const status = statusKey(report);
  const parts = [];
  const weakest = report.restsOn.map((i) => report.explanation[i]).filter((s) => s.certainty === report.certainty && s.certainty !== "official");
  const askFranceVae = report.contact.kind === "franceVae";
  parts.push(h("div", { class: `outcome s-${report.status}`, part: "outcome" },
    h("p", { class: "status" }, h("span", { class: "status-word", text: t.status[status] })),
    h("p", { class: "summary", text: answerText(report, lang) }),
    // How sure, and who confirms: one line, the rest on demand (the summary already says it).
    report.status !== "undetermined" && report.certainty !== "official" ? h("details", { class: "certainty" },
      h("summary", {}, h("strong", { text: t.labelled(t.certaintyTitle) }), t.certaintyWord[report.certainty]),
      h("p", { text: t.certaintyMeans[report.certainty] }),
      weakest.length ? screenOnly(h("div", {}, h("p", { text: t.certaintyWeakest }), h("ul", {}, weakest.map((s) => h("li", { text: s[lang] }))))) : null,
      h("p", {}, h("strong", { text: t.certaintyAsk }), " ", askFranceVae ? t.franceVae : t.dreets))
      : null));
  if (ctx.ways) {
    const first = (r) => firstSentence(inLang(r.answer, lang));
    parts.push(section(t.bothWaysTitle, h("ul", { class: "both-ways" }, [[t.ifYes, ctx.ways[0]], [t.ifNo, ctx.ways[1]]].map(([label, r]) =>
      h("li", {}, h("strong", { text: t.labelled(label) }), h("span", { class: `s-${r.status}` }, h("strong", { class: "status-way", text: t.status[r.status] })), " — ", first(r))))));
  }
  // What to do comes right after the answer (issue 22: at most 120 words before it).
  if (report.nextSteps.length) parts.push(section(t.nextTitle, h("ul", {}, report.nextSteps.map((s) => h("li", { text: inLang(s, lang) })))));
  if (report.missing.length) {
    parts.push(section(t.missingTitle, h("ul", {}, report.missing.map((m) => {
      const target = ctx.questionFor(m);
      const label = ctx.labelFor(m);
      return h("li", {}, target ? h("a", { href: `#${target}`, onclick: (e) => { e.preventDefault(); ctx.focus(target); } }, label) : label);
    }))));
  }
  if (report.unknowns.length) {
    parts.push(section(t.unknownTitle, h("ul", {}, report.unknowns.map((u) =>
      h("li", {}, inLang(u.what, lang), h("span", { class: "ask" }, ` → ${t.ask} ${inLang(u.ask, lang)}`))))));
  }
  if (report.status !== "eligible" && report.otherRoutes.length) {
    const routes = report.otherRoutes.filter((r) => r.status !== "notEligible");
    if (routes.length) {
      // Why "no" here and "open" there: the no is the chosen route's; each route has its conditions.
      parts.push(section(t.otherTitle, report.status === "notEligible" ? h("p", { class: "other-why", text: t.otherWhy(t.route[report.path]) }) : null,
        h("ul", { class: "other-routes" }, routes.map((r) => h("li", {},
        h("strong", { text: `${t.route[r.path]} — ${r.status === "eligible" ? t.otherOpen : t.otherMaybe}` }),
        h("p", { text: inLang(r.summary, lang) }),
        h("button", { type: "button", class: "secondary", onclick: () => ctx.setPath(r.path, { focus: true }) }, t.otherSee))))));
    }
  }
  if (report.held.length) {
    // "(2016, obtenu le …)", without the version when the CCP's name already says it (a placeholder).
    const detail = (name, c) => [name.endsWith(`(${c.version})`) ? null : c.version, `${t.obtained} ${formatDate(c.obtained, lang)}`].filter(Boolean).join(", ");
    parts.push(section(t.heldTitle, h("ul", { class: "held-status" }, report.held.map((c) => h("li", {},
      h("span", { class: `pill p-${c.status}`, text: t.ccpStatus[c.status] }), " ",
      h("strong", { text: ctx.ccpName(c.ccp) }), ` (${detail(ctx.ccpName(c.ccp), c)})`,
      c.countsAs.length && c.countsAs.join() !== c.ccp ? h("span", {}, ` — ${t.countsAs} ${c.countsAs.map((id) => ctx.ccpName(id)).join(", ")}`) : null,
      h("br"), h("small", { text: inLang(c.reason, lang) }))))));
  }
  if (report.status !== "notEligible" && report.path !== "ccs") {
    const remaining = !report.remainingKnown ? h("p", { text: t.remainingUnknown })
      : report.remaining.length ? h("ul", {}, report.remaining.map((id) => h("li", { text: ctx.ccpName(id) })))
      : h("p", { text: t.remainingNone });
    // A session titre assesses the whole title: its CCPs are not "left" to a candidate (VAE, training).
    const session = report.path === "vae" || report.path === "continuous";
    parts.push(section(session ? t.coveredTitle : t.remainingTitle, remaining));
  }
  if (report.deadlines.length) {
    const dated = report.deadlines.some((d) => d.date);
    parts.push(section(t.timelineTitle, timeline(lang, report),
      dated ? screenOnly(h("p", {}, h("button", { type: "button", class: "secondary calendar", onclick: () => ctx.saveCalendar(report) }, t.calendar))) : null));
  }
  if (report.sessions.length) parts.push(screenOnly(section(t.sessionsTitle, h("ul", {}, report.sessions.map((s) => h("li", { text: inLang(s.label, lang) }))))));
  if (report.assessment.length) parts.push(screenOnly(section(t.juryTitle, h("ul", {}, report.assessment.map((a) => h("li", { text: inLang(a.label, lang) }))))));
  if (report.document) parts.push(section(t.documentTitle, h("p", { text: inLang(report.document.label, lang) })));
  if (report.notes.length) parts.push(screenOnly(section(t.notesTitle, h("ul", {}, report.notes.map((s) => h("li", { text: inLang(s, lang) }))))));
  parts.push(links(ctx, report));
  parts.push(h("details", { class: "block why" }, h("summary", { text: t.whyTitle }),
    h("ol", {}, report.explanation.map((step, i) => h("li", { class: report.restsOn.includes(i) ? "rests-on" : null },
      h("p", { class: "step-head" }, h("span", { class: "rule", text: `${t.rule} ${step.rule}` }), ` · ${t.verdict[step.verdict]} · ${t.certaintyWord[step.certainty]}`,
        report.restsOn.includes(i) ? h("span", { class: "rests" }, ` · ${t.restsOn}`) : null),
      h("p", { text: step[lang] }),
      h("ul", { class: "sources" }, step.sources.map((s) => h("li", {}, t.labelled(t.source),
        s.url ? h("a", { href: s.url, rel: "noopener", target: "_blank", text: s[lang] }) : s[lang]))))))));
  return parts;
}

/** The answer without its "yes" or "no" (the status says it), from the report's own field: it
 * starts lower-case after a "yes", and is capitalised here. */
function answerText(report, lang) {
  const rest = inLang(report.answer, lang) ?? "";
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function links(ctx, report) {
  const t = TEXTS[ctx.lang];
  const rncp = ctx.title.versions.map((v) => v.rncp).filter(Boolean).at(-1);
  const items = [];
  if (rncp) items.push([`https://www.francecompetences.fr/recherche/rncp/${rncp.replace(/^RNCP/, "")}/`, t.links.rncp]);
  if (report.path === "vae") items.push(["https://vae.gouv.fr/", t.links.vae]);
  items.push(["https://lannuaire.service-public.fr/", t.links.dreets]);
  const block = section(t.linksTitle, h("ul", {}, items.map(([href, text]) => h("li", {}, h("a", { href, rel: "noopener", target: "_blank", text })))));
  block.classList.add("links");
  return block;
}

/** The deadlines on a vertical date axis: spacing follows time, year ticks mark the scale. */
function timeline(lang, report) {
  const t = TEXTS[lang];
  const time = (iso) => Date.parse(`${iso}T00:00:00Z`);
  const dated = report.deadlines.filter((d) => d.date);
  const points = [{ asOf: true, date: report.asOf }, ...dated].sort((a, b) => time(a.date) - time(b.date));
  const first = time(points[0].date);
  const last = time(points.at(-1).date);
  const span = Math.max(last - first, 1);
  for (let year = new Date(first).getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= last; year++) points.push({ tick: year, date: `${year}-01-01` });
  points.sort((a, b) => time(a.date) - time(b.date) || (a.tick ? -1 : 1));
  let previous = first;
  const items = points.map((p) => {
    const gap = (time(p.date) - previous) / span;
    previous = time(p.date);
    const item = p.tick ? h("li", { class: "tick", "aria-hidden": "true", text: String(p.tick) })
      : p.asOf ? h("li", { class: "point asof" }, h("span", { class: "when", text: formatDate(p.date, lang) }), h("span", { class: "what", text: t.timelineAsOf }))
      : h("li", { class: `point t-${p.certainty}` }, h("span", { class: "when", text: formatDate(p.date, lang) }),
        h("span", { class: "what" }, inLang(p.label, lang), h("small", { text: ` (${t.certaintyWord[p.certainty]})` }),
          p.condition ? h("small", { class: "condition", text: ` — ${inLang(p.condition, lang)}` }) : null));
    item.style.marginTop = `${(0.25 + gap * 8).toFixed(2)}rem`;
    return item;
  });
  const unknown = report.deadlines.filter((d) => !d.date);
  return h("div", { class: "timeline-wrap" }, h("ol", { class: "timeline" }, items),
    unknown.length ? h("ul", { class: "timeline-unknown" }, unknown.map((d) => h("li", {}, t.labelled(t.unknownDate), inLang(d.label, lang)))) : null,
    h("p", { class: "legend", text: t.timelineLegend }));
}

/** What only the printed sheet shows: when, the answers in words, the link, the rules version. */
export function printSheet(lang, { rows, link, rulesVersion, today }) {
  const t = TEXTS[lang];
  return h("div", { class: "print-only" },
    h("p", { text: `${t.printedOn} ${formatDate(today, lang)} · ${t.footRules} ${rulesVersion}` }),
    h("h3", { text: t.inputsTitle }),
    h("dl", { class: "print-answers" }, rows.flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })])),
    // The way back to the live answer: a QR code (drawn once the answer has settled: qr.js) and the
    // site's short address, not a link of 300 characters no one types.
    h("div", { class: "print-back" }, h("div", { class: "print-qr", "data-link": link }),
      h("p", { class: "print-link", text: `${t.printLink} ${shortAddress(link)}` })));
}
