//! The refresh from the register's daily export (`make data-refresh`, issue 19): the export's zip
//! is read as it stands, its one XML file streamed out of it into the importer (never the whole
//! file in memory: the real export holds several hundred MB of XML), its date taken from its name
//! (`export-fiches-rncp-v4-1-YYYY-MM-DD.zip`). What came from where is recorded beside the list of
//! sources (`data/refresh.json`): the export's name, date, size, SHA-256 and address, how many TP
//! fiches it gave, and a digest of the title files written, so that the data can be checked
//! against its record when the export itself is not at hand (a fresh clone). The download is
//! `tools/refresh.mjs`'s work; this module never touches the network.

use super::{Output, Problem};
use crate::date::Date;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The export to read, and where it was downloaded from.
#[derive(Debug, Clone)]
pub struct Export {
    pub path: PathBuf,
    pub date: Date,
    pub url: Option<String>,
}

impl Export {
    /// The export at `path`, dated by its name.
    pub fn new(path: PathBuf, url: Option<String>) -> Result<Export, Problem> {
        let date = super::date_in_name(&path).ok_or_else(|| Problem::new(&path.display().to_string(), String::new(),
            "date des données absente du nom (export-fiches-rncp-v4-1-AAAA-MM-JJ.zip) / date of the data missing from the name (export-fiches-rncp-v4-1-YYYY-MM-DD.zip)".into()))?;
        Ok(Export { path, date, url })
    }
}

/// Streams the one XML file of the export's zip into `each`: its entries are read in place, and
/// the XML is decompressed as it is parsed.
pub fn read_zip(
    path: &Path,
    each: impl FnOnce(&mut dyn std::io::BufRead, u64, &str) -> Result<(), Problem>,
) -> Result<(), Problem> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Problem::cannot_read(path, e))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| {
        Problem::new(
            &name,
            String::new(),
            format!("ce n'est pas une archive zip lisible : {e} / not a readable zip archive: {e}"),
        )
    })?;
    let xml: Vec<usize> = (0..zip.len())
        .filter(|&i| zip.name_for_index(i).is_some_and(|n| n.to_ascii_lowercase().ends_with(".xml")))
        .collect();
    let [index] = xml.as_slice() else {
        return Err(Problem::new(
            &name,
            String::new(),
            format!(
                "{} fichiers XML dans l'archive au lieu d'un / {} XML files in the archive instead of one",
                xml.len(),
                xml.len()
            ),
        ));
    };
    let entry = zip.by_index(*index).map_err(|e| {
        Problem::new(&name, String::new(), format!("entrée illisible : {e} / unreadable entry: {e}"))
    })?;
    let (size, inner) = (entry.size(), format!("{name}:{}", entry.name()));
    // (A binding, not a tail expression: the entry borrows `zip`, which must outlive it.)
    #[allow(clippy::let_and_return)]
    let done = each(&mut std::io::BufReader::with_capacity(1 << 16, entry), size, &inner);
    done
}

/// SHA-256 of a file, read in chunks.
pub fn sha256_file(path: &Path) -> Result<(u64, String), Problem> {
    let mut file = std::fs::File::open(path).map_err(|e| Problem::cannot_read(path, e))?;
    let (mut hash, mut size, mut buf) = (Sha256::new(), 0u64, vec![0; 1 << 16]);
    loop {
        let n = file.read(&mut buf).map_err(|e| Problem::cannot_read(path, e))?;
        if n == 0 {
            return Ok((size, hex(&hash.finalize())));
        }
        hash.update(&buf[..n]);
        size += n as u64;
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A digest of title files (their names and contents, in order): what the record says was written.
pub fn digest(files: &std::collections::BTreeMap<String, String>) -> String {
    let mut hash = Sha256::new();
    for (name, text) in files {
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(text.as_bytes());
        hash.update([0]);
    }
    hex(&hash.finalize())
}

/// The record beside the list of sources, when a refresh wrote one.
pub fn record(sources: &Path) -> PathBuf {
    sources.parent().unwrap_or(Path::new(".")).join("refresh.json")
}

/// Reads the record, if any.
pub fn read_record(path: &Path) -> Result<Option<Value>, Problem> {
    if !path.exists() {
        return Ok(None);
    }
    super::read_json(path).map(Some)
}

/// The safety gates (README, "Fresh register data"): an export that gives no TP fiche is never
/// used; one that gives fewer than [`crate::limits::MIN_KEPT_PERCENT`] % of the TP fiches of the
/// export it replaces is refused unless `force`.
pub fn check(export: &Export, output: &Output, previous: usize, force: bool) -> Result<(), Problem> {
    let name = export.path.display().to_string();
    let now = output.export_fiches;
    if now == 0 {
        return Err(Problem::new(&name, String::new(), "l'export ne donne aucune fiche TP : les données existantes sont gardées / the export gives no TP fiche: the existing data is kept".into()));
    }
    let min = crate::limits::MIN_KEPT_PERCENT;
    if !force && now * 100 < previous * min {
        return Err(Problem::new(&name, String::new(), format!(
            "l'export donne {now} fiches TP au lieu de {previous} : moins de {min} %, les données existantes sont gardées (--force pour l'utiliser quand même) / the export gives {now} TP fiches instead of {previous}: under {min} %, the existing data is kept (--force to use it anyway)")));
    }
    Ok(())
}

/// Writes the record of a refresh.
pub fn write_record(path: &Path, export: &Export, output: &Output) -> Result<(), Problem> {
    let (size, sha256) = sha256_file(&export.path)?;
    let base = path.parent().unwrap_or(Path::new("."));
    let file = export.path.strip_prefix(base).unwrap_or(&export.path).display().to_string();
    let value = json!({
        "about": "The register's daily export the data in titles/ was refreshed from (make data-refresh). France compétences, Répertoire national des certifications professionnelles, Licence Ouverte 2.0.",
        "export": { "file": file, "date": export.date.to_string(), "size": size, "sha256": sha256, "url": export.url, "tpFiches": output.export_fiches },
        "output": { "titles": output.titles, "sha256": digest(&output.files) },
    });
    let text = serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    std::fs::write(path, text).map_err(|e| {
        Problem::new(
            &path.display().to_string(),
            String::new(),
            format!("écriture impossible : {e} / cannot write: {e}"),
        )
    })
}

/// What changed between the title files in `dir` and `output`, in a few lines: titles added,
/// removed, changed (dates, CCP lists, tables), at most `limit` named.
pub fn diff(dir: &Path, output: &Output, limit: usize) -> Vec<String> {
    let old = |file: &str| {
        std::fs::read_to_string(dir.join(file)).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok())
    };
    let mut lines = Vec::new();
    let (mut added, mut removed, mut changed) = (0, 0, 0);
    let name = |t: &Value| {
        format!("{} {}", t["code"].as_str().unwrap_or("?"), t["name"]["fr"].as_str().unwrap_or(""))
    };
    let before: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| n.ends_with(".json") && n != "index.json")
                .collect()
        })
        .unwrap_or_default();
    for (file, text) in output.files.iter().filter(|(f, _)| f.as_str() != "index.json") {
        let new: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let what = match old(file) {
            None => {
                added += 1;
                Some(format!("+ {}", name(&new)))
            }
            Some(old) if old != new => {
                changed += 1;
                let parts: Vec<&str> = [
                    ("dates", aspect(&old, &new, dates)),
                    ("CCP", aspect(&old, &new, ccps)),
                    ("tables", aspect(&old, &new, tables)),
                ]
                .into_iter()
                .filter_map(|(w, c)| c.then_some(w))
                .collect();
                let parts = if parts.is_empty() { "textes / texts".to_string() } else { parts.join(", ") };
                Some(format!("~ {} : {parts}", name(&new)))
            }
            Some(_) => None,
        };
        if let Some(line) = what {
            if lines.len() < limit {
                lines.push(line);
            }
        }
    }
    for file in before.iter().filter(|f| !output.files.contains_key(*f)) {
        removed += 1;
        if lines.len() < limit {
            lines.push(format!("- {}", old(file).map_or(file.clone(), |t| name(&t))));
        }
    }
    let shown = lines.len();
    if added + removed + changed > shown {
        lines.push(format!(
            "… et {} autres / and {} more",
            added + removed + changed - shown,
            added + removed + changed - shown
        ));
    }
    lines.insert(
        0,
        format!(
            "titres : {} ajoutés, {} retirés, {} modifiés / titles: {} added, {} removed, {} changed",
            added, removed, changed, added, removed, changed
        ),
    );
    lines
}

fn aspect(old: &Value, new: &Value, part: fn(&Value) -> Vec<Value>) -> bool {
    part(old) != part(new)
}

fn versions(t: &Value) -> impl Iterator<Item = &Value> {
    t["versions"].as_array().into_iter().flatten()
}

fn dates(t: &Value) -> Vec<Value> {
    versions(t)
        .map(|v| json!([v["id"], v["start"]["date"], v["end"]["date"], v["lastAward"]["date"]]))
        .collect()
}

fn ccps(t: &Value) -> Vec<Value> {
    versions(t)
        .map(|v| {
            json!([
                v["id"],
                v["ccps"].as_array().into_iter().flatten().map(|c| c["id"].clone()).collect::<Vec<_>>()
            ])
        })
        .collect()
}

fn tables(t: &Value) -> Vec<Value> {
    versions(t).map(|v| v["correspondence"]["rows"].clone()).collect()
}
