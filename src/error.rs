//! The one public error type: what is wrong with the input, where, in French and English.
//!
//! A "not eligible" is never an error: it is a [`crate::Report`]. Errors are for input that cannot
//! be evaluated (wrong type, impossible date, unknown CCP, date outside coverage, bad title data).
//! `field` is the contract's path (`held[0].obtained`) for programs; the messages name the field
//! in words a person understands ("Date d'obtention du CCP n° 1 : …"), with dates in words.

use crate::{tl, tx, Text};
use core::fmt;

/// Why the input was refused; serialized in camelCase (`"invalidDate"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// The text is not JSON at all.
    InvalidJson,
    /// A required field is absent.
    Required,
    /// A value of the wrong JSON type.
    InvalidType,
    /// A field the contract does not know (often a typo).
    UnknownField,
    /// The same field twice in one object.
    DuplicateField,
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
    /// A CCP dated on a day its version was certainly not in force (rules.md R6).
    OutsideVersion,
    /// A title obtained before the title existed (rules.md R8).
    BeforeTitle,
    /// Too many entries in a list, or too large an input (see `limits`).
    TooMany,
    /// A text longer than the limits allow.
    TooLong,
    /// A value that JavaScript could not read (a getter or a Proxy that throws).
    Unreadable,
    /// Integrator title data that is malformed or inconsistent.
    InvalidTitleData,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalidJson",
            ErrorCode::Required => "required",
            ErrorCode::InvalidType => "invalidType",
            ErrorCode::UnknownField => "unknownField",
            ErrorCode::DuplicateField => "duplicateField",
            ErrorCode::UnknownValue => "unknownValue",
            ErrorCode::InvalidDate => "invalidDate",
            ErrorCode::OutOfCoverage => "outOfCoverage",
            ErrorCode::AfterAsOf => "afterAsOf",
            ErrorCode::DateOrder => "dateOrder",
            ErrorCode::OutOfRange => "outOfRange",
            ErrorCode::UnknownTitle => "unknownTitle",
            ErrorCode::UnknownCcp => "unknownCcp",
            ErrorCode::DuplicateCcp => "duplicateCcp",
            ErrorCode::OutsideVersion => "outsideVersion",
            ErrorCode::BeforeTitle => "beforeTitle",
            ErrorCode::TooMany => "tooMany",
            ErrorCode::TooLong => "tooLong",
            ErrorCode::Unreadable => "unreadable",
            ErrorCode::InvalidTitleData => "invalidTitleData",
        }
    }
}

/// An input error: the field (`held[0].obtained`) and what is wrong, as a message whose words
/// start with the field's name ("Date d'obtention du CCP n° 1 : …"), rendered in any language of
/// the catalogues.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub field: String,
    pub code: ErrorCode,
    pub message: Text,
}

impl Error {
    /// An error on `field`; the message starts with the field's name in words.
    pub fn new(code: ErrorCode, field: impl Into<String>, what: Text) -> Error {
        let field = field.into();
        let message = match field_label(&field) {
            None => what,
            Some(label) => tl!(ERROR_LABELLED, label, what),
        };
        Error { field, code, message }
    }

    /// The message in French (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn fr(&self) -> String {
        self.message.fr()
    }

    /// The message in English (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn en(&self) -> String {
        self.message.en()
    }
}

/// A contract path in words, for messages people read ("held[1].obtained" → "Date d'obtention du
/// CCP n° 2"). Paths into integrator title data stay as they are: integrators read them.
pub fn field_label(path: &str) -> Option<Text> {
    if path.is_empty() {
        return None;
    }
    if path.starts_with("titles") {
        return Some(tl!(ERROR_TITLE_DATA, Text::plain(short(path))));
    }
    if let Some(rest) = path.strip_prefix("held[") {
        let (index, tail) = rest.split_once(']').unwrap_or((rest, ""));
        let n = Text::plain(index.parse::<usize>().map_or_else(|_| short(index), |i| (i + 1).to_string()));
        return Some(match tail {
            ".obtained" => tl!(ERROR_DATE_CCP_WAS_OBTAINED, n),
            ".ccp" => tl!(ERROR_CCP_HELD, n),
            "" => tl!(ERROR_CCP_HELD, n),
            _ => tl!(ERROR_CCP_HELD_FIELD, n, Text::plain(short(tail.get(1..).unwrap_or(tail)))),
        });
    }
    Some(match path {
        "asOf" => tx!(ERROR_EVALUATION_DATE),
        "title" => tx!(ERROR_TITLE),
        "path" => tx!(ERROR_SITUATION),
        "training" => tx!(ERROR_TRAINING_COURSE),
        "training.coherent" => tx!(ERROR_TRAINING_COHERENT_TITLE),
        "training.end" => tx!(ERROR_END_TRAINING_COURSE),
        "experience" => tx!(ERROR_EXPERIENCE),
        "experience.months" => tx!(ERROR_LENGTH_EXPERIENCE_MONTHS),
        "experience.hours" => tx!(ERROR_LENGTH_EXPERIENCE_HOURS),
        "experience.related" => tx!(ERROR_EXPERIENCE_RELATED_TITLE),
        "vae" => tx!(ERROR_VAE_APPLICATION),
        "vae.applied" => tx!(ERROR_DATE_VAE_APPLICATION_WAS_FILED),
        "vae.admissible" => tx!(ERROR_DATE_ADMISSIBILITY_WAS_NOTIFIED),
        "held" => tx!(ERROR_CCPS_HELD),
        "titleObtained" => tx!(ERROR_DATE_OBTAINED_TITLE),
        "ccs" => tx!(ERROR_SPECIALISATION_CCS_SOUGHT),
        "lastSession" => tx!(ERROR_LAST_SESSION),
        "lastSession.date" => tx!(ERROR_DATE_LAST_SESSION),
        "lastSession.outcome" => tx!(ERROR_OUTCOME_LAST_SESSION),
        "lastSession.newTraining" => tx!(ERROR_NEW_TRAINING_SINCE_SESSION),
        other => tl!(ERROR_FIELD, Text::plain(short(other))),
    })
}

/// A value echoed in a message: cut to a readable length, control characters (terminal escapes,
/// line breaks) shown as "�" so that nothing echoed can act on a terminal or a page.
pub fn short(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(crate::limits::ECHO_CHARS)
        .map(|c| if crate::title::forbidden(c) { '\u{fffd}' } else { c })
        .collect();
    if value.chars().nth(crate::limits::ECHO_CHARS).is_some() {
        out.push('…');
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.fr(), self.en())
    }
}

#[cfg(target_arch = "wasm32")]
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.field, self.code.as_str())
    }
}

impl std::error::Error for Error {}
