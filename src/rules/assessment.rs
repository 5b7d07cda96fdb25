//! R3, R4, R8. What the jury looks at, by kind of session and route (arrêté du 22 décembre 2015,
//! art. 8; the référentiel's "modalités d'obtention").
//!
//! Session titre: MSP (with an entretien technique, a questionnaire professionnel or a
//! questionnement à partir de productions where the title's evaluation reference provides them),
//! the ECF results for training candidates, the DP, the entretien final. VAE: the same without ECF.
//! Session CCP (R4): MSP (+ complements), ECF for training candidates only, DP; the entretien final
//! takes place at the end of the session of the last CCP. Session CCS (R8): as a session titre.

use super::{dates, Ctx, Period, AS_THE_REFERENTIEL_BEFORE_2015};
use crate::certainty::Certainty;
use crate::journal::{Decision, Journal};
use crate::report::{Assessment, SessionKind};
use crate::{tl, tx, Text};

pub static ASSESSMENT: &[Period<()>] = &[
    AS_THE_REFERENTIEL_BEFORE_2015,
    Period {
        from: dates::ARRETE_2015,
        value: (),
        certainty: Certainty::Official,
        sources: &["arrete-2015-art8", "referentiel"],
    },
];

/// What the jury looks at in this kind of session (`ecf` for training candidates), in the journal.
pub fn apply(ctx: &Ctx, j: &mut Journal, kind: SessionKind, ecf: bool) -> Vec<Assessment> {
    let rule = super::in_force(ctx.params.assessment, ctx.as_of);
    let mut items = vec![
        Assessment { id: "msp", label: tx!(JURY_PRACTICAL_EXAM_MISE_EN_SITUATION) },
        Assessment { id: "complements", label: tx!(JURY_WHERE_TITLE_S_EVALUATION_REFERENCE) },
    ];
    if ecf {
        items.push(Assessment { id: "ecf", label: tx!(JURY_RESULTS_ASSESSMENTS_TAKEN_DURING_TRAINING) });
    }
    items.push(Assessment { id: "dp", label: tx!(JURY_DOSSIER_PROFESSIONNEL_DP_WHERE_GATHER) });
    items.push(Assessment {
        id: "entretienFinal",
        label: match kind {
            SessionKind::SessionCcp => tx!(JURY_FINAL_INTERVIEW_JURY_END_SESSION),
            _ => tx!(JURY_FINAL_INTERVIEW_JURY),
        },
    });
    let (rule_id, what) = match (kind, ecf) {
        (SessionKind::SessionTitre, true) => ("R3", tx!(JURY_SESSION_TITRE_TRAINING_CANDIDATE)),
        (SessionKind::SessionTitre, false) => ("R3", tx!(JURY_SESSION_TITRE_VAE_CANDIDATE_ECF)),
        (SessionKind::SessionCcp, true) => ("R4", tx!(JURY_SESSION_CCP_TRAINING_CANDIDATE)),
        (SessionKind::SessionCcp, false) => ("R4", tx!(JURY_SESSION_CCP_TRAINING_COURSE_ECF)),
        (SessionKind::SessionCcs, _) => ("R8", tx!(JURY_SESSION_CCS)),
    };
    let short = |id| match id {
        "msp" => tx!(JURY_SHORT_MSP),
        "complements" => tx!(JURY_SHORT_COMPLEMENTS),
        "ecf" => tx!(JURY_SHORT_ECF),
        "dp" => tx!(JURY_SHORT_DP),
        _ => tx!(JURY_SHORT_FINAL_INTERVIEW),
    };
    let names = Text::join(items.iter().map(|i| short(i.id)).collect(), crate::text::msg::TEXT_SEP_COMMA);
    j.push(Decision::info(rule_id, rule.certainty, rule.sources, tl!(JURY_WHAT_JURY_LOOKS, what, names)));
    items
}
