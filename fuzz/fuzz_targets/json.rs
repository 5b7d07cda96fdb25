//! Any text through the JSON entry point: an error or a report, never a panic; and a report keeps
//! its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(situation) = tp_eligibility::Situation::from_json(text) {
        if let Ok(report) = tp_eligibility::evaluate(&situation) {
            tp_eligibility::report::check_invariants(&report);
        }
    }
});
