//! How sure we are of a fact (rules.md, "Certainty"), and facts that carry their certainty.

use crate::date::Date;

/// The certainty levels of rules.md, from least to most sure, so that `min` combines them: a
/// conclusion is only as sure as the least sure fact it rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    /// Not in our data: the calculator says so and names whom to ask.
    Unknown,
    /// Derived by a stated rule from official facts (e.g. "registration start + 5 years").
    Estimated,
    /// Reported by a reliable secondary source; the legal text itself was not read.
    Secondary,
    /// Read in the legal text itself, or in an official consolidated copy.
    #[default]
    Official,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Unknown => "unknown",
            Certainty::Estimated => "estimated",
            Certainty::Secondary => "secondary",
            Certainty::Official => "official",
        }
    }
}

crate::json_string!(Certainty);

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
    pub note: Option<crate::Words>,
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
