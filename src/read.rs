//! Reading JSON data into the contract's types, by hand, with the path of every field.
//!
//! Why not serde's derive: its errors carry no field path, and the wrappers that add one cost more
//! than the whole rules core in the WebAssembly file. These few readers give every error its field
//! (`held[0].obtained`), its code and both languages, and refuse unknown fields.

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::{tx, Text, Words};

/// JSON data, as read from text ([`json`]) or from JavaScript values (`wasm`). An object keeps its
/// fields as a list, in the order given: objects here are small, and a map's code would weigh in
/// the wasm (issue 13). Keys are unique: the JSON text reader refuses a key given twice, and
/// JavaScript objects cannot carry one.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn as_bool(&self) -> Option<bool> {
        if let Value::Bool(b) = self {
            Some(*b)
        } else {
            None
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        if let Value::Number(n) = self {
            Some(*n)
        } else {
            None
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        if let Value::String(s) = self {
            Some(s)
        } else {
            None
        }
    }
}

/// A JSON object being read, with its path and the keys it may have.
pub struct Object<'a> {
    fields: &'a [(String, Value)],
    path: String,
}

/// The bounds every reader of input keeps, JSON text here and JavaScript values in `wasm`
/// (`limits`): the `count`-th value read, out of at most `max`, at `path`, `depth` levels down.
pub(crate) fn within_bounds(count: usize, max: usize, path: &str, depth: usize) -> Result<(), Error> {
    if count > max {
        return Err(too_many(path));
    }
    if depth > crate::limits::MAX_DEPTH {
        return Err(Error::new(ErrorCode::InvalidJson, top_levels(path), tx!(ERROR_VALUE_NESTED_TOO_DEEPLY)));
    }
    Ok(())
}

/// An input with more values than its bound, named by its first field.
pub(crate) fn too_many(path: &str) -> Error {
    Error::new(ErrorCode::TooMany, first_field(path), tx!(ERROR_VALUE_TOO_LARGE))
}

/// A string longer than its bound (`limits::MAX_STRING_CHARS` for any input, `MAX_TEXT_CHARS`
/// for a text of title data).
pub(crate) fn too_long(path: &str, max: usize) -> Error {
    Error::new(
        ErrorCode::TooLong,
        path,
        crate::tl!(ERROR_TEXT_TOO_LONG_MOST_CHARACTERS, Text::number(max as f64)),
    )
}

/// The first field of a path ("held[1999].ccp" → "held"), to name a value that is too large.
pub(crate) fn first_field(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or(path)
}

/// The top two levels of a path ("held[0][0][0]" → "held[0]"), to name a value nested too deeply.
fn top_levels(path: &str) -> &str {
    path.match_indices(['.', '[']).nth(1).map_or(path, |(i, _)| path.get(..i).unwrap_or(path))
}

/// The path of `key` inside `path`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A value of the wrong type; `expected` names the type in words (`error.type-text`…).
fn type_error(path: &str, expected: crate::text::Msg) -> Error {
    Error::new(ErrorCode::InvalidType, path, crate::tl!(ERROR_WRONG_TYPE, Text::Fixed(expected)))
}

pub fn required(path: &str) -> Error {
    Error::new(ErrorCode::Required, path, tx!(ERROR_REQUIRED_FIELD_MISSING))
}

impl<'a> Object<'a> {
    /// Reads `value` as an object whose keys are all in `keys`.
    pub fn new(value: &'a Value, path: &str, keys: &[&str]) -> Result<Object<'a>, Error> {
        let Value::Object(fields) = value else {
            return Err(type_error(path, crate::text::msg::ERROR_TYPE_OBJECT));
        };
        // The first unknown key in alphabetical order, whatever the order given.
        if let Some(unknown) = fields.iter().map(|(k, _)| k).filter(|k| !keys.contains(&k.as_str())).min() {
            return Err(Error::new(
                ErrorCode::UnknownField,
                join(path, unknown),
                tx!(ERROR_UNKNOWN_FIELD_CHECK_SPELLING),
            ));
        }
        Ok(Object { fields, path: path.to_string() })
    }

    pub fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value of `key`; `None` when absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !v.is_null())
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
    pub fn need<T>(
        &self,
        key: &str,
        item: impl FnOnce(&'a Value, &str) -> Result<T, Error>,
    ) -> Result<T, Error> {
        item(self.require(key)?, &self.path(key))
    }

    /// An optional field's value, required after all (`Object::bool`, `Object::choice`…).
    pub fn present<T>(&self, key: &str, value: Option<T>) -> Result<T, Error> {
        value.ok_or_else(|| required(&self.path(key)))
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, Error> {
        self.get(key)
            .map(|v| {
                v.as_bool().ok_or_else(|| type_error(&self.path(key), crate::text::msg::ERROR_TYPE_BOOL))
            })
            .transpose()
    }

    pub fn number(&self, key: &str) -> Result<Option<f64>, Error> {
        self.get(key)
            .map(|v| {
                v.as_f64().ok_or_else(|| type_error(&self.path(key), crate::text::msg::ERROR_TYPE_NUMBER))
            })
            .transpose()
    }

    pub fn date(&self, key: &str) -> Result<Option<Date>, Error> {
        self.get(key).map(|v| date(v, &self.path(key))).transpose()
    }

    pub fn text(&self, key: &str) -> Result<Option<Words>, Error> {
        self.get(key).map(|v| text(v, &self.path(key))).transpose()
    }

    /// An optional list, each item read by `item` with its path (`held[0]`).
    pub fn list<T>(
        &self,
        key: &str,
        item: impl Fn(&'a Value, &str) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let Some(value) = self.get(key) else { return Ok(Vec::new()) };
        list(value, &self.path(key), item)
    }

    /// One of `choices`, by name.
    pub fn choice<T: Copy>(&self, key: &str, choices: &[(&str, T)]) -> Result<Option<T>, Error> {
        let Some(name) = self.str(key)? else { return Ok(None) };
        match choices.iter().find(|(n, _)| *n == name) {
            Some(&(_, value)) => Ok(Some(value)),
            None => Err(Error::new(
                ErrorCode::UnknownValue,
                self.path(key),
                tx!(
                    ERROR_UNEXPECTED_VALUE_EXPECTED_ONE,
                    crate::error::short(name),
                    choices.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }
}

pub fn string<'a>(value: &'a Value, path: &str) -> Result<&'a str, Error> {
    value.as_str().ok_or_else(|| type_error(path, crate::text::msg::ERROR_TYPE_TEXT))
}

pub fn date(value: &Value, path: &str) -> Result<Date, Error> {
    Date::parse(string(value, path)?)
        .ok_or_else(|| Error::new(ErrorCode::InvalidDate, path, tx!(ERROR_INVALID_DATE_REAL_DAY_FORM)))
}

pub fn text(value: &Value, path: &str) -> Result<Words, Error> {
    let o = Object::new(value, path, &["fr", "en"])?;
    Ok(Words { fr: o.string("fr")?.into(), en: o.string("en")?.into() })
}

pub fn list<'a, T>(
    value: &'a Value,
    path: &str,
    item: impl Fn(&'a Value, &str) -> Result<T, Error>,
) -> Result<Vec<T>, Error> {
    let Value::Array(items) = value else { return Err(type_error(path, crate::text::msg::ERROR_TYPE_LIST)) };
    items.iter().enumerate().map(|(i, v)| item(v, &format!("{path}[{i}]"))).collect()
}

/// Parses JSON text into data, naming the place of a syntax error. A byte order mark is
/// accepted; a key given twice in one object is refused, naming it (JSON would keep the last one
/// silently); depth, values and string lengths are bounded as for JavaScript values (`limits`).
pub fn json(text: &str) -> Result<Value, Error> {
    json_bounded(text, crate::limits::MAX_NODES)
}

/// [`json`] with a bound on the number of values read (`limits::MAX_SITUATION_NODES` for a situation).
pub fn json_bounded(text: &str, max_nodes: usize) -> Result<Value, Error> {
    use serde::de::DeserializeSeed;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let problem = core::cell::RefCell::new(None);
    let nodes = core::cell::Cell::new(0);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict { path: String::new(), depth: 0, problem: &problem, nodes: &nodes, max_nodes }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    value.map_err(|e| {
        problem.take().unwrap_or_else(|| {
            Error::new(ErrorCode::InvalidJson, "", tx!(ERROR_VALID_JSON_LINE_COLUMN, e.line(), e.column()))
        })
    })
}

/// Reads one JSON value with its path, refusing what `json` documents.
struct Strict<'a> {
    path: String,
    depth: usize,
    problem: &'a core::cell::RefCell<Option<Error>>,
    nodes: &'a core::cell::Cell<usize>,
    max_nodes: usize,
}

impl Strict<'_> {
    fn fail<E: serde::de::Error>(&self, error: Error) -> E {
        *self.problem.borrow_mut() = Some(error);
        E::custom("refused")
    }

    fn child(&self, path: String) -> Strict<'_> {
        Strict {
            path,
            depth: self.depth + 1,
            problem: self.problem,
            nodes: self.nodes,
            max_nodes: self.max_nodes,
        }
    }

    fn text<E: serde::de::Error>(&self, s: &str, path: &str) -> Result<(), E> {
        if s.chars().nth(crate::limits::MAX_STRING_CHARS).is_some() {
            return Err(self.fail(too_long(path, crate::limits::MAX_STRING_CHARS)));
        }
        Ok(())
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.nodes.set(self.nodes.get() + 1);
        within_bounds(self.nodes.get(), self.max_nodes, &self.path, self.depth).map_err(|e| self.fail(e))?;
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(if v.is_finite() { Value::Number(v) } else { Value::Null })
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
        self.text(v, &self.path)?;
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
        self.text(&v, &self.path)?;
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.child(format!("{}[{}]", self.path, items.len())))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = join(&self.path, &key);
            self.text(&key, &self.path)?;
            if !seen.insert(key.clone()) {
                return Err(self.fail(Error::new(
                    ErrorCode::DuplicateField,
                    path,
                    tx!(ERROR_FIELD_APPEARS_TWICE_KEEP_ONLY),
                )));
            }
            let value = map.next_value_seed(self.child(path))?;
            out.push((key, value));
        }
        Ok(Value::Object(out))
    }
}
