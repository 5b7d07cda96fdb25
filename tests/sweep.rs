//! A sweep of evaluation dates from 2002-12-14 to 2035, every route and several situations: no
//! panic, no error on valid input, a period of every dated parameter on every date, and the
//! report's invariants of `report::check_invariants`; then every day around each boundary.

#![cfg(not(target_arch = "wasm32"))]

use tp_eligibility::{evaluate, rules, Date, Situation};

fn situations(as_of: Date) -> Vec<String> {
    let d = as_of.to_string();
    let mut out = vec![
        format!(r#"{{"asOf":"{d}","path":"continuous"}}"#),
        format!(r#"{{"asOf":"{d}","path":"continuous","training":{{"coherent":true}}}}"#),
        format!(r#"{{"asOf":"{d}","path":"continuous","lastSession":{{"date":"{d}","outcome":"absent"}}}}"#),
        format!(r#"{{"asOf":"{d}","path":"vae","experience":{{"months":14,"related":true}}}}"#),
        format!(
            r#"{{"asOf":"{d}","path":"vae","experience":{{"hours":2000,"related":true}},"vae":{{"applied":"{d}","admissible":"{d}"}}}}"#
        ),
        format!(r#"{{"asOf":"{d}","path":"discontinuous"}}"#),
        format!(
            r#"{{"asOf":"{d}","path":"continuous","lastSession":{{"date":"{d}","outcome":"failed","newTraining":false}}}}"#
        ),
        format!(
            r#"{{"asOf":"{d}","path":"vae","experience":{{"months":3,"related":true}},"vae":{{"admissible":"{d}"}}}}"#
        ),
    ];
    // A holder of the title, once the title exists.
    if as_of >= Date::ymd(2003, 12, 24) {
        out.push(format!(
            r#"{{"asOf":"{d}","path":"ccs","titleObtained":"{d}","experience":{{"months":40}}}}"#
        ));
    }
    // Held CCPs of every version whose window contains the date.
    let t = &tp_eligibility::title::builtin()[0];
    for (i, v) in t.versions.iter().enumerate() {
        let start_ok = v.start.earliest().is_none_or(|s| s <= as_of);
        let end_ok = i + 1 == t.versions.len() || t.version_end(i).latest().is_none_or(|e| as_of <= e);
        if start_ok && end_ok {
            let held: Vec<String> =
                v.ccps.iter().map(|c| format!(r#"{{"ccp":"{}","obtained":"{d}"}}"#, c.id)).collect();
            out.push(format!(r#"{{"asOf":"{d}","path":"discontinuous","held":[{}]}}"#, held.join(",")));
        }
    }
    out
}

/// The dates on which something changes: the first day of every period of every dated parameter
/// (`rules::LAW.tables()`, the one list of tables) and of the built-in title's dated facts, each
/// with the day before; the end of the closure year after the last registration; a 29 February.
fn boundaries() -> Vec<Date> {
    let mut days: Vec<Date> =
        rules::LAW.tables().iter().flat_map(|t| t.periods.iter().map(|p| p.0)).collect();
    let t = &tp_eligibility::title::builtin()[0];
    for (i, v) in t.versions.iter().enumerate() {
        let end = t.version_end(i);
        days.extend(
            [v.start.date, v.start.not_before, v.start.not_after, end.date, end.not_before, end.not_after]
                .into_iter()
                .flatten(),
        );
        days.extend(end.date.map(|d| d.plus_years(1)));
    }
    days.push(Date::ymd(2024, 2, 29));
    let mut out: Vec<Date> =
        days.iter().flat_map(|&d| [d.pred(), d, d.succ()]).filter(|&d| d >= rules::coverage::START).collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_date_and_route_evaluates_without_panic() {
    let mut date = rules::coverage::START;
    let end = Date::ymd(2035, 12, 31);
    let mut count = 0;
    let tables = rules::LAW.tables();
    while date <= end {
        for table in &tables {
            assert!(
                table.periods.iter().any(|p| p.0 <= date),
                "no period of {} ({}) applies on {date}",
                table.name,
                table.rule
            );
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
    let boundaries = boundaries();
    for must in [
        "2016-05-31",
        "2016-06-01",
        "2016-07-13",
        "2016-07-14",
        "2019-11-03",
        "2019-11-04",
        "2023-01-07",
        "2023-01-08",
        "2029-01-07",
        "2029-01-08",
    ] {
        assert!(boundaries.contains(&Date::parse(must).unwrap()), "{must} is a boundary");
    }
    for day in boundaries {
        for text in situations(day) {
            let report =
                evaluate(&Situation::from_json(&text).unwrap()).unwrap_or_else(|e| panic!("{text}: {e}"));
            tp_eligibility::report::check_invariants(&report);
            count += 1;
        }
    }
    assert!(count > 15_000, "{count} evaluations");
}

/// Every title of the register on every route, on dates around its data: the report's invariants
/// hold (a "cannot tell" always says why; an audit found an empty summary for a CCS on a register
/// title), and no input built from the data itself is refused.
#[test]
fn every_register_title_on_every_route_keeps_the_invariants() {
    let mut count = 0;
    for title in tp_eligibility::title::registry() {
        let code = &title.code;
        for day in ["2016-01-01", "2020-06-01", "2024-12-01", "2025-02-01", "2026-12-06", "2031-06-01"] {
            let mut texts = vec![
                format!(
                    r#"{{"asOf":"{day}","path":"continuous","title":"{code}","training":{{"coherent":true}}}}"#
                ),
                format!(
                    r#"{{"asOf":"{day}","path":"continuous","title":"{code}","training":{{"coherent":true}},"lastSession":{{"date":"{day}","outcome":"failed"}}}}"#
                ),
                format!(
                    r#"{{"asOf":"{day}","path":"vae","title":"{code}","experience":{{"months":14,"related":true}}}}"#
                ),
                format!(
                    r#"{{"asOf":"{day}","path":"ccs","title":"{code}","titleObtained":"{day}","experience":{{"months":14}}}}"#
                ),
                format!(
                    r#"{{"asOf":"{day}","path":"discontinuous","title":"{code}","training":{{"coherent":true}}}}"#
                ),
            ];
            // One CCP of each version, obtained on the day it may first have been in force.
            for v in &title.versions {
                let Some(obtained) =
                    v.start.earliest().or(v.start.latest()).filter(|d| d.to_string().as_str() <= day)
                else {
                    continue;
                };
                texts.push(format!(r#"{{"asOf":"{day}","path":"discontinuous","title":"{code}","held":[{{"ccp":"{}","obtained":"{obtained}"}}]}}"#, v.ccps[0].id));
            }
            for text in texts {
                let situation = Situation::from_json(&text).unwrap();
                match evaluate(&situation) {
                    Ok(report) => tp_eligibility::report::check_invariants(&report),
                    Err(e) => assert!(
                        matches!(
                            e.code,
                            tp_eligibility::ErrorCode::BeforeTitle
                                | tp_eligibility::ErrorCode::OutsideVersion
                        ),
                        "{text}: {e}"
                    ),
                }
                count += 1;
            }
        }
    }
    assert!(count > 9_000, "{count} evaluations");
}
