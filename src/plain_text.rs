//! The report as plain text in one language, for the command line and for advisers' files: the
//! route and every date in words, certainties agreed in French ("estimée").

use crate::certainty::Certainty;
use crate::journal::Tri;
use crate::report::{CcpStatus, Report, Status};
use crate::text::{msg, Lang};
use crate::{Text, Title};
use std::fmt::Write;

/// A certainty in words, agreed with a feminine noun in French (la certitude, la date).
pub fn certainty(lang: Lang, c: Certainty) -> String {
    let m = match c {
        Certainty::Official => msg::CLI_CERTAINTY_OFFICIAL,
        Certainty::Secondary => msg::CLI_CERTAINTY_SECONDARY,
        Certainty::Estimated => msg::CLI_CERTAINTY_ESTIMATED,
        Certainty::Unknown => msg::CLI_CERTAINTY_UNKNOWN,
    };
    Text::Fixed(m).get(lang)
}

/// Renders the report as readable text.
pub fn report(report: &Report, title: Option<&Title>, lang: Lang) -> String {
    let mut out = String::new();
    let p = |m: crate::text::Msg| Text::Fixed(m).get(lang);
    let words = |t: Text| t.get(lang).to_string();
    let date = |d: crate::Date| words(Text::date(d));
    let name = |id: &str| {
        title.and_then(|t| t.ccp(id)).map_or(id.to_string(), |(_, c)| format!("{id} – {}", c.name.get(lang)))
    };
    let status = |s: Status| match s {
        Status::Eligible => p(msg::CLI_YES),
        Status::NotEligible => p(msg::CLI_NO),
        Status::Undetermined => p(msg::CLI_NO_ANSWER_YET),
    };
    let _ = writeln!(
        out,
        "{} — {} ({})",
        report.title_name.get(lang),
        report.title,
        p(msg::CLI_TITRE_PROFESSIONNEL)
    );
    let _ = writeln!(
        out,
        "{} {}   {} {}",
        p(msg::CLI_X),
        date(report.as_of),
        p(msg::CLI_ROUTE),
        words(report.path.words())
    );
    if let Some(s) = report.snapshot {
        let _ = writeln!(out, "{} {}", p(msg::CLI_NATIONAL_REGISTER_DATA), date(s));
    }
    let _ = writeln!(out, "\n{}\n{}", status(report.status), report.summary.get(lang));
    if report.status != Status::Undetermined {
        let _ = writeln!(out, "{} {}", p(msg::CLI_CERTAINTY), certainty(lang, report.certainty));
    }
    if !report.missing.is_empty() {
        let _ = writeln!(out, "\n{}", p(msg::CLI_PLEASE_TELL_US));
        for m in &report.missing {
            let _ = writeln!(out, "  - {} ({m})", crate::report::missing_label(m).get(lang));
        }
    }
    if !report.unknowns.is_empty() {
        let _ = writeln!(out, "\n{}", p(msg::CLI_OUR_DATA));
        for u in &report.unknowns {
            let _ = writeln!(out, "  - {} → {} {}", u.what.get(lang), p(msg::CLI_ASK), u.ask.get(lang));
        }
    }
    if let Some(v) = &report.version {
        let rncp = v.rncp.as_deref().filter(|n| *n != v.id).map_or(String::new(), |n| format!(", {n}"));
        let _ = writeln!(
            out,
            "\n{} {}{rncp} ({})",
            p(msg::CLI_VERSION_FORCE),
            v.id,
            certainty(lang, v.certainty)
        );
    }
    if !report.held.is_empty() {
        let _ = writeln!(out, "\n{}", p(msg::CLI_CCPS));
        for h in &report.held {
            let s = match h.status {
                CcpStatus::Counts => p(msg::CLI_COUNTS),
                CcpStatus::NotCredited => p(msg::CLI_CREDITED),
                CcpStatus::Expired => p(msg::CLI_NO_LONGER_COUNTS),
                CcpStatus::Uncertain => p(msg::CLI_UNCERTAIN),
            };
            let _ =
                writeln!(out, "  - {} ({} {}) : {s}", name(&h.ccp), p(msg::CLI_OBTAINED), date(h.obtained));
            if !h.counts_as.is_empty() {
                let _ = writeln!(out, "      {} {}", p(msg::CLI_COUNTS_2), h.counts_as.join(", "));
            }
            let _ = writeln!(out, "      {}", h.reason.get(lang));
        }
    }
    if !report.remaining.is_empty() {
        let _ = writeln!(out, "\n{}", p(msg::CLI_CCPS_STILL_OBTAIN));
        for r in &report.remaining {
            let _ = writeln!(out, "  - {}", name(r));
        }
    }
    let list = |out: &mut String, heading: String, items: Vec<String>| {
        if !items.is_empty() {
            let _ = writeln!(out, "\n{heading}");
            for item in items {
                let _ = writeln!(out, "  - {item}");
            }
        }
    };
    list(&mut out, p(msg::CLI_SESSIONS_SIT), report.sessions.iter().map(|s| s.label.get(lang)).collect());
    list(
        &mut out,
        p(msg::CLI_WHAT_JURY_LOOKS),
        report.assessment.iter().map(|a| a.label.get(lang)).collect(),
    );
    if !report.deadlines.is_empty() {
        let _ = writeln!(out, "\n{}", p(msg::CLI_DEADLINES));
        for d in &report.deadlines {
            let when = d.date.map_or_else(|| p(msg::CLI_UNKNOWN_DATE).to_string(), date);
            let cond = d.condition.as_ref().map_or(String::new(), |c| format!(" — {}", c.get(lang)));
            let _ =
                writeln!(out, "  - {when} [{}] {}{cond}", certainty(lang, d.certainty), d.label.get(lang));
        }
    }
    if let Some(doc) = &report.document {
        let _ = writeln!(out, "\n{}\n  {}", p(msg::CLI_DOCUMENT_WILL_RECEIVE), doc.label.get(lang));
    }
    list(&mut out, p(msg::CLI_NEXT_STEPS), report.next_steps.iter().map(|s| s.get(lang)).collect());
    list(&mut out, p(msg::CLI_NOTES), report.notes.iter().map(|n| n.get(lang)).collect());
    if !report.other_routes.is_empty() {
        let _ = writeln!(out, "\n{}", p(msg::CLI_OTHER_ROUTES));
        for r in &report.other_routes {
            let _ = writeln!(
                out,
                "  - {} — {} : {}",
                words(r.path.words()),
                status(r.status),
                r.summary.get(lang)
            );
        }
    }
    let _ = writeln!(out, "\n{}", p(msg::CLI_WHY_RULES_APPLIED));
    for (i, s) in report.explanation.iter().enumerate() {
        let verdict = match s.verdict {
            Tri::Yes => p(msg::CLI_YES_2),
            Tri::No => p(msg::CLI_NO_2),
            Tri::Unknown => p(msg::CLI_CANNOT_TELL),
        };
        let mark = if report.rests_on.contains(&i) { "*" } else { " " };
        let _ = writeln!(
            out,
            " {mark}{}. [{}, {verdict}, {}] {}",
            i + 1,
            s.rule,
            certainty(lang, s.certainty),
            s.text.get(lang)
        );
        for src in &s.sources {
            let _ = writeln!(out, "       {} {}", p(msg::CLI_SOURCE), src.name.get(lang));
        }
    }
    let _ = writeln!(out, "  {}", p(msg::CLI_DECISIONS_ANSWER_RESTS));
    let _ = writeln!(out, "\n{} {}", p(msg::CLI_RULES_VERSION), report.rules_version);
    out
}
