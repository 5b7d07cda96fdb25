//! Route `ccs`: a certificate of specialisation for holders of the title (R8), while the title is
//! in force (R6).

use super::report::{Outcome, Plan};
use super::{all, session, Start};
use crate::journal::{Journal, Tri};
use crate::report::SessionKind;
use crate::rules::{assessment, ccs, documents, Ctx};
use crate::{tl, tx};

pub fn evaluate(ctx: &Ctx, j: &mut Journal, start: &Start) -> Outcome {
    let conditions = ccs::conditions(ctx, j);
    let cond = all(start, [conditions]);
    if cond.verdict(j) == Tri::No {
        return Outcome { cond, plan: Plan::default() };
    }
    let chosen = ctx.situation.ccs.as_deref().and_then(|id| ctx.title.ccs.iter().find(|c| c.id == id));
    let yes = match chosen {
        Some(c) => tl!(ROUTE_CCS_YES_MAY_SIT_SESSION_CCS, c.name.clone()),
        None => tx!(ROUTE_CCS_YES_MAY_SIT_SESSION_CCS_2),
    };
    let ecf = ctx.situation.training.as_ref().and_then(|t| t.coherent) == Some(true);
    let plan = Plan {
        yes,
        sessions: vec![session(
            SessionKind::SessionCcs,
            ctx.situation.ccs.clone(),
            tx!(ROUTE_CCS_SESSION_CCS),
        )],
        assessment: assessment::apply(ctx, j, SessionKind::SessionCcs, ecf),
        document: Some(documents::apply(ctx, j)),
        next_steps: vec![tx!(ROUTE_CCS_APPROVED_CENTRE_REGISTERS_SESSION_CCS)],
    };
    Outcome { cond, plan }
}
