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

use super::dates::DECRET_2016_954;
use super::revision_closure::{carry_forward, date_text, deadline, until_text, Chain, Standing, Time};
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
    Period { from: dates::TP_REGIME, value: CcpWindow::Years(5), certainty: Certainty::Secondary, sources: &["R338-5-old"] },
    Period { from: DECRET_2016_954, value: CcpWindow::WhileTitleValid, certainty: Certainty::Official, sources: &["R338-5"] },
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
    Window { from_first: first.plus_years(years), from_first_live: live.filter(|_| own_open).map(|d| d.plus_years(years)) }
}

/// The old rule's length in years: the value of the last period that had one (the old wording).
fn old_years(params: &super::Params) -> i16 {
    params.ccp_validity.iter().rev().find_map(|p| match p.value {
        CcpWindow::Years(y) => Some(y),
        CcpWindow::WhileTitleValid => None,
    }).unwrap_or(5)
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
    deadline("oldFiveYearWindowEnd", Some(date), Certainty::Secondary, tx!(
        "Fin des cinq ans pour réunir les CCP, selon l'ancienne règle", "End of the five years to gather the CCPs, under the old rule"), reading)
}

fn reading_a() -> Text {
    tx!("en comptant depuis votre premier CCP (une lecture de l'ancienne règle)", "counting from your first CCP (one reading of the old rule)")
}

fn reading_b() -> Text {
    tx!("en comptant depuis votre premier CCP encore dans ses cinq ans (l'autre lecture)",
        "counting from your first CCP still within its five years (the other reading)")
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
                time: Time::Counts, until: Some(w.from_first), certainty: Certainty::Secondary, sources: secondary,
                reason: tl!("dans les {} depuis votre premier CCP, {}", "within {} of your first CCP, {}",
                    Text::years(years), until_text(w.from_first, Certainty::Secondary)),
                facts: vec![old_deadline(w.from_first, None)],
            },
            (false, None) => {
                let own = obtained.plus_years(years);
                let when = if own == w.from_first {
                    Text::date(own)
                } else {
                    tl!("{} en comptant depuis votre premier CCP, et le {} au plus tard", "{} counting from your first CCP, and on {} at the latest",
                        Text::date(w.from_first), Text::date(own))
                };
                let before = if transition {
                    tl!(", avant le changement de règle du {}", ", before the rule changed on {}", Text::date(DECRET_2016_954))
                } else {
                    Text::default()
                };
                TimeRule {
                    time: Time::Expired(Some(own), Certainty::Secondary), until: None, certainty: Certainty::Secondary, sources: secondary,
                    reason: tl!("ses {} ont pris fin le {}{}", "its {} ended on {}{}", Text::years(years), when, before),
                    facts: vec![],
                }
            }
            (false, Some(b)) => TimeRule {
                time: Time::Uncertain, until: None, certainty: Certainty::Unknown, sources: &["R338-5-old", "policy"],
                reason: tl!("selon la manière de compter les cinq ans, ils ont pris fin le {} ou courent jusqu'au {} ; aucun texte ne tranche",
                    "depending on how the five years are counted, they ended on {} or run until {}; no text settles it",
                    Text::date(w.from_first), Text::date(b)),
                facts: vec![old_deadline(w.from_first, Some(reading_a())), old_deadline(b, Some(reading_b())),
                    Fact::Unknown(Unknown { what: tx!("comment se comptent les cinq ans de l'ancienne règle", "how the old rule's five years are counted"), ask: ask.clone() })],
            },
        }
    };
    // A closed title past its year, or a standing we cannot tell, decides before any time rule.
    match standing {
        Standing::Ended { until, certainty, .. } => return TimeRule {
            time: Time::Expired(Some(*until), *certainty), until: None, certainty: *certainty, sources: &["arrete-2015-art3"],
            reason: tl!("le titre est clôturé et l'année laissée aux titulaires de CCP a pris fin le {}",
                "the title is closed and the year left to CCP holders ended on {}", date_text(Some(*until), *certainty)),
            facts: vec![],
        },
        Standing::Unknown { reason } | Standing::Replaced { reason, .. } => return TimeRule {
            time: Time::Uncertain, until: None, certainty: Certainty::Unknown, sources: &["arrete-2015-art3"], reason: reason.clone(), facts: vec![],
        },
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
                (Text::date(b), vec![old_deadline(b, Some(tl!("si l'ancienne règle s'applique encore à vos CCP d'avant le {}",
                    "if the old rule still applies to your CCPs from before {}", Text::date(DECRET_2016_954))))])
            } else {
                (tl!("{} ou le {}, selon la manière de compter", "{} or {}, depending on how they are counted", Text::date(w.from_first), Text::date(b)),
                    vec![old_deadline(w.from_first, Some(reading_a())), old_deadline(b, Some(reading_b()))])
            };
            facts.push(Fact::Unknown(Unknown { what: tl!("la règle qui s'applique aux CCP obtenus avant le {}",
                "which rule applies to CCPs obtained before {}", Text::date(DECRET_2016_954)), ask }));
            TimeRule {
                time: Time::Uncertain, until: None, certainty: Certainty::Unknown, sources: &["R338-5-old", "R338-5", "policy"],
                reason: tl!(
                    "obtenu avant le {} : selon l'ancienne règle, il fallait réunir les CCP en cinq ans (jusqu'au {}) ; selon la règle actuelle, ils comptent tant que le titre est valide ; aucun texte ne dit laquelle s'applique",
                    "obtained before {}: under the old rule the CCPs had to be gathered within five years (until {}); under the current rule they count while the title is valid; no text says which applies",
                    Text::date(DECRET_2016_954), dates),
                facts,
            }
        }
        CcpWindow::WhileTitleValid => match standing {
            Standing::InForce { title, .. } => TimeRule {
                time: Time::Counts, until: None, certainty: (*title).min(rule.certainty), sources: rule.sources,
                reason: tx!("il compte tant que le titre est valide", "it counts while the title is valid"), facts: vec![],
            },
            Standing::Grace { until, certainty, .. } => TimeRule {
                time: Time::Counts, until: None, certainty: *certainty, sources: &["R338-5", "arrete-2015-art3"],
                reason: tl!("le titre est clôturé, mais vous êtes dans l'année laissée aux titulaires de CCP, {}",
                    "the title is closed, but you are within the year left to CCP holders, {}", until_text(*until, *certainty)),
                facts: vec![],
            },
            // Ended and Unknown were decided above; a CCP cannot be held before the title existed.
            _ => TimeRule { time: Time::Uncertain, until: None, certainty: Certainty::Unknown, sources: rule.sources,
                reason: tx!("le titre n'était pas en vigueur à cette date", "the title was not in force on that date"), facts: vec![] },
        },
    }
}

/// Gives each held CCP its status on `asOf` towards the version in force (or the last one), in
/// the journal: one decision per CCP, in the rule that decided it (R6 for a table, R5 otherwise).
pub fn held(ctx: &Ctx, j: &mut Journal, standing: &Standing) -> Vec<Held> {
    let title = ctx.title;
    let held = &ctx.situation.held;
    let Some(target) = standing.target(title) else { return Vec::new() };
    let pairs: Vec<(usize, &str)> = held.iter().filter_map(|h| Some((title.ccp(&h.ccp)?.0, h.ccp.as_str()))).collect();
    let all: Vec<Date> = held.iter().map(|h| h.obtained).collect();
    let rules: Vec<TimeRule> = held.iter().map(|h| time_rule(ctx, h.obtained, &all, standing)).collect();
    let times: Vec<Time> = rules.iter().map(|r| r.time.clone()).collect();
    let chains = carry_forward(title, &pairs, &times, target);
    let mut out = Vec::new();
    for (((h, &(version, _)), chain), rule) in held.iter().zip(&pairs).zip(chains).zip(rules) {
        let until = rule.until;
        let name = ctx.ccp_name(&h.ccp);
        let trail_text = |trail: &[String]| if trail.len() > 1 {
            tl!(" ; report par les tables de correspondance : {}", "; carried by the correspondence tables: {}", Text::plain(trail.join(" → ")))
        } else {
            Text::default()
        };
        let mut facts = Vec::new();
        // A CCP expired under R5 is expired, whatever tables follow; then a known table's "no"
        // wins (rules.md R6).
        let (mut status, mut counts_as, mut reason, certainty, decider, sources): (CcpStatus, Vec<String>, Text, Certainty, &'static str, Vec<SourceId>) = match chain {
            _ if matches!(rule.time, Time::Expired(..)) => {
                facts.extend(rule.facts);
                (CcpStatus::Expired, vec![], rule.reason, rule.certainty, "R5", law(rule.sources))
            }
            Chain::Dropped { reason, certainty, sources } => (CcpStatus::NotCredited, vec![], reason, certainty, "R6", sources),
            Chain::Unknown { reason, trail, source } => {
                facts.push(Fact::Unknown(Unknown {
                    what: tl!("la correspondance de vos CCP anciens vers la version actuelle ({})", "how your older CCPs carry into the current version ({})", reason),
                    ask: ctx.ask().text(),
                }));
                let mut sources: Vec<SourceId> = vec!["arrete-2015-art3".into(), source.into()];
                // A CCP from before 14 July 2016 also shows both time rules (R5 transition policy).
                let reason = if rule.time == Time::Uncertain {
                    facts.extend(rule.facts);
                    sources.extend(law(rule.sources));
                    tl!("{} ; de plus, {}", "{}; moreover, {}", reason, rule.reason)
                } else {
                    reason
                };
                (CcpStatus::Uncertain, vec![], tl!("{}{}", "{}{}", reason, trail_text(&trail)), Certainty::Unknown, "R6", sources)
            }
            Chain::Reaches { counts_as, certainty: table_certainty, trail, uncertain } => {
                facts.extend(rule.facts);
                let sources = law(rule.sources);
                let through = trail_text(&trail);
                match (rule.time, uncertain) {
                    (Time::Uncertain, _) => (CcpStatus::Uncertain, vec![], tl!("{}{}", "{}{}", rule.reason, through), Certainty::Unknown, "R5", sources),
                    (_, Some(other)) => (CcpStatus::Uncertain, vec![], tl!(
                        "la table ne le reporte qu'avec aussi {}, dont le statut est incertain{}", "the table only carries it together with {}, whose status is uncertain{}",
                        ctx.ccp_name(held[other].ccp.as_str()), through), Certainty::Unknown, "R6", sources),
                    _ => (CcpStatus::Counts, counts_as, tl!("{}{}", "{}{}", rule.reason, through), rule.certainty.min(table_certainty), "R5", sources),
                }
            }
        };
        // A "counts" resting on an unknown fact (whether the title is still registered) is no yes.
        if status == CcpStatus::Counts && certainty == Certainty::Unknown {
            status = CcpStatus::Uncertain;
            counts_as.clear();
            reason = tl!("{} ; mais nos données ne disent pas si le titre est encore enregistré à cette date",
                "{}; but our data does not say whether the title is still registered on that date", reason);
        }
        let verdict = match status {
            CcpStatus::Counts => Tri::Yes,
            CcpStatus::Uncertain => Tri::Unknown,
            _ => Tri::No,
        };
        let word = match status {
            CcpStatus::Counts => tx!("compte", "counts"),
            CcpStatus::NotCredited => tx!("n'est pas pris en compte", "is not credited"),
            CcpStatus::Expired => tx!("n'est plus valable", "no longer counts"),
            CcpStatus::Uncertain => tx!("a un statut incertain", "has an uncertain status"),
        };
        let text = tl!("Votre CCP {}, obtenu le {}, {} : {}.", "Your CCP {}, obtained on {}, {}: {}.", name, Text::date(h.obtained), word, reason);
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
        let id = j.push(Decision::new(decider, verdict, certainty, &[], text).citing_all(sources).with_all(facts));
        out.push(Held { id, status, until: until.filter(|_| status == CcpStatus::Counts), counts_as });
    }
    out
}
