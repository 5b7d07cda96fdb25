//! R7. VAE: who may apply, and admissibility.
//!
//! Experience in direct relation with the title, paid or volunteer (L335-5). Its minimum duration
//! depends on when the application was filed (table below). Admissibility: before 2024 the DREETS
//! decided and its decision was valid one year from notification (arrêté 2015 art. 7); from 2024
//! the certifier decides on the France VAE portal within two months, silence meaning yes
//! (L6412-2); how long that admissibility stays valid is unknown. One application per calendar
//! year for the same certification (R335-7; R6412-3).

use super::{coverage, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::explain::{ask_dreets, ask_france_vae, Eval, Tri};
use crate::{tl, tx, Text};

/// Hours of one legal working year; 1,607 h = 12 months of full-time work (rules.md R7).
pub const HOURS_PER_YEAR: f64 = 1607.0;

/// Experience in months: months and hours are both accepted (1,607 h = 12 months), and either one
/// meeting a minimum is enough, so the larger counts. `None` when neither is given.
pub fn months_of_experience(experience: &crate::situation::Experience) -> Option<f64> {
    [experience.months, experience.hours.map(|h| h / HOURS_PER_YEAR * 12.0)].into_iter().flatten().reduce(f64::max)
}

/// Minimum experience for a VAE application, by filing date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Minimum {
    /// Months in total, continuous or not.
    Months(u32),
    /// Months under the calculator policy where the law (1 year) and the decree (3 years) conflict.
    Conflict { law: u32, decree: u32 },
    /// Hours of work.
    Hours(u32),
    /// No minimum duration (paths started from 2024-01-01).
    None,
}

pub static MINIMUM_EXPERIENCE: &[Period<Minimum>] = &[
    Period { from: coverage::START, value: Minimum::Months(36), certainty: Certainty::Official, sources: &["L335-5"] },
    Period { from: Date::ymd(2016, 8, 10), value: Minimum::Conflict { law: 12, decree: 36 }, certainty: Certainty::Estimated, sources: &["L335-5", "policy"] },
    Period { from: Date::ymd(2017, 10, 1), value: Minimum::Months(12), certainty: Certainty::Official, sources: &["L335-5"] },
    Period { from: Date::ymd(2019, 11, 4), value: Minimum::Hours(1607), certainty: Certainty::Official, sources: &["L335-5"] },
    Period { from: Date::ymd(2024, 1, 1), value: Minimum::None, certainty: Certainty::Secondary, sources: &["vae-reform", "france-vae-faq"] },
];

/// Who decides admissibility and how long it lasts, by filing date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Admissibility {
    /// Not in our data (before the arrêté of 2015).
    Unknown,
    /// The DREETS decides; the decision is valid this many years from notification.
    Dreets { valid_years: i16 },
    /// The certifier decides on France VAE within this many months; silence means yes; validity unknown.
    FranceVae { decision_months: i32 },
}

pub static ADMISSIBILITY: &[Period<Admissibility>] = &[
    Period { from: coverage::START, value: Admissibility::Unknown, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: Date::ymd(2016, 6, 1), value: Admissibility::Dreets { valid_years: 1 }, certainty: Certainty::Official, sources: &["arrete-2015-art7"] },
    Period { from: Date::ymd(2024, 1, 1), value: Admissibility::FranceVae { decision_months: 2 }, certainty: Certainty::Official, sources: &["L6412-2"] },
];

/// The experience condition: in direct relation with the title, and long enough for the rule in
/// force on the application date.
pub fn experience(ev: &mut Eval, applied: Date) -> Tri {
    let experience = ev.situation.experience.clone().unwrap_or_default();
    let related = match experience.related {
        Some(true) => Tri::Yes,
        Some(false) => Tri::No,
        None => {
            ev.missing("experience.related");
            Tri::Unknown
        }
    };
    let rule = super::in_force(MINIMUM_EXPERIENCE, applied);
    let months = months_of_experience(&experience);
    let applied_text = Text::date(applied);
    let (duration, certainty, text) = match (rule.value, months) {
        (Minimum::None, _) => (Tri::Yes, rule.certainty, tl!(
            "Demande déposée le {} (parcours engagé depuis le 1er janvier 2024) : aucune durée minimale d'expérience ; toute expérience en rapport direct avec le titre compte (travail, bénévolat, stages, périodes de mise en situation). Le référentiel parle encore d'un an : il est antérieur à la réforme.",
            "Application filed on {} (path started from 1 January 2024): no minimum duration of experience; any experience directly related to the title counts (work, volunteering, internships, work placements). The référentiel still says one year: it predates the reform.",
            applied_text)),
        (_, None) => {
            ev.missing("experience.months");
            (Tri::Unknown, rule.certainty, tl!(
                "Pour une demande déposée le {}, une durée minimale d'expérience s'applique : indiquez vos mois (ou vos heures) d'expérience.",
                "For an application filed on {}, a minimum duration of experience applies: give your months (or hours) of experience.",
                applied_text))
        }
        (Minimum::Months(min), Some(m)) => (Tri::from_bool(m >= f64::from(min)), rule.certainty, tl!(
            "Demande déposée le {} : il faut au moins {} mois d'expérience en rapport avec le titre ; vous en déclarez {}.",
            "Application filed on {}: at least {} months of experience related to the title are required; you state {}.",
            applied_text, Text::plain(min), Text::months(m))),
        (Minimum::Hours(min), Some(m)) => (Tri::from_bool(m >= 12.0), rule.certainty, tl!(
            "Demande déposée le {} : il faut au moins {} heures d'expérience (une année de travail légale, soit 12 mois à temps plein) ; vous en déclarez l'équivalent de {} mois.",
            "Application filed on {}: at least {} hours of experience are required (one legal working year, i.e. 12 months full time); you state the equivalent of {} months.",
            applied_text, Text::plain(min), Text::months(m))),
        (Minimum::Conflict { law, decree }, Some(m)) => {
            let certainty = if m >= f64::from(decree) { Certainty::Official } else { rule.certainty };
            (Tri::from_bool(m >= f64::from(law)), certainty, tl!(
                "Demande déposée le {} : la loi demande {} mois, le décret encore {} ; le calculateur applique {} mois et signale ce conflit. Vous déclarez {} mois.",
                "Application filed on {}: the law requires {} months, the decree still {}; the calculator applies {} months and flags the conflict. You state {} months.",
                applied_text, Text::plain(law), Text::plain(decree), Text::plain(law), Text::months(m)))
        }
    };
    ev.step("R7", certainty, rule.sources, text);
    if duration != Tri::Unknown {
        ev.rely(certainty);
    }
    if let Minimum::Conflict { decree, .. } = rule.value {
        if months.is_some_and(|m| m < f64::from(decree)) {
            ev.note(tx!("Entre le 10 août 2016 et le 30 septembre 2017, loi et décret se contredisaient sur la durée d'expérience (1 an ou 3 ans) : faites confirmer par la DREETS.",
                "Between 10 August 2016 and 30 September 2017, the law and the decree disagreed on the length of experience (1 year or 3 years): have the DREETS confirm."));
        }
    }
    let relation = match related {
        Tri::Yes => tx!("Votre expérience est en rapport direct avec le titre (salariée ou bénévole).",
            "Your experience is directly related to the title (paid or volunteer)."),
        Tri::No => tx!("La VAE demande une expérience en rapport direct avec le titre ; vous indiquez que ce n'est pas le cas.",
            "VAE requires experience directly related to the title; you say yours is not."),
        Tri::Unknown => tx!("Il faut savoir si votre expérience est en rapport direct avec le titre.",
            "We need to know whether your experience is directly related to the title."),
    };
    ev.step("R7", Certainty::Official, &["L335-5", "referentiel"], relation);
    related.and(duration)
}

/// The admissibility condition for registering for a session titre: granted and still valid, or
/// not yet asked for (then the route starts with the application). Records its deadlines.
pub fn admissibility(ev: &mut Eval, applied: Date) -> Tri {
    let rule = super::in_force(ADMISSIBILITY, applied);
    let admissible = ev.situation.vae.as_ref().and_then(|v| v.admissible);
    let applied_given = ev.situation.vae.as_ref().and_then(|v| v.applied).is_some();
    ev.note(tx!("Une seule demande de VAE par année civile pour le même titre (et trois au plus pour des certifications différentes).",
        "One VAE application per calendar year for the same title (and three at most for different certifications)."));
    match (rule.value, admissible) {
        (Admissibility::Dreets { valid_years }, Some(notified)) => {
            let end = notified.plus_years(valid_years);
            ev.deadline("admissibilityEnd", Some(end), rule.certainty, tx!(
                "Fin de validité de votre recevabilité : inscrivez-vous à une session titre avant",
                "End of your admissibility: register for a session titre before"), None);
            let valid = ev.as_of <= end;
            let end_text = Text::date(end);
            ev.step("R7", rule.certainty, rule.sources, if valid {
                tl!("Votre recevabilité, notifiée par la DREETS, vaut un an : jusqu'au {}.",
                    "Your admissibility, notified by the DREETS, is valid one year: until {}.", end_text)
            } else {
                tl!("Votre recevabilité ne valait qu'un an et a pris fin le {} : il faut une nouvelle demande.",
                    "Your admissibility was valid one year only and ended on {}: a new application is needed.", end_text)
            });
            ev.rely(rule.certainty);
            Tri::from_bool(valid)
        }
        (Admissibility::FranceVae { .. }, Some(_)) => {
            ev.deadline("admissibilityEnd", None, Certainty::Unknown, tx!(
                "Fin de validité de votre recevabilité (durée non connue depuis la réforme)",
                "End of your admissibility (length not known since the reform)"), None);
            ev.step("R7", rule.certainty, rule.sources, tx!(
                "Votre recevabilité a été accordée par le certificateur (France VAE) ; la durée de sa validité n'est pas dans nos données : demandez-la au certificateur.",
                "Your admissibility was granted by the certifier (France VAE); how long it stays valid is not in our data: ask the certifier."));
            ev.next_step(tl!("Demandez à {} jusqu'à quand votre recevabilité reste valable.",
                "Ask {} until when your admissibility stays valid.", ask_france_vae()));
            Tri::Yes
        }
        (Admissibility::FranceVae { decision_months }, None) => {
            if applied_given {
                ev.deadline("admissibilityDecisionBy", Some(applied.plus_months(decision_months)), rule.certainty, tx!(
                    "Le certificateur répond dans les deux mois ; sans réponse à cette date, la demande est réputée recevable",
                    "The certifier answers within two months; with no answer by this date, the application is deemed admissible"), None);
            }
            ev.step("R7", rule.certainty, rule.sources, tx!(
                "Déposez votre demande sur le portail France VAE : le certificateur décide de sa recevabilité dans les deux mois, et son silence vaut acceptation. Une fois recevable, vous pouvez vous inscrire à une session titre.",
                "File your application on the France VAE portal: the certifier decides on its admissibility within two months, and silence means yes. Once admissible, you may register for a session titre."));
            Tri::Yes
        }
        (Admissibility::Dreets { valid_years }, None) => {
            ev.step("R7", rule.certainty, rule.sources, tl!(
                "Déposez votre demande de recevabilité auprès de la DREETS ; sa décision vaudra {} an et vous permettra de vous inscrire à une session titre.",
                "File your admissibility application with the DREETS; its decision will be valid {} year and will let you register for a session titre.",
                Text::plain(valid_years)));
            Tri::Yes
        }
        (Admissibility::Unknown, _) => {
            ev.deadline("admissibilityEnd", None, Certainty::Unknown, tx!(
                "Fin de validité de la recevabilité (règle d'avant le 1er juin 2016 non lue)",
                "End of admissibility (rule before 1 June 2016 not read)"), None);
            ev.step("R7", rule.certainty, rule.sources, tx!(
                "Avant le 1er juin 2016, la durée de validité de la recevabilité n'est pas dans nos données.",
                "Before 1 June 2016, how long admissibility stayed valid is not in our data."));
            if admissible.is_some() {
                ev.unknown(tx!("la durée de validité de votre recevabilité", "how long your admissibility stays valid"), ask_dreets());
                ev.rely(Certainty::Unknown);
                Tri::Unknown
            } else {
                Tri::Yes
            }
        }
    }
}
