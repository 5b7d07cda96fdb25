//! Structured situations (arbitrary): every route, dates anywhere, any held CCPs, through the
//! rules; the report keeps its invariants whatever the input.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use tp_eligibility::situation::{Experience, Held, LastSession, SessionOutcome, Training, Vae};
use tp_eligibility::{Date, Path, Situation};

#[derive(Arbitrary, Debug)]
struct Input {
    as_of: (u8, u8, u8),
    path: u8,
    coherent: Option<bool>,
    training_end: Option<(u8, u8, u8)>,
    months: Option<f64>,
    hours: Option<f64>,
    related: Option<bool>,
    applied: Option<(u8, u8, u8)>,
    admissible: Option<(u8, u8, u8)>,
    held: Vec<(u8, (u8, u8, u8))>,
    title_obtained: Option<(u8, u8, u8)>,
    last_session: Option<((u8, u8, u8), bool, Option<bool>)>,
}

/// A date from 2002 to 2037, possibly impossible (then the whole input is skipped by parse).
fn date((y, m, d): (u8, u8, u8)) -> Option<Date> {
    Date::parse(&format!("{:04}-{:02}-{:02}", 2002 + u16::from(y % 36), 1 + m % 12, 1 + d % 31))
}

fuzz_target!(|input: Input| {
    let title = &tp_eligibility::title::builtin()[0];
    let ids: Vec<&str> = title.versions.iter().flat_map(|v| v.ccps.iter().map(|c| c.id.as_str())).collect();
    let situation = Situation {
        as_of: date(input.as_of),
        title: None,
        path: Some([Path::Continuous, Path::Vae, Path::Discontinuous, Path::Ccs][usize::from(input.path % 4)]),
        training: Some(Training { coherent: input.coherent, end: input.training_end.and_then(date) }),
        experience: Some(Experience { months: input.months, hours: input.hours, related: input.related }),
        vae: Some(Vae { applied: input.applied.and_then(date), admissible: input.admissible.and_then(date) }),
        held: input.held.iter().filter_map(|&(k, d)| Some(Held { ccp: ids[usize::from(k) % ids.len()].to_string(), obtained: date(d)? })).collect(),
        title_obtained: input.title_obtained.and_then(date),
        ccs: None,
        last_session: input.last_session.and_then(|(d, absent, new_training)| Some(LastSession {
            date: date(d)?, outcome: if absent { SessionOutcome::Absent } else { SessionOutcome::Failed }, new_training })),
    };
    if let Ok(report) = tp_eligibility::evaluate(&situation) {
        tp_eligibility::report::check_invariants(&report);
    }
});
