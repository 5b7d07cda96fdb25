//! Route `vae`: experience related to the title (R7), admissibility, then a session titre (R3).

use super::{remaining, session, title_open};
use crate::date::Date;
use crate::explain::{ask_france_vae, Eval, Tri};
use crate::report::SessionKind;
use crate::rules::revision_closure::Standing;
use crate::rules::{access, assessment, vae};
use crate::{tl, tx};

/// First day of VAE paths under the reform (France VAE portal).
const FRANCE_VAE: Date = Date::ymd(2024, 1, 1);

pub fn evaluate(ev: &mut Eval, standing: Standing) -> Tri {
    let applied = ev.situation.vae_applied().expect("asOf is validated");
    let open = title_open(ev, standing);
    let experience = vae::experience(ev, applied);
    let experience = ev.check(experience);
    let admissibility = vae::admissibility(ev, applied);
    let admissibility = ev.check(admissibility);
    access::session_titre_by_vae(ev);
    if let Standing::InForce { index, .. } = standing {
        ev.report.remaining = remaining(ev, index).unwrap_or_default();
    }
    ev.report.sessions.push(session(SessionKind::SessionTitre, None, tx!(
        "Une session titre, une fois votre demande déclarée recevable", "A session titre, once your application is declared admissible")));
    assessment::apply(ev, SessionKind::SessionTitre, false);
    if applied >= FRANCE_VAE {
        ev.next_step(tl!("Créez votre dossier sur le portail France VAE ; votre demande est examinée par {}.",
            "Open your file on the France VAE portal; your application is examined by {}.", ask_france_vae()));
    } else {
        ev.next_step(tx!("Adressez votre demande de recevabilité à l'unité départementale de la DREETS.",
            "Send your admissibility application to the DREETS unit of your département."));
    }
    ev.next_step(tx!("Préparez votre dossier professionnel (DP) avec les preuves de votre pratique.",
        "Prepare your dossier professionnel (DP) with evidence of your practice."));
    open.and(experience).and(admissibility)
}
