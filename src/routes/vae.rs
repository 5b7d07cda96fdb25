//! Route `vae`: experience related to the title (R7), admissibility, then a session titre (R3).
//! An admissibility still valid settles the experience condition: it is not re-checked.

use super::report::{Outcome, Plan};
use super::{all, quoted, session, Start};
use crate::journal::{Cond, Journal, Tri};
use crate::report::SessionKind;
use crate::rules::dates::VAE_REFORM;
use crate::rules::{assessment, documents, vae, Ctx};
use crate::{tl, tx};

pub fn evaluate(ctx: &Ctx, j: &mut Journal, start: &Start) -> Outcome {
    let applied = ctx.situation.vae_applied().unwrap_or(ctx.as_of);
    let admission = vae::admissibility(ctx, j, applied);
    let cond = if admission.admitted || ctx.situation.vae.as_ref().and_then(|v| v.admissible).is_some() {
        all(start, [Cond::One(admission.id)])
    } else {
        let related = vae::related(ctx, j);
        let duration = vae::duration(ctx, j, applied);
        all(start, [Cond::One(related), Cond::One(duration), Cond::One(admission.id)])
    };
    if cond.verdict(j) == Tri::No {
        return Outcome { cond, plan: Plan::default() };
    }
    let name = quoted(ctx.title);
    let france_vae = applied >= VAE_REFORM;
    let yes = if let Some(until) = &admission.until {
        tl!(ROUTE_VAE_YES_ADMISSIBILITY_LETS_REGISTER_SESSION, name, until.clone())
    } else if france_vae {
        tl!(ROUTE_VAE_YES_MAY_APPLY_VAE_TITLE, name)
    } else {
        tl!(ROUTE_VAE_YES_MAY_APPLY_VAE_TITLE_2, name)
    };
    let mut next_steps = Vec::new();
    if !admission.admitted && ctx.situation.vae.as_ref().and_then(|v| v.applied).is_none() {
        next_steps.push(if france_vae {
            tl!(ROUTE_VAE_OPEN_FILE_FRANCE_VAE_PORTAL, crate::report::Ask::FranceVae.text())
        } else {
            tx!(ROUTE_VAE_SEND_ADMISSIBILITY_APPLICATION_DREETS_UNIT)
        });
    }
    if admission.admitted {
        next_steps.push(tx!(ROUTE_VAE_REGISTER_SESSION_TITRE_BEFORE_ADMISSIBILITY));
    }
    next_steps.push(tx!(ROUTE_VAE_PREPARE_DOSSIER_PROFESSIONNEL_DP_EVIDENCE));
    let label = if admission.admitted {
        tx!(ROUTE_VAE_SESSION_TITRE)
    } else {
        tx!(ROUTE_VAE_SESSION_TITRE_ONCE_APPLICATION_DECLARED)
    };
    let plan = Plan {
        yes,
        sessions: vec![session(SessionKind::SessionTitre, None, label)],
        assessment: assessment::apply(ctx, j, SessionKind::SessionTitre, false),
        document: Some(documents::apply(ctx, j)),
        next_steps,
    };
    Outcome { cond, plan }
}
