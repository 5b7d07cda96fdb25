//! Embeds the title data of `data/titles/` in native builds (the command line, tests, benchmarks),
//! so that the binary answers for every title on its own. The WebAssembly door never uses it: the
//! page loads one title's file at a time (src/title/mod.rs, `registry`).

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=data/titles");
    let dir = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data/titles");
    let mut files: Vec<_> = std::fs::read_dir(&dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json"));
    files.sort();
    let mut out = String::from("/// Every title file of data/titles (but the index), by name.\npub const FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        writeln!(out, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("titles.rs"), out).unwrap();
    // The default title, without the layout's spaces: it is the one title inside the wasm.
    let default = std::fs::read_to_string(dir.join("TP-00523.json")).unwrap_or_else(|_| "{}".into());
    std::fs::write(out_dir.join("default-title.json"), minify(&default)).unwrap();
}

/// JSON text without the whitespace between tokens (strings are kept as they are).
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped { escaped = false } else if c == '\\' { escaped = true } else if c == '"' { in_string = false }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
