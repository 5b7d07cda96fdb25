//! The WebAssembly door: a thin layer over the core, in the manner of ruff_wasm and biome_wasm.
//! Each export reads its input (JS value → JSON data → the core's own reader, so errors are the
//! native ones), calls the core and returns the result as plain objects (`null` for absent
//! values), written as JSON text and read by the browser's JSON.parse: one string crosses the
//! boundary, not one call per field. Input errors throw a JS `Error` carrying `field`, `code`,
//! `fr` and `en` (one `into_error`); a "not eligible" is data, never an exception.
//!
//! Whatever the caller passes, the door never dies: every JS operation that can throw (a getter, a
//! Proxy trap, a revoked Proxy) is imported with `catch`, so no JS exception ever unwinds through
//! WebAssembly frames (which would leak the shadow stack until the instance traps); reading is
//! bounded by depth, by the number of values and by string lengths (`limits`), measured before any
//! string is copied into WebAssembly memory.

use crate::error::{Error, ErrorCode};
use crate::read::Value;
use crate::title::Title;
use crate::tx;
use crate::{limits, read};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../www/types.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse_js(text: &str) -> Result<JsValue, JsValue>;
}

/// A value for JavaScript: written as JSON text here (`json`), read by the engine's JSON.parse
/// (one string crosses the boundary, not one call per field).
fn to_js(value: &impl crate::json::ToJson) -> Result<JsValue, JsValue> {
    json_parse_js(&crate::json::compact(value))
}

/// The one place where a core error becomes a JS exception: `field`, `code`, and the message as
/// data (`m`), which the page's renderer (`www/messages.js`) puts in words.
fn into_error(e: Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(&error, &"field".into(), &e.field.as_str().into());
    let _ = js_sys::Reflect::set(&error, &"code".into(), &e.code.as_str().into());
    let mut w = crate::json::Writer::compact();
    crate::text::write_message(&e.message, &mut w);
    if let Ok(message) = json_parse_js(&w.finish()) {
        let _ = js_sys::Reflect::set(&error, &"m".into(), &message);
    }
    error.into()
}

/// Reads a JS value as JSON data, so that parsing and its errors are exactly those of the native
/// core. What JSON cannot carry is refused here, naming the field: NaN, ±Infinity, BigInt,
/// functions, symbols; so is a value whose reading throws (`unreadable`).
struct Reader {
    /// Values and keys read so far, against `max` (shared sub-objects count each time).
    nodes: usize,
    max: usize,
    /// Characters copied so far, against `max_chars`, checked before each copy.
    chars: usize,
    max_chars: usize,
}

impl Reader {
    fn read(&mut self, value: &JsValue, path: &str, depth: usize) -> Result<Value, Error> {
        self.nodes += 1;
        read::within_bounds(self.nodes, self.max, path, depth)?;
        if value.is_null() || value.is_undefined() {
            return Ok(Value::Null);
        }
        if let Some(b) = value.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(n) = value.as_f64() {
            if !n.is_finite() {
                return Err(Error::new(ErrorCode::OutOfRange, path, tx!(ERROR_FINITE_NUMBER_EXPECTED)));
            }
            return Ok(Value::Number(n));
        }
        if value.is_string() {
            return self.string(value, path).map(Value::String);
        }
        if value.is_function() || !value.is_object() {
            return Err(Error::new(ErrorCode::InvalidType, path, tx!(ERROR_VALUE_JSON_CANNOT_REPRESENT)));
        }
        if is_array(value).map_err(|_| unreadable(path))? {
            let length =
                reflect_get(value, &"length".into()).map_err(|_| unreadable(path))?.as_f64().unwrap_or(0.0);
            if length > self.max.saturating_sub(self.nodes) as f64 {
                return Err(read::too_many(path));
            }
            let mut items = Vec::new();
            for i in 0..length as u32 {
                let item_path = format!("{path}[{i}]");
                let item = reflect_get(value, &i.into()).map_err(|_| unreadable(&item_path))?;
                items.push(self.read(&item, &item_path, depth + 1)?);
            }
            return Ok(Value::Array(items));
        }
        let keys = object_keys(value).map_err(|_| unreadable(path))?;
        // Every key counts (with its value, or alone when its value is undefined), and all of them
        // are counted against what is left before any is read.
        if keys.length() as usize > self.max.saturating_sub(self.nodes) {
            return Err(read::too_many(path));
        }
        let mut fields = Vec::new();
        for key in keys.iter() {
            let name = self.string(&key, path)?;
            let field = read::join(path, &name);
            let item = reflect_get(value, &key).map_err(|_| unreadable(&field))?;
            if item.is_undefined() {
                self.nodes += 1;
                read::within_bounds(self.nodes, self.max, path, depth)?;
                continue;
            }
            let item = self.read(&item, &field, depth + 1)?;
            fields.push((name, item));
        }
        Ok(Value::Object(fields))
    }

    /// A JS string, its length checked (alone, and against what is left of the call's budget)
    /// before it is copied into WebAssembly memory.
    fn string(&mut self, value: &JsValue, path: &str) -> Result<String, Error> {
        let length = js_sys::JsString::from(value.clone()).length() as usize;
        if length > limits::MAX_STRING_CHARS {
            return Err(read::too_long(path, limits::MAX_STRING_CHARS));
        }
        if length > self.max_chars.saturating_sub(self.chars) {
            return Err(Error::new(
                ErrorCode::TooLong,
                read::first_field(path),
                crate::tl!(ERROR_DATA_TOO_LONG_ALL_MOST, crate::Text::number(self.max_chars as f64)),
            ));
        }
        self.chars += length;
        Ok(value.as_string().unwrap_or_default())
    }
}

/// A value whose reading throws (a throwing getter, a revoked Proxy).
fn unreadable(path: &str) -> Error {
    Error::new(ErrorCode::Unreadable, path, tx!(ERROR_UNREADABLE_VALUE_READING_FAILS))
}

fn read(value: &JsValue, path: &str, max: usize, max_chars: usize) -> Result<Value, Error> {
    Reader { nodes: 0, max, chars: 0, max_chars }.read(value, path, 0)
}

/// Title data from JavaScript, read within its budgets, parsed and validated.
fn titles(value: &JsValue) -> Result<Vec<Title>, Error> {
    let titles =
        crate::title::parse(&read(value, "titles", limits::MAX_NODES, limits::MAX_TITLE_CHARS)?, "titles")?;
    crate::title::validate(&titles, "titles")?;
    Ok(titles)
}

/// The default title's data, read once with the browser's JSON.parse.
fn default_titles() -> Result<&'static [Title], Error> {
    static TITLES: std::sync::OnceLock<Result<Vec<Title>, Error>> = std::sync::OnceLock::new();
    TITLES
        .get_or_init(|| {
            let value = json_parse_js(&format!("[{}]", crate::title::DEFAULT_TITLE_JSON)).map_err(|_| {
                Error::new(ErrorCode::InvalidTitleData, "titles", tx!(ERROR_BUILT_DATA_UNREADABLE))
            })?;
            crate::title::parse(
                &read(&value, "titles", limits::MAX_NODES, limits::MAX_TITLE_CHARS)?,
                "titles",
            )
        })
        .as_deref()
        .map_err(Clone::clone)
}

fn situation(value: &JsValue) -> Result<crate::Situation, Error> {
    crate::situation::from_value(&read(value, "", limits::MAX_SITUATION_NODES, limits::MAX_SITUATION_CHARS)?)
}

/// Evaluates a situation; with `titles`, against that title data (a title loaded by the page, or
/// an integrator's own) instead of the default title.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Situation")] situation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TitleData[]")] titles: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let situation = self::situation(&situation).map_err(into_error)?;
    let report = match titles.filter(|t| !t.is_null() && !t.is_undefined()) {
        Some(titles) => self::titles(&titles)
            .and_then(|titles| crate::routes::evaluate(&situation, &titles, "integrator")),
        None => default_titles().and_then(|titles| crate::routes::evaluate(&situation, titles, "builtin")),
    }
    .map_err(into_error)?;
    to_js(&report)
}

/// Checks title data before a page or an integrator uses it (a file fetched from `titles/`):
/// nothing when it is sound, else the documented `Error` naming the entry at fault.
#[wasm_bindgen(js_name = checkTitles)]
pub fn check_titles(
    #[wasm_bindgen(unchecked_param_type = "TitleData[]")] titles: JsValue,
) -> Result<(), JsValue> {
    self::titles(&titles).map(drop).map_err(into_error)
}

/// The rules version and the default title, with its versions, CCPs and CCS: the built-in data
/// itself, as the page fetches any other title.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    json_parse_js(&format!(
        r#"{{"rulesVersion":"{}","titles":[{}]}}"#,
        crate::rules::RULES_VERSION,
        crate::title::DEFAULT_TITLE_JSON
    ))
}

/// For `make bench` only (built with the `bench` feature, never shipped): the JS/wasm boundary
/// alone, with no rules: reads a situation as `evaluate` does and returns a fixed report.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = benchBoundary, unchecked_return_type = "Report")]
pub fn bench_boundary(
    #[wasm_bindgen(unchecked_param_type = "Situation")] situation: JsValue,
) -> Result<JsValue, JsValue> {
    static FIXED: std::sync::OnceLock<crate::Report> = std::sync::OnceLock::new();
    let situation = self::situation(&situation).map_err(into_error)?;
    std::hint::black_box(&situation);
    let report = FIXED.get_or_init(|| {
        let fixed = json_parse_js(r#"{"asOf": "2026-11-27", "path": "discontinuous", "held": [{"ccp": "2022-CCP1", "obtained": "2024-06-14"}]}"#)
            .ok().and_then(|v| self::situation(&v).ok()).expect("fixed situation");
        crate::routes::evaluate(&fixed, default_titles().expect("built-in data"), "builtin").expect("fixed report")
    });
    to_js(report)
}
