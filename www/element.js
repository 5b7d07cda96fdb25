// <tp-eligibility title-code="TP-00523" lang="en" path="discontinuous" accent="#0055aa"> runs the
// calculator in the host page itself (light DOM, styles scoped to the element by element.css).
// It needs the host to allow WebAssembly ('wasm-unsafe-eval'); where the host's CSP forbids it,
// the element falls back to the iframe of embed.js, and says so in the console once.
// Each result is dispatched on the element as a "tp-eligibility:result" CustomEvent.
import init from "./pkg/tp_eligibility.js";
import { mount } from "./calculator.js";
import { theme } from "./theme.js";

const base = new URL(".", import.meta.url);
let mounted = false;
let warned = false;

function stylesheet() {
  if (document.querySelector("link[data-tp-eligibility]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("element.css", base).href;
  link.dataset.tpEligibility = "";
  document.head.append(link);
}

class TpEligibility extends HTMLElement {
  async connectedCallback() {
    if (this.dataset.started) return;
    this.dataset.started = "true";
    const lang = this.getAttribute("lang") === "en" ? "en" : "fr";
    const situation = this.situation();
    try {
      if (mounted) throw new Error("one calculator per page");
      await init({ module_or_path: new URL("pkg/tp_eligibility_bg.wasm", base) });
    } catch (error) {
      this.fallback(lang, situation, error);
      return;
    }
    mounted = true;
    stylesheet();
    const page = new DOMParser().parseFromString(await (await fetch(new URL("index.html", base))).text(), "text/html");
    const header = page.querySelector("header.top");
    const h1 = header.querySelector("h1");
    const title = page.createElement("h2");
    title.className = "title";
    title.textContent = h1.textContent;
    title.dataset.i18n = h1.dataset.i18n;
    h1.replaceWith(title);
    for (const drop of header.querySelectorAll(".lede, .kicker")) drop.remove();
    const main = page.querySelector("main");
    const foot = page.querySelector("footer");
    this.replaceChildren(document.importNode(header, true), document.importNode(main, true), document.importNode(foot, true));
    theme(this, { accent: this.getAttribute("accent"), font: this.getAttribute("font"), radius: this.getAttribute("radius"),
      transparent: this.hasAttribute("transparent") });
    mount(this, {
      mode: "element",
      lang,
      path: this.getAttribute("path"),
      restored: situation ? { situation } : null,
      pageUrl: new URL("index.html", base).href,
      onReport: (report) => this.dispatchEvent(new CustomEvent("tp-eligibility:result", { detail: report, bubbles: true, composed: true })),
    });
    this.dataset.ready = "true";
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
    if (this.hasAttribute("transparent")) script.dataset.transparent = "";
    if (situation) script.dataset.situation = JSON.stringify(situation);
    this.replaceChildren(script);
    this.dataset.ready = "iframe";
  }
}

if (!customElements.get("tp-eligibility")) customElements.define("tp-eligibility", TpEligibility);
