//! The WebAssembly door: a thin layer over the core, in the manner of ruff_wasm and biome_wasm.
//! Each export deserializes its input, calls the core and serializes the result with the one
//! configured serializer (plain objects, `null` for absent values). Input errors throw a JS
//! `Error` carrying `field`, `code`, `fr` and `en`; a "not eligible" is data, never an exception.

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

fn object(value: &JsValue, field: &str) -> Result<(), JsValue> {
    if value.is_object() && !js_sys::Array::is_array(value) {
        return Ok(());
    }
    Err(into_error(crate::Error::new(crate::ErrorCode::InvalidType, field, crate::tx!(
        "un objet est attendu", "an object is expected"))))
}

/// Evaluates a situation; with `titles`, against the integrator's title data instead of the
/// built-in data.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Situation")] situation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TitleData[] | undefined")] titles: JsValue,
) -> Result<JsValue, JsValue> {
    object(&situation, "")?;
    let situation = crate::situation::parse(serde_wasm_bindgen::Deserializer::from(situation)).map_err(into_error)?;
    let report = if titles.is_undefined() || titles.is_null() {
        crate::evaluate(&situation)
    } else {
        let titles = crate::parse_titles(serde_wasm_bindgen::Deserializer::from(titles)).map_err(into_error)?;
        crate::evaluate_with(&situation, &titles)
    }
    .map_err(into_error)?;
    to_js(&report)
}

/// The titles the calculator knows, with their versions, CCPs and CCS.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    to_js(&crate::catalog())
}
