// "Add to my calendar": the answer's dated deadlines as an iCalendar file (RFC 5545), made in the
// browser: one all-day event per deadline that has a date, its certainty (and its condition) in
// the description. Nothing is sent anywhere; the file is a download.

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, line breaks. */
const escape = (text) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

/** Folds a content line at 75 octets (§3.1): continuation lines begin with a space. */
function fold(line) {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts = [];
  let part = "";
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(part);
      part = "";
      size = 0;
    }
    part += ch;
    size += n;
  }
  parts.push(part);
  return parts.join("\r\n ");
}

const compact = (iso) => iso.replaceAll("-", "");

/** The day after `iso` (an all-day event ends the next day, exclusive). */
function nextDay(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The calendar for a report in words (`report.deadlines` with `label`, `condition` in `lang`).
 * @param {object} report the report (its texts in words)
 * @param {object} words `{ lang, certainty: (c) => words, title: name of the title, prefix }`
 * @returns {{ text: string, events: number }} the file's text (CRLF lines) and its event count
 */
export function calendar(report, { lang, certainty, title, prefix }) {
  const dated = report.deadlines.filter((d) => d.date);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tp-eligibility//calculator//FR", "CALSCALE:GREGORIAN"];
  for (const d of dated) {
    const label = d.label[lang] ?? d.label.en;
    const condition = d.condition ? (d.condition[lang] ?? d.condition.en) : null;
    lines.push(
      "BEGIN:VEVENT",
      // Stable across downloads of the same answer, so that a calendar updates rather than duplicates.
      `UID:${d.kind}-${compact(d.date)}-${report.title}@tp-eligibility`,
      // The answer's date, not the clock: the same answer gives the same file.
      `DTSTAMP:${compact(report.asOf)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(d.date)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(d.date))}`,
      `SUMMARY:${escape(`${prefix}${label}`)}`,
      `DESCRIPTION:${escape([`${title}.`, certainty(d.certainty), condition].filter(Boolean).join("\n"))}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return { text: `${lines.map(fold).join("\r\n")}\r\n`, events: dated.length };
}

/** Offers the file as a download named `name`. */
export function download(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
