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
pub mod dated;
pub mod documents;
pub mod retake;
pub mod revision_closure;
pub mod sources;
pub mod vae;

use crate::certainty::Certainty;
use crate::date::Date;
use crate::report::Ask;
use crate::situation::{Path, Situation};
use crate::title::Title;

/// The version of the rules and of the built-in data; a share link carries it.
pub const RULES_VERSION: &str = "2026-12-06";

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
    /// The dated parameters: [`LAW`], or a variant in the parameter test.
    pub params: &'a Params,
}

impl Ctx<'_> {
    /// Whom to ask about what is not in our data: for a VAE path from 2024, the certifier through
    /// France VAE, never the DREETS (rules.md R7); otherwise the DREETS unit.
    pub fn ask(&self) -> Ask {
        let france_vae =
            self.path == Path::Vae && self.situation.vae_applied().is_some_and(|d| d >= dates::VAE_REFORM);
        if france_vae {
            Ask::FranceVae
        } else {
            Ask::Dreets
        }
    }

    /// A CCP's name in both languages, for texts: « name » (version v).
    pub fn ccp_name(&self, id: &str) -> crate::Text {
        match self.title.ccp(id) {
            Some((v, c)) => {
                let v = &self.title.versions[v].id;
                crate::tx!(RULES_VERSION, c.name, v)
            }
            None => crate::Text::plain(id),
        }
    }
}

/// One value of a dated parameter, in force from `from` (inclusive) until the next period.
#[derive(Clone, Debug)]
pub struct Period<T: 'static> {
    pub from: Date,
    pub value: T,
    pub certainty: Certainty,
    /// Ids of [`sources::LEGAL`] entries.
    pub sources: &'static [&'static str],
}

/// The first period of a value the arrêtés of 2002 and 2006 set: they governed until the arrêté of
/// 2015 and were not read, so the value is not in our data (rules.md R12: unknown, never guessed).
pub const fn unread_before_2015<T>() -> Period<Option<T>> {
    Period {
        from: dates::TP_REGIME,
        value: None,
        certainty: Certainty::Unknown,
        sources: &["arrete-2002", "arrete-2006"],
    }
}

/// The first period of a principle the arrêtés of 2002 and 2006 governed until the arrêté of 2015:
/// they were not read, so the principle the référentiel describes applies, as a secondary fact.
pub const AS_THE_REFERENTIEL_BEFORE_2015: Period<()> = Period {
    from: dates::TP_REGIME,
    value: (),
    certainty: Certainty::Secondary,
    sources: &["arrete-2002", "arrete-2006", "referentiel"],
};

/// The period of `periods` in force on `date`. Every list starts on the first day of coverage
/// (checked by tests) and dates before it are refused with the input, so the first period stands
/// for any earlier date.
pub fn in_force<T>(periods: &'static [Period<T>], date: Date) -> &'static Period<T> {
    periods.iter().rev().find(|p| p.from <= date).unwrap_or(&periods[0])
}

/// Every dated parameter of rules.md, as the rules read it (OpenFisca's parameters): each rule
/// reads its values from [`Ctx::params`], never from a literal in its code, so that a value
/// changed here changes the answers (the parameter test, `tests/params.rs`, checks that every
/// table decides something). [`LAW`] is the law as rules.md states it.
#[derive(Clone, Copy)]
pub struct Params {
    /// R1, R2: a title is made of CCPs; how it is obtained.
    pub composition: &'static [Period<()>],
    /// R3: who may sit a session titre after training.
    pub session_titre: &'static [Period<()>],
    /// R4: who may sit a session CCP.
    pub session_ccp: &'static [Period<()>],
    /// R3, R4, R8: what the jury looks at.
    pub assessment: &'static [Period<()>],
    /// R5: how long CCPs count, by evaluation date.
    pub ccp_validity: &'static [Period<capitalisation::CcpWindow>],
    /// R6: years a closed title stays open to CCP holders, by the date its registration ended.
    pub closure_grace: &'static [Period<Option<i16>>],
    /// R7: minimum experience for a VAE application, by filing date.
    pub vae_minimum: &'static [Period<vae::Minimum>],
    /// R7: years a DREETS admissibility lasts, by notification date.
    pub admissibility_validity: &'static [Period<Option<i16>>],
    /// R7: months the certifier has to decide on France VAE, by filing date.
    pub france_vae_decision: &'static [Period<Option<i32>>],
    /// R7: years a France VAE admissibility is taken to last (an estimate), by filing date.
    pub france_vae_validity: &'static [Period<Option<i16>>],
    /// R8: minimum months of experience for a CCS without coherent training, by evaluation date.
    pub ccs_minimum: &'static [Period<Option<u32>>],
    /// R9: years to sit a session titre again without new training, by evaluation date.
    pub retake: &'static [Period<Option<i16>>],
    /// R10: the documents delivered.
    pub documents: &'static [Period<()>],
}

/// The law as rules.md states it.
pub static LAW: Params = Params {
    composition: composition::COMPOSITION,
    session_titre: access::SESSION_TITRE,
    session_ccp: access::SESSION_CCP,
    assessment: assessment::ASSESSMENT,
    ccp_validity: capitalisation::CCP_VALIDITY,
    closure_grace: revision_closure::CLOSURE_GRACE,
    vae_minimum: vae::MINIMUM_EXPERIENCE,
    admissibility_validity: vae::ADMISSIBILITY_VALIDITY,
    france_vae_decision: vae::FRANCE_VAE_DECISION,
    france_vae_validity: vae::FRANCE_VAE_VALIDITY,
    ccs_minimum: ccs::MINIMUM_EXPERIENCE,
    retake: retake::RETAKE_WITHOUT_TRAINING,
    documents: documents::DOCUMENTS,
};

/// One table of [`Params`] as the tests and the sweep see it: its name, its rule in rules.md and,
/// for each period, its first day, certainty and legal sources.
pub struct Table {
    pub name: &'static str,
    pub rule: &'static str,
    pub periods: Vec<(Date, Certainty, &'static [&'static str])>,
}

impl Params {
    /// Every table, in the order of rules.md: the one list that feeds the rules' windows, the data
    /// tests (sources, order, coverage) and the sweep's boundary dates.
    pub fn tables(&self) -> Vec<Table> {
        fn t<T>(name: &'static str, rule: &'static str, periods: &[Period<T>]) -> Table {
            Table { name, rule, periods: periods.iter().map(|p| (p.from, p.certainty, p.sources)).collect() }
        }
        vec![
            t("composition", "R1", self.composition),
            t("session_titre", "R3", self.session_titre),
            t("session_ccp", "R4", self.session_ccp),
            t("assessment", "R3", self.assessment),
            t("ccp_validity", "R5", self.ccp_validity),
            t("closure_grace", "R6", self.closure_grace),
            t("vae_minimum", "R7", self.vae_minimum),
            t("admissibility_validity", "R7", self.admissibility_validity),
            t("france_vae_decision", "R7", self.france_vae_decision),
            t("france_vae_validity", "R7", self.france_vae_validity),
            t("ccs_minimum", "R8", self.ccs_minimum),
            t("retake", "R9", self.retake),
            t("documents", "R10", self.documents),
        ]
    }
}
