//! Route `discontinuous`: capitalising CCPs through sessions CCP, after a discontinuous course or a
//! partial success (R4), with held CCPs carried across revisions (R5, R6). A closed title stays
//! open one year, but only to those who already hold CCPs (R6.3).

use super::report::{Outcome, Plan};
use super::{quoted, session, Start};
use crate::journal::{Cond, Journal, Tri};
use crate::report::{CcpStatus, SessionKind};
use crate::rules::revision_closure::Standing;
use crate::rules::{access, assessment, documents, Ctx};
use crate::{tl, tx, Text};

pub fn evaluate(ctx: &Ctx, j: &mut Journal, start: &Start) -> Outcome {
    let statuses = start.statuses();
    let closure = match start.standing.standing {
        Standing::Grace { closure, .. } => Some(closure),
        _ => None,
    };
    let closed = closure.is_some();
    let livret = access::livret(ctx, j, &statuses, closure);
    let access = if j.verdict(livret) == Tri::Yes {
        Cond::One(livret)
    } else {
        Cond::Any(vec![Cond::One(livret), Cond::One(access::session_ccp_by_training(ctx, j))])
    };
    let open = if closed {
        Cond::All(vec![Cond::One(start.open), Cond::One(livret)])
    } else {
        Cond::One(start.open)
    };
    let cond = Cond::All(vec![open, access]);
    if cond.verdict(j) == Tri::No {
        return Outcome { cond, plan: Plan::default() };
    }
    let title = ctx.title;
    let mut sessions = Vec::new();
    for id in start.remaining.iter().flatten() {
        let name = title.ccp(id).map(|(_, c)| c.name.clone()).unwrap_or_default();
        sessions.push(session(SessionKind::SessionCcp, Some(id.clone()), tl!(ROUTE_CCP_SESSION_CCP, name)));
    }
    // Under the old five-year rule, the key deadline is the end of the five years.
    let five_years = start.held.iter().filter_map(|h| h.until).min().map(|d| {
        tl!(
            ROUTE_CCP_END_FIVE_YEARS_GATHER_CCPS,
            crate::rules::dated::until_text(d, crate::Certainty::Secondary)
        )
    });
    let until = five_years.or_else(|| start.until()).map_or_else(Text::default, |u| tl!(ROUTE_CCP_TEXT, u));
    let done =
        start.remaining.as_ref().is_some_and(|r| r.is_empty()) && statuses.contains(&CcpStatus::Counts);
    let yes = match &start.remaining {
        Some(_) if done => tl!(ROUTE_CCP_YES_CCPS_COVER_WHOLE_TITLE, quoted(title), until),
        Some(left) => tl!(
            ROUTE_CCP_YES_HAVE_LEFT_OBTAIN_TITLE,
            if left.len() == 1 { tx!(ROUTE_CCP_ONE_CCP) } else { tx!(ROUTE_CCP_N_CCPS, left.len()) },
            quoted(title),
            until
        ),
        None => tl!(ROUTE_CCP_YES_MAY_GO_TOWARDS_TITLE, quoted(title), until),
    };
    let mut next_steps = Vec::new();
    if done {
        next_steps.push(tx!(ROUTE_CCP_ASK_DREETS_CENTRE_FINAL_INTERVIEW));
    } else if start.remaining.is_none() {
        next_steps.push(tl!(ROUTE_CCP_ASK_WHICH_CCPS_VERSION_FORCE, ctx.ask().to()));
    } else {
        next_steps.push(tx!(ROUTE_CCP_REGISTER_APPROVED_CENTRE_SESSIONS_CCP));
    }
    if statuses.contains(&CcpStatus::Uncertain) {
        next_steps.push(tl!(ROUTE_CCP_ASK_WHETHER_CCPS_UNCERTAIN_STATUS, ctx.ask().to()));
    }
    next_steps.push(tx!(ROUTE_CCP_KEEP_LIVRET_DE_CERTIFICATION_RECORDS));
    let ecf = ctx.situation.training.as_ref().and_then(|t| t.coherent) == Some(true);
    let plan = Plan {
        yes,
        sessions,
        assessment: assessment::apply(ctx, j, SessionKind::SessionCcp, ecf),
        document: Some(documents::apply(ctx, j)),
        next_steps,
    };
    Outcome { cond, plan }
}
