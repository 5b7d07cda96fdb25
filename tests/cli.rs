//! The command line at its edges (issue 20): help on stdout with status 0, a reader that goes away
//! or a full disk never makes it panic, and nothing it prints carries a raw control character or
//! a bidirectional override, whatever the input or the title file held.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_tp-eligibility");

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = common::run_cli(args, stdin.as_bytes());
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn clean(text: &str) -> bool {
    !text.chars().any(|c| c != '\n' && tp_eligibility::title::forbidden(c))
}

#[test]
fn help_goes_to_stdout_with_status_0_and_a_usage_error_to_stderr_with_2() {
    for args in [&["--help"][..], &["-h"], &["import", "--help"], &["import", "-h"]] {
        let (code, out, err) = run(args, "");
        assert_eq!(code, 0, "{args:?}");
        assert!(
            out.starts_with("usage: tp-eligibility") && out.contains("import (--sources") && err.is_empty(),
            "{args:?}: {out}{err}"
        );
    }
    let (code, out, err) = run(&["--nope"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("usage: tp-eligibility"), "{err}");
}

#[test]
fn a_reader_that_goes_away_or_a_full_disk_never_makes_it_panic() {
    // `| head -c 1`: the pipe closes after one byte of a long report.
    let mut child = Command::new(BIN)
        .args(["--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(br#"{"asOf":"2026-11-27","path":"discontinuous","held":[{"ccp":"2022-CCP1","obtained":"2024-06-14"}]}"#).unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    // `> /dev/full`: a write error other than a closed pipe says so, status 2.
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let mut child =
            Command::new(BIN).stdin(Stdio::piped()).stdout(full).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(br#"{"asOf":"2026-11-27","path":"continuous"}"#).unwrap();
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("cannot write") && !err.contains("panicked"), "{err}");
    }
}

#[test]
fn no_line_it_prints_carries_a_control_character() {
    // A key with ESC and BEL, echoed in the error's words and its (field, code) line.
    let (code, out, err) =
        run(&[], r#"{"asOf":"2026-11-27","path":"continuous","\u001b[31mx\u0007\u202e":1}"#);
    assert_eq!(code, 2);
    assert!(out.is_empty() && clean(&err) && err.contains('\u{fffd}'), "{err:?}");
    // A title file whose texts hold control characters is refused, the field named.
    let dir = std::env::temp_dir().join(format!("tp-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut title: serde_json::Value =
        serde_json::from_str(tp_eligibility::title::DEFAULT_TITLE_JSON).unwrap();
    title["versions"][3]["ccps"][0]["name"]["en"] = "CCP \u{1b}]0;pwned\u{7} one".into();
    let file = dir.join("titles.json");
    std::fs::write(&file, serde_json::json!([title]).to_string()).unwrap();
    let (code, out, err) =
        run(&["--titles", file.to_str().unwrap()], r#"{"asOf":"2026-11-27","path":"continuous"}"#);
    assert_eq!(code, 2, "{out}");
    assert!(
        clean(&err) && err.contains("titles[0].versions[3].ccps[0].name.en") && err.contains("U+001B"),
        "{err:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
