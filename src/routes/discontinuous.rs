//! Route `discontinuous`: capitalising CCPs through sessions CCP, after a discontinuous course or a
//! partial success (R4), with held CCPs carried across revisions (R5, R6).

use super::{remaining, session};
use crate::certainty::Certainty;
use crate::explain::{ask_dreets, Eval, Tri};
use crate::report::{CcpStatus, SessionKind};
use crate::rules::revision_closure::Standing;
use crate::rules::{access, assessment};
use crate::{tl, tx, Text};

pub fn evaluate(ev: &mut Eval, standing: Standing, version: Option<usize>) -> Tri {
    let statuses: Vec<CcpStatus> = ev.report.held.iter().map(|h| h.status).collect();
    let livret = if statuses.contains(&CcpStatus::Counts) {
        Tri::Yes
    } else if statuses.contains(&CcpStatus::Uncertain) {
        Tri::Unknown
    } else {
        Tri::No
    };
    // A closed title stays open one year, but only to those who already hold CCPs (R6.3).
    let open = match standing {
        Standing::InForce { .. } => Tri::Yes,
        Standing::Grace { .. } => livret,
        Standing::Unknown => Tri::Unknown,
        Standing::NotCreated | Standing::Ended { .. } => Tri::No,
    };
    let open = ev.check(open);
    let access = access::session_ccp(ev, livret);
    let access = ev.check(access);
    let Some(version) = version else { return open.and(access) };
    match remaining(ev, version) {
        Some(left) => {
            for id in &left {
                let name = ev.title.ccp(id).map(|(_, c)| c.name.clone()).unwrap_or_default();
                ev.report.sessions.push(session(SessionKind::SessionCcp, Some(id.clone()), tl!(
                    "Une session CCP : {}", "A session CCP: {}", name)));
            }
            ev.report.remaining = left;
        }
        None => ev.step("R4", Certainty::Unknown, &[&ev.title.versions[version].start.source.clone()], tx!(
            "La liste des CCP de la version en vigueur n'est pas dans nos données : on ne peut pas dire lesquels il vous reste.",
            "The list of CCPs of the version in force is not in our data: we cannot tell which ones you have left.")),
    }
    if statuses.contains(&CcpStatus::Uncertain) {
        ev.next_step(tl!("Demandez à {} si vos CCP au statut incertain comptent encore : en attendant, ils sont comptés comme restant à passer.",
            "Ask {} whether your CCPs with an uncertain status still count: until then they are listed as still to sit.", ask_dreets()));
    }
    let ecf = ev.situation.training.as_ref().and_then(|t| t.coherent) == Some(true);
    assessment::apply(ev, SessionKind::SessionCcp, ecf);
    let left = Text::plain(ev.report.remaining.len());
    if ev.report.remaining_known && ev.report.remaining.is_empty() && livret == Tri::Yes {
        ev.next_step(tx!("Demandez à la DREETS ou à votre centre l'entretien final qui permet de vous délivrer le titre, au vu de votre livret de certification.",
            "Ask the DREETS or your centre for the final interview that lets the title be awarded, based on your livret de certification."));
    } else if !ev.report.remaining_known {
        ev.next_step(tl!("Demandez à {} quels CCP de la version en vigueur il vous reste à passer.",
            "Ask {} which CCPs of the version in force you still have to sit.", ask_dreets()));
    } else {
        ev.next_step(tl!("Inscrivez-vous auprès d'un centre agréé aux sessions CCP qui vous manquent ({} CCP), avant la fin de validité du titre.",
            "Register with an approved centre for the sessions CCP you lack ({} CCPs), before the title's validity ends.", left));
    }
    ev.next_step(tx!("Gardez votre livret de certification : il enregistre chaque CCP obtenu.",
        "Keep your livret de certification: it records every CCP you obtain."));
    open.and(access)
}
