//! Property tests (proptest) of the rules' invariants on generated situations: a wrong "eligible"
//! is worse than an honest "cannot tell", so these pin what must hold whatever the input.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tp_eligibility::report::{CcpStatus, Status};
use tp_eligibility::{evaluate, title, Date, Report, Situation};

/// Days from the start of coverage to the end of 2035.
const DAYS: u32 = 12_070;

/// Every day of the grid, in order: `day(n)` is the n-th day after 2002-12-14.
fn calendar() -> &'static [Date] {
    static DAYS_LIST: std::sync::OnceLock<Vec<Date>> = std::sync::OnceLock::new();
    DAYS_LIST.get_or_init(|| {
        std::iter::successors(Some(Date::ymd(2002, 12, 14)), |d| Some(d.succ()))
            .take(DAYS as usize + 2500)
            .collect()
    })
}

fn day(n: u32) -> Date {
    calendar()[n as usize]
}

/// A held CCP: an index into every CCP of the title, and a fraction of its possible window.
fn held_strategy() -> impl Strategy<Value = Vec<(usize, u32)>> {
    proptest::collection::vec((0usize..16, 0u32..10_000), 0..5)
}

/// Builds a valid situation (dates inside the CCPs' versions and before `asOf`) or None.
fn situation(
    path: usize,
    as_of: u32,
    coherent: Option<bool>,
    months: Option<u32>,
    related: Option<bool>,
    held: &[(usize, u32)],
    session: Option<u32>,
) -> Option<Situation> {
    let t = &title::builtin()[0];
    let as_of = day(as_of);
    let ccps: Vec<(usize, String)> = t
        .versions
        .iter()
        .enumerate()
        .flat_map(|(i, v)| v.ccps.iter().map(move |c| (i, c.id.clone())))
        .collect();
    let mut s = Situation {
        as_of: Some(as_of),
        path: Some(
            [
                tp_eligibility::Path::Continuous,
                tp_eligibility::Path::Vae,
                tp_eligibility::Path::Discontinuous,
                tp_eligibility::Path::Ccs,
            ][path],
        ),
        ..Default::default()
    };
    s.training = Some(tp_eligibility::situation::Training { coherent, end: None });
    s.experience =
        Some(tp_eligibility::situation::Experience { months: months.map(f64::from), hours: None, related });
    if let Some(back) = session {
        let date = day(as_of_index(as_of).saturating_sub(back % 800));
        s.last_session = Some(tp_eligibility::situation::LastSession {
            date,
            outcome: tp_eligibility::situation::SessionOutcome::Failed,
            new_training: coherent,
        });
    }
    for &(k, frac) in held {
        let (version, id) = ccps[k % ccps.len()].clone();
        let placeholder = t.ccp(&id).is_some_and(|(_, c)| c.placeholder);
        if !placeholder && s.held.iter().any(|h| h.ccp == id) {
            continue;
        }
        let start = t.versions[version].start.latest().or(t.versions[version].start.not_before)?;
        let end = t.version_end(version).earliest().unwrap_or(as_of).min(as_of);
        if end < start {
            continue;
        }
        let span = as_of_index(end) - as_of_index(start);
        let obtained = day(as_of_index(start) + (u64::from(frac) * u64::from(span) / 10_000) as u32);
        s.held.push(tp_eligibility::situation::Held { ccp: id, obtained });
    }
    Some(s)
}

fn as_of_index(d: Date) -> u32 {
    calendar().partition_point(|&x| x < d) as u32
}

/// Generated situations are valid by construction: an error is a failure too.
fn eval(s: &Situation) -> Report {
    evaluate(s).unwrap_or_else(|e| panic!("{e} for {s:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_same_input_gives_the_same_report(path in 0usize..4, as_of in 0u32..DAYS, coherent in any::<Option<bool>>(),
            months in proptest::option::of(0u32..100), related in any::<Option<bool>>(), held in held_strategy(),
            session in proptest::option::of(0u32..800)) {
        let s_opt = situation(path, as_of, coherent, months, related, &held, session);
        prop_assume!(s_opt.is_some());
        let s = s_opt.unwrap();
        let a = eval(&s);
        prop_assert_eq!(a, eval(&s));
    }

    #[test]
    fn every_report_keeps_its_invariants(path in 0usize..4, as_of in 0u32..DAYS,
            coherent in any::<Option<bool>>(), months in proptest::option::of(0u32..100), related in any::<Option<bool>>(),
            held in held_strategy(), session in proptest::option::of(0u32..800)) {
        let s_opt = situation(path, as_of, coherent, months, related, &held, session);
        prop_assume!(s_opt.is_some());
        let s = s_opt.unwrap();
        let r = eval(&s);
        tp_eligibility::report::check_invariants(&r);
    }

    /// rules.md R5 and R6 policy: declaring one more CCP (an earlier one, say) may turn "eligible"
    /// into "cannot tell yet" (the two readings of the old five years then differ), never into
    /// "not eligible" unless a known correspondence table says no for a CCP.
    #[test]
    fn adding_a_held_ccp_never_turns_eligible_into_not_eligible_unless_a_known_table_says_no(as_of in 0u32..DAYS,
            coherent in any::<Option<bool>>(), held in held_strategy(), extra in (0usize..16, 0u32..10_000)) {
        let s_opt = situation(2, as_of, coherent, None, None, &held, None);
        prop_assume!(s_opt.is_some());
        let before = s_opt.unwrap();
        let mut more = held.clone();
        more.push(extra);
        let s_opt = situation(2, as_of, coherent, None, None, &more, None);
        prop_assume!(s_opt.is_some());
        let after = s_opt.unwrap();
        let (b, a) = (eval(&before), eval(&after));
        if b.status == Status::Eligible && a.status == Status::NotEligible {
            let table_no = a.held.iter().any(|h| h.status == CcpStatus::NotCredited);
            prop_assert!(table_no, "{:?} then {:?}: {}", before.held, after.held, a.summary.en());
        }
    }

    /// Adding a CCP never makes another CCP that counted expire (the old five years are counted
    /// from the first CCP still within its own five years, or shown as uncertain).
    #[test]
    fn adding_a_held_ccp_never_makes_another_expire(as_of in 0u32..DAYS, held in held_strategy(), extra in (0usize..16, 0u32..10_000)) {
        let Some(before) = situation(2, as_of, Some(true), None, None, &held, None) else { return Ok(()) };
        let mut more = held.clone();
        more.push(extra);
        let Some(after) = situation(2, as_of, Some(true), None, None, &more, None) else { return Ok(()) };
        let (b, a) = (eval(&before), eval(&after));
        for (hb, ha) in b.held.iter().zip(&a.held) {
            if hb.status == CcpStatus::Counts {
                prop_assert_ne!(ha.status, CcpStatus::Expired, "{} expired once {:?} was added", hb.ccp, after.held.last());
            }
        }
    }

    #[test]
    fn moving_the_date_later_never_revives_an_expired_ccp(as_of in 0u32..DAYS, later in 1u32..2000, held in held_strategy()) {
        let s_opt = situation(2, as_of, Some(true), None, None, &held, None);
        prop_assume!(s_opt.is_some());
        let s = s_opt.unwrap();
        let r = eval(&s);
        let mut s2 = s.clone();
        s2.as_of = Some(day(as_of + later));
        let r2 = eval(&s2);
        for (h, h2) in r.held.iter().zip(&r2.held) {
            if h.status == CcpStatus::Expired {
                prop_assert_ne!(h2.status, CcpStatus::Counts, "{} revived at {}", h.ccp, s2.as_of.unwrap());
            }
        }
    }

    #[test]
    fn a_ccp_carried_through_an_unknown_table_never_counts(as_of in 0u32..DAYS, held in held_strategy()) {
        let s_opt = situation(2, as_of, Some(true), None, None, &held, None);
        prop_assume!(s_opt.is_some());
        let s = s_opt.unwrap();
        let r = eval(&s);
        let Some(version) = &r.version else { return Ok(()) };
        let t = &title::builtin()[0];
        let target = t.version(&version.id).unwrap().0;
        for h in &r.held {
            let from = t.version(&h.version).unwrap().0;
            let unknown_on_the_way = (from + 1..=target).any(|v| t.versions[v].correspondence.as_ref().is_some_and(|c| c.rows.is_none()));
            if unknown_on_the_way {
                prop_assert_ne!(h.status, CcpStatus::Counts, "{} ({}) counts through an unknown table", h.ccp, h.obtained);
            }
        }
    }

    #[test]
    fn an_eligible_answer_never_rests_on_a_missing_input(path in 0usize..4, as_of in 0u32..DAYS,
            coherent in any::<Option<bool>>(), months in proptest::option::of(0u32..100), related in any::<Option<bool>>()) {
        let s_opt = situation(path, as_of, coherent, months, related, &[], None);
        prop_assume!(s_opt.is_some());
        let s = s_opt.unwrap();
        let r = eval(&s);
        if r.status != Status::Undetermined {
            prop_assert!(r.missing.is_empty());
        }
    }
}
