//! The one public error type: what is wrong with the input, where, in French and English.
//!
//! A "not eligible" is never an error: it is a [`crate::Report`]. Errors are for input that cannot
//! be evaluated (wrong type, impossible date, unknown CCP, date outside coverage, bad title data).

use crate::{tx, Text};
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

    /// Maps a serde error at a field path to a bilingual error (serde's own messages are English
    /// only and name Rust types).
    pub(crate) fn from_serde(path: &str, message: &str) -> Error {
        let path = if path == "." || path == "?" { "" } else { path };
        // serde_json appends the position (the field path says more to a person); other
        // deserializers may wrap the message ("Error: …"): start at the phrase itself.
        let message = message.split(" at line ").next().unwrap_or(message);
        const PHRASES: [&str; 8] = ["unknown field", "missing field", "unknown variant", "invalid date", "recursion limit",
            "invalid type", "invalid value", "invalid length"];
        let message = PHRASES.iter().find_map(|p| message.find(p)).map_or(message, |i| &message[i..]);
        let join = |name: &str| if path.is_empty() { name.to_string() } else { format!("{path}.{name}") };
        let quoted = |m: &str| short(m.split('`').nth(1).unwrap_or(""));
        if message.starts_with("unknown field") {
            let name = quoted(message);
            let field = if path == name || path.ends_with(&format!(".{name}")) { path.to_string() } else { join(&name) };
            return Error::new(ErrorCode::UnknownField, field, tx!(
                "champ inconnu (vérifiez l'orthographe)", "unknown field (check the spelling)"));
        }
        if message.starts_with("missing field") {
            let name = quoted(message);
            return Error::new(ErrorCode::Required, join(&name), tx!("champ obligatoire absent", "required field is missing"));
        }
        if message.starts_with("unknown variant") {
            return Error::new(ErrorCode::UnknownValue, path, tx!("valeur non prévue : {}", "unexpected value: {}", quoted(message)));
        }
        if message.starts_with("invalid date") {
            return Error::new(ErrorCode::InvalidDate, path, tx!(
                "date invalide : une date réelle au format AAAA-MM-JJ est attendue",
                "invalid date: a real day in the form YYYY-MM-DD is expected"));
        }
        if message.starts_with("recursion limit") {
            return Error::new(ErrorCode::InvalidJson, path, tx!("JSON trop imbriqué", "JSON nested too deeply"));
        }
        // serde_json says "expected value" for a number where a choice is expected, and "trailing
        // characters" for a list longer than the object it stands for: wrong types, at a field.
        let json_type = !path.is_empty() && (message.starts_with("expected value") || message.starts_with("trailing characters"));
        if json_type || message.starts_with("invalid type") || message.starts_with("invalid value") || message.starts_with("invalid length") {
            let expected = message.rsplit("expected ").next().unwrap_or("");
            return Error::new(ErrorCode::InvalidType, path, crate::Text::new(
                format!("type de valeur incorrect (attendu : {})", expected_fr(expected)),
                format!("wrong type of value (expected: {})", expected_en(expected))));
        }
        Error::new(ErrorCode::InvalidJson, path, tx!("JSON invalide ({})", "invalid JSON ({})", message))
    }
}

/// A value echoed in a message, cut to a readable length.
pub(crate) fn short(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &value[..i]),
        None => value.to_string(),
    }
}

/// Plain words for what serde expected, in English.
fn expected_en(expected: &str) -> &'static str {
    match expected_fr(expected) {
        "vrai ou faux" => "true or false",
        "une liste" => "a list",
        "un objet" => "an object",
        "un nombre" => "a number",
        "un texte" => "a text",
        _ => "another value",
    }
}

/// Plain words for what serde expected, in French.
fn expected_fr(expected: &str) -> &'static str {
    if expected.contains("bool") {
        "vrai ou faux"
    } else if expected.contains("sequence") {
        "une liste"
    } else if expected.contains("struct") || expected.contains("map") {
        "un objet"
    } else if expected.contains("f64") || expected.contains("u32") || expected.contains("integer") {
        "un nombre"
    } else if expected.contains("string") || expected.contains("date") {
        "un texte"
    } else {
        "une autre valeur"
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.fr, self.en)
    }
}

impl std::error::Error for Error {}
