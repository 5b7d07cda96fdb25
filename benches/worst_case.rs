//! Evaluation bounded by the data, for `make bench` (issue 20): with the same title data (the
//! worst within the limits, benches/worst.rs), the worst situation against a normal one, natively
//! (title data read once) and, through target/worst-*.json, in the wasm and the command line
//! (tools/bench.mjs); and reading plus validating title data of growing size, in bytes per µs.
//! Prints one JSON line.

use std::time::Instant;

mod worst;

fn median(mut f: impl FnMut(), rounds: usize) -> f64 {
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[rounds / 2]
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target");
    let title = serde_json::json!([worst::title(worst::VERSIONS, 24)]).to_string();
    let (worst, normal) = (worst::situation(64, 24).to_string(), worst::situation(1, 24).to_string());
    std::fs::write(format!("{dir}/worst-title.json"), &title).unwrap();
    std::fs::write(format!("{dir}/worst-situation.json"), &worst).unwrap();
    std::fs::write(format!("{dir}/normal-situation.json"), &normal).unwrap();
    let titles = tp_eligibility::titles_from_json(&title).unwrap();
    let time = |text: &str| {
        let s = tp_eligibility::Situation::from_json(text).unwrap();
        median(
            || {
                std::hint::black_box(
                    tp_eligibility::evaluate_under(&s, &titles, &tp_eligibility::rules::LAW).unwrap(),
                );
            },
            11,
        )
    };
    let (worst_us, normal_us) = (time(&worst), time(&normal));
    // Reading and validating: 8, 16, 32 and 64 versions.
    let reading: Vec<String> = [8, 16, 32, 64]
        .iter()
        .map(|&v| {
            let text = serde_json::json!([worst::title(v, 24)]).to_string();
            let us = median(
                || {
                    let t = tp_eligibility::titles_from_json(&text).unwrap();
                    tp_eligibility::title::validate(&t, "titles").unwrap();
                },
                5,
            );
            format!("{{\"versions\": {v}, \"bytes\": {}, \"us\": {us:.0}}}", text.len())
        })
        .collect();
    println!(
        "{{\"worstUs\": {worst_us:.0}, \"normalUs\": {normal_us:.0}, \"titleBytes\": {}, \"reading\": [{}]}}",
        title.len(),
        reading.join(", ")
    );
}
