//! The one public error type: what is wrong with the input, where, in French and English.
//!
//! A "not eligible" is never an error: it is a [`crate::Report`]. Errors are for input that cannot
//! be evaluated (wrong type, impossible date, unknown CCP, date outside coverage, bad title data).
//! `field` is the contract's path (`held[0].obtained`) for programs; the messages name the field
//! in words a person understands ("Date d'obtention du CCP n° 1 : …"), with dates in words.

use crate::{tl, tx, Text};
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

/// An input error, naming the field (`held[0].obtained`) and saying what is wrong in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Error {
    pub field: String,
    pub code: ErrorCode,
    pub fr: String,
    pub en: String,
}

impl Error {
    /// An error on `field`; the messages start with the field's name in words.
    pub fn new(code: ErrorCode, field: impl Into<String>, what: Text) -> Error {
        let field = field.into();
        let (fr, en) = match field_label(&field) {
            None => (what.fr(), what.en()),
            Some(label) => (format!("{} : {}", label.fr(), what.fr()), format!("{}: {}", label.en(), what.en())),
        };
        Error { field, code, fr, en }
    }
}

/// A contract path in words, for messages people read ("held[1].obtained" → "Date d'obtention du
/// CCP n° 2"). Paths into integrator title data stay as they are: integrators read them.
pub fn field_label(path: &str) -> Option<Text> {
    if path.is_empty() {
        return None;
    }
    if path.starts_with("titles") {
        return Some(tl!("Données du titre ({})", "Title data ({})", Text::plain(short(path))));
    }
    if let Some(rest) = path.strip_prefix("held[") {
        let (index, tail) = rest.split_once(']').unwrap_or((rest, ""));
        let n = Text::plain(index.parse::<usize>().map_or_else(|_| short(index), |i| (i + 1).to_string()));
        return Some(match tail {
            ".obtained" => tl!("Date d'obtention du CCP n° {}", "Date the CCP no. {} was obtained", n),
            ".ccp" => tl!("CCP obtenu n° {}", "CCP held no. {}", n),
            "" => tl!("CCP obtenu n° {}", "CCP held no. {}", n),
            _ => tl!("CCP obtenu n° {} (champ « {} »)", "CCP held no. {} (field \"{}\")", n, Text::plain(short(tail.get(1..).unwrap_or(tail)))),
        });
    }
    Some(match path {
        "asOf" => tx!("Date du calcul", "Evaluation date"),
        "title" => tx!("Titre", "Title"),
        "path" => tx!("Votre situation", "Your situation"),
        "training" => tx!("Votre formation", "Your training course"),
        "training.coherent" => tx!("Formation cohérente avec le titre", "Training coherent with the title"),
        "training.end" => tx!("Date de fin de la formation", "End of the training course"),
        "experience" => tx!("Votre expérience", "Your experience"),
        "experience.months" => tx!("Durée d'expérience en mois", "Length of experience in months"),
        "experience.hours" => tx!("Durée d'expérience en heures", "Length of experience in hours"),
        "experience.related" => tx!("Expérience en rapport avec le titre", "Experience related to the title"),
        "vae" => tx!("Votre demande de VAE", "Your VAE application"),
        "vae.applied" => tx!("Date de dépôt de la demande de VAE", "Date the VAE application was filed"),
        "vae.admissible" => tx!("Date de notification de la recevabilité", "Date admissibility was notified"),
        "held" => tx!("CCP obtenus", "CCPs held"),
        "titleObtained" => tx!("Date d'obtention du titre", "Date you obtained the title"),
        "ccs" => tx!("Spécialisation (CCS) visée", "Specialisation (CCS) sought"),
        "lastSession" => tx!("Votre dernière session", "Your last session"),
        "lastSession.date" => tx!("Date de votre dernière session", "Date of your last session"),
        "lastSession.outcome" => tx!("Résultat de votre dernière session", "Outcome of your last session"),
        "lastSession.newTraining" => tx!("Nouvelle formation depuis cette session", "New training since that session"),
        other => tl!("Champ « {} »", "Field \"{}\"", Text::plain(short(other))),
    })
}

/// A value echoed in a message: cut to a readable length, control characters (terminal escapes,
/// line breaks) shown as "�" so that nothing echoed can act on a terminal or a page.
pub fn short(value: &str) -> String {
    let mut out: String = value.chars().take(crate::limits::ECHO_CHARS)
        .map(|c| if crate::title::forbidden(c) { '\u{fffd}' } else { c })
        .collect();
    if value.chars().nth(crate::limits::ECHO_CHARS).is_some() {
        out.push('…');
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.fr, self.en)
    }
}

impl std::error::Error for Error {}
