// The calculator: one instance per page, iframe or <tp-eligibility> element (any number per
// document: all state lives in the instance). Data goes one way: the person's answers (model.js)
// make a situation, the rules core (engine.js) makes a report, the view (view.js) shows it. It
// never re-implements a rule: every value shown comes from the report.

import { TEXTS, formatDate } from "./i18n.js";
import { heldRow, situationFrom, answersFrom, questionOf, todayIso } from "./model.js";
import { shareUrl, fragment } from "./share.js";
import * as engine from "./engine.js";
import { calendar, download } from "./calendar.js";
import { drawQr } from "./qr.js";
import { h, inLang, versionsOn, titleHeader, pathQuestion, routeQuestions, asOfQuestion, answer, printSheet, stepProgress, stepButtons, recap, outcomeLine, statusKey } from "./view.js";

/** How long answers must rest before a result is reported to a host (a "settled" answer). */
const SETTLE_MS = 600;

/** Steps of every route's questions in the guided flow (view.js `routeQuestions`): the count of
 * steps said before a route is chosen. */
const ROUTE_STEPS = 2;

export class Calculator {
  /**
   * @param {HTMLElement} root where to build the calculator (a <div> of the page, or a shadow root's)
   * @param {object} options lang (a language whose catalogue is loaded), mode ("page" | "frame" | "element"), title (data),
   *   situation (answers to start from, checked), asOf, path, pageUrl (for share links),
   *   onReport(report) for settled answers, onTitle(title), onLang(lang), notices (texts to show)
   */
  constructor(root, options) {
    this.root = root;
    this.options = options;
    this.lang = options.lang;
    this.mode = options.mode ?? "page";
    this.title = options.title;
    this.rulesVersion = engine.builtin().rulesVersion;
    this.today = todayIso();
    this.seq = 0;
    this.answers = answersFrom(options.situation, () => this.seq++);
    if (!this.answers.path && ["continuous", "vae", "discontinuous", "ccs"].includes(options.path)) this.answers.path = options.path;
    if (this.answers.path === "discontinuous" && this.answers.held.length === 0) this.answers.held.push(heldRow(this.seq++));
    this.asOf = options.asOf || this.today;
    // The guided flow starts at the route's first question when a host chose the route.
    this.step = this.answers.path ? 1 : 0;
    this.touched = new Set();
    this.report = null;
    this.lastReported = null;
    this.notices = options.notices ?? [];
    this.build();
    this.update();
    if (options.situation) this.toResult();
  }

  get t() {
    return TEXTS[this.lang];
  }

  // ---------- building ----------
  build() {
    const t = this.t;
    this.root.lang = this.lang;
    this.root.classList.add("tp-calc");
    this.notice = h("div", { class: "banner", role: "status", hidden: this.notices.length === 0 }, this.notices.map((n) => h("p", { text: n })));
    this.titleBox = h("section", { class: "card title-box", "aria-labelledby": "title-name", part: "title" });
    this.form = h("form", { class: "questions", novalidate: true, onsubmit: (e) => e.preventDefault() });
    this.progress = h("div", { class: "flow-head" });
    this.recapBox = h("div");
    this.nav = h("div", { class: "flow-buttons" });
    this.flowOutcome = h("div", { class: "flow-outcome", hidden: true });
    this.answerBox = h("div", { class: "answer-content" });
    this.live = h("div", { class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
    this.answerSection = h("section", { class: "answer card", id: "answer", tabindex: "-1", "aria-labelledby": "answer-title", part: "answer" },
      h("h2", { id: "answer-title", text: t.resultTitle }), this.answerBox,
      this.actions = h("div", { class: "actions" }),
      this.printBox = h("div"));
    this.bar = h("div", { class: "answer-bar", role: "region", "aria-label": t.barLabel, hidden: true, part: "answer-bar" });
    this.layout = h("div", { class: "layout" }, this.form, this.answerSection);
    // The live region says each new outcome, wherever the answer is (shown or waiting for its step).
    this.root.replaceChildren(this.notice, this.titleBox, this.layout, this.bar, this.live);
    this.resizer?.disconnect();
    this.stepping = null;
    this.renderTitle();
    this.renderForm();
    // On a narrow screen, the answer bar shows the answer whenever the answer itself is out of view.
    this.observer?.disconnect();
    this.answerVisible = false;
    if (typeof IntersectionObserver === "function") {
      // In view means the outcome shows (the answer's, or the line above a step's buttons), not
      // only a top edge: the bottom 120 px do not count. The step's buttons crossing that band may
      // meet the bar (fitBar).
      const seen = new Map();
      this.observer = new IntersectionObserver((entries) => {
        for (const e of entries) seen.set(e.target, e.isIntersecting);
        this.answerVisible = Boolean(seen.get(this.answerSection) || seen.get(this.flowOutcome));
        this.renderBar();
      }, { rootMargin: "0px 0px -120px 0px" });
      for (const el of [this.answerSection, this.flowOutcome, this.nav]) this.observer.observe(el);
    }
    // A field taking the focus (or leaving it) may sit where the bar is.
    this.form.addEventListener("focusin", () => this.renderBar());
    this.form.addEventListener("focusout", () => setTimeout(() => this.renderBar(), 0));
    // One column or two follows the calculator's width (a phone turned, a window resized).
    if (typeof ResizeObserver === "function") {
      this.resizer = new ResizeObserver(() => { if (this.oneColumn() !== this.stepping) this.applySteps(); });
      this.resizer.observe(this.layout);
    }
  }

  renderTitle() {
    const t = this.t;
    const input = h("input", {
      type: "text", id: "title-input", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
      "aria-controls": "title-list", "aria-describedby": "title-hint", autocomplete: "off", spellcheck: "false",
      value: "", placeholder: inLang(this.title.name, this.lang),
    });
    const list = h("ul", { id: "title-list", role: "listbox", class: "title-list", hidden: true, "aria-label": t.titleLabel });
    const status = h("p", { class: "visually-hidden", "aria-live": "polite" });
    this.combo = { input, list, status, items: [], active: -1 };
    input.addEventListener("input", () => this.searchTitles());
    input.addEventListener("focus", () => { engine.titleIndex().catch(() => {}); });
    input.addEventListener("keydown", (e) => this.comboKey(e));
    input.addEventListener("blur", () => setTimeout(() => this.closeList(), 150));
    this.titleBox.replaceChildren(
      titleHeader(this.lang, this.title, "h2", this.asOf),
      h("div", { class: "field combo" }, h("label", { for: "title-input", text: t.titleLabel }), input,
        h("p", { class: "hint", id: "title-hint", text: t.titleHint }), list, status));
  }

  /** Rebuilds the questions (the route's change them), keeping the focus where it was. */
  renderForm() {
    const active = this.root.getRootNode().activeElement;
    const where = active && this.form.contains(active)
      ? (active.id ? `#${CSS.escape(active.id)}` : active.name ? `[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]` : null)
      : null;
    this.form.replaceChildren(this.progress, pathQuestion(this), routeQuestions(this) ?? "", this.recapBox, asOfQuestion(this), this.flowOutcome, this.nav);
    this.applySteps();
    if (where) this.form.querySelector(where)?.focus();
  }

  // ---------- the guided flow ----------
  /** Whether the calculator has one column (a phone, a zoomed page, a sidebar). */
  oneColumn() {
    return getComputedStyle(this.layout).gridTemplateColumns.split(" ").length === 1;
  }

  /** On one column, one step at a time (issue 22, as the public simulators do): the route, each
   * small group of the route's questions, then the answer followed by a recap of the answers,
   * with the progress above and "Précédent / Suivant" below. On two columns, every question beside
   * the answer. */
  applySteps() {
    const on = this.oneColumn();
    this.stepping = on;
    const steps = [...this.form.querySelectorAll(".step")];
    const count = steps.length + 1 + (this.answers.path ? 0 : ROUTE_STEPS);
    this.step = Math.min(Math.max(this.step, 0), steps.length);
    const atResult = this.step === steps.length;
    steps.forEach((s, i) => { s.hidden = on && i !== this.step; });
    const route = this.form.querySelector(".route");
    if (route) route.hidden = on && !route.contains(steps[this.step] ?? null);
    this.form.querySelector(".asof").hidden = on && !atResult;
    const index = atResult ? count - 1 : this.step;
    this.progress.replaceChildren(...(on ? stepProgress(this.lang, index, count) : []));
    this.nav.replaceChildren(...(on ? stepButtons(this, index, count) : []));
    this.recapBox.replaceChildren(on && atResult ? recap(this, this.answerRows()) : "");
    // Under a step, the outcome in one line (a short page, a modest frame); the answer is the result.
    this.atResult = atResult;
    this.answerSection.classList.toggle("later", on && !atResult);
    this.renderFlowOutcome();
    // The result opens with the answer; the recap and the way back follow it.
    const first = on && atResult ? this.answerSection : this.form;
    if (this.layout.firstElementChild !== first) this.layout.prepend(first);
  }

  /** The outcome in one line above a step's buttons, while the answer waits for the result step. */
  renderFlowOutcome() {
    const show = Boolean(this.stepping && !this.atResult && this.report);
    this.flowOutcome.hidden = !show;
    this.flowOutcome.replaceChildren(show ? h("p", {}, ...outcomeLine(this.report, this.lang)) : "");
  }

  /** To step `index` (Infinity: the result), its top in view. */
  goStep(index) {
    this.step = index;
    this.applySteps();
    if (this.step === this.form.querySelectorAll(".step").length) return this.showAnswer();
    // The new step's top, where the person reads on, and the progress in focus (it says where they are).
    const top = this.form.getBoundingClientRect().top;
    if (top < (this.hostView?.top ?? 0)) this.bring(this.form);
    this.progress.querySelector(".step-progress")?.focus({ preventScroll: true });
  }

  /** On from a step; the route must be chosen first. */
  nextStep() {
    if (this.step === 0 && !this.answers.path) {
      const line = this.root.querySelector("#path-error");
      line.textContent = this.t.stepChoose;
      line.hidden = false;
      this.root.querySelector('input[name="path"]')?.focus();
      return;
    }
    this.goStep(this.step + 1);
  }

  /** A shared or prefilled answer opens on the result (when it is complete). */
  toResult() {
    if (!this.report) return;
    this.step = Infinity;
    this.applySteps();
  }

  /** The step holding `el` is shown (before `el` takes the focus). */
  reveal(el) {
    if (!this.stepping || !el) return;
    const steps = [...this.form.querySelectorAll(".step")];
    const at = el.closest(".asof") ? steps.length : steps.findIndex((s) => s.contains(el));
    if (at >= 0 && at !== this.step) {
      this.step = at;
      this.applySteps();
    }
  }

  /** "Modifier" in the recap: back to that question. */
  change(key) {
    const box = this.form.querySelector(`[data-q="${CSS.escape(key)}"]`);
    this.reveal(box);
    const input = box?.querySelector("input:checked") ?? box?.querySelector("input, select");
    this.bring(box ?? this.form);
    input?.focus({ preventScroll: true });
  }

  // ---------- answers ----------
  set(key, value, { rebuild = false } = {}) {
    this.answers[key] = value;
    this.touched.add(key);
    if (rebuild) this.renderForm();
    this.update();
  }

  setPath(path, { focus = false } = {}) {
    this.answers.path = path;
    if (path === "discontinuous" && this.answers.held.length === 0) this.answers.held.push(heldRow(this.seq++));
    this.renderForm();
    this.update();
    if (focus) this.focusOn(this.root.querySelector(`input[name="path"][value="${path}"]`));
  }

  /** Focus on a field, its step shown first (and the field in the middle of the screen, for a link
   * from the answer). */
  focusOn(el, { center = false } = {}) {
    this.reveal(el);
    if (center) el?.scrollIntoView?.({ block: "center" });
    el?.focus();
  }

  /** From a failed session where the jury awarded CCPs, to the CCP route: every answer kept, the
   * first CCP dated on that session, its choice in focus. */
  toHeld() {
    const a = this.answers;
    if (a.held.length === 0) a.held.push(heldRow(this.seq++));
    if (!a.held[0].obtained && a.lastDate) a.held[0].obtained = a.lastDate;
    if (a.heldCoherent == null && a.coherent != null) a.heldCoherent = a.coherent;
    this.setPath("discontinuous");
    this.focusOn(this.root.querySelector(`#held-${a.held[0].seq}-ccp`));
  }

  addHeld() {
    const row = heldRow(this.seq++);
    this.answers.held.push(row);
    this.renderForm();
    this.root.querySelector(`#held-${row.seq}-version`)?.focus();
    this.update();
  }

  removeHeld(seq) {
    const i = this.answers.held.findIndex((r) => r.seq === seq);
    this.answers.held.splice(i, 1);
    this.renderForm();
    const next = this.answers.held[Math.min(i, this.answers.held.length - 1)];
    this.root.querySelector(next ? `#held-${next.seq}-version` : "#add-held")?.focus();
    this.update();
  }

  setHeld(seq, values, { rebuild = false } = {}) {
    const row = this.answers.held.find((r) => r.seq === seq);
    Object.assign(row, values);
    // A date that tells another version than the CCP chosen: the CCP is asked again.
    const told = rebuild && "obtained" in values ? versionsOn(this.title.versions, row.obtained) : [];
    if (told.length === 1 && row.ccp && !told[0].ccps.some((c) => c.id === row.ccp)) row.ccp = "";
    this.touched.add("held");
    if (rebuild) this.renderForm();
    this.update();
  }

  setAsOf(value) {
    this.asOf = value || this.today;
    this.renderTitle();
    this.renderForm();
    this.update();
  }

  /** The printed sheet's QR code, once an answer has settled (www/qr.js, loaded then). */
  drawQr() {
    const box = this.printBox.querySelector(".print-qr");
    if (box) box.dataset.label = this.t.printQr;
    drawQr(box).catch(() => {}); // without it, the sheet still gives the site's address
  }

  /** The answer's dated deadlines as a calendar file, downloaded (www/calendar.js). */
  saveCalendar(report) {
    const t = this.t;
    const { text } = calendar(report, {
      lang: this.lang, title: inLang(this.title.name, this.lang), prefix: t.calendarPrefix,
      certainty: (c) => t.labelled(t.certaintyTitle) + t.certaintyWord[c],
    });
    download(text, `${this.title.code}-${report.asOf}.ics`);
  }

  /** Switches language: its catalogue of messages is loaded first (the page loads only the
   * visitor's language before its first result). */
  async setLang(lang) {
    try {
      await engine.loadLanguage(lang);
    } catch {
      return; // the language's messages cannot be read: the page stays as it is
    }
    this.lang = lang;
    this.build();
    this.update();
    this.options.onLang?.(lang);
  }

  async setTitle(entry) {
    const t = this.t;
    let title;
    try {
      title = await engine.loadTitle(entry.code);
    } catch {
      title = null;
    }
    if (!title) {
      this.combo.status.textContent = t.titleError;
      return;
    }
    this.title = title;
    // CCPs belong to a title: those of another title are dropped.
    this.answers.held = this.answers.held.filter((r) => title.versions.some((v) => v.ccps.some((c) => c.id === r.ccp)));
    if (this.answers.path === "discontinuous" && this.answers.held.length === 0) this.answers.held.push(heldRow(this.seq++));
    this.answers.ccs = "";
    this.renderTitle();
    this.renderForm();
    this.combo.status.textContent = t.titleChosen(inLang(title.name, this.lang));
    this.root.querySelector("#title-input")?.focus();
    this.update();
    this.options.onTitle?.(title);
  }

  // ---------- the title picker (ARIA combobox with a list box) ----------
  async searchTitles() {
    const { input, list, status } = this.combo;
    const query = input.value;
    if (!query.trim()) return this.closeList();
    status.textContent = this.t.titleLoading;
    let index;
    try {
      index = await engine.titleIndex();
    } catch {
      status.textContent = this.t.titleError;
      return;
    }
    if (input.value !== query) return;
    const found = engine.search(index, query);
    this.combo.items = found;
    this.combo.active = -1;
    input.removeAttribute("aria-activedescendant");
    list.replaceChildren(...found.map((entry, i) => h("li", {
      id: `title-option-${i}`, role: "option", "aria-selected": "false", class: "title-option",
      onmousedown: (e) => { e.preventDefault(); this.pick(i); },
    }, h("span", { text: inLang(entry.name, this.lang) }),
      entry.former ? h("small", { text: ` (${this.t.titleFormerly(inLang(entry.former, this.lang))})` }) : null,
      h("small", { text: ` · ${[entry.code, ...entry.rncp.slice(-1)].join(" · ")}${entry.end && entry.end < this.asOf ? ` · ${this.t.titleEnded(formatDate(entry.end, this.lang))}` : ""}` }))));
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", String(found.length > 0));
    status.textContent = found.length ? this.t.titleCount(found.length) : this.t.titleNone;
  }

  comboKey(e) {
    const c = this.combo;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (c.list.hidden) return;
      e.preventDefault();
      const n = c.items.length;
      c.active = e.key === "ArrowDown" ? (c.active + 1) % n : (c.active - 1 + n) % n;
      [...c.list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === c.active)));
      c.input.setAttribute("aria-activedescendant", `title-option-${c.active}`);
      c.list.children[c.active]?.scrollIntoView?.({ block: "nearest" });
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!c.list.hidden && c.items.length) this.pick(Math.max(c.active, 0));
    } else if (e.key === "Escape") {
      if (!c.list.hidden) { e.preventDefault(); this.closeList(); } else c.input.value = "";
    }
  }

  pick(i) {
    const entry = this.combo.items[i];
    this.closeList();
    this.combo.input.value = "";
    if (entry) this.setTitle(entry);
  }

  closeList() {
    const c = this.combo;
    c.list.hidden = true;
    c.input.setAttribute("aria-expanded", "false");
    c.input.removeAttribute("aria-activedescendant");
  }

  // ---------- evaluation ----------
  situation() {
    return situationFrom(this.answers, { asOf: this.asOf, title: this.title.code });
  }

  update() {
    const { situation, pending } = this.situation();
    let report = null;
    let error = null;
    if (situation.path && !pending.length) {
      try {
        report = engine.report(situation, this.title);
      } catch (e) {
        error = e;
      }
    }
    this.report = report;
    this.ways = this.bothWays(situation, report);
    this.showErrors(error);
    this.renderAnswer(situation, report, error, pending);
    if (this.mode === "page") {
      history.replaceState(null, "", situation.path ? `${location.pathname}${location.search}${fragment(situation, { rulesVersion: this.rulesVersion, lang: this.lang, keepDate: this.asOf !== this.today })}` : `${location.pathname}${location.search}`);
    }
    clearTimeout(this.settle);
    const turn = (this.turn = (this.turn ?? 0) + 1);
    if (report && !this.options.onReport) this.settle = setTimeout(() => this.drawQr(), SETTLE_MS);
    if (report && this.options.onReport) {
      // A host reads the report's texts in every language (summary.fr, summary.en…).
      this.settle = setTimeout(async () => {
        this.drawQr();
        await engine.loadEveryLanguage().catch(() => {});
        if (turn !== this.turn) return;
        const full = engine.report(situation, this.title);
        const key = JSON.stringify(full);
        if (key !== this.lastReported) {
          this.lastReported = key;
          this.options.onReport(full);
        }
      }, SETTLE_MS);
    }
  }

  /** Each error sits on its question, in words: the field's name, what to change. */
  showErrors(error) {
    for (const el of this.root.querySelectorAll(".error")) { el.hidden = true; el.textContent = ""; }
    for (const el of this.root.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      const ids = (el.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => !id.endsWith("-error"));
      if (ids.length) el.setAttribute("aria-describedby", ids.join(" ")); else el.removeAttribute("aria-describedby");
    }
    if (!error) return;
    const target = this.inputFor(error.field);
    const line = target?.line;
    if (line) {
      line.textContent = this.message(error);
      line.hidden = false;
    }
    for (const input of target?.inputs ?? []) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), line?.id].filter(Boolean).join(" "));
    }
  }

  message(error) {
    return error[this.lang] ?? String(error.message ?? error);
  }

  /** The inputs and the error line of a contract path. */
  inputFor(field) {
    const q = questionOf(field ?? "", this.answers.path);
    if (!q) return null;
    if (q.key === "held") {
      const row = this.answers.held[q.index];
      if (!row) return null;
      const which = /\.ccp$/.test(field) ? "ccp" : /\.obtained$/.test(field) ? "obtained" : "version";
      return { inputs: [this.root.querySelector(`#held-${row.seq}-${which}`)].filter(Boolean), line: this.root.querySelector(`#held-${row.seq}-error`), id: `held-${row.seq}-${which}` };
    }
    const box = this.root.querySelector(`[data-q="${q.key}"]`);
    if (!box) return null;
    const inputs = [...box.querySelectorAll("input, select")];
    return { inputs, line: box.querySelector(".error"), id: inputs[0]?.id || null };
  }

  /** The element id to go to for a missing input, and its label in words. */
  questionFor(field) {
    return this.inputFor(field)?.id ?? null;
  }

  labelFor(field) {
    const q = questionOf(field, this.answers.path);
    return (q && this.t.q[q.key]) ?? field;
  }

  focus(id) {
    this.focusOn(this.root.querySelector(`#${CSS.escape(id)}`), { center: true });
  }

  ccpName(id) {
    for (const v of this.title.versions) {
      const c = v.ccps.find((x) => x.id === id);
      if (c) return c.placeholder ? `${this.t.placeholderCcp} (${v.id})` : inLang(c.name, this.lang);
    }
    return id;
  }

  renderAnswer(situation, report, error, pending) {
    const t = this.t;
    let parts;
    if (!situation.path) {
      parts = [h("p", { class: "placeholder", text: t.placeholder })];
    } else if (pending.length) {
      parts = [h("div", { class: "outcome s-undetermined" }, h("p", { class: "status" }, h("span", { class: "status-word", text: t.status.undetermined })),
        h("p", { text: t.pendingTitle }), h("ul", {}, pending.map((p) => h("li", { text: p.kind === "lastDate" ? t.pendingDate : t.pendingHeld(p.n) }))))];
    } else if (error) {
      const target = this.inputFor(error.field);
      parts = [h("div", { class: "outcome s-error", role: "alert" }, h("p", { class: "status" }, h("span", { class: "status-word", text: t.fixTitle })),
        h("p", {}, target?.id ? h("a", { href: `#${target.id}`, onclick: (e) => { e.preventDefault(); this.focus(target.id); } }, this.message(error)) : this.message(error)))];
    } else {
      parts = answer(this, report);
      if (!performance.getEntriesByName("tp-first-result").length) performance.mark("tp-first-result");
    }
    this.answerBox.replaceChildren(...parts);
    this.renderFlowOutcome();
    this.renderActions(situation, report);
    const status = report ? t.status[statusKey(report)] : null;
    const announce = report ? `${status}. ${report.summary[this.lang]}` : error ? `${t.fixTitle} ${this.message(error)}` : "";
    if (this.live.textContent !== announce) this.live.textContent = announce;
    this.renderBar();
  }

  /** Share and print work only on a current answer. */
  renderActions(situation, report) {
    const t = this.t;
    const ready = Boolean(report);
    const status = h("p", { class: "share-status", role: "status", text: ready ? "" : situation.path ? t.shareDisabled : "" });
    this.actions.replaceChildren(
      h("button", { type: "button", class: "primary", disabled: !ready, onclick: () => this.share(status) }, t.share),
      this.mode === "element" ? null : h("button", { type: "button", class: "secondary", disabled: !ready, onclick: () => window.print() }, t.print),
      status);
    this.printBox.replaceChildren(ready ? printSheet(this.lang, { rows: this.answerRows(), link: this.shareLink(situation), rulesVersion: this.rulesVersion, today: this.today }) : "");
  }

  /** When one yes/no answer is all that is missing ("I don't know"), the answer both ways, from two
   * evaluations: "if yes: …; if no: …" (issue 22), rather than asking the same question again. */
  bothWays(situation, report) {
    if (report?.status !== "undetermined" || report.missing.length !== 1) return null;
    const path = report.missing[0].split(".");
    if (!path.every((k) => /^[a-zA-Z]+$/.test(k))) return null;
    const ways = [true, false].map((value) => {
      const copy = structuredClone(situation);
      let o = copy;
      for (const k of path.slice(0, -1)) o = o[k] = o[k] && typeof o[k] === "object" ? o[k] : {};
      o[path.at(-1)] = value;
      try {
        return engine.report(copy, this.title);
      } catch {
        return null; // not a yes/no question
      }
    });
    return ways.every((r) => r && r.status !== "undetermined") ? ways : null;
  }

  /** In a host's iframe: the part of the frame the visitor sees (embed.js tells it on scroll). */
  setHostView({ top, height }) {
    if (!Number.isFinite(top) || !Number.isFinite(height)) return;
    this.hostView = { top, height };
    this.renderBar();
  }

  /** Whether the answer is in view: of the page, or of the host's window around the frame. */
  answerInView() {
    if (!this.hostView) return this.answerVisible;
    const r = this.answerSection.getBoundingClientRect();
    const { top, height } = this.hostView;
    return r.top < top + height - 48 && r.bottom > top + 48;
  }

  /** "See the answer": the result step where there are steps, else the answer beside the questions. */
  toAnswer() {
    if (this.stepping) this.goStep(Infinity);
    else this.showAnswer();
  }

  showAnswer() {
    this.bring(this.answerSection);
    this.answerSection.focus({ preventScroll: true });
  }

  /** Scrolls `el` to the top of what the visitor sees: of the page, or of the host's window (in a
   * host's iframe, embed.js scrolls the host's page). */
  bring(el) {
    if (this.hostView && this.options.onShowAnswer) this.options.onShowAnswer(el.getBoundingClientRect().top + window.scrollY);
    else el.scrollIntoView({ block: "start" });
  }

  renderBar() {
    const t = this.t;
    const report = this.report;
    // Wherever the answer sits below the questions (one column: a phone, a zoomed page, a sidebar).
    const show = Boolean(report) && !this.answerInView() && this.oneColumn();
    this.bar.hidden = !show;
    if (!show) return;
    // One row: the outcome and the way to the answer, two lines at most (issue 22: 15 % of the screen).
    this.bar.replaceChildren(
      h("p", {}, ...outcomeLine(report, this.lang)),
      h("button", { type: "button", class: "primary", onclick: () => this.toAnswer() }, t.barSee));
    this.fitBar();
  }

  /** The bar gives way on a short screen (400 % zoom) where it would take over 15 % of the
   * height, and over the step's buttons; where it would cover the field being answered, the page
   * moves that field above it (WCAG 2.4.11: a focused field is never hidden). */
  fitBar() {
    if (this.bar.hidden) return;
    const view = this.hostView ?? { top: 0, height: window.innerHeight };
    // Two lines where they fit in 15 % of the screen, else one, else no bar.
    this.bar.classList.remove("compact");
    let height = this.bar.getBoundingClientRect().height;
    if (height > 0.15 * view.height) {
      this.bar.classList.add("compact");
      height = this.bar.getBoundingClientRect().height;
    }
    // In a frame taller than the screen, the bar sits at the bottom of what the visitor sees.
    this.bar.classList.toggle("floating", Boolean(this.hostView));
    if (this.hostView) this.bar.style.top = `${Math.max(0, view.top + view.height - height - 8)}px`;
    if (height > 0.15 * view.height) {
      this.bar.hidden = true;
      return;
    }
    const top = view.top + view.height - height;
    // Nor over the step's buttons (the outcome is then just below them).
    const nav = this.nav.getBoundingClientRect();
    if (nav.height && nav.bottom > top && nav.top < view.top + view.height) {
      this.bar.hidden = true;
      return;
    }
    const focused = this.root.getRootNode().activeElement;
    const field = focused && this.form.contains(focused) ? focused.getBoundingClientRect() : null;
    if (!field || field.bottom <= top || field.top >= view.top + view.height) return;
    if (this.hostView) this.bar.hidden = true; // the host's page scrolls, not the frame
    else window.scrollBy(0, field.bottom - top + 8);
  }

  shareLink(situation) {
    return shareUrl(this.options.pageUrl, situation, { rulesVersion: this.rulesVersion, lang: this.lang, keepDate: true });
  }

  async share(status) {
    const url = this.shareLink(this.situation().situation);
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = this.t.shareDone;
    } catch {
      status.replaceChildren(this.t.shareFallback, " ", h("input", { type: "text", readonly: true, value: url, class: "share-url", "aria-label": this.t.share }));
      status.querySelector("input").select();
    }
  }

  /** The answers given, in words: [label, value, the key of its question (`data-q`) or null]. */
  answerRows() {
    const t = this.t;
    const a = this.answers;
    const yn = (v) => (v === "true" ? t.yes : v === "false" ? t.no : v === "" ? t.dontKnow : null);
    const rows = [[t.titleRow, `${inLang(this.title.name, this.lang)} (${this.title.code})`, null], [t.asOfRow, formatDate(this.asOf, this.lang), null]];
    if (!a.path) return rows;
    rows.push([t.pathRow, t.route[a.path], "path"]);
    const add = (label, value, key) => { if (value) rows.push([label, value, key]); };
    const ask = (key, value) => add(t.q[key], value, key);
    const day = (v) => (v ? formatDate(v, this.lang) : null);
    if (a.path === "continuous") {
      ask("coherent", yn(a.coherent));
      ask("trainingEnd", day(a.trainingEnd));
      if (a.lastOutcome) {
        ask("lastOutcome", t.lastOptions[a.lastOutcome]);
        ask("lastDate", day(a.lastDate));
        ask("newTraining", yn(a.newTraining));
      }
    } else if (a.path === "vae") {
      ask("related", yn(a.related));
      ask("months", a.months);
      ask("hours", a.hours);
      ask("applied", day(a.applied));
      ask("admissible", day(a.admissible));
    } else if (a.path === "discontinuous") {
      a.held.forEach((r, i) => { if (r.ccp) add(t.heldN(i + 1), `${this.ccpName(r.ccp)} — ${t.obtained} ${day(r.obtained) ?? "?"}`, `held-${i}`); });
      ask("heldCoherent", yn(a.heldCoherent));
    } else if (a.path === "ccs") {
      ask("titleObtained", day(a.titleObtained));
      ask("ccs", inLang(this.title.ccs?.find((c) => c.id === a.ccs)?.name, this.lang) || a.ccs);
      ask("ccsCoherent", yn(a.ccsCoherent));
      ask("ccsMonths", a.ccsMonths);
    }
    return rows;
  }

  /** Answers given from outside (a host's prefill): checked, then shown. */
  prefill(situation) {
    this.answers = answersFrom(situation, () => this.seq++);
    if (this.answers.path === "discontinuous" && this.answers.held.length === 0) this.answers.held.push(heldRow(this.seq++));
    this.renderForm();
    this.update();
    this.toResult();
  }

  destroy() {
    this.observer?.disconnect();
    this.resizer?.disconnect();
    clearTimeout(this.settle);
  }
}
