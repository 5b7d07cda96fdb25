//! The report: what [`crate::evaluate`] answers. Field names are the JSON contract (camelCase).

use crate::certainty::Certainty;
use crate::date::Date;
use crate::situation::Path;
use crate::Text;
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
    pub title: String,
    pub title_name: Text,
    pub as_of: Date,
    pub path: Path,
    pub status: Status,
    /// The least certainty among the facts the outcome rests on.
    pub certainty: Certainty,
    /// The answer in plain words.
    pub summary: Text,
    /// Input paths the calculator needs to decide (only when undetermined).
    pub missing: Vec<String>,
    /// Facts absent from our data that the outcome depends on, and whom to ask.
    pub unknowns: Vec<Unknown>,
    /// The title's version in force on `asOf`.
    pub version: Option<VersionInForce>,
    pub held: Vec<HeldStatus>,
    /// Current-version CCPs not yet credited.
    pub remaining: Vec<String>,
    /// False when the current version's list of CCPs is not in our data (`remaining` is then empty).
    pub remaining_known: bool,
    pub sessions: Vec<Session>,
    pub assessment: Vec<Assessment>,
    pub document: Option<Documents>,
    pub deadlines: Vec<Deadline>,
    pub next_steps: Vec<Text>,
    pub notes: Vec<Text>,
    pub explanation: Vec<Step>,
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

/// One rule applied, in both languages, with its sources and certainty.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub rule: &'static str,
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
}

/// The invariants every report keeps, whatever the input; panics with the broken one. Used by the
/// date sweep, the property tests and the fuzz targets.
///
/// - "cannot tell yet" says why (missing inputs or facts absent from our data); a yes or a no
///   never lists missing inputs and never rests on an unknown fact;
/// - a deadline has a date exactly when its certainty is not `unknown`;
/// - every explanation step cites a source, in both languages;
/// - only a CCP that counts says what it counts as.
pub fn check_invariants(report: &Report) {
    let why = !report.missing.is_empty() || !report.unknowns.is_empty();
    match report.status {
        Status::Undetermined => assert!(why, "undetermined without saying why"),
        _ => {
            assert!(report.missing.is_empty(), "a definite answer lists missing inputs");
            assert!(report.certainty != Certainty::Unknown, "a definite answer rests on an unknown fact");
        }
    }
    for d in &report.deadlines {
        assert_eq!(d.date.is_none(), d.certainty == Certainty::Unknown, "deadline {}", d.kind);
    }
    assert!(!report.explanation.is_empty(), "no explanation");
    for step in &report.explanation {
        assert!(!step.sources.is_empty() && !step.fr.is_empty() && !step.en.is_empty(), "step {}", step.en);
    }
    for h in &report.held {
        assert_eq!(h.status == CcpStatus::Counts, !h.counts_as.is_empty(), "held {}", h.ccp);
    }
    assert!(!report.summary.fr.is_empty() && !report.summary.en.is_empty());
}
