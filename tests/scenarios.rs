//! The scenario suite: one legal case per file under tests/scenarios/, named as a sentence. Each
//! file holds a situation and the expected outcome; `titlePatch` replaces fields of the built-in
//! title data, top-level by name or anywhere by JSON pointer (`"/versions/3/end"`): integrator data
//! such as a closed title, a CCS, an equivalence; `titles` gives a whole title data set instead.
//!
//! Every scenario that expects a report asserts its `status`, its `certainty` and the `summary` a
//! person reads (`summary: {fr: [...], en: [...]}`: words the summary must contain, so that wrong
//! words with the right status fail). Other keys, each checked exactly when present: missing,
//! remaining, remainingKnown, held (ccp, status, countsAs, and `reason` words), assessment (ids),
//! sessions (kinds), unknowns and notes (counts), deadlines (each present: kind, date, certainty),
//! deadlineCounts ({kind: n}), otherRoutes ([{path, status}]), rules (each in the explanation),
//! explanation ({fr, en}: words some step must contain), summaryExcludes ({fr, en}: words the
//! summary must not contain), noteWords ({fr, en}: words some note must contain), notInReport
//! (words found nowhere in the report), snapshot; error
//! (field, code, and `message` words) expects an input error instead of a report.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{json, Value};
use std::path::Path;

/// The default title of the seed data, as JSON to patch.
fn builtin_title() -> Value {
    let aie = common::seed_titles().iter().find(|t| t.code == "TP-00523").unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated/TP-00523.json");
    let curated: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        curated["snapshot"],
        aie.snapshot.map(|d| d.to_string()).unwrap_or_default().as_str(),
        "the seed lays nothing over the curated file"
    );
    curated
}

fn contains_all(text: &Value, want: &Value) -> Option<String> {
    let text = text.as_str().unwrap_or_default();
    let missing: Vec<&str> =
        want.as_array()?.iter().filter_map(Value::as_str).filter(|w| !text.contains(w)).collect();
    (!missing.is_empty()).then(|| format!("{missing:?} not in \"{text}\""))
}

/// The keys a scenario and its `expect` may hold: any other is a typo that would assert nothing.
const SCENARIO_KEYS: &[&str] = &["situation", "expect", "titlePatch", "titles"];
const EXPECT_KEYS: &[&str] = &[
    "status",
    "certainty",
    "summary",
    "missing",
    "remaining",
    "remainingKnown",
    "held",
    "assessment",
    "sessions",
    "unknowns",
    "notes",
    "deadlines",
    "deadlineCounts",
    "otherRoutes",
    "rules",
    "explanation",
    "summaryExcludes",
    "notInReport",
    "snapshot",
    "error",
    "message",
    "noteWords",
];

fn unknown_keys(value: &Value, allowed: &[&str]) -> Vec<String> {
    value
        .as_object()
        .map_or_else(Vec::new, |o| o.keys().filter(|k| !allowed.contains(&k.as_str())).cloned().collect())
}

fn run(path: &Path) -> Result<(), String> {
    let scenario: Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).map_err(|e| e.to_string())?;
    let expect = &scenario["expect"];
    let typos: Vec<String> =
        unknown_keys(&scenario, SCENARIO_KEYS).into_iter().chain(unknown_keys(expect, EXPECT_KEYS)).collect();
    if !typos.is_empty() {
        return Err(format!("unknown keys {typos:?}: a typo would assert nothing (known: {SCENARIO_KEYS:?}, expect: {EXPECT_KEYS:?})"));
    }
    let situation = tp_eligibility::Situation::from_json(&scenario["situation"].to_string());
    let result = situation.and_then(|s| match (scenario.get("titlePatch"), scenario.get("titles")) {
        (Some(patch), _) => {
            let mut title = builtin_title();
            for (k, v) in patch.as_object().unwrap() {
                match k.strip_prefix('/') {
                    Some(_) => {
                        *title.pointer_mut(k).unwrap_or_else(|| panic!("no {k} in the title data")) =
                            v.clone()
                    }
                    None => title[k] = v.clone(),
                }
            }
            let titles = tp_eligibility::titles_from_json(&json!([title]).to_string())?;
            tp_eligibility::evaluate_with(&s, &titles)
        }
        (None, Some(titles)) => {
            let titles = tp_eligibility::titles_from_json(&titles.to_string())?;
            tp_eligibility::evaluate_with(&s, &titles)
        }
        // The seed data (not a refresh's): tests/common, `seed_titles`.
        (None, None) => {
            tp_eligibility::evaluate_under(&s, common::seed_titles(), &tp_eligibility::rules::LAW)
        }
    });
    let report = match (result, expect.get("error")) {
        (Err(e), Some(want)) => {
            let got = json!({"field": e.field, "code": e.code.as_str()});
            if &got != want {
                return Err(format!("error {got}, expected {want}"));
            }
            if e.fr().is_empty() || e.en().is_empty() || e.fr() == e.en() {
                return Err(format!("error message not bilingual: {e:?}"));
            }
            for (lang, text) in [("fr", &e.fr()), ("en", &e.en())] {
                if let Some(m) =
                    expect.get("message").and_then(|m| contains_all(&Value::from(text.as_str()), &m[lang]))
                {
                    return Err(format!("error message ({lang}): {m}"));
                }
            }
            return Ok(());
        }
        (Err(e), None) => return Err(format!("unexpected error {e:?}")),
        (Ok(_), Some(want)) => return Err(format!("expected error {want}, got a report")),
        (Ok(r), None) => {
            tp_eligibility::report::check_invariants(&r);
            serde_json::from_str::<Value>(&tp_eligibility::json::compact(&r)).unwrap()
        }
    };
    let mut failures = Vec::new();
    for key in ["status", "certainty", "summary"] {
        if expect.get(key).is_none() {
            failures.push(format!("the scenario must assert {key}"));
        }
    }
    for key in ["status", "certainty", "missing", "remaining", "remainingKnown"] {
        if let Some(want) = expect.get(key) {
            if &report[key] != want {
                failures.push(format!("{key}: got {}, expected {want}", report[key]));
            }
        }
    }
    if let Some(want) = expect.get("summary") {
        for lang in ["fr", "en"] {
            if want[lang].as_array().is_none_or(|w| w.is_empty()) {
                failures.push(format!("summary.{lang}: give the words the summary must contain"));
            } else if let Some(m) = contains_all(&report["summary"][lang], &want[lang]) {
                failures.push(format!("summary.{lang}: {m}"));
            }
        }
    }
    if let Some(want) = expect.get("held") {
        let got = report["held"].as_array().unwrap();
        let want = want.as_array().unwrap();
        if got.len() != want.len() {
            failures.push(format!("held: got {} CCPs, expected {}", got.len(), want.len()));
        }
        for (g, w) in got.iter().zip(want) {
            for (k, v) in w.as_object().unwrap() {
                if k == "reason" {
                    for lang in ["fr", "en"] {
                        if let Some(m) = contains_all(&g["reason"][lang], &v[lang]) {
                            failures.push(format!("held {} reason.{lang}: {m}", g["ccp"]));
                        }
                    }
                } else if &g[k] != v {
                    failures.push(format!("held {} {k}: got {}, expected {v}", g["ccp"], g[k]));
                }
            }
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
        let found = report["deadlines"].as_array().unwrap().iter().any(|d| {
            d["kind"] == want["kind"] && d["date"] == want["date"] && d["certainty"] == want["certainty"]
        });
        if !found {
            failures.push(format!("deadline {want} missing from {}", report["deadlines"]));
        }
    }
    for (kind, n) in expect.get("deadlineCounts").and_then(Value::as_object).into_iter().flatten() {
        let got =
            report["deadlines"].as_array().unwrap().iter().filter(|d| d["kind"] == kind.as_str()).count();
        if Some(got as u64) != n.as_u64() {
            failures.push(format!("{got} deadlines {kind}, expected {n}: {}", report["deadlines"]));
        }
    }
    for want in expect.get("otherRoutes").and_then(Value::as_array).into_iter().flatten() {
        let found = report["otherRoutes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["path"] == want["path"] && r["status"] == want["status"]);
        if !found {
            failures.push(format!("other route {want} missing from {}", report["otherRoutes"]));
        }
    }
    if let Some(want) = expect.get("explanation") {
        for lang in ["fr", "en"] {
            let all: Vec<&str> =
                report["explanation"].as_array().unwrap().iter().filter_map(|s| s[lang].as_str()).collect();
            if let Some(m) = contains_all(&Value::from(all.join(" ")), &want[lang]) {
                failures.push(format!("explanation.{lang}: {m}"));
            }
        }
    }
    if let Some(banned) = expect.get("summaryExcludes") {
        for lang in ["fr", "en"] {
            for word in banned[lang].as_array().into_iter().flatten().filter_map(Value::as_str) {
                if report["summary"][lang].as_str().unwrap_or_default().contains(word) {
                    failures.push(format!("summary.{lang} must not contain \"{word}\""));
                }
            }
        }
    }
    if let Some(want) = expect.get("noteWords") {
        for lang in ["fr", "en"] {
            let all: Vec<&str> =
                report["notes"].as_array().unwrap().iter().filter_map(|n| n[lang].as_str()).collect();
            if let Some(m) = contains_all(&Value::from(all.join(" ")), &want[lang]) {
                failures.push(format!("notes.{lang}: {m}"));
            }
        }
    }
    let text = report.to_string();
    for word in
        expect.get("notInReport").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
    {
        if text.contains(word) {
            failures.push(format!("\"{word}\" must appear nowhere in the report"));
        }
    }
    if let Some(want) = expect.get("snapshot") {
        if &report["snapshot"] != want {
            failures.push(format!("snapshot: got {}, expected {want}", report["snapshot"]));
        }
    }
    for rule in expect.get("rules").and_then(Value::as_array).into_iter().flatten() {
        if !report["explanation"].as_array().unwrap().iter().any(|s| &s["rule"] == rule) {
            failures.push(format!("no explanation step for rule {rule}"));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n    "))
    }
}

#[test]
fn every_scenario_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 95, "the suite has {} scenarios, at least 95 expected", paths.len());
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            run(p).err().map(|e| format!("{}\n    {e}", p.file_stem().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

#[test]
fn a_typo_in_expect_is_refused_not_ignored() {
    let dir = std::env::temp_dir().join(format!("tp-scenario-typo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("typo.json");
    std::fs::write(&path, r#"{"situation":{"asOf":"2026-11-27","path":"continuous"},
        "expect":{"status":"undetermined","certainty":"unknown","summary":{"fr":["formation"],"en":["training"]},"stauts":"eligible"}}"#).unwrap();
    let err = run(&path).expect_err("an unknown key fails the scenario");
    assert!(err.contains("stauts"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
