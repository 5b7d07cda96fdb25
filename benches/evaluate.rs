//! Native evaluation speed, for `make bench` (tools/bench.mjs): builds a fixed mix of at least
//! 1,000 varied situations from the scenario suite (default title) (each valid situation at 20 evaluation dates),
//! writes it to target/bench-mix.json for the wasm benchmark, and prints one JSON line with the
//! median nanoseconds per `evaluate` call over 15 rounds.

use std::time::Instant;
use tp_eligibility::{evaluate, Situation};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut mix: Vec<serde_json::Value> = Vec::new();
    for path in paths {
        let scenario: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        // The default title only: the wasm benchmark has no other title built in.
        if scenario.get("titlePatch").is_some() || scenario["situation"].get("title").is_some() {
            continue;
        }
        for shift in 0..20 {
            let mut s = scenario["situation"].clone();
            if let Some(date) = s["asOf"].as_str().and_then(tp_eligibility::Date::parse) {
                s["asOf"] = date.plus_months(shift).to_string().into();
            }
            if Situation::from_json(&s.to_string()).and_then(|x| evaluate(&x)).is_ok() {
                mix.push(s);
            }
        }
    }
    assert!(mix.len() >= 1000, "{} situations", mix.len());
    std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/target")).unwrap();
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench-mix.json"),
        serde_json::to_string(&mix).unwrap(),
    )
    .unwrap();
    let situations: Vec<Situation> =
        mix.iter().map(|s| Situation::from_json(&s.to_string()).unwrap()).collect();
    let mut rounds = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        for s in &situations {
            std::hint::black_box(evaluate(std::hint::black_box(s)).unwrap());
        }
        rounds.push(start.elapsed().as_nanos() as f64 / situations.len() as f64);
    }
    rounds.sort_by(f64::total_cmp);
    println!(
        "{{\"situations\": {}, \"nativeNsPerCall\": {:.0}}}",
        situations.len(),
        rounds[rounds.len() / 2]
    );
}
