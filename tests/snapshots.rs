//! Snapshots of the French and English texts of a dozen scenarios (summary, statuses, deadlines,
//! explanation), so that every wording change is reviewed (`cargo insta review`, or
//! INSTA_UPDATE=always then `git diff tests/snapshots`).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use tp_eligibility::{plain_text, Lang, Situation};

const SNAPSHOTTED: &[&str] = &[
    "a-coherent-training-course-gives-access-to-a-session-titre",
    "two-years-of-related-experience-allow-VAE-since-the-2024-reform",
    "two-2022-CCPs-leave-the-third-until-the-end-of-registration",
    "a-CCP-obtained-in-2012-is-uncertain-today",
    "a-failed-candidate-may-sit-again-without-training-within-one-year",
    "the-title-has-no-CCS-in-our-data",
    "a-2003-unit-2-without-unit-4-gives-no-2011-CCP",
    "2003-units-2-and-4-together-give-2011-CCP-1",
    "a-2016-CCP-obtained-on-13-July-2016-is-uncertain-under-both-readings",
    "from-10-August-2016-one-year-is-enough-under-the-calculator-policy-and-is-flagged",
    "on-8-January-2028-the-day-after-the-registration-we-cannot-tell",
    "a-2011-row-needing-units-2-and-4-credits-nothing-when-unit-2-has-expired",
    "before-July-2016-the-two-readings-of-the-five-years-differ-so-the-CCP-is-uncertain",
    "an-admitted-candidate-is-not-rechecked-on-the-length-of-experience",
    "a-no-by-the-training-route-says-which-other-route-is-open",
    "a-France-VAE-admissibility-older-than-a-year-cannot-be-told",
    "a-lapsed-2023-admissibility-needs-a-new-application",
    "before-July-2016-a-CCP-expires-the-day-after-five-years-from-the-first",
];

#[test]
fn explanations_in_french_and_english() {
    for name in SNAPSHOTTED {
        let path = format!("{}/tests/scenarios/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let scenario: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let situation = Situation::from_json(&scenario["situation"].to_string()).unwrap();
        // The seed data (not a refresh's): tests/common, `seed_titles`.
        let report =
            tp_eligibility::evaluate_under(&situation, common::seed_titles(), &tp_eligibility::rules::LAW)
                .unwrap();
        let title = &common::seed_titles()[0];
        for (lang, suffix) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
            insta::assert_snapshot!(
                format!("{name}.{suffix}"),
                plain_text::report(&report, Some(title), lang)
            );
        }
    }
}
