//! The rules of rules.md, one module per legal source, each rule implemented once.
//!
//! | rule | what | module |
//! |---|---|---|
//! | R1, R2 | what a title is made of, the ways to obtain it, equivalences | [`composition`] |
//! | R3, R4 | who may sit a session titre / a session CCP | [`access`] |
//! | R3, R4, R8 | what the jury looks at | [`assessment`] |
//! | R5 | how long CCPs count (R338-5, old and new wording) | [`capitalisation`] |
//! | R6 | the title's standing, revision tables, closure and its grace year (arrêté 2015 art. 3) | [`revision_closure`] |
//! | R7 | VAE: minimum experience, admissibility (L335-5, L6412-1 ff.) | [`vae`] |
//! | R8 | CCS (arrêté 2015 art. 4 as amended) | [`ccs`] |
//! | R9 | failure or absence, retake without training (art. 10) | [`retake`] |
//! | R10 | documents: parchemin, livret de certification | [`documents`] |
//! | R11 | evaluation date and coverage | [`coverage`] |
//!
//! Each rule takes the evaluation's [`Ctx`] (read only) and appends its decisions to the
//! [`Journal`](crate::journal::Journal); it returns the decision's id, and typed values where a
//! later rule needs them. Dated parameters are [`Period`] lists: each value holds from its `from`
//! date (inclusive) until the next period's `from` (exclusive), the half-open windows of rules.md
//! R6. Every legal date is declared once, in [`dates`].

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
use crate::journal::Ask;
use crate::situation::{Path, Situation};
use crate::title::Title;

/// The version of the rules and of the built-in data; a share link carries it.
pub const RULES_VERSION: &str = "2026-11-29";

/// The dates on which the law changed (rules.md, "Legal texts and when they apply"), each once.
pub mod dates {
    use crate::date::Date;

    /// Arrêté du 25 novembre 2002: the titre professionnel regime begins (first day of coverage).
    pub const TP_REGIME: Date = Date::ymd(2002, 12, 14);
    /// Arrêté du 9 mars 2006, art. 4: first notifications of admissibility we date (policy R7).
    pub const ARRETE_2006_ADMISSIBILITY: Date = Date::ymd(2007, 1, 1);
    /// Arrêté du 22 décembre 2015: current conditions of delivery.
    pub const ARRETE_2015: Date = Date::ymd(2016, 6, 1);
    /// Décret 2016-954: R338-5's new wording (CCPs count while the title is valid).
    pub const DECRET_2016_954: Date = Date::ymd(2016, 7, 14);
    /// Loi du 8 août 2016: one year of experience for VAE (the decree still said three).
    pub const VAE_ONE_YEAR_LAW: Date = Date::ymd(2016, 8, 10);
    /// Règlement général des sessions, as amended: absent candidates may sit a new session.
    pub const REGLEMENT_SESSIONS: Date = Date::ymd(2016, 9, 1);
    /// Amendment of the arrêté of 2015: one year of experience for a CCS instead of three.
    pub const CCS_ONE_YEAR: Date = Date::ymd(2017, 1, 1);
    /// VAE: one year, continuous or not, in law and decree.
    pub const VAE_ONE_YEAR: Date = Date::ymd(2017, 10, 1);
    /// VAE: 1,607 hours.
    pub const VAE_HOURS: Date = Date::ymd(2019, 11, 4);
    /// VAE reform: France VAE portal, no minimum duration, the certifier decides admissibility.
    pub const VAE_REFORM: Date = Date::ymd(2024, 1, 1);
    /// First day no longer covered (absurd dates).
    pub const COVERAGE_END: Date = Date::ymd(2100, 1, 1);
}

/// What every rule may read: the title, the situation, the evaluation date and the route.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub title: &'a Title,
    pub situation: &'a Situation,
    pub as_of: Date,
    pub path: Path,
}

impl Ctx<'_> {
    /// Whom to ask about what is not in our data: for a VAE path from 2024, the certifier through
    /// France VAE, never the DREETS (rules.md R7); otherwise the DREETS unit.
    pub fn ask(&self) -> Ask {
        let france_vae = self.path == Path::Vae && self.situation.vae_applied().is_some_and(|d| d >= dates::VAE_REFORM);
        if france_vae { Ask::FranceVae } else { Ask::Dreets }
    }

    /// A CCP's name in both languages, for texts: « name » (version v).
    pub fn ccp_name(&self, id: &str) -> crate::Text {
        match self.title.ccp(id) {
            Some((v, c)) => {
                let v = &self.title.versions[v].id;
                crate::tx!("« {} » (version {})", "\"{}\" ({} version)", c.name, v)
            }
            None => crate::Text::plain(id),
        }
    }
}

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
    Rule { id: "R7", windows: windows!(vae::MINIMUM_EXPERIENCE, vae::ADMISSIBILITY_VALIDITY) },
    Rule { id: "R8", windows: windows!(ccs::MINIMUM_EXPERIENCE) },
    Rule { id: "R9", windows: windows!(retake::RETAKE_WITHOUT_TRAINING) },
    Rule { id: "R10", windows: windows!(documents::DOCUMENTS) },
    Rule { id: "R11", windows: || vec![dates::TP_REGIME] },
];
