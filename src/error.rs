//! The one public error type: what is wrong with the input, where, in French and English.
//!
//! A "not eligible" is never an error: it is a [`crate::Report`]. Errors are for input that cannot
//! be evaluated (wrong type, impossible date, unknown CCP, date outside coverage, bad title data).

use crate::Text;
use core::fmt;
use serde::Serialize;

/// Why the input was refused; serialized in camelCase (`"invalidDate"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// The text is not JSON at all.
    InvalidJson,
    /// A required field is absent.
    Required,
    /// A value of the wrong JSON type.
    InvalidType,
    /// A field the contract does not know (often a typo).
    UnknownField,
    /// A value outside the listed choices (`path`, `outcome`).
    UnknownValue,
    /// Not a real day in the form YYYY-MM-DD.
    InvalidDate,
    /// Before 2002-12-14 or after the calculator's coverage (rules.md R11).
    OutOfCoverage,
    /// A past event (CCP obtained, session, admissibility) dated after `asOf`.
    AfterAsOf,
    /// Two dates in an impossible order (e.g. admissibility before the application).
    DateOrder,
    /// A number that is negative, not finite or absurdly large.
    OutOfRange,
    /// A title code that the data does not have.
    UnknownTitle,
    /// A CCP (or CCS) id that the title data does not have.
    UnknownCcp,
    /// The same CCP listed twice.
    DuplicateCcp,
    /// A CCP dated on a day its version was certainly not in force.
    OutsideVersion,
    /// Too many entries in a list.
    TooMany,
    /// Integrator title data that is malformed or inconsistent.
    InvalidTitleData,
}

/// An input error, naming the field (`held[0].obtained`) and saying what is wrong in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Error {
    pub field: String,
    pub code: ErrorCode,
    pub fr: String,
    pub en: String,
}

impl Error {
    pub fn new(code: ErrorCode, field: impl Into<String>, what: Text) -> Error {
        let field = field.into();
        let (fr, en) = if field.is_empty() {
            (what.fr, what.en)
        } else {
            (format!("{field} : {}", what.fr), format!("{field}: {}", what.en))
        };
        Error { field, code, fr, en }
    }
}

/// A value echoed in a message, cut to a readable length.
pub(crate) fn short(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &value[..i]),
        None => value.to_string(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.fr, self.en)
    }
}

impl std::error::Error for Error {}
