//! JSON output, written by hand: the report and everything it holds, for the wasm door (compact,
//! read by the browser's `JSON.parse`) and the command line (`--json`, pretty).
//!
//! Why not serde's derive with serde_json: measured by `make bench` (issue 13), writing one 12 KB
//! report with them cost 39 µs of the 74 µs round trip across the JS/wasm boundary, and their code
//! weighed in the wasm. This writer appends to one `String` and escapes only what JSON requires.
//! Its output is byte for byte serde_json's (`to_string` and `to_string_pretty`): the field names
//! are the contract, so each type lists its own, in order, in one [`json_object!`].

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write(&self, w: &mut Writer);
}

/// The JSON text being written.
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the object or array being written has no item yet.
    empty: bool,
    scratch: String,
}

/// `{"a":1}`: for the wasm door and tests.
pub fn compact<T: ToJson + ?Sized>(value: &T) -> String {
    write(value, false)
}

/// Two-space indented, as serde_json's `to_string_pretty`: for the command line.
pub fn pretty<T: ToJson + ?Sized>(value: &T) -> String {
    write(value, true)
}

fn write<T: ToJson + ?Sized>(value: &T, pretty: bool) -> String {
    let mut w = Writer { out: String::with_capacity(16 * 1024), pretty, depth: 0, empty: true, scratch: String::new() };
    value.write(&mut w);
    w.out
}

impl Writer {
    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    /// Opens an object (`{`) or an array (`[`).
    pub fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    /// Closes what [`Writer::open`] opened; `[]` and `{}` stay on one line.
    pub fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// Starts the next item of an array.
    pub fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    /// Starts the next field of an object: its key.
    pub fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// A string, escaped as serde_json does: `"` and `\`, and control characters (short forms
    /// where JSON has them, `\u00XX` otherwise). Runs of plain characters are copied at once.
    pub fn string(&mut self, text: &str) {
        self.out.push('"');
        let mut start = 0;
        for (i, byte) in text.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // `get`, not indexing: `i` is at an ASCII byte, and no panic path is compiled in.
            self.out.push_str(text.get(start..i).unwrap_or_default());
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(HEX[usize::from(byte >> 4)] as char);
                self.out.push(HEX[usize::from(byte & 0xf)] as char);
            } else {
                self.out.push_str(escape);
            }
            start = i + 1;
        }
        self.out.push_str(text.get(start..).unwrap_or_default());
        self.out.push('"');
    }

    /// A string written by `render` (a [`crate::Text`] in one language), through one buffer kept
    /// for the whole output.
    pub fn rendered(&mut self, render: impl FnOnce(&mut String)) {
        let mut scratch = core::mem::take(&mut self.scratch);
        scratch.clear();
        render(&mut scratch);
        self.string(&scratch);
        self.scratch = scratch;
    }

    /// Text that is already JSON (a number, `null`, `true`).
    pub fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }
}

/// `json_object!(Type { "jsonName": field, … })`: the type writes itself as a JSON object with
/// these fields, in this order. `#[skip_none] "url": url` leaves the field out when it is `None`;
/// `#[bilingual] "fr": text` writes a [`crate::Text`] as two fields of the object, `fr` and `en`.
#[macro_export]
macro_rules! json_object {
    ($ty:ty { $($(#[$skip:ident])? $key:literal: $field:ident),+ $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write(&self, w: &mut $crate::json::Writer) {
                w.open('{');
                $( $crate::json_object!(@field w, self, $key, $field $(, $skip)?); )+
                w.close('}');
            }
        }
    };
    (@field $w:ident, $self:ident, $key:literal, $field:ident) => {
        $w.key($key);
        $crate::json::ToJson::write(&$self.$field, $w);
    };
    (@field $w:ident, $self:ident, $key:literal, $field:ident, bilingual) => {
        $crate::text::write_fields(&$self.$field, $w);
    };
    (@field $w:ident, $self:ident, $key:literal, $field:ident, skip_none) => {
        if let Some(value) = &$self.$field {
            $w.key($key);
            $crate::json::ToJson::write(value, $w);
        }
    };
}

/// `json_string!(Type)`: the type writes itself as the string its `as_str` gives.
#[macro_export]
macro_rules! json_string {
    ($($ty:ty),+) => {
        $(impl $crate::json::ToJson for $ty {
            fn write(&self, w: &mut $crate::json::Writer) {
                w.string(self.as_str());
            }
        })+
    };
}

impl ToJson for str {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, w: &mut Writer) {
        (**self).write(w);
    }
}

impl ToJson for bool {
    fn write(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl ToJson for usize {
    fn write(&self, w: &mut Writer) {
        crate::text::push_digits(&mut w.out, *self as u64, 1);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(value) => value.write(w),
            None => w.raw("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, w: &mut Writer) {
        w.open('[');
        for item in self {
            w.item();
            item.write(w);
        }
        w.close(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, w: &mut Writer) {
        self.as_slice().write(w);
    }
}

#[cfg(test)]
mod tests {
    use super::{compact, pretty, ToJson, Writer};

    struct Sample {
        name: String,
        tags: Vec<String>,
        none: Option<String>,
        url: Option<&'static str>,
        nested: Vec<Vec<usize>>,
        yes: bool,
    }
    crate::json_object!(Sample { "name": name, "nested": nested, "none": none, "tags": tags, #[skip_none] "url": url, "yes": yes });

    #[test]
    fn writes_what_serde_json_writes() {
        let sample = Sample { name: "« a \"b\" \\ \u{1}\u{8}\n\t\u{1f} é »".into(), tags: vec![], none: None, url: None,
            nested: vec![vec![], vec![0, 7, 1234567890]], yes: true };
        let expected = serde_json::json!({"name": sample.name, "tags": [], "none": null, "nested": [[], [0, 7, 1234567890]], "yes": true});
        assert_eq!(compact(&sample), serde_json::to_string(&expected).unwrap());
        assert_eq!(pretty(&sample), serde_json::to_string_pretty(&expected).unwrap());
        let with_url = Sample { url: Some("https://example.org"), nested: vec![], ..sample };
        assert!(compact(&with_url).contains(r#""url":"https://example.org""#));
        let mut w = Writer { out: String::new(), pretty: true, depth: 0, empty: true, scratch: String::new() };
        Vec::<usize>::new().write(&mut w);
        assert_eq!(w.out, "[]");
    }
}
