//! The title data model: versions, CCPs, CCS, correspondence tables, equivalences, registration.
//!
//! The data of a title is a JSON document (format documented in README.md, "Title data format");
//! the built-in titles are embedded at compile time from `src/title/data/`. Integrators may pass
//! their own titles in the same format; [`validate`] checks them before any use.

mod parse;
mod validate;

pub use parse::titles as parse;
pub use validate::validate;

use crate::certainty::{Certainty, DatedFact};
use crate::date::Date;
use crate::Text;
use serde::Serialize;

/// One titre professionnel and its whole history.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Title {
    /// Version of this data format (1).
    pub format: u32,
    /// e.g. "TP-00523".
    pub code: String,
    pub name: Text,
    pub level: Option<Text>,
    /// The sources that dated facts and tables cite by id.
    pub sources: Vec<DataSource>,
    /// In order; each version is in force from its start until the day before the next one starts.
    pub versions: Vec<Version>,
    /// Last day of the current registration (rules.md R6: that day is still a day of validity).
    pub registration_end: DatedFact,
    /// What happens after `registrationEnd`, when known (rules.md R6).
    pub after_registration_end: AfterEnd,
    /// Certificates of specialisation attached to the title (rules.md R8).
    pub ccs: Vec<Ccp>,
    /// Source saying which CCS exist (or that none was found).
    pub ccs_source: String,
    /// Equivalences with other certifications listed in the arrêté de spécialité (rules.md R2).
    pub equivalences: Vec<Equivalence>,
    /// Source saying which equivalences exist (or that none was found).
    pub equivalences_source: String,
}

/// A source cited by the title data.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataSource {
    pub id: String,
    pub certainty: Certainty,
    pub fr: String,
    pub en: String,
}

/// The title as defined by one arrêté (creation, revision).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    pub id: String,
    pub name: Text,
    pub start: DatedFact,
    /// How sure the list of CCPs is; `unknown` with one placeholder CCP when the list was not read.
    pub ccps_certainty: Certainty,
    pub ccps: Vec<Ccp>,
    /// How the previous version's CCPs carry into this one; absent for the first version.
    pub correspondence: Option<Correspondence>,
}

/// A CCP (or a CCS), with the French name of the legal text and our English label.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ccp {
    pub id: String,
    pub name: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<Text>,
    /// Stands for "a CCP of this version" when the version's list is unknown.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub placeholder: bool,
}

/// The correspondence table of a revision (arrêté 2015 art. 3): only its rows give credit.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Correspondence {
    pub certainty: Certainty,
    pub source: String,
    /// `null` when the table is not known.
    pub rows: Option<Vec<Row>>,
    pub note: Option<Text>,
}

/// One row: holding every `from` CCP gives every `to` CCP; `to` empty is a row "néant".
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub note: Option<Text>,
}

/// What the title becomes when its registration ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AfterEnd {
    /// Not published: extended, revised or closed, nobody can tell yet.
    Unknown,
    /// Closed: CCP holders have one more year (rules.md R6.3).
    Closed,
}

/// An equivalence granted by the arrêté de spécialité to holders of another certification.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Equivalence {
    pub certification: Text,
    /// `true` for a total equivalence (the whole title).
    pub total: bool,
    /// CCPs of the current version granted by a partial equivalence.
    pub ccps: Vec<String>,
    pub certainty: Certainty,
    pub source: String,
}

/// The built-in titles, embedded at compile time and read once (validated by tests).
pub fn builtin() -> &'static [Title] {
    static TITLES: std::sync::OnceLock<Vec<Title>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| {
        let title = parse::titles(&builtin_json(), "titles").unwrap_or_else(|e| panic!("built-in title data: {e}"));
        debug_assert!(validate(&title, "titles").is_ok());
        title
    })
}

/// The built-in data as JSON: parsed by the browser's own JSON.parse in WebAssembly (no JSON text
/// parser in the wasm file), by serde_json natively.
fn builtin_json() -> serde_json::Value {
    const TEXT: &str = concat!("[", include_str!("data/tp-00523.json"), "]");
    #[cfg(target_arch = "wasm32")]
    let value = crate::wasm::json_parse(TEXT);
    #[cfg(not(target_arch = "wasm32"))]
    let value = serde_json::from_str(TEXT).expect("built-in title data is JSON");
    value
}

/// Where a date falls in a title's history.
#[derive(Clone, Debug, PartialEq)]
pub enum VersionAt {
    /// Before the first version: the title did not exist.
    BeforeCreation,
    /// In force on that date: the latest version that may be in force, and the certainty.
    /// `alternatives` lists the other versions that may be in force instead (dates unknown).
    InForce { index: usize, certainty: Certainty, alternatives: Vec<usize> },
    /// After the registration end (certainly: a known date, or past its latest bound).
    AfterEnd,
}

impl Title {
    pub fn version(&self, id: &str) -> Option<(usize, &Version)> {
        self.versions.iter().enumerate().find(|(_, v)| v.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&DataSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The version a CCP id belongs to.
    pub fn ccp(&self, id: &str) -> Option<(usize, &Ccp)> {
        self.versions
            .iter()
            .enumerate()
            .find_map(|(i, v)| v.ccps.iter().find(|c| c.id == id).map(|c| (i, c)))
    }

    pub fn current(&self) -> &Version {
        self.versions.last().expect("validated titles have a version")
    }

    /// The facts bounding version `index`: its start, and the start of the next version (or the
    /// registration end, which is itself a day of validity).
    fn bounds(&self, index: usize) -> (&DatedFact, Option<&DatedFact>) {
        (&self.versions[index].start, self.versions.get(index + 1).map(|v| &v.start))
    }

    /// The last day of version `index`, as a fact: the day before the next start, or the
    /// registration end.
    pub fn version_end(&self, index: usize) -> DatedFact {
        match self.versions.get(index + 1) {
            Some(next) => DatedFact {
                date: next.start.date.map(Date::pred),
                not_before: next.start.not_before.map(Date::pred),
                not_after: next.start.not_after.map(Date::pred),
                ..next.start.clone()
            },
            None => self.registration_end.clone(),
        }
    }

    /// Which version is in force on `date` (rules.md R6; windows are half-open).
    pub fn version_at(&self, date: Date) -> VersionAt {
        let first = &self.versions[0].start;
        if first.latest().is_some_and(|d| date < d) && first.earliest().is_some_and(|d| date < d) {
            return VersionAt::BeforeCreation;
        }
        let end = &self.registration_end;
        if end.earliest().is_some_and(|d| date > d) && end.latest().is_some_and(|d| date > d) {
            return VersionAt::AfterEnd;
        }
        let possible: Vec<usize> = (0..self.versions.len())
            .filter(|&i| {
                let (start, next) = self.bounds(i);
                let started = start.earliest().is_none_or(|d| d <= date);
                let not_ended = match next {
                    Some(next) => next.latest().is_none_or(|d| date < d),
                    None => true,
                };
                started && not_ended
            })
            .collect();
        let Some((&index, others)) = possible.split_last() else {
            return VersionAt::BeforeCreation;
        };
        let (start, next) = self.bounds(index);
        let mut certainty = if start.date.is_some() { start.certainty } else { Certainty::Official };
        if others.is_empty() {
            if let Some(next) = next.filter(|n| n.date.is_some()) {
                certainty = certainty.min(next.certainty);
            }
        } else {
            certainty = Certainty::Unknown;
        }
        if next.is_none() {
            certainty = certainty.min(end.certainty);
        }
        VersionAt::InForce { index, certainty, alternatives: others.to_vec() }
    }
}
