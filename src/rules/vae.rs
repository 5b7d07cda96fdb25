//! R7. VAE: who may apply, and admissibility.
//!
//! Experience in direct relation with the title, paid or volunteer (L335-5). Its minimum duration
//! depends on when the application was filed (table below). Calculator policy (rules.md R7):
//! - the application date selects the regime (the DREETS before 2024-01-01, the certifier on the
//!   France VAE portal from then on) and the minimum experience;
//! - within the DREETS regime the notification date selects how long admissibility lasts: one year
//!   from 2016-06-01 (official), one year for 2007-01-01..2016-05-31 (secondary), unknown before;
//! - an admissibility still valid is the official decision that the experience condition is met:
//!   the duration is not re-checked, and the candidate is never told to apply again;
//! - a France VAE admissibility is taken as valid one year (estimated, the former rule used as an
//!   estimate); after that year, "cannot tell yet", and the person to ask is the certifier;
//! - months and hours both given: the larger counts, and the explanation says so.
//!
//! One application per calendar year for the same certification (R335-7; R6412-3).

use super::dated::{date_text, deadline, until_text};
use super::dates::{self, VAE_REFORM};
use super::{unread_before_2015, Ctx, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::{law, Decision, Fact, Id, Journal, Tri};
use crate::report::Ask;
use crate::report::Unknown;
use crate::situation::Experience;
use crate::{tl, tx, Text};

/// Hours of one legal working year; 1,607 h = 12 months of full-time work (rules.md R7).
pub const HOURS_PER_YEAR: f64 = 1607.0;

/// A unit in which a minimum of experience is set (rules.md R7: each minimum is compared in its
/// own unit, hours with hours, months with months).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Months,
    Hours,
}

impl Unit {
    /// "12 mois" / "12 months", "1 heure" / "1 hour": `n` as `number` writes it.
    fn amount(self, n: f64, number: fn(f64) -> Text) -> Text {
        let one = matches!(number(n), Text::Number(100));
        match (self, one) {
            (Unit::Months, true) => tl!(VAE_MONTH, number(n)),
            (Unit::Months, false) => tl!(STANDING_MONTHS, number(n)),
            (Unit::Hours, true) => tl!(VAE_HOUR, number(n)),
            (Unit::Hours, false) => tl!(VAE_HOURS, number(n)),
        }
    }
}

/// The stated experience in `unit`: months and hours are both accepted (1,607 h = 12 months), and
/// the larger counts. `None` when neither is given.
pub fn experience_in(experience: &Experience, unit: Unit) -> Option<f64> {
    let (to_months, to_hours) = (12.0 / HOURS_PER_YEAR, HOURS_PER_YEAR / 12.0);
    let (from_months, from_hours) = match unit {
        Unit::Months => (experience.months, experience.hours.map(|h| h * to_months)),
        Unit::Hours => (experience.months.map(|m| m * to_hours), experience.hours),
    };
    match (from_months, from_hours) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Whether `have` reaches `need` (a margin for the conversion's rounding: 4,821 h are 36 months).
pub fn reaches(have: f64, need: f64) -> bool {
    have + 1e-9 >= need
}

/// The experience as the person stated it, and what it is in `unit` when they used the other one
/// (or both): "4 820 heures (soit 35,99 mois)". The converted figure is rounded down, so that a
/// shortfall never reads as the minimum itself.
pub fn stated(experience: &Experience, unit: Unit) -> Text {
    let amount = |u: Unit, n: f64| u.amount(n, Text::number_down);
    let total = experience_in(experience, unit).unwrap_or_default();
    match (experience.months, experience.hours) {
        (Some(m), Some(h)) => {
            tl!(VAE_LARGER_COUNTS, amount(Unit::Months, m), amount(Unit::Hours, h), amount(unit, total))
        }
        (Some(m), None) if unit == Unit::Months => amount(Unit::Months, m),
        (None, Some(h)) if unit == Unit::Hours => amount(Unit::Hours, h),
        (Some(m), None) => tl!(VAE_TEXT, amount(Unit::Months, m), amount(unit, total)),
        (None, Some(h)) => tl!(VAE_TEXT, amount(Unit::Hours, h), amount(unit, total)),
        (None, None) => Text::default(),
    }
}

/// The shortfall in the minimum's own unit, rounded up: never "0 short" (rules.md R7).
pub fn shortfall(have: f64, need: f64, unit: Unit) -> Text {
    if reaches(have, need) {
        return Text::default();
    }
    tl!(VAE_SHORT, unit.amount(need - have, Text::number_up))
}

/// Minimum experience for a VAE application, by filing date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Minimum {
    /// Months in total, continuous or not.
    Months(u32),
    /// The law (months) and the decree (months) conflict: the policy applies the law, flagged.
    Conflict { law: u32, decree: u32 },
    /// Hours of work (one legal working year).
    Hours(u32),
    /// No minimum duration (paths started from 2024-01-01).
    None,
}

pub static MINIMUM_EXPERIENCE: &[Period<Minimum>] = &[
    Period {
        from: dates::TP_REGIME,
        value: Minimum::Months(36),
        certainty: Certainty::Official,
        sources: &["L335-5"],
    },
    Period {
        from: dates::VAE_ONE_YEAR_LAW,
        value: Minimum::Conflict { law: 12, decree: 36 },
        certainty: Certainty::Estimated,
        sources: &["L335-5", "policy"],
    },
    Period {
        from: dates::VAE_ONE_YEAR,
        value: Minimum::Months(12),
        certainty: Certainty::Official,
        sources: &["L335-5"],
    },
    Period {
        from: dates::VAE_HOURS,
        value: Minimum::Hours(1607),
        certainty: Certainty::Official,
        sources: &["L335-5"],
    },
    Period {
        from: VAE_REFORM,
        value: Minimum::None,
        certainty: Certainty::Secondary,
        sources: &["vae-reform", "france-vae-faq"],
    },
];

/// How long a DREETS admissibility lasts, by notification date (`None`: not in our data).
pub static ADMISSIBILITY_VALIDITY: &[Period<Option<i16>>] = &[
    unread_before_2015(),
    Period {
        from: dates::ARRETE_2006_ADMISSIBILITY,
        value: Some(1),
        certainty: Certainty::Secondary,
        sources: &["arrete-2006-art4"],
    },
    Period {
        from: dates::ARRETE_2015,
        value: Some(1),
        certainty: Certainty::Official,
        sources: &["arrete-2015-art7"],
    },
];

/// Months the certifier has to decide on France VAE, silence then meaning admissible (L6412-2),
/// by filing date; `None` before the reform (the DREETS decided, without such a delay).
pub static FRANCE_VAE_DECISION: &[Period<Option<i32>>] = &[
    Period { from: dates::TP_REGIME, value: None, certainty: Certainty::Official, sources: &["L335-5"] },
    Period { from: VAE_REFORM, value: Some(2), certainty: Certainty::Official, sources: &["L6412-2"] },
];

/// Years a France VAE admissibility is taken to last, by filing date: not in the texts we have;
/// the former one-year validity is used as an estimate (rules.md R7, policy). `None` before the
/// reform (see [`ADMISSIBILITY_VALIDITY`]).
pub static FRANCE_VAE_VALIDITY: &[Period<Option<i16>>] = &[
    Period { from: dates::TP_REGIME, value: None, certainty: Certainty::Official, sources: &["L335-5"] },
    Period {
        from: VAE_REFORM,
        value: Some(1),
        certainty: Certainty::Estimated,
        sources: &["arrete-2015-art7", "policy"],
    },
];

/// The candidate's admissibility on `asOf`.
pub struct Admission {
    pub id: Id,
    /// Admissibility granted and still valid (or taken as such): the experience is not re-checked.
    pub admitted: bool,
    /// Until when it lasts, in words, when admitted.
    pub until: Option<Text>,
}

/// Whether the experience is in direct relation with the title (L335-5; from 2024, L6411-1).
pub fn related(ctx: &Ctx, j: &mut Journal) -> Id {
    let related = ctx.situation.experience.as_ref().and_then(|e| e.related);
    j.push(Decision::on_answer(
        "R7",
        related,
        Certainty::Official,
        &["L335-5", "referentiel"],
        "experience.related",
        [
            tx!(VAE_EXPERIENCE_DIRECTLY_RELATED_TITLE_PAID),
            tx!(VAE_VAE_REQUIRES_EXPERIENCE_DIRECTLY_RELATED),
            tx!(VAE_WE_NEED_KNOW_WHETHER_EXPERIENCE),
        ],
    ))
}

/// The minimum duration of experience for an application filed on `applied`, compared in its own
/// unit (rules.md R7, "the parameters decide").
pub fn duration(ctx: &Ctx, j: &mut Journal, applied: Date) -> Id {
    let rule = super::in_force(ctx.params.vae_minimum, applied);
    let experience = ctx.situation.experience.clone().unwrap_or_default();
    let on = Text::date(applied);
    let (need, unit) = match rule.value {
        Minimum::Months(m) | Minimum::Conflict { law: m, .. } => (f64::from(m), Unit::Months),
        Minimum::Hours(h) => (f64::from(h), Unit::Hours),
        Minimum::None => {
            return j.push(Decision::new(
                "R7",
                Tri::Yes,
                rule.certainty,
                rule.sources,
                tl!(VAE_APPLICATION_FILED_PATH_STARTED_MINIMUM, on, Text::date(VAE_REFORM)),
            ));
        }
    };
    let Some(have) = experience_in(&experience, unit) else {
        let d = Decision::new(
            "R7",
            Tri::Unknown,
            rule.certainty,
            rule.sources,
            tl!(VAE_APPLICATION_FILED_LEAST_EXPERIENCE_REQUIRED, on, unit.amount(need, Text::number)),
        );
        return j.push(d.with(Fact::Missing("experience.months")));
    };
    let (how, gap) = (stated(&experience, unit), shortfall(have, need, unit));
    let (certainty, text) = match rule.value {
        Minimum::Hours(_) => (
            rule.certainty,
            tl!(
                VAE_APPLICATION_FILED_LEAST_EXPERIENCE_REQUIRED_2,
                on,
                unit.amount(need, Text::number),
                how,
                gap
            ),
        ),
        Minimum::Conflict { decree, .. } => {
            let decree = f64::from(decree);
            // Both texts agree above the decree's 3 years and below the law's 1 year.
            let certainty = if reaches(have, decree) || !reaches(have, need) {
                Certainty::Official
            } else {
                rule.certainty
            };
            (
                certainty,
                tl!(
                    VAE_APPLICATION_FILED_LAW_REQUIRES_MONTHS,
                    on,
                    Text::number(need),
                    Text::number(decree),
                    Text::number(need),
                    how,
                    gap
                ),
            )
        }
        _ => (
            rule.certainty,
            tl!(
                VAE_APPLICATION_FILED_LEAST_EXPERIENCE_RELATED,
                on,
                unit.amount(need, Text::number),
                how,
                gap
            ),
        ),
    };
    let mut d = Decision::new("R7", Tri::from_bool(reaches(have, need)), certainty, rule.sources, text);
    if let Minimum::Conflict { decree, .. } = rule.value {
        if !reaches(have, f64::from(decree)) {
            d = d.with(Fact::Note(tl!(
                VAE_BETWEEN_LAW_DECREE_DISAGREED_LENGTH,
                Text::date(dates::VAE_ONE_YEAR_LAW),
                Text::date(dates::VAE_ONE_YEAR.pred())
            )));
        }
    }
    j.push(d)
}

/// Admissibility (recevabilité) on `asOf`, for an application filed on `applied`: granted and
/// still valid, lapsed, pending, or not yet asked for (then the route starts with the application).
pub fn admissibility(ctx: &Ctx, j: &mut Journal, applied: Date) -> Admission {
    let vae = ctx.situation.vae.clone().unwrap_or_default();
    let note = Fact::Note(tx!(VAE_ONE_VAE_APPLICATION_PER_CALENDAR));
    let end_label = tx!(VAE_END_ADMISSIBILITY_REGISTER_SESSION_TITRE);
    if applied < VAE_REFORM {
        let Some(notified) = vae.admissible else {
            let d = Decision::new(
                "R7",
                Tri::Yes,
                Certainty::Official,
                &["arrete-2015-art7", "R335-7"],
                tx!(VAE_FILE_ADMISSIBILITY_APPLICATION_DREETS_UNIT),
            );
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        };
        let rule = super::in_force(ctx.params.admissibility_validity, notified);
        let Some(years) = rule.value else {
            let what =
                tl!(VAE_HOW_LONG_ADMISSIBILITY_NOTIFIED_BEFORE, Text::date(dates::ARRETE_2006_ADMISSIBILITY));
            let d = Decision::new(
                "R7",
                Tri::Unknown,
                Certainty::Unknown,
                rule.sources,
                tl!(VAE_ADMISSIBILITY_WAS_NOTIFIED_OUR_DATA, Text::date(notified), what.clone()),
            );
            let facts = [
                deadline("admissibilityEnd", None, Certainty::Unknown, end_label, None),
                Fact::Unknown(Unknown { what, ask: ctx.ask().text() }),
                note,
            ];
            return Admission { id: j.push(d.with_all(facts)), admitted: false, until: None };
        };
        let end = notified.plus_years(years);
        let valid = ctx.as_of <= end;
        let text = if valid {
            tl!(
                VAE_ADMISSIBILITY_NOTIFIED_DREETS_VALID_SETTLES,
                Text::date(notified),
                Text::years(years),
                until_text(end, rule.certainty)
            )
        } else {
            tl!(
                VAE_ADMISSIBILITY_NOTIFIED_WAS_VALID_ENDED,
                Text::date(notified),
                Text::years(years),
                date_text(Some(end), rule.certainty)
            )
        };
        let d = Decision::new("R7", Tri::from_bool(valid), rule.certainty, rule.sources, text)
            .with(deadline("admissibilityEnd", Some(end), rule.certainty, end_label, None))
            .with_all(admitted_note(ctx, applied).filter(|_| valid));
        return Admission {
            id: j.push(d.with(note)),
            admitted: valid,
            until: valid.then(|| until_text(end, rule.certainty)),
        };
    }
    // France VAE: the certifier decides within the delay of the table, silence meaning yes (L6412-2).
    let delay = super::in_force(ctx.params.france_vae_decision, applied);
    let validity = super::in_force(ctx.params.france_vae_validity, applied);
    let (Some(months), Some(years)) = (delay.value, validity.value) else {
        let what = tx!(VAE_TIME_LIMITS_ADMISSIBILITY_FRANCE_VAE);
        let d = Decision::new(
            "R7",
            Tri::Unknown,
            Certainty::Unknown,
            delay.sources,
            tl!(STANDING_OUR_DATA_DOES_SAY, what.clone()),
        )
        .with(Fact::Unknown(Unknown { what, ask: Ask::FranceVae.text() }));
        return Admission { id: j.push(d.with(note)), admitted: false, until: None };
    };
    let decision_by = applied.plus_months(months);
    let granted = match (vae.admissible, vae.applied) {
        (Some(notified), _) => Some((notified, tl!(VAE_GRANTED_CERTIFIER, Text::date(notified)))),
        (None, Some(_)) if ctx.as_of > decision_by => Some((
            decision_by,
            tl!(VAE_OBTAINED_CERTIFIER_DID_ANSWER_WITHIN, Text::date(decision_by), months),
        )),
        (None, Some(_)) => {
            let d = Decision::new(
                "R7",
                Tri::Yes,
                delay.certainty,
                delay.sources,
                tl!(
                    VAE_APPLICATION_FILED_BEING_EXAMINED_CERTIFIER,
                    Text::date(applied),
                    date_text(Some(decision_by), delay.certainty)
                ),
            )
            .with(deadline(
                "admissibilityDecisionBy",
                Some(decision_by),
                delay.certainty,
                tl!(VAE_CERTIFIER_ANSWERS_WITHIN_MONTHS_ANSWER, months),
                None,
            ));
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        }
        (None, None) => {
            let d = Decision::new(
                "R7",
                Tri::Yes,
                delay.certainty,
                &["L6412-2", "vae-reform"],
                tl!(VAE_FILE_APPLICATION_FRANCE_VAE_PORTAL, months),
            );
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        }
    };
    let (from, how) = granted.expect("handled above");
    let end = from.plus_years(years);
    let what = tx!(VAE_HOW_LONG_ADMISSIBILITY_GRANTED_FRANCE);
    let end_fact = deadline(
        "admissibilityEnd",
        Some(end),
        validity.certainty,
        tl!(VAE_ESTIMATED_END_ADMISSIBILITY_FORMER_VALIDITY, Text::years(years)),
        None,
    );
    let mut sources = vec!["L6412-2"];
    sources.extend(validity.sources);
    let d = if ctx.as_of <= end {
        Decision::new(
            "R7",
            Tri::Yes,
            validity.certainty.min(delay.certainty),
            &[],
            tl!(
                VAE_ADMISSIBILITY_WAS_MAY_GO_SESSION,
                how,
                Text::years(years),
                until_text(end, validity.certainty)
            ),
        )
    } else {
        let ago =
            if years == 1 { tx!(VAE_MORE_THAN_YEAR_AGO) } else { tl!(VAE_MORE_THAN_AGO, Text::years(years)) };
        Decision::new(
            "R7",
            Tri::Unknown,
            Certainty::Unknown,
            &[],
            tl!(VAE_ADMISSIBILITY_WAS_OUR_DATA_DOES, how, ago),
        )
    };
    let d = d.citing_all(law(&sources)).with(Fact::Unknown(Unknown { what, ask: Ask::FranceVae.text() }));
    let admitted = d.verdict == Tri::Yes;
    let until = admitted.then(|| until_text(end, validity.certainty));
    Admission { id: j.push(d.with(end_fact).with(note)), admitted, until }
}

/// "un an" / "one year", "2 ans" / "2 years".
/// A note for an admitted candidate whose stated experience looks short for the rule of the time
/// (the admissibility decided; the calculator does not re-check it).
fn admitted_note(ctx: &Ctx, applied: Date) -> Option<Fact> {
    let rule = super::in_force(ctx.params.vae_minimum, applied);
    let experience = ctx.situation.experience.as_ref()?;
    let (need, unit) = match rule.value {
        Minimum::Months(m) | Minimum::Conflict { law: m, .. } => (f64::from(m), Unit::Months),
        Minimum::Hours(h) => (f64::from(h), Unit::Hours),
        Minimum::None => return None,
    };
    let have = experience_in(experience, unit)?;
    (!reaches(have, need)).then(|| {
        Fact::Note(tl!(
            VAE_STATE_EXPERIENCE_LESS_THAN_MINIMUM,
            stated(experience, unit),
            unit.amount(need, Text::number)
        ))
    })
}
