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
use super::revision_closure::{date_text, deadline};
use super::{Ctx, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::{Ask, Decision, Fact, Id, Journal, Tri};
use crate::report::Unknown;
use crate::situation::Experience;
use crate::{tl, tx, Text};

/// Hours of one legal working year; 1,607 h = 12 months of full-time work (rules.md R7).
pub const HOURS_PER_YEAR: f64 = 1607.0;

/// Experience in months, and how it was stated: months and hours are both accepted (1,607 h = 12
/// months), and the larger counts. `None` when neither is given.
pub fn months_of_experience(experience: &Experience) -> Option<(f64, Text)> {
    let from_hours = experience.hours.map(|h| h / HOURS_PER_YEAR * 12.0);
    match (experience.months, from_hours) {
        (Some(m), Some(h)) => {
            let larger = m.max(h);
            Some((larger, tl!("{} mois et {} heures (soit {} mois) ; le plus grand compte : {} mois",
                "{} months and {} hours (that is {} months); the larger counts: {} months",
                Text::number(m), Text::number(experience.hours.unwrap_or_default()), Text::number(h), Text::number(larger))))
        }
        (Some(m), None) => Some((m, tl!("{} mois", "{} months", Text::number(m)))),
        (None, Some(h)) => Some((h, tl!("{} heures (soit {} mois)", "{} hours (that is {} months)",
            Text::number(experience.hours.unwrap_or_default()), Text::number(h)))),
        (None, None) => None,
    }
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

/// Months the certifier has to decide on France VAE; silence then means admissible (L6412-2).
pub const FRANCE_VAE_DECISION_MONTHS: i32 = 2;

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

/// The minimum duration of experience for an application filed on `applied`.
pub fn duration(ctx: &Ctx, j: &mut Journal, applied: Date) -> Id {
    let rule = super::in_force(MINIMUM_EXPERIENCE, applied);
    let experience = ctx.situation.experience.clone().unwrap_or_default();
    let stated = months_of_experience(&experience);
    let on = Text::date(applied);
    let short = |need: f64, have: f64| tl!(" : il en manque {}", ": {} short", Text::number(need - have));
    let (verdict, certainty, text) = match (rule.value, stated.clone()) {
        (Minimum::None, _) => (Tri::Yes, rule.certainty, tl!(
            "Demande déposée le {} (parcours engagé depuis le {}) : aucune durée minimale d'expérience ; toute expérience en rapport direct avec le titre compte (travail, bénévolat, stages, périodes de mise en situation). Le référentiel parle encore d'un an : il est antérieur à la réforme.",
            "Application filed on {} (path started from {}): no minimum duration of experience; any experience directly related to the title counts (work, volunteering, internships, work placements). The référentiel still says one year: it predates the reform.",
            on, Text::date(VAE_REFORM))),
        (minimum, None) => {
            let need = match minimum {
                Minimum::Months(m) | Minimum::Conflict { law: m, .. } => tl!("{} mois", "{} months", Text::number(f64::from(m))),
                Minimum::Hours(h) => tl!("{} heures", "{} hours", Text::number(f64::from(h))),
                Minimum::None => Text::default(),
            };
            let d = Decision::new("R7", Tri::Unknown, rule.certainty, rule.sources, tl!(
                "Pour une demande déposée le {}, il faut au moins {} d'expérience : indiquez la durée de la vôtre (en mois ou en heures).",
                "For an application filed on {}, at least {} of experience are required: give the length of yours (in months or hours).", on, need));
            return j.push(d.with(Fact::Missing("experience.months")));
        }
        (Minimum::Months(min), Some((m, how))) => {
            let min = f64::from(min);
            let gap = if m < min { short(min, m) } else { Text::default() };
            (Tri::from_bool(m >= min), rule.certainty, tl!(
                "Demande déposée le {} : il faut au moins {} mois d'expérience en rapport avec le titre ; vous déclarez {}{}.",
                "Application filed on {}: at least {} months of experience related to the title are required; you state {}{}.",
                on, Text::number(min), how, gap))
        }
        (Minimum::Hours(min), Some((m, how))) => {
            let hours = m / 12.0 * HOURS_PER_YEAR;
            let gap = if m < 12.0 { tl!(" : il en manque {} heures", ": {} hours short", Text::number((f64::from(min) - hours).max(0.1))) } else { Text::default() };
            (Tri::from_bool(m >= 12.0), rule.certainty, tl!(
                "Demande déposée le {} : il faut au moins {} heures d'expérience (une année de travail légale, soit 12 mois à temps plein) ; vous déclarez {}{}.",
                "Application filed on {}: at least {} hours of experience are required (one legal working year, i.e. 12 months full time); you state {}{}.",
                on, Text::number(f64::from(min)), how, gap))
        }
        (Minimum::Conflict { law, decree }, Some((m, how))) => {
            let (law, decree) = (f64::from(law), f64::from(decree));
            // Both texts agree above the decree's 3 years and below the law's 1 year.
            let certainty = if m >= decree || m < law { Certainty::Official } else { rule.certainty };
            let gap = if m < law { short(law, m) } else { Text::default() };
            (Tri::from_bool(m >= law), certainty, tl!(
                "Demande déposée le {} : la loi demande {} mois, le décret encore {} ; le calculateur applique {} mois et signale ce conflit. Vous déclarez {}{}.",
                "Application filed on {}: the law requires {} months, the decree still {}; the calculator applies {} months and flags the conflict. You state {}{}.",
                on, Text::number(law), Text::number(decree), Text::number(law), how, gap))
        }
    };
    let mut d = Decision::new("R7", verdict, certainty, rule.sources, text);
    if let (Minimum::Conflict { decree, .. }, Some((m, _))) = (rule.value, stated) {
        if m < f64::from(decree) {
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
    let end_label = tx!("Fin de validité de votre recevabilité : inscrivez-vous à une session titre avant",
        "End of your admissibility: register for a session titre before");
    if applied < VAE_REFORM {
        let Some(notified) = vae.admissible else {
            let d = Decision::new("R7", Tri::Yes, Certainty::Official, &["arrete-2015-art7", "R335-7"], tx!(
                "Déposez votre demande de recevabilité auprès de l'unité départementale de la DREETS : sa décision vous permettra de vous inscrire à une session titre.",
                "File your admissibility application with the DREETS unit of your département: its decision will let you register for a session titre."));
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        };
        let rule = super::in_force(ADMISSIBILITY_VALIDITY, notified);
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
        let end_text = date_text(Some(end), rule.certainty);
        let text = if valid {
            tl!("Votre recevabilité, notifiée par la DREETS le {}, vaut un an : jusqu'au {}. Elle établit que votre expérience remplit la condition : vous pouvez vous inscrire à une session titre.",
                "Your admissibility, notified by the DREETS on {}, is valid one year: until {}. It settles that your experience meets the condition: you may register for a session titre.",
                Text::date(notified), end_text)
        } else {
            tl!("Votre recevabilité, notifiée le {}, ne valait qu'un an et a pris fin le {} : pour une session titre, il faut une nouvelle recevabilité.",
                "Your admissibility, notified on {}, was valid one year only and ended on {}: a session titre needs a new admissibility.",
                Text::date(notified), end_text)
        };
        let d = Decision::new("R7", Tri::from_bool(valid), rule.certainty, rule.sources, text)
            .with(deadline("admissibilityEnd", Some(end), rule.certainty, end_label, None))
            .with_all(admitted_note(ctx, applied).filter(|_| valid));
        let end_text = date_text(Some(end), rule.certainty);
        return Admission { id: j.push(d.with(note)), admitted: valid, until: valid.then_some(end_text) };
    }
    // France VAE: the certifier decides within two months, silence meaning yes (L6412-2).
    let decision_by = applied.plus_months(FRANCE_VAE_DECISION_MONTHS);
    let granted = match (vae.admissible, vae.applied) {
        (Some(notified), _) => Some((notified, tl!("accordée par le certificateur le {}", "granted by the certifier on {}", Text::date(notified)))),
        (None, Some(_)) if ctx.as_of > decision_by => Some((decision_by, tl!(
            "acquise le {} : le certificateur n'a pas répondu dans les deux mois, et son silence vaut acceptation",
            "obtained on {}: the certifier did not answer within two months, and silence means yes", Text::date(decision_by)))),
        (None, Some(_)) => {
            let d = Decision::new("R7", Tri::Yes, Certainty::Official, &["L6412-2"], tl!(
                "Votre demande déposée le {} est à l'examen : le certificateur répond au plus tard le {} ; sans réponse à cette date, elle est réputée recevable.",
                "Your application filed on {} is being examined: the certifier answers by {}; with no answer by then, it is deemed admissible.",
                Text::date(applied), Text::date(decision_by)))
                .with(deadline("admissibilityDecisionBy", Some(decision_by), Certainty::Official, tx!(
                    "Le certificateur répond dans les deux mois ; sans réponse à cette date, la demande est réputée recevable",
                    "The certifier answers within two months; with no answer by this date, the application is deemed admissible"), None));
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        }
        (None, None) => {
            let d = Decision::new("R7", Tri::Yes, Certainty::Official, &["L6412-2", "vae-reform"], tx!(
                "Déposez votre demande sur le portail France VAE : le certificateur décide de sa recevabilité dans les deux mois, et son silence vaut acceptation. Une fois recevable, vous pouvez vous inscrire à une session titre.",
                "File your application on the France VAE portal: the certifier decides on its admissibility within two months, and silence means yes. Once admissible, you may register for a session titre."));
            return Admission { id: j.push(d.with(note)), admitted: false, until: None };
        }
    };
    let (from, how) = granted.expect("handled above");
    let end = from.plus_years(1);
    let what = tx!("combien de temps reste valable une recevabilité accordée sur France VAE", "how long an admissibility granted on France VAE stays valid");
    let end_fact = deadline("admissibilityEnd", Some(end), Certainty::Estimated, tx!(
        "Fin estimée de votre recevabilité (l'ancienne validité d'un an, prise comme estimation)",
        "Estimated end of your admissibility (the former one-year validity, used as an estimate)"), None);
    let d = if ctx.as_of <= end {
        Decision::new("R7", Tri::Yes, Certainty::Estimated, &["L6412-2", "arrete-2015-art7", "policy"], tl!(
            "Votre recevabilité a été {} : vous pouvez poursuivre vers une session titre. Sa durée de validité n'est pas fixée dans nos données ; en prenant pour estimation l'ancienne règle d'un an, elle vaut jusqu'au {}.",
            "Your admissibility was {}: you may go on to a session titre. How long it stays valid is not in our data; taking the former one-year rule as an estimate, it lasts until {}.",
            how, date_text(Some(end), Certainty::Estimated)))
            .with(Fact::Unknown(Unknown { what, ask: Ask::FranceVae.text() }))
    } else {
        Decision::new("R7", Tri::Unknown, Certainty::Unknown, &["L6412-2", "policy"], tl!(
            "Votre recevabilité a été {}, il y a plus d'un an : nos données ne disent pas si elle est encore valable.",
            "Your admissibility was {}, more than a year ago: our data does not say whether it is still valid.", how))
            .with(Fact::Unknown(Unknown { what, ask: Ask::FranceVae.text() }))
    };
    let admitted = d.verdict == Tri::Yes;
    let until = admitted.then(|| date_text(Some(end), Certainty::Estimated));
    Admission { id: j.push(d.with(end_fact).with(note)), admitted, until }
}

/// A note for an admitted candidate whose stated experience looks short for the rule of the time
/// (the admissibility decided; the calculator does not re-check it).
fn admitted_note(ctx: &Ctx, applied: Date) -> Option<Fact> {
    let rule = super::in_force(MINIMUM_EXPERIENCE, applied);
    let (months, how) = months_of_experience(ctx.situation.experience.as_ref()?)?;
    let need = match rule.value {
        Minimum::Months(m) | Minimum::Conflict { law: m, .. } => f64::from(m),
        Minimum::Hours(_) => 12.0,
        Minimum::None => return None,
    };
    (months < need).then(|| Fact::Note(tl!(
        "Vous déclarez {} d'expérience, moins que le minimum de l'époque ({} mois) : votre recevabilité a été accordée, elle fait foi ; le calculateur ne revient pas dessus.",
        "You state {} of experience, less than the minimum of the time ({} months): your admissibility was granted and stands; the calculator does not reopen it.",
        how, Text::number(need))))
}
