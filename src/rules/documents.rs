//! R10. Documents: a parchemin for the full title or a CCS; a livret de certification on partial
//! success, for a CCP passed in a session CCP, or for a partial equivalence. Both are issued by the
//! territorial representative of the Ministry of Labour (DREETS unit). Source: the référentiel.

use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Decision, Journal};
use crate::report::{DocumentKind, Documents};
use crate::situation::Path;
use crate::{tl, tx};

pub static DOCUMENTS: &[Period<()>] = &[
    Period { from: dates::TP_REGIME, value: (), certainty: Certainty::Secondary, sources: &["referentiel"] },
    Period { from: dates::ARRETE_2015, value: (), certainty: Certainty::Official, sources: &["referentiel"] },
];

/// The documents the candidate receives on success and on partial success.
pub fn apply(ctx: &Ctx, j: &mut Journal) -> Documents {
    let rule = super::in_force(ctx.params.documents, ctx.as_of);
    let (on_partial_success, label) = match ctx.path {
        Path::Continuous | Path::Vae => (Some(DocumentKind::LivretDeCertification), tx!(
            "Si vous obtenez le titre : un parchemin. Si le jury ne vous attribue que certains CCP : un livret de certification qui les enregistre.",
            "If you obtain the title: a parchemin (the title's certificate). If the jury awards only some CCPs: a livret de certification recording them.")),
        Path::Discontinuous => (Some(DocumentKind::LivretDeCertification), tx!(
            "Chaque CCP réussi est inscrit dans votre livret de certification ; quand vous les avez tous, le titre vous est délivré avec un parchemin.",
            "Each CCP you pass is recorded in your livret de certification; once you have them all, the title is awarded with a parchemin.")),
        Path::Ccs => (None, tx!("Si vous obtenez le CCS : un parchemin.", "If you obtain the CCS: a parchemin.")),
    };
    j.push(Decision::info("R10", rule.certainty, rule.sources, tl!(
        "{} Ces documents sont délivrés par la DREETS (représentant territorial du ministère du Travail).",
        "{} These documents are issued by the DREETS (the Ministry of Labour's territorial representative).", label)));
    Documents { on_success: DocumentKind::Parchemin, on_partial_success, label }
}
