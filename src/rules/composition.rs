//! R1, R2. What a title is made of, and the ways to obtain it.
//!
//! A title is one or more CCPs, possibly completed by CCS for holders of the title (Code de
//! l'éducation R338-3; arrêté du 22 décembre 2015, art. 1). It is obtained by a session titre, by
//! capitalising every CCP, by a total equivalence, or by partial equivalences plus CCPs (art. 1
//! and 2). Equivalences are title data; the calculator says when a title has none in our data.
//! R4: which of the version's CCPs are still to obtain, the held ones credited (`remaining`).

use super::capitalisation::Held;
use super::revision_closure::Standing;
use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Decision, Fact, Journal};
use crate::report::Unknown;
use crate::situation::Path;
use crate::{tl, tx, Text};

/// The composition rule: R338-1 ff. from the start of the regime, restated by the arrêté of 2015.
pub static COMPOSITION: &[Period<()>] = &[
    Period { from: dates::TP_REGIME, value: (), certainty: Certainty::Official, sources: &["R338-1"] },
    Period {
        from: dates::ARRETE_2015,
        value: (),
        certainty: Certainty::Official,
        sources: &["arrete-2015-art1-2"],
    },
];

/// States the title's make-up in version `version` and the equivalences our data lists.
pub fn apply(ctx: &Ctx, j: &mut Journal, version: usize) {
    let rule = super::in_force(ctx.params.composition, ctx.as_of);
    let v = &ctx.title.versions[version];
    let text = if v.ccps_certainty == Certainty::Unknown {
        tl!(MAKE_UP_TITLE_S_VERSION_LIST_CCPS, Text::plain(&v.id))
    } else {
        tl!(MAKE_UP_TITLE_VERSION_MADE_CCPS_OBTAINED, Text::plain(&v.id), Text::plain(v.ccps.len()))
    };
    j.push(Decision::info("R1", rule.certainty.min(v.ccps_certainty), rule.sources, text));
    let title = ctx.title;
    let certainty = title.source(&title.equivalences_source).map_or(Certainty::Unknown, |s| s.certainty);
    if title.equivalences.is_empty() {
        j.push(
            Decision::info(
                "R2",
                certainty,
                &["arrete-2015-art1-2"],
                tx!(MAKE_UP_EQUIVALENCE_ANOTHER_CERTIFICATION_KNOWN_TITLE),
            )
            .citing(title.equivalences_source.clone()),
        );
        return;
    }
    for (i, eq) in title.equivalences.iter().enumerate() {
        let text = if eq.total {
            tl!(MAKE_UP_HOLDERS_OBTAIN_TITLE_TOTAL_EQUIVALENCE, eq.certification)
        } else {
            tl!(MAKE_UP_HOLDERS_OBTAIN_PARTIAL_EQUIVALENCE, eq.certification, Text::plain(eq.ccps.join(", ")))
        };
        let mut d =
            Decision::info("R2", eq.certainty, &["arrete-2015-art1-2"], text).citing(eq.source.clone());
        if i == 0 {
            d = d.with(Fact::Note(tx!(MAKE_UP_IF_HOLD_CERTIFICATION_LISTED_EQUIVALENCE)));
        }
        j.push(d);
    }
}

/// States the title's make-up (R1, R2) and which of its CCPs are still to obtain. They cannot be
/// listed when the version's list is not in our data, when which version is in force is not known
/// (rules.md R6), or when what became of the title is not known.
pub(crate) fn remaining(
    ctx: &Ctx,
    j: &mut Journal,
    standing: &Standing,
    held: &[Held],
) -> Option<Vec<String>> {
    let index = match standing {
        Standing::InForce { .. } | Standing::Grace { .. } => standing.target(ctx.title)?,
        _ => return None,
    };
    apply(ctx, j, index);
    let version = &ctx.title.versions[index];
    let (remaining, text, certainty, unknown) = match standing {
        Standing::InForce { alternatives, .. } if !alternatives.is_empty() => {
            let others = Text::plain(
                alternatives
                    .iter()
                    .map(|&i| ctx.title.versions[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            (
                None,
                tx!(ROUTE_OUR_DATA_DOES_SAY_WHICH),
                Certainty::Unknown,
                Some(tl!(ROUTE_WHICH_VERSION_TITLE_FORCE_DATE, Text::plain(&version.id), others)),
            )
        }
        _ if version.ccps_certainty == Certainty::Unknown => (
            None,
            tl!(ROUTE_LIST_CCPS_VERSION_OUR_DATA, Text::plain(&version.id)),
            Certainty::Unknown,
            Some(tl!(ROUTE_LIST_CCPS_TITLE_S_VERSION, Text::plain(&version.id))),
        ),
        _ => {
            let credited: Vec<&str> =
                held.iter().flat_map(|h| h.counts_as.iter().map(String::as_str)).collect();
            let left: Vec<String> = version
                .ccps
                .iter()
                .filter(|c| !credited.contains(&c.id.as_str()))
                .map(|c| c.id.clone())
                .collect();
            let names = || {
                Text::join(left.iter().map(|id| ctx.ccp_name(id)).collect(), crate::text::msg::TEXT_SEP_COMMA)
            };
            let text = if left.is_empty() {
                tx!(ROUTE_CCPS_COVER_EVERY_CCP_VERSION)
            } else if matches!(ctx.path, Path::Continuous | Path::Vae) {
                // A session titre assesses the whole title: nothing is "left" to a candidate who
                // has not started (rules.md R3).
                tl!(ROUTE_SESSION_TITRE_ASSESSES_WHOLE, names())
            } else {
                tl!(ROUTE_CCPS_STILL_HAVE_OBTAIN, names())
            };
            (Some(left), text, version.ccps_certainty, None)
        }
    };
    let mut d = Decision::info("R4", certainty, &[], text)
        .citing(version.start.source.clone())
        .with(Fact::Remaining(remaining.clone()));
    if let Some(what) = unknown {
        d = d.with(Fact::Unknown(Unknown { what, ask: ctx.ask().text() }));
    }
    j.push(d);
    remaining
}
