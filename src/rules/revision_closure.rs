//! R6. End of a title's validity: extended unchanged, revised (correspondence table) or closed
//! (one year for CCP holders). Arrêté du 22 décembre 2015, art. 3; calculator policy of rules.md R6.
//!
//! Policy applied here:
//! - a row may need several old CCPs for one new CCP: credit only when all of them are held;
//! - a CCP is carried through every revision in turn (2003 → 2011 → 2016 → 2022); an unknown
//!   table on the way makes it uncertain, never a yes or a no;
//! - a definite "no" from a known table (row "néant", no row, or a row needing CCPs the candidate
//!   lacks) wins over everything else;
//! - the end-of-validity date is the last day of validity; "one year after" ends on the same day and
//!   month a year later (29 February → 28 February).

use super::{coverage, Period};
use crate::certainty::Certainty;
use crate::date::Date;
use crate::explain::{ask_dreets, Eval};
use crate::report::VersionInForce;
use crate::title::{AfterEnd, Title, VersionAt};
use crate::{tl, tx, Text};

/// Years a closed title stays obtainable by CCP holders, by date of the end of validity. Before
/// 2016-06-01 the arrêtés of 2002 and 2006 governed and were not read: unknown.
pub static CLOSURE_GRACE: &[Period<Option<i16>>] = &[
    Period { from: coverage::START, value: None, certainty: Certainty::Unknown, sources: &["arrete-2002", "arrete-2006"] },
    Period { from: Date::ymd(2016, 6, 1), value: Some(1), certainty: Certainty::Official, sources: &["arrete-2015-art3"] },
];

/// The title's standing on the evaluation date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Standing {
    /// Before the first version: the title did not exist.
    NotCreated,
    /// In force; `index` is the (latest possible) version in force.
    InForce { index: usize, certainty: Certainty },
    /// Closed, within the year CCP holders have to obtain it.
    Grace { certainty: Certainty },
    /// Closed and past the grace year.
    Ended { certainty: Certainty },
    /// Past the registration end, and what followed is not in our data.
    Unknown,
}

/// Establishes the title's standing on `asOf`, records the validity deadlines and explains.
pub fn standing(ev: &mut Eval) -> Standing {
    let title = ev.title;
    let end = title.registration_end.clone();
    ev.deadline("titleValidityEnd", end.date, end.certainty, tx!(
        "Dernier jour de l'enregistrement actuel du titre", "Last day of the title's current registration"), None);
    let grace_rule = super::in_force(CLOSURE_GRACE, end.date.unwrap_or(ev.as_of));
    let grace_end = end.date.zip(grace_rule.value).map(|(d, years)| d.plus_years(years));
    let grace_certainty = if grace_end.is_some() { end.certainty.min(grace_rule.certainty) } else { Certainty::Unknown };
    let condition = (title.after_registration_end == AfterEnd::Unknown).then(|| tx!(
        "si le titre est clôturé à la fin de son enregistrement", "if the title is closed when its registration ends"));
    ev.deadline("closureGraceEnd", grace_end, grace_certainty, tx!(
        "Fin de l'année laissée aux titulaires de CCP pour obtenir le titre", "End of the year CCP holders have to obtain the title"),
        condition);
    let end_text = date_text(end.date, end.certainty);
    match title.version_at(ev.as_of) {
        VersionAt::BeforeCreation => {
            let start = &title.versions[0].start;
            ev.step("R6", start.certainty, &[&start.source], tl!(
                "À cette date, le titre n'existait pas encore (créé à partir du {}).",
                "On that date, the title did not exist yet (created from {}).", date_text(start.date, start.certainty)));
            ev.rely(start.certainty);
            Standing::NotCreated
        }
        VersionAt::InForce { index, certainty, alternatives } => {
            let version = &title.versions[index];
            ev.report.version = Some(VersionInForce {
                id: version.id.clone(),
                name: version.name.clone(),
                certainty,
                alternatives: alternatives.iter().map(|&i| title.versions[i].id.clone()).collect(),
            });
            let text = if alternatives.is_empty() {
                tl!("À cette date, le titre est en vigueur dans sa version {} ; son enregistrement court jusqu'au {}.",
                    "On that date, the title is in force in its {} version; its registration runs until {}.",
                    Text::plain(&version.id), end_text)
            } else {
                tl!("À cette date, la version en vigueur est la {} ou une version antérieure : la date de changement n'est pas dans nos données.",
                    "On that date, the version in force is the {} one or an earlier one: the date of the change is not in our data.",
                    Text::plain(&version.id))
            };
            ev.step("R6", certainty, &[&version.start.source, &end.source], text);
            // That the title is in force is surer than which version is: a later version existed,
            // or the current registration runs.
            ev.rely(if index + 1 < title.versions.len() { Certainty::Official } else { end.certainty });
            Standing::InForce { index, certainty }
        }
        VersionAt::AfterEnd => match (title.after_registration_end, grace_end) {
            (AfterEnd::Unknown, _) => {
                ev.step("R6", Certainty::Unknown, &["arrete-2015-art3", &end.source], tl!(
                    "L'enregistrement du titre se termine le {} ; ce qui suit (prorogation, révision ou clôture) n'est pas dans nos données.",
                    "The title's registration ends on {}; what follows (extension, revision or closure) is not in our data.", end_text));
                ev.unknown(tx!("ce que devient le titre à la fin de son enregistrement (prorogé, révisé ou clôturé)",
                    "what becomes of the title when its registration ends (extended, revised or closed)"), ask_dreets());
                ev.rely(Certainty::Unknown);
                Standing::Unknown
            }
            (AfterEnd::Closed, Some(until)) if ev.as_of <= until => {
                ev.step("R6", grace_certainty, grace_rule.sources, tl!(
                    "Le titre est clôturé depuis la fin de son enregistrement ({}) : les titulaires de CCP ont jusqu'au {} pour l'obtenir.",
                    "The title was closed when its registration ended ({}): CCP holders have until {} to obtain it.",
                    end_text, date_text(Some(until), grace_certainty)));
                ev.rely(grace_certainty);
                Standing::Grace { certainty: grace_certainty }
            }
            (AfterEnd::Closed, Some(until)) => {
                ev.step("R6", grace_certainty, grace_rule.sources, tl!(
                    "Le titre est clôturé et l'année laissée aux titulaires de CCP s'est terminée le {}.",
                    "The title is closed and the year left to CCP holders ended on {}.", date_text(Some(until), grace_certainty)));
                ev.rely(grace_certainty);
                Standing::Ended { certainty: grace_certainty }
            }
            (AfterEnd::Closed, None) => {
                ev.step("R6", Certainty::Unknown, grace_rule.sources, tx!(
                    "Le titre est clôturé ; le délai laissé aux titulaires de CCP n'est pas connu pour cette date de fin.",
                    "The title is closed; the time left to CCP holders is not known for that end date."));
                ev.unknown(tx!("le délai accordé après la clôture du titre", "the time allowed after the title's closure"), ask_dreets());
                ev.rely(Certainty::Unknown);
                Standing::Unknown
            }
        },
    }
}

/// A date with its certainty in words: "13/07/2027 (estimée)", or "inconnue".
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

/// Where one held CCP ends up after every correspondence table up to the target version.
#[derive(Clone, Debug, PartialEq)]
pub enum Chain {
    /// It gives these CCPs of the target version, through these steps.
    Reaches { counts_as: Vec<String>, certainty: Certainty, trail: Vec<String> },
    /// A known table gives it no credit.
    Dropped { reason: Text, certainty: Certainty },
    /// An unknown table stands on the way.
    Unknown { reason: Text, trail: Vec<String> },
}

/// Carries held CCPs `(version index, id)` through every revision up to version `target`
/// (rules.md R6). CCPs travel together, since a row may need several of them.
pub fn carry_forward(title: &Title, held: &[(usize, &str)], target: usize) -> Vec<Chain> {
    struct Entry {
        id: String,
        origins: Vec<usize>,
        certainty: Certainty,
    }
    let mut state: Vec<Entry> = Vec::new();
    let mut trails: Vec<Vec<String>> = held.iter().map(|(_, id)| vec![id.to_string()]).collect();
    let mut dropped: Vec<Option<(Text, Certainty)>> = vec![None; held.len()];
    let mut unknown: Vec<Option<Text>> = vec![None; held.len()];
    let name = |id: &str| title.ccp(id).map_or_else(|| Text::plain(id), |(_, c)| c.name.clone());
    for v in 0..=target {
        if v > 0 && !state.is_empty() {
            let (prev, version) = (&title.versions[v - 1], &title.versions[v]);
            let Some(table) = version.correspondence.as_ref() else { continue };
            let (p, n) = (Text::plain(&prev.id), Text::plain(&version.id));
            match &table.rows {
                None => {
                    for entry in state.drain(..) {
                        for o in entry.origins {
                            unknown[o].get_or_insert_with(|| tl!(
                                "la table de correspondance de la version {} vers la version {} n'est pas dans nos données",
                                "the correspondence table from the {} version to the {} version is not in our data", p, n));
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
                        if present.len() < row.from.len() {
                            let lacking: Vec<&String> = row.from.iter().filter(|id| find(id).is_none()).collect();
                            let l = Text::new(
                                lacking.iter().map(|id| format!("{id} « {} »", name(id).fr)).collect::<Vec<_>>().join(", "),
                                lacking.iter().map(|id| format!("{id} \"{}\"", name(id).en)).collect::<Vec<_>>().join(", "));
                            let targets = Text::plain(if row.to.is_empty() { "—".to_string() } else { row.to.join(", ") });
                            for &i in &present {
                                for &o in &state[i].origins {
                                    dropped[o].get_or_insert_with(|| (tl!(
                                        "la table {} → {} ne donne {} qu'avec aussi : {}, que vous ne détenez pas",
                                        "the {} → {} table only gives {} together with: {}, which you do not hold", p, n, targets, l),
                                        table.certainty));
                                }
                            }
                            continue;
                        }
                        let mut origins: Vec<usize> = present.iter().flat_map(|&i| state[i].origins.clone()).collect();
                        origins.sort_unstable();
                        origins.dedup();
                        let certainty = present.iter().map(|&i| state[i].certainty).fold(table.certainty, Certainty::min);
                        if row.to.is_empty() {
                            for &o in &origins {
                                dropped[o].get_or_insert_with(|| (tl!(
                                    "la table {} → {} indique « néant » pour ce CCP : il ne donne aucun CCP de la nouvelle version",
                                    "the {} → {} table says \"none\" for this CCP: it gives no CCP of the new version", p, n),
                                    table.certainty));
                            }
                        }
                        for to in &row.to {
                            for &o in &origins {
                                trails[o].push(to.clone());
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
                                    "the {} → {} table has no row for this CCP{}", p, n, note), table.certainty));
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
            if !reached.is_empty() {
                Chain::Reaches {
                    counts_as: reached.iter().map(|e| e.id.clone()).collect(),
                    certainty: reached.iter().map(|e| e.certainty).fold(Certainty::Official, Certainty::min),
                    trail: trails[k].clone(),
                }
            } else if let Some(reason) = unknown[k].clone() {
                Chain::Unknown { reason, trail: trails[k].clone() }
            } else if let Some((reason, certainty)) = dropped[k].clone() {
                Chain::Dropped { reason, certainty }
            } else {
                Chain::Unknown {
                    reason: tx!("ce CCP relève d'une version postérieure à celle en vigueur à cette date",
                        "this CCP belongs to a version later than the one in force on that date"),
                    trail: trails[k].clone(),
                }
            }
        })
        .collect()
}
