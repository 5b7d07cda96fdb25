//! The report as plain text in one language, for the command line and for advisers' files.

use crate::certainty::Certainty;
use crate::report::{CcpStatus, Report, Status};
use crate::text::Lang;
use crate::Title;
use std::fmt::Write;

fn pick<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Fr { fr } else { en }
}

fn certainty(lang: Lang, c: Certainty) -> &'static str {
    match (lang, c) {
        (Lang::Fr, Certainty::Official) => "officiel",
        (Lang::Fr, Certainty::Secondary) => "source secondaire",
        (Lang::Fr, Certainty::Estimated) => "estimé",
        (Lang::Fr, Certainty::Unknown) => "inconnu",
        (Lang::En, c) => c.as_str(),
    }
}

/// Renders the report as readable text.
pub fn text(report: &Report, title: Option<&Title>, lang: Lang) -> String {
    let mut out = String::new();
    let p = |fr, en| pick(lang, fr, en);
    let name = |id: &str| title.and_then(|t| t.ccp(id)).map_or(id.to_string(), |(_, c)| format!("{id} – {}", c.name.get(lang)));
    let status = match report.status {
        Status::Eligible => p("OUI", "YES"),
        Status::NotEligible => p("NON", "NO"),
        Status::Undetermined => p("ON NE PEUT PAS ENCORE DIRE", "CANNOT TELL YET"),
    };
    let _ = writeln!(out, "{} — {} ({})", report.title_name.get(lang), report.title, p("titre professionnel", "titre professionnel"));
    let _ = writeln!(out, "{} {}   {} {}", p("Au", "As of"), report.as_of, p("Voie :", "Route:"), report.path.as_str());
    let _ = writeln!(out, "\n{status}\n{}", report.summary.get(lang));
    if report.status != Status::Undetermined {
        let _ = writeln!(out, "{} {}", p("Certitude :", "Certainty:"), certainty(lang, report.certainty));
    }
    if !report.missing.is_empty() {
        let _ = writeln!(out, "\n{}", p("À préciser :", "Please tell us:"));
        for m in &report.missing {
            let _ = writeln!(out, "  - {} ({m})", crate::routes::missing_label(m).get(lang));
        }
    }
    if !report.unknowns.is_empty() {
        let _ = writeln!(out, "\n{}", p("Absent de nos données :", "Not in our data:"));
        for u in &report.unknowns {
            let _ = writeln!(out, "  - {} → {} {}", u.what.get(lang), p("demandez à", "ask"), u.ask.get(lang));
        }
    }
    if let Some(v) = &report.version {
        let _ = writeln!(out, "\n{} {} ({})", p("Version en vigueur :", "Version in force:"), v.id, certainty(lang, v.certainty));
    }
    if !report.held.is_empty() {
        let _ = writeln!(out, "\n{}", p("Vos CCP :", "Your CCPs:"));
        for h in &report.held {
            let s = match h.status {
                CcpStatus::Counts => p("compte", "counts"),
                CcpStatus::NotCredited => p("non pris en compte", "not credited"),
                CcpStatus::Expired => p("périmé", "expired"),
                CcpStatus::Uncertain => p("incertain", "uncertain"),
            };
            let _ = writeln!(out, "  - {} ({} {}): {s}", name(&h.ccp), p("obtenu le", "obtained"), h.obtained);
            if !h.counts_as.is_empty() {
                let _ = writeln!(out, "      {} {}", p("compte comme", "counts as"), h.counts_as.join(", "));
            }
            let _ = writeln!(out, "      {}", h.reason.get(lang));
        }
    }
    if !report.remaining.is_empty() {
        let _ = writeln!(out, "\n{}", p("CCP restant à obtenir :", "CCPs still to obtain:"));
        for r in &report.remaining {
            let _ = writeln!(out, "  - {}", name(r));
        }
    }
    if !report.sessions.is_empty() {
        let _ = writeln!(out, "\n{}", p("Sessions à passer :", "Sessions to sit:"));
        for s in &report.sessions {
            let _ = writeln!(out, "  - {}", s.label.get(lang));
        }
    }
    if !report.assessment.is_empty() {
        let _ = writeln!(out, "\n{}", p("Ce que le jury examine :", "What the jury looks at:"));
        for a in &report.assessment {
            let _ = writeln!(out, "  - {}", a.label.get(lang));
        }
    }
    if !report.deadlines.is_empty() {
        let _ = writeln!(out, "\n{}", p("Échéances :", "Deadlines:"));
        for d in &report.deadlines {
            let date = d.date.map_or_else(|| p("date inconnue", "unknown date").to_string(), |d| d.to_string());
            let cond = d.condition.as_ref().map_or(String::new(), |c| format!(" — {}", c.get(lang)));
            let _ = writeln!(out, "  - {date} [{}] {}{cond}", certainty(lang, d.certainty), d.label.get(lang));
        }
    }
    if let Some(doc) = &report.document {
        let _ = writeln!(out, "\n{}\n  {}", p("Document délivré :", "Document you will receive:"), doc.label.get(lang));
    }
    if !report.next_steps.is_empty() {
        let _ = writeln!(out, "\n{}", p("Prochaines étapes :", "Next steps:"));
        for s in &report.next_steps {
            let _ = writeln!(out, "  - {}", s.get(lang));
        }
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "\n{}", p("À noter :", "Notes:"));
        for n in &report.notes {
            let _ = writeln!(out, "  - {}", n.get(lang));
        }
    }
    let _ = writeln!(out, "\n{}", p("Pourquoi (règles appliquées) :", "Why (rules applied):"));
    for (i, s) in report.explanation.iter().enumerate() {
        let _ = writeln!(out, "  {}. [{}, {}] {}", i + 1, s.rule, certainty(lang, s.certainty), pick(lang, &s.fr, &s.en));
        for src in &s.sources {
            let _ = writeln!(out, "       {} {}", p("Source :", "Source:"), pick(lang, &src.fr, &src.en));
        }
    }
    let _ = writeln!(out, "\n{} {}", p("Version des règles :", "Rules version:"), report.rules_version);
    out
}
