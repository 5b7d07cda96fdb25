//! Route `continuous`: a training course coherent with the title, then a session titre (R3), or a
//! new session after a failure or an absence (R9).

use super::report::{Outcome, Plan};
use super::{all, quoted, session, Start};
use crate::journal::{Cond, Journal, Tri};
use crate::report::SessionKind;
use crate::rules::dated::until_text;
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
        Some((end, certainty)) => {
            tl!(ROUTE_TRAINING_YES_MAY_SIT_SESSION_TITRE, name, until_text(end, certainty))
        }
        None => match start.until() {
            Some(until) => tl!(ROUTE_TRAINING_YES_MAY_SIT_SESSION_TITRE_2, name, until),
            None => tl!(ROUTE_TRAINING_YES_MAY_SIT_SESSION_TITRE_3, name),
        },
    };
    let mut next_steps = vec![
        tx!(ROUTE_TRAINING_TRAINING_ORGANISATION_APPROVED_CENTRE_REGISTERS),
        tx!(ROUTE_TRAINING_PREPARE_DOSSIER_PROFESSIONNEL_DP_GOES),
    ];
    if let Some(end) = ctx.situation.training.as_ref().and_then(|t| t.end).filter(|&end| end >= ctx.as_of) {
        next_steps.push(tl!(ROUTE_TRAINING_TRAINING_COURSE_ENDS_SESSION_TITRE, Text::date(end)));
    }
    let plan = Plan {
        yes,
        sessions: vec![session(
            SessionKind::SessionTitre,
            None,
            tx!(ROUTE_TRAINING_SESSION_TITRE_ASSESSING_WHOLE_TITLE),
        )],
        assessment: assessment::apply(ctx, j, SessionKind::SessionTitre, true),
        document: Some(documents::apply(ctx, j)),
        next_steps,
    };
    Outcome { cond, plan }
}
