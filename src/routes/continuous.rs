//! Route `continuous`: a training course coherent with the title, then a session titre (R3), or a
//! new session after a failure or an absence (R9).

use super::{remaining, session, title_open};
use crate::explain::{Eval, Tri};
use crate::report::SessionKind;
use crate::rules::revision_closure::Standing;
use crate::rules::{access, assessment, retake};
use crate::{tl, tx, Text};

pub fn evaluate(ev: &mut Eval, standing: Standing) -> Tri {
    let open = title_open(ev, standing);
    let access = match ev.situation.last_session.clone() {
        Some(last) => retake::apply(ev, &last),
        None => access::session_titre_by_training(ev),
    };
    let access = ev.check(access);
    if let Standing::InForce { index, .. } = standing {
        ev.report.remaining = remaining(ev, index).unwrap_or_default();
    }
    if let Some(end) = ev.situation.training.as_ref().and_then(|t| t.end).filter(|&end| end >= ev.as_of) {
        ev.note(tl!("Votre formation se termine le {} : la session titre a lieu en fin de parcours.",
            "Your training course ends on {}: the session titre takes place at the end of the course.", Text::date(end)));
    }
    ev.report.sessions.push(session(SessionKind::SessionTitre, None, tx!(
        "Une session titre, qui évalue tout le titre", "A session titre, assessing the whole title")));
    assessment::apply(ev, SessionKind::SessionTitre, true);
    ev.next_step(tx!("Votre organisme de formation (centre agréé) vous inscrit à la session titre et vous en donne la date.",
        "Your training organisation (an approved centre) registers you for the session titre and gives you its date."));
    ev.next_step(tx!("Préparez votre dossier professionnel (DP) : il est remis au jury avant la session.",
        "Prepare your dossier professionnel (DP): it goes to the jury before the session."));
    open.and(access)
}
