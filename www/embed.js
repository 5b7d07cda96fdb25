/* Embeds the calculator in a host page, where this script stands (or in data-container):
 *   <script src="https://…/embed.js" data-title="TP-00523" data-lang="fr" data-path="vae" data-accent="#0055aa" async></script>
 * The iframe grows and shrinks with its content through a postMessage protocol of our own, and
 * each side checks the other's origin. Each result is posted to the host page as
 * {type: "tp-eligibility:result", report} and also dispatched on the iframe as a
 * "tp-eligibility:result" event. Options: see integration.html. No dependency, no cookie. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var d = script.dataset;
  var base = new URL(".", script.src);
  var lang = /^[a-z]{2,3}$/.test(d.lang || "") ? d.lang : "fr";
  var params = new URLSearchParams({ embed: "1", parent: location.origin, lang: lang });
  ["title", "path", "accent", "font", "radius", "scheme"].forEach(function (key) { if (d[key]) params.set(key, d[key]); });
  if (d.transparent !== undefined && d.transparent !== "false") params.set("transparent", "1");
  if (d.results === "*") params.set("results", "*");
  var hash = "";
  if (d.situation) {
    try {
      var json = JSON.stringify(JSON.parse(d.situation));
      var bytes = new TextEncoder().encode(json);
      var binary = "";
      bytes.forEach(function (b) { binary += String.fromCharCode(b); });
      hash = "#s=" + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    } catch (e) {
      console.warn("tp-eligibility: data-situation is not valid JSON; ignored");
    }
  }
  var iframe = document.createElement("iframe");
  iframe.src = new URL("index.html?" + params + hash, base).href;
  // The frame's name before its page loads (this script fetches no catalogue): French or English.
  iframe.title = lang === "fr"
    ? "Calculateur : puis-je obtenir ce titre professionnel ?"
    : "Eligibility calculator for a professional title (titre professionnel)";
  iframe.setAttribute("allow", "clipboard-write");
  iframe.className = "tp-eligibility-frame";
  iframe.setAttribute("scrolling", "no");
  iframe.style.width = "100%";
  iframe.style.border = "0";
  iframe.style.display = "block";
  iframe.style.height = "720px";
  iframe.style.overflow = "hidden";
  if (d.transparent !== undefined && d.transparent !== "false") iframe.setAttribute("allowtransparency", "true");
  var container = d.container ? document.getElementById(d.container) : null;
  if (container) container.appendChild(iframe);
  else script.parentNode.insertBefore(iframe, script.nextSibling);

  window.addEventListener("message", function (event) {
    // Only our iframe, from the calculator's origin.
    if (event.origin !== base.origin || event.source !== iframe.contentWindow) return;
    var data = event.data || {};
    if (data.type === "tp-eligibility:height" && typeof data.height === "number" && isFinite(data.height)) {
      iframe.style.height = Math.max(120, Math.min(20000, Math.ceil(data.height))) + "px";
    } else if (data.type === "tp-eligibility:result" && data.report) {
      iframe.dispatchEvent(new CustomEvent("tp-eligibility:result", { detail: data.report, bubbles: true }));
    } else if (data.type === "tp-eligibility:scroll" && typeof data.top === "number" && isFinite(data.top)) {
      // The calculator asks to bring its answer into view: the page scrolls to that point of the frame.
      var rect = iframe.getBoundingClientRect();
      window.scrollTo({ top: Math.max(0, window.scrollY + rect.top + data.top - 16), behavior: "smooth" });
    }
  });

  // Which part of the frame the visitor sees (issue 22): the calculator keeps its answer bar at the
  // bottom of what is in view, even in a frame far taller than the screen.
  var pending = false;
  function view() {
    pending = false;
    var rect = iframe.getBoundingClientRect();
    if (!iframe.contentWindow) return;
    iframe.contentWindow.postMessage({ type: "tp-eligibility:view", top: Math.max(0, -rect.top),
      height: Math.max(0, Math.min(window.innerHeight, rect.bottom) - Math.max(0, rect.top)) }, base.origin);
  }
  function later() {
    if (!pending) { pending = true; requestAnimationFrame(view); }
  }
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later);
  iframe.addEventListener("load", later);
  window.addEventListener("message", function (event) {
    if (event.origin === base.origin && event.source === iframe.contentWindow && (event.data || {}).type === "tp-eligibility:height") later();
  });
})();
