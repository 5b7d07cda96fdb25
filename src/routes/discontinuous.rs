//! Route `discontinuous`: capitalising CCPs through sessions CCP, after a discontinuous course or a
//! partial success (R4), with held CCPs carried across revisions (R5, R6). A closed title stays
//! open one year, but only to those who already hold CCPs (R6.3).

use super::{quoted, session, Start};
use crate::journal::{Cond, Journal, Tri};
use super::report::{Outcome, Plan};
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
    let open = if closed { Cond::All(vec![Cond::One(start.open), Cond::One(livret)]) } else { Cond::One(start.open) };
    let cond = Cond::All(vec![open, access]);
    if cond.verdict(j) == Tri::No {
        return Outcome { cond, plan: Plan::default() };
    }
    let title = ctx.title;
    let mut sessions = Vec::new();
    for id in start.remaining.iter().flatten() {
        let name = title.ccp(id).map(|(_, c)| c.name.clone()).unwrap_or_default();
        sessions.push(session(SessionKind::SessionCcp, Some(id.clone()), tl!("Une session CCP : {}", "A session CCP: {}", name)));
    }
    // Under the old five-year rule, the key deadline is the end of the five years.
    let five_years = start.held.iter().filter_map(|h| h.until).min().map(|d| tl!(
        "{}, fin des cinq ans pour réunir les CCP", "{}, the end of the five years to gather the CCPs",
        crate::rules::revision_closure::until_text(d, crate::Certainty::Secondary)));
    let until = five_years.or_else(|| start.until()).map_or_else(Text::default, |u| tl!(", {}", ", {}", u));
    let done = start.remaining.as_ref().is_some_and(|r| r.is_empty()) && statuses.contains(&CcpStatus::Counts);
    let yes = match &start.remaining {
        Some(_) if done => tl!("Oui : vos CCP couvrent tout le titre {} ; il reste l'entretien final avec le jury{}.",
            "Yes: your CCPs cover the whole title {}; the final interview with the jury remains{}.", quoted(title), until),
        Some(left) => tl!("Oui : il vous reste {} à obtenir pour le titre {}{}.", "Yes: you have {} left to obtain for the title {}{}.",
            Text::new(format!("{} CCP", left.len()), format!("{} CCP{}", left.len(), if left.len() == 1 { "" } else { "s" })), quoted(title), until),
        None => tl!("Oui : vous pouvez continuer vers le titre {} en passant les CCP qui vous manquent (nos données ne disent pas lesquels){}.",
            "Yes: you may go on towards the title {} by sitting the CCPs you lack (our data does not say which){}.", quoted(title), until),
    };
    let mut next_steps = Vec::new();
    if done {
        next_steps.push(tx!("Demandez à la DREETS ou à votre centre l'entretien final qui permet de vous délivrer le titre, au vu de votre livret de certification.",
            "Ask the DREETS or your centre for the final interview that lets the title be awarded, based on your livret de certification."));
    } else if start.remaining.is_none() {
        next_steps.push(tl!("Demandez {} quels CCP de la version en vigueur il vous reste à passer.",
            "Ask {} which CCPs of the version in force you still have to sit.", ctx.ask().to()));
    } else {
        next_steps.push(tx!("Inscrivez-vous auprès d'un centre agréé aux sessions CCP qui vous manquent, avant la fin de validité du titre.",
            "Register with an approved centre for the sessions CCP you lack, before the title's validity ends."));
    }
    if statuses.contains(&CcpStatus::Uncertain) {
        next_steps.push(tl!("Demandez {} si vos CCP au statut incertain comptent encore : en attendant, ils sont comptés comme restant à passer.",
            "Ask {} whether your CCPs with an uncertain status still count: until then they are listed as still to sit.", ctx.ask().to()));
    }
    next_steps.push(tx!("Gardez votre livret de certification : il enregistre chaque CCP obtenu.",
        "Keep your livret de certification: it records every CCP you obtain."));
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
