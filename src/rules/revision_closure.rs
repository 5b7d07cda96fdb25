//! R6. End of a title's validity: extended unchanged, revised (correspondence table) or closed
//! (one year for CCP holders). Arrêté du 22 décembre 2015, art. 3; calculator policy of rules.md
//! R6 and R12.
//!
//! Policy applied here:
//! - a report shows the facts as they stood on the evaluation date: the end of validity of the
//!   version in force that day (or "unknown"), never a later version's dates;
//! - the end-of-validity date is the last day of validity, said "until D (included)", never
//!   "before D"; "one year after" ends on the same day and month a year later (29 February → 28
//!   February); the register's last award date, when filled, is the end of the closure year,
//!   unless it is earlier than the arrêté's year: then the arrêté's year applies, estimated, and
//!   the register's date is shown beside it (R12);
//! - after the data's snapshot, what became of a registration that ended after it is unknown,
//!   unless the data says the title was closed (R12); a closure the data only infers (no successor
//!   named) is estimated up to the snapshot and unknown after it;
//! - a fiche the register gives without dates is never the version in force: the register gives
//!   no dates, and the title's standing is unknown when only such a fiche may be in force (R12);
//! - a CCP is carried through every revision in turn (2003 → 2011 → 2016 → 2022); a row may need
//!   several old CCPs for one new CCP: credit only when all of them are held and still count (R5);
//!   one of them expired → not credited (say which), one uncertain → uncertain; an unknown table
//!   on the way makes it uncertain; a definite "no" from a known table (row "néant", no row, a row
//!   needing CCPs the candidate lacks) wins over everything else but the CCP's own expiry.

use super::dated::{date_text, deadline, until_text};
use super::{dates, unread_before_2015, Ctx, Params, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::journal::{law, Decision, Fact, Id, Journal, SourceId, Tri};
use crate::report::{Unknown, VersionInForce};
use crate::title::DatedFact;
use crate::title::{AfterEnd, Title, VersionAt};
use crate::{tl, tx, Text};

/// Years a closed title stays obtainable by CCP holders, by the date its registration ended.
/// Before 2016-06-01 the arrêtés of 2002 and 2006 governed and were not read: unknown.
pub static CLOSURE_GRACE: &[Period<Option<i16>>] = &[
    unread_before_2015(),
    Period {
        from: dates::ARRETE_2015,
        value: Some(1),
        certainty: Certainty::Official,
        sources: &["arrete-2015-art3"],
    },
];

/// The title's standing on the evaluation date.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// Before the first version: the title did not exist.
    NotCreated,
    /// In force. `index` is the latest version that may be in force, `version` how sure that is
    /// (unknown when `alternatives` may be in force instead), `title` how sure it is that the
    /// title is registered at all on that date.
    InForce { index: usize, version: Certainty, title: Certainty, alternatives: Vec<usize> },
    /// Closed, within the year CCP holders have to obtain it (until `until`, inclusive).
    /// `closure`: how sure the closure itself is (estimated when only inferred); `certainty`: how
    /// sure the standing is, the end of the year included.
    Grace { until: Date, closure: Certainty, certainty: Certainty },
    /// Closed and past that year.
    Ended { until: Date, closure: Certainty, certainty: Certainty },
    /// Replaced by other titles the register names: no session of this title any more; its CCPs
    /// carry into those titles (`reason` names them).
    Replaced { certainty: Certainty, reason: Text },
    /// Not in our data: past a registration's end with nothing after it, a closure inferred
    /// before a snapshot older than the evaluation date, or only an undated fiche. `reason` says
    /// which, as a clause ("the register gives no dates for fiche RNCP2568").
    Unknown { reason: Text },
}

impl Standing {
    /// The version whose CCPs are the target of the tables: the one in force, else the last one.
    pub fn target(&self, title: &Title) -> Option<usize> {
        match self {
            Standing::NotCreated => None,
            Standing::InForce { index, .. } => Some(*index),
            _ => Some(title.versions.len() - 1),
        }
    }
}

/// The title's standing on `asOf`, with the words, certainty and facts of the decision that
/// establishes it; each route turns it into its own condition with [`condition`].
pub struct TitleStanding {
    pub standing: Standing,
    text: Text,
    certainty: Certainty,
    sources: Vec<SourceId>,
    facts: Vec<Fact>,
    /// The last day of the registration in force (or that ended), and of the closure year, with
    /// their certainties, when their dates are known.
    end: Option<(Date, Certainty)>,
    grace: Option<(Date, Certainty)>,
    /// The version in force, when it is not the last one (its end is a revision, not the title's).
    replaced: Option<String>,
}

impl TitleStanding {
    /// The key deadline in words: "jusqu'au 7 janvier 2028 inclus [source secondaire], fin de
    /// l'enregistrement du titre".
    pub fn until(&self) -> Option<Text> {
        match (&self.standing, self.end) {
            (Standing::InForce { .. }, Some((d, c))) if self.replaced.is_some() => Some(tl!(
                STANDING_LAST_DAY_TITLE_S_VERSION,
                until_text(d, c),
                Text::plain(self.replaced.as_deref().unwrap_or_default())
            )),
            (Standing::InForce { alternatives, .. }, Some((d, c))) if alternatives.is_empty() => {
                Some(if c == Certainty::Estimated {
                    tl!(STANDING_WHEN_TITLE_S_REGISTRATION_EXPECTED, until_text(d, c))
                } else {
                    tl!(STANDING_WHEN_TITLE_S_REGISTRATION_ENDS, until_text(d, c))
                })
            }
            (Standing::Grace { .. }, _) => {
                self.grace.map(|(d, c)| tl!(STANDING_END_YEAR_LEFT_CCP_HOLDERS, until_text(d, c)))
            }
            _ => None,
        }
    }
}

/// What a session needs of the title's standing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A new session titre: the title must be in force.
    SessionTitre,
    /// Sessions CCP: in force, or closed within the year left to CCP holders.
    SessionCcp,
    /// A session CCS: the title must be in force (rules.md R8, policy).
    SessionCcs,
}

/// "its registration runs until X" in words that do not state an estimate as certain, nor a date
/// we do not have.
fn runs_until(end: &DatedFact, certainty: Certainty, last: bool) -> Text {
    match (end.date, certainty) {
        (Some(d), _) if !last => tl!(STANDING_VERSION_APPLIES_WHEN_TITLE_REVISED, until_text(d, certainty)),
        (Some(d), Certainty::Estimated) => tl!(STANDING_REGISTRATION_EXPECTED_RUN, until_text(d, certainty)),
        (Some(d), _) => tl!(STANDING_REGISTRATION_RUNS, until_text(d, certainty)),
        (None, _) => {
            let bound = match (end.not_before, end.not_after) {
                (Some(a), Some(b)) => tl!(STANDING_BETWEEN, Text::date(a), Text::date(b)),
                (Some(a), None) => tl!(STANDING_BEFORE, Text::date(a)),
                (None, Some(b)) => tl!(STANDING_LATEST, Text::date(b)),
                (None, None) => Text::default(),
            };
            tl!(STANDING_END_DATE_VERSION_OUR_DATA, bound)
        }
    }
}

/// The end of the closure year after version `index` ends, as R6 and R12 set it.
struct GraceEnd {
    date: Option<Date>,
    certainty: Certainty,
    sources: Vec<SourceId>,
    /// The register's last award date when it contradicts the arrêté's year, said beside it.
    note: Option<Text>,
}

/// One year (the rule in force when the title ended) after the end, estimated; the register's
/// last award date instead when filled, unless it is earlier than that year (R12).
fn grace_end(params: &Params, title: &Title, index: usize) -> GraceEnd {
    let end = title.version_end(index);
    let award = title.versions[index].last_award.as_ref();
    let Some(end_date) = end.date else {
        return match award {
            Some(a) => GraceEnd {
                date: a.date,
                certainty: a.certainty,
                sources: vec![a.source.clone().into()],
                note: None,
            },
            None => GraceEnd {
                date: None,
                certainty: Certainty::Unknown,
                sources: vec![end.source.clone().into()],
                note: None,
            },
        };
    };
    let rule = super::in_force(params.closure_grace, end_date);
    let mut sources = law(rule.sources);
    sources.push(end.source.clone().into());
    let year = rule.value.map(|years| end_date.plus_years(years));
    let estimated = end.certainty.min(rule.certainty).min(Certainty::Estimated);
    match (award, year) {
        (Some(a), Some(y)) if a.date.is_some_and(|d| d < y) => {
            sources.push(a.source.clone().into());
            let note = tl!(
                STANDING_REGISTER_GIVES_LAST_DAY_TITLE,
                date_text(a.date, a.certainty),
                date_text(Some(y), Certainty::Estimated)
            );
            GraceEnd { date: Some(y), certainty: Certainty::Estimated, sources, note: Some(note) }
        }
        (Some(a), _) if a.date.is_some() => GraceEnd {
            date: a.date,
            certainty: a.certainty,
            sources: vec![a.source.clone().into()],
            note: None,
        },
        (_, Some(y)) => GraceEnd { date: Some(y), certainty: estimated, sources, note: None },
        (_, None) => GraceEnd { date: None, certainty: Certainty::Unknown, sources, note: None },
    }
}

/// When a registration ended, as an adverb: "le 1er décembre 2024 [source secondaire]" / "on 1
/// December 2024 [secondary source]", or the bound our data has ("au plus tard le…" / "by … at the
/// latest"), never a date it does not have.
fn ended(end: &DatedFact) -> Text {
    match (end.date, end.not_before, end.not_after) {
        (Some(d), _, _) => tl!(STANDING_TEXT, date_text(Some(d), end.certainty)),
        (None, Some(a), Some(b)) => tl!(STANDING_BETWEEN_2, Text::date(a), Text::date(b)),
        (None, None, Some(b)) => tl!(STANDING_LATEST_2, Text::date(b)),
        (None, Some(a), None) => tl!(STANDING_AFTER, Text::date(a.pred())),
        (None, None, None) => tx!(STANDING_DATE_OUR_DATA_DOES_HAVE),
    }
}

/// A fiche's name in texts: its RNCP number, else its id.
fn fiche(title: &Title, index: usize) -> Text {
    let v = &title.versions[index];
    Text::plain(v.rncp.as_deref().unwrap_or(&v.id))
}

/// Data older than this many days before the evaluation date says its age (rules.md R12).
pub const DATA_AGE_NOTICE_DAYS: i32 = 60;

/// "Our register data dates from 31 January 2025, 22 months before…", when it is that old.
fn data_age(title: &Title, as_of: Date) -> Option<Fact> {
    let snapshot = title.snapshot.filter(|s| s.days_until(as_of) > DATA_AGE_NOTICE_DAYS)?;
    let months = snapshot.months_until(as_of);
    let age = if months == 1 { tx!(STANDING_1_MONTH) } else { tl!(STANDING_MONTHS, months) };
    Some(Fact::Note(tl!(STANDING_OUR_NATIONAL_REGISTER_DATA_DATES, Text::date(snapshot), age)))
}

/// Establishes the title's standing on `asOf` (rules.md R6, R12).
pub fn standing(ctx: &Ctx) -> TitleStanding {
    let title = ctx.title;
    let ask = ctx.ask().text();
    let last = title.versions.len() - 1;
    let mut facts: Vec<Fact> = data_age(title, ctx.as_of).into_iter().collect();
    let validity_label = tx!(STANDING_LAST_DAY_TITLE_S_REGISTRATION);
    let grace_label = tx!(STANDING_END_YEAR_CCP_HOLDERS_HAVE);
    let unknown = |what: Text, reason: Text, text: Text, sources: Vec<SourceId>, mut facts: Vec<Fact>| {
        facts.push(Fact::Unknown(Unknown { what, ask: ask.clone() }));
        TitleStanding {
            standing: Standing::Unknown { reason },
            text,
            certainty: Certainty::Unknown,
            sources,
            facts,
            end: None,
            grace: None,
            replaced: None,
        }
    };
    match title.version_at(ctx.as_of) {
        VersionAt::BeforeCreation => {
            let start = &title.versions[0].start;
            let from = match start.date {
                Some(d) => date_text(Some(d), start.certainty),
                None => tl!(STANDING_BEFORE_2, Text::date(start.earliest().unwrap_or(ctx.as_of))),
            };
            TitleStanding {
                standing: Standing::NotCreated,
                text: tl!(STANDING_DATE_TITLE_DID_EXIST_YET, from),
                certainty: title.fact_certainty(start),
                sources: vec![start.source.clone().into()],
                facts,
                end: None,
                grace: None,
                replaced: None,
            }
        }
        VersionAt::Undated { index } => {
            let source = title.versions[index].start.source.clone();
            unknown(
                tl!(STANDING_WHETHER_FICHE_WAS_FORCE_DATE, fiche(title, index)),
                tl!(STANDING_REGISTER_GIVES_START_DATE_FICHE, fiche(title, index)),
                tl!(STANDING_REGISTER_GIVES_START_DATE_FICHE_2, fiche(title, index)),
                vec!["policy".into(), source.into()],
                facts,
            )
        }
        VersionAt::InForce {
            index,
            certainty: version_certainty,
            registered: title_certainty,
            alternatives,
        } => {
            let version = &title.versions[index];
            let end = title.version_end(index);
            let end_certainty = title.fact_certainty(&end);
            // When another version may be in force, the end of the one in force is not known.
            let shown = if alternatives.is_empty() { end.date } else { None };
            facts.push(deadline("titleValidityEnd", shown, end.certainty, validity_label, None));
            if index == last {
                let grace = grace_end(ctx.params, title, index);
                let condition = (title.after_registration_end != AfterEnd::Closed)
                    .then_some(tx!(STANDING_IF_TITLE_CLOSED_WHEN_REGISTRATION));
                facts.push(deadline("closureGraceEnd", grace.date, grace.certainty, grace_label, condition));
                facts.extend(grace.note.map(Fact::Note));
            }
            let rncp =
                version.rncp.as_deref().map_or_else(Text::default, |n| Text::plain(format!(", fiche {n}")));
            let text = if alternatives.is_empty() {
                tl!(
                    STANDING_DATE_TITLE_FORCE_VERSION,
                    Text::plain(&version.id),
                    rncp,
                    runs_until(&end, end_certainty, index == last)
                )
            } else {
                tl!(STANDING_DATE_VERSION_FORCE_ONE_EARLIER, Text::plain(&version.id))
            };
            facts.push(Fact::Version(VersionInForce {
                id: version.id.clone(),
                name: Text::from(&version.name),
                rncp: version.rncp.clone(),
                certainty: version_certainty,
                alternatives: alternatives.iter().map(|&i| title.versions[i].id.clone()).collect(),
            }));
            TitleStanding {
                standing: Standing::InForce {
                    index,
                    version: version_certainty,
                    title: title_certainty,
                    alternatives,
                },
                text,
                certainty: title_certainty,
                sources: vec![version.start.source.clone().into(), end.source.clone().into()],
                facts,
                end: shown.map(|d| (d, end.certainty)),
                grace: None,
                replaced: (index < last).then(|| version.id.clone()),
            }
        }
        VersionAt::AfterEnd { index } => {
            let end = title.version_end(index);
            let end_words = date_text(end.date, end.certainty);
            facts.push(deadline("titleValidityEnd", end.date, end.certainty, validity_label, None));
            let snapshot = title.snapshot;
            // How sure the closure is: as its end date when the data says so; estimated when it is
            // only inferred, and only up to the data's date (R12).
            let closure = match title.after_registration_end {
                _ if index != last => None,
                AfterEnd::Closed => Some(title.fact_certainty(&end)),
                AfterEnd::ClosedByInference if snapshot.is_some_and(|s| ctx.as_of <= s) => {
                    Some(title.fact_certainty(&end).min(Certainty::Estimated))
                }
                AfterEnd::ClosedByInference | AfterEnd::Unknown | AfterEnd::Replaced => None,
            };
            let inferred = title.after_registration_end == AfterEnd::ClosedByInference;
            if index == last && title.after_registration_end == AfterEnd::Replaced {
                let names = Text::join(
                    title
                        .replaced_by
                        .iter()
                        .map(|r| tl!(STANDING_TEXT_2, r.name.clone(), Text::plain(&r.code)))
                        .collect(),
                    crate::text::msg::TEXT_SEP_COMMA,
                );
                let certainty = title.fact_certainty(&end);
                let text = tl!(STANDING_TITLE_LONGER_AWARDED_REGISTRATION_ENDED, ended(&end), names.clone());
                let reason = tl!(STANDING_TITLE_WAS_REPLACED_SEE_THOSE, names);
                return TitleStanding {
                    standing: Standing::Replaced { certainty, reason },
                    text,
                    certainty,
                    sources: vec!["arrete-2015-art3".into(), end.source.clone().into()],
                    facts,
                    end: end.date.map(|d| (d, end.certainty)),
                    grace: None,
                    replaced: None,
                };
            }
            let grace = grace_end(ctx.params, title, index);
            let end_sources: Vec<SourceId> = vec!["arrete-2015-art3".into(), end.source.clone().into()];
            match (closure, grace.date) {
                (Some(closure), Some(until)) => {
                    facts.push(deadline("closureGraceEnd", Some(until), grace.certainty, grace_label, None));
                    let certainty = grace.certainty.min(closure);
                    let (grace_words, end_date) =
                        (date_text(Some(until), grace.certainty), end.date.map(|d| (d, end.certainty)));
                    let mut inference = if inferred {
                        tl!(
                            STANDING_OUR_DATA_NAMES_SUCCESSOR_CLOSURE,
                            Text::date(snapshot.unwrap_or(ctx.as_of))
                        )
                    } else {
                        Text::default()
                    };
                    // The register's last award date, when the arrêté's year overrides it, is shown beside it.
                    if let Some(note) = grace.note {
                        inference = tl!(STANDING_TEXT_3, inference, note);
                    }
                    let (standing, text) = if ctx.as_of <= until {
                        (
                            Standing::Grace { until, closure, certainty },
                            tl!(
                                STANDING_TITLE_WAS_CLOSED_WHEN_REGISTRATION,
                                end_words,
                                until_text(until, grace.certainty),
                                inference
                            ),
                        )
                    } else {
                        (
                            Standing::Ended { until, closure, certainty },
                            tl!(STANDING_TITLE_WAS_CLOSED_YEAR_LEFT, end_words, grace_words, inference),
                        )
                    };
                    let mut sources = grace.sources;
                    if inferred {
                        sources.push("policy".into());
                    }
                    TitleStanding {
                        standing,
                        text,
                        certainty,
                        sources,
                        facts,
                        end: end_date,
                        grace: Some((until, grace.certainty)),
                        replaced: None,
                    }
                }
                (Some(_), None) => {
                    let what = tx!(STANDING_TIME_LEFT_CCP_HOLDERS_AFTER);
                    unknown(
                        what.clone(),
                        tl!(STANDING_OUR_DATA, what.clone()),
                        tl!(STANDING_OUR_DATA_DOES_SAY, what),
                        end_sources,
                        facts,
                    )
                }
                (None, _) if inferred && index == last => {
                    let of = Text::date(snapshot.unwrap_or(ctx.as_of));
                    unknown(
                        tl!(STANDING_WHETHER_TITLE_WAS_RENEWED_AFTER, ended(&end)),
                        tl!(STANDING_OUR_DATA_INFERS_TITLE_WAS, of.clone()),
                        tl!(STANDING_TITLE_S_REGISTRATION_ENDED_OUR, ended(&end), of),
                        vec!["arrete-2015-art3".into(), "policy".into(), end.source.clone().into()],
                        facts,
                    )
                }
                (None, _) => {
                    let what = tl!(STANDING_WHAT_BECAME_TITLE_AFTER_REGISTRATION, ended(&end));
                    let after = snapshot
                        .filter(|s| end.date.is_some_and(|e| e >= *s))
                        .map_or_else(Text::default, |s| {
                            tl!(STANDING_OUR_DATA_DATES_WHAT_FOLLOWED, Text::date(s))
                        });
                    unknown(
                        what.clone(),
                        tx!(STANDING_WHAT_BECAME_TITLE_WHEN_REGISTRATION),
                        tl!(STANDING_OUR_DATA_DOES_SAY_2, what, after),
                        end_sources,
                        facts,
                    )
                }
            }
        }
    }
}

/// The title's standing as a condition for a kind of session, in the journal. A closed title
/// opens no new session titre and no session CCS, as sure as the closure itself (not the end of
/// the year left to CCP holders, which these do not depend on); sessions CCP stay open within
/// that year, as sure as its end.
pub fn condition(j: &mut Journal, standing: &TitleStanding, purpose: Purpose) -> Id {
    let closed_on = || date_text(standing.end.map(|e| e.0), standing.end.map_or(Certainty::Unknown, |e| e.1));
    let (verdict, certainty, text) = match (&standing.standing, purpose) {
        (Standing::NotCreated | Standing::Replaced { .. }, _) => {
            (Tri::No, standing.certainty, standing.text.clone())
        }
        (Standing::InForce { .. }, _) => (Tri::Yes, standing.certainty, standing.text.clone()),
        (Standing::Unknown { .. }, _) => (Tri::Unknown, Certainty::Unknown, standing.text.clone()),
        (Standing::Grace { certainty, .. }, Purpose::SessionCcp) => {
            (Tri::Yes, *certainty, standing.text.clone())
        }
        (Standing::Ended { certainty, .. }, Purpose::SessionCcp) => {
            (Tri::No, *certainty, standing.text.clone())
        }
        (Standing::Grace { closure, .. } | Standing::Ended { closure, .. }, Purpose::SessionTitre) => (
            Tri::No,
            *closure,
            match standing.grace {
                Some((until, c)) if matches!(standing.standing, Standing::Grace { .. }) => {
                    tl!(STANDING_TITLE_WAS_CLOSED_NEW_SESSION, closed_on(), until_text(until, c))
                }
                _ => tl!(STANDING_TITLE_WAS_CLOSED_NEW_SESSION_2, closed_on()),
            },
        ),
        (Standing::Grace { closure, .. } | Standing::Ended { closure, .. }, Purpose::SessionCcs) => (
            Tri::No,
            (*closure).min(Certainty::Secondary),
            tl!(STANDING_TITLE_WAS_CLOSED_THERE_MORE, closed_on()),
        ),
    };
    let mut sources = standing.sources.clone();
    if purpose == Purpose::SessionCcs
        && matches!(standing.standing, Standing::Grace { .. } | Standing::Ended { .. })
    {
        sources.push("policy".into());
    }
    // An inferred closure says so in the words of every answer resting on it (R12).
    let text = match &standing.standing {
        Standing::Grace { closure, .. } | Standing::Ended { closure, .. }
            if *closure == Certainty::Estimated && text != standing.text =>
        {
            tl!(STANDING_CLOSURE_INFERRED_OUR_DATA_SO, text)
        }
        _ => text,
    };
    j.push(
        Decision::new("R6", verdict, certainty, &[], text)
            .citing_all(sources)
            .with_all(standing.facts.iter().cloned()),
    )
}

/// Where one held CCP ends up after every correspondence table up to the target version.
#[derive(Clone, Debug, PartialEq)]
pub enum Chain {
    /// It gives these CCPs of the target version, through these steps; `uncertain` names a CCP
    /// it needed on the way whose own status is uncertain.
    Reaches { counts_as: Vec<String>, certainty: Certainty, trail: Vec<String>, uncertain: Option<usize> },
    /// A known table gives it no credit (or only with a CCP that expired).
    Dropped { reason: Text, certainty: Certainty, sources: Vec<SourceId> },
    /// An unknown table stands on the way.
    Unknown { reason: Text, trail: Vec<String>, source: String },
}

/// How a held CCP stands under the time rules (R5), as the tables need it.
#[derive(Clone, Debug, PartialEq)]
pub enum Time {
    Counts,
    /// Expired on that date (when known), with that certainty.
    Expired(Option<Date>, Certainty),
    Uncertain,
}

/// Steps a trail shows before "…".
const MAX_TRAIL: usize = 12;

/// Names a sentence lists before "… and N more".
const MAX_LISTED: usize = 5;

/// Texts one after the other, at most [`MAX_LISTED`] of them, then "… et N autres" / "… and N more".
fn listed(items: impl Iterator<Item = Text>) -> Text {
    let mut shown = Vec::new();
    let mut more = 0usize;
    for item in items {
        if shown.len() < MAX_LISTED {
            shown.push(item)
        } else {
            more += 1
        }
    }
    if more > 0 {
        shown.push(tl!(STANDING_MORE, more));
    }
    Text::join(shown, crate::text::msg::TEXT_SEP_COMMA)
}

/// Ids with their place in the list they come from, sorted by id, for [`lookup`].
fn sorted_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut list: Vec<(&str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    crate::title::heap_sort(&mut list);
    list
}

/// The place of `id` in a list made by [`sorted_ids`].
fn lookup<K: AsRef<str>>(list: &[(K, usize)], id: &str) -> Option<usize> {
    let at = list.partition_point(|(k, _)| k.as_ref() < id);
    list.get(at).filter(|(k, _)| k.as_ref() == id).map(|&(_, i)| i)
}

/// Adds `add` to the sorted, repeat-free `into`.
fn merge(into: &mut Vec<usize>, add: &[usize]) {
    for &o in add {
        if let Err(at) = into.binary_search(&o) {
            into.insert(at, o);
        }
    }
}

/// Carries held CCPs `(version index, id)` through every revision up to version `target`
/// (rules.md R6). CCPs travel together, since a row may need several of them; `time` gives each
/// held CCP's own status under R5.
pub fn carry_forward(title: &Title, held: &[(usize, &str)], time: &[Time], target: usize) -> Vec<Chain> {
    struct Entry {
        id: String,
        origins: Vec<usize>,
        certainty: Certainty,
    }
    let mut state: Vec<Entry> = Vec::new();
    let mut trails: Vec<Vec<String>> = held.iter().map(|(_, id)| vec![id.to_string()]).collect();
    let mut dropped: Vec<Option<(Text, Certainty, String)>> = vec![None; held.len()];
    let mut unknown: Vec<Option<(Text, String)>> = vec![None; held.len()];
    let mut uncertain: Vec<Option<usize>> = vec![None; held.len()];
    let name = |id: &str| title.ccp(id).map_or_else(|| Text::plain(id), |(_, c)| Text::from(&c.name));
    let named =
        |ids: &mut dyn Iterator<Item = &str>| listed(ids.map(|id| tl!(STANDING_TEXT_4, id, name(id))));
    for v in 0..=target {
        if v > 0 && !state.is_empty() {
            let (prev, version) = (&title.versions[v - 1], &title.versions[v]);
            let Some(table) = version.correspondence.as_ref() else { continue };
            let (p, n) = (Text::plain(&prev.id), Text::plain(&version.id));
            match &table.rows {
                None => {
                    for entry in state.drain(..) {
                        for o in entry.origins {
                            unknown[o].get_or_insert_with(|| {
                                (
                                    tl!(STANDING_CORRESPONDENCE_TABLE_VERSION_VERSION_OUR, p, n),
                                    table.source.clone(),
                                )
                            });
                        }
                    }
                }
                Some(rows) => {
                    let mut next: Vec<Entry> = Vec::new();
                    // Ids looked up through sorted lists (a table may hold 1,000 rows of 200 ids).
                    let held_ids = sorted_ids(state.iter().map(|e| e.id.as_str()));
                    let find = |id: &String| lookup(&held_ids, id);
                    let mut next_ids: Vec<(String, usize)> = Vec::new();
                    // Which held entries some row names (the others have no row).
                    let mut named_by_a_row = vec![false; state.len()];
                    for row in rows {
                        let present: Vec<usize> = row.from.iter().filter_map(find).collect();
                        if present.is_empty() {
                            continue;
                        }
                        for id in &row.from {
                            let at = held_ids.partition_point(|(k, _)| *k < id.as_str());
                            for &(_, i) in held_ids[at..].iter().take_while(|(k, _)| *k == id.as_str()) {
                                named_by_a_row[i] = true;
                            }
                        }
                        let targets = || {
                            if row.to.is_empty() {
                                Text::plain("—")
                            } else {
                                listed(row.to.iter().map(Text::plain))
                            }
                        };
                        let mut origins: Vec<usize> = Vec::new();
                        for &i in &present {
                            merge(&mut origins, &state[i].origins);
                        }
                        if present.len() < row.from.len() {
                            // Said only for a CCP that has no reason yet, and built once.
                            let mut lacking = None;
                            for &o in &origins {
                                if dropped[o].is_none() {
                                    let lacking = lacking
                                        .get_or_insert_with(|| {
                                            named(
                                                &mut row
                                                    .from
                                                    .iter()
                                                    .filter(|id| find(id).is_none())
                                                    .map(String::as_str),
                                            )
                                        })
                                        .clone();
                                    dropped[o] = Some((
                                        tl!(
                                            STANDING_TABLE_ONLY_GIVES_TOGETHER_WHICH,
                                            p,
                                            n,
                                            targets(),
                                            lacking
                                        ),
                                        table.certainty,
                                        table.source.clone(),
                                    ));
                                }
                            }
                            continue;
                        }
                        if row.to.is_empty() {
                            for &o in &origins {
                                dropped[o].get_or_insert_with(|| {
                                    (
                                        tl!(STANDING_TABLE_SAYS_NONE_CCP_GIVES, p, n),
                                        table.certainty,
                                        table.source.clone(),
                                    )
                                });
                            }
                            continue;
                        }
                        // Every CCP the row needs must still count (R5): one expired, nothing is credited.
                        let expired: Vec<(usize, Option<Date>, Certainty)> = origins
                            .iter()
                            .filter_map(|&o| match time[o] {
                                Time::Expired(date, c) => Some((o, date, c)),
                                _ => None,
                            })
                            .collect();
                        if !expired.is_empty() {
                            for &o in &origins {
                                let others: Vec<&(usize, Option<Date>, Certainty)> =
                                    expired.iter().filter(|e| e.0 != o).collect();
                                if others.is_empty() || dropped[o].is_some() {
                                    continue;
                                }
                                let who = named(&mut others.iter().map(|e| held[e.0].1));
                                let certainty =
                                    others.iter().map(|e| e.2).fold(table.certainty, Certainty::min);
                                dropped[o] = Some((
                                    tl!(STANDING_TABLE_ONLY_GIVES_TOGETHER_WHICH_2, p, n, targets(), who),
                                    certainty,
                                    table.source.clone(),
                                ));
                            }
                            continue;
                        }
                        let shaky = origins.iter().copied().find(|&o| time[o] == Time::Uncertain);
                        let certainty =
                            present.iter().map(|&i| state[i].certainty).fold(table.certainty, Certainty::min);
                        for to in &row.to {
                            for &o in &origins {
                                // A trail says how a CCP got here; past a dozen steps, "…" says the rest.
                                match trails[o].len() {
                                    n if n < MAX_TRAIL => trails[o].push(to.clone()),
                                    MAX_TRAIL => trails[o].push("…".into()),
                                    _ => {}
                                }
                                if shaky.is_some_and(|s| s != o) {
                                    uncertain[o].get_or_insert(shaky.unwrap_or(o));
                                }
                            }
                            match lookup(&next_ids, to) {
                                Some(i) => {
                                    merge(&mut next[i].origins, &origins);
                                    next[i].certainty = next[i].certainty.min(certainty);
                                }
                                None => {
                                    let at = next_ids.partition_point(|(k, _)| k < to);
                                    next_ids.insert(at, (to.clone(), next.len()));
                                    next.push(Entry { id: to.clone(), origins: origins.clone(), certainty });
                                }
                            }
                        }
                    }
                    let note = table.note.clone().map_or_else(Text::default, |t| tl!(STANDING_TEXT_5, t));
                    for (entry, _) in state.iter().zip(&named_by_a_row).filter(|(_, named)| !**named) {
                        for &o in &entry.origins {
                            dropped[o].get_or_insert_with(|| {
                                (
                                    tl!(STANDING_TABLE_ROW_CCP, p, n, note.clone()),
                                    table.certainty,
                                    table.source.clone(),
                                )
                            });
                        }
                    }
                    state = next;
                }
            }
        }
        for (k, &(version, id)) in held.iter().enumerate() {
            if version == v {
                state.push(Entry { id: id.to_string(), origins: vec![k], certainty: Certainty::Official });
            }
        }
    }
    (0..held.len())
        .map(|k| {
            let reached: Vec<&Entry> = state.iter().filter(|e| e.origins.contains(&k)).collect();
            if let Some((reason, certainty, source)) = dropped[k].clone() {
                Chain::Dropped { reason, certainty, sources: vec!["arrete-2015-art3".into(), source.into()] }
            } else if !reached.is_empty() {
                Chain::Reaches {
                    counts_as: reached.iter().map(|e| e.id.clone()).collect(),
                    certainty: reached.iter().map(|e| e.certainty).fold(Certainty::Official, Certainty::min),
                    trail: trails[k].clone(),
                    uncertain: uncertain[k],
                }
            } else if let Some((reason, source)) = unknown[k].clone() {
                Chain::Unknown { reason, trail: trails[k].clone(), source }
            } else {
                Chain::Unknown {
                    reason: tx!(STANDING_CCP_BELONGS_VERSION_LATER_THAN),
                    trail: trails[k].clone(),
                    source: title.versions[held[k].0].start.source.clone(),
                }
            }
        })
        .collect()
}
