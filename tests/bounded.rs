//! Evaluation stays bounded by the data (issue 20): the worst title data within the documented
//! limits (benches/worst.rs) is read, validated and evaluated on every route, the reports keep
//! their invariants, and a sentence lists a handful of names, then "… and N more". How long it
//! takes against a normal situation is measured by `make bench`, not here.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../benches/worst.rs"]
mod worst;

#[test]
fn the_worst_title_within_the_limits_is_evaluated_with_short_sentences() {
    let title = worst::title(worst::VERSIONS, 24);
    let text = serde_json::json!([title]).to_string();
    assert!(
        text.len() < tp_eligibility::limits::MAX_INPUT_BYTES,
        "{} bytes: within the command line's limit",
        text.len()
    );
    let titles = tp_eligibility::titles_from_json(&text).unwrap();
    tp_eligibility::title::validate(&titles, "titles").unwrap();
    for path in ["discontinuous", "continuous", "vae", "ccs"] {
        let mut s = worst::situation(64, 24);
        s["path"] = path.into();
        let situation = tp_eligibility::Situation::from_json(&s.to_string()).unwrap();
        let report = tp_eligibility::evaluate_with(&situation, &titles).unwrap();
        tp_eligibility::report::check_invariants(&report);
        let written = tp_eligibility::json::compact(&report);
        assert!(written.len() < 2_000_000, "{path}: a report of {} bytes", written.len());
        if path == "discontinuous" {
            assert_eq!(report.held.len(), 64);
            let reason = report.held[0].reason.en();
            assert!(reason.contains("… and 131 more"), "{reason}");
        }
    }
}
