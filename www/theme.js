// Theming by the host: accent colour, font family, corner radius, transparent background, colour
// scheme, set as the calculator's CSS custom properties (--tp-accent, --tp-font, --tp-radius,
// --tp-bg, --tp-scheme) on
// `target`. An accent that would be unreadable (white text on it, or it as text on white, below
// WCAG AA 4.5:1) is darkened until it reads.

/** Relative luminance of an sRGB colour [r, g, b] in 0..255 (WCAG 2). */
function luminance([r, g, b]) {
  const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

const contrastWithWhite = (rgb) => 1.05 / (luminance(rgb) + 0.05);

function parseHex(text) {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(text ?? "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** The accent to use: the host's, darkened if needed to reach 4.5:1 against white. */
function readableAccent(text) {
  let rgb = parseHex(text);
  if (!rgb) return null;
  while (contrastWithWhite(rgb) < 4.5) rgb = rgb.map((v) => Math.floor(v * 0.9));
  return `#${rgb.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

export function theme(target, { accent, font, radius, transparent, scheme } = {}) {
  // Light or dark forced by the host; anything else follows the visitor's setting.
  if (scheme === "light" || scheme === "dark") target.style.setProperty("--tp-scheme", scheme);
  const color = readableAccent(accent);
  if (color) target.style.setProperty("--tp-accent", color);
  // A font-family list: names, quotes, commas, spaces and hyphens only.
  if (font && /^[\w\s,'"-]{1,120}$/.test(font)) target.style.setProperty("--tp-font", font);
  const r = Number(radius);
  if (radius != null && radius !== "" && Number.isFinite(r) && r >= 0 && r <= 32) target.style.setProperty("--tp-radius", `${r}px`);
  if (transparent) {
    target.style.setProperty("--tp-bg", "transparent");
    target.classList.add("transparent");
  }
}
