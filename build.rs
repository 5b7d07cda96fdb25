//! Embeds the title data of `data/titles/` in native builds (the command line, tests, benchmarks),
//! so that the binary answers for every title on its own. The WebAssembly door never uses it: the
//! page loads one title's file at a time (src/title/mod.rs, `registry`).

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=data/titles");
    messages();
    let dir = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data/titles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| {
        p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json")
    });
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

/// The catalogues of `messages/` (README "Languages"): the languages of `languages.json`, each
/// `<code>.json` an object of message id → template. The first language's ids are the messages;
/// another language lacking one falls back to the first's template (the catalogue test fails
/// meanwhile). Generates the `Lang` enum, `msg::ID` constants, the ids, and (native only) the
/// templates: the WebAssembly engine carries no prose.
fn messages() {
    println!("cargo:rerun-if-changed=messages");
    let dir = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("messages");
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(
            &std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("messages/{name}: {e}")),
        )
        .unwrap_or_else(|e| panic!("messages/{name}: {e}"))
    };
    let languages: Vec<String> = read("languages.json")
        .as_array()
        .expect("a list of languages")
        .iter()
        .map(|l| l["code"].as_str().expect("a language code").to_string())
        .collect();
    let catalogues: Vec<serde_json::Map<String, serde_json::Value>> = languages
        .iter()
        .map(|code| read(&format!("{code}.json")).as_object().expect("an object of messages").clone())
        .collect();
    // Sorted (serde_json's map is ordered by key): the order `www/messages.js` compiles them in.
    let ids: Vec<&String> = catalogues[0].keys().collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]) && ids.iter().all(|id| id.is_ascii()),
        "message ids: ASCII, sorted"
    );
    let variant = |code: &str| {
        let mut c = code.chars();
        c.next().unwrap().to_uppercase().chain(c).collect::<String>()
    };
    let mut out =
        String::from("/// The languages of the product (messages/languages.json), the first the default.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Lang {\n");
    for code in &languages {
        writeln!(out, "    {},", variant(code)).unwrap();
    }
    out.push_str("}\n\nimpl Lang {\n");
    writeln!(
        out,
        "    pub const ALL: [Lang; {}] = [{}];",
        languages.len(),
        languages.iter().map(|c| format!("Lang::{}", variant(c))).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    out.push_str(
        "    /// Its code (\"fr\").\n    pub fn code(self) -> &'static str {\n        match self {\n",
    );
    for code in &languages {
        writeln!(out, "            Lang::{} => {code:?},", variant(code)).unwrap();
    }
    out.push_str("        }\n    }\n\n    /// The language of a code, if the product speaks it.\n    pub fn from_code(code: &str) -> Option<Lang> {\n");
    out.push_str("        Lang::ALL.into_iter().find(|l| l.code() == code)\n    }\n}\n\n");
    out.push_str("/// Every message, by the name the code gives it (its id in capitals).\n#[allow(dead_code)]\npub mod msg {\n    use super::Msg;\n");
    for (i, id) in ids.iter().enumerate() {
        let name: String =
            id.to_uppercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        writeln!(out, "    pub const {}: Msg = Msg({i});", name.trim_matches('_')).unwrap();
    }
    writeln!(out, "}}\n\n/// The id of each message, in order: sorted (as `www/messages.js` compiles them). Native only.").unwrap();
    writeln!(
        out,
        "#[cfg(not(target_arch = \"wasm32\"))]\npub static IDS: [&str; {}] = {:?};\n",
        ids.len(),
        ids
    )
    .unwrap();
    writeln!(out, "/// Each language's templates, in the order of [`IDS`] (native builds only).").unwrap();
    writeln!(
        out,
        "#[cfg(not(target_arch = \"wasm32\"))]\npub static TEMPLATES: [[&str; {}]; {}] = [",
        ids.len(),
        languages.len()
    )
    .unwrap();
    for cat in &catalogues {
        let row: Vec<&str> = ids
            .iter()
            .map(|id| cat.get(*id).or_else(|| catalogues[0].get(*id)).and_then(|v| v.as_str()).unwrap_or(""))
            .collect();
        writeln!(out, "    {row:?},").unwrap();
    }
    out.push_str("];\n");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("messages.rs"), out).unwrap();
}

/// JSON text without the whitespace between tokens (strings are kept as they are).
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false
            } else if c == '\\' {
                escaped = true
            } else if c == '"' {
                in_string = false
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
