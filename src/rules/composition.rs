//! R1, R2. What a title is made of, and the ways to obtain it.
//!
//! A title is one or more CCPs, possibly completed by CCS for holders of the title (Code de
//! l'éducation R338-3; arrêté du 22 décembre 2015, art. 1). It is obtained by a session titre, by
//! capitalising every CCP, by a total equivalence, or by partial equivalences plus CCPs (art. 1
//! and 2). Equivalences are title data; the calculator says when a title has none in our data.

use super::{coverage, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::explain::Eval;
use crate::tx;

/// The composition rule: R338-1 ff. from the start of the regime, restated by the arrêté of 2015.
pub static COMPOSITION: &[Period<()>] = &[
    Period { from: coverage::START, value: (), certainty: Certainty::Official, sources: &["R338-1"] },
    Period { from: Date::ymd(2016, 6, 1), value: (), certainty: Certainty::Official, sources: &["arrete-2015-art1-2"] },
];

/// States the title's make-up in the version in force and the equivalences our data lists.
pub fn apply(ev: &mut Eval, version: usize) {
    let rule = super::in_force(COMPOSITION, ev.as_of);
    let v = &ev.title.versions[version];
    let count = v.ccps.len();
    let text = if v.ccps_certainty == Certainty::Unknown {
        tx!("Dans la version {} du titre, la liste des CCP n'est pas dans nos données.",
            "In the title's {} version, the list of CCPs is not in our data.", v.id)
    } else {
        tx!("Le titre (version {}) se compose de {} CCP ; on l'obtient par une session titre, en capitalisant tous ses CCP, ou par équivalence.",
            "The title ({} version) is made of {} CCPs; it is obtained through a session titre, by capitalising all its CCPs, or by equivalence.",
            v.id, count)
    };
    ev.step("R1", rule.certainty.min(v.ccps_certainty), rule.sources, text);
    let source = ev.title.equivalences_source.clone();
    let certainty = ev.title.source(&source).map_or(Certainty::Unknown, |s| s.certainty);
    if ev.title.equivalences.is_empty() {
        ev.step("R2", certainty, &["arrete-2015-art1-2", &source], tx!(
            "Aucune équivalence avec une autre certification n'est connue pour ce titre dans nos données.",
            "No equivalence with another certification is known for this title in our data."));
    } else {
        for eq in ev.title.equivalences.clone() {
            let text = if eq.total {
                tx!("Les titulaires de « {} » obtiennent le titre par équivalence totale.",
                    "Holders of \"{}\" obtain the title by total equivalence.", eq.certification.fr)
            } else {
                tx!("Les titulaires de « {} » obtiennent par équivalence partielle : {}.",
                    "Holders of \"{}\" obtain by partial equivalence: {}.", eq.certification.fr, eq.ccps.join(", "))
            };
            ev.step("R2", eq.certainty, &["arrete-2015-art1-2", &eq.source], text);
        }
        ev.note(tx!("Si vous détenez une certification listée en équivalence, signalez-la à la DREETS : elle peut vous dispenser de CCP.",
            "If you hold a certification listed as an equivalence, tell the DREETS: it may exempt you from CCPs."));
    }
}
