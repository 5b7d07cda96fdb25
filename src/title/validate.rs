//! Checks that title data is consistent before any evaluation uses it (built-in data in tests,
//! integrators' data at every call). Each error names the offending entry, e.g.
//! `titles[0].versions[1].correspondence.rows[2].from[0]`.

use super::{Correspondence, Title};
use crate::certainty::{Certainty, DatedFact};
use crate::error::{Error, ErrorCode};
use crate::tx;

/// A set of ids, kept small: titles have tens of entries, not thousands.
#[derive(Default)]
struct Ids<'a>(Vec<&'a str>);

impl<'a> Ids<'a> {
    /// Adds `id`; false if it was already there.
    fn insert(&mut self, id: &'a str) -> bool {
        let new = !self.0.contains(&id);
        if new {
            self.0.push(id);
        }
        new
    }

    fn contains(&self, id: &str) -> bool {
        self.0.contains(&id)
    }
}

/// The only data format version this build reads.
pub const FORMAT: u32 = 1;

/// Validates every title; `prefix` is the field path of the list (e.g. "titles").
pub fn validate(titles: &[Title], prefix: &str) -> Result<(), Error> {
    let mut codes = Ids::default();
    for (t, title) in titles.iter().enumerate() {
        let at = |rest: &str| format!("{prefix}[{t}]{rest}");
        if !codes.insert(title.code.as_str()) {
            return Err(bad(at(".code"), tx!("code de titre en double", "duplicated title code")));
        }
        validate_title(title, &at)?;
    }
    Ok(())
}

fn bad(field: String, what: crate::Text) -> Error {
    Error::new(ErrorCode::InvalidTitleData, field, what)
}

fn validate_title(title: &Title, at: &dyn Fn(&str) -> String) -> Result<(), Error> {
    if title.format != FORMAT {
        return Err(bad(at(".format"), tx!("format de données {} non pris en charge (attendu : {})",
            "unsupported data format {} (expected {})", title.format, FORMAT)));
    }
    if title.code.trim().is_empty() {
        return Err(bad(at(".code"), tx!("code de titre vide", "empty title code")));
    }
    let mut source_ids = Ids::default();
    for (i, s) in title.sources.iter().enumerate() {
        if !source_ids.insert(s.id.as_str()) {
            return Err(bad(at(&format!(".sources[{i}].id")), tx!("source en double", "duplicated source")));
        }
    }
    let source = |field: String, id: &str| -> Result<(), Error> {
        if source_ids.contains(id) { Ok(()) } else {
            Err(bad(field, tx!("source « {} » absente de la liste sources", "source \"{}\" is not in the sources list", id)))
        }
    };
    if title.versions.is_empty() {
        return Err(bad(at(".versions"), tx!("au moins une version est requise", "at least one version is required")));
    }
    let mut ccp_ids = Ids::default();
    let mut previous_start: Option<crate::Date> = None;
    for (v, version) in title.versions.iter().enumerate() {
        let vat = |rest: &str| at(&format!(".versions[{v}]{rest}"));
        fact(&version.start, &vat(".start"))?;
        source(vat(".start.source"), &version.start.source)?;
        // Versions must follow each other without overlapping.
        if let (Some(prev), Some(start)) = (previous_start, version.start.earliest()) {
            if start <= prev {
                return Err(bad(vat(".start"), tx!("la version commence avant ou en même temps que la précédente",
                    "this version starts on or before the previous one")));
            }
        }
        previous_start = version.start.latest().or(previous_start);
        if version.ccps.is_empty() {
            return Err(bad(vat(".ccps"), tx!("une version a au moins un CCP", "a version has at least one CCP")));
        }
        for (c, ccp) in version.ccps.iter().enumerate() {
            if ccp.id.trim().is_empty() || !ccp_ids.insert(ccp.id.as_str()) {
                return Err(bad(vat(&format!(".ccps[{c}].id")), tx!("identifiant de CCP vide ou en double",
                    "empty or duplicated CCP id")));
            }
        }
        if ccps_certainty_mismatch(version) {
            return Err(bad(vat(".ccpsCertainty"), tx!("une liste de CCP inconnue a un seul CCP « placeholder », et seulement dans ce cas",
                "an unknown CCP list has exactly one placeholder CCP, and only then")));
        }
        match (v, &version.correspondence) {
            (0, Some(_)) => return Err(bad(vat(".correspondence"), tx!("la première version n'a pas de table de correspondance",
                "the first version has no correspondence table"))),
            (0, None) => {}
            (_, None) => return Err(bad(vat(".correspondence"), tx!("table de correspondance requise (rows: null si inconnue)",
                "correspondence table required (rows: null when unknown)"))),
            (_, Some(table)) => {
                source(vat(".correspondence.source"), &table.source)?;
                rows(table, &title.versions[v - 1].ccps, &version.ccps, &|rest| vat(&format!(".correspondence{rest}")))?;
            }
        }
    }
    fact(&title.registration_end, &at(".registrationEnd"))?;
    source(at(".registrationEnd.source"), &title.registration_end.source)?;
    if let (Some(end), Some(start)) = (title.registration_end.earliest(), previous_start) {
        if end < start {
            return Err(bad(at(".registrationEnd"), tx!("la fin d'enregistrement précède le début de la dernière version",
                "the registration ends before the last version starts")));
        }
    }
    source(at(".ccsSource"), &title.ccs_source)?;
    for (c, ccs) in title.ccs.iter().enumerate() {
        if ccs.id.trim().is_empty() || !ccp_ids.insert(ccs.id.as_str()) {
            return Err(bad(at(&format!(".ccs[{c}].id")), tx!("identifiant de CCS vide ou en double", "empty or duplicated CCS id")));
        }
    }
    source(at(".equivalencesSource"), &title.equivalences_source)?;
    let current = Ids(title.current().ccps.iter().map(|c| c.id.as_str()).collect());
    for (e, eq) in title.equivalences.iter().enumerate() {
        source(at(&format!(".equivalences[{e}].source")), &eq.source)?;
        for (c, id) in eq.ccps.iter().enumerate() {
            if !current.contains(id) {
                return Err(bad(at(&format!(".equivalences[{e}].ccps[{c}]")), tx!("CCP « {} » absent de la version actuelle",
                    "CCP \"{}\" is not in the current version", id)));
            }
        }
    }
    Ok(())
}

fn ccps_certainty_mismatch(version: &super::Version) -> bool {
    let placeholders = version.ccps.iter().filter(|c| c.placeholder).count();
    let unknown = version.ccps_certainty == Certainty::Unknown;
    if unknown { placeholders != 1 || version.ccps.len() != 1 } else { placeholders != 0 }
}

/// A dated fact: a date unless unknown; bounds in order and around the date.
fn fact(fact: &DatedFact, field: &str) -> Result<(), Error> {
    let unknown = fact.certainty == Certainty::Unknown;
    if fact.date.is_some() == unknown {
        return Err(bad(field.to_string(), tx!("une date est requise sauf si la certitude est « unknown », et interdite dans ce cas",
            "a date is required unless the certainty is \"unknown\", and forbidden then")));
    }
    if let (Some(lo), Some(hi)) = (fact.earliest(), fact.latest()) {
        if lo > hi {
            return Err(bad(field.to_string(), tx!("dates dans le désordre (notBefore, date, notAfter)",
                "dates in the wrong order (notBefore, date, notAfter)")));
        }
    }
    if let (Some(lo), Some(hi)) = (fact.not_before, fact.not_after) {
        if lo > hi {
            return Err(bad(field.to_string(), tx!("notBefore est après notAfter", "notBefore is after notAfter")));
        }
    }
    Ok(())
}

fn rows(table: &Correspondence, old: &[super::Ccp], new: &[super::Ccp], at: &dyn Fn(&str) -> String) -> Result<(), Error> {
    let known = table.rows.is_some();
    if known == (table.certainty == Certainty::Unknown) {
        return Err(bad(at(".rows"), tx!("rows est null exactement quand la certitude est « unknown »",
            "rows is null exactly when the certainty is \"unknown\"")));
    }
    for (r, row) in table.rows.iter().flatten().enumerate() {
        if row.from.is_empty() {
            return Err(bad(at(&format!(".rows[{r}].from")), tx!("une ligne part d'au moins un CCP", "a row starts from at least one CCP")));
        }
        for (side, ids, list) in [("from", &row.from, old), ("to", &row.to, new)] {
            for (i, id) in ids.iter().enumerate() {
                if !list.iter().any(|c| &c.id == id && !c.placeholder) {
                    return Err(bad(at(&format!(".rows[{r}].{side}[{i}]")), tx!(
                        "CCP « {} » absent de la version concernée", "CCP \"{}\" is not in the version concerned", id)));
                }
            }
        }
    }
    Ok(())
}
