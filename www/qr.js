// The printed sheet's QR code back to the live answer (issue 22), drawn in SVG from the matrix of
// uqr (MIT, copied to vendor/ by `make build`), loaded only once an answer has settled: it is not
// part of what a visitor downloads before the first result.
const SVG = "http://www.w3.org/2000/svg";

/** Draws the QR code of `box.dataset.link` into `box` (one path of 1×1 squares, a quiet zone). */
export async function drawQr(box) {
  const link = box?.dataset.link;
  if (!link || box.dataset.drawn === link) return;
  const { encode } = await import("./vendor/uqr.mjs");
  const { data, size } = encode(link, { ecc: "L", border: 2 });
  let d = "";
  data.forEach((row, y) => row.forEach((on, x) => { if (on) d += `M${x} ${y}h1v1h-1z`; }));
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", box.dataset.label ?? "QR");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  svg.append(path);
  box.replaceChildren(svg);
  box.dataset.drawn = link;
}
