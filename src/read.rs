//! Reading JSON data into the contract's types, by hand, with the path of every field.
//!
//! Why not serde's derive: its errors carry no field path, and the wrappers that add one cost more
//! than the whole rules core in the WebAssembly file. These few readers give every error its field
//! (`held[0].obtained`), its code and both languages, and refuse unknown fields.

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::{tx, Text};
use serde_json::{Map, Value};

/// A JSON object being read, with its path and the keys it may have.
pub struct Object<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

/// The path of `key` inside `path`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

fn type_error(path: &str, fr: &str, en: &str) -> Error {
    Error::new(ErrorCode::InvalidType, path, Text::new(
        format!("type de valeur incorrect (attendu : {fr})"), format!("wrong type of value (expected: {en})")))
}

pub fn required(path: &str) -> Error {
    Error::new(ErrorCode::Required, path, tx!("champ obligatoire absent", "required field is missing"))
}

impl<'a> Object<'a> {
    /// Reads `value` as an object whose keys are all in `keys`.
    pub fn new(value: &'a Value, path: &str, keys: &[&str]) -> Result<Object<'a>, Error> {
        let Value::Object(map) = value else { return Err(type_error(path, "un objet", "an object")) };
        if let Some(unknown) = map.keys().find(|k| !keys.contains(&k.as_str())) {
            return Err(Error::new(ErrorCode::UnknownField, join(path, unknown), tx!(
                "champ inconnu (vérifiez l'orthographe)", "unknown field (check the spelling)")));
        }
        Ok(Object { map, path: path.to_string() })
    }

    pub fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value of `key`; `None` when absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn require(&self, key: &str) -> Result<&'a Value, Error> {
        self.get(key).ok_or_else(|| required(&self.path(key)))
    }

    pub fn str(&self, key: &str) -> Result<Option<&'a str>, Error> {
        self.get(key).map(|v| string(v, &self.path(key))).transpose()
    }

    pub fn string(&self, key: &str) -> Result<String, Error> {
        self.need(key, string).map(str::to_string)
    }

    /// A required field, read by `item` with its path.
    pub fn need<T>(&self, key: &str, item: impl FnOnce(&'a Value, &str) -> Result<T, Error>) -> Result<T, Error> {
        item(self.require(key)?, &self.path(key))
    }

    /// An optional field's value, required after all (`Object::bool`, `Object::choice`…).
    pub fn present<T>(&self, key: &str, value: Option<T>) -> Result<T, Error> {
        value.ok_or_else(|| required(&self.path(key)))
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, Error> {
        self.get(key).map(|v| v.as_bool().ok_or_else(|| type_error(&self.path(key), "vrai ou faux", "true or false"))).transpose()
    }

    pub fn number(&self, key: &str) -> Result<Option<f64>, Error> {
        self.get(key).map(|v| v.as_f64().ok_or_else(|| type_error(&self.path(key), "un nombre", "a number"))).transpose()
    }

    pub fn date(&self, key: &str) -> Result<Option<Date>, Error> {
        self.get(key).map(|v| date(v, &self.path(key))).transpose()
    }

    pub fn text(&self, key: &str) -> Result<Option<Text>, Error> {
        self.get(key).map(|v| text(v, &self.path(key))).transpose()
    }

    /// An optional list, each item read by `item` with its path (`held[0]`).
    pub fn list<T>(&self, key: &str, item: impl Fn(&'a Value, &str) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        let Some(value) = self.get(key) else { return Ok(Vec::new()) };
        list(value, &self.path(key), item)
    }

    /// One of `choices`, by name.
    pub fn choice<T: Copy>(&self, key: &str, choices: &[(&str, T)]) -> Result<Option<T>, Error> {
        let Some(name) = self.str(key)? else { return Ok(None) };
        match choices.iter().find(|(n, _)| *n == name) {
            Some(&(_, value)) => Ok(Some(value)),
            None => Err(Error::new(ErrorCode::UnknownValue, self.path(key), tx!(
                "valeur non prévue : {} (possibles : {})", "unexpected value: {} (expected one of: {})",
                crate::error::short(name), choices.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")))),
        }
    }
}

pub fn string<'a>(value: &'a Value, path: &str) -> Result<&'a str, Error> {
    value.as_str().ok_or_else(|| type_error(path, "un texte", "a text"))
}

pub fn date(value: &Value, path: &str) -> Result<Date, Error> {
    Date::parse(string(value, path)?).ok_or_else(|| Error::new(ErrorCode::InvalidDate, path, tx!(
        "date invalide : une date réelle au format AAAA-MM-JJ est attendue",
        "invalid date: a real day in the form YYYY-MM-DD is expected")))
}

pub fn text(value: &Value, path: &str) -> Result<Text, Error> {
    let o = Object::new(value, path, &["fr", "en"])?;
    Ok(Text { fr: o.string("fr")?, en: o.string("en")? })
}

pub fn list<'a, T>(value: &'a Value, path: &str, item: impl Fn(&'a Value, &str) -> Result<T, Error>) -> Result<Vec<T>, Error> {
    let Value::Array(items) = value else { return Err(type_error(path, "une liste", "a list")) };
    items.iter().enumerate().map(|(i, v)| item(v, &format!("{path}[{i}]"))).collect()
}

/// Parses JSON text into data, naming the place of a syntax error.
pub fn json(text: &str) -> Result<Value, Error> {
    serde_json::from_str(text).map_err(|e| Error::new(ErrorCode::InvalidJson, "", tx!(
        "JSON invalide (ligne {}, colonne {})", "invalid JSON (line {}, column {})", e.line(), e.column())))
}
