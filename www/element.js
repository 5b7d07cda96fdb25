// <tp-eligibility title-code="TP-00523" lang="en" path="discontinuous" accent="#0055aa"> runs the
// calculator in the host page itself, inside a shadow root: the host's styles cannot leak in, ours
// cannot leak out; it lays itself out by its own width (container queries), so it fits a 360 px
// column as well as a wide one. Any number of elements may stand on one page: each has its own
// calculator; they share the rules core. Theming: the --tp-accent, --tp-font, --tp-radius, --tp-bg
// custom properties, or the accent/font/radius/transparent attributes; parts: title, answer,
// outcome, answer-bar. It needs the host to allow WebAssembly ('wasm-unsafe-eval'); where the
// host's CSP forbids it, the element falls back to the iframe of embed.js, and says so once in the
// console. Each settled result is dispatched on the element as a "tp-eligibility:result" event.
import * as engine from "./engine.js";
import { Calculator } from "./calculator.js";
import { titleFrom } from "./model.js";
import { theme } from "./theme.js";
import { TEXTS } from "./i18n.js";

const base = new URL(".", import.meta.url);
let warned = false;

class TpEligibility extends HTMLElement {
  async connectedCallback() {
    if (this.started) return;
    this.started = true;
    let lang = engine.langCode(this.getAttribute("lang")) ?? "fr";
    const situation = this.situation();
    const asked = titleFrom(this.getAttribute("title-code") ?? "");
    engine.prefetch(asked, lang);
    // A language not served: French.
    const messages = engine.loadLanguage(lang).catch(() => engine.loadLanguage((lang = "fr")));
    try {
      await Promise.all([engine.start(), messages]);
    } catch (error) {
      this.fallback(lang, situation, error);
      return;
    }
    const shadow = this.attachShadow({ mode: "open" });
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("element.css", base).href; // style.css in pixels (tools/site.mjs)
    const root = document.createElement("div");
    shadow.append(link, root);
    await new Promise((done) => { link.onload = done; link.onerror = done; });
    theme(this, { accent: this.getAttribute("accent"), font: this.getAttribute("font"), radius: this.getAttribute("radius"),
      transparent: this.hasAttribute("transparent"), scheme: this.getAttribute("scheme") });
    let title = null;
    let notices = [];
    try {
      title = await engine.loadTitle(asked);
      if (!title && asked) notices = [TEXTS[lang].badTitle(asked)];
    } catch {
      notices = [TEXTS[lang].brokenTitle(asked)]; // a file the rules core refused: the default title instead
    }
    this.calculator = new Calculator(root, {
      lang,
      mode: "element",
      title: title ?? (await engine.defaultTitle()),
      situation,
      path: this.getAttribute("path"),
      notices,
      pageUrl: new URL("index.html", base).href,
      onReport: (report) => this.dispatchEvent(new CustomEvent("tp-eligibility:result", { detail: report, bubbles: true, composed: true })),
    });
    this.dataset.ready = "true";
  }

  disconnectedCallback() {
    this.calculator?.destroy();
  }

  situation() {
    const text = this.getAttribute("situation");
    if (!text) return null;
    try {
      const value = JSON.parse(text);
      return value && typeof value === "object" && !Array.isArray(value) ? value : null;
    } catch {
      console.warn("tp-eligibility: the situation attribute is not valid JSON; ignored");
      return null;
    }
  }

  /** The iframe of embed.js, placed inside the element, with the same options. */
  fallback(lang, situation, error) {
    if (!warned) {
      warned = true;
      console.info(`tp-eligibility: WebAssembly cannot run in this page (${error.message}); showing the calculator in an iframe instead.`);
    }
    const script = document.createElement("script");
    script.src = new URL("embed.js", base).href;
    script.dataset.lang = lang;
    for (const name of ["path", "accent", "font", "radius"]) {
      if (this.getAttribute(name)) script.dataset[name] = this.getAttribute(name);
    }
    if (this.getAttribute("title-code")) script.dataset.title = this.getAttribute("title-code");
    if (this.hasAttribute("transparent")) script.dataset.transparent = "";
    if (situation) script.dataset.situation = JSON.stringify(situation);
    this.replaceChildren(script);
    this.dataset.ready = "iframe";
  }
}

if (!customElements.get("tp-eligibility")) customElements.define("tp-eligibility", TpEligibility);
