//! The WebAssembly door: a thin layer over the core, in the manner of ruff_wasm and biome_wasm.
//! Each export reads its input (JS value → JSON data → the core's own reader, so errors are the
//! native ones), calls the core and serializes the result with the one configured
//! serde-wasm-bindgen serializer (plain objects, `null` for absent values). Input errors throw a
//! JS `Error` carrying `field`, `code`, `fr` and `en` (one `into_error`); a "not eligible" is
//! data, never an exception.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../www/types.d.ts");

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serializer()).map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// The one place where a core error becomes a JS exception.
fn into_error(e: crate::Error) -> JsValue {
    let error = js_sys::Error::new(&format!("{} / {}", e.en, e.fr));
    let code = serde_wasm_bindgen::to_value(&e.code).unwrap_or(JsValue::NULL);
    for (key, value) in [("field", JsValue::from(e.field)), ("code", code), ("fr", e.fr.into()), ("en", e.en.into())] {
        let _ = js_sys::Reflect::set(&error, &key.into(), &value);
    }
    error.into()
}

/// Reads a JS value as JSON data, so that parsing and its errors are exactly those of the native
/// core (serde-wasm-bindgen's struct reader skips unknown fields and reads arrays as structs).
/// What JSON cannot carry is refused here, naming the field: NaN, ±Infinity, functions, symbols.
/// `depth` counts nesting; past 128 levels the value is refused at its top two levels (`held[0]`),
/// as serde_json refuses such text.
fn to_json(value: &JsValue, path: &str, depth: usize) -> Result<serde_json::Value, crate::Error> {
    use serde_json::Value;
    let refuse = |code, what| Err(crate::Error::new(code, path, what));
    if depth > 128 {
        let top = path.match_indices(['.', '[']).nth(1).map_or(path, |(i, _)| &path[..i]);
        return Err(crate::Error::new(crate::ErrorCode::InvalidJson, top, crate::tx!("valeur trop imbriquée", "value nested too deeply")));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        // Whole numbers stay integers, as in JSON text ("format": 1).
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            return Ok(Value::Number((n as i64).into()));
        }
        return match serde_json::Number::from_f64(n) {
            Some(n) => Ok(Value::Number(n)),
            None => refuse(crate::ErrorCode::OutOfRange, crate::tx!("nombre fini attendu", "a finite number is expected")),
        };
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s));
    }
    if js_sys::Array::is_array(value) {
        let array = js_sys::Array::from(value);
        let items = array.iter().enumerate().map(|(i, item)| to_json(&item, &format!("{path}[{i}]"), depth + 1));
        return items.collect::<Result<_, _>>().map(Value::Array);
    }
    if value.is_object() && !value.is_function() {
        let object = js_sys::Object::from(value.clone());
        let mut map = serde_json::Map::new();
        for key in js_sys::Object::keys(&object).iter() {
            let key = key.as_string().unwrap_or_default();
            let item = js_sys::Reflect::get(&object, &key.as_str().into()).unwrap_or(JsValue::UNDEFINED);
            if item.is_undefined() {
                continue;
            }
            let field = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            map.insert(key, to_json(&item, &field, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    refuse(crate::ErrorCode::InvalidType, crate::tx!("valeur non représentable en JSON", "a value JSON cannot represent"))
}

/// Parses JSON text with the browser's JSON.parse (for the built-in data).
pub(crate) fn json_parse(text: &str) -> serde_json::Value {
    let value = js_sys::JSON::parse(text).unwrap_or(JsValue::NULL);
    to_json(&value, "", 0).unwrap_or_else(|e| panic!("{e}"))
}

/// Evaluates a situation; with `titles`, against the integrator's title data instead of the
/// built-in data.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Situation")] situation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TitleData[]")] titles: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let situation = to_json(&situation, "", 0).and_then(|v| crate::situation::from_value(&v)).map_err(into_error)?;
    let report = if let Some(titles) = titles.filter(|t| !t.is_null() && !t.is_undefined()) {
        let titles = to_json(&titles, "titles", 0).and_then(|v| crate::title::parse(&v, "titles")).map_err(into_error)?;
        crate::evaluate_with(&situation, &titles)
    } else {
        crate::evaluate(&situation)
    }
    .map_err(into_error)?;
    to_js(&report)
}

/// The titles the calculator knows, with their versions, CCPs and CCS.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    to_js(&crate::catalog())
}

/// For the benchmark only (`make bench`): the JS/wasm boundary alone, with no rules: reads a
/// situation as `evaluate` does and returns a fixed report (computed once).
#[wasm_bindgen(js_name = benchBoundary, unchecked_return_type = "Report")]
pub fn bench_boundary(#[wasm_bindgen(unchecked_param_type = "Situation")] situation: JsValue) -> Result<JsValue, JsValue> {
    static FIXED: std::sync::OnceLock<crate::Report> = std::sync::OnceLock::new();
    let situation = to_json(&situation, "", 0).and_then(|v| crate::situation::from_value(&v)).map_err(into_error)?;
    std::hint::black_box(&situation);
    let report = FIXED.get_or_init(|| {
        let fixed = json_parse(r#"{"asOf":"2026-11-27","path":"discontinuous","held":[{"ccp":"2022-CCP1","obtained":"2024-06-14"}]}"#);
        crate::situation::from_value(&fixed).and_then(|s| crate::evaluate(&s)).unwrap_or_else(|e| panic!("{e}"))
    });
    to_js(report)
}
