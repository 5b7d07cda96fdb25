//! R5. How long CCPs can be used towards the title (Code de l'éducation, art. R338-5), and the
//! status of every held CCP, combining R5 with R6's tables.
//!
//! - From 2016-07-14 (décret 2016-954): CCPs count while the title is valid. Official.
//! - Before 2016-07-14 (old wording): the CCPs "may be acquired over five years at most". Policy:
//!   two readings, (a) five years from the first CCP of the title obtained, whatever it later
//!   gave, and (b) five years from the first CCP still within its own five years. Where they agree
//!   the answer holds (secondary); where they differ the CCP is uncertain and both end dates are
//!   shown. A report shows only the five-year deadlines it applied, each once.
//! - A CCP whose old window had closed under both readings before 2016-07-14 is expired; one whose
//!   window was still open on 2016-07-14 is uncertain (transition policy): both rules are shown and
//!   the person is sent to whom to ask.
//! - With R6: a definite "no" from a known table wins; then an expiry under R5; then an unknown
//!   table or an uncertain reading makes the CCP uncertain.
//!
//! The article, as it read (Code de l'éducation, art. R338-5; the sentence each wording turns on,
//! quoted from a consolidated copy of Légifrance's text, to be checked against Légifrance itself):
//!
//! > Version in force from 2006-05-24 (décret 2006-583, codifying décret 2002-1029, art. 5):
//! > « Les certificats de compétences professionnelles constitutifs du titre peuvent être acquis
//! > au cours d'une période de cinq ans maximum. »
//! > <https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006526958>
//!
//! > Version in force from 2016-07-14 (décret 2016-954 du 11 juillet 2016, art. 1):
//! > « Les certificats de compétences professionnelles constitutifs du titre peuvent être acquis
//! > pendant la période de validité du titre. »
//! > <https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032890259>

use super::dated::{date_text, deadline, until_text};
use super::dates::DECRET_2016_954;
use super::revision_closure::{carry_forward, Chain, Standing, Time};
use super::{dates, Ctx, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::{law, Decision, Fact, Id, Journal, SourceId, Tri};
use crate::report::{CcpStatus, HeldStatus, Unknown};
use crate::{tl, tx, Text};

/// What limits the use of a CCP towards the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CcpWindow {
    /// All CCPs within this many years (five: two readings, see the module).
    Years(i16),
    /// CCPs count while the title is valid.
    WhileTitleValid,
}

/// R338-5 by date. The old wording is official; how to count its five years is secondary.
pub static CCP_VALIDITY: &[Period<CcpWindow>] = &[
    Period {
        from: dates::TP_REGIME,
        value: CcpWindow::Years(5),
        certainty: Certainty::Secondary,
        sources: &["R338-5-old"],
    },
    Period {
        from: DECRET_2016_954,
        value: CcpWindow::WhileTitleValid,
        certainty: Certainty::Official,
        sources: &["R338-5"],
    },
];

/// One held CCP after R5 and R6: its decision in the journal and its status.
pub struct Held {
    pub id: Id,
    pub status: CcpStatus,
    /// The CCPs of the target version it counts as (when it counts).
    pub counts_as: Vec<String>,
    /// Under the old five-year rule, the last day it counts (when it counts).
    pub until: Option<Date>,
}

/// The old five-year window of one CCP on a date, under both readings.
struct Window {
    /// (a): five years from the first CCP obtained.
    from_first: Date,
    /// (b): five years from the first CCP still within its own five years; `None` when this CCP
    /// is itself past its five years.
    from_first_live: Option<Date>,
}

fn window(years: i16, obtained: Date, all: &[Date], on: Date) -> Window {
    let first = all.iter().copied().min().unwrap_or(obtained);
    let live = all.iter().copied().filter(|o| o.plus_years(years) >= on).min();
    let own_open = obtained.plus_years(years) >= on;
    Window {
        from_first: first.plus_years(years),
        from_first_live: live.filter(|_| own_open).map(|d| d.plus_years(years)),
    }
}

/// The old rule's length in years: the value of the last period that had one (the old wording).
fn old_years(params: &super::Params) -> i16 {
    params
        .ccp_validity
        .iter()
        .rev()
        .find_map(|p| match p.value {
            CcpWindow::Years(y) => Some(y),
            CcpWindow::WhileTitleValid => None,
        })
        .unwrap_or(5)
}

/// A CCP's status under R5 alone, with its reason and the facts it produced.
struct TimeRule {
    time: Time,
    /// The last day it counts under the old five-year rule, when it counts under it.
    until: Option<Date>,
    certainty: Certainty,
    reason: Text,
    sources: &'static [&'static str],
    facts: Vec<Fact>,
}

fn old_deadline(date: Date, reading: Option<Text>) -> Fact {
    deadline(
        "oldFiveYearWindowEnd",
        Some(date),
        Certainty::Secondary,
        tx!(CCP_END_FIVE_YEARS_GATHER_CCPS),
        reading,
    )
}

fn reading_a() -> Text {
    tx!(CCP_COUNTING_FIRST_CCP_ONE_READING)
}

fn reading_b() -> Text {
    tx!(CCP_COUNTING_FIRST_CCP_STILL_WITHIN)
}

/// R5 for one CCP obtained on `obtained`, among CCPs obtained on `all`.
fn time_rule(ctx: &Ctx, obtained: Date, all: &[Date], standing: &Standing) -> TimeRule {
    let rule = super::in_force(ctx.params.ccp_validity, ctx.as_of);
    let ask = ctx.ask().text();
    let years = old_years(ctx.params);
    // The old rule alone, on `on`: both readings.
    let old = |on: Date, transition: bool| -> TimeRule {
        let w = window(years, obtained, all, on);
        let (a, b) = (on <= w.from_first, w.from_first_live);
        let secondary = &["R338-5-old"];
        match (a, b) {
            (true, _) => TimeRule {
                time: Time::Counts,
                until: Some(w.from_first),
                certainty: Certainty::Secondary,
                sources: secondary,
                reason: tl!(
                    CCP_WITHIN_FIRST_CCP,
                    Text::years(years),
                    until_text(w.from_first, Certainty::Secondary)
                ),
                facts: vec![old_deadline(w.from_first, None)],
            },
            (false, None) => {
                let own = obtained.plus_years(years);
                let when = if own == w.from_first {
                    Text::date(own)
                } else {
                    tl!(CCP_COUNTING_FIRST_CCP_LATEST, Text::date(w.from_first), Text::date(own))
                };
                let before = if transition {
                    tl!(CCP_BEFORE_RULE_CHANGED, Text::date(DECRET_2016_954))
                } else {
                    Text::default()
                };
                TimeRule {
                    time: Time::Expired(Some(own), Certainty::Secondary),
                    until: None,
                    certainty: Certainty::Secondary,
                    sources: secondary,
                    reason: tl!(CCP_ENDED, Text::years(years), when, before),
                    facts: vec![],
                }
            }
            (false, Some(b)) => TimeRule {
                time: Time::Uncertain,
                until: None,
                certainty: Certainty::Unknown,
                sources: &["R338-5-old", "policy"],
                reason: tl!(CCP_DEPENDING_HOW_FIVE_YEARS_COUNTED, Text::date(w.from_first), Text::date(b)),
                facts: vec![
                    old_deadline(w.from_first, Some(reading_a())),
                    old_deadline(b, Some(reading_b())),
                    Fact::Unknown(Unknown { what: tx!(CCP_HOW_OLD_RULE_S_FIVE), ask: ask.clone() }),
                ],
            },
        }
    };
    // A closed title past its year, or a standing we cannot tell, decides before any time rule.
    match standing {
        Standing::Ended { until, certainty, .. } => {
            return TimeRule {
                time: Time::Expired(Some(*until), *certainty),
                until: None,
                certainty: *certainty,
                sources: &["arrete-2015-art3"],
                reason: tl!(CCP_TITLE_CLOSED_YEAR_LEFT_CCP, date_text(Some(*until), *certainty)),
                facts: vec![],
            }
        }
        Standing::Unknown { reason } | Standing::Replaced { reason, .. } => {
            return TimeRule {
                time: Time::Uncertain,
                until: None,
                certainty: Certainty::Unknown,
                sources: &["arrete-2015-art3"],
                reason: reason.clone(),
                facts: vec![],
            }
        }
        _ => {}
    }
    match rule.value {
        CcpWindow::Years(_) => old(ctx.as_of, false),
        CcpWindow::WhileTitleValid if obtained < DECRET_2016_954 => {
            let before = old(DECRET_2016_954, true);
            if matches!(before.time, Time::Expired(..)) {
                return before;
            }
            let w = window(years, obtained, all, DECRET_2016_954);
            let b = w.from_first_live.unwrap_or(w.from_first);
            let (dates, mut facts) = if w.from_first == b {
                (
                    Text::date(b),
                    vec![old_deadline(
                        b,
                        Some(tl!(CCP_IF_OLD_RULE_STILL_APPLIES, Text::date(DECRET_2016_954))),
                    )],
                )
            } else {
                (
                    tl!(CCP_DEPENDING_HOW_THEY_COUNTED, Text::date(w.from_first), Text::date(b)),
                    vec![old_deadline(w.from_first, Some(reading_a())), old_deadline(b, Some(reading_b()))],
                )
            };
            facts.push(Fact::Unknown(Unknown {
                what: tl!(CCP_WHICH_RULE_APPLIES_CCPS_OBTAINED, Text::date(DECRET_2016_954)),
                ask,
            }));
            TimeRule {
                time: Time::Uncertain,
                until: None,
                certainty: Certainty::Unknown,
                sources: &["R338-5-old", "R338-5", "policy"],
                reason: tl!(CCP_OBTAINED_BEFORE_UNDER_OLD_RULE, Text::date(DECRET_2016_954), dates),
                facts,
            }
        }
        CcpWindow::WhileTitleValid => match standing {
            Standing::InForce { title, .. } => TimeRule {
                time: Time::Counts,
                until: None,
                certainty: (*title).min(rule.certainty),
                sources: rule.sources,
                reason: tx!(CCP_COUNTS_WHILE_TITLE_VALID),
                facts: vec![],
            },
            Standing::Grace { until, certainty, .. } => TimeRule {
                time: Time::Counts,
                until: None,
                certainty: *certainty,
                sources: &["R338-5", "arrete-2015-art3"],
                reason: tl!(CCP_TITLE_CLOSED_BUT_WITHIN_YEAR, until_text(*until, *certainty)),
                facts: vec![],
            },
            // Ended and Unknown were decided above; a CCP cannot be held before the title existed.
            _ => TimeRule {
                time: Time::Uncertain,
                until: None,
                certainty: Certainty::Unknown,
                sources: rule.sources,
                reason: tx!(CCP_TITLE_WAS_FORCE_DATE),
                facts: vec![],
            },
        },
    }
}

/// Gives each held CCP its status on `asOf` towards the version in force (or the last one), in
/// the journal: one decision per CCP, in the rule that decided it (R6 for a table, R5 otherwise).
pub fn held(ctx: &Ctx, j: &mut Journal, standing: &Standing) -> Vec<Held> {
    let title = ctx.title;
    let held = &ctx.situation.held;
    let Some(target) = standing.target(title) else { return Vec::new() };
    let pairs: Vec<(usize, &str)> =
        held.iter().filter_map(|h| Some((title.ccp(&h.ccp)?.0, h.ccp.as_str()))).collect();
    let all: Vec<Date> = held.iter().map(|h| h.obtained).collect();
    let rules: Vec<TimeRule> = held.iter().map(|h| time_rule(ctx, h.obtained, &all, standing)).collect();
    let times: Vec<Time> = rules.iter().map(|r| r.time.clone()).collect();
    let chains = carry_forward(title, &pairs, &times, target);
    let mut out = Vec::new();
    for (((h, &(version, _)), chain), rule) in held.iter().zip(&pairs).zip(chains).zip(rules) {
        let until = rule.until;
        let name = ctx.ccp_name(&h.ccp);
        let trail_text = |trail: &[String]| {
            if trail.len() > 1 {
                tl!(CCP_CARRIED_CORRESPONDENCE_TABLES, Text::plain(trail.join(" → ")))
            } else {
                Text::default()
            }
        };
        let mut facts = Vec::new();
        // A CCP expired under R5 is expired, whatever tables follow; then a known table's "no"
        // wins (rules.md R6).
        let (mut status, mut counts_as, mut reason, certainty, decider, sources): (
            CcpStatus,
            Vec<String>,
            Text,
            Certainty,
            &'static str,
            Vec<SourceId>,
        ) = match chain {
            _ if matches!(rule.time, Time::Expired(..)) => {
                facts.extend(rule.facts);
                (CcpStatus::Expired, vec![], rule.reason, rule.certainty, "R5", law(rule.sources))
            }
            Chain::Dropped { reason, certainty, sources } => {
                (CcpStatus::NotCredited, vec![], reason, certainty, "R6", sources)
            }
            Chain::Unknown { reason, trail, source } => {
                facts.push(Fact::Unknown(Unknown {
                    what: tl!(CCP_HOW_OLDER_CCPS_CARRY_INTO, reason),
                    ask: ctx.ask().text(),
                }));
                let mut sources: Vec<SourceId> = vec!["arrete-2015-art3".into(), source.into()];
                // A CCP from before 14 July 2016 also shows both time rules (R5 transition policy).
                let reason = if rule.time == Time::Uncertain {
                    facts.extend(rule.facts);
                    sources.extend(law(rule.sources));
                    tl!(CCP_MOREOVER, reason, rule.reason)
                } else {
                    reason
                };
                (
                    CcpStatus::Uncertain,
                    vec![],
                    tl!(CCP_TEXT, reason, trail_text(&trail)),
                    Certainty::Unknown,
                    "R6",
                    sources,
                )
            }
            Chain::Reaches { counts_as, certainty: table_certainty, trail, uncertain } => {
                facts.extend(rule.facts);
                let sources = law(rule.sources);
                let through = trail_text(&trail);
                match (rule.time, uncertain) {
                    (Time::Uncertain, _) => (
                        CcpStatus::Uncertain,
                        vec![],
                        tl!(CCP_TEXT, rule.reason, through),
                        Certainty::Unknown,
                        "R5",
                        sources,
                    ),
                    (_, Some(other)) => (
                        CcpStatus::Uncertain,
                        vec![],
                        tl!(
                            CCP_TABLE_ONLY_CARRIES_TOGETHER_WHOSE,
                            ctx.ccp_name(held[other].ccp.as_str()),
                            through
                        ),
                        Certainty::Unknown,
                        "R6",
                        sources,
                    ),
                    _ => (
                        CcpStatus::Counts,
                        counts_as,
                        tl!(CCP_TEXT, rule.reason, through),
                        rule.certainty.min(table_certainty),
                        "R5",
                        sources,
                    ),
                }
            }
        };
        // A "counts" resting on an unknown fact (whether the title is still registered) is no yes.
        if status == CcpStatus::Counts && certainty == Certainty::Unknown {
            status = CcpStatus::Uncertain;
            counts_as.clear();
            reason = tl!(CCP_BUT_OUR_DATA_DOES_SAY, reason);
        }
        let verdict = match status {
            CcpStatus::Counts => Tri::Yes,
            CcpStatus::Uncertain => Tri::Unknown,
            _ => Tri::No,
        };
        let word = match status {
            CcpStatus::Counts => tx!(CCP_COUNTS),
            CcpStatus::NotCredited => tx!(CCP_CREDITED),
            CcpStatus::Expired => tx!(CCP_LONGER_COUNTS),
            CcpStatus::Uncertain => tx!(CCP_UNCERTAIN_STATUS),
        };
        let text = tl!(CCP_CCP_OBTAINED, name, Text::date(h.obtained), word, reason);
        let status_certainty = if verdict == Tri::Unknown { Certainty::Unknown } else { certainty };
        facts.push(Fact::Credit(HeldStatus {
            ccp: h.ccp.clone(),
            version: title.versions[version].id.clone(),
            obtained: h.obtained,
            status,
            counts_as: counts_as.clone(),
            reason,
            certainty: status_certainty,
        }));
        let id =
            j.push(Decision::new(decider, verdict, certainty, &[], text).citing_all(sources).with_all(facts));
        out.push(Held { id, status, until: until.filter(|_| status == CcpStatus::Counts), counts_as });
    }
    out
}
