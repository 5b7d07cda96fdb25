//! The candidate's situation: the input of [`crate::evaluate`], its parsing and its validation.
//!
//! Every error names the field with its path (`held[0].obtained`) and says what is wrong in French
//! and English (see [`crate::Error`]). Parsing goes through serde with the field path tracked, so
//! the same code serves JSON text (CLI, tests) and JavaScript values (wasm).

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::rules::coverage;
use crate::title::Title;
use crate::tx;
use crate::read::{self, Object};
use serde::Serialize;
use serde_json::Value;

/// The default title when `title` is absent.
pub const DEFAULT_TITLE: &str = "TP-00523";

/// Most held CCPs a situation may list (a title's whole history has far fewer).
pub const MAX_HELD: usize = 64;
/// Bounds of experience inputs: a working life at most.
pub const MAX_MONTHS: f64 = 720.0;
pub const MAX_HOURS: f64 = 120_000.0;

/// The four routes to the title (rules.md R2, R3, R4, R8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Path {
    /// A training course coherent with the title, then a session titre.
    Continuous,
    /// Validation of experience (VAE), admissibility, then a session titre.
    Vae,
    /// Capitalising CCPs through sessions CCP (discontinuous course, or after a partial success).
    Discontinuous,
    /// A certificate of specialisation (CCS) for holders of the title.
    Ccs,
}

impl Path {
    pub fn as_str(self) -> &'static str {
        match self {
            Path::Continuous => "continuous",
            Path::Vae => "vae",
            Path::Discontinuous => "discontinuous",
            Path::Ccs => "ccs",
        }
    }
}

/// What the candidate (or the adviser) tells the calculator. Field names are the JSON contract.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Situation {
    /// The evaluation date (required): rules are applied as they stand on that day.
    pub as_of: Option<Date>,
    /// Title code; "TP-00523" when absent.
    pub title: Option<String>,
    pub path: Option<Path>,
    pub training: Option<Training>,
    pub experience: Option<Experience>,
    pub vae: Option<Vae>,
    pub held: Vec<Held>,
    pub title_obtained: Option<Date>,
    pub ccs: Option<String>,
    pub last_session: Option<LastSession>,
}

/// A training course coherent (or not) with the title, the CCP or the CCS sought.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Training {
    pub coherent: Option<bool>,
    /// Last day of the course; may be in the future (a course being finished).
    pub end: Option<Date>,
}

/// Experience in direct relation with the title (VAE) or in the activity (CCS).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Experience {
    pub months: Option<f64>,
    pub hours: Option<f64>,
    pub related: Option<bool>,
}

/// The VAE application.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vae {
    /// When the application was filed (the path started); when absent, the admissibility date if
    /// given, else `asOf`.
    pub applied: Option<Date>,
    /// When admissibility (recevabilité) was notified.
    pub admissible: Option<Date>,
}

/// A CCP (or a 2003 unit) already obtained.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Held {
    pub ccp: String,
    pub obtained: Date,
}

/// The last session titre sat without obtaining the title.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LastSession {
    pub date: Date,
    pub outcome: SessionOutcome,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SessionOutcome {
    Failed,
    Absent,
}

impl Situation {
    /// Parses a situation from JSON text.
    ///
    /// ```
    /// let s = tp_eligibility::Situation::from_json(r#"{"asOf": "2026-11-27", "path": "vae"}"#).unwrap();
    /// assert_eq!(s.path, Some(tp_eligibility::Path::Vae));
    /// let e = tp_eligibility::Situation::from_json(r#"{"asOf": "2023-02-30", "path": "vae"}"#).unwrap_err();
    /// assert_eq!(e.field, "asOf");
    /// ```
    pub fn from_json(text: &str) -> Result<Situation, Error> {
        if !text.trim_start().starts_with('{') {
            return Err(not_an_object());
        }
        from_value(&read::json(text)?)
    }

    pub fn title_code(&self) -> &str {
        self.title.as_deref().unwrap_or(DEFAULT_TITLE)
    }

    /// The VAE application date: as given; else the admissibility date when given (the
    /// application came no later, and its rules are those of that time); else `asOf`.
    pub fn vae_applied(&self) -> Option<Date> {
        let vae = self.vae.as_ref();
        vae.and_then(|v| v.applied).or(vae.and_then(|v| v.admissible)).or(self.as_of)
    }

    /// Checks the situation against the calculator's coverage and the title's data; returns the
    /// evaluation date and the route, which are required.
    pub fn validate(&self, title: &Title) -> Result<(Date, Path), Error> {
        let as_of = self.as_of.ok_or_else(|| required("asOf"))?;
        coverage::check(as_of, "asOf")?;
        let path = self.path.ok_or_else(|| required("path"))?;
        let past = |date: Option<Date>, field: &str| -> Result<(), Error> {
            let Some(date) = date else { return Ok(()) };
            coverage::check(date, field)?;
            if date > as_of {
                return Err(Error::new(ErrorCode::AfterAsOf, field, tx!(
                    "cette date ({}) est postérieure à la date d'évaluation ({})",
                    "this date ({}) is after the evaluation date ({})", date, as_of)));
            }
            Ok(())
        };
        if let Some(training) = &self.training {
            if let Some(end) = training.end {
                coverage::check(end, "training.end")?;
            }
        }
        if let Some(experience) = &self.experience {
            number(experience.months, "experience.months", MAX_MONTHS)?;
            number(experience.hours, "experience.hours", MAX_HOURS)?;
        }
        if let Some(vae) = &self.vae {
            if let Some(applied) = vae.applied {
                coverage::check(applied, "vae.applied")?;
            }
            past(vae.admissible, "vae.admissible")?;
            if let (Some(applied), Some(admissible)) = (vae.applied, vae.admissible) {
                if admissible < applied {
                    return Err(Error::new(ErrorCode::DateOrder, "vae.admissible", tx!(
                        "la recevabilité ne peut pas précéder la demande ({})",
                        "admissibility cannot come before the application ({})", applied)));
                }
            }
        }
        if self.held.len() > MAX_HELD {
            return Err(Error::new(ErrorCode::TooMany, "held", tx!(
                "trop de CCP ({} ; au plus {})", "too many CCPs ({}; at most {})", self.held.len(), MAX_HELD)));
        }
        let mut seen: Vec<&str> = Vec::new();
        for (i, held) in self.held.iter().enumerate() {
            let field = format!("held[{i}].ccp");
            let Some((version, _)) = title.ccp(&held.ccp) else {
                return Err(Error::new(ErrorCode::UnknownCcp, field, tx!(
                    "CCP « {} » inconnu pour le titre {} (voir le catalogue)",
                    "unknown CCP \"{}\" for title {} (see the catalog)", crate::error::short(&held.ccp), title.code)));
            };
            if seen.contains(&held.ccp.as_str()) {
                return Err(Error::new(ErrorCode::DuplicateCcp, field, tx!(
                    "CCP « {} » déjà listé", "CCP \"{}\" is listed twice", crate::error::short(&held.ccp))));
            }
            seen.push(&held.ccp);
            let obtained = format!("held[{i}].obtained");
            past(Some(held.obtained), &obtained)?;
            outside_version(title, version, held.obtained, &obtained)?;
        }
        past(self.title_obtained, "titleObtained")?;
        if let Some(ccs) = &self.ccs {
            if !title.ccs.iter().any(|c| &c.id == ccs) {
                return Err(Error::new(ErrorCode::UnknownCcp, "ccs", tx!(
                    "CCS « {} » inconnu pour le titre {} (ce titre n'a aucun CCS dans nos données)",
                    "unknown CCS \"{}\" for title {} (this title has no CCS in our data)", crate::error::short(ccs), title.code)));
            }
        }
        if let Some(session) = &self.last_session {
            past(Some(session.date), "lastSession.date")?;
        }
        Ok((as_of, path))
    }
}

/// Reads a situation from JSON data (parsed text, or a JS value read by the wasm door).
pub fn from_value(value: &Value) -> Result<Situation, Error> {
    if !value.is_object() {
        return Err(not_an_object());
    }
    let o = Object::new(value, "", &["asOf", "title", "path", "training", "experience", "vae", "held", "titleObtained", "ccs", "lastSession"])?;
    let sub = |key: &str, keys: &[&str]| o.get(key).map(|v| Object::new(v, key, keys)).transpose();
    let training = sub("training", &["coherent", "end"])?
        .map(|t| Ok::<_, Error>(Training { coherent: t.bool("coherent")?, end: t.date("end")? })).transpose()?;
    let experience = sub("experience", &["months", "hours", "related"])?
        .map(|e| Ok::<_, Error>(Experience { months: e.number("months")?, hours: e.number("hours")?, related: e.bool("related")? }))
        .transpose()?;
    let vae = sub("vae", &["applied", "admissible"])?
        .map(|v| Ok::<_, Error>(Vae { applied: v.date("applied")?, admissible: v.date("admissible")? })).transpose()?;
    let last_session = sub("lastSession", &["date", "outcome"])?
        .map(|l| Ok::<_, Error>(LastSession {
            date: l.need("date", read::date)?,
            outcome: l.present("outcome", l.choice("outcome", &[("failed", SessionOutcome::Failed), ("absent", SessionOutcome::Absent)])?)?,
        }))
        .transpose()?;
    let held = o.list("held", |v, path| {
        let h = Object::new(v, path, &["ccp", "obtained"])?;
        Ok(Held { ccp: h.string("ccp")?, obtained: h.need("obtained", read::date)? })
    })?;
    Ok(Situation {
        as_of: o.date("asOf")?,
        title: o.str("title")?.map(str::to_string),
        path: o.choice("path", &[("continuous", Path::Continuous), ("vae", Path::Vae), ("discontinuous", Path::Discontinuous), ("ccs", Path::Ccs)])?,
        training,
        experience,
        vae,
        held,
        title_obtained: o.date("titleObtained")?,
        ccs: o.str("ccs")?.map(str::to_string),
        last_session,
    })
}

fn not_an_object() -> Error {
    Error::new(ErrorCode::InvalidType, "", tx!(
        "la situation doit être un objet JSON ({ ... })", "the situation must be a JSON object ({ ... })"))
}

fn required(field: &str) -> Error {
    Error::new(ErrorCode::Required, field, tx!("champ obligatoire absent", "required field is missing"))
}

fn number(value: Option<f64>, field: &str, max: f64) -> Result<(), Error> {
    match value {
        Some(v) if !v.is_finite() || v < 0.0 || v > max => Err(Error::new(ErrorCode::OutOfRange, field, tx!(
            "nombre attendu entre 0 et {}", "a number between 0 and {} is expected", max as u32))),
        _ => Ok(()),
    }
}

/// A CCP must have been obtained while its version may have been in force (a day its version was
/// certainly not in force is an input error, not a guess).
fn outside_version(title: &Title, version: usize, obtained: Date, field: &str) -> Result<(), Error> {
    let start = &title.versions[version].start;
    let end = title.version_end(version);
    // Only official or secondary dates, and explicit bounds, are firm enough to refuse input.
    let firm = |fact: &crate::certainty::DatedFact, pick: fn(&crate::certainty::DatedFact) -> Option<Date>| {
        if fact.date.is_some() && fact.certainty < crate::Certainty::Secondary { None } else { pick(fact) }
    };
    let too_early = firm(start, |f| f.date.or(f.not_before)).is_some_and(|d| obtained < d);
    let too_late = version + 1 < title.versions.len() && firm(&end, |f| f.date.or(f.not_after)).is_some_and(|d| obtained > d);
    if too_early || too_late {
        let v = &title.versions[version];
        return Err(Error::new(ErrorCode::OutsideVersion, field, tx!(
            "ce CCP appartient à la version {} du titre, qui n'était pas en vigueur le {} : choisissez le CCP de la version en vigueur à cette date",
            "this CCP belongs to the title's {} version, which was not in force on {}: pick the CCP of the version in force on that date",
            v.id, obtained)));
    }
    Ok(())
}
