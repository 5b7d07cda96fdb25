//! How sure we are of a fact (rules.md, "Certainty"): the four levels and how they combine. Dated
//! facts of the title data, which carry one, are `title::DatedFact`.

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
