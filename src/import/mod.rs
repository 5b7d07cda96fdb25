//! The importer (`tp-eligibility import`, native only, never in the wasm): reads the national
//! register's open data (France compétences, Licence Ouverte 2.0) and writes title data in the
//! project's format, one file per title and an index (rules.md R12).
//!
//! - [`xml`]: the XML export, flux 4.1, streamed (TP fiches only);
//! - [`csv`]: the CSV export (ten `;` files) and the Kit apprentissage rows (every TP, with its
//!   `Code Diplôme` and the chain of its fiches).
//!
//! Fiches from every source are merged by RNCP number (for each field, the most recent source
//! that has it), grouped into titles by `Code Diplôme` (and across a one-to-one revision that
//! changed it), ordered into versions, one per fiche. Every fact is `secondary` and cites the file
//! and date it comes from; what the register does not say stays unknown: a fiche with no blocs has
//! an unknown CCP list, a revision with no `CORRESPONDANCES` an unknown table. Curated titles
//! (Assistant import-export) are kept as they are. Output is written aside, then renamed into place:
//! nothing is ever half-written.

pub mod csv;
pub mod refresh;
pub mod xml;

use crate::date::Date;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with an input file: which file, where, what.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub place: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, place: String, message: String) -> Problem {
        Problem { file: file.to_string(), place, message }
    }

    /// A file that cannot be opened or read.
    pub fn cannot_read(path: &Path, e: impl fmt::Display) -> Problem {
        Problem::new(
            &path.display().to_string(),
            String::new(),
            format!("lecture impossible : {e} / cannot read: {e}"),
        )
    }
}

/// A JSON file (a list of sources, a curated title).
fn read_json(path: &Path) -> Result<Value, Problem> {
    let text = std::fs::read_to_string(path).map_err(|e| Problem::cannot_read(path, e))?;
    serde_json::from_str(&text).map_err(|e| {
        Problem::new(
            &path.display().to_string(),
            format!("ligne {}", e.line()),
            format!("JSON invalide : {e} / invalid JSON: {e}"),
        )
    })
}

/// Reads one title as the calculator will, and validates it.
fn check_title(title: &Value) -> Result<(), crate::Error> {
    crate::title::parse(&crate::read::json(&format!("[{title}]"))?, "titles")
        .and_then(|t| crate::title::validate(&t, "titles"))
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.place.is_empty() { String::new() } else { format!(", {}", self.place) };
        write!(f, "{}{place} : {}", self.file, self.message)
    }
}

/// One register fiche, as the sources describe it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fiche {
    pub numero: String,
    pub intitule: String,
    pub niveau: Option<String>,
    pub actif: Option<bool>,
    pub date_effet: Option<Date>,
    pub date_fin: Option<Date>,
    pub date_limite: Option<Date>,
    /// The arrêté de spécialité and its Journal officiel date.
    pub act: Option<(String, Option<Date>)>,
    /// `None` when the source has no bloc list at all.
    pub blocs: Option<Vec<Bloc>>,
    pub anciennes: Vec<String>,
    pub nouvelles: Vec<String>,
    /// `None` when the source has no `CORRESPONDANCES`.
    pub correspondences: Option<Vec<Correspondence>>,
    pub nsf: Vec<String>,
    pub rome: Vec<String>,
}

/// One bloc de compétences: for a TP, one CCP.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bloc {
    pub code: String,
    pub libelle: String,
    pub competences: String,
    pub modalites: String,
}

/// One row of `CORRESPONDANCES`: these new blocs (SOURCE) for those old ones (DESTINATION).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Correspondence {
    pub new_blocs: Vec<String>,
    pub old_fiche: Option<String>,
    pub old_blocs: Vec<String>,
}

/// One Kit apprentissage row: a fiche under one `Code Diplôme`.
#[derive(Debug, Clone, PartialEq)]
pub struct KitRow {
    pub code_diplome: String,
    /// The title's name as the DEPP gives it, to choose between two codes given to one fiche.
    pub depp: String,
    pub fiche: Fiche,
}

/// The files to import, each with the date of its data.
#[derive(Debug, Default)]
pub struct Input {
    pub xml: Vec<(PathBuf, Date)>,
    pub csv: Vec<(PathBuf, Date)>,
    pub kit: Vec<(PathBuf, Date)>,
    /// Title files kept as they are (they replace the title the register gives for their codes),
    /// with fresher register dates laid over their register facts.
    pub curated: Vec<PathBuf>,
    /// The register's daily export (a zip), read after every other source: the most recent.
    pub export: Option<refresh::Export>,
    pub progress: bool,
}

impl Input {
    /// Reads a list of sources (`data/sources.json`): `{xml, csv, kit: [{file, date}], curated:
    /// [file]}`, paths relative to the list's folder.
    pub fn from_sources(path: &Path) -> Result<Input, Problem> {
        let file = path.display().to_string();
        let value = read_json(path)?;
        let base = path.parent().unwrap_or(Path::new("."));
        let dated = |key: &str| -> Result<Vec<(PathBuf, Date)>, Problem> {
            value[key].as_array().into_iter().flatten().map(|item| {
                let (Some(f), Some(d)) = (item["file"].as_str(), item["date"].as_str().and_then(Date::parse)) else {
                    return Err(Problem::new(&file, key.to_string(), "chaque source a un « file » et une « date » AAAA-MM-JJ / each source has a \"file\" and a \"date\" YYYY-MM-DD".into()));
                };
                Ok((base.join(f), d))
            }).collect()
        };
        Ok(Input {
            xml: dated("xml")?,
            csv: dated("csv")?,
            kit: dated("kit")?,
            curated: value["curated"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|f| base.join(f))
                .collect(),
            export: None,
            progress: false,
        })
    }

    /// The same list with the export of the last refresh, when one was made (its record beside
    /// the list): what `make data` reproduces. The export must be here (it is not committed).
    pub fn from_sources_and_record(path: &Path) -> Result<Input, Problem> {
        let mut input = Input::from_sources(path)?;
        let record = refresh::record(path);
        if let Some(value) = refresh::read_record(&record)? {
            let file = path
                .parent()
                .unwrap_or(Path::new("."))
                .join(value["export"]["file"].as_str().unwrap_or_default());
            if !file.exists() {
                return Err(Problem::new(&file.display().to_string(), String::new(), format!(
                    "l'export nommé par {} n'est pas là : lancez make data-refresh / the export named by {} is not here: run make data-refresh",
                    record.display(), record.display())));
            }
            input.export =
                Some(refresh::Export::new(file, value["export"]["url"].as_str().map(str::to_string))?);
        }
        Ok(input)
    }
}

/// What an import produced: title files by name, the index, and counts.
#[derive(Debug, Default)]
pub struct Output {
    pub files: BTreeMap<String, String>,
    pub titles: usize,
    pub fiches: usize,
    pub read: usize,
    /// TP fiches given by the export, and by the other XML files (the export a refresh replaces).
    pub export_fiches: usize,
    pub xml_fiches: usize,
    pub warnings: Vec<String>,
}

/// A source file, cited by the facts it gave.
struct Source {
    id: String,
    date: Date,
    fr: String,
    en: String,
    /// The XML export: the only source that gives correspondence tables.
    xml: bool,
}

/// A fiche merged from every source, with the source of each field.
#[derive(Default, Clone)]
struct Merged {
    fiche: Fiche,
    /// Source index of: dates, blocs, correspondences, act; and every source that had it.
    dates: Option<usize>,
    blocs: Option<usize>,
    correspondences: Option<usize>,
    seen: BTreeSet<usize>,
    codes: Vec<(String, String)>,
}

/// The date of a file's data from its name ("…_2024_02_22.csv", "…-2025-01-31-…").
pub fn date_in_name(path: &Path) -> Option<Date> {
    let name = path.file_name()?.to_str()?;
    let digits: Vec<char> = name.chars().map(|c| if c == '_' { '-' } else { c }).collect();
    (0..digits.len().saturating_sub(9))
        .find_map(|i| Date::parse(&digits[i..i + 10].iter().collect::<String>()))
}

fn words(text: &str) -> BTreeSet<String> {
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().filter(|w| w.len() > 2 && *w != "tp").map(str::to_string).collect()
}

/// Reads every input and builds the title files.
pub fn import(input: &Input) -> Result<Output, Problem> {
    let mut sources: Vec<Source> = Vec::new();
    let mut merged: BTreeMap<String, Merged> = BTreeMap::new();
    let mut out = Output::default();
    // Oldest data first, so that a more recent source overrides an older one field by field.
    let mut files: Vec<(u8, &PathBuf, Date)> = input
        .xml
        .iter()
        .map(|(p, d)| (0, p, *d))
        .chain(input.csv.iter().map(|(p, d)| (1, p, *d)))
        .chain(input.kit.iter().map(|(p, d)| (2, p, *d)))
        .chain(input.export.iter().map(|e| (3, &e.path, e.date)))
        .collect();
    // (An export read last among sources of its day: it is the XML export, the fullest.)
    files.sort_by_key(|(kind, _, date)| (*date, *kind == 3, std::cmp::Reverse(*kind)));
    for (kind, path, date) in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let index = sources.len();
        let (what_fr, what_en) = match kind {
            0 | 3 => ("export XML (flux 4.1)", "XML export (flux 4.1)"),
            1 => ("export CSV", "CSV export"),
            _ => ("Kit apprentissage", "Kit apprentissage"),
        };
        sources.push(Source {
            id: format!("rncp-{}-{date}", ["xml", "csv", "kit", "xml"][usize::from(kind)]),
            date,
            fr: format!("Répertoire national des certifications professionnelles (France compétences, données ouvertes, Licence Ouverte 2.0) : {what_fr}, fichier {name}, données du {}", crate::Text::date(date).fr()),
            en: format!("National register of professional certifications (France compétences, open data, Licence Ouverte 2.0): {what_en}, file {name}, data of {}", crate::Text::date(date).en()),
            xml: kind == 0 || kind == 3,
        });
        let mut add = |fiche: Fiche, code: Option<(String, String)>| {
            let m = merged.entry(fiche.numero.clone()).or_default();
            m.seen.insert(index);
            merge(m, fiche, index);
            if let Some(code) = code {
                if !m.codes.contains(&code) {
                    m.codes.push(code);
                }
            }
        };
        let bar = |size: u64| {
            input.progress.then(|| {
                let bar = indicatif::ProgressBar::new(size);
                bar.set_style(
                    indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                        .progress_chars("=> "),
                );
                bar.set_message(name.clone());
                bar
            })
        };
        let mut xml = |source: &mut dyn std::io::BufRead, size: u64, file: &str| -> Result<usize, Problem> {
            let bar = bar(size);
            let (read, kept) = xml::read(source, file, bar.clone(), |fiche| add(fiche, None))?;
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            out.read += read;
            Ok(kept)
        };
        match kind {
            0 => {
                let file = std::fs::File::open(path).map_err(|e| Problem::cannot_read(path, e))?;
                let size = file.metadata().map(|m| m.len()).unwrap_or(0);
                out.xml_fiches += xml(
                    &mut std::io::BufReader::with_capacity(1 << 16, file),
                    size,
                    &path.display().to_string(),
                )?;
            }
            3 => refresh::read_zip(path, |source, size, file| {
                out.export_fiches += xml(source, size, file)?;
                Ok(())
            })?,
            1 => {
                let (fiches, read) = csv::export(path)?;
                out.read += read;
                for fiche in fiches {
                    add(fiche, None);
                }
            }
            _ => {
                let rows = csv::kit(path)?;
                out.read += rows.len();
                for row in rows {
                    add(row.fiche, Some((row.code_diplome, row.depp)));
                }
            }
        }
    }
    out.fiches = merged.len();
    let curated: Vec<(PathBuf, Value)> = input
        .curated
        .iter()
        .map(|path| {
            let value = read_json(path)?;
            check_title(&value)
                .map_err(|e| Problem::new(&path.display().to_string(), e.field.clone(), e.en()))?;
            Ok((path.clone(), value))
        })
        .collect::<Result<_, Problem>>()?;
    // Every title file, by name: built from the register, or curated.
    let mut titles: BTreeMap<String, Value> = BTreeMap::new();
    let groups = groups(&merged);
    let ids = Identities::new(&groups, &merged);
    for (g, group) in groups.iter().enumerate() {
        let title = build(g, group, &merged, &sources, &ids, &mut out.warnings);
        let codes: Vec<&str> =
            title["codeDiplome"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let numbers: Vec<&str> = group.iter().map(String::as_str).collect();
        let replaced = curated.iter().find(|(_, c)| {
            c["codeDiplome"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .any(|code| codes.contains(&code))
                || c["versions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v["rncp"].as_str())
                    .any(|n| numbers.contains(&n))
        });
        if replaced.is_some() {
            continue;
        }
        match check_title(&title) {
            Ok(()) => {
                let code = title["code"].as_str().unwrap_or_default().to_string();
                add_title(&mut titles, code, title, &format!("fiches {}", numbers.join(", ")))?;
            }
            Err(e) => out.warnings.push(format!("{}: {} ({})", numbers.join(", "), e.en(), e.field)),
        }
    }
    for (path, mut value) in curated {
        lay_over(&mut value, &merged, &sources, &mut out.warnings);
        check_title(&value)
            .map_err(|e| Problem::new(&path.display().to_string(), e.field.clone(), e.en()))?;
        let code = value["code"].as_str().unwrap_or_default().to_string();
        add_title(&mut titles, code, value, &path.display().to_string())?;
    }
    let mut index: Vec<Value> = titles
        .iter()
        .map(|(file, t)| {
            let versions = t["versions"].as_array().cloned().unwrap_or_default();
            let last = versions.last().cloned().unwrap_or(Value::Null);
            let snapshot = t["snapshot"].as_str().and_then(Date::parse);
            let end = last["end"]["date"].as_str().and_then(Date::parse);
            // The names its earlier versions bore (a person may know the title by one of them: issue
            // 22), but the register's stand-ins ("Fiche RNCP…") and the current name.
            let mut former: Vec<&Value> = Vec::new();
            for v in versions.iter().rev() {
                let fr = v["name"]["fr"].as_str().unwrap_or_default();
                let seen = former.iter().any(|n| n["fr"] == v["name"]["fr"]);
                let stand_in = fr.starts_with("Fiche RNCP") || fr.starts_with("Version ");
                if !fr.is_empty() && !stand_in && v["name"]["fr"] != t["name"]["fr"] && !seen {
                    former.push(&v["name"]);
                }
            }
            let mut entry = json!({
                "code": t["code"], "codeDiplome": t["codeDiplome"], "name": t["name"], "level": t["level"],
                "rncp": versions.iter().filter_map(|v| v["rncp"].as_str()).collect::<Vec<_>>(),
                // Whether the registration still runs is a question of the day it is asked (R12): the
                // index gives the last day and the data's date, the page decides.
                "end": end.map(|d| d.to_string()), "snapshot": snapshot.map(|d| d.to_string()),
                "file": file,
            });
            if !former.is_empty() {
                entry["formerNames"] = Value::Array(former.into_iter().cloned().collect());
            }
            entry
        })
        .collect();
    index.sort_by(|a, b| a["name"]["fr"].as_str().cmp(&b["name"]["fr"].as_str()));
    out.titles = index.len();
    out.files = titles.iter().map(|(file, title)| (file.clone(), pretty(title))).collect();
    out.files.insert(
        "index.json".to_string(),
        pretty(&json!({ "format": crate::title::FORMAT, "titles": index })),
    );
    Ok(out)
}

/// Lays fresher register dates over a curated title (rules.md R12: the arrêté's facts stay): for
/// each version naming a fiche, its end and last award date from the most recent source that
/// dated the fiche, when that source is newer than the title's snapshot and the fact is not
/// official. The snapshot moves to that source's date, unless the register names a successor the
/// curated file does not have: then the file needs a hand, and a warning says so.
fn lay_over(
    title: &mut Value,
    merged: &BTreeMap<String, Merged>,
    sources: &[Source],
    warnings: &mut Vec<String>,
) {
    let snapshot = title["snapshot"].as_str().and_then(Date::parse);
    let code = title["code"].as_str().unwrap_or_default().to_string();
    let numbers: Vec<String> = title["versions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v["rncp"].as_str().map(str::to_string))
        .collect();
    let mut newest: Option<usize> = None;
    let mut cited: Vec<usize> = Vec::new();
    for v in title["versions"].as_array_mut().into_iter().flatten() {
        let Some(m) = v["rncp"].as_str().and_then(|n| merged.get(n)) else { continue };
        let Some(src) = m.dates.filter(|&i| snapshot.is_none_or(|s| sources[i].date > s)) else { continue };
        for (key, date) in [("end", m.fiche.date_fin), ("lastAward", m.fiche.date_limite)] {
            if let Some(d) = date.filter(|_| v[key]["certainty"] != "official") {
                v[key] =
                    json!({ "date": d.to_string(), "certainty": "secondary", "source": sources[src].id });
                if !cited.contains(&src) {
                    cited.push(src);
                }
            }
        }
        if newest.is_none_or(|n| sources[src].date > sources[n].date) {
            newest = Some(src);
        }
    }
    for &i in &cited {
        let list = title["sources"].as_array_mut();
        if let Some(list) = list.filter(|l| !l.iter().any(|s| s["id"] == sources[i].id.as_str())) {
            list.push(json!({ "id": sources[i].id, "certainty": "secondary", "fr": sources[i].fr, "en": sources[i].en }));
        }
    }
    let Some(src) = newest else { return };
    let last = numbers.last().and_then(|n| merged.get(n));
    let unknown: Vec<&String> =
        last.map(|m| m.fiche.nouvelles.iter().filter(|n| !numbers.contains(n)).collect()).unwrap_or_default();
    if !unknown.is_empty() {
        warnings.push(format!("{code}: the register names {unknown:?} after it, not in the curated file: update it by hand (its snapshot stays)"));
        return;
    }
    let date = sources[src].date;
    title["snapshot"] = date.to_string().into();
    let ended = last.and_then(|m| m.fiche.date_fin).is_some_and(|e| e < date);
    if ended && title["afterRegistrationEnd"] == "unknown" {
        title["afterRegistrationEnd"] = "closedByInference".into();
    }
}

/// Files one title under `code.json` (its code was validated); two codes that differ only by case
/// would write one file twice on some systems: an error naming both.
fn add_title(
    titles: &mut BTreeMap<String, Value>,
    code: String,
    title: Value,
    from: &str,
) -> Result<(), Problem> {
    if let Some(other) = titles.keys().find(|k| k.eq_ignore_ascii_case(&format!("{code}.json"))) {
        return Err(Problem::new(from, String::new(), format!(
            "le code « {code} » entre en collision avec le fichier {other} / the code \"{code}\" collides with the file {other}")));
    }
    titles.insert(format!("{code}.json"), title);
    Ok(())
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// Merges what one source says of a fiche into what is known of it: a field a source gives
/// replaces an older source's.
fn merge(m: &mut Merged, new: Fiche, source: usize) {
    let f = &mut m.fiche;
    f.numero = new.numero;
    if !new.intitule.is_empty() {
        f.intitule = new.intitule;
    }
    f.niveau = new.niveau.or(f.niveau.take());
    f.actif = new.actif.or(f.actif);
    if new.date_effet.is_some() || new.date_fin.is_some() {
        f.date_effet = new.date_effet.or(f.date_effet);
        f.date_fin = new.date_fin.or(f.date_fin);
        m.dates = Some(source);
    }
    f.date_limite = new.date_limite.or(f.date_limite);
    f.act = new.act.or(f.act.take());
    if new.blocs.as_ref().is_some_and(|b| !b.is_empty()) {
        f.blocs = new.blocs;
        m.blocs = Some(source);
    }
    if new.correspondences.is_some() {
        f.correspondences = new.correspondences;
        m.correspondences = Some(source);
    }
    for (list, add) in [
        (&mut f.anciennes, new.anciennes),
        (&mut f.nouvelles, new.nouvelles),
        (&mut f.nsf, new.nsf),
        (&mut f.rome, new.rome),
    ] {
        for item in add {
            if !list.contains(&item) {
                list.push(item);
            }
        }
    }
}

/// The fiche's own `Code Diplôme`: when the kit gives it two, the one whose level digit agrees
/// with the fiche's level (the code's first digit is 8 minus the level: 5 for level 3, 3 for level
/// 5; the kit files Menuisier agenceur, level 3, under a level-4 code too), then the one whose DEPP
/// name shares the most words with the fiche's title (Tourneur and Fraiseur share two codes).
fn primary_code(m: &Merged) -> Option<String> {
    let title = words(&m.fiche.intitule);
    let level = m
        .fiche
        .niveau
        .as_deref()
        .and_then(|n| n.chars().find(char::is_ascii_digit))
        .and_then(|c| c.to_digit(10));
    let agrees = |code: &str| matches!((code.chars().next().and_then(|c| c.to_digit(10)), level), (Some(d), Some(l)) if d + l == 8);
    m.codes
        .iter()
        .max_by_key(|(code, depp)| {
            (agrees(code), words(depp).intersection(&title).count(), std::cmp::Reverse(code.clone()))
        })
        .map(|(code, _)| code.clone())
}

/// Groups the fiches into titles: by `Code Diplôme`, and across a one-to-one revision (a fiche
/// with one successor that has it as its only predecessor), even when the code changed.
fn groups(merged: &BTreeMap<String, Merged>) -> Vec<Vec<String>> {
    let keys: Vec<&String> = merged.keys().collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    fn union(parent: &mut [usize], i: usize, j: usize) {
        let (a, b) = (root(parent, i), root(parent, j));
        parent[a] = b;
    }
    let position = |n: &str| keys.binary_search_by(|k| k.as_str().cmp(n)).ok();
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(code) = primary_code(&merged[*key]) {
            let first = *by_code.entry(code).or_insert(i);
            union(&mut parent, first, i);
        }
    }
    for (i, key) in keys.iter().enumerate() {
        let f = &merged[*key].fiche;
        if let [next] = f.nouvelles.as_slice() {
            if let Some(j) = position(next) {
                if merged[keys[j]].fiche.anciennes.iter().all(|a| a == *key) {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push((*key).clone());
    }
    groups.into_values().collect()
}

/// The day a fiche's registration starts, for ordering (unknown starts first: they are older).
fn order_key(f: &Fiche) -> (Option<Date>, Option<Date>) {
    (f.date_effet.or(f.date_fin), f.date_fin)
}

/// A text of the register, its tabs and line breaks made spaces (title data carries no control
/// character: the validation refuses any that is left).
fn text(fr: &str) -> Value {
    let fr = if fr.contains(['\n', '\r', '\t']) {
        fr.split(['\n', '\r', '\t'])
            .filter(|p| !p.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        fr.to_string()
    };
    json!({ "fr": fr, "en": fr })
}

/// Splits the register's competences text into items (they are separated by two spaces or more, or by
/// line breaks).
fn items(competences: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for line in competences.split(['\n', '\r']).flat_map(|l| l.split("  ")) {
        let line = line.trim().trim_start_matches(['-', '•', '*']).trim();
        if !line.is_empty() {
            out.push(text(line));
        }
    }
    out
}

/// "NIV5" / "Niveau 5" → {"fr": "niveau 5", "en": "level 5"}.
fn level(niveau: &str) -> Option<Value> {
    let digit = niveau.chars().find(char::is_ascii_digit)?;
    Some(json!({ "fr": format!("niveau {digit}"), "en": format!("level {digit}") }))
}

/// What each title needs to know of the others: the group of each fiche, the group that owns
/// each `Code Diplôme` as a fiche's own code, and each group's code and name.
struct Identities {
    group_of: BTreeMap<String, usize>,
    owner: BTreeMap<String, usize>,
    titles: Vec<(String, String)>,
}

impl Identities {
    fn new(groups: &[Vec<String>], merged: &BTreeMap<String, Merged>) -> Identities {
        let mut ids = Identities { group_of: BTreeMap::new(), owner: BTreeMap::new(), titles: Vec::new() };
        for (g, group) in groups.iter().enumerate() {
            let mut fiches: Vec<&Merged> = group.iter().map(|n| &merged[n]).collect();
            fiches.sort_by_key(|m| order_key(&m.fiche));
            for m in &fiches {
                ids.group_of.insert(m.fiche.numero.clone(), g);
                if let Some(code) = primary_code(m) {
                    ids.owner.entry(code).or_insert(g);
                }
            }
            let latest = fiches.last().expect("a group has a fiche");
            let code = fiches
                .iter()
                .rev()
                .find_map(|m| primary_code(m))
                .unwrap_or_else(|| latest.fiche.numero.clone());
            ids.titles.push((code, latest.fiche.intitule.clone()));
        }
        ids
    }
}

/// Builds one title's data (group `g`) from its fiches; the fiches the register names before and
/// after them but does not describe are kept as versions with unknown dates, CCPs and table (R12);
/// the fiche that a split replaced by several titles is the first version of each.
fn build(
    g: usize,
    group: &[String],
    merged: &BTreeMap<String, Merged>,
    sources: &[Source],
    ids: &Identities,
    warnings: &mut Vec<String>,
) -> Value {
    let mut fiches: Vec<&Merged> = group.iter().map(|n| &merged[n]).collect();
    fiches.sort_by_key(|m| order_key(&m.fiche));
    // A split: the one fiche this title's first one replaces belongs to another title and names
    // several successors; its CCPs carry into each of them, so it comes first here too.
    if let [old] = fiches[0].fiche.anciennes.as_slice() {
        if let Some(m) =
            merged.get(old).filter(|m| ids.group_of.get(old) != Some(&g) && m.fiche.nouvelles.len() > 1)
        {
            fiches.insert(0, m);
        }
    }
    let mut used: BTreeSet<usize> = BTreeSet::new();
    let source_id = |i: usize, used: &mut BTreeSet<usize>| {
        used.insert(i);
        sources[i].id.clone()
    };
    // Predecessors of the oldest fiche the register names but does not describe.
    let first = &fiches[0].fiche;
    let mut ancestors: Vec<(String, Vec<String>)> = Vec::new();
    for old in &first.anciennes {
        if merged.contains_key(old) {
            continue;
        }
        // Old blocs known from the successor's correspondence table.
        let blocs: Vec<String> = first
            .correspondences
            .iter()
            .flatten()
            .filter(|r| r.old_fiche.as_deref() == Some(old))
            .flat_map(|r| r.old_blocs.clone())
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect();
        ancestors.push((old.clone(), blocs));
    }
    let latest = fiches.last().expect("a group has a fiche");
    let current_source = latest.seen.iter().copied().max_by_key(|&i| sources[i].date).unwrap_or(0);
    let snapshot = sources[current_source].date;
    let mut versions: Vec<Value> = Vec::new();
    let mut previous: Option<(String, Vec<String>)> = None;
    let cite_first =
        first.date_effet.map(|_| fiches[0].dates.unwrap_or(current_source)).unwrap_or(current_source);
    for (numero, blocs) in &ancestors {
        let source = source_id(cite_first, &mut used);
        let (ccps, certainty) = if blocs.is_empty() {
            (vec![placeholder(numero)], "unknown")
        } else {
            // Rebuilt from the successor's table: a CCP the table does not name may exist (R12).
            let mut ccps: Vec<Value> = blocs.iter().map(|b| json!({ "id": b, "name": {
                "fr": format!("Bloc {b} (intitulé absent de nos données)"), "en": format!("Block {b} (its name is not in our data)") } })).collect();
            ccps.push(json!({ "id": format!("{numero}-X"), "placeholder": true, "name": {
                "fr": format!("Un autre CCP de la fiche {numero} (liste rebâtie d'après la table de correspondance, qui ne le nomme pas)"),
                "en": format!("Another CCP of fiche {numero} (a list rebuilt from the correspondence table, which does not name it)") } }));
            (ccps, "estimated")
        };
        let mut v = json!({
            "id": numero, "name": text(&format!("Fiche {numero}")), "rncp": numero,
            "start": { "date": null, "certainty": "unknown", "source": source,
                       "note": { "fr": "fiche antérieure citée par le registre ; ses dates ne sont pas dans nos données",
                                 "en": "an earlier fiche the register cites; its dates are not in our data" } },
            "ccpsCertainty": certainty, "ccps": ccps,
        });
        if let Some((prev, _)) = &previous {
            v["correspondence"] = unknown_table(prev, numero, &source, false);
        }
        // Its end is not known either: not before the day before its successor began.
        if let Some(next) = first.date_effet {
            v["end"] = json!({ "date": null, "certainty": "unknown", "source": source, "notBefore": next.pred().to_string() });
        }
        versions.push(v);
        previous = Some((numero.clone(), blocs.clone()));
    }
    for (k, m) in fiches.iter().enumerate() {
        let f = &m.fiche;
        let dates = source_id(m.dates.unwrap_or(current_source), &mut used);
        let mut v = json!({ "id": f.numero, "name": text(&f.intitule), "rncp": f.numero });
        v["start"] = match f.date_effet {
            Some(d) => json!({ "date": d.to_string(), "certainty": "secondary", "source": dates }),
            None => json!({ "date": null, "certainty": "unknown", "source": dates }),
        };
        let last = k + 1 == fiches.len();
        match (f.date_fin, f.actif) {
            (Some(d), _) => {
                v["end"] = json!({ "date": d.to_string(), "certainty": "secondary", "source": dates })
            }
            // Inactive on the day of the data: its registration had ended by then (the register
            // turns ACTIF to Non the day after the end).
            (None, Some(false)) => {
                v["end"] = json!({ "date": null, "certainty": "unknown", "source": source_id(current_source, &mut used),
                "notAfter": snapshot.pred().to_string() })
            }
            (None, _) if last => v["end"] = json!({ "date": null, "certainty": "unknown", "source": dates }),
            (None, _) => {}
        }
        if let Some(d) = f.date_limite {
            v["lastAward"] = json!({ "date": d.to_string(), "certainty": "secondary", "source": dates });
        }
        if let Some((title, jo)) = &f.act {
            v["act"] = json!({ "title": title, "jo": jo.map(|d| d.to_string()) });
        }
        let blocs = f.blocs.clone().unwrap_or_default();
        if blocs.is_empty() {
            v["ccpsCertainty"] = "unknown".into();
            v["ccps"] = json!([placeholder(&f.numero)]);
        } else {
            v["ccpsCertainty"] = "secondary".into();
            v["ccps"] = blocs
                .iter()
                .map(|b| {
                    let mut c = json!({ "id": b.code, "name": text(&b.libelle) });
                    let competences = items(&b.competences);
                    if !competences.is_empty() {
                        c["competences"] = Value::Array(competences);
                    }
                    if !b.modalites.is_empty() {
                        c["assessment"] = text(b.modalites.trim());
                    }
                    c
                })
                .collect();
        }
        if let Some((prev, prev_blocs)) = &previous {
            let rows: Vec<&Correspondence> = f
                .correspondences
                .iter()
                .flatten()
                .filter(|r| {
                    r.old_fiche.as_deref() == Some(prev.as_str())
                        && !r.old_blocs.is_empty()
                        && !r.new_blocs.is_empty()
                })
                .collect();
            let new_codes: BTreeSet<&str> = blocs.iter().map(|b| b.code.as_str()).collect();
            let known_old = |b: &String| prev_blocs.is_empty() || prev_blocs.contains(b);
            if rows.is_empty() {
                // Only the XML export gives tables: without it, the gap is in our data, not the register.
                let from_register = m.seen.iter().any(|&i| sources[i].xml);
                v["correspondence"] = unknown_table(prev, &f.numero, &dates, from_register);
            } else {
                let table = source_id(m.correspondences.unwrap_or(current_source), &mut used);
                let rows: Vec<Value> = rows
                    .iter()
                    .filter(|r| {
                        let ok = r.new_blocs.iter().all(|b| new_codes.contains(b.as_str()))
                            && r.old_blocs.iter().all(known_old);
                        if !ok {
                            warnings.push(format!(
                                "{}: a correspondence row names a bloc the fiches do not list; row left out",
                                f.numero
                            ));
                        }
                        ok
                    })
                    .map(|r| json!({ "from": r.old_blocs, "to": r.new_blocs }))
                    .collect();
                v["correspondence"] = json!({ "certainty": "secondary", "source": table, "rows": rows });
            }
        }
        versions.push(v);
        previous = Some((f.numero.clone(), blocs.iter().map(|b| b.code.clone()).collect()));
    }
    // Successors the register names: described ones are other titles (this one was replaced by
    // them); the others are kept as versions with unknown dates, CCPs and table (R12).
    let f = &latest.fiche;
    let mut replaced_by: Vec<Value> = Vec::new();
    for next in &f.nouvelles {
        match ids.group_of.get(next) {
            Some(&other) if other != g => {
                let (code, name) = &ids.titles[other];
                if !replaced_by.iter().any(|r| r["code"] == code.as_str()) {
                    replaced_by.push(json!({ "code": code, "name": text(name) }));
                }
            }
            Some(_) => {}
            None => {
                let source = source_id(current_source, &mut used);
                let prev = previous.as_ref().map_or(f.numero.as_str(), |(p, _)| p.as_str()).to_string();
                versions.push(json!({
                    "id": next, "name": text(&format!("Fiche {next}")), "rncp": next,
                    "start": { "date": null, "certainty": "unknown", "source": source,
                               "note": { "fr": "fiche suivante citée par le registre ; ses dates ne sont pas dans nos données",
                                         "en": "a later fiche the register cites; its dates are not in our data" } },
                    "end": { "date": null, "certainty": "unknown", "source": source },
                    "ccpsCertainty": "unknown", "ccps": [placeholder(next)],
                    "correspondence": unknown_table(&prev, next, &source, false),
                }));
                previous = Some((next.clone(), Vec::new()));
            }
        }
    }
    // Every Code Diplôme of the fiches, the title's own first, but none that is another title's.
    let code = ids.titles[g].0.clone();
    let mut codes: Vec<String> = vec![code.clone()];
    for m in fiches.iter().rev() {
        for (c, _) in &m.codes {
            if !codes.contains(c) && ids.owner.get(c).is_none_or(|&o| o == g) {
                codes.push(c.clone());
            }
        }
    }
    let ended =
        f.date_fin.is_some_and(|end| end < snapshot) || (f.date_fin.is_none() && f.actif == Some(false));
    let after = match (ended, f.nouvelles.is_empty(), replaced_by.len() == f.nouvelles.len()) {
        (true, true, _) => "closedByInference",
        (_, false, true) => "replaced",
        _ => "unknown",
    };
    let nsf = fiches.iter().rev().map(|m| m.fiche.nsf.clone()).find(|n| !n.is_empty()).unwrap_or_default();
    let rome = fiches.iter().rev().map(|m| m.fiche.rome.clone()).find(|n| !n.is_empty()).unwrap_or_default();
    let mut sources_json: Vec<Value> = used.iter().map(|&i| json!({ "id": sources[i].id, "certainty": "secondary", "fr": sources[i].fr, "en": sources[i].en })).collect();
    sources_json.push(json!({ "id": "ccs-not-in-register", "certainty": "unknown",
        "fr": "Le registre national ne dit pas quels certificats complémentaires de spécialisation (CCS) sont rattachés au titre",
        "en": "The national register does not say which certificates of specialisation (CCS) are attached to the title" }));
    sources_json.push(json!({ "id": "equivalences-not-in-register", "certainty": "unknown",
        "fr": "Le registre national ne dit pas quelles équivalences l'arrêté de spécialité accorde",
        "en": "The national register does not say which equivalences the arrêté de spécialité grants" }));
    let mut title = json!({
        "format": crate::title::FORMAT,
        "code": code,
        "codeDiplome": if fiches.iter().any(|m| !m.codes.is_empty()) { json!(codes) } else { json!([]) },
        "name": text(&f.intitule),
    });
    if let Some(l) = fiches.iter().rev().find_map(|m| m.fiche.niveau.as_deref().and_then(level)) {
        title["level"] = l;
    }
    title["nsf"] = json!(nsf);
    title["rome"] = json!(rome);
    title["snapshot"] = snapshot.to_string().into();
    title["sources"] = Value::Array(sources_json);
    title["versions"] = Value::Array(versions);
    // The register never says "closed": a closure is only inferred (rules.md R12).
    title["afterRegistrationEnd"] = after.into();
    if after == "replaced" {
        title["replacedBy"] = Value::Array(replaced_by);
    }
    title["ccs"] = json!([]);
    title["ccsSource"] = "ccs-not-in-register".into();
    title["equivalences"] = json!([]);
    title["equivalencesSource"] = "equivalences-not-in-register".into();
    title
}

fn placeholder(numero: &str) -> Value {
    json!({ "id": format!("{numero}-X"), "placeholder": true, "name": {
        "fr": format!("Un CCP de la fiche {numero} (la liste de ses CCP n'est pas dans nos données)"),
        "en": format!("A CCP of fiche {numero} (its list of CCPs is not in our data)") } })
}

/// A revision whose table is not in our data: the register gives none (the XML export, which
/// has tables, holds the fiche without one), or our data lacks it (a fiche known only from sources
/// that never give tables).
fn unknown_table(prev: &str, new: &str, source: &str, from_register: bool) -> Value {
    let note = if from_register {
        json!({ "fr": format!("le registre ne donne pas de table de correspondance de {prev} vers {new}"),
                "en": format!("the register gives no correspondence table from {prev} to {new}") })
    } else {
        json!({ "fr": format!("nos données n'ont pas la table de correspondance de {prev} vers {new} (l'export XML du registre la donnerait)"),
                "en": format!("our data lacks the correspondence table from {prev} to {new} (the register's XML export would give it)") })
    };
    json!({ "certainty": "unknown", "source": source, "rows": null, "note": note })
}

/// Writes the files into `dir`, whole or not at all: into a fresh folder beside it (a random name,
/// created new: never an old or planted one), each file and the folder synced to disk, then
/// swapped with `dir` in one atomic exchange (Linux `renameat2`; elsewhere two renames, the first
/// undone if the second fails), the previous data removed last. An import that would write no title,
/// or far fewer than `dir` holds, is refused unless `force` (README, "Title data").
pub fn write(dir: &Path, output: &Output, force: bool) -> Result<(), Problem> {
    let shown = dir.display().to_string();
    let fail = |path: &Path, e: std::io::Error| {
        Problem::new(
            &path.display().to_string(),
            String::new(),
            format!("écriture impossible : {e} / cannot write: {e}"),
        )
    };
    if output.titles == 0 {
        return Err(Problem::new(&shown, String::new(), "aucun titre à écrire : les données existantes sont gardées / no title to write: the existing data is kept".into()));
    }
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Problem::new(&shown, String::new(), "--out est un lien symbolique : donnez le dossier lui-même / --out is a symbolic link: give the folder itself".into()));
    }
    let before = existing_titles(dir);
    if !force && output.titles * 100 < before * crate::limits::MIN_KEPT_PERCENT {
        return Err(Problem::new(&shown, String::new(), format!(
            "{} titres au lieu de {before} : moins de {} %, les données existantes sont gardées (--force pour écrire quand même) / {} titles instead of {before}: under {} %, the existing data is kept (--force to write anyway)",
            output.titles, crate::limits::MIN_KEPT_PERCENT, output.titles, crate::limits::MIN_KEPT_PERCENT)));
    }
    for file in output.files.keys() {
        let code = file.strip_suffix(".json").unwrap_or_default();
        if !(file == "index.json" || crate::title::valid_code(code)) {
            return Err(Problem::new(
                &shown,
                String::new(),
                format!("nom de fichier refusé « {file} » / file name refused \"{file}\""),
            ));
        }
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("titles");
    // Folders an interrupted import left beside `dir` are removed first.
    if let Ok(entries) = std::fs::read_dir(parent) {
        let stale = format!(".{name}.import-");
        for entry in entries.filter_map(Result::ok) {
            if entry.file_name().to_str().is_some_and(|n| n.starts_with(&stale)) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let aside = parent.join(format!(".{name}.import-{}", random_suffix()));
    std::fs::create_dir(&aside).map_err(|e| fail(&aside, e))?;
    let written = (|| {
        for (file, text) in &output.files {
            let path = aside.join(file);
            let mut f = std::fs::File::create_new(&path).map_err(|e| fail(&path, e))?;
            std::io::Write::write_all(&mut f, text.as_bytes())
                .and_then(|()| f.sync_all())
                .map_err(|e| fail(&path, e))?;
        }
        sync_dir(&aside).map_err(|e| fail(&aside, e))?;
        swap(&aside, dir).map_err(|e| fail(dir, e))?;
        sync_dir(parent).map_err(|e| fail(parent, e))
    })();
    // After a swap `aside` holds the previous data; after a failure, the new data: removed either way.
    let _ = std::fs::remove_dir_all(&aside);
    written
}

/// Title files in `dir` now (0 when it does not exist).
fn existing_titles(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_str().is_some_and(|n| n.ends_with(".json") && n != "index.json"))
            .count()
    })
}

/// A name no one can guess or have planted: the standard library's random hash keys.
fn random_suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()),
    );
    format!("{:016x}", h.finish())
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Puts `new` in place of `dir`: one atomic exchange where the system has it; `new` then holds the
/// previous data.
fn swap(new: &Path, dir: &Path) -> std::io::Result<()> {
    if !dir.exists() {
        return std::fs::rename(new, dir);
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
        let (a, b) = (c(new)?, c(dir)?);
        // SAFETY: two valid NUL-terminated paths; renameat2 reads them and touches nothing else.
        let done = unsafe {
            libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE)
        };
        if done == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if !matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
            return Err(e);
        }
    }
    // No atomic exchange here: two renames, the first undone if the second fails.
    let old = PathBuf::from(format!("{}-previous", new.display()));
    std::fs::rename(dir, &old)?;
    if let Err(e) = std::fs::rename(new, dir) {
        std::fs::rename(&old, dir)?;
        return Err(e);
    }
    std::fs::rename(&old, new)
}
