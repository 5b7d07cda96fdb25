//! The four routes to the title. Each composes the rules of [`crate::rules`] into a report:
//! [`continuous`] (training, then a session titre), [`vae`], [`discontinuous`] (capitalising
//! CCPs), [`ccs`] (a specialisation for holders of the title).

pub mod ccs;
pub mod continuous;
pub mod discontinuous;
pub mod vae;

use crate::certainty::Certainty;
use crate::error::{Error, ErrorCode};
use crate::explain::{ask_dreets, Eval, Tri};
use crate::report::{CcpStatus, Report, Session, SessionKind, Status};
use crate::rules::revision_closure::{self, Standing};
use crate::rules::{capitalisation, composition, documents};
use crate::situation::{Path, Situation};
use crate::title::Title;
use crate::{tl, tx, Text};

/// Evaluates a situation against the given titles (already validated).
pub fn evaluate(situation: &Situation, titles: &[Title], data: &'static str) -> Result<Report, Error> {
    let code = situation.title_code();
    let title = titles.iter().find(|t| t.code == code).ok_or_else(|| Error::new(ErrorCode::UnknownTitle, "title", tx!(
        "titre « {} » absent des données (titres connus : {})", "title \"{}\" is not in the data (known titles: {})",
        crate::error::short(code), titles.iter().map(|t| t.code.as_str()).collect::<Vec<_>>().join(", "))))?;
    let (as_of, path) = situation.validate(title)?;
    let mut ev = Eval::new(title, situation, as_of, path, data);
    let standing = revision_closure::standing(&mut ev);
    let version = match standing {
        Standing::InForce { index, .. } => Some(index),
        Standing::NotCreated => None,
        _ => Some(title.versions.len() - 1),
    };
    if let Some(index) = version {
        composition::apply(&mut ev, index);
        ev.report.held = capitalisation::held_statuses(&mut ev, standing, index);
    }
    let outcome = match path {
        Path::Continuous => continuous::evaluate(&mut ev, standing),
        Path::Vae => vae::evaluate(&mut ev, standing),
        Path::Discontinuous => discontinuous::evaluate(&mut ev, standing, version),
        Path::Ccs => ccs::evaluate(&mut ev),
    };
    documents::apply(&mut ev);
    Ok(finish(ev, outcome))
}

/// The title's standing as a condition for a new session titre: a closed or ended title has none.
pub(crate) fn title_open(ev: &mut Eval, standing: Standing) -> Tri {
    let result = match standing {
        Standing::InForce { .. } => Tri::Yes,
        Standing::Unknown => Tri::Unknown,
        Standing::NotCreated | Standing::Grace { .. } | Standing::Ended { .. } => Tri::No,
    };
    ev.check(result)
}

/// The current-version CCPs not credited by the held CCPs; `None` when the version's list is unknown.
pub(crate) fn remaining(ev: &mut Eval, version: usize) -> Option<Vec<String>> {
    let v = &ev.title.versions[version];
    if v.ccps_certainty == Certainty::Unknown {
        ev.unknown(tl!("la liste des CCP de la version {} du titre", "the list of CCPs of the title's {} version", Text::plain(&v.id)), ask_dreets());
        return None;
    }
    ev.report.remaining_known = true;
    let credited: Vec<&String> = ev.report.held.iter().filter(|h| h.status == CcpStatus::Counts).flat_map(|h| &h.counts_as).collect();
    Some(v.ccps.iter().filter(|c| !credited.contains(&&c.id)).map(|c| c.id.clone()).collect())
}

pub(crate) fn session(kind: SessionKind, ccp: Option<String>, label: Text) -> Session {
    Session { kind, ccp, label }
}

fn finish(mut ev: Eval, outcome: Tri) -> Report {
    let status = match outcome {
        Tri::Yes => Status::Eligible,
        Tri::No => Status::NotEligible,
        Tri::Unknown => Status::Undetermined,
    };
    if status != Status::Undetermined {
        ev.report.missing.clear();
    }
    if status == Status::NotEligible {
        ev.report.sessions.clear();
        ev.report.assessment.clear();
    }
    let title = ev.title.name.clone();
    let mut summary = match status {
        Status::Eligible => match ev.path {
            Path::Continuous => tl!("Oui : vous pouvez vous présenter à une session titre « {} ».",
                "Yes: you may sit a session titre for \"{}\".", title),
            Path::Vae => tl!("Oui : vous pouvez demander la VAE pour le titre « {} ».",
                "Yes: you may apply for VAE for the title \"{}\".", title),
            Path::Discontinuous if ev.report.remaining_known && ev.report.remaining.is_empty() && !ev.report.held.is_empty() => tl!(
                "Oui : vos CCP couvrent tout le titre « {} » ; il reste l'entretien final avec le jury.",
                "Yes: your CCPs cover the whole title \"{}\"; the final interview with the jury remains.", title),
            Path::Discontinuous => tl!("Oui : vous pouvez continuer vers le titre « {} » en passant les CCP qui vous manquent.",
                "Yes: you may go on towards the title \"{}\" by sitting the CCPs you lack.", title),
            Path::Ccs => tx!("Oui : vous pouvez vous présenter à la session CCS.", "Yes: you may sit the session CCS."),
        },
        Status::NotEligible => {
            // A "no" rests on the condition that said no, not on the others.
            let (reason, certainty) = ev.blocker.clone().unwrap_or_default();
            ev.report.certainty = certainty;
            tl!("Non, pas par cette voie. {}", "No, not by this route. {}", reason)
        }
        Status::Undetermined => {
            let mut parts: Vec<Text> = ev.report.missing.iter().map(|m| missing_label(m)).collect();
            parts.extend(ev.report.unknowns.iter().map(|u| u.what.clone()));
            let list = Text::new(
                parts.iter().map(|p| p.fr.as_str()).collect::<Vec<_>>().join(" ; "),
                parts.iter().map(|p| p.en.as_str()).collect::<Vec<_>>().join("; "));
            tl!("On ne peut pas encore répondre. Il nous faut savoir : {}.", "We cannot tell yet. We need to know: {}.", list)
        }
    };
    if status != Status::Undetermined && ev.report.certainty < Certainty::Official {
        let why = match ev.report.certainty {
            Certainty::Secondary => tx!("une source secondaire (texte officiel non lu)", "a secondary source (official text not read)"),
            Certainty::Estimated => tx!("une date ou une règle estimée", "an estimated date or rule"),
            _ => tx!("un fait absent de nos données", "a fact missing from our data"),
        };
        summary = tl!("{} Cette réponse repose sur {} : faites-la confirmer par la DREETS.",
            "{} This answer rests on {}: have it confirmed by the DREETS.", summary, why);
    }
    ev.report.summary = summary;
    // Deadlines by date, unknown dates last.
    ev.report.deadlines.sort_by_key(|d| (d.date.is_none(), d.date));
    if !ev.report.unknowns.is_empty() || ev.report.certainty < Certainty::Official {
        ev.next_step(tl!("Pour tout point incertain, adressez-vous à {}.", "For anything uncertain, contact {}.", ask_dreets()));
    }
    ev.report.status = status;
    ev.report
}

/// An input path in words, for the summary.
pub fn missing_label(path: &str) -> Text {
    match path {
        "training.coherent" => tx!("si votre formation est cohérente avec ce que vous visez", "whether your training course is coherent with what you aim for"),
        "training.end" => tx!("la date de fin de votre formation", "when your training course ended"),
        "experience.related" => tx!("si votre expérience est en rapport direct avec le titre", "whether your experience is directly related to the title"),
        "experience.months" => tx!("la durée de votre expérience (en mois ou en heures)", "how long your experience is (in months or hours)"),
        "titleObtained" => tx!("la date à laquelle vous avez obtenu le titre", "when you obtained the title"),
        "ccs" => tx!("le CCS visé", "which CCS you aim for"),
        "held" => tx!("les CCP que vous avez déjà obtenus", "the CCPs you have already obtained"),
        other => Text::plain(other),
    }
}
