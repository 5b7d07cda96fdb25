//! Reading title data (the format of README "Title data format") from JSON data, every error
//! naming its entry (`titles[0].versions[1].start.date`). Consistency checks come after, in
//! [`super::validate`].
//!
//! Each value is filled field by field into one `Default` value rather than built by a struct
//! literal: an error then drops that one value, where a literal drops the fields read so far at
//! each `?`, which cost 3 KB of code in the wasm (issue 13).
#![allow(clippy::field_reassign_with_default)]

use super::DatedFact;
use super::{Act, AfterEnd, Ccp, Correspondence, DataSource, Equivalence, Row, Successor, Title, Version};
use crate::certainty::Certainty;
use crate::error::{Error, ErrorCode};
use crate::read::Value;
use crate::read::{self, Object};
use crate::tx;

const CERTAINTIES: [(&str, Certainty); 4] = [
    ("official", Certainty::Official),
    ("secondary", Certainty::Secondary),
    ("estimated", Certainty::Estimated),
    ("unknown", Certainty::Unknown),
];

/// Reads a list of titles; `path` names the list ("titles").
pub fn titles(value: &Value, path: &str) -> Result<Vec<Title>, Error> {
    no_controls(value, path)?;
    read::list(value, path, title).map_err(|e| Error { code: ErrorCode::InvalidTitleData, ..e })
}

/// A control character (C0, DEL, C1) or a bidirectional override or isolate: never in title data
/// (issue 20), where it would reach a terminal raw or reorder a page's words.
pub fn forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Every string and key of title data, checked in one walk; the path is built only for the one
/// at fault (`titles[0].versions[3].ccps[0].name.en`).
fn no_controls(value: &Value, path: &str) -> Result<(), Error> {
    let bad = |s: &str| s.chars().find(|&c| forbidden(c));
    let fail = |path: &str, c: char| {
        Error::new(
            ErrorCode::InvalidTitleData,
            path,
            crate::tl!(
                DATA_CONTROL_BIDIRECTIONAL_OVERRIDE_CHARACTER_ALLOWED,
                crate::Text::plain(hex4(u32::from(c)))
            ),
        )
    };
    match value {
        Value::String(s) => bad(s).map_or(Ok(()), |c| Err(fail(path, c))),
        Value::Array(items) => items.iter().enumerate().try_for_each(|(i, v)| {
            if contains_forbidden(v) {
                no_controls(v, &format!("{path}[{i}]"))
            } else {
                Ok(())
            }
        }),
        Value::Object(fields) => fields.iter().try_for_each(|(k, v)| {
            let field = || read::join(path, k);
            if let Some(c) = bad(k) {
                return Err(fail(&field(), c));
            }
            if contains_forbidden(v) {
                no_controls(v, &field())
            } else {
                Ok(())
            }
        }),
        _ => Ok(()),
    }
}

/// Whether a value holds a forbidden character anywhere (no path built).
fn contains_forbidden(value: &Value) -> bool {
    match value {
        Value::String(s) => s.chars().any(forbidden),
        Value::Array(items) => items.iter().any(contains_forbidden),
        Value::Object(fields) => {
            fields.iter().any(|(k, v)| k.chars().any(forbidden) || contains_forbidden(v))
        }
        _ => false,
    }
}

/// "001B": four hexadecimal digits at least, without `core::fmt`.
fn hex4(n: u32) -> String {
    let digits = b"0123456789ABCDEF";
    let mut out = Vec::new();
    let mut n = n;
    while n > 0 || out.len() < 4 {
        out.push(digits[(n % 16) as usize]);
        n /= 16;
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}

fn certainty(o: &Object, key: &str) -> Result<Certainty, Error> {
    o.present(key, o.choice(key, &CERTAINTIES)?)
}

fn strings(o: &Object, key: &str) -> Result<Vec<String>, Error> {
    o.list(key, |v, p| read::string(v, p).map(str::to_string))
}

fn title(value: &Value, path: &str) -> Result<Title, Error> {
    let o = Object::new(
        value,
        path,
        &[
            "format",
            "code",
            "codeDiplome",
            "name",
            "level",
            "nsf",
            "rome",
            "snapshot",
            "sources",
            "versions",
            "afterRegistrationEnd",
            "replacedBy",
            "ccs",
            "ccsSource",
            "equivalences",
            "equivalencesSource",
        ],
    )?;
    let format = o.present("format", o.number("format")?)?;
    if format != f64::from(super::FORMAT) {
        return Err(Error::new(
            ErrorCode::InvalidTitleData,
            o.path("format"),
            tx!(DATA_UNSUPPORTED_DATA_FORMAT_EXPECTED, super::FORMAT),
        ));
    }
    let mut t = Title { format: super::FORMAT, ..Title::default() };
    t.code = o.string("code")?;
    t.code_diplome = strings(&o, "codeDiplome")?;
    t.name = o.need("name", read::text)?;
    t.level = o.text("level")?;
    t.nsf = strings(&o, "nsf")?;
    t.rome = strings(&o, "rome")?;
    t.snapshot = o.date("snapshot")?;
    t.sources = o.list("sources", |v, p| {
        let s = Object::new(v, p, &["id", "certainty", "fr", "en"])?;
        Ok(DataSource {
            id: s.string("id")?,
            certainty: certainty(&s, "certainty")?,
            fr: s.string("fr")?,
            en: s.string("en")?,
        })
    })?;
    t.versions = o.list("versions", version)?;
    t.after_registration_end = o.present(
        "afterRegistrationEnd",
        o.choice(
            "afterRegistrationEnd",
            &[
                ("unknown", AfterEnd::Unknown),
                ("closed", AfterEnd::Closed),
                ("closedByInference", AfterEnd::ClosedByInference),
                ("replaced", AfterEnd::Replaced),
            ],
        )?,
    )?;
    t.replaced_by = o.list("replacedBy", |v, p| {
        let r = Object::new(v, p, &["code", "name"])?;
        Ok(Successor { code: r.string("code")?, name: r.need("name", read::text)? })
    })?;
    t.ccs = o.list("ccs", ccp)?;
    t.ccs_source = o.string("ccsSource")?;
    t.equivalences = o.list("equivalences", |v, p| {
        let e = Object::new(v, p, &["certification", "total", "ccps", "certainty", "source"])?;
        Ok(Equivalence {
            certification: e.need("certification", read::text)?,
            total: e.present("total", e.bool("total")?)?,
            ccps: strings(&e, "ccps")?,
            certainty: certainty(&e, "certainty")?,
            source: e.string("source")?,
        })
    })?;
    t.equivalences_source = o.string("equivalencesSource")?;
    t.index_ccps();
    Ok(t)
}

fn version(value: &Value, path: &str) -> Result<Version, Error> {
    let o = Object::new(
        value,
        path,
        &[
            "id",
            "name",
            "rncp",
            "start",
            "end",
            "lastAward",
            "act",
            "ccpsCertainty",
            "ccps",
            "correspondence",
        ],
    )?;
    let mut v = Version::default();
    v.id = o.string("id")?;
    v.name = o.need("name", read::text)?;
    v.rncp = o.str("rncp")?.map(str::to_string);
    v.start = o.need("start", fact)?;
    v.end = o.get("end").map(|f| fact(f, &o.path("end"))).transpose()?;
    v.last_award = o.get("lastAward").map(|f| fact(f, &o.path("lastAward"))).transpose()?;
    v.act = o
        .get("act")
        .map(|a| {
            let a = Object::new(a, &o.path("act"), &["title", "jo"])?;
            Ok::<_, Error>(Act { title: a.string("title")?, jo: a.date("jo")? })
        })
        .transpose()?;
    v.ccps_certainty = certainty(&o, "ccpsCertainty")?;
    v.ccps = o.list("ccps", ccp)?;
    v.correspondence = o
        .get("correspondence")
        .map(|c| {
            let c = Object::new(c, &o.path("correspondence"), &["certainty", "source", "rows", "note"])?;
            Ok::<_, Error>(Correspondence {
                certainty: certainty(&c, "certainty")?,
                source: c.string("source")?,
                rows: c
                    .get("rows")
                    .map(|rows| {
                        read::list(rows, &c.path("rows"), |r, p| {
                            let r = Object::new(r, p, &["from", "to", "note"])?;
                            Ok(Row {
                                from: strings(&r, "from")?,
                                to: strings(&r, "to")?,
                                note: r.text("note")?,
                            })
                        })
                    })
                    .transpose()?,
                note: c.text("note")?,
            })
        })
        .transpose()?;
    Ok(v)
}

fn ccp(value: &Value, path: &str) -> Result<Ccp, Error> {
    let o = Object::new(value, path, &["id", "name", "competences", "assessment", "placeholder"])?;
    let mut c = Ccp::default();
    c.id = o.string("id")?;
    c.name = o.need("name", read::text)?;
    c.competences = o.list("competences", read::text)?;
    c.assessment = o.text("assessment")?;
    c.placeholder = o.bool("placeholder")?.unwrap_or(false);
    Ok(c)
}

fn fact(value: &Value, path: &str) -> Result<DatedFact, Error> {
    let o = Object::new(value, path, &["date", "certainty", "source", "notBefore", "notAfter", "note"])?;
    let mut f = DatedFact::default();
    f.date = o.date("date")?;
    f.certainty = certainty(&o, "certainty")?;
    f.source = o.string("source")?;
    f.not_before = o.date("notBefore")?;
    f.not_after = o.date("notAfter")?;
    f.note = o.text("note")?;
    Ok(f)
}
