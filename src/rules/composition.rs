//! R1, R2. What a title is made of, and the ways to obtain it.
//!
//! A title is one or more CCPs, possibly completed by CCS for holders of the title (Code de
//! l'éducation R338-3; arrêté du 22 décembre 2015, art. 1). It is obtained by a session titre, by
//! capitalising every CCP, by a total equivalence, or by partial equivalences plus CCPs (art. 1
//! and 2). Equivalences are title data; the calculator says when a title has none in our data.

use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Decision, Fact, Journal};
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
