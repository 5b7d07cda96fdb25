//! The register's CSV export (ten `;` files of one day: quoted fields, CRLF, a SIRET with a
//! leading tab, accented file names) and the Kit apprentissage rows (dates and the chain of fiches
//! of every TP, with its `Code Diplôme`). Columns are found by their header's name; a missing one
//! is an error naming the file and the column.

use super::xml::date;
use super::{Bloc, Fiche, KitRow, Problem};
use crate::limits;
use std::collections::BTreeMap;
use std::path::Path;

/// A CSV file read by header name, one record at a time: only the rows a caller keeps stay in
/// memory, and a record longer than [`limits::MAX_CSV_RECORD_BYTES`] is refused before it is
/// buffered whole.
struct Table {
    file: String,
    headers: Vec<String>,
    reader: ::csv::Reader<Capped>,
    /// Where the reader may read up to (the end of the last record, plus one record's bound).
    limit: std::rc::Rc<std::cell::Cell<u64>>,
}

/// A file that refuses to be read past `limit` bytes (moved forward after each record).
struct Capped {
    file: std::io::BufReader<std::fs::File>,
    read: u64,
    limit: std::rc::Rc<std::cell::Cell<u64>>,
}

impl std::io::Read for Capped {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read > self.limit.get() {
            return Err(std::io::Error::other("record too long"));
        }
        let n = self.file.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

impl Table {
    fn open(path: &Path) -> Result<Table, Problem> {
        let file = path.display().to_string();
        let limit = std::rc::Rc::new(std::cell::Cell::new(limits::MAX_CSV_RECORD_BYTES));
        let handle = std::fs::File::open(path).map_err(|e| Problem::cannot_read(path, e))?;
        let capped = Capped { file: std::io::BufReader::new(handle), read: 0, limit: limit.clone() };
        let mut reader = ::csv::ReaderBuilder::new().delimiter(b';').flexible(false).from_reader(capped);
        let headers = reader
            .byte_headers()
            .map_err(|e| csv_problem(&file, &e))?
            .iter()
            .map(|h| std::str::from_utf8(h).map(|h| h.trim_start_matches('\u{feff}').trim().to_string()))
            .collect::<Result<Vec<String>, _>>()
            .map_err(|_| {
                Problem::new(&file, "ligne 1".into(), "ce n'est pas du texte UTF-8 / not UTF-8 text".into())
            })?;
        Ok(Table { file, headers, reader, limit })
    }

    /// Calls `each` with every record's line and trimmed fields, in order.
    fn each(
        mut self,
        mut each: impl FnMut(u64, Vec<String>) -> Result<(), Problem>,
    ) -> Result<usize, Problem> {
        let mut record = ::csv::StringRecord::new();
        let mut count = 0;
        loop {
            let line = self.reader.position().line();
            match self.reader.read_record(&mut record) {
                Ok(false) => return Ok(count),
                Ok(true) => {}
                Err(_) if self.reader.get_ref().read > self.limit.get() => {
                    return Err(Problem::new(
                        &self.file,
                        format!("ligne {line}"),
                        format!(
                            "enregistrement de plus de {} Mo / record larger than {} MB",
                            limits::MAX_CSV_RECORD_BYTES >> 20,
                            limits::MAX_CSV_RECORD_BYTES >> 20
                        ),
                    ));
                }
                Err(e) => return Err(csv_problem(&self.file, &e)),
            }
            let end =
                record.position().map_or(0, |p| p.byte()) + record.as_byte_record().as_slice().len() as u64;
            self.limit.set(end + limits::MAX_CSV_RECORD_BYTES);
            count += 1;
            // The csv crate counts the lines before the record: the record is on the next one.
            let line = record.position().map_or(0, |p| p.line() + 1);
            each(
                line,
                record.iter().map(|v| v.trim_matches(|c: char| c.is_whitespace()).to_string()).collect(),
            )?;
        }
    }

    /// The index of a column, or an error naming it.
    fn column(&self, name: &str) -> Result<usize, Problem> {
        self.headers.iter().position(|h| h == name).ok_or_else(|| {
            Problem::new(
                &self.file,
                "ligne 1".into(),
                format!("colonne « {name} » absente / column \"{name}\" is missing"),
            )
        })
    }
}

fn csv_problem(file: &str, e: &::csv::Error) -> Problem {
    let place = e.position().map_or_else(String::new, |p| format!("ligne {}", p.line() + 1));
    let what = match e.kind() {
        ::csv::ErrorKind::Utf8 { .. } => "ce n'est pas du texte UTF-8 / not UTF-8 text".to_string(),
        ::csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("{len} champs au lieu de {expected_len} / {len} fields instead of {expected_len}")
        }
        _ => format!("CSV illisible : {e} / unreadable CSV: {e}"),
    };
    Problem::new(file, place, what)
}

/// The file of the export whose name starts with `prefix` (the date and extension follow).
fn find(dir: &Path, prefix: &str) -> Result<Option<std::path::PathBuf>, Problem> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Problem::new(
            &dir.display().to_string(),
            String::new(),
            format!("dossier illisible : {e} / unreadable folder: {e}"),
        )
    })?;
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".csv"))
        })
        .collect();
    found.sort();
    Ok(found.pop())
}

/// Reads the CSV export in `dir`: TP fiches of the `Standard` file, with their blocs, chain, NSF
/// and ROME codes. Returns the fiches kept and the number of fiches read.
pub fn export(dir: &Path) -> Result<(Vec<Fiche>, usize), Problem> {
    let standard = find(dir, "export_fiches_CSV_Standard_")?.ok_or_else(|| {
        Problem::new(
            &dir.display().to_string(),
            String::new(),
            "fichier export_fiches_CSV_Standard_*.csv absent / no export_fiches_CSV_Standard_*.csv file"
                .into(),
        )
    })?;
    let t = Table::open(&standard)?;
    let [num, intitule, abrege, niveau, fin, effet, actif] = [
        "Numero_Fiche",
        "Intitule",
        "Abrege_Libelle",
        "Nomenclature_Europe_Niveau",
        "Date_Fin_Enregistrement",
        "Date_Effet",
        "Actif",
    ]
    .map(|c| t.column(c));
    let (num, intitule, abrege, niveau, fin, effet, actif) =
        (num?, intitule?, abrege?, niveau?, fin?, effet?, actif?);
    let mut fiches: BTreeMap<String, Fiche> = BTreeMap::new();
    let read = t.each(|_, row| {
        if row[abrege] == "TP" {
            fiches.insert(
                row[num].clone(),
                Fiche {
                    numero: row[num].clone(),
                    intitule: clean_title(&row[intitule]),
                    niveau: Some(row[niveau].clone()).filter(|n| !n.is_empty()),
                    actif: Some(row[actif] == "ACTIVE" || row[actif] == "Oui"),
                    date_effet: date(&row[effet]),
                    date_fin: date(&row[fin]),
                    ..Fiche::default()
                },
            );
        }
        Ok(())
    })?;
    if let Some(path) = find(dir, "export_fiches_CSV_Blocs_De_Compétences_")? {
        let t = Table::open(&path)?;
        let (num, code, libelle) = (
            t.column("Numero_Fiche")?,
            t.column("Bloc_Competences_Code")?,
            t.column("Bloc_Competences_Libelle")?,
        );
        t.each(|_, row| {
            if let Some(f) = fiches.get_mut(&row[num]) {
                f.blocs.get_or_insert_with(Vec::new).push(Bloc {
                    code: row[code].clone(),
                    libelle: row[libelle].clone(),
                    ..Bloc::default()
                });
            }
            Ok(())
        })?;
    }
    if let Some(path) = find(dir, "export_fiches_CSV_Ancienne_Nouvelle_Certification_")? {
        let t = Table::open(&path)?;
        let (num, old, new) = (
            t.column("Numero_Fiche")?,
            t.column("Ancienne_Certification")?,
            t.column("Nouvelle_Certification")?,
        );
        t.each(|_, row| {
            if let Some(f) = fiches.get_mut(&row[num]) {
                f.anciennes.extend(split(&row[old]));
                f.nouvelles.extend(split(&row[new]));
            }
            Ok(())
        })?;
    }
    for (prefix, column) in
        [("export_fiches_CSV_Nsf_", "Nsf_Code"), ("export_fiches_CSV_Rome_", "Codes_Rome_Code")]
    {
        if let Some(path) = find(dir, prefix)? {
            let t = Table::open(&path)?;
            let (num, code) = (t.column("Numero_Fiche")?, t.column(column)?);
            t.each(|_, row| {
                if let Some(f) = fiches.get_mut(&row[num]) {
                    let list = if column == "Nsf_Code" { &mut f.nsf } else { &mut f.rome };
                    list.push(row[code].clone());
                }
                Ok(())
            })?;
        }
    }
    Ok((fiches.into_values().collect(), read))
}

/// RNCP numbers in a chain cell ("RNCP37100|RNCP37104", "RNCP509").
fn split(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split(['|', ',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Reads the Kit apprentissage rows (already filtered to TP): one row per fiche and `Code Diplôme`.
pub fn kit(path: &Path) -> Result<Vec<KitRow>, Problem> {
    let t = Table::open(path)?;
    let columns = [
        "Code Diplôme",
        "FicheRNCP",
        "Niveau fiche RNCP",
        "Abrégé de diplôme (RNCP)",
        "Date d'échéance de la fiche RNCP",
        "Fiche ACTIVE/INACTIVE",
        "Intitulé certification (RNCP)",
        "Intitulé diplôme (DEPP)",
        "Date de début des parcours certifiants",
        "Date limite de la délivrance",
        "Nouvelle Certification rempla (RNCP)",
        "Ancienne Certification (RNCP)",
    ];
    let c: Vec<usize> = columns.iter().map(|name| t.column(name)).collect::<Result<_, _>>()?;
    let file = t.file.clone();
    let mut rows = Vec::new();
    t.each(|line, row| {
        if row[c[3]] != "TP" {
            return Ok(());
        }
        if !row[c[1]].starts_with("RNCP") {
            return Err(Problem::new(
                &file,
                format!("ligne {line}"),
                format!(
                    "numéro de fiche « {} » inattendu / unexpected fiche number \"{}\"",
                    crate::error::short(&row[c[1]]),
                    crate::error::short(&row[c[1]])
                ),
            ));
        }
        rows.push(KitRow {
            code_diplome: row[c[0]].clone(),
            fiche: Fiche {
                numero: row[c[1]].clone(),
                intitule: clean_title(&row[c[6]]),
                niveau: Some(row[c[2]].clone()).filter(|n| !n.is_empty()),
                actif: Some(row[c[5]] == "ACTIVE"),
                date_effet: date(&row[c[8]]),
                date_fin: date(&row[c[4]]),
                date_limite: date(&row[c[9]]),
                anciennes: split(&row[c[11]]).collect(),
                nouvelles: split(&row[c[10]]).collect(),
                ..Fiche::default()
            },
            depp: row[c[7]].clone(),
        });
        Ok(())
    })?;
    Ok(rows)
}

/// The register's name of a title without the kit's prefixes, capitalised as the register writes
/// it: "TP - TP Assistant import-export" → "Assistant import-export", "TP - TP TP Préparateur…" →
/// "Préparateur…", "TP - TP agent magasinier" → "Agent magasinier".
pub fn clean_title(title: &str) -> String {
    let mut t = title.trim();
    while let Some(rest) = ["TP - ", "TP "].iter().find_map(|p| t.strip_prefix(p)) {
        t = rest.trim_start();
    }
    let mut chars = t.trim().chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
