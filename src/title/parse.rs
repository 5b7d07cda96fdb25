//! Reading title data (the format of README "Title data format") from JSON data, every error
//! naming its entry (`titles[0].versions[1].start.date`). Consistency checks come after, in
//! [`super::validate`].

use super::{AfterEnd, Ccp, Correspondence, DataSource, Equivalence, Row, Title, Version};
use crate::certainty::{Certainty, DatedFact};
use crate::error::{Error, ErrorCode};
use crate::read::{self, Object};
use crate::tx;
use serde_json::Value;

const CERTAINTIES: [(&str, Certainty); 4] = [("official", Certainty::Official), ("secondary", Certainty::Secondary),
    ("estimated", Certainty::Estimated), ("unknown", Certainty::Unknown)];

/// Reads a list of titles; `path` names the list ("titles").
pub fn titles(value: &Value, path: &str) -> Result<Vec<Title>, Error> {
    read::list(value, path, title).map_err(|e| Error { code: ErrorCode::InvalidTitleData, ..e })
}

fn certainty(o: &Object, key: &str) -> Result<Certainty, Error> {
    o.present(key, o.choice(key, &CERTAINTIES)?)
}

fn title(value: &Value, path: &str) -> Result<Title, Error> {
    let o = Object::new(value, path, &["format", "code", "name", "level", "sources", "versions", "registrationEnd",
        "afterRegistrationEnd", "ccs", "ccsSource", "equivalences", "equivalencesSource"])?;
    let format = o.present("format", o.number("format")?)?;
    if format.fract() != 0.0 || !(0.0..=1e6).contains(&format) {
        return Err(Error::new(ErrorCode::InvalidTitleData, o.path("format"), tx!("numéro de format invalide", "invalid format number")));
    }
    Ok(Title {
        format: format as u32,
        code: o.string("code")?,
        name: o.need("name", read::text)?,
        level: o.text("level")?,
        sources: o.list("sources", |v, p| {
            let s = Object::new(v, p, &["id", "certainty", "fr", "en"])?;
            Ok(DataSource { id: s.string("id")?, certainty: certainty(&s, "certainty")?, fr: s.string("fr")?, en: s.string("en")? })
        })?,
        versions: o.list("versions", version)?,
        registration_end: o.need("registrationEnd", fact)?,
        after_registration_end: o.present("afterRegistrationEnd",
            o.choice("afterRegistrationEnd", &[("unknown", AfterEnd::Unknown), ("closed", AfterEnd::Closed)])?)?,
        ccs: o.list("ccs", ccp)?,
        ccs_source: o.string("ccsSource")?,
        equivalences: o.list("equivalences", |v, p| {
            let e = Object::new(v, p, &["certification", "total", "ccps", "certainty", "source"])?;
            Ok(Equivalence {
                certification: e.need("certification", read::text)?,
                total: e.present("total", e.bool("total")?)?,
                ccps: e.list("ccps", |v, p| read::string(v, p).map(str::to_string))?,
                certainty: certainty(&e, "certainty")?,
                source: e.string("source")?,
            })
        })?,
        equivalences_source: o.string("equivalencesSource")?,
    })
}

fn version(value: &Value, path: &str) -> Result<Version, Error> {
    let o = Object::new(value, path, &["id", "name", "start", "ccpsCertainty", "ccps", "correspondence"])?;
    Ok(Version {
        id: o.string("id")?,
        name: o.need("name", read::text)?,
        start: o.need("start", fact)?,
        ccps_certainty: certainty(&o, "ccpsCertainty")?,
        ccps: o.list("ccps", ccp)?,
        correspondence: o.get("correspondence").map(|v| {
            let c = Object::new(v, &o.path("correspondence"), &["certainty", "source", "rows", "note"])?;
            Ok::<_, Error>(Correspondence {
                certainty: certainty(&c, "certainty")?,
                source: c.string("source")?,
                rows: c.get("rows").map(|rows| read::list(rows, &c.path("rows"), |v, p| {
                    let r = Object::new(v, p, &["from", "to", "note"])?;
                    let ids = |key| r.list(key, |v, p| read::string(v, p).map(str::to_string));
                    Ok(Row { from: ids("from")?, to: ids("to")?, note: r.text("note")? })
                })).transpose()?,
                note: c.text("note")?,
            })
        }).transpose()?,
    })
}

fn ccp(value: &Value, path: &str) -> Result<Ccp, Error> {
    let o = Object::new(value, path, &["id", "name", "competences", "placeholder"])?;
    Ok(Ccp {
        id: o.string("id")?,
        name: o.need("name", read::text)?,
        competences: o.list("competences", read::text)?,
        placeholder: o.bool("placeholder")?.unwrap_or(false),
    })
}

fn fact(value: &Value, path: &str) -> Result<DatedFact, Error> {
    let o = Object::new(value, path, &["date", "certainty", "source", "notBefore", "notAfter", "note"])?;
    Ok(DatedFact {
        date: o.date("date")?,
        certainty: certainty(&o, "certainty")?,
        source: o.string("source")?,
        not_before: o.date("notBefore")?,
        not_after: o.date("notAfter")?,
        note: o.text("note")?,
    })
}
