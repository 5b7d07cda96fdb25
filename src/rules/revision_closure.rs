//! R6. End of a title's validity: extended unchanged, revised (correspondence table) or closed
//! (one year for CCP holders). Arrêté du 22 décembre 2015, art. 3; calculator policy of rules.md
//! R6 and R12.
//!
//! Policy applied here:
//! - a report shows the facts as they stood on the evaluation date: the end of validity of the
//!   version in force that day (or "unknown"), never a later version's dates;
//! - the end-of-validity date is the last day of validity; "one year after" ends on the same day
//!   and month a year later (29 February → 28 February); the register's last award date, when
//!   filled, is the end of the closure year (R12);
//! - after the data's snapshot, what became of a registration that ended after it is unknown,
//!   unless the data says the title was closed (R12);
//! - a CCP is carried through every revision in turn (2003 → 2011 → 2016 → 2022); a row may need
//!   several old CCPs for one new CCP: credit only when all of them are held and still count (R5);
//!   one of them expired → not credited (say which), one uncertain → uncertain; an unknown table
//!   on the way makes it uncertain; a definite "no" from a known table (row "néant", no row, a row
//!   needing CCPs the candidate lacks) wins over everything else.

use super::{dates, Ctx, Period};
use crate::certainty::{Certainty, DatedFact};
use crate::date::Date;
use crate::journal::{law, Decision, Fact, Id, Journal, SourceId, Tri};
use crate::report::{Deadline, Unknown, VersionInForce};
use crate::title::{AfterEnd, Title, VersionAt};
use crate::{tl, tx, Text};

/// Years a closed title stays obtainable by CCP holders, by the date its registration ended.
/// Before 2016-06-01 the arrêtés of 2002 and 2006 governed and were not read: unknown.
pub static CLOSURE_GRACE: &[Period<Option<i16>>] = &[
    Period { from: dates::TP_REGIME, value: None, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: dates::ARRETE_2015, value: Some(1), certainty: Certainty::Official, sources: &["arrete-2015-art3"] },
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
    /// Closed, within the year CCP holders have to obtain it.
    Grace { until: Date, certainty: Certainty },
    /// Closed and past that year.
    Ended { until: Date, certainty: Certainty },
    /// Past a registration's end, and what followed is not in our data.
    Unknown,
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
    /// The end of the registration and of the closure year, as the texts say them.
    end: Text,
    grace: Text,
    /// The end of the registration in force, when its date is known, and how sure it is.
    end_date: Option<(Date, Certainty)>,
    /// The version in force, when it is not the last one (its end is a revision, not the title's).
    replaced: Option<String>,
}

impl TitleStanding {
    /// The key deadline in words: "avant le 7 janvier 2028 [source secondaire], fin de
    /// l'enregistrement du titre".
    pub fn until(&self) -> Option<Text> {
        match (&self.standing, self.end_date) {
            (Standing::InForce { .. }, Some(_)) if self.replaced.is_some() => Some(tl!(
                "avant le {}, dernier jour de la version {} du titre", "before {}, the last day of the title's {} version",
                self.end, Text::plain(self.replaced.as_deref().unwrap_or_default()))),
            (Standing::InForce { alternatives, .. }, Some((_, c))) if alternatives.is_empty() => Some(if c == Certainty::Estimated {
                tl!("avant le {}, fin prévue de l'enregistrement du titre", "before {}, when the title's registration is expected to end", self.end)
            } else {
                tl!("avant le {}, fin de l'enregistrement du titre", "before {}, when the title's registration ends", self.end)
            }),
            (Standing::Grace { .. }, _) => Some(tl!("avant le {}, fin de l'année laissée aux titulaires de CCP",
                "before {}, the end of the year left to CCP holders", self.grace)),
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

/// A date and its certainty in words: "7 janvier 2028 [source secondaire]", or "une date inconnue".
pub fn date_text(date: Option<Date>, certainty: Certainty) -> Text {
    let Some(date) = date else { return tx!("une date inconnue", "an unknown date") };
    let words = Text::date(date);
    match certainty {
        Certainty::Official => words,
        Certainty::Secondary => tl!("{} [source secondaire]", "{} [secondary source]", words),
        Certainty::Estimated => tl!("{} [date estimée]", "{} [estimated date]", words),
        Certainty::Unknown => tl!("{} [incertaine]", "{} [uncertain]", words),
    }
}

/// "its registration runs until X" in words that do not state an estimate as certain, nor a date
/// we do not have.
fn runs_until(end: &DatedFact, certainty: Certainty, last: bool) -> Text {
    match (end.date, certainty) {
        (Some(d), _) if !last => tl!("cette version s'applique jusqu'au {}, puis le titre est révisé", "this version applies until {}, when the title is revised",
            date_text(Some(d), certainty)),
        (Some(d), Certainty::Estimated) => tl!("son enregistrement devrait courir jusqu'au {}", "its registration is expected to run until {}",
            date_text(Some(d), certainty)),
        (Some(d), _) => tl!("son enregistrement court jusqu'au {}", "its registration runs until {}", date_text(Some(d), certainty)),
        (None, _) => {
            let bound = match (end.not_before, end.not_after) {
                (Some(a), Some(b)) => tl!(", entre le {} et le {}", ", between {} and {}", Text::date(a), Text::date(b)),
                (Some(a), None) => tl!(", pas avant le {}", ", not before {}", Text::date(a)),
                (None, Some(b)) => tl!(", au plus tard le {}", ", {} at the latest", Text::date(b)),
                (None, None) => Text::default(),
            };
            tl!("la date de fin de cette version n'est pas dans nos données{}", "the end date of this version is not in our data{}", bound)
        }
    }
}

/// The end of the closure year after version `index` ends: the register's last award date when
/// filled, else one year after the end (estimated), by the rule in force when the title ended.
fn grace_end(title: &Title, index: usize) -> (Option<Date>, Certainty, Vec<SourceId>) {
    let version = &title.versions[index];
    if let Some(award) = &version.last_award {
        return (award.date, award.certainty, vec![award.source.clone().into()]);
    }
    let end = title.version_end(index);
    let Some(end_date) = end.date else { return (None, Certainty::Unknown, vec![end.source.clone().into()]) };
    let rule = super::in_force(CLOSURE_GRACE, end_date);
    let mut sources = law(rule.sources);
    sources.push(end.source.clone().into());
    match rule.value {
        Some(years) => (Some(end_date.plus_years(years)), end.certainty.min(rule.certainty).min(Certainty::Estimated), sources),
        None => (None, Certainty::Unknown, sources),
    }
}

/// A deadline: with a date, the date's certainty; without, `unknown`.
pub fn deadline(kind: &'static str, date: Option<Date>, certainty: Certainty, label: Text, condition: Option<Text>) -> Fact {
    let certainty = if date.is_some() { certainty } else { Certainty::Unknown };
    Fact::Deadline(Deadline { kind, date, certainty, label, condition })
}

/// Establishes the title's standing on `asOf` (rules.md R6, R12).
pub fn standing(ctx: &Ctx) -> TitleStanding {
    let title = ctx.title;
    let ask = ctx.ask().text();
    let last = title.versions.len() - 1;
    let mut facts = Vec::new();
    let validity_label = tx!("Dernier jour de l'enregistrement du titre", "Last day of the title's registration");
    let grace_label = tx!("Fin de l'année laissée aux titulaires de CCP pour obtenir le titre", "End of the year CCP holders have to obtain the title");
    let mut end_date = None;
    let mut replaced = None;
    let (standing, text, certainty, sources, end_words, grace_words) = match title.version_at(ctx.as_of) {
        VersionAt::BeforeCreation => {
            let start = &title.versions[0].start;
            let c = title.fact_certainty(start);
            let from = match start.date {
                Some(d) => date_text(Some(d), start.certainty),
                None => tl!("pas avant le {}", "not before {}", Text::date(start.earliest().unwrap_or(ctx.as_of))),
            };
            (Standing::NotCreated, tl!("À cette date, le titre n'existait pas encore (il date du {}).",
                "On that date, the title did not exist yet (it dates from {}).", from), c, vec![start.source.clone().into()], Text::default(), Text::default())
        }
        VersionAt::InForce { index, certainty: version_certainty, registered: title_certainty, alternatives } => {
            let version = &title.versions[index];
            let end = title.version_end(index);
            let end_certainty = title.fact_certainty(&end);
            // When another version may be in force, the end of the one in force is not known.
            let shown = if alternatives.is_empty() { end.date } else { None };
            facts.push(deadline("titleValidityEnd", shown, end.certainty, validity_label, None));
            let mut grace_words = Text::default();
            if index == last {
                let (until, c, _) = grace_end(title, index);
                let condition = (title.after_registration_end == AfterEnd::Unknown).then_some(tx!(
                    "si le titre est clôturé à la fin de son enregistrement", "if the title is closed when its registration ends"));
                facts.push(deadline("closureGraceEnd", until, c, grace_label, condition));
                grace_words = date_text(until, c);
            }
            let rncp = version.rncp.as_deref().map_or_else(Text::default, |n| Text::plain(format!(", fiche {n}")));
            let text = if alternatives.is_empty() {
                tl!("À cette date, le titre est en vigueur dans sa version {}{} ; {}.", "On that date, the title is in force in its {} version{}; {}.",
                    Text::plain(&version.id), rncp, runs_until(&end, end_certainty, index == last))
            } else {
                tl!("À cette date, la version en vigueur est la {} ou une version antérieure : la date du changement n'est pas dans nos données.",
                    "On that date, the version in force is the {} one or an earlier one: the date of the change is not in our data.",
                    Text::plain(&version.id))
            };
            facts.push(Fact::Version(VersionInForce {
                id: version.id.clone(),
                name: Text::from(&version.name),
                rncp: version.rncp.clone(),
                certainty: version_certainty,
                alternatives: alternatives.iter().map(|&i| title.versions[i].id.clone()).collect(),
            }));
            let end_words = date_text(shown, end.certainty);
            end_date = shown.map(|d| (d, end.certainty));
            replaced = (index < last).then(|| version.id.clone());
            let standing = Standing::InForce { index, version: version_certainty, title: title_certainty, alternatives };
            (standing, text, title_certainty, vec![version.start.source.clone().into(), end.source.clone().into()], end_words, grace_words)
        }
        VersionAt::AfterEnd { index } => {
            let end = title.version_end(index);
            let end_words = date_text(end.date, end.certainty);
            facts.push(deadline("titleValidityEnd", end.date, end.certainty, validity_label, None));
            let closed = index == last && title.after_registration_end == AfterEnd::Closed;
            let (until, grace_certainty, grace_sources) = grace_end(title, index);
            match (closed, until) {
                (true, Some(until)) => {
                    facts.push(deadline("closureGraceEnd", Some(until), grace_certainty, grace_label, None));
                    let c = grace_certainty.min(title.fact_certainty(&end));
                    let grace_words = date_text(Some(until), grace_certainty);
                    let (standing, text) = if ctx.as_of <= until {
                        (Standing::Grace { until, certainty: c }, tl!(
                            "Le titre est clôturé depuis la fin de son enregistrement, le {} : les titulaires de CCP ont jusqu'au {} pour l'obtenir.",
                            "The title was closed when its registration ended on {}: CCP holders have until {} to obtain it.", end_words, grace_words))
                    } else {
                        (Standing::Ended { until, certainty: c }, tl!(
                            "Le titre est clôturé depuis le {}, et l'année laissée aux titulaires de CCP a pris fin le {}.",
                            "The title was closed on {}, and the year left to CCP holders ended on {}.", end_words, grace_words))
                    };
                    (standing, text, c, grace_sources, end_words, grace_words)
                }
                _ => {
                    let what = if closed {
                        tx!("le délai laissé aux titulaires de CCP après la clôture du titre", "the time left to CCP holders after the title's closure")
                    } else {
                        tl!("ce que devient le titre après la fin de son enregistrement le {} (prorogé, révisé ou clôturé)",
                            "what became of the title after its registration ended on {} (extended, revised or closed)", end_words)
                    };
                    let snapshot = title.snapshot.filter(|s| end.date.is_some_and(|e| e >= *s)).map_or_else(Text::default, |s| tl!(
                        " Nos données datent du {} : la suite n'y figure pas.", " Our data dates from {}: what followed is not in it.", Text::date(s)));
                    facts.push(Fact::Unknown(Unknown { what: what.clone(), ask: ask.clone() }));
                    (Standing::Unknown, tl!("Nos données ne disent pas {}.{}", "Our data does not say {}.{}", what, snapshot),
                        Certainty::Unknown, vec!["arrete-2015-art3".into(), end.source.clone().into()], end_words, Text::default())
                }
            }
        }
    };
    TitleStanding { standing, text, certainty, sources, facts, end: end_words, grace: grace_words, end_date, replaced }
}

/// The title's standing as a condition for a kind of session, in the journal.
pub fn condition(j: &mut Journal, standing: &TitleStanding, purpose: Purpose) -> Id {
    let (verdict, certainty, text) = match (&standing.standing, purpose) {
        (Standing::NotCreated, _) | (Standing::Ended { .. }, _) => (Tri::No, standing.certainty, standing.text.clone()),
        (Standing::InForce { .. }, _) => (Tri::Yes, standing.certainty, standing.text.clone()),
        (Standing::Unknown, _) => (Tri::Unknown, Certainty::Unknown, standing.text.clone()),
        (Standing::Grace { certainty, .. }, Purpose::SessionCcp) => (Tri::Yes, *certainty, standing.text.clone()),
        (Standing::Grace { certainty, .. }, Purpose::SessionTitre) => (Tri::No, *certainty, tl!(
            "Le titre est clôturé depuis le {} : plus de nouvelle session titre ; seuls les titulaires de CCP peuvent encore l'obtenir, jusqu'au {}.",
            "The title was closed on {}: no new session titre; only CCP holders may still obtain it, until {}.", standing.end, standing.grace)),
        (Standing::Grace { certainty, .. }, Purpose::SessionCcs) => (Tri::No, (*certainty).min(Certainty::Secondary), tl!(
            "Le titre est clôturé depuis le {} : il n'y a plus de session CCS.", "The title was closed on {}: there are no more sessions CCS.",
            standing.end)),
    };
    let mut sources = standing.sources.clone();
    if purpose == Purpose::SessionCcs && matches!(standing.standing, Standing::Grace { .. } | Standing::Ended { .. }) {
        sources.push("policy".into());
    }
    j.push(Decision::new("R6", verdict, certainty, &[], text).citing_all(sources).with_all(standing.facts.iter().cloned()))
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
    let named = |ids: &mut dyn Iterator<Item = &str>| {
        Text::join(ids.map(|id| tl!("{} « {} »", "{} \"{}\"", id, name(id))).collect(), &[", ", ", "])
    };
    for v in 0..=target {
        if v > 0 && !state.is_empty() {
            let (prev, version) = (&title.versions[v - 1], &title.versions[v]);
            let Some(table) = version.correspondence.as_ref() else { continue };
            let (p, n) = (Text::plain(&prev.id), Text::plain(&version.id));
            match &table.rows {
                None => {
                    for entry in state.drain(..) {
                        for o in entry.origins {
                            unknown[o].get_or_insert_with(|| (tl!(
                                "la table de correspondance de la version {} vers la version {} n'est pas dans nos données",
                                "the correspondence table from the {} version to the {} version is not in our data", p, n), table.source.clone()));
                        }
                    }
                }
                Some(rows) => {
                    let mut next: Vec<Entry> = Vec::new();
                    let find = |id: &String| state.iter().position(|e| &e.id == id);
                    for row in rows {
                        let present: Vec<usize> = row.from.iter().filter_map(find).collect();
                        if present.is_empty() {
                            continue;
                        }
                        let targets = Text::plain(if row.to.is_empty() { "—".to_string() } else { row.to.join(", ") });
                        // In order, without repeats (kept sorted as it is built: no library sort in the wasm).
                        let mut origins: Vec<usize> = Vec::new();
                        for o in present.iter().flat_map(|&i| state[i].origins.iter().copied()) {
                            if let Err(at) = origins.binary_search(&o) {
                                origins.insert(at, o);
                            }
                        }
                        if present.len() < row.from.len() {
                            let lacking = named(&mut row.from.iter().filter(|id| find(id).is_none()).map(String::as_str));
                            for &o in &origins {
                                dropped[o].get_or_insert_with(|| (tl!(
                                    "la table {} → {} ne donne {} qu'avec aussi : {}, que vous ne détenez pas",
                                    "the {} → {} table only gives {} together with: {}, which you do not hold", p, n, targets, lacking),
                                    table.certainty, table.source.clone()));
                            }
                            continue;
                        }
                        if row.to.is_empty() {
                            for &o in &origins {
                                dropped[o].get_or_insert_with(|| (tl!(
                                    "la table {} → {} indique « néant » pour ce CCP : il ne donne aucun CCP de la nouvelle version",
                                    "the {} → {} table says \"none\" for this CCP: it gives no CCP of the new version", p, n),
                                    table.certainty, table.source.clone()));
                            }
                            continue;
                        }
                        // Every CCP the row needs must still count (R5): one expired, nothing is credited.
                        let expired: Vec<(usize, Option<Date>, Certainty)> = origins.iter().filter_map(|&o| match time[o] {
                            Time::Expired(date, c) => Some((o, date, c)),
                            _ => None,
                        }).collect();
                        if !expired.is_empty() {
                            for &o in &origins {
                                let others: Vec<&(usize, Option<Date>, Certainty)> = expired.iter().filter(|e| e.0 != o).collect();
                                if others.is_empty() {
                                    continue;
                                }
                                let who = named(&mut others.iter().map(|e| held[e.0].1));
                                let certainty = others.iter().map(|e| e.2).fold(table.certainty, Certainty::min);
                                dropped[o].get_or_insert_with(|| (tl!(
                                    "la table {} → {} ne donne {} qu'avec aussi : {}, qui n'est plus valable (ses cinq ans sont passés)",
                                    "the {} → {} table only gives {} together with: {}, which no longer counts (its five years have passed)",
                                    p, n, targets, who), certainty, table.source.clone()));
                            }
                            continue;
                        }
                        let shaky = origins.iter().copied().find(|&o| time[o] == Time::Uncertain);
                        let certainty = present.iter().map(|&i| state[i].certainty).fold(table.certainty, Certainty::min);
                        for to in &row.to {
                            for &o in &origins {
                                trails[o].push(to.clone());
                                if shaky.is_some_and(|s| s != o) {
                                    uncertain[o].get_or_insert(shaky.unwrap_or(o));
                                }
                            }
                            match next.iter_mut().find(|e| &e.id == to) {
                                Some(e) => {
                                    e.origins.extend(origins.iter().copied());
                                    e.certainty = e.certainty.min(certainty);
                                }
                                None => next.push(Entry { id: to.clone(), origins: origins.clone(), certainty }),
                            }
                        }
                    }
                    let note = table.note.clone().map_or_else(Text::default, |t| tl!(" ({})", " ({})", t));
                    for entry in &state {
                        if !rows.iter().any(|r| r.from.contains(&entry.id)) {
                            for &o in &entry.origins {
                                dropped[o].get_or_insert_with(|| (tl!(
                                    "la table {} → {} n'a pas de ligne pour ce CCP{}",
                                    "the {} → {} table has no row for this CCP{}", p, n, note), table.certainty, table.source.clone()));
                            }
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
                    reason: tx!("ce CCP relève d'une version postérieure à celle en vigueur à cette date",
                        "this CCP belongs to a version later than the one in force on that date"),
                    trail: trails[k].clone(),
                    source: title.versions[held[k].0].start.source.clone(),
                }
            }
        })
        .collect()
}
