//! R5. How long CCPs can be used towards the title (Code de l'éducation, art. R338-5).
//!
//! - From 2016-07-14 (décret 2016-954): CCPs count while the title is valid. Official.
//! - Before 2016-07-14 (old wording): the CCPs "may be acquired over five years at most"; the reading
//!   "five years from the first CCP obtained" is secondary. The calculator counts from the first CCP
//!   still within its own five years on the evaluation date: a CCP more than five years old has
//!   dropped out and no longer starts the clock, so declaring an older CCP never costs the others.
//! - Transition, no text found. Calculator policy: a CCP obtained before 2016-07-14 is uncertain;
//!   both readings are shown and the person is sent to the DREETS.
//!
//! This module also gives every held CCP its status, combining R6's tables (a definite "no" from a
//! known table wins) with these time rules.

use super::revision_closure::{carry_forward, date_text, Chain, Standing};
use super::{coverage, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::explain::{ask_dreets, Eval};
use crate::report::{CcpStatus, HeldStatus};
use crate::{tl, tx, Text};

/// What limits the use of a CCP towards the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CcpWindow {
    /// All CCPs within five years (read as: from the first CCP obtained).
    FiveYearsFromFirst,
    /// CCPs count while the title is valid.
    WhileTitleValid,
}

/// Length of the old window, in years.
pub const OLD_WINDOW_YEARS: i16 = 5;

/// First day of R338-5's new wording.
pub const NEW_WORDING: Date = Date::ymd(2016, 7, 14);

/// R338-5 by date. The old wording is official; its "from the first CCP" reading is secondary,
/// hence the certainty of the period.
pub static CCP_VALIDITY: &[Period<CcpWindow>] = &[
    Period { from: coverage::START, value: CcpWindow::FiveYearsFromFirst, certainty: Certainty::Secondary, sources: &["R338-5-old"] },
    Period { from: NEW_WORDING, value: CcpWindow::WhileTitleValid, certainty: Certainty::Official, sources: &["R338-5"] },
];

/// Gives each held CCP its status on `asOf`, towards version `target`, and explains each.
pub fn held_statuses(ev: &mut Eval, standing: Standing, target: usize) -> Vec<HeldStatus> {
    let title = ev.title;
    let held = &ev.situation.held;
    let pairs: Vec<(usize, &str)> = held
        .iter()
        .map(|h| (title.ccp(&h.ccp).expect("validated CCP id").0, h.ccp.as_str()))
        .collect();
    let chains = carry_forward(title, &pairs, target);
    let all: Vec<Date> = held.iter().map(|h| h.obtained).collect();
    let rule_now = super::in_force(CCP_VALIDITY, ev.as_of);
    let mut out = Vec::new();
    for ((h, &(version, _)), chain) in held.iter().zip(&pairs).zip(chains) {
        let name = ev.ccp_name(&h.ccp);
        let version_id = title.versions[version].id.clone();
        let (status, counts_as, reason, certainty) = match chain {
            Chain::Dropped { reason, certainty } => {
                ev.step("R6", certainty, &["arrete-2015-art3", &table_source(ev, version)], tl!(
                    "{} : non pris en compte, car {}.", "{}: not credited, because {}.", name, reason));
                (CcpStatus::NotCredited, vec![], reason, certainty)
            }
            Chain::Unknown { reason, trail } => {
                // The path through the tables, when it went through any: "(2003-U3 → 2011-CCP2)".
                let trail = if trail.len() > 1 { Text::plain(format!(" ({})", trail.join(" → "))) } else { Text::default() };
                ev.step("R6", Certainty::Unknown, &["arrete-2015-art3", &table_source(ev, version)], tl!(
                    "{}{} : statut incertain, car {}.", "{}{}: uncertain, because {}.", name, trail, reason));
                ev.unknown(tl!("la correspondance de vos CCP anciens vers la version actuelle ({})",
                    "how your older CCPs carry into the current version ({})", reason), ask_dreets());
                // Policy (R5 transition): a CCP from before 2016-07-14 shows both time readings too.
                if rule_now.value == CcpWindow::WhileTitleValid && h.obtained < NEW_WORDING {
                    time_rule(ev, h.obtained, old_window_end(h.obtained, &all, ev.as_of), rule_now, standing, &name);
                }
                (CcpStatus::Uncertain, vec![], reason, Certainty::Unknown)
            }
            Chain::Reaches { counts_as, certainty: table_certainty, trail } => {
                if trail.len() > 1 {
                    ev.step("R6", table_certainty, &["arrete-2015-art3", &table_source(ev, version)], tl!(
                        "{} : reporté par les tables de correspondance ({}).", "{}: carried by the correspondence tables ({}).",
                        name, Text::plain(trail.join(" → "))));
                }
                let old_end = old_window_end(h.obtained, &all, ev.as_of);
                let (status, reason, certainty) = time_rule(ev, h.obtained, old_end, rule_now, standing, &name);
                let certainty = certainty.min(table_certainty);
                // A "counts" resting on an unknown fact (which version is in force) is no yes.
                let (status, reason) = if status == CcpStatus::Counts && certainty == Certainty::Unknown {
                    (CcpStatus::Uncertain, tl!("{} ; mais la version en vigueur à cette date n'est pas connue",
                        "{}; but the version in force on that date is not known", reason))
                } else {
                    (status, reason)
                };
                let counts_as = if status == CcpStatus::Counts { counts_as } else { vec![] };
                (status, counts_as, reason, certainty)
            }
        };
        out.push(HeldStatus { ccp: h.ccp.clone(), version: version_id, obtained: h.obtained, status, counts_as, reason, certainty });
    }
    out
}

/// End of the old five-year window for a CCP obtained on `obtained`, as of `as_of`: five years
/// after the first CCP still within its own five years; for a CCP already past them, its own end.
fn old_window_end(obtained: Date, all: &[Date], as_of: Date) -> Date {
    let own_end = obtained.plus_years(OLD_WINDOW_YEARS);
    if own_end < as_of {
        return own_end;
    }
    let first_live = all.iter().copied().filter(|o| o.plus_years(OLD_WINDOW_YEARS) >= as_of).min().unwrap_or(obtained);
    first_live.plus_years(OLD_WINDOW_YEARS)
}

fn table_source(ev: &Eval, version: usize) -> String {
    ev.title.versions.get(version + 1).and_then(|v| v.correspondence.as_ref()).map_or_else(
        || ev.title.versions[version].start.source.clone(), |t| t.source.clone())
}

/// R5 for a CCP that a table carries to the current version.
fn time_rule(ev: &mut Eval, obtained: Date, old_end: Date, rule_now: &'static Period<CcpWindow>,
             standing: Standing, name: &Text) -> (CcpStatus, Text, Certainty) {
    let old = date_text(Some(old_end), Certainty::Secondary);
    match rule_now.value {
        CcpWindow::FiveYearsFromFirst => {
            ev.deadline("oldFiveYearWindowEnd", Some(old_end), Certainty::Secondary, tx!(
                "Fin des cinq ans pour réunir les CCP (comptés depuis votre premier CCP)",
                "End of the five years to gather the CCPs (counted from your first CCP)"), None);
            if ev.as_of <= old_end {
                let reason = tl!("dans les cinq ans depuis votre premier CCP (jusqu'au {})", "within five years of your first CCP (until {})", old);
                ev.step("R5", rule_now.certainty, rule_now.sources, tl!("{} : compte, {}.", "{}: counts, {}.", name, reason));
                (CcpStatus::Counts, reason, rule_now.certainty)
            } else {
                let reason = tl!("les cinq ans depuis votre premier CCP ont pris fin le {}", "the five years since your first CCP ended on {}", old);
                ev.step("R5", rule_now.certainty, rule_now.sources, tl!("{} : périmé, {}.", "{}: expired, {}.", name, reason));
                (CcpStatus::Expired, reason, rule_now.certainty)
            }
        }
        CcpWindow::WhileTitleValid if obtained < NEW_WORDING => {
            ev.deadline("oldFiveYearWindowEnd", Some(old_end), Certainty::Secondary, tx!(
                "Fin des cinq ans depuis votre premier CCP, selon l'ancienne règle",
                "End of the five years since your first CCP, under the old rule"), Some(tx!(
                "si l'ancienne règle s'applique encore à vos CCP d'avant le 14 juillet 2016",
                "if the old rule still applies to your CCPs from before 14 July 2016")));
            let reason = tl!(
                "obtenu avant le 14 juillet 2016 : selon l'ancienne règle, il fallait réunir les CCP en cinq ans (jusqu'au {}) ; selon la règle actuelle, ils comptent tant que le titre est valide ; aucun texte ne dit laquelle s'applique",
                "obtained before 14 July 2016: under the old rule the CCPs had to be gathered within five years (until {}); under the current rule they count while the title is valid; no text says which applies", old);
            ev.step("R5", Certainty::Unknown, &["R338-5-old", "R338-5", "policy"], tl!(
                "{} : statut incertain, {}.", "{}: uncertain, {}.", name, reason));
            ev.unknown(tx!("la règle qui s'applique aux CCP obtenus avant le 14 juillet 2016",
                "which rule applies to CCPs obtained before 14 July 2016"), ask_dreets());
            (CcpStatus::Uncertain, reason, Certainty::Unknown)
        }
        CcpWindow::WhileTitleValid => {
            let (status, reason, certainty) = match standing {
                Standing::InForce { certainty, .. } => (CcpStatus::Counts, tx!(
                    "il compte tant que le titre est valide", "it counts while the title is valid"), certainty.min(rule_now.certainty)),
                Standing::Grace { certainty } => (CcpStatus::Counts, tx!(
                    "le titre est clôturé mais vous êtes dans l'année laissée aux titulaires de CCP",
                    "the title is closed but you are within the year left to CCP holders"), certainty),
                Standing::Ended { certainty } => (CcpStatus::Expired, tx!(
                    "le titre est clôturé et l'année laissée aux titulaires de CCP est passée",
                    "the title is closed and the year left to CCP holders has passed"), certainty),
                Standing::Unknown | Standing::NotCreated => (CcpStatus::Uncertain, tx!(
                    "l'enregistrement du titre est terminé et la suite n'est pas dans nos données",
                    "the title's registration has ended and what followed is not in our data"), Certainty::Unknown),
            };
            let verb = match status {
                CcpStatus::Counts => tx!("compte", "counts"),
                CcpStatus::Expired => tx!("périmé", "expired"),
                _ => tx!("statut incertain", "uncertain"),
            };
            ev.step("R5", certainty, rule_now.sources, tl!("{} : {}, {}.", "{}: {}, {}.", name, verb, reason));
            (status, reason, certainty)
        }
    }
}
