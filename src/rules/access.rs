//! R3, R4. Who may sit a session titre, and a session CCP.
//!
//! Session titre: a candidate who followed a training course coherent with the title, or a VAE
//! candidate whose admissibility was granted (arrêté du 22 décembre 2015, art. 4). Session CCP:
//! candidates with training coherent with the CCP sought (art. 4, list partly read) and, per the
//! référentiel, candidates in partial success whatever their route (R4).

use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Decision, Id, Journal, Tri};
use crate::report::CcpStatus;
use crate::tx;

/// Access to a session titre. Before 2016-06-01 the arrêtés of 2002 and 2006 governed; they were
/// not read, so the principle the référentiel describes is applied, as a secondary fact.
pub static SESSION_TITRE: &[Period<()>] = &[
    Period { from: dates::TP_REGIME, value: (), certainty: Certainty::Secondary, sources: &["arrete-2002", "arrete-2006", "referentiel"] },
    Period { from: dates::ARRETE_2015, value: (), certainty: Certainty::Official, sources: &["arrete-2015-art4"] },
];

/// Access to a session CCP (art. 4 was only partly read: secondary throughout).
pub static SESSION_CCP: &[Period<()>] = &[
    Period { from: dates::TP_REGIME, value: (), certainty: Certainty::Secondary, sources: &["arrete-2002", "arrete-2006", "referentiel"] },
    Period { from: dates::ARRETE_2015, value: (), certainty: Certainty::Secondary, sources: &["arrete-2015-art4", "referentiel"] },
];

/// A session titre after a training course: the course must be coherent with the title.
pub fn session_titre_by_training(ctx: &Ctx, j: &mut Journal) -> Id {
    let rule = super::in_force(ctx.params.session_titre, ctx.as_of);
    let coherent = ctx.situation.training.as_ref().and_then(|t| t.coherent);
    j.push(Decision::on_answer("R3", coherent, rule.certainty, rule.sources, "training.coherent", [
        tx!("Votre formation est cohérente avec le titre : elle vous donne accès à une session titre.",
            "Your training course is coherent with the title: it gives you access to a session titre."),
        tx!("Une session titre après formation demande une formation cohérente avec le titre ; la vôtre ne l'est pas.",
            "A session titre after training requires a course coherent with the title; yours is not."),
        tx!("Pour une session titre, il faut savoir si votre formation est cohérente avec le titre.",
            "For a session titre, we need to know whether your training course is coherent with the title."),
    ]))
}

/// The livret de certification: whether the candidate already holds CCPs that count (R4); for a
/// closed title in its last year, the only way left (R6.3): `closure` is how sure that closure is
/// (the register's end date, estimated when the closure is only inferred).
pub fn livret(ctx: &Ctx, j: &mut Journal, held: &[CcpStatus], closure: Option<Certainty>) -> Id {
    let rule = super::in_force(ctx.params.session_ccp, ctx.as_of);
    if let Some(closure) = closure.filter(|_| !held.contains(&CcpStatus::Counts)) {
        let (verdict, text) = if held.contains(&CcpStatus::Uncertain) {
            (Tri::Unknown, tx!("Le titre étant clôturé, seuls les candidats qui ont déjà des CCP qui comptent peuvent encore l'obtenir ; le statut des vôtres est incertain.",
                "The title being closed, only candidates who already hold CCPs that count may still obtain it; the status of yours is uncertain."))
        } else {
            (Tri::No, tx!("Le titre étant clôturé, seuls les candidats qui ont déjà des CCP qui comptent peuvent encore l'obtenir ; vous n'en indiquez aucun.",
                "The title being closed, only candidates who already hold CCPs that count may still obtain it; you list none."))
        };
        return j.push(Decision::new("R6", verdict, closure.min(Certainty::Official), &["arrete-2015-art3"], text));
    }
    let (verdict, text) = if held.contains(&CcpStatus::Counts) {
        (Tri::Yes, tx!("Vous avez déjà des CCP qui comptent (réussite partielle ou capitalisation en cours) : les sessions CCP des CCP manquants vous sont ouvertes.",
            "You already hold CCPs that count (partial success or capitalisation under way): sessions CCP for the missing CCPs are open to you."))
    } else if held.contains(&CcpStatus::Uncertain) {
        (Tri::Unknown, tx!("Le statut de vos CCP est incertain : on ne peut pas dire s'ils vous ouvrent les sessions CCP.",
            "The status of your CCPs is uncertain: we cannot tell whether they open sessions CCP to you."))
    } else if held.is_empty() {
        (Tri::No, tx!("Vous n'indiquez aucun CCP déjà obtenu.", "You list no CCP already obtained."))
    } else {
        (Tri::No, tx!("Aucun de vos CCP ne compte encore.", "None of your CCPs still counts."))
    };
    j.push(Decision::new("R4", verdict, rule.certainty, rule.sources, text))
}

/// Sessions CCP through training coherent with the CCPs sought (R4).
pub fn session_ccp_by_training(ctx: &Ctx, j: &mut Journal) -> Id {
    let rule = super::in_force(ctx.params.session_ccp, ctx.as_of);
    let coherent = ctx.situation.training.as_ref().and_then(|t| t.coherent);
    j.push(Decision::on_answer("R4", coherent, rule.certainty, rule.sources, "training.coherent", [
        tx!("Votre formation est cohérente avec les CCP visés : elle vous donne accès aux sessions CCP.",
            "Your training course is coherent with the CCPs sought: it gives you access to sessions CCP."),
        tx!("Votre formation n'est pas cohérente avec les CCP visés : elle ne vous ouvre pas les sessions CCP.",
            "Your training course is not coherent with the CCPs sought: it does not open sessions CCP to you."),
        tx!("Pour les sessions CCP, il faut savoir si votre formation est cohérente avec les CCP visés.",
            "For sessions CCP, we need to know whether your training is coherent with the CCPs sought."),
    ]))
}
