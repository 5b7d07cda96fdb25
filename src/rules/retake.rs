//! R9. Failure or absence, and retakes: a training candidate who failed or was absent may sit a new
//! session titre within one year without new training; after that year, new coherent training is
//! required (arrêté 2015 art. 10, secondary copy). Absent candidates may sit a new session
//! (règlement général as amended on 15 September 2016, secondary). A cap of three sessions in that
//! year is reported by one source only: a note, never a rule.
//!
//! Calculator policy (rules.md R9): the year runs from the failed or missed session; the rules in
//! force on the evaluation date apply; "new training" is a coherent course begun after that
//! session, asked as its own question (`lastSession.newTraining`), never inferred from a training
//! end date. The retake without new training is for a candidate who sat the session after a
//! coherent training course (`training.coherent`): not coherent gives no "yes" (R3), not said is
//! "cannot tell yet", asked. The year comes from [`RETAKE_WITHOUT_TRAINING`], its last day said
//! with its certainty.

use super::dated::{date_text, deadline, until_text};
use super::{dates, unread_before_2015, Ctx, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::{Cond, Decision, Fact, Journal, Tri};
use crate::report::Unknown;
use crate::situation::{LastSession, SessionOutcome};
use crate::{tl, tx, Text};

/// Years during which a new session titre needs no new training, by evaluation date.
pub static RETAKE_WITHOUT_TRAINING: &[Period<Option<i16>>] = &[
    unread_before_2015(),
    Period {
        from: dates::ARRETE_2015,
        value: Some(1),
        certainty: Certainty::Secondary,
        sources: &["arrete-2015-art10"],
    },
];

/// What R9 concludes: the condition for a new session titre, and, when the year without new
/// training is what opens it, its last day and how sure that is.
pub struct Retake {
    pub cond: Cond,
    pub without_training_until: Option<(Date, Certainty)>,
}

/// Whether a new session titre is open after `session`: within the year for a candidate who sat
/// it after coherent training, or with new coherent training begun since.
pub fn apply(ctx: &Ctx, j: &mut Journal, session: &LastSession) -> Retake {
    let rule = super::in_force(ctx.params.retake, ctx.as_of);
    if session.outcome == SessionOutcome::Absent && ctx.as_of >= dates::REGLEMENT_SESSIONS {
        j.push(Decision::info(
            "R9",
            Certainty::Secondary,
            &["reglement-2016"],
            tx!(RETAKE_CANDIDATE_ABSENT_SESSION_MAY_SIT),
        ));
    }
    let on = Text::date(session.date);
    let (within, end) = match rule.value {
        Some(years) => {
            let end = session.date.plus_years(years);
            let within = ctx.as_of <= end;
            let text = if within {
                tl!(RETAKE_AFTER_SESSION_TRAINING_CANDIDATE_MAY, on, until_text(end, rule.certainty))
            } else {
                tl!(RETAKE_AFTER_SESSION_YEAR_SIT_AGAIN, on, date_text(Some(end), rule.certainty))
            };
            (
                Decision::new("R9", Tri::from_bool(within), rule.certainty, rule.sources, text)
                    .with(deadline(
                        "retakeWithoutTrainingEnd",
                        Some(end),
                        rule.certainty,
                        tx!(RETAKE_LAST_DAY_SIT_SESSION_TITRE),
                        None,
                    ))
                    .with(Fact::Note(tx!(RETAKE_ONE_SOURCE_ALONE_MENTIONS_MOST))),
                Some(end),
            )
        }
        None => (
            Decision::new(
                "R9",
                Tri::Unknown,
                Certainty::Unknown,
                rule.sources,
                tl!(RETAKE_BEFORE_TIME_ALLOWED_SIT_AGAIN, Text::date(dates::ARRETE_2015)),
            )
            .with(Fact::Unknown(Unknown {
                what: tx!(RETAKE_TIME_ALLOWED_SIT_AGAIN_WITHOUT),
                ask: ctx.ask().text(),
            })),
            None,
        ),
    };
    let within = j.push(within);
    let new_training = ctx.situation.last_session.as_ref().and_then(|l| l.new_training);
    let access = super::in_force(ctx.params.session_titre, ctx.as_of);
    let new = |j: &mut Journal| {
        j.push(Decision::on_answer(
            "R9",
            new_training,
            access.certainty,
            access.sources,
            "lastSession.newTraining",
            [
                tx!(RETAKE_SINCE_SESSION_HAVE_BEGUN_NEW),
                tx!(RETAKE_WITHOUT_NEW_TRAINING_COURSE_COHERENT),
                tx!(RETAKE_WE_NEED_KNOW_WHETHER_HAVE),
            ],
        ))
    };
    if j.verdict(within) != Tri::Yes {
        return Retake {
            cond: Cond::Any(vec![Cond::One(within), Cond::One(new(j))]),
            without_training_until: None,
        };
    }
    // Within the year: only for a candidate who sat that session after coherent training
    // (rules.md R9); a new coherent training course, when the person says so, opens it too.
    let coherent = ctx.situation.training.as_ref().and_then(|t| t.coherent);
    let trained = j.push(Decision::on_answer(
        "R9",
        coherent,
        rule.certainty,
        rule.sources,
        "training.coherent",
        [
            tx!(RETAKE_SAT_SESSION_AFTER_TRAINING_COURSE),
            tx!(RETAKE_SITTING_AGAIN_WITHOUT_NEW_TRAINING),
            tx!(RETAKE_SIT_AGAIN_WITHOUT_NEW_TRAINING),
        ],
    ));
    let year = Cond::All(vec![Cond::One(trained), Cond::One(within)]);
    let opens = year.verdict(j) == Tri::Yes;
    let cond = if new_training == Some(true) { Cond::Any(vec![year, Cond::One(new(j))]) } else { year };
    Retake { cond, without_training_until: end.filter(|_| opens).map(|d| (d, rule.certainty)) }
}
