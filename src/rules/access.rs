//! R3, R4. Who may sit a session titre, and a session CCP.
//!
//! Session titre: a candidate who followed a training course coherent with the title, or a VAE
//! candidate whose admissibility was granted (arrêté du 22 décembre 2015, art. 4). Session CCP:
//! candidates with training coherent with the CCP sought (art. 4, list partly read) and, per the
//! référentiel, candidates in partial success whatever their route (R4).

use super::{dates, Ctx, Period, AS_THE_REFERENTIEL_BEFORE_2015};
use crate::certainty::Certainty;
use crate::journal::{Decision, Id, Journal, Tri};
use crate::report::CcpStatus;
use crate::tx;

/// Access to a session titre. Before 2016-06-01 the arrêtés of 2002 and 2006 governed; they were
/// not read, so the principle the référentiel describes is applied, as a secondary fact.
pub static SESSION_TITRE: &[Period<()>] = &[
    AS_THE_REFERENTIEL_BEFORE_2015,
    Period {
        from: dates::ARRETE_2015,
        value: (),
        certainty: Certainty::Official,
        sources: &["arrete-2015-art4"],
    },
];

/// Access to a session CCP (art. 4 was only partly read: secondary throughout).
pub static SESSION_CCP: &[Period<()>] = &[
    AS_THE_REFERENTIEL_BEFORE_2015,
    Period {
        from: dates::ARRETE_2015,
        value: (),
        certainty: Certainty::Secondary,
        sources: &["arrete-2015-art4", "referentiel"],
    },
];

/// A session titre after a training course: the course must be coherent with the title.
pub fn session_titre_by_training(ctx: &Ctx, j: &mut Journal) -> Id {
    let rule = super::in_force(ctx.params.session_titre, ctx.as_of);
    let coherent = ctx.situation.training.as_ref().and_then(|t| t.coherent);
    j.push(Decision::on_answer(
        "R3",
        coherent,
        rule.certainty,
        rule.sources,
        "training.coherent",
        [
            tx!(ACCESS_TRAINING_COURSE_COHERENT_TITLE_GIVES),
            tx!(ACCESS_SESSION_TITRE_AFTER_TRAINING_REQUIRES),
            tx!(ACCESS_SESSION_TITRE_WE_NEED_KNOW),
        ],
    ))
}

/// The livret de certification: whether the candidate already holds CCPs that count (R4); for a
/// closed title in its last year, the only way left (R6.3): `closure` is how sure that closure is
/// (the register's end date, estimated when the closure is only inferred).
pub fn livret(ctx: &Ctx, j: &mut Journal, held: &[CcpStatus], closure: Option<Certainty>) -> Id {
    let rule = super::in_force(ctx.params.session_ccp, ctx.as_of);
    if let Some(closure) = closure.filter(|_| !held.contains(&CcpStatus::Counts)) {
        let (verdict, text) = if held.contains(&CcpStatus::Uncertain) {
            (Tri::Unknown, tx!(ACCESS_TITLE_BEING_CLOSED_ONLY_CANDIDATES))
        } else {
            (Tri::No, tx!(ACCESS_TITLE_BEING_CLOSED_ONLY_CANDIDATES_2))
        };
        return j.push(Decision::new(
            "R6",
            verdict,
            closure.min(Certainty::Official),
            &["arrete-2015-art3"],
            text,
        ));
    }
    let (verdict, text) = if held.contains(&CcpStatus::Counts) {
        (Tri::Yes, tx!(ACCESS_ALREADY_HOLD_CCPS_COUNT_PARTIAL))
    } else if held.contains(&CcpStatus::Uncertain) {
        (Tri::Unknown, tx!(ACCESS_STATUS_CCPS_UNCERTAIN_WE_CANNOT))
    } else if held.is_empty() {
        (Tri::No, tx!(ACCESS_LIST_CCP_ALREADY_OBTAINED))
    } else {
        (Tri::No, tx!(ACCESS_NONE_CCPS_STILL_COUNTS))
    };
    j.push(Decision::new("R4", verdict, rule.certainty, rule.sources, text))
}

/// Sessions CCP through training coherent with the CCPs sought (R4).
pub fn session_ccp_by_training(ctx: &Ctx, j: &mut Journal) -> Id {
    let rule = super::in_force(ctx.params.session_ccp, ctx.as_of);
    let coherent = ctx.situation.training.as_ref().and_then(|t| t.coherent);
    j.push(Decision::on_answer(
        "R4",
        coherent,
        rule.certainty,
        rule.sources,
        "training.coherent",
        [
            tx!(ACCESS_TRAINING_COURSE_COHERENT_CCPS_SOUGHT),
            tx!(ACCESS_TRAINING_COURSE_COHERENT_CCPS_SOUGHT_2),
            tx!(ACCESS_SESSIONS_CCP_WE_NEED_KNOW),
        ],
    ))
}
