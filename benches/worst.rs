//! The worst title data within the documented limits (issue 20, README "Limits"): 64 versions of
//! 200 CCPs; the first revision's table has 600 rows of 200 `from` ids (none of which the
//! candidate holds all of) and 200 one-to-one rows; the later tables are unknown. The worst
//! situation holds 64 CCPs of the first version, carried through every table; the normal one holds
//! one. Shared by `benches/worst_case.rs` (make bench) and `tests/bounded.rs`.

use serde_json::{json, Value};

pub const VERSIONS: usize = 64;
pub const CCPS: usize = 200;
pub const WIDE_ROWS: usize = 600;

/// A CCP id of `len` characters (at least 12): version, place, and padding.
fn id(version: usize, ccp: usize, len: usize) -> String {
    let head = format!("V{version:02}C{ccp:03}");
    format!("{head}{}", "x".repeat(len.saturating_sub(head.len())))
}

/// The title data, `versions` of [`CCPS`] CCPs each, ids of `id_len` characters.
pub fn title(versions: usize, id_len: usize) -> Value {
    let source = "s";
    let versions: Vec<Value> = (0..versions).map(|v| {
        let ccps: Vec<Value> = (0..CCPS).map(|c| json!({ "id": id(v, c, id_len), "name": { "fr": "n", "en": "n" } })).collect();
        let mut version = json!({
            "id": format!("v{v}"), "name": { "fr": "v", "en": "v" },
            "start": { "date": format!("{}-{:02}-01", 2020 + v / 12, v % 12 + 1), "certainty": "official", "source": source },
            "ccpsCertainty": "official", "ccps": ccps,
        });
        if v == versions - 1 {
            version["end"] = json!({ "date": "2031-01-01", "certainty": "official", "source": source });
        }
        if v == 1 {
            let mut rows: Vec<Value> = (0..WIDE_ROWS).map(|r| json!({
                "from": (0..CCPS).map(|k| id(0, (r + k) % CCPS, id_len)).collect::<Vec<_>>(),
                "to": [id(1, r % CCPS, id_len)] })).collect();
            rows.extend((0..CCPS).map(|c| json!({ "from": [id(0, c, id_len)], "to": [id(1, c, id_len)] })));
            version["correspondence"] = json!({ "certainty": "official", "source": source, "rows": rows });
        } else if v > 1 {
            version["correspondence"] = json!({ "certainty": "unknown", "source": source, "rows": null });
        }
        version
    }).collect();
    json!({
        "format": 2, "code": "TP-WORST", "name": { "fr": "Titre le plus lourd", "en": "Heaviest title" }, "snapshot": "2025-01-01",
        "sources": [{ "id": source, "certainty": "official", "fr": "essai", "en": "test" }],
        "versions": versions, "afterRegistrationEnd": "unknown", "ccs": [], "ccsSource": source, "equivalences": [], "equivalencesSource": source,
    })
}

/// Held CCPs of the first version: 64 for the worst situation, 1 for the normal one.
pub fn situation(held: usize, id_len: usize) -> Value {
    let held: Vec<Value> =
        (0..held).map(|c| json!({ "ccp": id(0, c, id_len), "obtained": "2020-01-15" })).collect();
    json!({ "asOf": "2025-06-01", "path": "discontinuous", "title": "TP-WORST", "training": { "coherent": true }, "held": held })
}
