// The page's start: reads the URL (language, share link), starts the rules core and mounts the
// calculator. With ?embed=1 the page runs inside a host's iframe (embed.js): it follows the host's
// theme, reports its height and each result to the host's origin only, and accepts a prefill
// from that origin only.
import init from "./pkg/tp_eligibility.js";
import { mount, prefill, readFragment, showBanner } from "./calculator.js";
import { TEXTS } from "./i18n.js";
import { theme } from "./theme.js";

const params = new URLSearchParams(location.search);
const embedded = params.get("embed") === "1";
/** The host's origin, given by embed.js; messages go there and only there. */
const parentOrigin = embedded ? originOf(params.get("parent")) : null;
/** Results go to the host's origin, or to any origin if the integrator opted in. */
const resultsOrigin = params.get("results") === "*" ? "*" : parentOrigin;

function originOf(text) {
  try {
    const url = new URL(text);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

function toParent(message, target) {
  if (target && window.parent !== window) window.parent.postMessage(message, target);
}

async function start() {
  const restored = readFragment(location.hash);
  const lang = params.get("lang") === "en" || restored?.lang === "en" ? "en" : "fr";
  if (embedded) {
    document.documentElement.classList.add("embedded");
    theme(document.documentElement, {
      accent: params.get("accent"), font: params.get("font"), radius: params.get("radius"),
      transparent: params.get("transparent") === "1",
    });
  }
  try {
    await init();
  } catch (error) {
    document.documentElement.lang = lang;
    showBanner(TEXTS[lang].loadError);
    console.warn(error);
    return;
  }
  mount(document, {
    mode: embedded ? "frame" : "page",
    lang,
    restored,
    path: params.get("path"),
    pageUrl: new URL("index.html", location.href).href,
    onReport: (report) => toParent({ type: "tp-eligibility:result", report }, resultsOrigin),
  });
  if (embedded && parentOrigin) {
    const height = () => toParent({ type: "tp-eligibility:height", height: Math.ceil(document.body.getBoundingClientRect().height) }, parentOrigin);
    new ResizeObserver(height).observe(document.body);
    height();
    window.addEventListener("message", (event) => {
      if (event.origin !== parentOrigin || event.source !== window.parent) return;
      if (event.data?.type === "tp-eligibility:situation" && event.data.situation && typeof event.data.situation === "object") {
        prefill(event.data.situation);
      }
    });
  }
  document.body.dataset.ready = "true";
}

start();
