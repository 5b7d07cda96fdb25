// Builds www/element.css from www/style.css for the <tp-eligibility> element: every rule scoped
// to the element (`tp-eligibility .card`), the page's root and body rules applied to the element
// itself, the embedded (compact) variant always on, print and page rules dropped.
import { readFileSync, writeFileSync } from "node:fs";

const source = readFileSync(new URL("../www/style.css", import.meta.url), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

function scope(selector) {
  return selector.split(",").map((s) => {
    s = s.trim().replace(/^\.embedded\s+/, "").replace(/^\.transparent\s+/, "tp-eligibility.transparent ");
    if (/^(:root|html|body)$/.test(s)) return "tp-eligibility";
    if (s.startsWith("tp-eligibility")) return s;
    return `tp-eligibility ${s.replace(/^(html|body)\s+/, "")}`;
  }).join(", ");
}

/** Rewrites a list of rules (recursing into @media), dropping print-only and @page blocks. */
function rewrite(css) {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf("{", i);
    if (open < 0) break;
    const head = css.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    while (depth > 0 && j < css.length) { if (css[j] === "{") depth++; else if (css[j] === "}") depth--; j++; }
    const body = css.slice(open + 1, j - 1);
    if (head.startsWith("@media")) {
      if (!/\bprint\b/.test(head)) out += `${head.replace(/screen and /, "")} {\n${rewrite(body)}}\n`;
    } else if (!head.startsWith("@page") && !head.includes(".skip")) {
      out += `${scope(head)} {${body}}\n`;
    }
    i = j;
  }
  return out;
}

const css = `/* Generated from style.css by tools/element-css.mjs: do not edit. */
tp-eligibility { display: block; font-family: var(--font); color: var(--ink); background: var(--bg); line-height: 1.5; }
${rewrite(source)}`;
writeFileSync(new URL("../www/element.css", import.meta.url), css);
