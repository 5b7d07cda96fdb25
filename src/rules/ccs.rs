//! R8. CCS (certificat complémentaire de spécialisation): only for holders of the title, with
//! training coherent with the CCS or enough experience in the activity: 3 years from 2016-06-01,
//! 1 year from 2017-01-01 (arrêté 2015 art. 4 as amended; secondary). Before 2016-06-01: unknown.
//! Calculator policy: the rules in force on the evaluation date apply, and the title must be in
//! force that day (checked by the route through R6).

use super::vae::{experience_in, reaches, shortfall, stated, Unit};
use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Cond, Decision, Fact, Journal, Tri};
use crate::report::Unknown;
use crate::{tl, tx, Text};

/// Minimum months of experience in the activity, by date of the session sought (`asOf`).
pub static MINIMUM_EXPERIENCE: &[Period<Option<u32>>] = &[
    Period { from: dates::TP_REGIME, value: None, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: dates::ARRETE_2015, value: Some(36), certainty: Certainty::Secondary, sources: &["arrete-2015-art4"] },
    Period { from: dates::CCS_ONE_YEAR, value: Some(12), certainty: Certainty::Secondary, sources: &["arrete-2015-art4-2017"] },
];

/// The conditions of a session CCS, besides the title's standing: a CCS exists, the candidate
/// holds the title and names the CCS, and has coherent training or enough experience.
pub fn conditions(ctx: &Ctx, j: &mut Journal) -> Cond {
    let title = ctx.title;
    if title.ccs.is_empty() {
        let certainty = title.source(&title.ccs_source).map_or(Certainty::Unknown, |s| s.certainty);
        let d = if certainty == Certainty::Unknown {
            // The register does not list CCS: which exist is unknown, not "none" (R12).
            Decision::new("R8", Tri::Unknown, certainty, &[], tx!(
                "Nos données ne disent pas quels CCS existent pour ce titre : le registre national ne les indique pas.",
                "Our data does not say which CCS exist for this title: the national register does not list them."))
                .with(Fact::Unknown(Unknown { what: tx!("quels CCS existent pour ce titre (le registre national ne les indique pas)",
                    "which CCS exist for this title (the national register does not list them)"), ask: ctx.ask().text() }))
        } else {
            Decision::new("R8", Tri::No, certainty, &[], tx!(
                "Aucun CCS n'est rattaché à ce titre dans nos données (ce n'est pas la preuve qu'il n'en existe aucun).",
                "No CCS is attached to this title in our data (not proof that none exists)."))
        };
        return Cond::One(j.push(d.citing(title.ccs_source.clone())));
    }
    let holder = match ctx.situation.title_obtained {
        Some(date) => Decision::new("R8", Tri::Yes, Certainty::Official, &["arrete-2015-art1-2"], tl!(
            "Vous êtes titulaire du titre depuis le {} : un CCS vous est accessible.", "You have held the title since {}: a CCS is open to you.",
            Text::date(date))),
        None => Decision::new("R8", Tri::Unknown, Certainty::Official, &["arrete-2015-art1-2"], tx!(
            "Un CCS est réservé aux titulaires du titre : indiquez la date à laquelle vous l'avez obtenu.",
            "A CCS is only for holders of the title: give the date you obtained it.")).with(Fact::Missing("titleObtained")),
    };
    let holder = j.push(holder);
    let chosen = match ctx.situation.ccs.as_deref().and_then(|id| title.ccs.iter().find(|c| c.id == id)) {
        Some(ccs) => Decision::info("R8", Certainty::Official, &[], tl!("CCS visé : « {} ».", "CCS sought: \"{}\".", ccs.name.clone())),
        None => Decision::new("R8", Tri::Unknown, Certainty::Official, &[], tx!("Indiquez le CCS que vous visez.", "Name the CCS you aim for."))
            .with(Fact::Missing("ccs")),
    };
    let chosen = j.push(chosen.citing(title.ccs_source.clone()));
    let rule = super::in_force(ctx.params.ccs_minimum, ctx.as_of);
    let coherent = ctx.situation.training.as_ref().and_then(|t| t.coherent);
    let experience = ctx.situation.experience.clone().unwrap_or_default();
    let months = experience_in(&experience, Unit::Months);
    let route = match (coherent, rule.value, months) {
        (_, None, _) => Decision::new("R8", Tri::Unknown, Certainty::Unknown, rule.sources, tl!(
            "Avant le {}, les conditions d'un CCS ne sont pas dans nos données.", "Before {}, the conditions of a CCS are not in our data.",
            Text::date(dates::ARRETE_2015)))
            .with(Fact::Unknown(Unknown { what: tx!("les conditions d'accès à un CCS à cette date", "the conditions of access to a CCS on that date"),
                ask: ctx.ask().text() })),
        (Some(true), _, _) => Decision::new("R8", Tri::Yes, rule.certainty, rule.sources, tx!(
            "Votre formation est cohérente avec le CCS : elle vous ouvre la session CCS.",
            "Your training course is coherent with the CCS: it opens the session CCS to you.")),
        (_, Some(min), Some(m)) => {
            let min = f64::from(min);
            let gap = shortfall(m, min, Unit::Months);
            Decision::new("R8", Tri::from_bool(reaches(m, min)), rule.certainty, rule.sources, tl!(
                "Sans formation cohérente avec le CCS, il faut au moins {} mois d'expérience dans l'activité ; vous déclarez {}{}.",
                "Without training coherent with the CCS, at least {} months of experience in the activity are required; you state {}{}.",
                Text::number(min), stated(&experience, Unit::Months), gap))
        }
        (coherent, Some(min), None) => {
            let d = Decision::new("R8", Tri::Unknown, rule.certainty, rule.sources, tl!(
                "Il faut une formation cohérente avec le CCS ou au moins {} mois d'expérience dans l'activité.",
                "You need training coherent with the CCS or at least {} months of experience in the activity.", Text::number(f64::from(min))));
            let d = if coherent.is_none() { d.with(Fact::Missing("training.coherent")) } else { d };
            d.with(Fact::Missing("experience.months"))
        }
    };
    let route = j.push(route);
    Cond::All(vec![Cond::One(holder), Cond::One(chosen), Cond::One(route)])
}
