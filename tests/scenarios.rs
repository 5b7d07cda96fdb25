//! The scenario suite: one legal case per file under tests/scenarios/, named as a sentence. Each
//! file holds a situation and the expected outcome; `titlePatch` replaces top-level fields of the
//! built-in title data (integrator data: a closed title, a CCS, an equivalence).
//!
//! Expected keys (all optional, each checked exactly): status, certainty, missing, remaining,
//! remainingKnown, held (ccp, status, countsAs), assessment (ids), sessions (kinds), unknowns and
//! notes (counts); deadlines must each be present (kind, date, certainty); rules must each appear
//! in the explanation; error (field, code) expects an input error instead of a report.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::path::Path;

fn builtin_title() -> Value {
    serde_json::from_str(include_str!("../src/title/data/tp-00523.json")).unwrap()
}

fn run(path: &Path) -> Result<(), String> {
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).map_err(|e| e.to_string())?;
    let expect = &scenario["expect"];
    let situation = tp_eligibility::Situation::from_json(&scenario["situation"].to_string());
    let result = situation.and_then(|s| match scenario.get("titlePatch") {
        Some(patch) => {
            let mut title = builtin_title();
            for (k, v) in patch.as_object().unwrap() {
                title[k] = v.clone();
            }
            let titles = tp_eligibility::titles_from_json(&json!([title]).to_string())?;
            tp_eligibility::evaluate_with(&s, &titles)
        }
        None => tp_eligibility::evaluate(&s),
    });
    let report = match (result, expect.get("error")) {
        (Err(e), Some(want)) => {
            let got = json!({"field": e.field, "code": e.code});
            if &got != want {
                return Err(format!("error {got}, expected {want}"));
            }
            if e.fr.is_empty() || e.en.is_empty() || e.fr == e.en {
                return Err(format!("error message not bilingual: {e:?}"));
            }
            return Ok(());
        }
        (Err(e), None) => return Err(format!("unexpected error {e:?}")),
        (Ok(_), Some(want)) => return Err(format!("expected error {want}, got a report")),
        (Ok(r), None) => serde_json::to_value(&r).unwrap(),
    };
    let mut failures = Vec::new();
    for key in ["status", "certainty", "missing", "remaining", "remainingKnown"] {
        if let Some(want) = expect.get(key) {
            if &report[key] != want {
                failures.push(format!("{key}: got {}, expected {want}", report[key]));
            }
        }
    }
    if let Some(want) = expect.get("held") {
        let got: Vec<Value> = report["held"].as_array().unwrap().iter().zip(want.as_array().unwrap()).map(|(g, w)| {
            let mut picked = json!({});
            for k in w.as_object().unwrap().keys() {
                picked[k] = g[k].clone();
            }
            picked
        }).collect();
        if report["held"].as_array().unwrap().len() != want.as_array().unwrap().len() || &Value::from(got.clone()) != want {
            failures.push(format!("held: got {}, expected {want}", report["held"]));
        }
    }
    for (key, field) in [("assessment", "id"), ("sessions", "kind")] {
        if let Some(want) = expect.get(key) {
            let got: Vec<Value> = report[key].as_array().unwrap().iter().map(|a| a[field].clone()).collect();
            if &Value::from(got.clone()) != want {
                failures.push(format!("{key}: got {got:?}, expected {want}"));
            }
        }
    }
    for key in ["unknowns", "notes"] {
        if let Some(want) = expect.get(key) {
            let got = report[key].as_array().unwrap().len();
            if Some(got as u64) != want.as_u64() {
                failures.push(format!("{key}: got {got} ({}), expected {want}", report[key]));
            }
        }
    }
    for want in expect.get("deadlines").and_then(Value::as_array).into_iter().flatten() {
        let found = report["deadlines"].as_array().unwrap().iter()
            .any(|d| d["kind"] == want["kind"] && d["date"] == want["date"] && d["certainty"] == want["certainty"]);
        if !found {
            failures.push(format!("deadline {want} missing from {}", report["deadlines"]));
        }
    }
    for rule in expect.get("rules").and_then(Value::as_array).into_iter().flatten() {
        if !report["explanation"].as_array().unwrap().iter().any(|s| &s["rule"] == rule) {
            failures.push(format!("no explanation step for rule {rule}"));
        }
    }
    if failures.is_empty() { Ok(()) } else { Err(failures.join("\n    ")) }
}

#[test]
fn every_scenario_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    paths.sort();
    assert!(paths.len() >= 40, "the suite has {} scenarios, at least 40 expected", paths.len());
    let failures: Vec<String> = paths.iter().filter_map(|p| run(p).err().map(|e| {
        format!("{}\n    {e}", p.file_stem().unwrap().to_string_lossy())
    })).collect();
    assert!(failures.is_empty(), "{} of {} scenarios failed:\n{}", failures.len(), paths.len(), failures.join("\n"));
}
