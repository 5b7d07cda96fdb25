// The page's start: reads the address (language, title, share link), starts the rules core and
// mounts the calculator. With ?embed=1 the page runs inside a host's iframe (embed.js): it follows
// the host's theme, reports its height and each settled result to the host's origin only (or to
// any origin with ?results=*, in embed mode only), and accepts a prefill from that origin only.
import * as engine from "./engine.js";
import { Calculator } from "./calculator.js";
import { readFragment } from "./share.js";
import { titleFrom, asOfFrom } from "./model.js";
import { TEXTS } from "./i18n.js";
import { theme } from "./theme.js";

const params = new URLSearchParams(location.search);
const embedded = params.get("embed") === "1";
/** The host's origin, given by embed.js; messages go there and only there. */
const parentOrigin = embedded ? originOf(params.get("parent")) : null;
const resultsOrigin = embedded && params.get("results") === "*" ? "*" : parentOrigin;

function originOf(text) {
  try {
    const url = new URL(text);
    return ["http:", "https:"].includes(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

function toParent(message, target) {
  if (target && window.parent !== window) window.parent.postMessage(message, target);
}

/** The page's own texts (header, footer) in the language chosen. */
function pageTexts(lang) {
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = t.pageTitle;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const value = t[el.dataset.i18n];
    if (typeof value === "string") el.textContent = value;
  }
  // One button per other language served, each in its own language.
  document.getElementById("langs").replaceChildren(...engine.languages().filter((l) => l.code !== lang).map((l) => {
    const button = document.createElement("button");
    Object.assign(button, { type: "button", className: "lang", lang: l.code, textContent: l.name });
    button.dataset.lang = l.code;
    button.setAttribute("aria-label", l.read);
    return button;
  }));
  const a11y = document.getElementById("a11y-link");
  // The accessibility statement is written in French and English (other languages: English).
  if (a11y) a11y.href = lang === "fr" ? "accessibilite.html" : "accessibilite.html?lang=en";
}

/** The calculator cannot run: the reason and three useful links, in `lang` (English for any
 * language but French), the title's fiche when the address named it by its RNCP number. */
function stranded(lang, asked) {
  const shown = lang === "fr" ? "fr" : "en";
  // The header and footer in that language when its messages came (only the engine failed);
  // otherwise they stay in French, and say so.
  if (TEXTS[shown]) pageTexts(shown);
  else for (const el of document.querySelectorAll(".top, .foot")) el.lang = "fr";
  const section = document.getElementById("stranded");
  section.hidden = false;
  document.querySelector(".skip").hidden = true; // there is no answer to skip to
  document.getElementById("skeleton")?.remove();
  document.documentElement.lang = shown;
  for (const part of section.querySelectorAll("[lang]")) part.hidden = part.lang !== shown;
  for (const why of section.querySelectorAll(".why-nojs")) why.hidden = true;
  if (/^RNCP\d+$/.test(asked ?? "")) {
    for (const a of section.querySelectorAll(".rncp-link")) a.href = `https://www.francecompetences.fr/recherche/rncp/${asked.slice(4)}/`;
  }
  if (!TEXTS[shown]) offerOther(document.querySelector("#langs button"), shown);
}

/** Before (or without) the catalogues, the page's own HTML switches between its two languages:
 * the button offers the one not shown. */
function offerOther(button, shown) {
  const other = shown === "fr" ? "en" : "fr";
  Object.assign(button, { lang: other, textContent: other === "fr" ? "Français" : "English" });
  button.dataset.lang = other;
  button.setAttribute("aria-label", other === "fr" ? "Lire cette page en français" : "Read this page in English");
}

async function start() {
  const restored = readFragment(location.hash);
  // The address decides; else the browser's first language (a language not served: French).
  let lang = engine.langCode(params.get("lang")) ?? engine.langCode(restored?.lang)
    ?? (embedded ? null : engine.langCode(navigator.languages?.[0]?.split("-")[0].toLowerCase())) ?? "fr";
  if (embedded) {
    document.documentElement.classList.add("embedded");
    theme(document.documentElement, {
      accent: params.get("accent"), font: params.get("font"), radius: params.get("radius"),
      transparent: params.get("transparent") === "1", scheme: params.get("scheme"),
    });
  } else if (["light", "dark"].includes(params.get("scheme"))) {
    theme(document.documentElement, { scheme: params.get("scheme") });
  }
  const asked = titleFrom(params.get("title") ?? restored?.situation?.title ?? "");
  engine.prefetch(asked, lang);
  // Until the engine is ready, the first question shows in the page's language (index.html's
  // skeleton), and the language switch changes it: what a person does while it loads counts.
  document.documentElement.lang = lang;
  const langs = document.getElementById("langs");
  const early = (event) => {
    const button = event.target.closest("button");
    if (!button?.dataset.lang) return;
    lang = button.dataset.lang;
    document.documentElement.lang = lang;
    offerOther(button, lang);
  };
  langs.addEventListener("click", early);
  // A language not served: French.
  const messages = engine.loadLanguage(lang).catch(() => engine.loadLanguage((lang = "fr")));
  try {
    await Promise.all([engine.start(), messages]);
    langs.removeEventListener("click", early);
    await engine.loadLanguage(lang); // the one chosen while loading, if it changed
  } catch (error) {
    langs.removeEventListener("click", early);
    // Without the rules core or the page's messages: what happened and where to turn, in the
    // page's HTML (both languages are there; the switch shows one or the other).
    await messages.catch(() => {});
    stranded(lang, asked);
    document.getElementById("langs").addEventListener("click", async (event) => {
      const code = event.target.closest("button")?.dataset.lang;
      if (!code) return;
      await engine.loadLanguage(code).catch(() => {});
      stranded(code, asked);
    });
    console.warn(error);
    document.body.dataset.ready = "failed";
    return;
  }
  pageTexts(lang);
  const notices = [];
  let title = null;
  let broken = false;
  try {
    title = await engine.loadTitle(asked);
  } catch {
    broken = true; // a file the rules core refused (malformed, too large): the default title instead
  }
  if (!title) {
    if (asked) notices.push((broken ? TEXTS[lang].brokenTitle : TEXTS[lang].badTitle)(asked));
    title = await engine.defaultTitle();
  }
  if (restored?.bad) notices.push(TEXTS[lang].badLink);
  const rulesVersion = engine.builtin().rulesVersion;
  if (restored?.version && restored.version !== rulesVersion) notices.push(TEXTS[lang].versionWarning(String(restored.version).slice(0, 20), rulesVersion));
  const root = document.getElementById("calculator");
  const calculator = new Calculator(root, {
    lang,
    mode: embedded ? "frame" : "page",
    title,
    situation: restored?.situation,
    asOf: asOfFrom(restored?.situation?.asOf),
    // A route chosen on the first question before the engine was ready.
    path: document.querySelector('#skeleton input[name="path"]:checked')?.value ?? params.get("path"),
    notices,
    pageUrl: new URL("index.html", location.href).href,
    onReport: (report) => toParent({ type: "tp-eligibility:result", report }, resultsOrigin),
    // In a host's iframe, "see the answer" asks the host's page to scroll to it.
    onShowAnswer: embedded && parentOrigin ? (top) => toParent({ type: "tp-eligibility:scroll", top }, parentOrigin) : null,
    onTitle: (t) => {
      if (embedded) return;
      const url = new URL(location.href);
      url.searchParams.set("title", t.code);
      history.replaceState(null, "", url);
    },
    onLang: (l) => {
      lang = l;
      pageTexts(l);
      if (embedded) return;
      const url = new URL(location.href);
      url.searchParams.delete("lang");
      if (l !== "fr") url.searchParams.set("lang", l);
      history.replaceState(null, "", url);
    },
  });
  document.getElementById("langs").addEventListener("click", (event) => {
    const code = event.target.closest("button")?.dataset.lang;
    if (code) calculator.setLang(code);
  });
  // A shared answer opened on a phone lands on the answer, not at the top of the form (issue 22).
  if (!embedded && restored?.situation && calculator.report && matchMedia("(max-width: 37.5rem)").matches) {
    calculator.answerSection.scrollIntoView({ block: "start" });
  }
  if (embedded && parentOrigin) {
    const height = () => toParent({ type: "tp-eligibility:height", height: Math.ceil(document.body.getBoundingClientRect().height) }, parentOrigin);
    new ResizeObserver(height).observe(document.body);
    height();
    window.addEventListener("message", (event) => {
      if (event.origin !== parentOrigin || event.source !== window.parent) return;
      if (event.data?.type === "tp-eligibility:situation") calculator.prefill(event.data.situation);
      if (event.data?.type === "tp-eligibility:view") calculator.setHostView(event.data);
    });
  }
  document.body.dataset.ready = "true";
}

start();
