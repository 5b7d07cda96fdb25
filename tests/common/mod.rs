//! Shared by the tests (native, CLI, wasm): turns a bad-input catalogue entry into the text sent,
//! runs the command line, gives the seed title data.
#![allow(dead_code)] // each test uses some of these helpers

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

/// The title data the committed seed sources give (data/sources.json as it stands in the
/// repository, without the export of a refresh): the legal scenarios and the snapshots are pinned
/// to it, so that a data refresh (`make data-refresh`) changes the data, not the tests' facts.
#[cfg(not(target_arch = "wasm32"))]
pub fn seed_titles() -> &'static [tp_eligibility::Title] {
    static TITLES: std::sync::OnceLock<Vec<tp_eligibility::Title>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| {
        let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sources.json");
        let input = tp_eligibility::import::Input::from_sources(&sources).unwrap();
        let output = tp_eligibility::import::import(&input).unwrap();
        // The default title first, as in the built-in registry.
        let mut files: Vec<&String> = output
            .files
            .iter()
            .filter(|(name, _)| name.as_str() != "index.json")
            .map(|(_, text)| text)
            .collect();
        files.sort_by_key(|text| !text.contains("\"code\": \"TP-00523\""));
        let all = format!("[{}]", files.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(","));
        let titles = tp_eligibility::titles_from_json(&all).unwrap();
        tp_eligibility::title::validate(&titles, "titles").unwrap();
        titles
    })
}

/// The command line run with `args`, `input` on its standard input, its output collected. The input
/// is written from a thread, so that a large input and a large output never wait on each other;
/// whether the command line read it all is not checked (it may refuse early).
#[cfg(not(target_arch = "wasm32"))]
pub fn run_cli<S: AsRef<std::ffi::OsStr>>(args: &[S], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tp-eligibility"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}
