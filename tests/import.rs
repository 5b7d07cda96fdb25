//! The importer on the register's real files (data/rncp/, France compétences, Licence Ouverte 2.0)
//! and on malformed ones: both TPs of the XML sample with their blocs, dates, chain and
//! correspondences (the many-to-one row), non-TP fiches skipped, every TP of the Kit apprentissage
//! grouped into titles; each malformed input gets an error naming the file and the line; the
//! committed data/titles/ equals a fresh import.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use tp_eligibility::import::{self, csv, xml, Fiche, Input};
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
    assert!(web.blocs.as_ref().unwrap()[0].modalites.contains("00 h 20 min"), "assessment read with its entities resolved");
    let rows = web.correspondences.as_ref().unwrap();
    let bloc_rows: Vec<(&[String], &[String])> = rows.iter().filter(|r| !r.old_blocs.is_empty())
        .map(|r| (r.old_blocs.as_slice(), r.new_blocs.as_slice())).collect();
    assert!(bloc_rows.contains(&(&["RNCP31114BC01".to_string()][..], &["RNCP37674BC01".to_string()][..])));
    assert!(bloc_rows.contains(&(&["RNCP31114BC02".to_string()][..], &["RNCP37674BC02".to_string()][..])));
    let cda = fiches.iter().find(|f| f.numero == "RNCP37873").unwrap();
    let many = cda.correspondences.as_ref().unwrap().iter().find(|r| r.new_blocs == ["RNCP37873BC02"]).unwrap();
    assert_eq!(many.old_blocs, ["RNCP31678BC02", "RNCP31678BC03"], "several old blocs for one new: all needed");
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
    assert_eq!((aie.fiche.date_effet, aie.fiche.date_fin), (Some(Date::ymd(2023, 1, 7)), Some(Date::ymd(2028, 1, 7))));
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
        ("another root".into(), b"<?xml version=\"1.0\"?>\n<CERTIFICATIONS></CERTIFICATIONS>".to_vec(), "racine <CERTIFICATIONS>"),
        ("another flux version".into(), format!("<FICHES>\n<VERSION_FLUX>3.0</VERSION_FLUX>\n{fiche}</FICHES>").into_bytes(), "3.0 au lieu de 4.1"),
        ("bytes that are not UTF-8".into(), [head.as_bytes(), b"<FICHE><INTITULE>caf\xe9</INTITULE></FICHE></FICHES>"].concat(), "UTF-8"),
        ("mismatched tags".into(), format!("{head}<FICHE><INTITULE>x</NUMERO_FICHE></FICHE></FICHES>").into_bytes(), "mal formé"),
        ("empty".into(), Vec::new(), "aucune fiche"),
    ];
    for (name, text, words) in cases {
        let e = xml_fiches(&text).expect_err(&name);
        assert_eq!(e.file, "test.xml", "{name}");
        assert!(e.place.starts_with("ligne "), "{name}: {e}");
        assert!(e.message.contains(words) && e.message.contains(" / "), "{name}: {e}");
    }
    // A byte order mark is accepted, and the TP fiche read.
    let fiches = xml_fiches(&[b"\xEF\xBB\xBF".as_slice(), head.as_bytes(), fiche.as_bytes(), b"</FICHES>"].concat()).unwrap();
    assert_eq!(fiches.len(), 1);
    // The line of a problem is the line where it is.
    let e = xml_fiches(format!("{head}{fiche}{fiche}<FICHE></WRONG>").as_bytes()).unwrap_err();
    assert_eq!(e.place, "ligne 6", "{e}");

    let dir = tempdir("bad-csv");
    std::fs::write(dir.join("export_fiches_CSV_Standard_2024_02_22.csv"), "\"Numero_Fiche\";\"Intitule\"\r\n\"RNCP1\";\"x\"\r\n").unwrap();
    let e = csv::export(&dir).unwrap_err();
    assert!(e.message.contains("colonne « Abrege_Libelle » absente"), "{e}");
    assert!(e.file.ends_with("export_fiches_CSV_Standard_2024_02_22.csv"), "{e}");
    let kit = dir.join("kit.csv");
    std::fs::write(&kit, b"Code Dipl\xf4me;FicheRNCP\r\n1;2\r\n").unwrap();
    let e = csv::kit(&kit).unwrap_err();
    assert!(e.message.contains("UTF-8"), "{e}");
    std::fs::write(&kit, "Code Diplôme;FicheRNCP\r\n1;2;3\r\n").unwrap();
    let e = csv::kit(&kit).unwrap_err();
    assert!(e.place == "ligne 2" && e.message.contains("3 champs au lieu de 2"), "{e}");
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
    import::write(&out, &output).unwrap();
    assert!(!out.join("old.json").exists() && out.join("index.json").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("titles")], "nothing left aside");
}

#[test]
fn the_committed_title_data_equals_a_fresh_import() {
    let output = import::import(&Input::from_sources(&data("sources.json")).unwrap()).unwrap();
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let dir = data("titles");
    let mut committed: Vec<String> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    committed.sort();
    let fresh: Vec<&String> = output.files.keys().collect();
    assert_eq!(committed.iter().collect::<Vec<_>>(), fresh, "run `make data`");
    for (name, text) in &output.files {
        assert!(&std::fs::read_to_string(dir.join(name)).unwrap() == text, "{name} differs from a fresh import: run `make data`");
    }
}

#[test]
fn every_tp_fiche_of_the_snapshot_is_in_a_title_and_every_title_is_valid() {
    let output = import::import(&Input::from_sources(&data("sources.json")).unwrap()).unwrap();
    assert_eq!(output.fiches, 326, "326 TP fiches of the kit, the XML sample's two TPs among them");
    let titles = tp_eligibility::title::registry();
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
