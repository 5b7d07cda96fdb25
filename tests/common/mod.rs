//! Shared by the bad-input tests (native, CLI, wasm): turns a catalogue entry into the text sent.

use serde_json::Value;

/// The JSON text of a bad-input case, with its generated parts expanded (thousands of held CCPs,
/// deep nesting, a megabyte of text) so that the catalogue file stays small.
pub fn case_text(case: &Value) -> String {
    if let Some(raw) = case["raw"].as_str() {
        return raw.to_string();
    }
    let mut input = case["input"].clone();
    if let Some(n) = case["repeatHeld"].as_u64() {
        let held = serde_json::json!({"ccp": "2022-CCP1", "obtained": "2024-01-10"});
        input["held"] = Value::from(vec![held; n as usize]);
    }
    if let Some(n) = case["repeatNumbers"].as_u64() {
        input["held"] = Value::from(vec![0; n as usize]);
    }
    let mut text = input.to_string();
    if let Some(n) = case["longTitle"].as_u64() {
        text = text.replace("__LONG__", &"A".repeat(n as usize));
    }
    if let Some(n) = case["longKey"].as_u64() {
        text = text.replace("__LONGKEY__", &"k".repeat(n as usize));
    }
    if let Some(n) = case["nestHeld"].as_u64().or(case["nestField"].as_u64()) {
        let n = n as usize;
        text = text.replace("\"__NEST__\"", &format!("{}1{}", "[".repeat(n), "]".repeat(n)));
    }
    text
}

pub fn cases() -> Vec<Value> {
    serde_json::from_str(include_str!("../data/bad-inputs.json")).unwrap()
}
