//! Import speed and memory, for `make bench` (tools/bench.mjs): the XML sample's fiches repeated
//! to at least 25,000 (target/scaled.xml, made once), read by the importer's streaming reader and
//! by a bare quick-xml pass over the same file; the ratio of the two is what the importer costs
//! beyond reading XML. Then the same file as the register publishes it, zipped
//! (target/export-fiches-rncp-v4-1-2026-11-30.zip, made once): a bare pass through the unzipped
//! stream, the floor of a refresh, which tools/bench.mjs sets against the whole `import --export`.
//! Prints one JSON line.

use std::io::BufRead;
use std::time::Instant;

const FICHES: usize = 25_200;

fn scaled() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = dir.join("target/scaled.xml");
    if path.exists() {
        return path;
    }
    let sample = std::fs::read_to_string(dir.join("data/rncp/export_fiches_RNCP_V4_1_sample.xml")).unwrap();
    let (first, last) =
        (sample.find("<FICHE>").unwrap(), sample.rfind("</FICHE>").unwrap() + "</FICHE>".len());
    let (head, body, tail) = (&sample[..first], &sample[first..last], &sample[last..]);
    let per = body.matches("<FICHE>").count();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    use std::io::Write;
    out.write_all(head.as_bytes()).unwrap();
    for _ in 0..FICHES.div_ceil(per) {
        out.write_all(body.as_bytes()).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.write_all(tail.as_bytes()).unwrap();
    path
}

/// The scaled file zipped as the daily export is (one XML entry, deflate).
fn zipped(xml: &std::path::Path) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/export-fiches-rncp-v4-1-2026-11-30.zip");
    if path.exists() {
        return path;
    }
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_level(Some(1)).large_file(true);
    z.start_file("export_fiches_RNCP_V4_1_2026-11-30.xml", options).unwrap();
    std::io::copy(&mut std::fs::File::open(xml).unwrap(), &mut z).unwrap();
    z.finish().unwrap();
    path
}

/// Unzipping the export and every event of its XML, nothing kept: the floor of a refresh.
fn bare_zip(path: &std::path::Path) -> usize {
    let mut events = 0;
    tp_eligibility::import::refresh::read_zip(path, |source, _, _| {
        let mut r = quick_xml::Reader::from_reader(source);
        let mut buf = Vec::new();
        loop {
            match r.read_event_into(&mut buf).unwrap() {
                quick_xml::events::Event::Eof => break,
                _ => events += 1,
            }
            buf.clear();
        }
        Ok(())
    })
    .unwrap();
    events
}

fn reader(path: &std::path::Path) -> std::io::BufReader<std::fs::File> {
    std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path).unwrap())
}

/// Every event of the file, nothing kept: the floor any XML import stands on.
fn bare(path: &std::path::Path) -> usize {
    let mut r = quick_xml::Reader::from_reader(reader(path));
    let mut buf = Vec::new();
    let mut events = 0;
    loop {
        match r.read_event_into(&mut buf).unwrap() {
            quick_xml::events::Event::Eof => break,
            _ => events += 1,
        }
        buf.clear();
    }
    events
}

fn main() {
    let path = scaled();
    let bytes = std::fs::metadata(&path).unwrap().len();
    let median = |f: &mut dyn FnMut()| {
        let mut times: Vec<f64> = (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[1]
    };
    let mut events = 0;
    let bare_s = median(&mut || events = bare(&path));
    let mut read = 0;
    let import_s = median(&mut || {
        let (all, _) = tp_eligibility::import::xml::read(reader(&path), "scaled.xml", None, |f| {
            std::hint::black_box(f);
        })
        .unwrap();
        read = all;
    });
    let _ = reader(&path).fill_buf();
    let zip = zipped(&path);
    let zip_bytes = std::fs::metadata(&zip).unwrap().len();
    let zip_s = median(&mut || {
        std::hint::black_box(bare_zip(&zip));
    });
    println!("{{\"fiches\": {read}, \"events\": {events}, \"bytes\": {bytes}, \"bareSeconds\": {bare_s:.3}, \"importSeconds\": {import_s:.3}, \
        \"zip\": {:?}, \"zipBytes\": {zip_bytes}, \"zipBareSeconds\": {zip_s:.3}}}", zip.display().to_string());
}
