//! The register's XML export, flux 4.1 (`FICHES/VERSION_FLUX=4.1`), streamed: one `FICHE` at a
//! time is held in memory, whatever the size of the file (the real daily export holds ~25,000
//! fiches); a fiche is kept only when its `ABREGE/CODE` is `TP`. What each field means:
//! `../shared/data/rncp/README.md` (copied to `data/rncp/README.md`).

use super::{Bloc, Correspondence, Fiche, Problem};
use crate::date::Date;
use crate::limits;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::BufRead;

/// Counts the lines of what the XML reader consumed, to name the line of a problem, and refuses
/// to give more than [`limits::MAX_XML_EVENT_BYTES`] to one event: quick-xml buffers an event
/// whole, so a text node of a gigabyte would otherwise be held in memory.
struct Lines<R> {
    inner: R,
    lines: u64,
    /// Bytes consumed, for a progress bar and the bounds.
    bytes: u64,
    /// `bytes` when the current event began.
    event_start: u64,
    progress: Option<indicatif::ProgressBar>,
}

impl<R> Lines<R> {
    fn event_too_long(&self) -> bool {
        self.bytes - self.event_start > limits::MAX_XML_EVENT_BYTES
    }
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
        if self.event_too_long() {
            return Err(std::io::Error::other("event too long"));
        }
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

/// The elements the importer reads; every other one is `Other`. Tags are matched once, at the
/// start of the element, so that the path of the current element is a short stack of small values
/// (no string is built for the many elements the importer skips).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Fiches,
    VersionFlux,
    Fiche,
    NumeroFiche,
    Intitule,
    Abrege,
    Code,
    NomenclatureEurope,
    Niveau,
    Actif,
    DateEffet,
    DateFin,
    DateLimite,
    CodesNsf,
    Nsf,
    CodesRome,
    Rome,
    Anciennes,
    Ancienne,
    IdAncienne,
    Nouvelles,
    Nouvelle,
    IdNouvelle,
    DecretCreation,
    PublicationJo,
    Titre,
    DatePublicationJo,
    Blocs,
    Bloc,
    Libelle,
    ListeCompetences,
    Modalites,
    Correspondances,
    Correspondance,
    Source,
    Destination,
    Other,
}

fn tag(name: &[u8]) -> Tag {
    match name {
        b"FICHES" => Tag::Fiches,
        b"VERSION_FLUX" => Tag::VersionFlux,
        b"FICHE" => Tag::Fiche,
        b"NUMERO_FICHE" => Tag::NumeroFiche,
        b"INTITULE" => Tag::Intitule,
        b"ABREGE" => Tag::Abrege,
        b"CODE" => Tag::Code,
        b"NOMENCLATURE_EUROPE" => Tag::NomenclatureEurope,
        b"NIVEAU" => Tag::Niveau,
        b"ACTIF" => Tag::Actif,
        b"DATE_EFFET" => Tag::DateEffet,
        b"DATE_FIN_ENREGISTREMENT" => Tag::DateFin,
        b"DATE_LIMITE_DELIVRANCE" => Tag::DateLimite,
        b"CODES_NSF" => Tag::CodesNsf,
        b"NSF" => Tag::Nsf,
        b"CODES_ROME" => Tag::CodesRome,
        b"ROME" => Tag::Rome,
        b"ANCIENNES_CERTIFICATIONS" => Tag::Anciennes,
        b"ANCIENNE_CERTIFICATION" => Tag::Ancienne,
        b"ID_FICHE_ANCIENNE_CERTIFICATION" => Tag::IdAncienne,
        b"NOUVELLES_CERTIFICATIONS" => Tag::Nouvelles,
        b"NOUVELLE_CERTIFICATION" => Tag::Nouvelle,
        b"ID_FICHE_NOUVELLE_CERTIFICATION" => Tag::IdNouvelle,
        b"PUBLICATION_DECRET_CREATION" => Tag::DecretCreation,
        b"PUBLICATION_JO" => Tag::PublicationJo,
        b"TITRE" => Tag::Titre,
        b"DATE_PUBLICATION_JO" => Tag::DatePublicationJo,
        b"BLOCS_COMPETENCES" => Tag::Blocs,
        b"BLOC_COMPETENCES" => Tag::Bloc,
        b"LIBELLE" => Tag::Libelle,
        b"LISTE_COMPETENCES" => Tag::ListeCompetences,
        b"MODALITES_EVALUATION" => Tag::Modalites,
        b"CORRESPONDANCES" => Tag::Correspondances,
        b"CORRESPONDANCE" => Tag::Correspondance,
        b"SOURCE" => Tag::Source,
        b"DESTINATION" => Tag::Destination,
        _ => Tag::Other,
    }
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
pub fn read(
    source: impl BufRead,
    file: &str,
    progress: Option<indicatif::ProgressBar>,
    mut each: impl FnMut(Fiche),
) -> Result<(usize, usize), Problem> {
    let mut input = Lines { inner: source, lines: 1, bytes: 0, event_start: 0, progress };
    // A byte order mark is skipped.
    if input.fill_buf().map(|b| b.starts_with(b"\xEF\xBB\xBF")).unwrap_or(false) {
        input.consume(3);
    }
    let mut reader = Reader::from_reader(input);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    let mut buf = Vec::new();
    let mut path: Vec<Tag> = Vec::new();
    let mut text = String::new();
    // Whether the current element's text is kept (a field the importer reads).
    let mut keep = false;
    let mut current: Option<Building> = None;
    let (mut read, mut kept) = (0, 0);
    let mut flux: Option<String> = None;
    let at = |reader: &Reader<Lines<_>>| format!("ligne {}", reader.get_ref().lines);
    let too_big = |what_fr: &str, what_en: &str, limit: u64| {
        format!(
        "{what_fr} de plus de {} Mo : ce n'est pas l'export du registre / {what_en} larger than {} MB: not the register's export",
        limit >> 20, limit >> 20)
    };
    // Where the fiche being read began, in bytes.
    let mut fiche_start = 0;
    loop {
        reader.get_mut().event_start = reader.get_ref().bytes;
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(_) if reader.get_ref().event_too_long() => {
                return Err(Problem::new(
                    file,
                    at(&reader),
                    too_big("un élément", "an element", limits::MAX_XML_EVENT_BYTES),
                ))
            }
            Err(e) => {
                return Err(Problem::new(
                    file,
                    at(&reader),
                    format!("XML mal formé : {e} / malformed XML: {e}"),
                ))
            }
        };
        if current.is_some() && reader.get_ref().bytes - fiche_start > limits::MAX_FICHE_BYTES {
            return Err(Problem::new(
                file,
                at(&reader),
                too_big("une fiche", "a fiche", limits::MAX_FICHE_BYTES),
            ));
        }
        match event {
            Event::Start(start) => {
                if path.len() >= limits::MAX_XML_DEPTH {
                    return Err(Problem::new(
                        file,
                        at(&reader),
                        format!(
                            "éléments imbriqués sur plus de {} niveaux / elements nested more than {} deep",
                            limits::MAX_XML_DEPTH,
                            limits::MAX_XML_DEPTH
                        ),
                    ));
                }
                let t = tag(start.name().as_ref());
                if path.is_empty() && t != Tag::Fiches {
                    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                    return Err(Problem::new(file, at(&reader), format!(
                        "racine <{name}> au lieu de <FICHES> : ce n'est pas l'export XML des fiches RNCP / root <{name}> instead of <FICHES>: not the RNCP fiches XML export")));
                }
                text.clear();
                path.push(t);
                keep = t != Tag::Other && (current.is_some() || path.len() == 2);
                match (path.len(), t) {
                    (2, Tag::Fiche) => {
                        if flux.as_deref() != Some("4.1") {
                            return Err(Problem::new(
                                file,
                                at(&reader),
                                format!(
                                    "version du flux {} au lieu de 4.1 / flux version {} instead of 4.1",
                                    flux.as_deref().unwrap_or("absente"),
                                    flux.as_deref().unwrap_or("missing")
                                ),
                            ));
                        }
                        current = Some(Building::default());
                        fiche_start = reader.get_ref().bytes;
                    }
                    (4, Tag::Bloc) if path[2] == Tag::Blocs => {
                        if let Some(b) = current.as_mut() {
                            b.bloc = Some(Bloc::default());
                        }
                    }
                    (4, Tag::Correspondance) => {
                        if let Some(b) = current.as_mut() {
                            b.row = Some(Correspondence::default());
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if keep => {
                text.push_str(&t.xml10_content().map_err(|e| {
                    Problem::new(
                        file,
                        at(&reader),
                        format!(
                            "texte illisible (pas de l'UTF-8 ?) : {e} / unreadable text (not UTF-8?): {e}"
                        ),
                    )
                })?);
                if text.len() > limits::MAX_XML_TEXT_CHARS {
                    return Err(Problem::new(
                        file,
                        at(&reader),
                        too_big("un texte", "a text", limits::MAX_XML_TEXT_CHARS as u64),
                    ));
                }
            }
            Event::GeneralRef(r) if keep => {
                let name = r.decode().map_err(|e| {
                    Problem::new(
                        file,
                        at(&reader),
                        format!("entité illisible : {e} / unreadable entity: {e}"),
                    )
                })?;
                let reference = format!("&{name};");
                let resolved = quick_xml::escape::unescape(&reference).map_err(|e| {
                    Problem::new(
                        file,
                        at(&reader),
                        format!("entité inconnue {reference} : {e} / unknown entity {reference}: {e}"),
                    )
                })?;
                text.push_str(&resolved);
                if text.len() > limits::MAX_XML_TEXT_CHARS {
                    return Err(Problem::new(
                        file,
                        at(&reader),
                        too_big("un texte", "a text", limits::MAX_XML_TEXT_CHARS as u64),
                    ));
                }
            }
            Event::End(_) => {
                if path.len() == 2 && path[1] == Tag::VersionFlux {
                    flux = Some(text.trim().to_string());
                } else if let Some(b) = current.as_mut() {
                    if path.len() >= 2 {
                        take(b, &path[1..], &text);
                    }
                }
                if path.len() == 2 && path[1] == Tag::Fiche {
                    read += 1;
                    if let Some(mut b) = current.take() {
                        if b.abrege.as_deref() == Some("TP") {
                            if b.fiche.numero.is_empty() {
                                return Err(Problem::new(
                                    file,
                                    at(&reader),
                                    "fiche TP sans NUMERO_FICHE / TP fiche without NUMERO_FICHE".into(),
                                ));
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
                // Text after a child's end (mixed content) is not read.
                keep = false;
            }
            Event::Eof => {
                if !path.is_empty() {
                    return Err(Problem::new(file, at(&reader), "fichier tronqué : un élément n'est pas refermé / truncated file: an element is not closed".into()));
                }
                if flux.is_none() {
                    return Err(Problem::new(file, at(&reader), "aucune fiche : le fichier est vide ou n'est pas l'export XML / no fiche: the file is empty or not the XML export".into()));
                }
                break;
            }
            _ => {}
        }
        buf.clear();
    }
    Ok((read, kept))
}

/// Stores one element's text into the fiche being read; `p` is its path below `FICHES`.
fn take(b: &mut Building, p: &[Tag], text: &str) {
    use Tag::*;
    let value = || text.trim().to_string();
    let f = &mut b.fiche;
    match p {
        [Fiche, NumeroFiche] => f.numero = value(),
        [Fiche, Intitule] => f.intitule = value(),
        [Fiche, Abrege, Code] => b.abrege = Some(value()),
        [Fiche, NomenclatureEurope, Niveau] => f.niveau = Some(value()),
        [Fiche, Actif] => f.actif = Some(text.trim() == "Oui"),
        [Fiche, DateEffet] => f.date_effet = date(text),
        [Fiche, DateFin] => f.date_fin = date(text),
        [Fiche, DateLimite] => f.date_limite = date(text),
        [Fiche, CodesNsf, Nsf, Code] => f.nsf.push(value()),
        [Fiche, CodesRome, Rome, Code] => f.rome.push(value()),
        [Fiche, Anciennes, Ancienne, IdAncienne] => f.anciennes.push(value()),
        [Fiche, Nouvelles, Nouvelle, IdNouvelle] => f.nouvelles.push(value()),
        [Fiche, DecretCreation, PublicationJo, Titre] => b.act_title = Some(value()),
        [Fiche, DecretCreation, PublicationJo, DatePublicationJo] => b.act_jo = date(text),
        [Fiche, Blocs, Bloc, field] => {
            if let Some(bloc) = b.bloc.as_mut() {
                match field {
                    Code => bloc.code = value(),
                    Libelle => bloc.libelle = value(),
                    ListeCompetences => bloc.competences = value(),
                    Modalites => bloc.modalites = value(),
                    _ => {}
                }
            }
        }
        [Fiche, Blocs, Bloc] => {
            if let Some(bloc) = b.bloc.take() {
                f.blocs.get_or_insert_with(Vec::new).push(bloc);
            }
        }
        [Fiche, Blocs] => {
            f.blocs.get_or_insert_with(Vec::new);
        }
        [Fiche, Correspondances] => {
            f.correspondences.get_or_insert_with(Vec::new);
        }
        [Fiche, Correspondances, Correspondance, Source, Bloc, Code] => {
            if let Some(r) = b.row.as_mut() {
                r.new_blocs.push(value());
            }
        }
        [Fiche, Correspondances, Correspondance, Destination, NumeroFiche] => {
            if let Some(r) = b.row.as_mut() {
                r.old_fiche = Some(value());
            }
        }
        [Fiche, Correspondances, Correspondance, Destination, Bloc, Code] => {
            if let Some(r) = b.row.as_mut() {
                r.old_blocs.push(value());
            }
        }
        [Fiche, Correspondances, Correspondance] => {
            if let Some(r) = b.row.take() {
                f.correspondences.get_or_insert_with(Vec::new).push(r);
            }
        }
        _ => {}
    }
}
