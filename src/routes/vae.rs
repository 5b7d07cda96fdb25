//! Route `vae`: experience related to the title (R7), admissibility, then a session titre (R3).
//! An admissibility still valid settles the experience condition: it is not re-checked.

use super::{all, quoted, session, Start};
use crate::journal::{Cond, Journal, Tri};
use super::report::{Outcome, Plan};
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
        tl!("Oui : votre recevabilité vous permet de vous inscrire à une session titre {}, {}.",
            "Yes: your admissibility lets you register for a session titre for {}, {}.", name, until.clone())
    } else if france_vae {
        tl!("Oui : vous pouvez demander la VAE pour le titre {}, sur le portail France VAE.",
            "Yes: you may apply for VAE for the title {}, on the France VAE portal.", name)
    } else {
        tl!("Oui : vous pouvez demander la VAE pour le titre {}, auprès de la DREETS.",
            "Yes: you may apply for VAE for the title {}, with the DREETS.", name)
    };
    let mut next_steps = Vec::new();
    if !admission.admitted && ctx.situation.vae.as_ref().and_then(|v| v.applied).is_none() {
        next_steps.push(if france_vae {
            tl!("Créez votre dossier sur le portail France VAE ; votre demande est examinée par {}.",
                "Open your file on the France VAE portal; your application is examined by {}.", crate::journal::Ask::FranceVae.text())
        } else {
            tx!("Adressez votre demande de recevabilité à l'unité départementale de la DREETS.",
                "Send your admissibility application to the DREETS unit of your département.")
        });
    }
    if admission.admitted {
        next_steps.push(tx!("Inscrivez-vous à une session titre avant la fin de validité de votre recevabilité.",
            "Register for a session titre before your admissibility ends."));
    }
    next_steps.push(tx!("Préparez votre dossier professionnel (DP) avec les preuves de votre pratique.",
        "Prepare your dossier professionnel (DP) with evidence of your practice."));
    let label = if admission.admitted {
        tx!("Une session titre", "A session titre")
    } else {
        tx!("Une session titre, une fois votre demande déclarée recevable", "A session titre, once your application is declared admissible")
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
