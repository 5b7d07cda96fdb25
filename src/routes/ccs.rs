//! Route `ccs`: a certificate of specialisation for holders of the title (R8).

use super::session;
use crate::explain::{Eval, Tri};
use crate::report::SessionKind;
use crate::rules::{assessment, ccs};
use crate::tx;

pub fn evaluate(ev: &mut Eval) -> Tri {
    let result = ccs::apply(ev);
    let result = ev.check(result);
    if result != Tri::No {
        ev.report.sessions.push(session(SessionKind::SessionCcs, ev.situation.ccs.clone(), tx!(
            "Une session CCS", "A session CCS")));
        let ecf = ev.situation.training.as_ref().and_then(|t| t.coherent) == Some(true);
        assessment::apply(ev, SessionKind::SessionCcs, ecf);
    }
    result
}
