//! Route `continuous`: a training course coherent with the title, then a session titre (R3), or a
//! new session after a failure or an absence (R9).

use super::{all, quoted, session, Start};
use crate::journal::{Cond, Journal, Tri};
use super::report::{Outcome, Plan};
use crate::report::SessionKind;
use crate::rules::revision_closure::until_text;
use crate::rules::{access, assessment, documents, retake, Ctx};
use crate::{tl, tx, Text};

pub fn evaluate(ctx: &Ctx, j: &mut Journal, start: &Start) -> Outcome {
    let (access, retake_until) = match &ctx.situation.last_session {
        Some(last) => {
            let retake = retake::apply(ctx, j, last);
            (retake.cond, retake.without_training_until)
        }
        None => (Cond::One(access::session_titre_by_training(ctx, j)), None),
    };
    let cond = all(start, [access]);
    if cond.verdict(j) == Tri::No {
        return Outcome { cond, plan: Plan::default() };
    }
    let name = quoted(ctx.title);
    let yes = match retake_until {
        Some((end, certainty)) => tl!("Oui : vous pouvez repasser une session titre {} sans nouvelle formation, {}.",
            "Yes: you may sit a session titre for {} again without new training, {}.", name, until_text(end, certainty)),
        None => match start.until() {
            Some(until) => tl!("Oui : vous pouvez vous présenter à une session titre {}, {}.", "Yes: you may sit a session titre for {}, {}.", name, until),
            None => tl!("Oui : vous pouvez vous présenter à une session titre {}.", "Yes: you may sit a session titre for {}.", name),
        },
    };
    let mut next_steps = vec![
        tx!("Votre organisme de formation (centre agréé) vous inscrit à la session titre et vous en donne la date.",
            "Your training organisation (an approved centre) registers you for the session titre and gives you its date."),
        tx!("Préparez votre dossier professionnel (DP) : il est remis au jury avant la session.",
            "Prepare your dossier professionnel (DP): it goes to the jury before the session."),
    ];
    if let Some(end) = ctx.situation.training.as_ref().and_then(|t| t.end).filter(|&end| end >= ctx.as_of) {
        next_steps.push(tl!("Votre formation se termine le {} : la session titre a lieu en fin de parcours.",
            "Your training course ends on {}: the session titre takes place at the end of the course.", Text::date(end)));
    }
    let plan = Plan {
        yes,
        sessions: vec![session(SessionKind::SessionTitre, None, tx!("Une session titre, qui évalue tout le titre", "A session titre, assessing the whole title"))],
        assessment: assessment::apply(ctx, j, SessionKind::SessionTitre, true),
        document: Some(documents::apply(ctx, j)),
        next_steps,
    };
    Outcome { cond, plan }
}
