//! R3, R4. Who may sit a session titre, and a session CCP.
//!
//! Session titre: a candidate who followed a training course coherent with the title, or a VAE
//! candidate whose admissibility was granted (arrêté du 22 décembre 2015, art. 4). Session CCP:
//! candidates with training coherent with the CCP sought (art. 4, list partly read) and, per the
//! référentiel, candidates in partial success whatever their route (R4).

use super::{coverage, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::explain::{Eval, Tri};
use crate::tx;

/// Access to a session titre. Before 2016-06-01 the arrêtés of 2002 and 2006 governed; they were
/// not read, so the principle the référentiel describes is applied, as a secondary fact.
pub static SESSION_TITRE: &[Period<()>] = &[
    Period { from: coverage::START, value: (), certainty: Certainty::Secondary, sources: &["arrete-2002", "arrete-2006", "referentiel"] },
    Period { from: Date::ymd(2016, 6, 1), value: (), certainty: Certainty::Official, sources: &["arrete-2015-art4"] },
];

/// Access to a session CCP (art. 4 was only partly read: secondary throughout).
pub static SESSION_CCP: &[Period<()>] = &[
    Period { from: coverage::START, value: (), certainty: Certainty::Secondary, sources: &["arrete-2002", "arrete-2006", "referentiel"] },
    Period { from: Date::ymd(2016, 6, 1), value: (), certainty: Certainty::Secondary, sources: &["arrete-2015-art4", "referentiel"] },
];

/// A session titre after a training course: the course must be coherent with the title.
pub fn session_titre_by_training(ev: &mut Eval) -> Tri {
    let rule = super::in_force(SESSION_TITRE, ev.as_of);
    let coherent = ev.situation.training.as_ref().and_then(|t| t.coherent);
    let (result, text) = match coherent {
        Some(true) => (Tri::Yes, tx!(
            "Votre formation est cohérente avec le titre : elle vous donne accès à une session titre.",
            "Your training course is coherent with the title: it gives you access to a session titre.")),
        Some(false) => (Tri::No, tx!(
            "Une session titre après formation demande une formation cohérente avec le titre ; la vôtre ne l'est pas.",
            "A session titre after training requires a course coherent with the title; yours is not.")),
        None => {
            ev.missing("training.coherent");
            (Tri::Unknown, tx!(
                "Pour une session titre, il faut savoir si votre formation est cohérente avec le titre.",
                "For a session titre, we need to know whether your training course is coherent with the title."))
        }
    };
    ev.step("R3", rule.certainty, rule.sources, text);
    ev.rely(rule.certainty);
    result
}

/// A session titre after VAE: admissibility (recevabilité) gives access.
pub fn session_titre_by_vae(ev: &mut Eval) {
    let rule = super::in_force(SESSION_TITRE, ev.as_of);
    ev.step("R3", rule.certainty, rule.sources, tx!(
        "En VAE, c'est la recevabilité de votre demande qui vous ouvre l'inscription à une session titre.",
        "In VAE, the admissibility of your application is what lets you register for a session titre."));
}

/// Sessions CCP for the CCPs left: open after a partial success (a livret de certification) or
/// with training coherent with the CCP sought.
pub fn session_ccp(ev: &mut Eval, livret: Tri) -> Tri {
    let rule = super::in_force(SESSION_CCP, ev.as_of);
    let coherent = ev.situation.training.as_ref().and_then(|t| t.coherent);
    let training = match coherent {
        Some(value) => Tri::from_bool(value),
        None => Tri::Unknown,
    };
    let result = livret.or(training);
    let text = match (livret, training) {
        (Tri::Yes, _) => tx!(
            "Vous avez déjà des CCP qui comptent (réussite partielle ou capitalisation en cours) : vous pouvez vous présenter aux sessions CCP des CCP manquants.",
            "You already hold CCPs that count (partial success or capitalisation under way): you may sit sessions CCP for the missing CCPs."),
        (_, Tri::Yes) => tx!(
            "Votre formation est cohérente avec les CCP visés : elle vous donne accès aux sessions CCP.",
            "Your training course is coherent with the CCPs sought: it gives you access to sessions CCP."),
        (Tri::No, Tri::No) => tx!(
            "Sans CCP qui compte déjà ni formation cohérente avec les CCP visés, les sessions CCP ne vous sont pas ouvertes.",
            "With no CCP that already counts and no training coherent with the CCPs sought, sessions CCP are not open to you."),
        (_, Tri::Unknown) => {
            ev.missing("training.coherent");
            tx!("Pour les sessions CCP, il faut savoir si votre formation est cohérente avec les CCP visés (vos CCP détenus ne suffisent pas à l'établir).",
                "For sessions CCP, we need to know whether your training is coherent with the CCPs sought (the CCPs you hold are not enough to tell).")
        }
        _ => tx!(
            "Vos CCP détenus ont un statut incertain : on ne peut pas dire s'ils vous ouvrent les sessions CCP, et votre formation ne le fait pas.",
            "The CCPs you hold have an uncertain status: we cannot tell whether they open sessions CCP to you, and your training does not."),
    };
    ev.step("R4", rule.certainty, rule.sources, text);
    ev.rely(rule.certainty);
    result
}
