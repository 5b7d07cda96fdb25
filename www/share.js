// The share link: the page's address with the title in `?title=` and the answers in the fragment
// (`#v=<rules version>&s=<situation, base64url JSON>&lang=en`, the language when not French). The fragment never leaves the
// browser: nothing is sent to any server.

const b64encode = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const b64decode = (text) => new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

/** The fragment for a situation; without `asOf` when it is today's (the link then follows time). */
export function fragment(situation, { rulesVersion, lang, keepDate }) {
  const s = { ...situation };
  delete s.title;
  if (!keepDate) delete s.asOf;
  const params = new URLSearchParams({ v: rulesVersion, s: b64encode(JSON.stringify(s)) });
  if (lang !== "fr") params.set("lang", lang);
  return `#${params}`;
}

/** The full share link: the calculator's page, the title, the answers. */
export function shareUrl(pageUrl, situation, options) {
  const url = new URL(pageUrl);
  url.search = "";
  if (situation.title) url.searchParams.set("title", situation.title);
  url.hash = fragment(situation, options);
  return url.href;
}

/** Reads a share-link fragment: {situation, version, lang} or {bad: true}; null when there is none.
 * At most 64 KB are read: a longer fragment is no share link of ours. */
export function readFragment(hash) {
  if (!hash || hash.length < 2) return null;
  if (hash.length > 65536) return { bad: true };
  const params = new URLSearchParams(hash.slice(1));
  const lang = /^[a-z]{2,3}$/.test(params.get("lang") ?? "") ? params.get("lang") : undefined;
  const encoded = params.get("s");
  if (encoded == null) return params.has("lang") ? { lang } : { bad: true };
  try {
    const situation = JSON.parse(b64decode(encoded));
    if (!situation || typeof situation !== "object" || Array.isArray(situation)) throw new Error("not an object");
    return { situation, version: params.get("v"), lang };
  } catch {
    return { bad: true };
  }
}
