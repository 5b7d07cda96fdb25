//! The importer on the register's real files (data/rncp/, France compétences, Licence Ouverte 2.0)
//! and on malformed ones: both TPs of the XML sample with their blocs, dates, chain and
//! correspondences (the many-to-one row), non-TP fiches skipped, every TP of the Kit apprentissage
//! grouped into titles; each malformed input gets an error naming the file and the line; the
//! committed data/titles/ equals a fresh import.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use tp_eligibility::import::{self, csv, refresh, xml, Fiche, Input};
use tp_eligibility::Date;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(path)
}

fn xml_fiches(text: &[u8]) -> Result<Vec<Fiche>, import::Problem> {
    let mut fiches = Vec::new();
    xml::read(text, "test.xml", None, |f| fiches.push(f))?;
    Ok(fiches)
}

#[test]
fn the_xml_sample_gives_its_two_tps_with_blocs_dates_chain_and_correspondences() {
    let mut fiches = Vec::new();
    let file = std::fs::File::open(data("rncp/export_fiches_RNCP_V4_1_sample.xml")).unwrap();
    let (read, kept) = xml::read(std::io::BufReader::new(file), "sample", None, |f| fiches.push(f)).unwrap();
    assert_eq!((read, kept), (12, 2), "12 fiches, 2 TP; the others are skipped");
    let web = fiches.iter().find(|f| f.numero == "RNCP37674").unwrap();
    assert_eq!(web.intitule, "Développeur web et web mobile");
    assert_eq!((web.date_effet, web.date_fin), (Some(Date::ymd(2023, 9, 1)), Some(Date::ymd(2028, 9, 1))));
    assert_eq!(web.niveau.as_deref(), Some("NIV5"));
    assert_eq!(web.anciennes, ["RNCP31114"]);
    let blocs: Vec<&str> = web.blocs.as_ref().unwrap().iter().map(|b| b.code.as_str()).collect();
    assert_eq!(blocs, ["RNCP37674BC01", "RNCP37674BC02"]);
    assert!(
        web.blocs.as_ref().unwrap()[0].modalites.contains("00 h 20 min"),
        "assessment read with its entities resolved"
    );
    let rows = web.correspondences.as_ref().unwrap();
    let bloc_rows: Vec<(&[String], &[String])> = rows
        .iter()
        .filter(|r| !r.old_blocs.is_empty())
        .map(|r| (r.old_blocs.as_slice(), r.new_blocs.as_slice()))
        .collect();
    assert!(bloc_rows.contains(&(&["RNCP31114BC01".to_string()][..], &["RNCP37674BC01".to_string()][..])));
    assert!(bloc_rows.contains(&(&["RNCP31114BC02".to_string()][..], &["RNCP37674BC02".to_string()][..])));
    let cda = fiches.iter().find(|f| f.numero == "RNCP37873").unwrap();
    let many =
        cda.correspondences.as_ref().unwrap().iter().find(|r| r.new_blocs == ["RNCP37873BC02"]).unwrap();
    assert_eq!(
        many.old_blocs,
        ["RNCP31678BC02", "RNCP31678BC03"],
        "several old blocs for one new: all needed"
    );
    assert_eq!(many.old_fiche.as_deref(), Some("RNCP31678"));
    assert!(cda.act.as_ref().unwrap().0.starts_with("Arrêté du 20 juin 2023"));
}

#[test]
fn the_kit_gives_every_tp_with_its_code_diplome_dates_and_chain() {
    let rows = csv::kit(&data("rncp/kit-apprentissage-2025-01-31-TP.csv")).unwrap();
    assert_eq!(rows.len(), 342);
    let fiches: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.fiche.numero.as_str()).collect();
    assert_eq!(fiches.len(), 326);
    let aie = rows.iter().find(|r| r.fiche.numero == "RNCP36964").unwrap();
    assert_eq!(aie.code_diplome, "36T31202");
    assert_eq!(
        (aie.fiche.date_effet, aie.fiche.date_fin),
        (Some(Date::ymd(2023, 1, 7)), Some(Date::ymd(2028, 1, 7)))
    );
    assert_eq!(aie.fiche.anciennes, ["RNCP35194"]);
    assert_eq!(aie.fiche.intitule, "Assistant import-export");
    let split = rows.iter().find(|r| r.fiche.numero == "RNCP1829").unwrap();
    assert_eq!(split.fiche.nouvelles, ["RNCP37100", "RNCP37104"], "a cell with two successors");
}

#[test]
fn the_csv_export_is_read_with_its_quirks_and_keeps_tp_fiches_only() {
    let (fiches, read) = csv::export(&data("rncp/export-fiches-csv-2024-02-22")).unwrap();
    assert!(read >= 9);
    assert!(fiches.is_empty(), "no TP in this sample: {fiches:?}");
    // A TP fiche in the same shape: quoted fields, CRLF, a BOM, accented file name.
    let dir = tempdir("csv-tp");
    std::fs::write(dir.join("export_fiches_CSV_Standard_2024_02_22.csv"), "\u{feff}\"Id_Fiche\";\"Numero_Fiche\";\"Intitule\";\"Abrege_Libelle\";\"Nomenclature_Europe_Niveau\";\"Date_Fin_Enregistrement\";\"Date_Effet\";\"Actif\"\r\n\"1\";\"RNCP99999\";\"Agent d'essai\";\"TP\";\"NIV3\";\"31/12/2029\";\"01/01/2025\";\"ACTIVE\"\r\n\"2\";\"RNCP99998\";\"Un CAP\";\"CAP\";\"NIV3\";;;\"ACTIVE\"\r\n").unwrap();
    std::fs::write(dir.join("export_fiches_CSV_Blocs_De_Compétences_2024_02_22.csv"), "\"Numero_Fiche\";\"Bloc_Competences_Code\";\"Bloc_Competences_Libelle\"\r\n\"RNCP99999\";\"RNCP99999BC01\";\"Essayer\"\r\n").unwrap();
    let (fiches, read) = csv::export(&dir).unwrap();
    assert_eq!((fiches.len(), read), (1, 2));
    assert_eq!(fiches[0].blocs.as_ref().unwrap()[0].code, "RNCP99999BC01");
    assert_eq!(fiches[0].date_fin, Some(Date::ymd(2029, 12, 31)));
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tp-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn malformed_inputs_each_get_a_clear_error_naming_the_file_and_line() {
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n";
    let fiche = "<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><ABREGE><CODE>TP</CODE></ABREGE></FICHE>\n";
    let cases: Vec<(String, Vec<u8>, &str)> = vec![
        ("truncated".into(), format!("{head}{fiche}<FICHE><NUMERO_FICHE>RNCP2").into_bytes(), "tronqué"),
        (
            "another root".into(),
            b"<?xml version=\"1.0\"?>\n<CERTIFICATIONS></CERTIFICATIONS>".to_vec(),
            "racine <CERTIFICATIONS>",
        ),
        (
            "another flux version".into(),
            format!("<FICHES>\n<VERSION_FLUX>3.0</VERSION_FLUX>\n{fiche}</FICHES>").into_bytes(),
            "3.0 au lieu de 4.1",
        ),
        (
            "bytes that are not UTF-8".into(),
            [head.as_bytes(), b"<FICHE><INTITULE>caf\xe9</INTITULE></FICHE></FICHES>"].concat(),
            "UTF-8",
        ),
        (
            "mismatched tags".into(),
            format!("{head}<FICHE><INTITULE>x</NUMERO_FICHE></FICHE></FICHES>").into_bytes(),
            "mal formé",
        ),
        ("empty".into(), Vec::new(), "aucune fiche"),
    ];
    for (name, text, words) in cases {
        let e = xml_fiches(&text).expect_err(&name);
        assert_eq!(e.file, "test.xml", "{name}");
        assert!(e.place.starts_with("ligne "), "{name}: {e}");
        assert!(e.message.contains(words) && e.message.contains(" / "), "{name}: {e}");
    }
    // A byte order mark is accepted, and the TP fiche read.
    let fiches =
        xml_fiches(&[b"\xEF\xBB\xBF".as_slice(), head.as_bytes(), fiche.as_bytes(), b"</FICHES>"].concat())
            .unwrap();
    assert_eq!(fiches.len(), 1);
    // The line of a problem is the line where it is.
    let e = xml_fiches(format!("{head}{fiche}{fiche}<FICHE></WRONG>").as_bytes()).unwrap_err();
    assert_eq!(e.place, "ligne 6", "{e}");

    let dir = tempdir("bad-csv");
    std::fs::write(
        dir.join("export_fiches_CSV_Standard_2024_02_22.csv"),
        "\"Numero_Fiche\";\"Intitule\"\r\n\"RNCP1\";\"x\"\r\n",
    )
    .unwrap();
    let e = csv::export(&dir).unwrap_err();
    assert!(e.message.contains("colonne « Abrege_Libelle » absente"), "{e}");
    assert!(e.file.ends_with("export_fiches_CSV_Standard_2024_02_22.csv"), "{e}");
    let kit = dir.join("kit.csv");
    std::fs::write(&kit, b"Code Dipl\xf4me;FicheRNCP\r\n1;2\r\n").unwrap();
    let e = csv::kit(&kit).unwrap_err();
    assert!(e.message.contains("UTF-8"), "{e}");
    // (Columns are checked first, then rows are streamed: the header names every column.)
    let header = "Code Diplôme;FicheRNCP;Niveau fiche RNCP;Abrégé de diplôme (RNCP);Date d'échéance de la fiche RNCP;Fiche ACTIVE/INACTIVE;\
        Intitulé certification (RNCP);Intitulé diplôme (DEPP);Date de début des parcours certifiants;Date limite de la délivrance;\
        Nouvelle Certification rempla (RNCP);Ancienne Certification (RNCP)";
    std::fs::write(&kit, format!("{header}\r\n1;2;3;4;5;6;7;8;9;10;11;12;13\r\n")).unwrap();
    let e = csv::kit(&kit).unwrap_err();
    assert!(e.place == "ligne 2" && e.message.contains("13 champs au lieu de 12"), "{e}");
    std::fs::write(&kit, "Code Diplôme;FicheRNCP\r\n1;2\r\n").unwrap();
    let e = csv::kit(&kit).unwrap_err();
    assert!(e.message.contains("colonne « Niveau fiche RNCP » absente"), "{e}");
}

#[test]
fn an_import_writes_aside_and_leaves_no_half_written_data() {
    let dir = tempdir("write");
    let out = dir.join("titles");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("old.json"), "{}").unwrap();
    // A failing import leaves the previous data untouched.
    let bad = Input { xml: vec![(dir.join("missing.xml"), Date::ymd(2026, 8, 1))], ..Input::default() };
    assert!(import::import(&bad).is_err());
    assert!(out.join("old.json").exists());
    let input = Input::from_sources(&data("sources.json")).unwrap();
    let output = import::import(&input).unwrap();
    import::write(&out, &output, false).unwrap();
    assert!(!out.join("old.json").exists() && out.join("index.json").exists());
    let leftovers: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("titles")], "nothing left aside");
}

#[test]
fn the_committed_title_data_equals_a_fresh_import() {
    let dir = data("titles");
    // After a refresh (data/refresh.json) on a clone without its export (not committed: hundreds
    // of MB), the data is checked against the digest the refresh recorded of what it wrote.
    let record = refresh::read_record(&refresh::record(&data("sources.json"))).unwrap();
    if let Some(r) = record.filter(|r| !data(r["export"]["file"].as_str().unwrap_or_default()).exists()) {
        let files = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| {
                (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        assert_eq!(
            r["output"]["sha256"].as_str(),
            Some(refresh::digest(&files).as_str()),
            "data/titles is not what the refresh wrote"
        );
        return;
    }
    let output = import::import(&Input::from_sources_and_record(&data("sources.json")).unwrap()).unwrap();
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let mut committed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    let fresh: Vec<&String> = output.files.keys().collect();
    assert_eq!(committed.iter().collect::<Vec<_>>(), fresh, "run `make data`");
    for (name, text) in &output.files {
        assert!(
            &std::fs::read_to_string(dir.join(name)).unwrap() == text,
            "{name} differs from a fresh import: run `make data`"
        );
    }
}

#[test]
fn every_tp_fiche_of_the_snapshot_is_in_a_title_and_every_title_is_valid() {
    let input = Input::from_sources(&data("sources.json")).unwrap();
    let output = import::import(&input).unwrap();
    assert_eq!(output.fiches, 326, "326 TP fiches of the kit, the XML sample's two TPs among them");
    let titles = common::seed_titles();
    assert_eq!(titles.len(), output.titles);
    tp_eligibility::title::validate(titles, "titles").unwrap();
    let kit = csv::kit(&data("rncp/kit-apprentissage-2025-01-31-TP.csv")).unwrap();
    for row in &kit {
        assert!(titles.iter().any(|t| t.is_named(&row.fiche.numero)), "{} in no title", row.fiche.numero);
    }
    // The default title stays the curated one.
    assert_eq!(titles[0].code, "TP-00523");
    assert_eq!(titles.iter().filter(|t| t.is_named("36T31202")).count(), 1);
    // The two TPs of the XML sample, with their chain and tables.
    let web = titles.iter().find(|t| t.is_named("RNCP37674")).unwrap();
    assert!(web.is_named("RNCP31114") && web.is_named("36T32604"));
    assert_eq!(web.versions.last().unwrap().ccps.len(), 2);
    let cda = titles.iter().find(|t| t.is_named("RNCP37873")).unwrap();
    let rows = cda.versions.last().unwrap().correspondence.as_ref().unwrap().rows.as_ref().unwrap();
    assert!(rows.iter().any(|r| r.from == ["RNCP31678BC02", "RNCP31678BC03"] && r.to == ["RNCP37873BC02"]));
    assert_eq!(cda.snapshot, Some(Date::ymd(2026, 8, 1)));
    // A fiche with no blocs has an unknown CCP list; a revision with no CORRESPONDANCES an unknown table.
    let kit_only = titles.iter().find(|t| t.is_named("RNCP39408")).unwrap();
    assert_eq!(kit_only.versions.last().unwrap().ccps_certainty, tp_eligibility::Certainty::Unknown);
    assert!(kit_only.versions.last().unwrap().correspondence.as_ref().unwrap().rows.is_none());
}

/// The data audit of issue 19: links kept, inactive and undated fiches, every code and number
/// found, codes and names as the register means them, rebuilt lists marked, honest notes.
#[test]
fn the_register_s_links_codes_and_names_are_kept_as_it_means_them() {
    use tp_eligibility::title::AfterEnd;
    let titles = common::seed_titles();
    let by =
        |id: &str| titles.iter().find(|t| t.is_named(id)).unwrap_or_else(|| panic!("{id} names no title"));
    // Every Code Diplôme and RNCP number of the Kit resolves, with or without spaces.
    for row in csv::kit(&data("rncp/kit-apprentissage-2025-01-31-TP.csv")).unwrap() {
        by(&row.code_diplome);
        by(&row.fiche.numero);
        by(&row.fiche.numero.replace("RNCP", "RNCP "));
    }
    // A split: the old fiche is the first version of both new titles; the old title says so.
    for new in ["RNCP37100", "RNCP37104"] {
        assert_eq!(by(new).versions[0].rncp.as_deref(), Some("RNCP1829"), "{new}");
    }
    let old = titles.iter().find(|t| t.code == "36T23101").unwrap();
    assert_eq!(old.after_registration_end, AfterEnd::Replaced);
    let successors: Vec<&str> = old.replaced_by.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(successors, ["36T23103", "36T23104"]);
    // A successor the register names but does not describe is kept, with unknown dates.
    for (title, next) in [
        ("46T32404", "RNCP40077"),
        ("46T25201", "RNCP39892"),
        ("56T25504", "RNCP38664"),
        ("56T23306", "RNCP39891"),
        ("36T25101", "RNCP39174"),
    ] {
        let t = by(title);
        let last = t.versions.last().unwrap();
        assert_eq!(last.rncp.as_deref(), Some(next), "{title}");
        assert!(last.is_undated() && last.ccps_certainty == tp_eligibility::Certainty::Unknown, "{title}");
    }
    // An inactive fiche without an end date ended before the data's day; nothing says it was renewed.
    let inactive = by("RNCP2568");
    let end = inactive.versions.last().unwrap().end.clone().unwrap();
    assert_eq!((end.date, end.not_after), (None, Some(Date::ymd(2025, 1, 30))));
    assert_eq!(inactive.after_registration_end, AfterEnd::ClosedByInference);
    // Codes: the one whose level agrees is the title's own; two fiches under the same two codes
    // are told apart by name.
    assert_eq!(by("RNCP36256").code, "56T23409", "Menuisier agenceur is level 3");
    assert_eq!(by("RNCP34441").code, "36T32403", "Assistant immobilier is level 5");
    assert_eq!(by("56T25101").name.fr.as_ref(), "Tourneur en réalisation de pièces mécaniques");
    assert_eq!(by("56T25102").name.fr.as_ref(), "Fraiseur en réalisation de pièces mécaniques");
    // Names without the kit's prefixes, capitalised.
    assert_eq!(by("RNCP17030").name.fr.as_ref(), "Préparateur monteur en maroquinerie");
    assert_eq!(by("RNCP38551").name.fr.as_ref(), "Agent magasinier");
    assert!(titles.iter().all(
        |t| !t.name.fr.starts_with("TP ") && t.name.fr.chars().next().is_some_and(|c| !c.is_lowercase())
    ));
    // A CCP list rebuilt from a correspondence table says so, and keeps room for a CCP it misses.
    let rebuilt = &by("RNCP31114").versions[0];
    assert_eq!(rebuilt.ccps_certainty, tp_eligibility::Certainty::Estimated);
    assert!(
        rebuilt.ccps.last().unwrap().placeholder
            && rebuilt.ccps.last().unwrap().name.en.contains("rebuilt from the correspondence table")
    );
    // A table our data lacks is said to be missing from our data, not from the register.
    let kit_only = by("RNCP39408").versions.last().unwrap().correspondence.clone().unwrap();
    assert!(kit_only.note.unwrap().en.contains("our data lacks the correspondence table"));
    // The index leaves "still running" to the day asked: it gives the last day and the data's date.
    let input = Input::from_sources(&data("sources.json")).unwrap();
    let index: serde_json::Value =
        serde_json::from_str(&import::import(&input).unwrap().files["index.json"]).unwrap();
    let entry = index["titles"].as_array().unwrap().iter().find(|e| e["code"] == "TP-00523").unwrap();
    assert_eq!((entry["end"].as_str(), entry["snapshot"].as_str()), (Some("2028-01-07"), Some("2025-01-31")));
    assert!(entry.get("active").is_none());
}

/// A huge input made on the fly: `head`, then `body` repeated up to `size` bytes, then `tail`;
/// it counts what the reader took, to show that a bound stopped it early.
struct Huge {
    parts: Vec<u8>,
    head: usize,
    body: std::ops::Range<usize>,
    size: u64,
    given: u64,
    read: std::rc::Rc<std::cell::Cell<u64>>,
}

impl Huge {
    fn new(head: &str, body: &str, size: u64) -> (Huge, std::rc::Rc<std::cell::Cell<u64>>) {
        let read = std::rc::Rc::new(std::cell::Cell::new(0));
        let parts = [head, body].concat().into_bytes();
        (
            Huge {
                head: head.len(),
                body: head.len()..parts.len(),
                parts,
                size,
                given: 0,
                read: read.clone(),
            },
            read,
        )
    }
}

impl std::io::Read for Huge {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.given >= self.size {
            return Ok(0);
        }
        let at = self.given as usize;
        let n = if at < self.head {
            let n = (self.head - at).min(buf.len());
            buf[..n].copy_from_slice(&self.parts[at..at + n]);
            n
        } else {
            let body = &self.parts[self.body.clone()];
            let offset = (at - self.head) % body.len();
            let n = (body.len() - offset).min(buf.len());
            buf[..n].copy_from_slice(&body[offset..offset + n]);
            n
        };
        self.given += n as u64;
        self.read.set(self.given);
        Ok(n)
    }
}

#[test]
fn the_xml_reader_stops_at_its_bounds_without_buffering_what_lies_beyond() {
    let head = "<?xml version=\"1.0\"?>\n<FICHES><VERSION_FLUX>4.1</VERSION_FLUX>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE>";
    let cases = [
        (
            "a gigabyte of text in one node",
            format!("{head}<INTITULE>"),
            "x".repeat(4096),
            "un élément de plus de 1 Mo",
        ),
        (
            "a gigabyte of one tag's attributes",
            format!("{head}<INTITULE a=\""),
            "y".repeat(4096),
            "un élément de plus de 1 Mo",
        ),
        (
            "text cut by entities",
            format!("{head}<INTITULE>"),
            "&amp;".to_string(),
            "un texte de plus de 1 Mo",
        ),
        ("nesting without end", head.to_string(), "<A>".to_string(), "imbriqués sur plus de 64 niveaux"),
        (
            "one fiche of endless small blocs",
            format!("{head}<BLOCS_COMPETENCES>"),
            "<BLOC_COMPETENCES><CODE>B</CODE><LIBELLE>l</LIBELLE></BLOC_COMPETENCES>".to_string(),
            "une fiche de plus de 16 Mo",
        ),
    ];
    for (name, head, body, words) in cases {
        let (input, read) = Huge::new(&head, &body, 1 << 30);
        let e = xml::read(std::io::BufReader::new(input), "huge.xml", None, |_| {}).expect_err(name);
        assert!(e.message.contains(words), "{name}: {e}");
        assert!(read.get() < 20 << 20, "{name}: {} bytes read before stopping", read.get());
    }
}

#[test]
fn a_csv_record_past_its_bound_is_refused_before_it_is_read_whole() {
    let dir = tempdir("huge-csv");
    let standard = dir.join("export_fiches_CSV_Standard_2024_02_22.csv");
    let header = "Numero_Fiche;Intitule;Abrege_Libelle;Nomenclature_Europe_Niveau;Date_Fin_Enregistrement;Date_Effet;Actif\n";
    std::fs::write(&standard, format!("{header}RNCP1;{};TP;NIV3;;;ACTIVE\n", "z".repeat(5 << 20))).unwrap();
    let e = csv::export(&dir).unwrap_err();
    assert!(e.message.contains("enregistrement de plus de 1 Mo") && e.place == "ligne 2", "{e}");
    // Many ordinary rows are fine: the bound is on one record, not on the file.
    let rows: String = (0..20_000).map(|i| format!("RNCP{i};Titre {i};BTS;NIV5;;;ACTIVE\n")).collect();
    std::fs::write(&standard, format!("{header}{rows}")).unwrap();
    let (fiches, read) = csv::export(&dir).unwrap();
    assert_eq!((fiches.len(), read), (0, 20_000));
}

/// A Kit file with the header the importer reads and these rows (Code Diplôme, fiche, title).
fn kit_file(dir: &Path, rows: &[(&str, &str, &str)]) -> PathBuf {
    let header = "Code Diplôme;Intitulé diplôme (DEPP);FicheRNCP;Niveau fiche RNCP;Abrégé de diplôme (RNCP);Dernière MaJ;\
        Accès à l'apprentissage de la fiche RNCP (oui/non);Date d'échéance de la fiche RNCP;Fiche ACTIVE/INACTIVE;Intitulé certification (RNCP);\
        Type d'enregistrement;Date de publication de la fiche;Date de décision;Date de début des parcours certifiants;Date limite de la délivrance;\
        Nouvelle Certification rempla (RNCP);Ancienne Certification (RNCP)";
    let body: String = rows.iter().map(|(code, fiche, name)| format!(
        "{code};{name};{fiche};Niveau 3;TP;v1;Oui;01/01/2030;ACTIVE;TP - {name};Enregistrement de droit;;;01/01/2025;;;\n")).collect();
    let path = dir.join("kit-2025-01-31.csv");
    std::fs::write(&path, format!("{header}\n{body}")).unwrap();
    path
}

#[test]
fn a_code_from_the_data_never_names_a_file_outside_the_output_and_is_refused_not_rewritten() {
    let dir = tempdir("codes");
    let kit = kit_file(
        &dir,
        &[
            ("../../kit-pwned", "RNCP90001", "Agent un"),
            ("/abs/x", "RNCP90002", "Agent deux"),
            ("index", "RNCP90003", "Agent trois"),
            (&"L".repeat(300), "RNCP90004", "Agent quatre"),
            ("a/b", "RNCP90005", "Agent cinq"),
            ("36T99001", "RNCP90006", "Agent six"),
        ],
    );
    let input = Input { kit: vec![(kit, Date::ymd(2025, 1, 31))], ..Input::default() };
    let output = import::import(&input).unwrap();
    let files: Vec<&String> = output.files.keys().collect();
    assert_eq!(files, ["36T99001.json", "index.json"], "only the title with a valid code is written");
    assert_eq!(output.warnings.len(), 5, "{:?}", output.warnings);
    assert!(output.warnings.iter().all(|w| w.contains("invalid title code")), "{:?}", output.warnings);
    let out = dir.join("out").join("titles");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    import::write(&out, &output, false).unwrap();
    let around: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert!(!around.iter().any(|n| n.to_string_lossy().contains("pwned")), "{around:?}");
    // Two codes that differ only by case collide: an error naming the code.
    let kit =
        kit_file(&dir, &[("36T99001", "RNCP90006", "Agent six"), ("36t99001", "RNCP90007", "Agent sept")]);
    let e =
        import::import(&Input { kit: vec![(kit, Date::ymd(2025, 1, 31))], ..Input::default() }).unwrap_err();
    assert!(e.message.contains("collision"), "{e}");
}

#[test]
fn writing_swaps_whole_folders_and_refuses_an_empty_or_shrunken_output() {
    let dir = tempdir("swap");
    let out = dir.join("titles");
    let input = Input::from_sources(&data("sources.json")).unwrap();
    let full = import::import(&input).unwrap();
    import::write(&out, &full, false).unwrap();
    let before = std::fs::read_dir(&out).unwrap().count();
    // A stale aside folder (an import killed midway) is never published: removed, not reused.
    let stale = dir.join(".titles.import-1234");
    std::fs::create_dir_all(&stale).unwrap();
    std::fs::write(stale.join("planted.json"), "{}").unwrap();
    // Empty: refused, data whole.
    let empty = import::Output::default();
    let e = import::write(&out, &empty, true).unwrap_err();
    assert!(e.message.contains("aucun titre"), "{e}");
    // Sharply fewer titles: refused unless forced.
    let mut few = import::Output { titles: 3, ..import::Output::default() };
    few.files = full.files.iter().take(4).map(|(k, v)| (k.clone(), v.clone())).collect();
    let e = import::write(&out, &few, false).unwrap_err();
    assert!(e.message.contains("--force"), "{e}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), before, "the data is whole");
    import::write(&out, &full, false).unwrap();
    assert!(!out.join("planted.json").exists());
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["titles"], "nothing left beside the output");
    import::write(&out, &few, true).unwrap();
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 4, "forced");
    // An output folder that is a symbolic link is refused.
    let link = dir.join("link");
    std::os::unix::fs::symlink(&out, &link).unwrap();
    let e = import::write(&link, &full, false).unwrap_err();
    assert!(e.message.contains("lien symbolique"), "{e}");
}
