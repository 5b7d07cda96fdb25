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
        Path::Continuous | Path::Vae => {
            (Some(DocumentKind::LivretDeCertification), tx!(DOCUMENTS_IF_OBTAIN_TITLE_PARCHEMIN_TITLE))
        }
        Path::Discontinuous => {
            (Some(DocumentKind::LivretDeCertification), tx!(DOCUMENTS_EACH_CCP_PASS_RECORDED_LIVRET))
        }
        Path::Ccs => (None, tx!(DOCUMENTS_IF_OBTAIN_CCS_PARCHEMIN)),
    };
    j.push(Decision::info(
        "R10",
        rule.certainty,
        rule.sources,
        tl!(DOCUMENTS_THESE_DOCUMENTS_ISSUED_DREETS_MINISTRY, label),
    ));
    Documents { on_success: DocumentKind::Parchemin, on_partial_success, label }
}
