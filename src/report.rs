//! The report: what [`crate::evaluate`] answers, built once, at the end, from the decision journal
//! ([`build`]). Field names are the JSON contract (camelCase).

use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::{Cond, Fact, Id, Journal, Tri};
use crate::rules::{sources, Ctx};
use crate::situation::Path;
use crate::{tl, tx, Text};
use serde::Serialize;

/// The three-valued outcome (Publicodes style): yes, no, or cannot tell yet (and then `missing`
/// and/or `unknowns` say why).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Eligible,
    NotEligible,
    Undetermined,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub rules_version: &'static str,
    /// "builtin" or "integrator": whose title data was used.
    pub data: &'static str,
    /// The day the title data was taken from the national register, when it comes from it.
    pub snapshot: Option<Date>,
    pub title: String,
    pub title_name: Text,
    pub as_of: Date,
    pub path: Path,
    pub status: Status,
    /// How sure the outcome is (DESIGN.md, "certainty algebra"); `unknown` when undetermined.
    pub certainty: Certainty,
    /// The answer in plain words: the outcome, what is left and the key deadline, or the reasons.
    pub summary: Text,
    /// The explanation steps (indexes) the outcome rests on: for a "no", the decisions that said no.
    pub rests_on: Vec<usize>,
    /// Input paths the calculator needs to decide (only when undetermined).
    pub missing: Vec<String>,
    /// Facts absent from our data that bear on the answer, and whom to ask.
    pub unknowns: Vec<Unknown>,
    /// The title's version in force on `asOf`.
    pub version: Option<VersionInForce>,
    pub held: Vec<HeldStatus>,
    /// Current-version CCPs not yet credited.
    pub remaining: Vec<String>,
    /// False when the CCPs still to obtain cannot be listed (the version's list is not in our data,
    /// or which version is in force is not known).
    pub remaining_known: bool,
    pub sessions: Vec<Session>,
    pub assessment: Vec<Assessment>,
    pub document: Option<Documents>,
    pub deadlines: Vec<Deadline>,
    pub next_steps: Vec<Text>,
    pub notes: Vec<Text>,
    pub explanation: Vec<Step>,
    /// The same situation by each of the other routes.
    pub other_routes: Vec<OtherRoute>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unknown {
    pub what: Text,
    pub ask: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionInForce {
    pub id: String,
    pub name: Text,
    pub rncp: Option<String>,
    pub certainty: Certainty,
    /// Other versions that may be in force instead (their dates are unknown).
    pub alternatives: Vec<String>,
}

/// What became of one held CCP (rules.md R5, R6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CcpStatus {
    Counts,
    NotCredited,
    Expired,
    Uncertain,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeldStatus {
    pub ccp: String,
    pub version: String,
    pub obtained: Date,
    pub status: CcpStatus,
    /// Current CCPs this one counts as (only when it counts).
    pub counts_as: Vec<String>,
    pub reason: Text,
    pub certainty: Certainty,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SessionKind {
    SessionTitre,
    SessionCcp,
    SessionCcs,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub kind: SessionKind,
    /// For a session CCP: the CCP; for a session CCS: the CCS.
    pub ccp: Option<String>,
    pub label: Text,
}

/// One thing the jury looks at.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// "msp", "complements", "ecf", "dp", "entretienFinal".
    pub id: &'static str,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DocumentKind {
    Parchemin,
    LivretDeCertification,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Documents {
    pub on_success: DocumentKind,
    pub on_partial_success: Option<DocumentKind>,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// "titleValidityEnd", "closureGraceEnd", "admissibilityEnd", "retakeWithoutTrainingEnd",
    /// "oldFiveYearWindowEnd", "admissibilityDecisionBy".
    pub kind: &'static str,
    /// The last day (inclusive), or `null` when unknown.
    pub date: Option<Date>,
    pub certainty: Certainty,
    pub label: Text,
    /// When the deadline only applies in some case ("if the title is closed").
    pub condition: Option<Text>,
}

/// One decision, in both languages, with its verdict, sources and certainty.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub rule: &'static str,
    pub verdict: Tri,
    pub fr: String,
    pub en: String,
    pub sources: Vec<SourceRef>,
    pub certainty: Certainty,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    pub id: String,
    pub fr: String,
    pub en: String,
    /// Légifrance (or another official) address, when we have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
}

/// The answer by another route, for "which route is open to me?".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OtherRoute {
    pub path: Path,
    pub status: Status,
    pub certainty: Certainty,
    pub summary: Text,
    pub missing: Vec<String>,
}

/// What a route concluded: its conditions, and what the candidate does if it is open.
pub struct Outcome {
    pub cond: Cond,
    pub plan: Plan,
}

/// The route's plan: shown for "yes" (and, but for the next steps, for "cannot tell yet").
#[derive(Default)]
pub struct Plan {
    /// The "yes" in a sentence: the outcome, what is left, the key deadline.
    pub yes: Text,
    pub sessions: Vec<Session>,
    pub assessment: Vec<Assessment>,
    pub document: Option<Documents>,
    pub next_steps: Vec<Text>,
}

/// Builds the report from the journal and the route's outcome.
pub fn build(ctx: &Ctx, journal: &Journal, outcome: Outcome, data: &'static str) -> Report {
    let Outcome { cond, plan } = outcome;
    let status = match cond.verdict(journal) {
        Tri::Yes => Status::Eligible,
        Tri::No => Status::NotEligible,
        Tri::Unknown => Status::Undetermined,
    };
    let certainty = cond.certainty(journal);
    let mut basis: Vec<Id> = Vec::new();
    cond.basis(journal, &mut basis);
    let mut report = Report {
        rules_version: crate::rules::RULES_VERSION,
        data,
        snapshot: ctx.title.snapshot,
        title: ctx.title.code.clone(),
        title_name: ctx.title.name.clone(),
        as_of: ctx.as_of,
        path: ctx.path,
        status,
        certainty,
        summary: Text::default(),
        rests_on: basis.iter().map(|id| id.0).collect(),
        missing: Vec::new(),
        unknowns: Vec::new(),
        version: None,
        held: Vec::new(),
        remaining: Vec::new(),
        remaining_known: false,
        sessions: Vec::new(),
        assessment: Vec::new(),
        document: None,
        deadlines: Vec::new(),
        next_steps: Vec::new(),
        notes: Vec::new(),
        explanation: Vec::new(),
        other_routes: Vec::new(),
    };
    for (i, d) in journal.decisions().iter().enumerate() {
        for fact in &d.facts {
            match fact {
                Fact::Missing(path) if status == Status::Undetermined && basis.contains(&Id(i)) => push_new(&mut report.missing, path.to_string()),
                Fact::Missing(_) => {}
                Fact::Unknown(u) => push_new(&mut report.unknowns, u.clone()),
                Fact::Deadline(deadline) => {
                    if !report.deadlines.iter().any(|x| x.kind == deadline.kind && x.date == deadline.date && x.condition == deadline.condition) {
                        report.deadlines.push(deadline.clone());
                    }
                }
                Fact::Note(text) => push_new(&mut report.notes, text.clone()),
                Fact::Credit(held) => report.held.push(held.clone()),
                Fact::Version(version) => report.version = Some(version.clone()),
                Fact::Remaining(remaining) => {
                    report.remaining_known = remaining.is_some();
                    report.remaining = remaining.clone().unwrap_or_default();
                }
            }
        }
        report.explanation.push(Step {
            rule: d.rule,
            verdict: d.verdict,
            fr: d.text.fr.clone(),
            en: d.text.en.clone(),
            sources: d.sources.iter().map(|id| source(ctx, id)).collect(),
            certainty: d.certainty,
        });
    }
    report.deadlines.sort_by_key(|d| (d.date.is_none(), d.date));
    let ask = ctx.ask().text();
    let reasons = |pick: fn(&Text) -> &String| basis.iter().map(|&id| pick(&journal.get(id).text).as_str()).collect::<Vec<_>>().join(" ");
    report.summary = match status {
        Status::Eligible => plan.yes.clone(),
        Status::NotEligible => Text::new(format!("Non, pas par cette voie. {}", reasons(|t| &t.fr)),
            format!("No, not by this route. {}", reasons(|t| &t.en))),
        Status::Undetermined => {
            let needed: Vec<Text> = report.missing.iter().map(|m| missing_label(m)).collect();
            let mut parts = Vec::new();
            if !needed.is_empty() {
                parts.push(tl!("Pour vous répondre, il nous faut savoir : {}.", "To answer, we need to know: {}.", join(&needed, " ; ", "; ")));
            }
            if !report.unknowns.is_empty() {
                let what: Vec<Text> = report.unknowns.iter().map(|u| u.what.clone()).collect();
                parts.push(tl!("Nos données ne permettent pas de trancher : {}. Demandez-le {}.",
                    "Our data cannot settle it: {}. Ask {}.", join(&what, " ; ", "; "), ctx.ask().to()));
            }
            join(&parts, " ", " ")
        }
    };
    if status != Status::Undetermined && certainty < Certainty::Official {
        let why = match certainty {
            Certainty::Secondary => tx!("une source secondaire (le registre national ou une copie du texte, pas le texte officiel lui-même)",
                "a secondary source (the national register or a copy of the text, not the official text itself)"),
            _ => tx!("une date ou une règle estimée", "an estimated date or rule"),
        };
        report.summary = tl!("{} Cette réponse s'appuie sur {} : faites-la confirmer par {}.",
            "{} This answer rests on {}: have it confirmed by {}.", report.summary, why, ask);
    }
    if status != Status::NotEligible {
        report.sessions = plan.sessions;
        report.assessment = plan.assessment;
        report.document = plan.document;
    }
    if status == Status::Eligible {
        report.next_steps = plan.next_steps;
    }
    if status != Status::NotEligible && (!report.unknowns.is_empty() || certainty < Certainty::Official) {
        report.next_steps.push(tl!("Pour tout point incertain, adressez-vous {}.", "For anything uncertain, contact {}.", ctx.ask().to()));
    }
    report
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn join(parts: &[Text], fr: &str, en: &str) -> Text {
    Text::new(parts.iter().map(|p| p.fr.as_str()).collect::<Vec<_>>().join(fr), parts.iter().map(|p| p.en.as_str()).collect::<Vec<_>>().join(en))
}

fn source(ctx: &Ctx, id: &str) -> SourceRef {
    if let Some(s) = sources::legal(id) {
        return SourceRef { id: id.to_string(), fr: s.fr.to_string(), en: s.en.to_string(), url: s.url };
    }
    match ctx.title.source(id) {
        Some(s) => SourceRef { id: id.to_string(), fr: s.fr.clone(), en: s.en.clone(), url: None },
        // Title data is validated, so every id it cites exists; rule ids are checked by tests.
        None => SourceRef { id: id.to_string(), fr: id.to_string(), en: id.to_string(), url: None },
    }
}

/// An input path in words, for the summary.
pub fn missing_label(path: &str) -> Text {
    match path {
        "training.coherent" => tx!("si votre formation est cohérente avec ce que vous visez", "whether your training course is coherent with what you aim for"),
        "experience.related" => tx!("si votre expérience est en rapport direct avec le titre", "whether your experience is directly related to the title"),
        "experience.months" => tx!("la durée de votre expérience (en mois ou en heures)", "how long your experience is (in months or hours)"),
        "titleObtained" => tx!("la date à laquelle vous avez obtenu le titre", "when you obtained the title"),
        "ccs" => tx!("le CCS visé", "which CCS you aim for"),
        "lastSession.newTraining" => tx!("si vous avez commencé une nouvelle formation cohérente avec le titre depuis votre dernière session",
            "whether you have begun a new training course coherent with the title since your last session"),
        other => Text::plain(other),
    }
}

/// The invariants every report keeps, whatever the input; panics with the broken one. Used by the
/// date sweep, the property tests and the fuzz targets.
///
/// - the outcome rests on decisions of its own verdict: a "no" on decisions that said no (and its
///   summary gives each of them, in its own words), a "yes" on decisions that said yes, "cannot
///   tell yet" on at least one decision that could not tell, and says why (missing inputs or facts
///   absent from our data);
/// - a definite answer never rests on an unknown decision, never lists missing inputs, and never
///   carries certainty `unknown`; no "yes" or "no" decision carries certainty `unknown`;
/// - a "no" lists no sessions, no document and no next steps of the refused route;
/// - a deadline has a date exactly when its certainty is not `unknown`, and appears once;
/// - every explanation step cites a source, in both languages; only a CCP that counts says what
///   it counts as.
pub fn check_invariants(report: &Report) {
    let step = |i: &usize| &report.explanation[*i];
    assert!(!report.rests_on.is_empty(), "an outcome rests on at least one decision");
    match report.status {
        Status::Undetermined => {
            assert!(!report.missing.is_empty() || !report.unknowns.is_empty(), "undetermined without saying why");
            assert!(report.rests_on.iter().any(|i| step(i).verdict == Tri::Unknown), "undetermined without an unknown decision");
            assert_eq!(report.certainty, Certainty::Unknown, "undetermined with a certainty");
        }
        status => {
            let want = if status == Status::Eligible { Tri::Yes } else { Tri::No };
            assert!(report.missing.is_empty(), "a definite answer lists missing inputs");
            assert!(report.certainty != Certainty::Unknown, "a definite answer with certainty unknown");
            for i in &report.rests_on {
                assert_eq!(step(i).verdict, want, "{:?} rests on step {i}: {}", status, step(i).en);
                assert!(step(i).certainty != Certainty::Unknown, "a definite answer rests on an unknown decision: {}", step(i).en);
            }
        }
    }
    if report.status == Status::NotEligible {
        for i in &report.rests_on {
            assert!(report.summary.en.contains(&step(i).en) && report.summary.fr.contains(&step(i).fr), "the reason of a no is a decision that said no");
        }
        assert!(report.sessions.is_empty() && report.document.is_none() && report.next_steps.is_empty() && report.assessment.is_empty(),
            "a no lists the refused route's plan");
    }
    for s in &report.explanation {
        assert!(s.verdict == Tri::Unknown || s.certainty != Certainty::Unknown, "a {:?} with certainty unknown: {}", s.verdict, s.en);
        assert!(!s.sources.is_empty() && !s.fr.is_empty() && !s.en.is_empty(), "step {}", s.en);
    }
    for (i, d) in report.deadlines.iter().enumerate() {
        assert_eq!(d.date.is_none(), d.certainty == Certainty::Unknown, "deadline {}", d.kind);
        assert!(!report.deadlines[..i].iter().any(|e| e.kind == d.kind && e.date == d.date), "deadline {} {:?} twice", d.kind, d.date);
    }
    for h in &report.held {
        assert_eq!(h.status == CcpStatus::Counts, !h.counts_as.is_empty(), "held {}", h.ccp);
    }
    assert!(!report.summary.fr.is_empty() && !report.summary.en.is_empty());
}
