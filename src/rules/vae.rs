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

use super::dates::{self, VAE_REFORM};
use super::revision_closure::{date_text, deadline, until_text};
use super::{Ctx, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::{law, Ask, Decision, Fact, Id, Journal, Tri};
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
            (Unit::Months, true) => tl!("{} mois", "{} month", number(n)),
            (Unit::Months, false) => tl!("{} mois", "{} months", number(n)),
            (Unit::Hours, true) => tl!("{} heure", "{} hour", number(n)),
            (Unit::Hours, false) => tl!("{} heures", "{} hours", number(n)),
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
        (Some(m), Some(h)) => tl!("{} et {} ; le plus grand compte : {}", "{} and {}; the larger counts: {}",
            amount(Unit::Months, m), amount(Unit::Hours, h), amount(unit, total)),
        (Some(m), None) if unit == Unit::Months => amount(Unit::Months, m),
        (None, Some(h)) if unit == Unit::Hours => amount(Unit::Hours, h),
        (Some(m), None) => tl!("{} (soit {})", "{} (that is {})", amount(Unit::Months, m), amount(unit, total)),
        (None, Some(h)) => tl!("{} (soit {})", "{} (that is {})", amount(Unit::Hours, h), amount(unit, total)),
        (None, None) => Text::default(),
    }
}

/// The shortfall in the minimum's own unit, rounded up: never "0 short" (rules.md R7).
pub fn shortfall(have: f64, need: f64, unit: Unit) -> Text {
    if reaches(have, need) {
        return Text::default();
    }
    tl!(" : il en manque {}", ": {} short", unit.amount(need - have, Text::number_up))
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
    Period { from: dates::TP_REGIME, value: Minimum::Months(36), certainty: Certainty::Official, sources: &["L335-5"] },
    Period { from: dates::VAE_ONE_YEAR_LAW, value: Minimum::Conflict { law: 12, decree: 36 }, certainty: Certainty::Estimated, sources: &["L335-5", "policy"] },
    Period { from: dates::VAE_ONE_YEAR, value: Minimum::Months(12), certainty: Certainty::Official, sources: &["L335-5"] },
    Period { from: dates::VAE_HOURS, value: Minimum::Hours(1607), certainty: Certainty::Official, sources: &["L335-5"] },
    Period { from: VAE_REFORM, value: Minimum::None, certainty: Certainty::Secondary, sources: &["vae-reform", "france-vae-faq"] },
];

/// How long a DREETS admissibility lasts, by notification date (`None`: not in our data).
pub static ADMISSIBILITY_VALIDITY: &[Period<Option<i16>>] = &[
    Period { from: dates::TP_REGIME, value: None, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: dates::ARRETE_2006_ADMISSIBILITY, value: Some(1), certainty: Certainty::Secondary, sources: &["arrete-2006-art4"] },
    Period { from: dates::ARRETE_2015, value: Some(1), certainty: Certainty::Official, sources: &["arrete-2015-art7"] },
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
    Period { from: VAE_REFORM, value: Some(1), certainty: Certainty::Estimated, sources: &["arrete-2015-art7", "policy"] },
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
    j.push(Decision::on_answer("R7", related, Certainty::Official, &["L335-5", "referentiel"], "experience.related", [
        tx!("Votre expérience est en rapport direct avec le titre (travail salarié ou bénévole).",
            "Your experience is directly related to the title (paid or volunteer work)."),
        tx!("La VAE demande une expérience en rapport direct avec le titre ; vous indiquez que la vôtre ne l'est pas.",
            "VAE requires experience directly related to the title; you say yours is not."),
        tx!("Il faut savoir si votre expérience est en rapport direct avec le titre.",
            "We need to know whether your experience is directly related to the title."),
    ]))
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
            return j.push(Decision::new("R7", Tri::Yes, rule.certainty, rule.sources, tl!(
                "Demande déposée le {} (parcours engagé depuis le {}) : aucune durée minimale d'expérience ; toute expérience en rapport direct avec le titre compte (travail, bénévolat, stages, périodes de mise en situation). Le référentiel parle encore d'un an : il est antérieur à la réforme.",
                "Application filed on {} (path started from {}): no minimum duration of experience; any experience directly related to the title counts (work, volunteering, internships, work placements). The référentiel still says one year: it predates the reform.",
                on, Text::date(VAE_REFORM))));
        }
    };
    let Some(have) = experience_in(&experience, unit) else {
        let d = Decision::new("R7", Tri::Unknown, rule.certainty, rule.sources, tl!(
            "Pour une demande déposée le {}, il faut au moins {} d'expérience : indiquez la durée de la vôtre (en mois ou en heures).",
            "For an application filed on {}, at least {} of experience are required: give the length of yours (in months or hours).",
            on, unit.amount(need, Text::number)));
        return j.push(d.with(Fact::Missing("experience.months")));
    };
    let (how, gap) = (stated(&experience, unit), shortfall(have, need, unit));
    let (certainty, text) = match rule.value {
        Minimum::Hours(_) => (rule.certainty, tl!(
            "Demande déposée le {} : il faut au moins {} d'expérience (une année de travail légale, soit 12 mois à temps plein) ; vous déclarez {}{}.",
            "Application filed on {}: at least {} of experience are required (one legal working year, i.e. 12 months full time); you state {}{}.",
            on, unit.amount(need, Text::number), how, gap)),
        Minimum::Conflict { decree, .. } => {
            let decree = f64::from(decree);
            // Both texts agree above the decree's 3 years and below the law's 1 year.
            let certainty = if reaches(have, decree) || !reaches(have, need) { Certainty::Official } else { rule.certainty };
            (certainty, tl!(
                "Demande déposée le {} : la loi demande {} mois, le décret encore {} ; le calculateur applique {} mois et signale ce conflit. Vous déclarez {}{}.",
                "Application filed on {}: the law requires {} months, the decree still {}; the calculator applies {} months and flags the conflict. You state {}{}.",
                on, Text::number(need), Text::number(decree), Text::number(need), how, gap))
        }
        _ => (rule.certainty, tl!(
            "Demande déposée le {} : il faut au moins {} d'expérience en rapport avec le titre ; vous déclarez {}{}.",
            "Application filed on {}: at least {} of experience related to the title are required; you state {}{}.",
            on, unit.amount(need, Text::number), how, gap)),
    };
    let mut d = Decision::new("R7", Tri::from_bool(reaches(have, need)), certainty, rule.sources, text);
    if let Minimum::Conflict { decree, .. } = rule.value {
        if !reaches(have, f64::from(decree)) {
            d = d.with(Fact::Note(tl!(
                "Entre le {} et le {}, loi et décret se contredisaient sur la durée d'expérience (1 an ou 3 ans) : faites confirmer par la DREETS.",
                "Between {} and {}, the law and the decree disagreed on the length of experience (1 year or 3 years): have the DREETS confirm.",
                Text::date(dates::VAE_ONE_YEAR_LAW), Text::date(dates::VAE_ONE_YEAR.pred()))));
        }
    }
    j.push(d)
}

/// Admissibility (recevabilité) on `asOf`, for an application filed on `applied`: granted and
/// still valid, lapsed, pending, or not yet asked for (then the route starts with the application).
pub fn admissibility(ctx: &Ctx, j: &mut Journal, applied: Date) -> Admission {
    let vae = ctx.situation.vae.clone().unwrap_or_default();
    let note = Fact::Note(tx!("Une seule demande de VAE par année civile pour le même titre (et trois au plus pour des certifications différentes).",
        "One VAE application per calendar year for the same title (and three at most for different certifications)."));
    let end_label = tx!("Fin de validité de votre recevabilité : inscrivez-vous à une session titre au plus tard ce jour-là",
        "End of your admissibility: register for a session titre by that day at the latest");
    if applied < VAE_REFORM {
        let Some(notified) = vae.admissible else {
            let d = Decision::new("R7", Tri::Yes, Certainty::Official, &["arrete-2015-art7", "R335-7"], tx!(
                "Déposez votre demande de recevabilité auprès de l'unité départementale de la DREETS : sa décision vous permettra de vous inscrire à une session titre.",
                "File your admissibility application with the DREETS unit of your département: its decision will let you register for a session titre."));
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        };
        let rule = super::in_force(ctx.params.admissibility_validity, notified);
        let Some(years) = rule.value else {
            let what = tl!("combien de temps restait valable une recevabilité notifiée avant le {}", "how long an admissibility notified before {} stayed valid",
                Text::date(dates::ARRETE_2006_ADMISSIBILITY));
            let d = Decision::new("R7", Tri::Unknown, Certainty::Unknown, rule.sources, tl!(
                "Votre recevabilité a été notifiée le {} : nos données ne disent pas {}.", "Your admissibility was notified on {}: our data does not say {}.",
                Text::date(notified), what.clone()));
            let facts = [deadline("admissibilityEnd", None, Certainty::Unknown, end_label, None),
                Fact::Unknown(Unknown { what, ask: ctx.ask().text() }), note];
            return Admission { id: j.push(d.with_all(facts)), admitted: false, until: None };
        };
        let end = notified.plus_years(years);
        let valid = ctx.as_of <= end;
        let text = if valid {
            tl!("Votre recevabilité, notifiée par la DREETS le {}, vaut {} : {}. Elle établit que votre expérience remplit la condition : vous pouvez vous inscrire à une session titre.",
                "Your admissibility, notified by the DREETS on {}, is valid {}: {}. It settles that your experience meets the condition: you may register for a session titre.",
                Text::date(notified), Text::years(years), until_text(end, rule.certainty))
        } else {
            tl!("Votre recevabilité, notifiée le {}, valait {} et a pris fin le {} sans session : elle ne vous ouvre plus de session titre ; il faut déposer une nouvelle demande de recevabilité.",
                "Your admissibility, notified on {}, was valid {} and ended on {} without a session: it no longer opens a session titre to you; a new admissibility application is needed.",
                Text::date(notified), Text::years(years), date_text(Some(end), rule.certainty))
        };
        let d = Decision::new("R7", Tri::from_bool(valid), rule.certainty, rule.sources, text)
            .with(deadline("admissibilityEnd", Some(end), rule.certainty, end_label, None))
            .with_all(admitted_note(ctx, applied).filter(|_| valid));
        return Admission { id: j.push(d.with(note)), admitted: valid, until: valid.then(|| until_text(end, rule.certainty)) };
    }
    // France VAE: the certifier decides within the delay of the table, silence meaning yes (L6412-2).
    let delay = super::in_force(ctx.params.france_vae_decision, applied);
    let validity = super::in_force(ctx.params.france_vae_validity, applied);
    let (Some(months), Some(years)) = (delay.value, validity.value) else {
        let what = tx!("les délais de la recevabilité sur France VAE", "the time limits of admissibility on France VAE");
        let d = Decision::new("R7", Tri::Unknown, Certainty::Unknown, delay.sources, tl!("Nos données ne disent pas {}.", "Our data does not say {}.", what.clone()))
            .with(Fact::Unknown(Unknown { what, ask: Ask::FranceVae.text() }));
        return Admission { id: j.push(d.with(note)), admitted: false, until: None };
    };
    let decision_by = applied.plus_months(months);
    let granted = match (vae.admissible, vae.applied) {
        (Some(notified), _) => Some((notified, tl!("accordée par le certificateur le {}", "granted by the certifier on {}", Text::date(notified)))),
        (None, Some(_)) if ctx.as_of > decision_by => Some((decision_by, tl!(
            "acquise le {} : le certificateur n'a pas répondu dans les {} mois, et son silence vaut acceptation",
            "obtained on {}: the certifier did not answer within {} months, and silence means yes", Text::date(decision_by), months))),
        (None, Some(_)) => {
            let d = Decision::new("R7", Tri::Yes, delay.certainty, delay.sources, tl!(
                "Votre demande déposée le {} est à l'examen : le certificateur répond au plus tard le {} ; sans réponse à cette date, elle est réputée recevable.",
                "Your application filed on {} is being examined: the certifier answers by {} at the latest; with no answer by then, it is deemed admissible.",
                Text::date(applied), date_text(Some(decision_by), delay.certainty)))
                .with(deadline("admissibilityDecisionBy", Some(decision_by), delay.certainty, tl!(
                    "Le certificateur répond dans les {} mois ; sans réponse au plus tard ce jour-là, la demande est réputée recevable",
                    "The certifier answers within {} months; with no answer by that day, the application is deemed admissible", months), None));
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        }
        (None, None) => {
            let d = Decision::new("R7", Tri::Yes, delay.certainty, &["L6412-2", "vae-reform"], tl!(
                "Déposez votre demande sur le portail France VAE : le certificateur décide de sa recevabilité dans les {} mois, et son silence vaut acceptation. Une fois recevable, vous pouvez vous inscrire à une session titre.",
                "File your application on the France VAE portal: the certifier decides on its admissibility within {} months, and silence means yes. Once admissible, you may register for a session titre.",
                months));
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        }
    };
    let (from, how) = granted.expect("handled above");
    let end = from.plus_years(years);
    let what = tx!("combien de temps reste valable une recevabilité accordée sur France VAE", "how long an admissibility granted on France VAE stays valid");
    let end_fact = deadline("admissibilityEnd", Some(end), validity.certainty, tl!(
        "Fin estimée de votre recevabilité (l'ancienne durée de validité, {}, prise comme estimation)",
        "Estimated end of your admissibility (the former validity, {}, used as an estimate)", Text::years(years)), None);
    let mut sources = vec!["L6412-2"];
    sources.extend(validity.sources);
    let d = if ctx.as_of <= end {
        Decision::new("R7", Tri::Yes, validity.certainty.min(delay.certainty), &[], tl!(
            "Votre recevabilité a été {} : vous pouvez poursuivre vers une session titre. Sa durée de validité n'est pas fixée dans nos données ; en prenant pour estimation l'ancienne règle ({}), elle vaut {}.",
            "Your admissibility was {}: you may go on to a session titre. How long it stays valid is not in our data; taking the former rule ({}) as an estimate, it lasts {}.",
            how, Text::years(years), until_text(end, validity.certainty)))
    } else {
        let ago = if years == 1 { tx!("il y a plus d'un an", "more than a year ago") } else {
            tl!("il y a plus de {}", "more than {} ago", Text::years(years))
        };
        Decision::new("R7", Tri::Unknown, Certainty::Unknown, &[], tl!(
            "Votre recevabilité a été {}, {} : nos données ne disent pas si elle est encore valable.",
            "Your admissibility was {}, {}: our data does not say whether it is still valid.", how, ago))
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
    (!reaches(have, need)).then(|| Fact::Note(tl!(
        "Vous déclarez {} d'expérience, moins que le minimum de l'époque ({}) : votre recevabilité a été accordée, elle fait foi ; le calculateur ne revient pas dessus.",
        "You state {} of experience, less than the minimum of the time ({}): your admissibility was granted and stands; the calculator does not reopen it.",
        stated(experience, unit), unit.amount(need, Text::number))))
}
