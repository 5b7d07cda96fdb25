//! The report: what [`crate::evaluate`] answers, built once, at the end, from the decision journal
//! (`routes::report::build`). Field names are the JSON contract (camelCase). This module holds the
//! shapes and the invariants every report keeps; it depends on no rule.

use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::Tri;
use crate::situation::Path;
use crate::{tl, tx, Text};

/// The three-valued outcome (Publicodes style): yes, no, or cannot tell yet (and then `missing`
/// and/or `unknowns` say why).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Eligible,
    NotEligible,
    Undetermined,
}

#[derive(Clone, Debug, PartialEq)]
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
    /// The same without its "yes" or "no", for a page that shows the status itself (starting
    /// lower-case after a "yes": the page capitalises it).
    pub answer: Text,
    /// Whom to ask about anything uncertain, and where (structured: no page reads prose).
    pub contact: Contact,
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

/// Whom to ask about something absent from our data (rules.md, "Certainty").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// The DREETS unit of the candidate's département: every question on a title's file.
    Dreets,
    /// The certifier, through the France VAE portal: every question on a VAE path from 2024 on.
    FranceVae,
}

impl Ask {
    pub fn text(self) -> Text {
        match self {
            Ask::Dreets => tx!(ASK_DREETS_D_PARTEMENT_REGIONAL_LABOUR),
            Ask::FranceVae => tx!(ASK_CERTIFIER_THROUGH_FRANCE_VAE_PORTAL),
        }
    }

    /// The same after "à" in French ("à la DREETS", "au certificateur"); unchanged in English.
    pub fn to(self) -> Text {
        match self {
            Ask::Dreets => tl!(ASK_TEXT, self.text()),
            Ask::FranceVae => tx!(ASK_CERTIFIER_THROUGH_FRANCE_VAE_PORTAL_2),
        }
    }
}

/// Whom to ask: the DREETS unit of the candidate's département, or, for a VAE path from 2024 on,
/// the certifier through the France VAE portal (rules.md R7); and where to find them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contact {
    /// "dreets" or "franceVae".
    pub kind: &'static str,
    pub url: &'static str,
}

impl Contact {
    pub fn of(ask: Ask) -> Contact {
        match ask {
            Ask::Dreets => Contact { kind: "dreets", url: "https://lannuaire.service-public.fr/" },
            Ask::FranceVae => Contact { kind: "franceVae", url: "https://vae.gouv.fr/" },
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unknown {
    pub what: Text,
    pub ask: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VersionInForce {
    pub id: String,
    pub name: Text,
    pub rncp: Option<String>,
    pub certainty: Certainty,
    /// Other versions that may be in force instead (their dates are unknown).
    pub alternatives: Vec<String>,
}

/// What became of one held CCP (rules.md R5, R6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CcpStatus {
    Counts,
    NotCredited,
    Expired,
    Uncertain,
}

#[derive(Clone, Debug, PartialEq)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    SessionTitre,
    SessionCcp,
    SessionCcs,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub kind: SessionKind,
    /// For a session CCP: the CCP; for a session CCS: the CCS.
    pub ccp: Option<String>,
    pub label: Text,
}

/// One thing the jury looks at.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// "msp", "complements", "ecf", "dp", "entretienFinal".
    pub id: &'static str,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Parchemin,
    LivretDeCertification,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Documents {
    pub on_success: DocumentKind,
    pub on_partial_success: Option<DocumentKind>,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub rule: &'static str,
    pub verdict: Tri,
    /// The decision in its own words (written as `fr` and `en`).
    pub text: Text,
    pub sources: Vec<SourceRef>,
    pub certainty: Certainty,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceRef {
    /// Borrowed for a legal source of the code, copied from the title data for its own.
    pub id: std::borrow::Cow<'static, str>,
    /// Its name: a message for a legal source, the title data's words for its own.
    pub name: Text,
    /// Légifrance (or another official) address, when we have one.
    pub url: Option<&'static str>,
}

/// The answer by another route, for "which route is open to me?".
#[derive(Clone, Debug, PartialEq)]
pub struct OtherRoute {
    pub path: Path,
    pub status: Status,
    pub certainty: Certainty,
    pub summary: Text,
    pub missing: Vec<String>,
}

// The JSON contract: each type's fields, in order, by their JSON names (see `json`).
crate::json_object!(Report { "rulesVersion": rules_version, "data": data, "snapshot": snapshot, "title": title, "titleName": title_name, "asOf": as_of, "path": path, "status": status, "certainty": certainty, "summary": summary, "answer": answer, "contact": contact, "restsOn": rests_on, "missing": missing, "unknowns": unknowns, "version": version, "held": held, "remaining": remaining, "remainingKnown": remaining_known, "sessions": sessions, "assessment": assessment, "document": document, "deadlines": deadlines, "nextSteps": next_steps, "notes": notes, "explanation": explanation, "otherRoutes": other_routes });
crate::json_object!(Unknown { "what": what, "ask": ask });
crate::json_object!(Contact { "kind": kind, "url": url });
crate::json_object!(VersionInForce { "id": id, "name": name, "rncp": rncp, "certainty": certainty, "alternatives": alternatives });
crate::json_object!(HeldStatus { "ccp": ccp, "version": version, "obtained": obtained, "status": status, "countsAs": counts_as, "reason": reason, "certainty": certainty });
crate::json_object!(Session { "kind": kind, "ccp": ccp, "label": label });
crate::json_object!(Assessment { "id": id, "label": label });
crate::json_object!(Documents { "onSuccess": on_success, "onPartialSuccess": on_partial_success, "label": label });
crate::json_object!(Deadline { "kind": kind, "date": date, "certainty": certainty, "label": label, "condition": condition });
crate::json_object!(Step { "rule": rule, "verdict": verdict, #[bilingual] "fr": text, "sources": sources, "certainty": certainty });
crate::json_object!(SourceRef { "id": id, #[bilingual] "fr": name, #[skip_none] "url": url });
crate::json_object!(OtherRoute { "path": path, "status": status, "certainty": certainty, "summary": summary, "missing": missing });
crate::json_string!(Status, CcpStatus, SessionKind, DocumentKind);

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::NotEligible => "notEligible",
            Status::Undetermined => "undetermined",
        }
    }
}

impl CcpStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CcpStatus::Counts => "counts",
            CcpStatus::NotCredited => "notCredited",
            CcpStatus::Expired => "expired",
            CcpStatus::Uncertain => "uncertain",
        }
    }
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::SessionTitre => "sessionTitre",
            SessionKind::SessionCcp => "sessionCcp",
            SessionKind::SessionCcs => "sessionCcs",
        }
    }
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Parchemin => "parchemin",
            DocumentKind::LivretDeCertification => "livretDeCertification",
        }
    }
}

/// An input path in words, for the summary.
pub fn missing_label(path: &str) -> Text {
    match path {
        "training.coherent" => tx!(REPORT_WHETHER_TRAINING_COURSE_COHERENT_WHAT),
        "experience.related" => tx!(REPORT_WHETHER_EXPERIENCE_DIRECTLY_RELATED_TITLE),
        "experience.months" => tx!(REPORT_HOW_LONG_EXPERIENCE_MONTHS_HOURS),
        "titleObtained" => tx!(REPORT_WHEN_OBTAINED_TITLE),
        "ccs" => tx!(REPORT_WHICH_CCS_AIM),
        "lastSession.newTraining" => tx!(REPORT_WHETHER_HAVE_BEGUN_NEW_TRAINING),
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
#[cfg(not(target_arch = "wasm32"))]
pub fn check_invariants(report: &Report) {
    let step = |i: &usize| &report.explanation[*i];
    assert!(!report.rests_on.is_empty(), "an outcome rests on at least one decision");
    match report.status {
        Status::Undetermined => {
            assert!(
                !report.missing.is_empty() || !report.unknowns.is_empty(),
                "undetermined without saying why"
            );
            assert!(
                report.rests_on.iter().any(|i| step(i).verdict == Tri::Unknown),
                "undetermined without an unknown decision"
            );
            assert_eq!(report.certainty, Certainty::Unknown, "undetermined with a certainty");
        }
        status => {
            let want = if status == Status::Eligible { Tri::Yes } else { Tri::No };
            assert!(report.missing.is_empty(), "a definite answer lists missing inputs");
            assert!(report.certainty != Certainty::Unknown, "a definite answer with certainty unknown");
            for i in &report.rests_on {
                assert_eq!(step(i).verdict, want, "{:?} rests on step {i}: {}", status, step(i).text.en());
                assert!(
                    step(i).certainty != Certainty::Unknown,
                    "a definite answer rests on an unknown decision: {}",
                    step(i).text.en()
                );
            }
        }
    }
    if report.status == Status::NotEligible {
        for i in &report.rests_on {
            assert!(
                report.summary.en().contains(&step(i).text.en())
                    && report.summary.fr().contains(&step(i).text.fr()),
                "the reason of a no is a decision that said no"
            );
        }
        assert!(
            report.sessions.is_empty()
                && report.document.is_none()
                && report.next_steps.is_empty()
                && report.assessment.is_empty(),
            "a no lists the refused route's plan"
        );
    }
    for s in &report.explanation {
        assert!(
            s.verdict == Tri::Unknown || s.certainty != Certainty::Unknown,
            "a {:?} with certainty unknown: {}",
            s.verdict,
            s.text.en()
        );
        assert!(
            !s.sources.is_empty() && !s.text.fr().is_empty() && !s.text.en().is_empty(),
            "step {}",
            s.text.en()
        );
    }
    for (i, d) in report.deadlines.iter().enumerate() {
        assert_eq!(d.date.is_none(), d.certainty == Certainty::Unknown, "deadline {}", d.kind);
        assert!(
            !report.deadlines[..i].iter().any(|e| e.kind == d.kind && e.date == d.date),
            "deadline {} {:?} twice",
            d.kind,
            d.date
        );
    }
    for h in &report.held {
        assert_eq!(h.status == CcpStatus::Counts, !h.counts_as.is_empty(), "held {}", h.ccp);
    }
    assert!(!report.summary.fr().is_empty() && !report.summary.en().is_empty());
}
