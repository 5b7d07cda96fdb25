//! R9. Failure or absence, and retakes: a training candidate who failed or was absent may sit a new
//! session titre within one year without new training; after that year, new coherent training is
//! required (arrêté 2015 art. 10, secondary copy). Absent candidates may sit a new session
//! (règlement général as amended on 15 September 2016, secondary). A cap of three sessions in that
//! year is reported by one source only: a note, never a rule.

use super::{coverage, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::explain::{ask_dreets, Eval, Tri};
use crate::situation::{LastSession, SessionOutcome};
use crate::{tl, tx, Text};

/// Years during which a new session titre needs no new training, by date of the last session.
pub static RETAKE_WITHOUT_TRAINING: &[Period<Option<i16>>] = &[
    Period { from: coverage::START, value: None, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: Date::ymd(2016, 6, 1), value: Some(1), certainty: Certainty::Secondary, sources: &["arrete-2015-art10"] },
];

/// First day of the règlement général's rule on absent candidates.
pub const ABSENT_RULE_FROM: Date = Date::ymd(2016, 9, 1);

/// Whether a new session titre is open after `session`, without or with new training.
pub fn apply(ev: &mut Eval, session: &LastSession) -> Tri {
    let rule = super::in_force(RETAKE_WITHOUT_TRAINING, session.date);
    let training = ev.situation.training.clone().unwrap_or_default();
    let new_training = match (training.coherent, training.end) {
        (Some(true), Some(end)) if end > session.date => Tri::Yes,
        (Some(false), _) => Tri::No,
        (Some(true), Some(_)) => Tri::No,
        (None, _) | (Some(true), None) => Tri::Unknown,
    };
    if session.outcome == SessionOutcome::Absent && session.date >= ABSENT_RULE_FROM {
        ev.step("R9", Certainty::Secondary, &["reglement-2016"], tx!(
            "Un candidat absent à une session peut se présenter à une nouvelle session.",
            "A candidate absent from a session may sit a new one."));
    }
    let session_date = Text::date(session.date);
    let within = match rule.value {
        Some(years) => {
            let end = session.date.plus_years(years);
            ev.deadline("retakeWithoutTrainingEnd", Some(end), rule.certainty, tx!(
                "Dernier jour pour repasser une session titre sans nouvelle formation",
                "Last day to sit a session titre again without new training"), None);
            ev.note(tx!("Une source isolée mentionne au plus trois sessions pendant cette année : ce n'est pas une règle établie.",
                "One source alone mentions at most three sessions during that year: this is not an established rule."));
            let within = ev.as_of <= end;
            ev.step("R9", rule.certainty, rule.sources, if within {
                tl!("Après votre session du {}, vous pouvez repasser une session titre sans nouvelle formation jusqu'au {}.",
                    "After your session of {}, you may sit a session titre again without new training until {}.", session_date, Text::date(end))
            } else {
                tl!("Après votre session du {}, l'année pour repasser sans nouvelle formation a pris fin le {} : il faut une nouvelle formation cohérente avec le titre.",
                    "After your session of {}, the year to sit again without new training ended on {}: a new training course coherent with the title is required.",
                    session_date, Text::date(end))
            });
            ev.rely(rule.certainty);
            Tri::from_bool(within)
        }
        None => {
            ev.step("R9", Certainty::Unknown, rule.sources, tl!(
                "Pour une session du {} (avant le 1er juin 2016), le délai pour repasser sans nouvelle formation n'est pas dans nos données.",
                "For a session of {} (before 1 June 2016), the time allowed to sit again without new training is not in our data.", session_date));
            ev.unknown(tx!("le délai pour repasser une session sans nouvelle formation avant juin 2016",
                "the time allowed to sit again without new training before June 2016"), ask_dreets());
            Tri::Unknown
        }
    };
    let result = within.or(new_training);
    if within != Tri::Yes {
        match new_training {
            Tri::Yes => ev.step("R9", Certainty::Official, &["arrete-2015-art4"], tx!(
                "Vous avez suivi depuis une nouvelle formation cohérente avec le titre : elle vous ouvre une nouvelle session titre.",
                "You have since followed a new training course coherent with the title: it opens a new session titre to you.")),
            Tri::Unknown => {
                if training.coherent.is_none() {
                    ev.missing("training.coherent");
                }
                ev.missing("training.end");
            }
            Tri::No => {}
        }
    }
    result
}
