//! The candidate's situation: the input of [`crate::evaluate`], its parsing and its validation.
//!
//! Every error names the field with its path (`held[0].obtained`) and says what is wrong in French
//! and English (see [`crate::Error`]). The same reader serves JSON text (command line, tests) and
//! JavaScript values (the wasm door turns them into the same JSON data first).

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::read::Value;
use crate::read::{self, Object};
use crate::rules::coverage;
use crate::title::Title;
use crate::{limits, tl, tx, Text};

/// The default title when `title` is absent.
pub const DEFAULT_TITLE: &str = "TP-00523";

/// The four routes to the title (rules.md R2, R3, R4, R8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

crate::json_string!(Path);

impl Path {
    /// Every route, in the order the page offers them.
    pub const ALL: [Path; 4] = [Path::Continuous, Path::Vae, Path::Discontinuous, Path::Ccs];

    /// The route in words: "capitaliser des CCP (parcours discontinu)".
    pub fn words(self) -> crate::Text {
        match self {
            Path::Continuous => tx!(ERROR_TRAINING_COURSE_THEN_SESSION_TITRE),
            Path::Vae => tx!(ERROR_VALIDATION_EXPERIENCE_VAE),
            Path::Discontinuous => tx!(ERROR_CAPITALISING_CCPS_DISCONTINUOUS_COURSE_PARTIAL),
            Path::Ccs => tx!(ERROR_SPECIALISATION_CCS_HOLDERS_TITLE),
        }
    }

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
#[derive(Clone, Debug, Default, PartialEq)]
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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Training {
    pub coherent: Option<bool>,
    /// Last day of the course; may be in the future (a course being finished).
    pub end: Option<Date>,
}

/// Experience in direct relation with the title (VAE) or in the activity (CCS).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Experience {
    pub months: Option<f64>,
    pub hours: Option<f64>,
    pub related: Option<bool>,
}

/// The VAE application.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vae {
    /// When the application was filed (the path started); when absent, the admissibility date if
    /// given, else `asOf`.
    pub applied: Option<Date>,
    /// When admissibility (recevabilité) was notified.
    pub admissible: Option<Date>,
}

/// A CCP (or a 2003 unit) already obtained. A placeholder CCP ("a CCP of the 2016 version") may
/// be listed several times.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub ccp: String,
    pub obtained: Date,
}

/// The last session titre sat without obtaining the title.
#[derive(Clone, Debug, PartialEq)]
pub struct LastSession {
    pub date: Date,
    pub outcome: SessionOutcome,
    /// Whether a new training course coherent with the title was begun after that session
    /// (rules.md R9: asked, never inferred from a training end date).
    pub new_training: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
        if !text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
            return Err(not_an_object());
        }
        from_value(&read::json_bounded(text, crate::limits::MAX_SITUATION_NODES)?)
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
        let as_of = self.as_of.ok_or_else(|| read::required("asOf"))?;
        coverage::check(as_of, "asOf")?;
        let path = self.path.ok_or_else(|| read::required("path"))?;
        let past = |date: Option<Date>, field: &str| -> Result<(), Error> {
            let Some(date) = date else { return Ok(()) };
            coverage::check(date, field)?;
            if date > as_of {
                return Err(Error::new(
                    ErrorCode::AfterAsOf,
                    field,
                    tl!(ERROR_AFTER_EVALUATION_DATE_GIVE_PAST, Text::date(date), Text::date(as_of)),
                ));
            }
            Ok(())
        };
        if let Some(end) = self.training.as_ref().and_then(|t| t.end) {
            coverage::check(end, "training.end")?;
        }
        if let Some(experience) = &self.experience {
            number(experience.months, "experience.months", crate::limits::MAX_MONTHS)?;
            number(experience.hours, "experience.hours", crate::limits::MAX_HOURS)?;
        }
        if let Some(vae) = &self.vae {
            if let Some(applied) = vae.applied {
                coverage::check(applied, "vae.applied")?;
            }
            past(vae.admissible, "vae.admissible")?;
            if let (Some(applied), Some(admissible)) = (vae.applied, vae.admissible) {
                if admissible < applied {
                    return Err(Error::new(
                        ErrorCode::DateOrder,
                        "vae.admissible",
                        tl!(ERROR_ADMISSIBILITY_CANNOT_COME_BEFORE_APPLICATION, Text::date(applied)),
                    ));
                }
            }
        }
        if self.held.len() > limits::MAX_HELD {
            return Err(Error::new(
                ErrorCode::TooMany,
                "held",
                tx!(ERROR_TOO_MANY_CCPS_MOST, self.held.len(), limits::MAX_HELD),
            ));
        }
        let mut seen: Vec<&str> = Vec::new(); // at most MAX_HELD
        for (i, held) in self.held.iter().enumerate() {
            let field = format!("held[{i}].ccp");
            let Some((version, ccp)) = title.ccp(&held.ccp) else {
                return Err(Error::new(
                    ErrorCode::UnknownCcp,
                    field,
                    tx!(ERROR_CCP_DOES_EXIST_TITLE_PICK, crate::error::short(&held.ccp)),
                ));
            };
            if !ccp.placeholder && seen.contains(&held.ccp.as_str()) {
                return Err(Error::new(ErrorCode::DuplicateCcp, field, tx!(ERROR_CCP_ALREADY_LISTED_ABOVE)));
            }
            seen.push(&held.ccp);
            let obtained = format!("held[{i}].obtained");
            past(Some(held.obtained), &obtained)?;
            outside_version(title, version, held.obtained, &obtained)?;
        }
        past(self.title_obtained, "titleObtained")?;
        if let Some(obtained) = self.title_obtained {
            let start = &title.versions[0].start;
            if let Some(first) = start.earliest().filter(|&d| obtained < d) {
                return Err(Error::new(
                    ErrorCode::BeforeTitle,
                    "titleObtained",
                    tl!(ERROR_TITLE_DID_EXIST_YET_DATES, Text::date(obtained), Text::date(first)),
                ));
            }
        }
        if let Some(ccs) = &self.ccs {
            if !title.ccs.iter().any(|c| &c.id == ccs) {
                return Err(Error::new(
                    ErrorCode::UnknownCcp,
                    "ccs",
                    tx!(ERROR_CCS_DOES_EXIST_TITLE, crate::error::short(ccs)),
                ));
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
    let o = Object::new(
        value,
        "",
        &[
            "asOf",
            "title",
            "path",
            "training",
            "experience",
            "vae",
            "held",
            "titleObtained",
            "ccs",
            "lastSession",
        ],
    )?;
    let sub = |key: &str, keys: &[&str]| o.get(key).map(|v| Object::new(v, key, keys)).transpose();
    let training = sub("training", &["coherent", "end"])?
        .map(|t| Ok::<_, Error>(Training { coherent: t.bool("coherent")?, end: t.date("end")? }))
        .transpose()?;
    let experience = sub("experience", &["months", "hours", "related"])?
        .map(|e| {
            Ok::<_, Error>(Experience {
                months: e.number("months")?,
                hours: e.number("hours")?,
                related: e.bool("related")?,
            })
        })
        .transpose()?;
    let vae = sub("vae", &["applied", "admissible"])?
        .map(|v| Ok::<_, Error>(Vae { applied: v.date("applied")?, admissible: v.date("admissible")? }))
        .transpose()?;
    let last_session = sub("lastSession", &["date", "outcome", "newTraining"])?
        .map(|l| {
            Ok::<_, Error>(LastSession {
                date: l.need("date", read::date)?,
                outcome: l.present(
                    "outcome",
                    l.choice(
                        "outcome",
                        &[("failed", SessionOutcome::Failed), ("absent", SessionOutcome::Absent)],
                    )?,
                )?,
                new_training: l.bool("newTraining")?,
            })
        })
        .transpose()?;
    let held = o.list("held", |v, path| {
        let h = Object::new(v, path, &["ccp", "obtained"])?;
        Ok(Held { ccp: h.string("ccp")?, obtained: h.need("obtained", read::date)? })
    })?;
    Ok(Situation {
        as_of: o.date("asOf")?,
        title: o.str("title")?.map(str::to_string),
        path: o.choice(
            "path",
            &[
                ("continuous", Path::Continuous),
                ("vae", Path::Vae),
                ("discontinuous", Path::Discontinuous),
                ("ccs", Path::Ccs),
            ],
        )?,
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
    Error::new(ErrorCode::InvalidType, "", tx!(ERROR_SITUATION_MUST_JSON_OBJECT))
}

fn number(value: Option<f64>, field: &str, max: f64) -> Result<(), Error> {
    match value {
        Some(v) if !v.is_finite() || v < 0.0 || v > max => {
            Err(Error::new(ErrorCode::OutOfRange, field, tl!(ERROR_GIVE_NUMBER_BETWEEN_0, Text::number(max))))
        }
        _ => Ok(()),
    }
}

/// A CCP must have been obtained while its version may have been in force (rules.md R6): a day
/// before its version could have started, or after it surely ended, is an input error. A day in a
/// version's uncertain start or end band is taken in the version the candidate names.
fn outside_version(title: &Title, version: usize, obtained: Date, field: &str) -> Result<(), Error> {
    let v = &title.versions[version];
    let end = if version + 1 < title.versions.len() { Some(title.version_end(version)) } else { None };
    // Only official or secondary dates, and explicit bounds, are firm enough to refuse input.
    let firm = |fact: &crate::title::DatedFact, bound: Option<Date>| {
        if fact.date.is_some() && fact.certainty < crate::Certainty::Secondary {
            None
        } else {
            fact.date.or(bound)
        }
    };
    let earliest = firm(&v.start, v.start.not_before);
    let latest = end.as_ref().and_then(|e| firm(e, e.not_after));
    let (too_early, too_late) = (earliest.filter(|&d| obtained < d), latest.filter(|&d| obtained > d));
    let what = match (too_early, too_late) {
        (Some(from), _) => {
            tl!(ERROR_TITLE_S_VERSION_WHICH_CCP, Text::plain(&v.id), Text::date(obtained), Text::date(from))
        }
        (None, Some(until)) => tl!(
            ERROR_TITLE_S_VERSION_WHICH_CCP_2,
            Text::plain(&v.id),
            Text::date(obtained),
            Text::date(until)
        ),
        (None, None) => return Ok(()),
    };
    Err(Error::new(ErrorCode::OutsideVersion, field, what))
}
