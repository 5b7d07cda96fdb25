//! R3, R4, R8. What the jury looks at, by kind of session and route (arrêté du 22 décembre 2015,
//! art. 8; the référentiel's "modalités d'obtention").
//!
//! Session titre: MSP (with an entretien technique, a questionnaire professionnel or a
//! questionnement à partir de productions where the title's evaluation reference provides them),
//! the ECF results for training candidates, the DP, the entretien final. VAE: the same without ECF.
//! Session CCP (R4): MSP (+ complements), ECF for training candidates only, DP; the entretien final
//! takes place at the end of the session of the last CCP. Session CCS (R8): as a session titre.

use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::journal::{Decision, Journal};
use crate::report::{Assessment, SessionKind};
use crate::{tl, tx, Text};

pub static ASSESSMENT: &[Period<()>] = &[
    Period { from: dates::TP_REGIME, value: (), certainty: Certainty::Secondary, sources: &["arrete-2002", "arrete-2006", "referentiel"] },
    Period { from: dates::ARRETE_2015, value: (), certainty: Certainty::Official, sources: &["arrete-2015-art8", "referentiel"] },
];

/// What the jury looks at in this kind of session (`ecf` for training candidates), in the journal.
pub fn apply(ctx: &Ctx, j: &mut Journal, kind: SessionKind, ecf: bool) -> Vec<Assessment> {
    let rule = super::in_force(ctx.params.assessment, ctx.as_of);
    let mut items = vec![
        Assessment { id: "msp", label: tx!(
            "Une mise en situation professionnelle, ou la présentation d'un projet préparé avant la session",
            "A practical exam (mise en situation professionnelle), or the presentation of a project prepared before the session") },
        Assessment { id: "complements", label: tx!(
            "Selon le référentiel d'évaluation du titre : entretien technique, questionnaire professionnel ou questions sur vos productions",
            "Where the title's evaluation reference provides them: a technical interview, a professional questionnaire or questions on your work") },
    ];
    if ecf {
        items.push(Assessment { id: "ecf", label: tx!(
            "Les résultats des évaluations passées pendant votre formation (ECF)",
            "The results of the assessments taken during your training course (ECF)") });
    }
    items.push(Assessment { id: "dp", label: tx!(
        "Votre dossier professionnel (DP), où vous rassemblez les preuves de votre pratique",
        "Your dossier professionnel (DP), where you gather evidence of your practice") });
    items.push(Assessment { id: "entretienFinal", label: match kind {
        SessionKind::SessionCcp => tx!(
            "Un entretien final avec le jury, à la fin de la session de votre dernier CCP, au vu de votre livret de certification",
            "A final interview with the jury, at the end of the session of your last CCP, based on your livret de certification"),
        _ => tx!("Un entretien final avec le jury", "A final interview with the jury"),
    } });
    let (rule_id, what) = match (kind, ecf) {
        (SessionKind::SessionTitre, true) => ("R3", tx!("session titre, candidat issu de formation", "session titre, training candidate")),
        (SessionKind::SessionTitre, false) => ("R3", tx!("session titre, candidat VAE : pas d'ECF", "session titre, VAE candidate: no ECF")),
        (SessionKind::SessionCcp, true) => ("R4", tx!("session CCP, candidat issu de formation", "session CCP, training candidate")),
        (SessionKind::SessionCcp, false) => ("R4", tx!("session CCP, sans parcours de formation : pas d'ECF", "session CCP, no training course: no ECF")),
        (SessionKind::SessionCcs, _) => ("R8", tx!("session CCS", "session CCS")),
    };
    let short = |id| match id {
        "msp" => ("mise en situation professionnelle", "practical exam (MSP)"),
        "complements" => ("ses compléments si le référentiel d'évaluation les prévoit", "its complements where the evaluation reference provides them"),
        "ecf" => ("évaluations en cours de formation (ECF)", "assessments during training (ECF)"),
        "dp" => ("dossier professionnel", "dossier professionnel (DP)"),
        _ => ("entretien final", "final interview"),
    };
    let names = Text::new(
        items.iter().map(|i| short(i.id).0).collect::<Vec<_>>().join(", "),
        items.iter().map(|i| short(i.id).1).collect::<Vec<_>>().join(", "));
    j.push(Decision::info(rule_id, rule.certainty, rule.sources, tl!(
        "Ce que le jury examine ({}) : {}.", "What the jury looks at ({}): {}.", what, names)));
    items
}
