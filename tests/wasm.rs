//! The exported WebAssembly API, run in Node by `wasm-pack test --node`: situations as JS
//! objects in, reports read back as plain objects (no Map, null for absent values) and compared
//! with the core's own writer (texts as message data: the wasm carries no prose); invalid input
//! throws a JS Error carrying `field`, `code` and its message as data, and the instance keeps
//! working after every error.

#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Reflect, JSON};
use serde_json::Value;
use tp_eligibility::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

macro_rules! scenario {
    ($name:literal) => {
        ($name, include_str!(concat!("scenarios/", $name, ".json")))
    };
}

const SCENARIOS: &[(&str, &str)] = &[
    scenario!("a-coherent-training-course-gives-access-to-a-session-titre"),
    scenario!("without-knowing-whether-the-training-is-coherent-we-cannot-tell"),
    scenario!("a-failed-candidate-may-sit-again-without-training-within-one-year"),
    scenario!("before-the-title-was-created-there-is-no-session-titre"),
    scenario!("two-years-of-related-experience-allow-VAE-since-the-2024-reform"),
    scenario!("a-lapsed-2023-admissibility-needs-a-new-application"),
    scenario!("after-the-reform-an-admissibility-is-taken-as-valid-one-year-as-an-estimate"),
    scenario!("two-2022-CCPs-leave-the-third-until-the-end-of-registration"),
    scenario!("a-2003-unit-2-without-unit-4-gives-no-2011-CCP"),
    scenario!("a-CCP-obtained-in-2012-is-uncertain-today"),
    scenario!("the-title-has-no-CCS-in-our-data"),
    scenario!("on-8-January-2028-the-day-after-the-registration-we-cannot-tell"),
    scenario!("a-no-by-the-training-route-says-which-other-route-is-open"),
];

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn back(value: &JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(value).unwrap())).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn reports_match_the_native_core_as_plain_objects() {
    for (name, text) in SCENARIOS {
        let scenario: Value = serde_json::from_str(text).unwrap();
        let situation = scenario["situation"].to_string();
        let report = wasm::evaluate(js(&situation), None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let native =
            tp_eligibility::evaluate(&tp_eligibility::Situation::from_json(&situation).unwrap()).unwrap();
        assert_eq!(
            back(&report),
            serde_json::from_str::<Value>(&tp_eligibility::json::compact(&native)).unwrap(),
            "{name}"
        );
        assert_eq!(back(&report)["status"], scenario["expect"]["status"], "{name}");
        // Plain objects, not Maps: JSON.stringify would have dropped a Map's entries.
        assert!(
            js_sys::Object::get_prototype_of(&get(&report, "summary"))
                == js_sys::Object::get_prototype_of(&js_sys::Object::new().into())
        );
    }
}

#[wasm_bindgen_test]
fn absent_values_are_null_not_undefined() {
    let before =
        wasm::evaluate(js(r#"{"asOf":"2003-06-01","path":"continuous","training":{"coherent":true}}"#), None)
            .unwrap();
    assert!(get(&before, "version").is_null() && get(&before, "document").is_null());
    let report =
        wasm::evaluate(js(r#"{"asOf":"2004-06-01","path":"continuous","training":{"coherent":true}}"#), None)
            .unwrap();
    let deadline = js_sys::Array::from(&get(&report, "deadlines")).get(0);
    assert!(get(&deadline, "condition").is_null());
}

#[wasm_bindgen_test]
fn invalid_input_throws_an_error_with_field_and_code_and_the_instance_keeps_working() {
    let cases = [
        (r#"{"asOf":"2023-02-30","path":"vae"}"#, "asOf", "invalidDate"),
        (
            r#"{"asOf":"2026-11-27","path":"vae","experience":{"months":"two"}}"#,
            "experience.months",
            "invalidType",
        ),
        (
            r#"{"asOf":"2026-11-27","path":"discontinuous","held":[{"ccp":"nope","obtained":"2024-01-01"}]}"#,
            "held[0].ccp",
            "unknownCcp",
        ),
        (
            r#"{"asOf":"2026-11-27","path":"discontinuous","held":[{"ccp":"2022-CCP1","obtained":"2027-01-01"}]}"#,
            "held[0].obtained",
            "afterAsOf",
        ),
        (r#"{"asOf":"2001-01-01","path":"vae"}"#, "asOf", "outOfCoverage"),
        (r#"{"asOf":"2026-11-27","path":"train"}"#, "path", "unknownValue"),
        (r#"{"path":"vae"}"#, "asOf", "required"),
        (r#"[1, 2]"#, "", "invalidType"),
    ];
    for (input, field, code) in cases {
        let error = wasm::evaluate(js(input), None).expect_err(input);
        assert!(error.is_instance_of::<js_sys::Error>(), "{input}: a real Error");
        assert_eq!(get(&error, "field").as_string().as_deref(), Some(field), "{input}");
        assert_eq!(get(&error, "code").as_string().as_deref(), Some(code), "{input}");
        // The message as data (`[n, args…]`, n the message's place among the catalogue's sorted
        // ids), put in words by www/messages.js: "<the field in words> : <what is wrong>".
        let message = back(&get(&error, "m"));
        assert!(message[0].is_u64(), "{input}: {message}");
        if !field.is_empty() {
            let labelled = u64::from(tp_eligibility::text::msg::ERROR_LABELLED.0);
            assert_eq!(message[0].as_u64(), Some(labelled), "{input}: {message}");
        }
        let ok = wasm::evaluate(js(r#"{"asOf":"2026-11-27","path":"vae"}"#), None).expect("still working");
        assert_eq!(get(&ok, "status").as_string().as_deref(), Some("undetermined"));
    }
    // NaN and undefined from JavaScript.
    let situation = js(r#"{"asOf":"2026-11-27","path":"vae","experience":{"related":true}}"#);
    Reflect::set(&get(&situation, "experience"), &"months".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let error = wasm::evaluate(situation, None).unwrap_err();
    assert_eq!(get(&error, "field").as_string().as_deref(), Some("experience.months"));
}

#[wasm_bindgen_test]
fn a_not_eligible_answer_is_data() {
    let report =
        wasm::evaluate(js(r#"{"asOf":"2026-11-27","path":"vae","experience":{"related":false}}"#), None)
            .unwrap();
    assert_eq!(get(&report, "status").as_string().as_deref(), Some("notEligible"));
}

#[wasm_bindgen_test]
fn integrator_title_data_is_used_and_validated() {
    let mut title: Value = serde_json::from_str(tp_eligibility::title::DEFAULT_TITLE_JSON).unwrap();
    title["afterRegistrationEnd"] = "closed".into();
    let titles = js(&Value::from(vec![title.clone()]).to_string());
    let situation = r#"{"asOf":"2028-06-10","path":"discontinuous","held":[{"ccp":"2022-CCP1","obtained":"2024-06-14"}]}"#;
    let report = wasm::evaluate(js(situation), Some(titles)).unwrap();
    assert_eq!(back(&report)["data"], "integrator");
    assert_eq!(back(&report)["status"], "eligible");
    title["versions"][1]["correspondence"]["rows"][1]["to"][0] = "2011-CCP9".into();
    let error = wasm::evaluate(js(situation), Some(js(&Value::from(vec![title]).to_string()))).unwrap_err();
    assert_eq!(
        get(&error, "field").as_string().as_deref(),
        Some("titles[0].versions[1].correspondence.rows[1].to[0]")
    );
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("invalidTitleData"));
}

#[wasm_bindgen_test]
fn the_catalog_lists_versions_and_ccps_in_both_languages() {
    let catalog = back(&wasm::catalog().unwrap());
    let title = &catalog["titles"][0];
    assert_eq!(title["code"], "TP-00523");
    assert_eq!(title["versions"].as_array().unwrap().len(), 4);
    let ccp = &title["versions"][3]["ccps"][0];
    assert_eq!(ccp["id"], "2022-CCP1");
    assert!(ccp["name"]["fr"].as_str().unwrap().starts_with("Administrer"));
    assert!(!ccp["name"]["en"].as_str().unwrap().is_empty());
}

#[wasm_bindgen_test]
fn the_bad_input_catalogue_throws_its_errors_and_the_instance_survives_each() {
    let mut tried = 0;
    for case in common::cases() {
        let name = case["name"].as_str().unwrap();
        if case.get("wasmSkip").is_some() {
            continue;
        }
        // Text that is not JSON never becomes a JS value: JSON.parse refuses it first.
        let Ok(value) = JSON::parse(&common::case_text(&case)) else { continue };
        let field = case.get("wasmField").unwrap_or(&case["field"]).as_str().unwrap().to_string();
        let code = case.get("wasmCode").unwrap_or(&case["code"]).as_str().unwrap().to_string();
        let error = wasm::evaluate(value, None).expect_err(name);
        assert!(error.is_instance_of::<js_sys::Error>(), "{name}");
        assert_eq!(get(&error, "field").as_string(), Some(field), "{name}");
        assert_eq!(get(&error, "code").as_string(), Some(code), "{name}");
        let ok = wasm::evaluate(
            js(r#"{"asOf":"2026-11-27","path":"continuous","training":{"coherent":true}}"#),
            None,
        );
        assert_eq!(get(&ok.expect(name), "status").as_string().as_deref(), Some("eligible"), "{name}");
        tried += 1;
    }
    assert!(tried >= 60, "{tried} bad inputs tried through wasm");
    // Values JSON cannot carry.
    for (months, field) in [
        (JsValue::from_f64(f64::NAN), "experience.months"),
        (JsValue::from_f64(f64::INFINITY), "experience.months"),
    ] {
        let situation = js(r#"{"asOf":"2026-11-27","path":"vae","experience":{}}"#);
        Reflect::set(&get(&situation, "experience"), &"months".into(), &months).unwrap();
        let error = wasm::evaluate(situation, None).unwrap_err();
        assert_eq!(get(&error, "field").as_string().as_deref(), Some(field));
    }
    let situation = js(r#"{"asOf":"2026-11-27","path":"vae"}"#);
    Reflect::set(&situation, &"training".into(), &JsValue::UNDEFINED).unwrap();
    assert!(wasm::evaluate(situation, None).is_ok(), "undefined is an absent value");
}
