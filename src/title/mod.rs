//! The title data model: versions (one per arrêté or register fiche), CCPs, CCS, correspondence
//! tables, equivalences, registration dates, and the data's snapshot date (rules.md R6, R12).
//!
//! The data of a title is a JSON document (format documented in README.md, "Title data format").
//! The core receives titles as values: the command line and the tests embed the built-in data
//! ([`builtin`], native only), the WebAssembly door reads what the page passes. Integrators may pass
//! their own titles in the same format; [`validate`] checks them before any use.

mod parse;
mod validate;

pub use parse::{forbidden, titles as parse};
pub use validate::{valid_code, validate, FORMAT};

use crate::certainty::Certainty;
use crate::date::Date;
use crate::Words;

/// A date that may be unknown, with its certainty, its source and, when unknown, the bounds we do
/// know ("not before 2016-01-06").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DatedFact {
    pub date: Option<Date>,
    pub certainty: Certainty,
    /// Id of an entry of the title's `sources`.
    pub source: String,
    pub not_before: Option<Date>,
    pub not_after: Option<Date>,
    pub note: Option<Words>,
}

impl DatedFact {
    /// The earliest day this fact's date can be.
    pub fn earliest(&self) -> Option<Date> {
        self.date.or(self.not_before)
    }
    /// The latest day this fact's date can be.
    pub fn latest(&self) -> Option<Date> {
        self.date.or(self.not_after)
    }
}

/// One titre professionnel and its whole history.
#[derive(Clone, Debug, Default)]
pub struct Title {
    /// Version of this data format.
    pub format: u32,
    /// The title's main identifier: its TP code ("TP-00523") where known, else its `Code Diplôme`.
    pub code: String,
    /// The register's `Code Diplôme` values of the title's fiches ("36T31202").
    pub code_diplome: Vec<String>,
    pub name: Words,
    pub level: Option<Words>,
    pub nsf: Vec<String>,
    pub rome: Vec<String>,
    /// The day the data was taken from the register: after it, anything the register could have
    /// changed since is unknown unless the data says otherwise (rules.md R12).
    pub snapshot: Option<Date>,
    /// The sources that dated facts and tables cite by id.
    pub sources: Vec<DataSource>,
    /// In order; each version is in force from its start until its end (or the next start).
    pub versions: Vec<Version>,
    /// What happens after the last version's end, when known (rules.md R6).
    pub after_registration_end: AfterEnd,
    /// With [`AfterEnd::Replaced`]: the titles the register names as replacing the last fiche.
    pub replaced_by: Vec<Successor>,
    /// Certificates of specialisation attached to the title (rules.md R8).
    pub ccs: Vec<Ccp>,
    /// Source saying which CCS exist (or that none was found).
    pub ccs_source: String,
    /// Equivalences with other certifications listed in the arrêté de spécialité (rules.md R2).
    pub equivalences: Vec<Equivalence>,
    /// Source saying which equivalences exist (or that none was found).
    pub equivalences_source: String,
    /// Every CCP id with its version and place, sorted by id: built once when the data is read
    /// ([`Title::index_ccps`]), so that finding a CCP costs a binary search, not a walk through
    /// every version (64 versions × 200 CCPs within the limits).
    pub ccp_index: Vec<(String, u16, u16)>,
}

/// A source cited by the title data.
#[derive(Clone, Debug)]
pub struct DataSource {
    pub id: String,
    pub certainty: Certainty,
    pub fr: String,
    pub en: String,
}

/// The title as defined by one arrêté, registered by one fiche of the register.
#[derive(Clone, Debug, Default)]
pub struct Version {
    pub id: String,
    pub name: Words,
    /// The register fiche ("RNCP36964"), when known.
    pub rncp: Option<String>,
    pub start: DatedFact,
    /// The last day of this version's registration; for all but the last version, absent means
    /// "the day before the next version starts".
    pub end: Option<DatedFact>,
    /// The last day the title may still be awarded after the end (`DATE_LIMITE_DELIVRANCE`).
    pub last_award: Option<DatedFact>,
    /// The arrêté de spécialité and its Journal officiel date.
    pub act: Option<Act>,
    /// How sure the list of CCPs is; `unknown` with one placeholder CCP when the list was not read.
    pub ccps_certainty: Certainty,
    pub ccps: Vec<Ccp>,
    /// How the previous version's CCPs carry into this one; absent for the first version.
    pub correspondence: Option<Correspondence>,
}

impl Version {
    /// A fiche the register gives without dates (an old or inactive fiche): no start date, and no
    /// bound on it either. Never the version in force (rules.md R12).
    pub fn is_undated(&self) -> bool {
        self.start.date.is_none() && self.start.not_before.is_none() && self.start.not_after.is_none()
    }
}

/// An arrêté de spécialité as the register cites it.
#[derive(Clone, Debug)]
pub struct Act {
    pub title: String,
    pub jo: Option<Date>,
}

/// A CCP (or a CCS), with its name (French, from the legal text or the register; English, ours).
#[derive(Clone, Debug, Default)]
pub struct Ccp {
    pub id: String,
    pub name: Words,
    pub competences: Vec<Words>,
    /// How the CCP is assessed (the register's `MODALITES_EVALUATION`), when known.
    pub assessment: Option<Words>,
    /// Stands for "a CCP of this version" when the version's list is unknown; it may be entered
    /// several times (rules.md R6).
    pub placeholder: bool,
}

/// The correspondence table of a revision (arrêté 2015 art. 3): only its rows give credit.
#[derive(Clone, Debug)]
pub struct Correspondence {
    pub certainty: Certainty,
    pub source: String,
    /// `null` when the table is not known.
    pub rows: Option<Vec<Row>>,
    pub note: Option<Words>,
}

/// One row: holding every `from` CCP gives every `to` CCP; `to` empty is a row "néant".
#[derive(Clone, Debug)]
pub struct Row {
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub note: Option<Words>,
}

/// What the title becomes when its last registration ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AfterEnd {
    /// Not published: extended, revised or closed, nobody can tell yet.
    #[default]
    Unknown,
    /// Closed: CCP holders have one more year (rules.md R6.3).
    Closed,
    /// Closed by inference: the last registration ended before the data's snapshot with no
    /// successor named in the data. The register never says "closed": this is estimated on
    /// evaluation dates up to the snapshot and unknown after it (rules.md R12).
    ClosedByInference,
    /// Replaced by other titles the register names (a split into several titles): its CCPs carry
    /// into them through their correspondence tables; no session of this title any more.
    Replaced,
}

/// A title that replaces another (`replacedBy`).
#[derive(Clone, Debug, Default)]
pub struct Successor {
    pub code: String,
    pub name: Words,
}

/// An equivalence granted by the arrêté de spécialité to holders of another certification.
#[derive(Clone, Debug)]
pub struct Equivalence {
    pub certification: Words,
    /// `true` for a total equivalence (the whole title).
    pub total: bool,
    /// CCPs of the current version granted by a partial equivalence.
    pub ccps: Vec<String>,
    pub certainty: Certainty,
    pub source: String,
}

/// The default title's data, as the calculator ships it (data/titles/TP-00523.json, minified by
/// build.rs).
pub const DEFAULT_TITLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default-title.json"));

/// The built-in default title, read once.
pub fn builtin() -> &'static [Title] {
    static TITLES: std::sync::OnceLock<Vec<Title>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| read_files(&[DEFAULT_TITLE_JSON]))
}

fn read_files(files: &[&str]) -> Vec<Title> {
    let value = crate::read::json(&format!("[{}]", files.join(",")))
        .unwrap_or_else(|e| panic!("built-in title data: {e}"));
    parse(&value, "titles").unwrap_or_else(|e| panic!("built-in title data: {e}"))
}

#[cfg(not(target_arch = "wasm32"))]
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/titles.rs"));
}

/// Every built-in title, the default one first: all of `data/titles/` in native builds (embedded
/// by build.rs), the default title alone in the wasm (the page loads the others one by one).
pub fn registry() -> &'static [Title] {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static TITLES: std::sync::OnceLock<Vec<Title>> = std::sync::OnceLock::new();
        TITLES.get_or_init(|| {
            let mut files = vec![DEFAULT_TITLE_JSON];
            files.extend(
                embedded::FILES.iter().filter(|(name, _)| *name != "TP-00523.json").map(|(_, text)| *text),
            );
            read_files(&files)
        })
    }
    #[cfg(target_arch = "wasm32")]
    builtin()
}

/// A heap sort, stable enough for keys that are (id, version, place): the library's sorts weigh
/// about 7 KB gzip in the wasm (DESIGN.md, "Keeping the wasm small"), this one a few hundred bytes.
pub(crate) fn heap_sort<T: Ord>(items: &mut [T]) {
    let n = items.len();
    let down = |items: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && items[child] < items[child + 1] {
            child += 1;
        }
        if items[root] >= items[child] {
            break;
        }
        items.swap(root, child);
        root = child;
    };
    for start in (0..n / 2).rev() {
        down(items, start, n);
    }
    for end in (1..n).rev() {
        items.swap(0, end);
        down(items, 0, end);
    }
}

/// Where a date falls in a title's history.
#[derive(Clone, Debug, PartialEq)]
pub enum VersionAt {
    /// Before the first version: the title did not exist.
    BeforeCreation,
    /// In force on that date: the latest version that may be in force, and how sure that is;
    /// `registered`: how sure it is that the title is registered at all that day (whichever
    /// version); `alternatives`: the other versions that may be in force instead (dates unknown).
    InForce { index: usize, certainty: Certainty, registered: Certainty, alternatives: Vec<usize> },
    /// Between two registrations, or after the last one (certainly).
    AfterEnd { index: usize },
    /// No dated version can be in force that day, but a fiche the register gives without dates
    /// (an old or inactive fiche) may be: such a fiche is never "the version in force" (R12).
    Undated { index: usize },
}

impl Title {
    pub fn version(&self, id: &str) -> Option<(usize, &Version)> {
        self.versions.iter().enumerate().find(|(_, v)| v.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&DataSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Whether `id` names this title: its code, a `Code Diplôme`, or the RNCP number of one of its
    /// fiches ("RNCP36964", "RNCP 36964" or "36964"), whatever the case and the spaces (one rule,
    /// here: the page and the command line pass what the person typed).
    pub fn is_named(&self, id: &str) -> bool {
        let id: String = id.chars().filter(|c| !c.is_whitespace()).collect();
        let id = id.as_str();
        let rncp = |n: &str| n.eq_ignore_ascii_case(id) || n.get(4..).is_some_and(|digits| digits == id);
        self.code.eq_ignore_ascii_case(id)
            || self.code_diplome.iter().any(|c| c.eq_ignore_ascii_case(id))
            || self.versions.iter().filter_map(|v| v.rncp.as_deref()).any(rncp)
    }

    /// The RNCP numbers of the title's fiches, oldest first.
    pub fn rncp_numbers(&self) -> impl Iterator<Item = &str> {
        self.versions.iter().filter_map(|v| v.rncp.as_deref())
    }

    /// The version a CCP id belongs to (the first, should two versions share an id).
    pub fn ccp(&self, id: &str) -> Option<(usize, &Ccp)> {
        if self.ccp_index.is_empty() {
            return self
                .versions
                .iter()
                .enumerate()
                .find_map(|(i, v)| v.ccps.iter().find(|c| c.id == id).map(|c| (i, c)));
        }
        let at = self.ccp_index.partition_point(|(k, _, _)| k.as_str() < id);
        let (k, v, c) = self.ccp_index.get(at)?;
        (k == id).then(|| (usize::from(*v), &self.versions[usize::from(*v)].ccps[usize::from(*c)]))
    }

    /// Builds [`Title::ccp_index`], in O(n log n) whatever the order of the ids.
    pub fn index_ccps(&mut self) {
        let mut index: Vec<(String, u16, u16)> = Vec::new();
        for (v, version) in self.versions.iter().enumerate() {
            for (c, ccp) in version.ccps.iter().enumerate() {
                index.push((ccp.id.clone(), v as u16, c as u16));
            }
        }
        heap_sort(&mut index);
        self.ccp_index = index;
    }

    /// How sure a fact's date, or else its bounds, are: a dated fact has its own certainty; the
    /// bounds of an undated one are as sure as its source.
    pub fn fact_certainty(&self, fact: &DatedFact) -> Certainty {
        if fact.date.is_some() {
            fact.certainty
        } else {
            self.source(&fact.source).map_or(Certainty::Unknown, |s| s.certainty)
        }
    }

    /// The last day of version `index`, as a fact: its own end when the data gives one, else the
    /// day before the next start.
    pub fn version_end(&self, index: usize) -> DatedFact {
        if let Some(end) = &self.versions[index].end {
            return end.clone();
        }
        let next = &self.versions[index + 1].start;
        DatedFact {
            date: next.date.map(Date::pred),
            not_before: next.not_before.map(Date::pred),
            not_after: next.not_after.map(Date::pred),
            ..next.clone()
        }
    }

    /// How sure it is that version `index`, once started, has not ended on `date`: before the next
    /// version can have started, a title later revised was certainly in force; otherwise as sure
    /// as the version's end (the register's, for the last one).
    fn running(&self, index: usize, date: Date) -> Certainty {
        let revised_later =
            self.versions.get(index + 1).and_then(|n| n.start.earliest()).is_some_and(|d| date < d);
        let end = self.version_end(index);
        match end.earliest() {
            _ if revised_later => Certainty::Official,
            Some(d) if date <= d => self.fact_certainty(&end),
            _ => Certainty::Unknown,
        }
    }

    /// Which version is in force on `date` (rules.md R6; windows are half-open). A version may be
    /// in force from the earliest day it can have started until its end, unless the next version
    /// had certainly started by then.
    pub fn version_at(&self, date: Date) -> VersionAt {
        let first = &self.versions[0].start;
        if first.earliest().is_some_and(|d| date < d) {
            return VersionAt::BeforeCreation;
        }
        // A later version that had surely started, or even ended, by `date` replaced this one.
        let may_run = |i: usize| {
            let started = self.versions[i].start.earliest().is_none_or(|d| d <= date);
            let replaced =
                self.versions.get(i + 1).is_some_and(|n| n.start.latest().is_some_and(|d| d <= date))
                    || (i + 1..self.versions.len())
                        .any(|k| self.version_end(k).latest().is_some_and(|d| d < date));
            let ended = self.version_end(i).latest().is_some_and(|d| d < date);
            started && !replaced && !ended
        };
        let possible: Vec<usize> =
            (0..self.versions.len()).filter(|&i| !self.versions[i].is_undated() && may_run(i)).collect();
        let Some((&index, others)) = possible.split_last() else {
            if let Some(index) =
                (0..self.versions.len()).rev().find(|&i| self.versions[i].is_undated() && may_run(i))
            {
                return VersionAt::Undated { index };
            }
            let index =
                self.versions.iter().rposition(|v| v.start.earliest().is_none_or(|d| d <= date)).unwrap_or(0);
            return VersionAt::AfterEnd { index };
        };
        // Sure to have started: a start date, or a latest start on or before `date`.
        let version = &self.versions[index];
        let started = match version.start.latest() {
            Some(d) if d <= date => self.fact_certainty(&version.start),
            _ if index == 0 && version.start.date.is_none() => Certainty::Unknown,
            _ => Certainty::Official,
        };
        // With several candidates, which one is in force is unknown, not that the title is.
        let (certainty, registered) = if others.is_empty() {
            let sure = started.min(self.running(index, date));
            (sure, sure)
        } else {
            (
                Certainty::Unknown,
                possible.iter().map(|&i| self.running(i, date)).max().unwrap_or(Certainty::Unknown),
            )
        };
        VersionAt::InForce { index, certainty, registered, alternatives: others.to_vec() }
    }
}
