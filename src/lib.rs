//! Eligibility calculator for the titres professionnels of the French Ministry of Labour.
//!
//! A candidate's [`Situation`] goes in; a [`Report`] comes out: eligible / not eligible / cannot
//! tell yet (with the missing inputs), the CCPs that count, what is left, the deadlines with their
//! certainty, what the jury looks at, the documents, the other routes, and an explanation citing
//! the legal source of every rule applied. The rules are in [`rules`] (one module per legal
//! source, see rules.md); each leaves its decisions in a [`journal`]; the routes in [`routes`]
//! combine them; the report is built once, at the end, from the journal ([`routes::report::build`]). The
//! title data is in [`title`]. DESIGN.md says where each kind of change goes.
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! use tp_eligibility::{evaluate, Situation, Status};
//! let situation = Situation::from_json(r#"{
//!     "asOf": "2026-11-27", "path": "continuous",
//!     "training": { "coherent": true, "end": "2026-12-18" }
//! }"#).unwrap();
//! let report = evaluate(&situation).unwrap();
//! assert_eq!(report.status, Status::Eligible);
//! assert_eq!(report.remaining, ["2022-CCP1", "2022-CCP2", "2022-CCP3"]);
//! assert!(report.summary.en().starts_with("Yes: you may sit a session titre"));
//! # }
//! ```

pub mod certainty;
pub mod date;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod journal;
pub mod json;
pub mod limits;
#[cfg(not(target_arch = "wasm32"))]
pub mod plain_text;
pub mod read;
pub mod report;
pub mod routes;
pub mod rules;
pub mod situation;
pub mod text;
pub mod title;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use certainty::Certainty;
pub use date::Date;
pub use error::{Error, ErrorCode};
pub use report::{CcpStatus, Report, Status};
pub use situation::{Path, Situation};
pub use text::{Lang, Text, Words};
pub use title::Title;

/// Evaluates a situation with the built-in title data: every title of the national register in
/// native builds, the default title in the wasm (whose door passes the data the page loaded).
pub fn evaluate(situation: &Situation) -> Result<Report, Error> {
    routes::evaluate(situation, title::registry(), "builtin")
}

/// Evaluates a situation with title data of the integrator's own (same format as the built-in
/// data), validated first: `titles[0].versions[1].start` names the entry at fault.
pub fn evaluate_with(situation: &Situation, titles: &[Title]) -> Result<Report, Error> {
    title::validate(titles, "titles")?;
    routes::evaluate(situation, titles, "integrator")
}

/// Evaluates a situation under other dated parameters than the law's ([`rules::LAW`]), with
/// titles already validated: what a change of one value of rules.md would answer. The parameter
/// test (`tests/params.rs`) uses it to check that every table decides something.
pub fn evaluate_under(
    situation: &Situation,
    titles: &[Title],
    params: &rules::Params,
) -> Result<Report, Error> {
    routes::evaluate_under(situation, titles, "integrator", params)
}

/// Reads title data (a JSON array of titles) as an integrator would pass it; an error names the
/// entry at fault (`titles[0].versions[1].start.date`).
pub fn titles_from_json(text: &str) -> Result<Vec<Title>, Error> {
    title::parse(&read::json(text)?, "titles")
}
