//! R8. CCS (certificat complémentaire de spécialisation): only for holders of the title, with
//! training coherent with the CCS or enough experience in the activity: 3 years from 2016-06-01,
//! 1 year from 2017-01-01 (arrêté 2015 art. 4 as amended; secondary). Before 2016-06-01: unknown.

use super::{coverage, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::explain::{ask_dreets, Eval, Tri};
use crate::{tl, tx, Text};

/// Minimum months of experience in the activity, by date of the session sought (`asOf`).
pub static MINIMUM_EXPERIENCE: &[Period<Option<u32>>] = &[
    Period { from: coverage::START, value: None, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: Date::ymd(2016, 6, 1), value: Some(36), certainty: Certainty::Secondary, sources: &["arrete-2015-art4"] },
    Period { from: Date::ymd(2017, 1, 1), value: Some(12), certainty: Certainty::Secondary, sources: &["arrete-2015-art4-2017"] },
];

/// Whether a CCS exists for the title and the candidate may sit its session.
pub fn apply(ev: &mut Eval) -> Tri {
    let title = ev.title;
    if title.ccs.is_empty() {
        let source = title.ccs_source.clone();
        let certainty = title.source(&source).map_or(Certainty::Unknown, |s| s.certainty);
        ev.step("R8", certainty, &[&source], tx!(
            "Aucun CCS n'est rattaché à ce titre dans nos données (ce n'est pas la preuve qu'il n'en existe aucun).",
            "No CCS is attached to this title in our data (not proof that none exists)."));
        ev.rely(certainty);
        ev.next_step(tl!("Pour vérifier s'il existe une spécialisation, interrogez {}.",
            "To check whether a specialisation exists, ask {}.", ask_dreets()));
        return Tri::No;
    }
    let rule = super::in_force(MINIMUM_EXPERIENCE, ev.as_of);
    let holder = match ev.situation.title_obtained {
        Some(date) => {
            ev.step("R8", Certainty::Official, &["arrete-2015-art1-2"], tl!(
                "Vous êtes titulaire du titre depuis le {} : un CCS vous est accessible.",
                "You have held the title since {}: a CCS is open to you.", Text::date(date)));
            Tri::Yes
        }
        None => {
            ev.missing("titleObtained");
            ev.step("R8", Certainty::Official, &["arrete-2015-art1-2"], tx!(
                "Un CCS est réservé aux titulaires du titre : indiquez la date à laquelle vous l'avez obtenu.",
                "A CCS is only for holders of the title: give the date you obtained it."));
            Tri::Unknown
        }
    };
    let chosen = if ev.situation.ccs.is_some() { Tri::Yes } else {
        ev.missing("ccs");
        Tri::Unknown
    };
    let training = ev.situation.training.as_ref().and_then(|t| t.coherent);
    let months = ev.situation.experience.as_ref().and_then(super::vae::months_of_experience);
    let route = match (training, rule.value, months) {
        (_, None, _) => {
            ev.step("R8", Certainty::Unknown, rule.sources, tx!(
                "Avant le 1er juin 2016, la durée d'expérience exigée pour un CCS n'est pas dans nos données.",
                "Before 1 June 2016, the experience required for a CCS is not in our data."));
            ev.unknown(tx!("l'expérience exigée pour un CCS avant le 1er juin 2016", "the experience required for a CCS before 1 June 2016"), ask_dreets());
            Tri::Unknown
        }
        (Some(true), _, _) => {
            ev.step("R8", rule.certainty, rule.sources, tx!(
                "Votre formation est cohérente avec le CCS : elle vous ouvre la session CCS.",
                "Your training course is coherent with the CCS: it opens the session CCS to you."));
            Tri::Yes
        }
        (_, Some(min), Some(m)) => {
            let ok = m >= f64::from(min);
            ev.step("R8", rule.certainty, rule.sources, tl!(
                "Sans formation cohérente, il faut au moins {} mois d'expérience dans l'activité ; vous en déclarez {}.",
                "Without coherent training, at least {} months of experience in the activity are required; you state {}.",
                Text::plain(min), Text::months(m)));
            ev.rely(rule.certainty);
            Tri::from_bool(ok)
        }
        (coherent, Some(min), None) => {
            if coherent.is_none() {
                ev.missing("training.coherent");
            }
            ev.missing("experience.months");
            ev.step("R8", rule.certainty, rule.sources, tl!(
                "Il faut une formation cohérente avec le CCS ou au moins {} mois d'expérience dans l'activité.",
                "You need training coherent with the CCS or at least {} months of experience in the activity.", Text::plain(min)));
            Tri::Unknown
        }
    };
    holder.and(chosen).and(route)
}
