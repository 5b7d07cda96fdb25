//! `make data-refresh` end to end, offline: a local stand-in of data.gouv.fr's API serves the
//! dataset's JSON and zips made here from the register's committed XML sample; `tools/refresh.mjs`
//! picks the newest RNCP export, downloads it, and the importer refreshes a copy of data/ from it.
//! Then the safety gates: a shrunken export is refused (data untouched) unless forced, an export
//! without a TP fiche is always refused.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

type Files = Arc<Mutex<BTreeMap<String, Vec<u8>>>>;

/// A tiny HTTP/1.1 server on loopback: GET of a path it holds, 404 otherwise.
fn serve(files: Files) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).map_or(true, |n| n == 0) || header == "\r\n" {
                    break;
                }
            }
            let body = files.lock().unwrap().get(&path).cloned();
            let mut out = stream;
            let _ = match body {
                Some(body) => out
                    .write_all(
                        format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        )
                        .as_bytes(),
                    )
                    .and_then(|()| out.write_all(&body)),
                None => {
                    out.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                }
            };
        }
    });
    address
}

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(path)
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A zip holding one XML file.
fn zip(xml: &str) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    z.start_file("export_fiches_RNCP_V4_1.xml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.finish().unwrap();
    buf.into_inner()
}

/// The register's XML sample, with these fiches added before its end.
fn export(extra: &str) -> String {
    let sample = std::fs::read_to_string(data("rncp/export_fiches_RNCP_V4_1_sample.xml")).unwrap();
    let end = sample.rfind("</FICHES>").unwrap();
    format!("{}{extra}{}", &sample[..end], &sample[end..])
}

/// A TP fiche of Assistant import-export with a later end: a renewal the curated data lays over.
const RENEWED: &str =
    "<FICHE><NUMERO_FICHE>RNCP36964</NUMERO_FICHE><INTITULE>Assistant import-export</INTITULE>\
    <ABREGE><CODE>TP</CODE></ABREGE><ACTIF>Oui</ACTIF><DATE_EFFET>07/01/2023</DATE_EFFET>\
    <DATE_FIN_ENREGISTREMENT>07/01/2029</DATE_FIN_ENREGISTREMENT></FICHE>\n";

fn dataset(address: &str, resources: &[(&str, &str)]) -> Vec<u8> {
    let list: Vec<Value> = resources.iter().map(|(title, path)| json!({
        "id": title, "title": title, "url": format!("{address}{path}"), "format": "zip", "filesize": 1, "last_modified": "2026-12-01T00:00:00"
    })).collect();
    json!({ "id": "5eebbc067a14b6fecc9c9976", "resources": list }).to_string().into_bytes()
}

fn refresh(dir: &Path, api: &str, force: bool) -> (bool, String) {
    let mut command = std::process::Command::new("node");
    command.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/refresh.mjs")).arg("--data").arg(dir);
    if force {
        command.arg("--force");
    }
    let out = command
        .env("RNCP_DATASET_API", api)
        .env("TP_ELIGIBILITY_BIN", env!("CARGO_BIN_EXE_tp-eligibility"))
        .output()
        .unwrap();
    (
        out.status.success(),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    )
}

fn title(dir: &Path, file: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("titles").join(file)).unwrap()).unwrap()
}

fn snapshot_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join("titles")).unwrap().flatten() {
        all.insert(entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).unwrap());
    }
    all.insert("refresh.json".into(), std::fs::read(dir.join("refresh.json")).unwrap_or_default());
    all
}

#[test]
fn the_refresh_takes_the_newest_export_and_refuses_a_shrunken_or_empty_one() {
    let dir = std::env::temp_dir().join(format!("tp-refresh-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for part in ["sources.json", "rncp", "curated", "titles"] {
        let from = data(part);
        if from.is_dir() {
            copy(&from, &dir.join(part))
        } else {
            std::fs::copy(&from, dir.join(part)).map(|_| ()).unwrap()
        }
    }
    let files: Files = Arc::default();
    let address = serve(files.clone());
    let api = format!("{address}/api/1/datasets/5eebbc067a14b6fecc9c9976/");
    let newest = zip(&export(RENEWED));
    {
        let mut f = files.lock().unwrap();
        f.insert("/files/new.zip".into(), newest.clone());
        f.insert("/files/old.zip".into(), zip(&export("")));
        f.insert("/files/rs.zip".into(), b"not the RNCP".to_vec());
        f.insert(
            "/api/1/datasets/5eebbc067a14b6fecc9c9976/".into(),
            dataset(
                &address,
                &[
                    ("export-fiches-rncp-v4-1-2026-08-01.zip", "/files/old.zip"),
                    ("export-fiches-rs-v4-1-2026-12-01.zip", "/files/rs.zip"),
                    ("export-fiches-csv-2026-12-01.zip", "/files/rs.zip"),
                    ("export-fiches-rncp-v4-1-2026-11-30.zip", "/files/new.zip"),
                ],
            ),
        );
    }
    let (ok, printed) = refresh(&dir, &api, false);
    assert!(ok, "{printed}");
    // The newest RNCP export, not the older one nor the rs and csv ones; its provenance recorded.
    let record: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("refresh.json")).unwrap()).unwrap();
    assert_eq!(record["export"]["file"], "rncp/export/export-fiches-rncp-v4-1-2026-11-30.zip");
    assert_eq!(record["export"]["date"], "2026-11-30");
    assert_eq!(record["export"]["size"], newest.len());
    assert_eq!(record["export"]["url"], format!("{address}/files/new.zip"));
    assert_eq!(record["export"]["tpFiches"], 3);
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(&newest).iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    assert_eq!(record["export"]["sha256"], sha);
    // The XML titles carry the export's date; the curated title keeps its official facts, with the
    // register's fresher end laid over its register fact.
    assert_eq!(title(&dir, "36T32604.json")["snapshot"], "2026-11-30");
    let aie = title(&dir, "TP-00523.json");
    assert_eq!(aie["snapshot"], "2026-11-30");
    assert_eq!(aie["versions"][3]["end"]["date"], "2029-01-07");
    assert_eq!(aie["versions"][1]["start"]["certainty"], "official");
    // What changed, in a few lines.
    assert!(
        printed.contains("titres :") && printed.contains("~ TP-00523") && printed.contains("dates"),
        "{printed}"
    );
    // The record's digest is the data's: make data would check it on a clone without the export.
    let input = tp_eligibility::import::Input::from_sources_and_record(&dir.join("sources.json")).unwrap();
    let again = tp_eligibility::import::import(&input).unwrap();
    assert_eq!(record["output"]["sha256"], tp_eligibility::import::refresh::digest(&again.files));
    assert!(dir.join("rncp/export/export-fiches-rncp-v4-1-2026-11-30.zip").exists());

    // A newer export that gives fewer than 90 % of the TP fiches: refused, data whole.
    let before = snapshot_of(&dir);
    {
        let mut f = files.lock().unwrap();
        f.insert("/files/shrunk.zip".into(), zip(&export("")));
        f.insert(
            "/api/1/datasets/5eebbc067a14b6fecc9c9976/".into(),
            dataset(&address, &[("export-fiches-rncp-v4-1-2026-12-02.zip", "/files/shrunk.zip")]),
        );
    }
    let (ok, printed) = refresh(&dir, &api, false);
    assert!(!ok && printed.contains("2 fiches TP au lieu de 3") && printed.contains("--force"), "{printed}");
    assert_eq!(snapshot_of(&dir), before, "the data is untouched");
    assert!(
        !dir.join("rncp/export/export-fiches-rncp-v4-1-2026-12-02.zip").exists(),
        "the refused export is not kept"
    );
    assert!(
        dir.join("rncp/export/export-fiches-rncp-v4-1-2026-11-30.zip").exists(),
        "the recorded one stays"
    );
    // Forced, it is used.
    let (ok, printed) = refresh(&dir, &api, true);
    assert!(ok, "{printed}");
    assert_eq!(title(&dir, "36T32604.json")["snapshot"], "2026-12-02");

    // An export without any TP fiche is never used, forced or not.
    let before = snapshot_of(&dir);
    let none = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES><VERSION_FLUX>4.1</VERSION_FLUX>\
        <FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><ABREGE><CODE>BTS</CODE></ABREGE></FICHE></FICHES>";
    {
        let mut f = files.lock().unwrap();
        f.insert("/files/none.zip".into(), zip(none));
        f.insert(
            "/api/1/datasets/5eebbc067a14b6fecc9c9976/".into(),
            dataset(&address, &[("export-fiches-rncp-v4-1-2026-12-03.zip", "/files/none.zip")]),
        );
    }
    let (ok, printed) = refresh(&dir, &api, true);
    assert!(!ok && printed.contains("aucune fiche TP"), "{printed}");
    assert_eq!(snapshot_of(&dir), before, "the data is untouched");
    // A clone with the record but not the export it names (not committed) refreshes all the same.
    std::fs::remove_dir_all(dir.join("rncp/export")).unwrap();
    {
        let mut f = files.lock().unwrap();
        f.insert("/files/later.zip".into(), zip(&export(RENEWED)));
        f.insert(
            "/api/1/datasets/5eebbc067a14b6fecc9c9976/".into(),
            dataset(&address, &[("export-fiches-rncp-v4-1-2026-12-04.zip", "/files/later.zip")]),
        );
    }
    let (ok, printed) = refresh(&dir, &api, false);
    assert!(ok, "{printed}");
    assert_eq!(title(&dir, "36T32604.json")["snapshot"], "2026-12-04");
    // A dataset without an RNCP export says so.
    files.lock().unwrap().insert(
        "/api/1/datasets/5eebbc067a14b6fecc9c9976/".into(),
        dataset(&address, &[("export-fiches-rs-v4-1-2026-12-01.zip", "/files/rs.zip")]),
    );
    let (ok, printed) = refresh(&dir, &api, false);
    assert!(!ok && printed.contains("no export-fiches-rncp-v4-1"), "{printed}");
    std::fs::remove_dir_all(&dir).unwrap();
}
