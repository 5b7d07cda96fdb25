//! Checks that title data is consistent before any evaluation uses it (built-in data in tests,
//! integrators' data at every call). Each error names the offending entry, e.g.
//! `titles[0].versions[1].correspondence.rows[2].from[0]`. Work is linear in the size of the data
//! (id sets are ordered sets), and the data's size is bounded by [`crate::limits`].

use super::DatedFact;
use super::{Correspondence, Title, Version};
use crate::certainty::Certainty;
use crate::error::{Error, ErrorCode};
use crate::limits;
use crate::{tx, Text, Words};

/// The data format version this build reads (2: one version per register fiche, with its own end).
pub const FORMAT: u32 = 2;

/// Validates every title; `prefix` is the field path of the list (e.g. "titles").
pub fn validate(titles: &[Title], prefix: &str) -> Result<(), Error> {
    if titles.len() > limits::MAX_TITLES {
        return Err(too_many(prefix.to_string(), limits::MAX_TITLES));
    }
    // Codes name files: compared whatever their case (two files "ab.json" and "AB.json" collide).
    let mut codes: Vec<String> = Vec::new();
    for (t, title) in titles.iter().enumerate() {
        let at = |rest: &str| format!("{prefix}[{t}]{rest}");
        validate_title(title, &at)?;
        let folded = title.code.to_ascii_lowercase();
        match codes.binary_search(&folded) {
            Ok(_) => return Err(bad(at(".code"), tx!(DATA_DUPLICATED_TITLE_CODE_WHATEVER_CASE))),
            Err(i) => codes.insert(i, folded),
        }
    }
    Ok(())
}

/// Whether `code` may name a title, and so a file: an ASCII letter or digit, then up to 63
/// letters, digits, ".", "_" or "-"; never "index" (the index of all titles), whatever the case.
/// The importer and the title data's validation apply this one rule; a code outside it is refused,
/// never rewritten.
///
/// ```
/// use tp_eligibility::title::valid_code;
/// assert!(valid_code("TP-00523") && valid_code("36T2270A"));
/// assert!(!valid_code("../x") && !valid_code("INDEX") && !valid_code(&"A".repeat(65)) && !valid_code(".hidden"));
/// ```
pub fn valid_code(code: &str) -> bool {
    let b = code.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
        && !code.eq_ignore_ascii_case("index")
}

fn bad(field: String, what: Text) -> Error {
    Error::new(ErrorCode::InvalidTitleData, field, what)
}

fn too_many(field: String, max: usize) -> Error {
    Error::new(ErrorCode::TooMany, field, tx!(DATA_TOO_MANY_ENTRIES_MOST, max))
}

/// Every text of the data stays within the documented length.
fn text(field: String, value: &str) -> Result<(), Error> {
    if value.chars().count() > limits::MAX_TEXT_CHARS {
        return Err(crate::read::too_long(&field, limits::MAX_TEXT_CHARS));
    }
    Ok(())
}

fn texts(field: impl Fn(&str) -> String, value: &Words) -> Result<(), Error> {
    text(field(".fr"), &value.fr)?;
    text(field(".en"), &value.en)
}

fn validate_title(title: &Title, at: &dyn Fn(&str) -> String) -> Result<(), Error> {
    if !valid_code(&title.code) {
        return Err(bad(at(".code"), tx!(DATA_INVALID_TITLE_CODE_LETTER_DIGIT)));
    }
    text(at(".code"), &title.code)?;
    texts(|r| at(&format!(".name{r}")), &title.name)?;
    for (key, list, max) in [
        (".sources", title.sources.len(), limits::MAX_SOURCES),
        (".versions", title.versions.len(), limits::MAX_VERSIONS),
        (".ccs", title.ccs.len(), limits::MAX_CCPS),
        (".equivalences", title.equivalences.len(), limits::MAX_CCPS),
        (".codeDiplome", title.code_diplome.len(), limits::MAX_VERSIONS),
    ] {
        if list > max {
            return Err(too_many(at(key), max));
        }
    }
    let mut source_ids = Ids::default();
    for (i, s) in title.sources.iter().enumerate() {
        if !source_ids.insert(s.id.as_str()) {
            return Err(bad(at(&format!(".sources[{i}].id")), tx!(DATA_DUPLICATED_SOURCE)));
        }
        text(at(&format!(".sources[{i}].fr")), &s.fr)?;
        text(at(&format!(".sources[{i}].en")), &s.en)?;
    }
    let source = |field: String, id: &str| -> Result<(), Error> {
        if source_ids.contains(id) {
            Ok(())
        } else {
            Err(bad(field, tx!(DATA_SOURCE_SOURCES_LIST, crate::error::short(id))))
        }
    };
    if title.versions.is_empty() {
        return Err(bad(at(".versions"), tx!(DATA_LEAST_ONE_VERSION_REQUIRED)));
    }
    // A closure inferred from the data holds only up to the data's date (rules.md R12).
    if title.after_registration_end == super::AfterEnd::ClosedByInference && title.snapshot.is_none() {
        return Err(bad(at(".snapshot"), tx!(DATA_CLOSURE_INFERRED_DATA_NEEDS_DATA)));
    }
    let mut ccp_ids = Ids::default();
    let mut previous_start: Option<crate::Date> = None;
    let last = title.versions.len() - 1;
    for (v, version) in title.versions.iter().enumerate() {
        let vat = |rest: &str| at(&format!(".versions[{v}]{rest}"));
        fact(&version.start, &vat(".start"))?;
        source(vat(".start.source"), &version.start.source)?;
        // Versions follow each other: each starts after the previous one surely had.
        if let (Some(prev), Some(start)) = (previous_start, version.start.earliest()) {
            if start <= prev {
                return Err(bad(vat(".start"), tx!(DATA_VERSION_STARTS_BEFORE_PREVIOUS_ONE)));
            }
        }
        previous_start = version.start.latest().or(previous_start);
        match (&version.end, v == last) {
            (None, true) => return Err(bad(vat(".end"), tx!(DATA_LAST_VERSION_END_REGISTRATION))),
            (Some(end), _) => {
                fact(end, &vat(".end"))?;
                source(vat(".end.source"), &end.source)?;
                if let (Some(end), Some(start)) = (end.latest(), version.start.earliest()) {
                    if end < start {
                        return Err(bad(vat(".end"), tx!(DATA_REGISTRATION_ENDS_BEFORE_VERSION_STARTS)));
                    }
                }
            }
            (None, false) => {}
        }
        if let Some(award) = &version.last_award {
            fact(award, &vat(".lastAward"))?;
            source(vat(".lastAward.source"), &award.source)?;
        }
        if version.ccps.is_empty() {
            return Err(bad(vat(".ccps"), tx!(DATA_VERSION_LEAST_ONE_CCP)));
        }
        if version.ccps.len() > limits::MAX_CCPS {
            return Err(too_many(vat(".ccps"), limits::MAX_CCPS));
        }
        for (c, ccp) in version.ccps.iter().enumerate() {
            if ccp.id.trim().is_empty() || !ccp_ids.insert(ccp.id.as_str()) {
                return Err(bad(vat(&format!(".ccps[{c}].id")), tx!(DATA_EMPTY_DUPLICATED_CCP_ID)));
            }
            text(vat(&format!(".ccps[{c}].id")), &ccp.id)?;
            texts(|r| vat(&format!(".ccps[{c}].name{r}")), &ccp.name)?;
            if ccp.competences.len() > limits::MAX_CCPS {
                return Err(too_many(vat(&format!(".ccps[{c}].competences")), limits::MAX_CCPS));
            }
            for (k, competence) in ccp.competences.iter().enumerate() {
                texts(|r| vat(&format!(".ccps[{c}].competences[{k}]{r}")), competence)?;
            }
            if let Some(assessment) = &ccp.assessment {
                texts(|r| vat(&format!(".ccps[{c}].assessment{r}")), assessment)?;
            }
        }
        if ccps_certainty_mismatch(version) {
            return Err(bad(vat(".ccpsCertainty"), tx!(DATA_UNKNOWN_CCP_LIST_ONE_PLACEHOLDER)));
        }
        match (v, &version.correspondence) {
            (0, Some(_)) => {
                return Err(bad(vat(".correspondence"), tx!(DATA_FIRST_VERSION_CORRESPONDENCE_TABLE)))
            }
            (0, None) => {}
            (_, None) => {
                return Err(bad(vat(".correspondence"), tx!(DATA_CORRESPONDENCE_TABLE_REQUIRED_ROWS_NULL)))
            }
            (_, Some(table)) => {
                source(vat(".correspondence.source"), &table.source)?;
                rows(table, &title.versions[v - 1], version, &|rest| vat(&format!(".correspondence{rest}")))?;
            }
        }
    }
    // A replaced title names its successors; only a replaced one does.
    if (title.after_registration_end == super::AfterEnd::Replaced) == title.replaced_by.is_empty() {
        return Err(bad(at(".replacedBy"), tx!(DATA_REPLACEDBY_NAMES_TITLES_REPLACE_REPLACED)));
    }
    for (r, successor) in title.replaced_by.iter().enumerate() {
        text(at(&format!(".replacedBy[{r}].code")), &successor.code)?;
        texts(|rest| at(&format!(".replacedBy[{r}].name{rest}")), &successor.name)?;
    }
    if title.replaced_by.len() > limits::MAX_VERSIONS {
        return Err(too_many(at(".replacedBy"), limits::MAX_VERSIONS));
    }
    source(at(".ccsSource"), &title.ccs_source)?;
    for (c, ccs) in title.ccs.iter().enumerate() {
        if ccs.id.trim().is_empty() || !ccp_ids.insert(ccs.id.as_str()) {
            return Err(bad(at(&format!(".ccs[{c}].id")), tx!(DATA_EMPTY_DUPLICATED_CCS_ID)));
        }
    }
    source(at(".equivalencesSource"), &title.equivalences_source)?;
    let mut current = Ids::default();
    for c in &title.versions[last].ccps {
        current.insert(c.id.as_str());
    }
    for (e, eq) in title.equivalences.iter().enumerate() {
        source(at(&format!(".equivalences[{e}].source")), &eq.source)?;
        for (c, id) in eq.ccps.iter().enumerate() {
            if !current.contains(id.as_str()) {
                return Err(bad(
                    at(&format!(".equivalences[{e}].ccps[{c}]")),
                    tx!(DATA_CCP_CURRENT_VERSION, crate::error::short(id)),
                ));
            }
        }
    }
    Ok(())
}

/// An unknown list is one placeholder ("a CCP of this version"); an estimated list (rebuilt from a
/// correspondence table) may end with one ("another CCP of this version"); a sure list has none.
fn ccps_certainty_mismatch(version: &Version) -> bool {
    let placeholders = version.ccps.iter().filter(|c| c.placeholder).count();
    let last_is = version.ccps.last().is_some_and(|c| c.placeholder);
    match version.ccps_certainty {
        Certainty::Unknown => placeholders != 1 || version.ccps.len() != 1,
        Certainty::Estimated => placeholders > 1 || (placeholders == 1 && !last_is),
        _ => placeholders != 0,
    }
}

/// A dated fact: a date unless unknown; bounds in order and around the date.
fn fact(fact: &DatedFact, field: &str) -> Result<(), Error> {
    let unknown = fact.certainty == Certainty::Unknown;
    if fact.date.is_some() == unknown {
        return Err(bad(field.to_string(), tx!(DATA_DATE_REQUIRED_UNLESS_CERTAINTY_UNKNOWN)));
    }
    let in_order =
        |lo: Option<crate::Date>, hi: Option<crate::Date>| lo.zip(hi).is_none_or(|(lo, hi)| lo <= hi);
    if !in_order(fact.not_before, fact.date)
        || !in_order(fact.date, fact.not_after)
        || !in_order(fact.not_before, fact.not_after)
    {
        return Err(bad(field.to_string(), tx!(DATA_DATES_WRONG_ORDER_NOTBEFORE_DATE)));
    }
    Ok(())
}

fn rows<'t>(
    table: &Correspondence,
    old: &'t Version,
    new: &'t Version,
    at: &dyn Fn(&str) -> String,
) -> Result<(), Error> {
    let known = table.rows.is_some();
    if known == (table.certainty == Certainty::Unknown) {
        return Err(bad(at(".rows"), tx!(DATA_ROWS_NULL_EXACTLY_WHEN_CERTAINTY)));
    }
    let rows = table.rows.as_deref().unwrap_or_default();
    if rows.len() > limits::MAX_ROWS {
        return Err(too_many(at(".rows"), limits::MAX_ROWS));
    }
    let ids = |v: &'t Version| -> Ids<'t> {
        let mut set = Ids::default();
        for c in v.ccps.iter().filter(|c| !c.placeholder) {
            set.insert(&c.id);
        }
        set
    };
    let (old_ids, new_ids) = (ids(old), ids(new));
    for (r, row) in rows.iter().enumerate() {
        if row.from.is_empty() {
            return Err(bad(at(&format!(".rows[{r}].from")), tx!(DATA_ROW_STARTS_LEAST_ONE_CCP)));
        }
        for (side, ids, list) in [("from", &row.from, &old_ids), ("to", &row.to, &new_ids)] {
            if ids.len() > limits::MAX_CCPS {
                return Err(too_many(at(&format!(".rows[{r}].{side}")), limits::MAX_CCPS));
            }
            for (i, id) in ids.iter().enumerate() {
                if !list.contains(id) {
                    return Err(bad(
                        at(&format!(".rows[{r}].{side}[{i}]")),
                        tx!(DATA_CCP_VERSION_CONCERNED, crate::error::short(id)),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// A set of ids, kept sorted as it is built (binary search): a `BTreeSet` would add kilobytes of
/// code to the wasm (issue 13), and these sets hold at most a title's CCPs.
#[derive(Default)]
struct Ids<'a>(Vec<&'a str>);

impl<'a> Ids<'a> {
    /// Adds `id`; false when it was there already.
    fn insert(&mut self, id: &'a str) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}
