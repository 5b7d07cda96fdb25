//! The rules of rules.md, one module per legal source, each rule implemented once.
//!
//! | rule | what | module |
//! |---|---|---|
//! | R1, R2 | what a title is made of, the ways to obtain it, equivalences | [`composition`] |
//! | R3, R4 | who may sit a session titre / a session CCP | [`access`] |
//! | R3, R4, R8 | what the jury looks at | [`assessment`] |
//! | R5 | how long CCPs count (R338-5, old and new wording) | [`capitalisation`] |
//! | R6 | revision tables, closure and its one-year grace (arrêté 2015 art. 3) | [`revision_closure`] |
//! | R7 | VAE: minimum experience, admissibility (L335-5, L6412-1 ff.) | [`vae`] |
//! | R8 | CCS (arrêté 2015 art. 4 as amended) | [`ccs`] |
//! | R9 | failure or absence, retake without training (art. 10) | [`retake`] |
//! | R10 | documents: parchemin, livret de certification | [`documents`] |
//! | R11 | evaluation date and coverage | [`coverage`] |
//!
//! Dated parameters are [`Period`] lists: each value holds from its `from` date (inclusive) until
//! the next period's `from` (exclusive), the half-open windows of rules.md R6.

pub mod access;
pub mod assessment;
pub mod capitalisation;
pub mod ccs;
pub mod composition;
pub mod coverage;
pub mod documents;
pub mod retake;
pub mod revision_closure;
pub mod sources;
pub mod vae;

use crate::certainty::Certainty;
use crate::date::Date;

/// The version of the rules and of the built-in data; a share link carries it.
pub const RULES_VERSION: &str = "2026-11-27";

/// One value of a dated parameter, in force from `from` (inclusive) until the next period.
#[derive(Debug)]
pub struct Period<T: 'static> {
    pub from: Date,
    pub value: T,
    pub certainty: Certainty,
    /// Ids of [`sources::LEGAL`] entries.
    pub sources: &'static [&'static str],
}

/// The period of `periods` in force on `date`. Every list starts on the first day of coverage
/// (checked by tests) and dates before it are refused with the input, so the first period stands
/// for any earlier date.
pub fn in_force<T>(periods: &'static [Period<T>], date: Date) -> &'static Period<T> {
    periods.iter().rev().find(|p| p.from <= date).unwrap_or(&periods[0])
}

/// A dated rule of rules.md, for the coverage sweep and the documentation: its id and the first
/// day of each of its windows.
pub struct Rule {
    pub id: &'static str,
    pub windows: fn() -> Vec<Date>,
}

macro_rules! windows {
    ($($periods:expr),+) => {
        || { let mut w = Vec::new(); $(w.extend($periods.iter().map(|p| p.from));)+ w }
    };
}

/// Every rule of rules.md with its windows.
pub const RULES: &[Rule] = &[
    Rule { id: "R1", windows: windows!(composition::COMPOSITION) },
    Rule { id: "R2", windows: windows!(composition::COMPOSITION) },
    Rule { id: "R3", windows: windows!(access::SESSION_TITRE, assessment::ASSESSMENT) },
    Rule { id: "R4", windows: windows!(access::SESSION_CCP) },
    Rule { id: "R5", windows: windows!(capitalisation::CCP_VALIDITY) },
    Rule { id: "R6", windows: windows!(revision_closure::CLOSURE_GRACE) },
    Rule { id: "R7", windows: windows!(vae::MINIMUM_EXPERIENCE, vae::ADMISSIBILITY) },
    Rule { id: "R8", windows: windows!(ccs::MINIMUM_EXPERIENCE) },
    Rule { id: "R9", windows: windows!(retake::RETAKE_WITHOUT_TRAINING) },
    Rule { id: "R10", windows: windows!(documents::DOCUMENTS) },
    Rule { id: "R11", windows: || vec![coverage::START] },
];
