//! Dates as a report says them (rules.md R6, "every date a report shows carries its certainty"):
//! a date in words with its certainty tag, a last valid day ("jusqu'au D inclus", never "avant
//! D"), and a deadline fact whose certainty is `unknown` when the date is. Shared by every rule
//! that states a date.

use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::Fact;
use crate::report::Deadline;
use crate::{tl, tx, Text};

/// How sure a date is, as a tag after it: nothing when official, "[source secondaire]"…
fn tag(certainty: Certainty) -> Text {
    match certainty {
        Certainty::Official => Text::default(),
        Certainty::Secondary => tx!(STANDING_SECONDARY_SOURCE),
        Certainty::Estimated => tx!(STANDING_ESTIMATED_DATE),
        Certainty::Unknown => tx!(STANDING_UNCERTAIN),
    }
}

/// A date and its certainty in words: "7 janvier 2028 [source secondaire]", or "une date inconnue".
/// Every date a report shows carries its certainty (rules.md R6).
pub fn date_text(date: Option<Date>, certainty: Certainty) -> Text {
    let Some(date) = date else { return tx!(STANDING_UNKNOWN_DATE) };
    tl!(CCP_TEXT, Text::date(date), tag(certainty))
}

/// A last valid day in words, with its certainty: "jusqu'au 7 janvier 2028 inclus [source
/// secondaire]" / "until 7 January 2028 (included) [secondary source]". Never "before D" for a
/// last valid day D (rules.md R6).
pub fn until_text(date: Date, certainty: Certainty) -> Text {
    tl!(STANDING_UNTIL_INCLUDED, Text::date(date), tag(certainty))
}

/// A deadline: with a date, the date's certainty; without, `unknown`.
pub fn deadline(
    kind: &'static str,
    date: Option<Date>,
    certainty: Certainty,
    label: Text,
    condition: Option<Text>,
) -> Fact {
    let certainty = if date.is_some() { certainty } else { Certainty::Unknown };
    Fact::Deadline(Deadline { kind, date, certainty, label, condition })
}
