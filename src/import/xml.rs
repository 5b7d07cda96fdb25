//! The register's XML export, flux 4.1 (`FICHES/VERSION_FLUX=4.1`), streamed: one `FICHE` at a
//! time is held in memory, whatever the size of the file (the real daily export holds ~25,000
//! fiches); a fiche is kept only when its `ABREGE/CODE` is `TP`. What each field means:
//! `../shared/data/rncp/README.md` (copied to `data/rncp/README.md`).

use super::{Bloc, Correspondence, Fiche, Problem};
use crate::date::Date;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::BufRead;

/// Counts the lines of what the XML reader consumed, to name the line of a problem.
struct Lines<R> {
    inner: R,
    lines: u64,
    /// Bytes consumed, for a progress bar.
    bytes: u64,
    progress: Option<indicatif::ProgressBar>,
}

impl<R: BufRead> std::io::Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.fill_buf()?.len().min(buf.len());
        buf[..n].copy_from_slice(&self.fill_buf()?[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        if let Ok(data) = self.inner.fill_buf() {
            self.lines += data[..amount.min(data.len())].iter().filter(|&&b| b == b'\n').count() as u64;
        }
        self.bytes += amount as u64;
        if let Some(p) = &self.progress {
            if self.bytes % (1 << 20) < amount as u64 {
                p.set_position(self.bytes);
            }
        }
        self.inner.consume(amount);
    }
}

/// A date of the register, `DD/MM/YYYY`.
pub fn date(text: &str) -> Option<Date> {
    let t = text.trim();
    let b = t.as_bytes();
    if b.len() != 10 || b[2] != b'/' || b[5] != b'/' {
        return None;
    }
    Date::parse(&format!("{}-{}-{}", &t[6..10], &t[3..5], &t[0..2]))
}

/// What one fiche's elements hold while it is being read.
#[derive(Default)]
struct Building {
    fiche: Fiche,
    abrege: Option<String>,
    bloc: Option<Bloc>,
    row: Option<Correspondence>,
    act_title: Option<String>,
    act_jo: Option<Date>,
}

/// Reads every TP fiche of an XML export; `each` receives them one by one. Returns the number of
/// fiches read (all kinds) and kept (TP).
pub fn read(source: impl BufRead, file: &str, progress: Option<indicatif::ProgressBar>, mut each: impl FnMut(Fiche))
    -> Result<(usize, usize), Problem> {
    let mut input = Lines { inner: source, lines: 1, bytes: 0, progress };
    // A byte order mark is skipped.
    if input.fill_buf().map(|b| b.starts_with(b"\xEF\xBB\xBF")).unwrap_or(false) {
        input.consume(3);
    }
    let mut reader = Reader::from_reader(input);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut current: Option<Building> = None;
    let (mut read, mut kept) = (0, 0);
    let mut flux: Option<String> = None;
    let at = |reader: &Reader<Lines<_>>| format!("ligne {}", reader.get_ref().lines);
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| Problem::new(file, at(&reader), format!(
            "XML mal formé : {e} / malformed XML: {e}")))?;
        match event {
            Event::Start(start) => {
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                if path.is_empty() && name != "FICHES" {
                    return Err(Problem::new(file, at(&reader), format!(
                        "racine <{name}> au lieu de <FICHES> : ce n'est pas l'export XML des fiches RNCP / root <{name}> instead of <FICHES>: not the RNCP fiches XML export")));
                }
                text.clear();
                path.push(name);
                let depth = path.len();
                match (depth, path.last().map(String::as_str)) {
                    (2, Some("FICHE")) => {
                        if flux.as_deref() != Some("4.1") {
                            return Err(Problem::new(file, at(&reader), format!(
                                "version du flux {} au lieu de 4.1 / flux version {} instead of 4.1",
                                flux.as_deref().unwrap_or("absente"), flux.as_deref().unwrap_or("missing"))));
                        }
                        current = Some(Building::default());
                    }
                    (4, Some("BLOC_COMPETENCES")) if path[2] == "BLOCS_COMPETENCES" => {
                        if let Some(b) = current.as_mut() { b.bloc = Some(Bloc::default()); }
                    }
                    (4, Some("CORRESPONDANCE")) => {
                        if let Some(b) = current.as_mut() { b.row = Some(Correspondence::default()); }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if current.is_some() || path.len() == 2 {
                    text.push_str(&t.xml10_content().map_err(|e| Problem::new(file, at(&reader), format!(
                        "texte illisible (pas de l'UTF-8 ?) : {e} / unreadable text (not UTF-8?): {e}")))?);
                }
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| Problem::new(file, at(&reader), format!("entité illisible : {e} / unreadable entity: {e}")))?;
                let reference = format!("&{name};");
                let resolved = quick_xml::escape::unescape(&reference).map_err(|e| Problem::new(file, at(&reader), format!(
                    "entité inconnue {reference} : {e} / unknown entity {reference}: {e}")))?;
                text.push_str(&resolved);
            }
            Event::End(_) => {
                let p: Vec<&str> = path.iter().map(String::as_str).collect();
                let value = text.trim().to_string();
                if p == ["FICHES", "VERSION_FLUX"] {
                    flux = Some(value.clone());
                } else if let Some(b) = current.as_mut() {
                    take(b, &p[1..], value);
                }
                if p.len() == 2 && p[1] == "FICHE" {
                    read += 1;
                    if let Some(mut b) = current.take() {
                        if b.abrege.as_deref() == Some("TP") {
                            if b.fiche.numero.is_empty() {
                                return Err(Problem::new(file, at(&reader), "fiche TP sans NUMERO_FICHE / TP fiche without NUMERO_FICHE".into()));
                            }
                            if let Some(title) = b.act_title.take() {
                                b.fiche.act = Some((title, b.act_jo));
                            }
                            kept += 1;
                            each(b.fiche);
                        }
                    }
                }
                path.pop();
                text.clear();
            }
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::CData(_) => {}
            Event::Eof => {
                if !path.is_empty() {
                    return Err(Problem::new(file, at(&reader), format!(
                        "fichier tronqué : <{}> n'est pas refermé / truncated file: <{}> is not closed", path.join("/"), path.join("/"))));
                }
                if flux.is_none() {
                    return Err(Problem::new(file, at(&reader), "aucune fiche : le fichier est vide ou n'est pas l'export XML / no fiche: the file is empty or not the XML export".into()));
                }
                break;
            }
        }
        buf.clear();
    }
    Ok((read, kept))
}

/// Stores one element's text into the fiche being read; `p` is its path below `FICHE`.
fn take(b: &mut Building, p: &[&str], value: String) {
    let f = &mut b.fiche;
    match p {
        ["FICHE", "NUMERO_FICHE"] => f.numero = value,
        ["FICHE", "INTITULE"] => f.intitule = value,
        ["FICHE", "ABREGE", "CODE"] => b.abrege = Some(value),
        ["FICHE", "NOMENCLATURE_EUROPE", "NIVEAU"] => f.niveau = Some(value),
        ["FICHE", "ACTIF"] => f.actif = Some(value == "Oui"),
        ["FICHE", "DATE_EFFET"] => f.date_effet = date(&value),
        ["FICHE", "DATE_FIN_ENREGISTREMENT"] => f.date_fin = date(&value),
        ["FICHE", "DATE_LIMITE_DELIVRANCE"] => f.date_limite = date(&value),
        ["FICHE", "CODES_NSF", "NSF", "CODE"] => f.nsf.push(value),
        ["FICHE", "CODES_ROME", "ROME", "CODE"] => f.rome.push(value),
        ["FICHE", "ANCIENNES_CERTIFICATIONS", "ANCIENNE_CERTIFICATION", "ID_FICHE_ANCIENNE_CERTIFICATION"] => f.anciennes.push(value),
        ["FICHE", "NOUVELLES_CERTIFICATIONS", "NOUVELLE_CERTIFICATION", "ID_FICHE_NOUVELLE_CERTIFICATION"] => f.nouvelles.push(value),
        ["FICHE", "PUBLICATION_DECRET_CREATION", "PUBLICATION_JO", "TITRE"] => b.act_title = Some(value),
        ["FICHE", "PUBLICATION_DECRET_CREATION", "PUBLICATION_JO", "DATE_PUBLICATION_JO"] => b.act_jo = date(&value),
        ["FICHE", "BLOCS_COMPETENCES", "BLOC_COMPETENCES", field] => {
            if let Some(bloc) = b.bloc.as_mut() {
                match *field {
                    "CODE" => bloc.code = value,
                    "LIBELLE" => bloc.libelle = value,
                    "LISTE_COMPETENCES" => bloc.competences = value,
                    "MODALITES_EVALUATION" => bloc.modalites = value,
                    _ => {}
                }
            }
        }
        ["FICHE", "BLOCS_COMPETENCES", "BLOC_COMPETENCES"] => {
            if let Some(bloc) = b.bloc.take() {
                f.blocs.get_or_insert_with(Vec::new).push(bloc);
            }
        }
        ["FICHE", "BLOCS_COMPETENCES"] => {
            f.blocs.get_or_insert_with(Vec::new);
        }
        ["FICHE", "CORRESPONDANCES"] => {
            f.correspondences.get_or_insert_with(Vec::new);
        }
        ["FICHE", "CORRESPONDANCES", "CORRESPONDANCE", "SOURCE", "BLOC_COMPETENCES", "CODE"] => {
            if let Some(r) = b.row.as_mut() { r.new_blocs.push(value); }
        }
        ["FICHE", "CORRESPONDANCES", "CORRESPONDANCE", "DESTINATION", "NUMERO_FICHE"] => {
            if let Some(r) = b.row.as_mut() { r.old_fiche = Some(value); }
        }
        ["FICHE", "CORRESPONDANCES", "CORRESPONDANCE", "DESTINATION", "BLOC_COMPETENCES", "CODE"] => {
            if let Some(r) = b.row.as_mut() { r.old_blocs.push(value); }
        }
        ["FICHE", "CORRESPONDANCES", "CORRESPONDANCE"] => {
            if let Some(r) = b.row.take() {
                f.correspondences.get_or_insert_with(Vec::new).push(r);
            }
        }
        _ => {}
    }
}
