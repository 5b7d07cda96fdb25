//! A sweep of evaluation dates from 2002-12-14 to 2035, every route and several situations: no
//! panic, no error on valid input, a rule window for every rule on every date, and the report's
//! invariants of `report::check_invariants`.

#![cfg(not(target_arch = "wasm32"))]

use tp_eligibility::{evaluate, rules, Date, Situation};

fn situations(as_of: Date) -> Vec<String> {
    let d = as_of.to_string();
    let mut out = vec![
        format!(r#"{{"asOf":"{d}","path":"continuous"}}"#),
        format!(r#"{{"asOf":"{d}","path":"continuous","training":{{"coherent":true}}}}"#),
        format!(r#"{{"asOf":"{d}","path":"continuous","lastSession":{{"date":"{d}","outcome":"absent"}}}}"#),
        format!(r#"{{"asOf":"{d}","path":"vae","experience":{{"months":14,"related":true}}}}"#),
        format!(r#"{{"asOf":"{d}","path":"vae","experience":{{"hours":2000,"related":true}},"vae":{{"applied":"{d}","admissible":"{d}"}}}}"#),
        format!(r#"{{"asOf":"{d}","path":"discontinuous"}}"#),
        format!(r#"{{"asOf":"{d}","path":"continuous","lastSession":{{"date":"{d}","outcome":"failed","newTraining":false}}}}"#),
        format!(r#"{{"asOf":"{d}","path":"vae","experience":{{"months":3,"related":true}},"vae":{{"admissible":"{d}"}}}}"#),
    ];
    // A holder of the title, once the title exists.
    if as_of >= Date::ymd(2003, 12, 24) {
        out.push(format!(r#"{{"asOf":"{d}","path":"ccs","titleObtained":"{d}","experience":{{"months":40}}}}"#));
    }
    // Held CCPs of every version whose window contains the date.
    let t = &tp_eligibility::title::builtin()[0];
    for (i, v) in t.versions.iter().enumerate() {
        let start_ok = v.start.earliest().is_none_or(|s| s <= as_of);
        let end_ok = i + 1 == t.versions.len() || t.version_end(i).latest().is_none_or(|e| as_of <= e);
        if start_ok && end_ok {
            let held: Vec<String> = v.ccps.iter().map(|c| format!(r#"{{"ccp":"{}","obtained":"{d}"}}"#, c.id)).collect();
            out.push(format!(r#"{{"asOf":"{d}","path":"discontinuous","held":[{}]}}"#, held.join(",")));
        }
    }
    out
}

#[test]
fn every_date_and_route_evaluates_without_panic() {
    let mut date = rules::coverage::START;
    let end = Date::ymd(2035, 12, 31);
    let mut count = 0;
    while date <= end {
        for rule in rules::RULES {
            assert!((rule.windows)().iter().any(|&from| from <= date), "no window of {} applies on {date}", rule.id);
        }
        for text in situations(date) {
            let situation = Situation::from_json(&text).unwrap();
            let report = evaluate(&situation).unwrap_or_else(|e| panic!("{text}: {e}"));
            count += 1;
            tp_eligibility::report::check_invariants(&report);
        }
        // Every 5 days, plus the exact boundaries below.
        for _ in 0..5 {
            date = date.succ();
        }
    }
    for boundary in ["2003-12-23", "2003-12-24", "2011-01-05", "2011-01-06", "2016-01-05", "2016-01-06", "2016-05-31",
                     "2016-06-01", "2016-07-13", "2016-07-14", "2016-08-09", "2016-08-10", "2016-12-31", "2017-01-01",
                     "2017-09-30", "2017-10-01", "2019-11-03", "2019-11-04", "2022-07-12", "2022-07-13", "2023-12-31",
                     "2024-01-01", "2024-02-29", "2022-07-14", "2023-01-06", "2023-01-07", "2023-01-08", "2006-12-31", "2007-01-01",
                     "2028-01-07", "2028-01-08", "2029-01-07", "2029-01-08"] {
        for text in situations(Date::parse(boundary).unwrap()) {
            let report = evaluate(&Situation::from_json(&text).unwrap()).unwrap_or_else(|e| panic!("{text}: {e}"));
            tp_eligibility::report::check_invariants(&report);
            count += 1;
        }
    }
    assert!(count > 15_000, "{count} evaluations");
}
