//! The report as plain text in one language, for the command line and for advisers' files: the
//! route and every date in words, certainties agreed in French ("estimée").

use crate::certainty::Certainty;
use crate::journal::Tri;
use crate::report::{CcpStatus, Report, Status};
use crate::text::Lang;
use crate::{Text, Title};
use std::fmt::Write;

fn pick<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Fr { fr } else { en }
}

/// A certainty in words, agreed with a feminine noun in French (la certitude, la date).
pub fn certainty(lang: Lang, c: Certainty) -> &'static str {
    match (lang, c) {
        (Lang::Fr, Certainty::Official) => "officielle",
        (Lang::Fr, Certainty::Secondary) => "source secondaire",
        (Lang::Fr, Certainty::Estimated) => "estimée",
        (Lang::Fr, Certainty::Unknown) => "inconnue",
        (Lang::En, Certainty::Secondary) => "secondary source",
        (Lang::En, c) => c.as_str(),
    }
}

/// Renders the report as readable text.
pub fn text(report: &Report, title: Option<&Title>, lang: Lang) -> String {
    let mut out = String::new();
    let p = |fr, en| pick(lang, fr, en);
    let words = |t: Text| t.get(lang).to_string();
    let date = |d: crate::Date| words(Text::date(d));
    let name = |id: &str| title.and_then(|t| t.ccp(id)).map_or(id.to_string(), |(_, c)| format!("{id} – {}", c.name.get(lang)));
    let status = |s: Status| match s {
        Status::Eligible => p("OUI", "YES"),
        Status::NotEligible => p("NON", "NO"),
        Status::Undetermined => p("PAS ENCORE DE RÉPONSE", "NO ANSWER YET"),
    };
    let _ = writeln!(out, "{} — {} ({})", report.title_name.get(lang), report.title, p("titre professionnel", "titre professionnel"));
    let _ = writeln!(out, "{} {}   {} {}", p("Au", "As of"), date(report.as_of), p("Voie :", "Route:"), words(report.path.words()));
    if let Some(s) = report.snapshot {
        let _ = writeln!(out, "{} {}", p("Données du registre national au", "National register data as of"), date(s));
    }
    let _ = writeln!(out, "\n{}\n{}", status(report.status), report.summary.get(lang));
    if report.status != Status::Undetermined {
        let _ = writeln!(out, "{} {}", p("Certitude :", "Certainty:"), certainty(lang, report.certainty));
    }
    if !report.missing.is_empty() {
        let _ = writeln!(out, "\n{}", p("À préciser :", "Please tell us:"));
        for m in &report.missing {
            let _ = writeln!(out, "  - {} ({m})", crate::report::missing_label(m).get(lang));
        }
    }
    if !report.unknowns.is_empty() {
        let _ = writeln!(out, "\n{}", p("Absent de nos données :", "Not in our data:"));
        for u in &report.unknowns {
            let _ = writeln!(out, "  - {} → {} {}", u.what.get(lang), p("demandez à", "ask"), u.ask.get(lang));
        }
    }
    if let Some(v) = &report.version {
        let rncp = v.rncp.as_deref().filter(|n| *n != v.id).map_or(String::new(), |n| format!(", {n}"));
        let _ = writeln!(out, "\n{} {}{rncp} ({})", p("Version en vigueur :", "Version in force:"), v.id, certainty(lang, v.certainty));
    }
    if !report.held.is_empty() {
        let _ = writeln!(out, "\n{}", p("Vos CCP :", "Your CCPs:"));
        for h in &report.held {
            let s = match h.status {
                CcpStatus::Counts => p("compte", "counts"),
                CcpStatus::NotCredited => p("non pris en compte", "not credited"),
                CcpStatus::Expired => p("plus valable", "no longer counts"),
                CcpStatus::Uncertain => p("incertain", "uncertain"),
            };
            let _ = writeln!(out, "  - {} ({} {}) : {s}", name(&h.ccp), p("obtenu le", "obtained on"), date(h.obtained));
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
    let list = |out: &mut String, heading: &str, items: Vec<String>| {
        if !items.is_empty() {
            let _ = writeln!(out, "\n{heading}");
            for item in items {
                let _ = writeln!(out, "  - {item}");
            }
        }
    };
    list(&mut out, p("Sessions à passer :", "Sessions to sit:"), report.sessions.iter().map(|s| s.label.get(lang)).collect());
    list(&mut out, p("Ce que le jury examine :", "What the jury looks at:"), report.assessment.iter().map(|a| a.label.get(lang)).collect());
    if !report.deadlines.is_empty() {
        let _ = writeln!(out, "\n{}", p("Échéances :", "Deadlines:"));
        for d in &report.deadlines {
            let when = d.date.map_or_else(|| p("date inconnue", "unknown date").to_string(), date);
            let cond = d.condition.as_ref().map_or(String::new(), |c| format!(" — {}", c.get(lang)));
            let _ = writeln!(out, "  - {when} [{}] {}{cond}", certainty(lang, d.certainty), d.label.get(lang));
        }
    }
    if let Some(doc) = &report.document {
        let _ = writeln!(out, "\n{}\n  {}", p("Document délivré :", "Document you will receive:"), doc.label.get(lang));
    }
    list(&mut out, p("Prochaines étapes :", "Next steps:"), report.next_steps.iter().map(|s| s.get(lang)).collect());
    list(&mut out, p("À noter :", "Notes:"), report.notes.iter().map(|n| n.get(lang)).collect());
    if !report.other_routes.is_empty() {
        let _ = writeln!(out, "\n{}", p("Par les autres voies :", "By the other routes:"));
        for r in &report.other_routes {
            let _ = writeln!(out, "  - {} — {} : {}", words(r.path.words()), status(r.status), r.summary.get(lang));
        }
    }
    let _ = writeln!(out, "\n{}", p("Pourquoi (règles appliquées) :", "Why (rules applied):"));
    for (i, s) in report.explanation.iter().enumerate() {
        let verdict = match s.verdict {
            Tri::Yes => p("oui", "yes"),
            Tri::No => p("non", "no"),
            Tri::Unknown => p("on ne sait pas", "cannot tell"),
        };
        let mark = if report.rests_on.contains(&i) { "*" } else { " " };
        let _ = writeln!(out, " {mark}{}. [{}, {verdict}, {}] {}", i + 1, s.rule, certainty(lang, s.certainty), s.text.get(lang));
        for src in &s.sources {
            let _ = writeln!(out, "       {} {}", p("Source :", "Source:"), pick(lang, &src.fr, &src.en));
        }
    }
    let _ = writeln!(out, "  {}", p("(* : les décisions sur lesquelles repose la réponse)", "(*: the decisions the answer rests on)"));
    let _ = writeln!(out, "\n{} {}", p("Version des règles :", "Rules version:"), report.rules_version);
    out
}
