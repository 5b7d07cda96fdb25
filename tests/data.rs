//! Title data validation: the built-in data is consistent, and inconsistent integrator data is
//! refused with an error naming the offending entry.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use tp_eligibility::{rules, title, ErrorCode};

fn builtin() -> Value {
    serde_json::from_str(tp_eligibility::title::DEFAULT_TITLE_JSON).unwrap()
}

fn refused(mutate: impl FnOnce(&mut Value)) -> tp_eligibility::Error {
    let mut t = builtin();
    mutate(&mut t);
    let parsed = tp_eligibility::titles_from_json(&Value::from(vec![t]).to_string());
    let error = parsed
        .and_then(|titles| title::validate(&titles, "titles"))
        .expect_err("inconsistent data must be refused");
    assert_eq!(error.code, ErrorCode::InvalidTitleData);
    error
}

#[test]
fn builtin_data_is_valid() {
    title::validate(title::builtin(), "titles").unwrap();
    let t = &title::builtin()[0];
    assert_eq!(t.code, "TP-00523");
    assert_eq!(
        t.versions.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(),
        ["2003", "2011", "2016", "2022"]
    );
    // Unknowns stay unknown: the 2016 start, the 2011 → 2016 and 2016 → 2022 tables, the 2022 start.
    assert_eq!(t.versions[2].start.date, None);
    assert!(t.versions[2].correspondence.as_ref().unwrap().rows.is_none());
    assert!(t.versions[3].correspondence.as_ref().unwrap().rows.is_none());
    // The register's facts (title-assistant-import-export.md, revised): the 2022 version certainly
    // not before 2022-07-14 and certainly from 2023-01-07; RNCP36964 until 2028-01-07 (secondary);
    // RNCP35194 until 2023-01-07; the 2016 version not before 2016-01-05.
    use tp_eligibility::{Certainty, Date};
    let v2022 = &t.versions[3];
    assert_eq!(
        (v2022.start.date, v2022.start.not_before, v2022.start.not_after),
        (None, Some(Date::ymd(2022, 7, 14)), Some(Date::ymd(2023, 1, 7)))
    );
    let end = v2022.end.as_ref().unwrap();
    assert_eq!((end.date, end.certainty), (Some(Date::ymd(2028, 1, 7)), Certainty::Secondary));
    assert_eq!(v2022.rncp.as_deref(), Some("RNCP36964"));
    assert_eq!(t.versions[2].rncp.as_deref(), Some("RNCP35194"));
    assert_eq!(t.versions[2].end.as_ref().unwrap().date, Some(Date::ymd(2023, 1, 7)));
    assert_eq!(t.versions[2].start.not_before, Some(Date::ymd(2016, 1, 5)));
    assert!(t.rncp_numbers().any(|n| n == "RNCP10013"));
    for id in ["TP-00523", "36T31202", "RNCP36964", "rncp35194", " 10013 "] {
        assert!(t.is_named(id), "{id}");
    }
}

#[test]
fn every_dated_fact_and_table_has_a_certainty_and_a_known_source() {
    let t = &title::builtin()[0];
    for v in &t.versions {
        assert!(t.source(&v.start.source).is_some(), "{}", v.start.source);
        if let Some(table) = &v.correspondence {
            assert!(t.source(&table.source).is_some(), "{}", table.source);
        }
    }
}

#[test]
fn every_rule_cites_legal_sources_that_exist() {
    let tables = rules::LAW.tables();
    assert!(tables.len() >= 13, "{} tables", tables.len());
    for t in &tables {
        for (_, _, sources) in &t.periods {
            assert!(!sources.is_empty(), "{}", t.name);
            for id in *sources {
                assert!(rules::sources::legal(id).is_some(), "unknown legal source {id} in {}", t.name);
            }
        }
        assert!(t.periods.windows(2).all(|w| w[0].0 < w[1].0), "periods of {} in order", t.name);
        assert_eq!(
            t.periods[0].0,
            rules::coverage::START,
            "the first period of {} starts with coverage",
            t.name
        );
    }
}

#[test]
fn overlapping_versions_are_refused() {
    let e = refused(|t| t["versions"][1]["start"]["date"] = "2003-12-24".into());
    assert_eq!(e.field, "titles[0].versions[1].start");
}

#[test]
fn a_correspondence_to_an_unknown_ccp_is_refused() {
    let e = refused(|t| t["versions"][1]["correspondence"]["rows"][1]["to"][0] = "2011-CCP7".into());
    assert_eq!(e.field, "titles[0].versions[1].correspondence.rows[1].to[0]");
    let e = refused(|t| t["versions"][1]["correspondence"]["rows"][2]["from"][0] = "2022-CCP1".into());
    assert_eq!(e.field, "titles[0].versions[1].correspondence.rows[2].from[0]");
}

#[test]
fn dates_in_the_wrong_order_are_refused() {
    let e = refused(|t| t["versions"][2]["start"]["notAfter"] = "2015-01-01".into());
    assert_eq!(e.field, "titles[0].versions[2].start");
    let e = refused(|t| t["versions"][3]["end"]["date"] = "2020-01-01".into());
    assert_eq!(e.field, "titles[0].versions[3].end");
}

#[test]
fn a_date_with_unknown_certainty_or_no_date_without_it_is_refused() {
    let e = refused(|t| t["versions"][0]["start"]["certainty"] = "unknown".into());
    assert_eq!(e.field, "titles[0].versions[0].start");
    let e = refused(|t| t["versions"][3]["end"]["date"] = Value::Null);
    assert_eq!(e.field, "titles[0].versions[3].end");
}

#[test]
fn a_missing_source_or_duplicated_ccp_is_refused() {
    let e = refused(|t| t["versions"][3]["start"]["source"] = "nowhere".into());
    assert_eq!(e.field, "titles[0].versions[3].start.source");
    let e = refused(|t| t["versions"][3]["ccps"][1]["id"] = "2022-CCP1".into());
    assert_eq!(e.field, "titles[0].versions[3].ccps[1].id");
}

#[test]
fn malformed_data_names_the_field() {
    let e = refused(|t| t["versions"][0]["ccps"] = "none".into());
    assert_eq!(e.field, "titles[0].versions[0].ccps");
    let e = refused(|t| t["versions"][3]["end"]["date"] = "2027-02-30".into());
    assert_eq!(e.field, "titles[0].versions[3].end.date");
    let e = refused(|t| t["format"] = 1.into());
    assert_eq!(e.field, "titles[0].format");
}

#[test]
fn evaluate_with_validates_integrator_data() {
    let mut t = builtin();
    t["versions"][1]["start"]["date"] = "2003-12-24".into();
    let titles = tp_eligibility::titles_from_json(&Value::from(vec![t]).to_string()).unwrap();
    let s = tp_eligibility::Situation::from_json(r#"{"asOf":"2026-11-27","path":"vae"}"#).unwrap();
    let e = tp_eligibility::evaluate_with(&s, &titles).unwrap_err();
    assert_eq!(e.field, "titles[0].versions[1].start");
}
