//! The parameters decide (rules.md R7, "the parameters decide"; issue 18): for every table of
//! dated parameters (`rules::LAW.tables()`), changing its value changes what some report says. A
//! table that only fed the texts, or that nothing reads, fails here. Each mutation is written
//! below by hand; a table without one fails the test too, so a new table must come with its own.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use tp_eligibility::rules::{self, capitalisation::CcpWindow, vae::Minimum, Params, Period};
use tp_eligibility::{json, Situation, Title};

/// A table with `f` applied to every period, for the life of the test.
fn changed<T: Clone>(periods: &'static [Period<T>], f: impl Fn(&mut Period<T>)) -> &'static [Period<T>] {
    let mut v = periods.to_vec();
    v.iter_mut().for_each(f);
    Box::leak(v.into_boxed_slice())
}

/// A lower certainty: official → secondary, anything else → estimated.
fn lower(p: &mut Period<()>) {
    p.certainty = match p.certainty {
        tp_eligibility::Certainty::Official => tp_eligibility::Certainty::Secondary,
        _ => tp_eligibility::Certainty::Estimated,
    };
}

/// One change per table, by name: the value where the table has one, else its certainty.
fn mutations() -> Vec<(&'static str, Params)> {
    let law = rules::LAW;
    vec![
        ("composition", Params { composition: changed(law.composition, lower), ..law }),
        ("session_titre", Params { session_titre: changed(law.session_titre, lower), ..law }),
        ("session_ccp", Params { session_ccp: changed(law.session_ccp, lower), ..law }),
        ("assessment", Params { assessment: changed(law.assessment, lower), ..law }),
        ("documents", Params { documents: changed(law.documents, lower), ..law }),
        (
            "ccp_validity",
            Params {
                ccp_validity: changed(law.ccp_validity, |p| {
                    if let CcpWindow::Years(y) = p.value {
                        p.value = CcpWindow::Years(y + 1)
                    }
                }),
                ..law
            },
        ),
        (
            "closure_grace",
            Params { closure_grace: changed(law.closure_grace, |p| p.value = p.value.map(|y| y + 1)), ..law },
        ),
        (
            "vae_minimum",
            Params {
                vae_minimum: changed(law.vae_minimum, |p| {
                    if let Minimum::Hours(_) = p.value {
                        p.value = Minimum::Hours(800)
                    }
                }),
                ..law
            },
        ),
        (
            "admissibility_validity",
            Params {
                admissibility_validity: changed(law.admissibility_validity, |p| {
                    p.value = p.value.map(|y| y + 1)
                }),
                ..law
            },
        ),
        (
            "france_vae_decision",
            Params {
                france_vae_decision: changed(law.france_vae_decision, |p| p.value = p.value.map(|m| m + 1)),
                ..law
            },
        ),
        (
            "france_vae_validity",
            Params {
                france_vae_validity: changed(law.france_vae_validity, |p| p.value = p.value.map(|y| y + 1)),
                ..law
            },
        ),
        (
            "ccs_minimum",
            Params { ccs_minimum: changed(law.ccs_minimum, |p| p.value = p.value.map(|m| m / 2)), ..law },
        ),
        ("retake", Params { retake: changed(law.retake, |p| p.value = p.value.map(|y| y + 1)), ..law }),
    ]
}

/// Every title of the seed data (tests/common), and TP-00523 with a CCS under another code (the built-in data has none).
fn titles() -> Vec<Title> {
    let mut with_ccs: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated/TP-00523.json"),
        )
        .unwrap(),
    )
    .unwrap();
    with_ccs["code"] = "TP-TEST-CCS".into();
    with_ccs["codeDiplome"] = serde_json::json!([]);
    for v in with_ccs["versions"].as_array_mut().unwrap() {
        v["rncp"] = serde_json::Value::Null;
    }
    with_ccs["ccs"] =
        serde_json::json!([{ "id": "CCS-1", "name": { "fr": "Spécialisation", "en": "Specialisation" } }]);
    with_ccs["ccsSource"] = "jo-2022".into();
    let mut titles = common::seed_titles().to_vec();
    titles.extend(tp_eligibility::titles_from_json(&serde_json::json!([with_ccs]).to_string()).unwrap());
    tp_eligibility::title::validate(&titles, "titles").unwrap();
    titles
}

/// Situations that, between them, read every table.
const SITUATIONS: &[&str] = &[
    r#"{"asOf":"2026-11-27","path":"continuous","training":{"coherent":true}}"#,
    r#"{"asOf":"2026-11-27","path":"discontinuous","training":{"coherent":true},"held":[{"ccp":"2022-CCP1","obtained":"2024-06-14"}]}"#,
    r#"{"asOf":"2012-01-01","path":"discontinuous","held":[{"ccp":"2003-U2","obtained":"2008-03-01"},{"ccp":"2003-U4","obtained":"2009-03-01"}]}"#,
    r#"{"asOf":"2025-01-15","path":"discontinuous","title":"RNCP37943","held":[{"ccp":"RNCP37943-X","obtained":"2024-06-01"}]}"#,
    r#"{"asOf":"2020-07-01","path":"vae","experience":{"hours":1000,"related":true},"vae":{"applied":"2020-06-01"}}"#,
    r#"{"asOf":"2022-06-01","path":"vae","vae":{"applied":"2021-11-01","admissible":"2022-01-01"}}"#,
    r#"{"asOf":"2025-02-01","path":"vae","experience":{"months":6,"related":true},"vae":{"applied":"2025-01-10"}}"#,
    r#"{"asOf":"2025-06-01","path":"vae","vae":{"applied":"2025-01-10","admissible":"2025-02-01"}}"#,
    r#"{"asOf":"2026-11-27","path":"ccs","title":"TP-TEST-CCS","ccs":"CCS-1","titleObtained":"2024-01-01","experience":{"months":8}}"#,
    r#"{"asOf":"2025-05-01","path":"continuous","training":{"coherent":true},"lastSession":{"date":"2025-03-01","outcome":"failed"}}"#,
];

fn reports(titles: &[Title], params: &Params) -> Vec<serde_json::Value> {
    SITUATIONS
        .iter()
        .map(|text| {
            let situation = Situation::from_json(text).unwrap();
            let report = tp_eligibility::evaluate_under(&situation, titles, params)
                .unwrap_or_else(|e| panic!("{text}: {e}"));
            tp_eligibility::report::check_invariants(&report);
            serde_json::from_str(&json::compact(&report)).unwrap()
        })
        .collect()
}

#[test]
fn every_table_of_parameters_decides_something() {
    let titles = titles();
    let law = reports(&titles, &rules::LAW);
    let mutations = mutations();
    for table in rules::LAW.tables() {
        let (_, params) = mutations
            .iter()
            .find(|(name, _)| *name == table.name)
            .unwrap_or_else(|| panic!("table {} has no mutation in tests/params.rs", table.name));
        let changed = reports(&titles, params);
        let differ: Vec<&str> = SITUATIONS
            .iter()
            .zip(law.iter().zip(&changed))
            .filter(|(_, (a, b))| a != b)
            .map(|(s, _)| *s)
            .collect();
        assert!(
            !differ.is_empty(),
            "changing table {} ({}) changes no report: it decides nothing",
            table.name,
            table.rule
        );
    }
}

/// The two examples a newcomer found: a table of 800 hours must accept 1,000 hours, and a retake
/// year of two years must say the same last day in the summary, the step and the deadline.
#[test]
fn a_changed_value_changes_the_outcome_and_every_word_that_states_it() {
    let titles = titles();
    let by_name = |name: &str| mutations().into_iter().find(|(n, _)| *n == name).unwrap().1;
    let vae = reports(&titles, &by_name("vae_minimum"));
    assert_eq!(vae[4]["status"], "eligible", "{}", vae[4]["summary"]["en"]);
    assert!(vae[4]["explanation"].to_string().contains("at least 800 hours"), "{}", vae[4]["explanation"]);
    let law = reports(&titles, &rules::LAW);
    assert_eq!(law[4]["status"], "notEligible");
    let retake = reports(&titles, &by_name("retake"));
    let r = &retake[9];
    let deadline =
        r["deadlines"].as_array().unwrap().iter().find(|d| d["kind"] == "retakeWithoutTrainingEnd").unwrap();
    assert_eq!(deadline["date"], "2027-03-01");
    assert!(
        r["summary"]["en"].as_str().unwrap().contains("until 1 March 2027 (included)"),
        "{}",
        r["summary"]["en"]
    );
    assert!(r["explanation"].to_string().contains("1 March 2027"), "{}", r["explanation"]);
    assert!(!r.to_string().contains("1 March 2026"), "the law's date is left nowhere: {r}");
}
