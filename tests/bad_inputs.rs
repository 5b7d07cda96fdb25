//! The bad-input catalogue (tests/data/bad-inputs.json) through the native API and the command
//! line: each malformed situation gets the documented error, naming the field, in French and
//! English; nothing panics; the CLI exits with status 2 and the error on stderr.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn every_bad_input_gets_its_error_through_the_native_api() {
    let cases = common::cases();
    assert!(cases.len() >= 60, "{} bad inputs", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let text = common::case_text(case);
        let result = std::panic::catch_unwind(|| {
            tp_eligibility::Situation::from_json(&text).and_then(|s| tp_eligibility::evaluate(&s))
        });
        let name = case["name"].as_str().unwrap();
        match result {
            Err(_) => failures.push(format!("{name}: panicked")),
            Ok(Ok(_)) => failures.push(format!("{name}: accepted")),
            Ok(Err(e)) => {
                let code = e.code.as_str();
                if e.field != case["field"] || code != case["code"] {
                    failures.push(format!(
                        "{name}: got ({}, {code}), expected ({}, {})",
                        e.field, case["field"], case["code"]
                    ));
                }
                if e.fr().is_empty()
                    || e.en().is_empty()
                    || e.fr() == e.en()
                    || e.fr().len() > 400
                    || e.en().len() > 400
                {
                    failures.push(format!(
                        "{name}: messages not bilingual or too long: {} / {}",
                        e.fr().len(),
                        e.en().len()
                    ));
                }
                if e.fr()
                    .chars()
                    .chain(e.en().chars())
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))
                {
                    failures.push(format!("{name}: a control character is echoed: {:?}", e.en()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_bad_input_gets_exit_status_2_from_the_command_line() {
    for case in common::cases() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tp-eligibility"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(common::case_text(&case).as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let name = case["name"].as_str().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(&format!(
                "(field: {}, code: {})",
                case["field"].as_str().unwrap(),
                case["code"].as_str().unwrap()
            )),
            "{name}: {stderr}"
        );
        assert!(
            !stderr.trim_end().chars().any(|c| c.is_control() && c != '\n'),
            "{name}: a control character reaches the terminal: {stderr:?}"
        );
        assert!(stderr.len() < 2000, "{name}: {} bytes on stderr", stderr.len());
        assert!(stderr.contains("erreur :") && stderr.contains("error:"), "{name}: bilingual");
    }
}

#[test]
fn the_command_line_prints_a_report_with_status_0() {
    let out = Command::new(env!("CARGO_BIN_EXE_tp-eligibility"))
        .args(["--lang", "en", concat!(env!("CARGO_MANIFEST_DIR"), "/examples/q4-ccp-from-2012.json")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("NO ANSWER YET") && text.contains("2011-CCP2"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_tp-eligibility"))
        .args(["--json", concat!(env!("CARGO_MANIFEST_DIR"), "/examples/q6-holder-specialisation.json")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["status"], "notEligible");
}

#[test]
fn any_argument_or_input_gives_exit_status_0_or_2_never_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let run = |args: &[&std::ffi::OsStr], input: &[u8]| common::run_cli(args, input);
    // An argument that is not UTF-8.
    let out = run(&[std::ffi::OsStr::from_bytes(b"--lang\xff")], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unreadable argument"));
    // Input larger than the limit: refused without reading it all.
    let big = vec![b' '; tp_eligibility::limits::MAX_INPUT_BYTES + 10];
    let out = run(&[], &big);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("code: tooMany"));
    // Bytes that are not UTF-8.
    let out = run(&[], b"{\"asOf\":\"2026-11-27\",\"path\":\"v\xe9\"}");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
    // A byte order mark is accepted.
    let out = run(&[], "\u{feff}{\"asOf\":\"2026-11-27\",\"path\":\"vae\"}".as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // An unknown argument with escape sequences is echoed harmlessly.
    let out = run(&[std::ffi::OsStr::new("--\u{1b}[2Jx")], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
}
