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
    Period { from: dates::ARRETE_2015, value: (), certainty: Certainty::Official, sources: &["arrete-2015-art1-2"] },
];

/// States the title's make-up in version `version` and the equivalences our data lists.
pub fn apply(ctx: &Ctx, j: &mut Journal, version: usize) {
    let rule = super::in_force(ctx.params.composition, ctx.as_of);
    let v = &ctx.title.versions[version];
    let text = if v.ccps_certainty == Certainty::Unknown {
        tl!("Dans la version {} du titre, la liste des CCP n'est pas dans nos données.",
            "In the title's {} version, the list of CCPs is not in our data.", Text::plain(&v.id))
    } else {
        tl!("Le titre (version {}) se compose de {} CCP ; on l'obtient par une session titre, en capitalisant tous ses CCP, ou par équivalence.",
            "The title ({} version) is made of {} CCPs; it is obtained through a session titre, by capitalising all its CCPs, or by equivalence.",
            Text::plain(&v.id), Text::plain(v.ccps.len()))
    };
    j.push(Decision::info("R1", rule.certainty.min(v.ccps_certainty), rule.sources, text));
    let title = ctx.title;
    let certainty = title.source(&title.equivalences_source).map_or(Certainty::Unknown, |s| s.certainty);
    if title.equivalences.is_empty() {
        j.push(Decision::info("R2", certainty, &["arrete-2015-art1-2"], tx!(
            "Aucune équivalence avec une autre certification n'est connue pour ce titre dans nos données.",
            "No equivalence with another certification is known for this title in our data.")).citing(title.equivalences_source.clone()));
        return;
    }
    for (i, eq) in title.equivalences.iter().enumerate() {
        let text = if eq.total {
            tl!("Les titulaires de « {} » obtiennent le titre par équivalence totale.",
                "Holders of \"{}\" obtain the title by total equivalence.", eq.certification)
        } else {
            tl!("Les titulaires de « {} » obtiennent par équivalence partielle : {}.",
                "Holders of \"{}\" obtain by partial equivalence: {}.", eq.certification, Text::plain(eq.ccps.join(", ")))
        };
        let mut d = Decision::info("R2", eq.certainty, &["arrete-2015-art1-2"], text).citing(eq.source.clone());
        if i == 0 {
            d = d.with(Fact::Note(tx!("Si vous détenez une certification listée en équivalence, signalez-la à la DREETS : elle peut vous dispenser de CCP.",
                "If you hold a certification listed as an equivalence, tell the DREETS: it may exempt you from CCPs.")));
        }
        j.push(d);
    }
}
