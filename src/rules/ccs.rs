//! R8. CCS (certificat complémentaire de spécialisation): only for holders of the title, with
//! training coherent with the CCS or enough experience in the activity: 3 years from 2016-06-01,
//! 1 year from 2017-01-01 (arrêté 2015 art. 4 as amended; secondary). Before 2016-06-01: unknown.
//! Calculator policy: the rules in force on the evaluation date apply, and the title must be in
//! force that day (checked by the route through R6).

use super::vae::{experience_in, reaches, shortfall, stated, Unit};
use super::{dates, unread_before_2015, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Cond, Decision, Fact, Journal, Tri};
use crate::report::Unknown;
use crate::{tl, tx, Text};

/// Minimum months of experience in the activity, by date of the session sought (`asOf`).
pub static MINIMUM_EXPERIENCE: &[Period<Option<u32>>] = &[
    unread_before_2015(),
    Period {
        from: dates::ARRETE_2015,
        value: Some(36),
        certainty: Certainty::Secondary,
        sources: &["arrete-2015-art4"],
    },
    Period {
        from: dates::CCS_ONE_YEAR,
        value: Some(12),
        certainty: Certainty::Secondary,
        sources: &["arrete-2015-art4-2017"],
    },
];

/// The conditions of a session CCS, besides the title's standing: a CCS exists, the candidate
/// holds the title and names the CCS, and has coherent training or enough experience.
pub fn conditions(ctx: &Ctx, j: &mut Journal) -> Cond {
    let title = ctx.title;
    if title.ccs.is_empty() {
        let certainty = title.source(&title.ccs_source).map_or(Certainty::Unknown, |s| s.certainty);
        let d = if certainty == Certainty::Unknown {
            // The register does not list CCS: which exist is unknown, not "none" (R12).
            Decision::new("R8", Tri::Unknown, certainty, &[], tx!(CCS_OUR_DATA_DOES_SAY_WHICH)).with(
                Fact::Unknown(Unknown {
                    what: tx!(CCS_WHICH_CCS_EXIST_TITLE_NATIONAL),
                    ask: ctx.ask().text(),
                }),
            )
        } else {
            Decision::new("R8", Tri::No, certainty, &[], tx!(CCS_CCS_ATTACHED_TITLE_OUR_DATA))
        };
        return Cond::One(j.push(d.citing(title.ccs_source.clone())));
    }
    let holder = match ctx.situation.title_obtained {
        Some(date) => Decision::new(
            "R8",
            Tri::Yes,
            Certainty::Official,
            &["arrete-2015-art1-2"],
            tl!(CCS_HAVE_HELD_TITLE_SINCE_CCS, Text::date(date)),
        ),
        None => Decision::new(
            "R8",
            Tri::Unknown,
            Certainty::Official,
            &["arrete-2015-art1-2"],
            tx!(CCS_CCS_ONLY_HOLDERS_TITLE_GIVE),
        )
        .with(Fact::Missing("titleObtained")),
    };
    let holder = j.push(holder);
    let chosen = match ctx.situation.ccs.as_deref().and_then(|id| title.ccs.iter().find(|c| c.id == id)) {
        Some(ccs) => Decision::info("R8", Certainty::Official, &[], tl!(CCS_CCS_SOUGHT, ccs.name.clone())),
        None => Decision::new("R8", Tri::Unknown, Certainty::Official, &[], tx!(CCS_NAME_CCS_AIM))
            .with(Fact::Missing("ccs")),
    };
    let chosen = j.push(chosen.citing(title.ccs_source.clone()));
    let rule = super::in_force(ctx.params.ccs_minimum, ctx.as_of);
    let coherent = ctx.situation.training.as_ref().and_then(|t| t.coherent);
    let experience = ctx.situation.experience.clone().unwrap_or_default();
    let months = experience_in(&experience, Unit::Months);
    let route = match (coherent, rule.value, months) {
        (_, None, _) => Decision::new(
            "R8",
            Tri::Unknown,
            Certainty::Unknown,
            rule.sources,
            tl!(CCS_BEFORE_CONDITIONS_CCS_OUR_DATA, Text::date(dates::ARRETE_2015)),
        )
        .with(Fact::Unknown(Unknown { what: tx!(CCS_CONDITIONS_ACCESS_CCS_DATE), ask: ctx.ask().text() })),
        (Some(true), _, _) => Decision::new(
            "R8",
            Tri::Yes,
            rule.certainty,
            rule.sources,
            tx!(CCS_TRAINING_COURSE_COHERENT_CCS_OPENS),
        ),
        (_, Some(min), Some(m)) => {
            let min = f64::from(min);
            let gap = shortfall(m, min, Unit::Months);
            Decision::new(
                "R8",
                Tri::from_bool(reaches(m, min)),
                rule.certainty,
                rule.sources,
                tl!(
                    CCS_WITHOUT_TRAINING_COHERENT_CCS_LEAST,
                    Text::number(min),
                    stated(&experience, Unit::Months),
                    gap
                ),
            )
        }
        (coherent, Some(min), None) => {
            let d = Decision::new(
                "R8",
                Tri::Unknown,
                rule.certainty,
                rule.sources,
                tl!(CCS_NEED_TRAINING_COHERENT_CCS_LEAST, Text::number(f64::from(min))),
            );
            let d = if coherent.is_none() { d.with(Fact::Missing("training.coherent")) } else { d };
            d.with(Fact::Missing("experience.months"))
        }
    };
    let route = j.push(route);
    Cond::All(vec![Cond::One(holder), Cond::One(chosen), Cond::One(route)])
}
