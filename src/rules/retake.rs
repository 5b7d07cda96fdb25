//! R9. Failure or absence, and retakes: a training candidate who failed or was absent may sit a new
//! session titre within one year without new training; after that year, new coherent training is
//! required (arrêté 2015 art. 10, secondary copy). Absent candidates may sit a new session
//! (règlement général as amended on 15 September 2016, secondary). A cap of three sessions in that
//! year is reported by one source only: a note, never a rule.
//!
//! Calculator policy (rules.md R9): the year runs from the failed or missed session; the rules in
//! force on the evaluation date apply; "new training" is a coherent course begun after that
//! session, asked as its own question (`lastSession.newTraining`), never inferred from a training
//! end date.

use super::revision_closure::deadline;
use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Cond, Decision, Fact, Journal, Tri};
use crate::report::Unknown;
use crate::situation::{LastSession, SessionOutcome};
use crate::{tl, tx, Text};

/// Years during which a new session titre needs no new training, by evaluation date.
pub static RETAKE_WITHOUT_TRAINING: &[Period<Option<i16>>] = &[
    Period { from: dates::TP_REGIME, value: None, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: dates::ARRETE_2015, value: Some(1), certainty: Certainty::Secondary, sources: &["arrete-2015-art10"] },
];

/// Whether a new session titre is open after `session`: within the year, or with new training.
pub fn apply(ctx: &Ctx, j: &mut Journal, session: &LastSession) -> Cond {
    let rule = super::in_force(RETAKE_WITHOUT_TRAINING, ctx.as_of);
    if session.outcome == SessionOutcome::Absent && ctx.as_of >= dates::REGLEMENT_SESSIONS {
        j.push(Decision::info("R9", Certainty::Secondary, &["reglement-2016"], tx!(
            "Un candidat absent à une session peut se présenter à une nouvelle session.",
            "A candidate absent from a session may sit a new one.")));
    }
    let on = Text::date(session.date);
    let within = match rule.value {
        Some(years) => {
            let end = session.date.plus_years(years);
            let within = ctx.as_of <= end;
            let text = if within {
                tl!("Après votre session du {}, vous pouvez repasser une session titre sans nouvelle formation jusqu'au {}.",
                    "After your session of {}, you may sit a session titre again without new training until {}.", on, Text::date(end))
            } else {
                tl!("Après votre session du {}, l'année pour repasser sans nouvelle formation a pris fin le {}.",
                    "After your session of {}, the year to sit again without new training ended on {}.", on, Text::date(end))
            };
            Decision::new("R9", Tri::from_bool(within), rule.certainty, rule.sources, text)
                .with(deadline("retakeWithoutTrainingEnd", Some(end), rule.certainty, tx!(
                    "Dernier jour pour repasser une session titre sans nouvelle formation",
                    "Last day to sit a session titre again without new training"), None))
                .with(Fact::Note(tx!("Une source isolée mentionne au plus trois sessions pendant cette année : ce n'est pas une règle établie.",
                    "One source alone mentions at most three sessions during that year: this is not an established rule.")))
        }
        None => Decision::new("R9", Tri::Unknown, Certainty::Unknown, rule.sources, tl!(
            "Avant le {}, le délai pour repasser une session sans nouvelle formation n'est pas dans nos données.",
            "Before {}, the time allowed to sit again without new training is not in our data.", Text::date(dates::ARRETE_2015)))
            .with(Fact::Unknown(Unknown { what: tx!("le délai pour repasser une session sans nouvelle formation",
                "the time allowed to sit again without new training"), ask: ctx.ask().text() })),
    };
    let within = j.push(within);
    if j.verdict(within) == Tri::Yes {
        return Cond::One(within);
    }
    let new_training = ctx.situation.last_session.as_ref().and_then(|l| l.new_training);
    let access = super::in_force(super::access::SESSION_TITRE, ctx.as_of);
    let new = j.push(Decision::on_answer("R9", new_training, access.certainty, access.sources, "lastSession.newTraining", [
        tx!("Depuis cette session, vous avez commencé une nouvelle formation cohérente avec le titre : elle vous ouvre une nouvelle session titre.",
            "Since that session, you have begun a new training course coherent with the title: it opens a new session titre to you."),
        tx!("Sans nouvelle formation cohérente avec le titre commencée depuis cette session, une nouvelle session titre ne vous est pas ouverte.",
            "Without a new training course coherent with the title begun since that session, a new session titre is not open to you."),
        tx!("Il faut savoir si vous avez commencé, depuis cette session, une nouvelle formation cohérente avec le titre.",
            "We need to know whether you have begun, since that session, a new training course coherent with the title."),
    ]));
    Cond::Any(vec![Cond::One(within), Cond::One(new)])
}
