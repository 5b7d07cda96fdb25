//! Reading title data (the format of README "Title data format") from JSON data, every error
//! naming its entry (`titles[0].versions[1].start.date`). Consistency checks come after, in
//! [`super::validate`].

use super::{Act, AfterEnd, Ccp, Correspondence, DataSource, Equivalence, Row, Title, Version};
use crate::certainty::{Certainty, DatedFact};
use crate::error::{Error, ErrorCode};
use crate::read::{self, Object};
use crate::tx;
use crate::read::Value;

const CERTAINTIES: [(&str, Certainty); 4] = [("official", Certainty::Official), ("secondary", Certainty::Secondary),
    ("estimated", Certainty::Estimated), ("unknown", Certainty::Unknown)];

/// Reads a list of titles; `path` names the list ("titles").
pub fn titles(value: &Value, path: &str) -> Result<Vec<Title>, Error> {
    read::list(value, path, title).map_err(|e| Error { code: ErrorCode::InvalidTitleData, ..e })
}

fn certainty(o: &Object, key: &str) -> Result<Certainty, Error> {
    o.present(key, o.choice(key, &CERTAINTIES)?)
}

fn strings(o: &Object, key: &str) -> Result<Vec<String>, Error> {
    o.list(key, |v, p| read::string(v, p).map(str::to_string))
}

fn title(value: &Value, path: &str) -> Result<Title, Error> {
    let o = Object::new(value, path, &["format", "code", "codeDiplome", "name", "level", "nsf", "rome", "snapshot", "sources",
        "versions", "afterRegistrationEnd", "ccs", "ccsSource", "equivalences", "equivalencesSource"])?;
    let format = o.present("format", o.number("format")?)?;
    if format != f64::from(super::FORMAT) {
        return Err(Error::new(ErrorCode::InvalidTitleData, o.path("format"), tx!(
            "format de données non pris en charge (attendu : {})", "unsupported data format (expected {})", super::FORMAT)));
    }
    Ok(Title {
        format: super::FORMAT,
        code: o.string("code")?,
        code_diplome: strings(&o, "codeDiplome")?,
        name: o.need("name", read::text)?,
        level: o.text("level")?,
        nsf: strings(&o, "nsf")?,
        rome: strings(&o, "rome")?,
        snapshot: o.date("snapshot")?,
        sources: o.list("sources", |v, p| {
            let s = Object::new(v, p, &["id", "certainty", "fr", "en"])?;
            Ok(DataSource { id: s.string("id")?, certainty: certainty(&s, "certainty")?, fr: s.string("fr")?, en: s.string("en")? })
        })?,
        versions: o.list("versions", version)?,
        after_registration_end: o.present("afterRegistrationEnd",
            o.choice("afterRegistrationEnd", &[("unknown", AfterEnd::Unknown), ("closed", AfterEnd::Closed)])?)?,
        ccs: o.list("ccs", ccp)?,
        ccs_source: o.string("ccsSource")?,
        equivalences: o.list("equivalences", |v, p| {
            let e = Object::new(v, p, &["certification", "total", "ccps", "certainty", "source"])?;
            Ok(Equivalence {
                certification: e.need("certification", read::text)?,
                total: e.present("total", e.bool("total")?)?,
                ccps: strings(&e, "ccps")?,
                certainty: certainty(&e, "certainty")?,
                source: e.string("source")?,
            })
        })?,
        equivalences_source: o.string("equivalencesSource")?,
    })
}

fn version(value: &Value, path: &str) -> Result<Version, Error> {
    let o = Object::new(value, path, &["id", "name", "rncp", "start", "end", "lastAward", "act", "ccpsCertainty", "ccps",
        "correspondence"])?;
    Ok(Version {
        id: o.string("id")?,
        name: o.need("name", read::text)?,
        rncp: o.str("rncp")?.map(str::to_string),
        start: o.need("start", fact)?,
        end: o.get("end").map(|v| fact(v, &o.path("end"))).transpose()?,
        last_award: o.get("lastAward").map(|v| fact(v, &o.path("lastAward"))).transpose()?,
        act: o.get("act").map(|v| {
            let a = Object::new(v, &o.path("act"), &["title", "jo"])?;
            Ok::<_, Error>(Act { title: a.string("title")?, jo: a.date("jo")? })
        }).transpose()?,
        ccps_certainty: certainty(&o, "ccpsCertainty")?,
        ccps: o.list("ccps", ccp)?,
        correspondence: o.get("correspondence").map(|v| {
            let c = Object::new(v, &o.path("correspondence"), &["certainty", "source", "rows", "note"])?;
            Ok::<_, Error>(Correspondence {
                certainty: certainty(&c, "certainty")?,
                source: c.string("source")?,
                rows: c.get("rows").map(|rows| read::list(rows, &c.path("rows"), |v, p| {
                    let r = Object::new(v, p, &["from", "to", "note"])?;
                    Ok(Row { from: strings(&r, "from")?, to: strings(&r, "to")?, note: r.text("note")? })
                })).transpose()?,
                note: c.text("note")?,
            })
        }).transpose()?,
    })
}

fn ccp(value: &Value, path: &str) -> Result<Ccp, Error> {
    let o = Object::new(value, path, &["id", "name", "competences", "assessment", "placeholder"])?;
    Ok(Ccp {
        id: o.string("id")?,
        name: o.need("name", read::text)?,
        competences: o.list("competences", read::text)?,
        assessment: o.text("assessment")?,
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
