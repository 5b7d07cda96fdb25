//! JSON output, written by hand: the report and everything it holds, for the wasm door (compact,
//! read by the browser's `JSON.parse`) and the command line (`--json`, pretty).
//!
//! Why not serde's derive with serde_json: measured by `make bench` (issue 13), writing one 12 KB
//! report with them cost 39 µs of the 74 µs round trip across the JS/wasm boundary, and their code
//! weighed in the wasm. This writer appends to one `String` and escapes only what JSON requires.
//! The pretty output is byte for byte serde_json's `to_string_pretty` (the command line's `--json`);
//! the compact one, for the wasm door, is serde_json's `to_string` with every character beyond
//! ASCII written as `\uXXXX`: the same JSON value, but pure ASCII text, which JavaScript decodes
//! from wasm memory ten times faster than UTF-8 (12 KB: 1.2 µs instead of 11.8 µs in Node,
//! measured). The field names are the contract, so each type lists its own, in order, in one
//! [`json_object!`].

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

/// `{"a":1,"b":"\u00e9"}`: pure ASCII, for the wasm door and tests.
pub fn compact<T: ToJson + ?Sized>(value: &T) -> String {
    write(value, false)
}

/// Two-space indented, as serde_json's `to_string_pretty`: for the command line.
pub fn pretty<T: ToJson + ?Sized>(value: &T) -> String {
    write(value, true)
}

impl Writer {
    /// A writer of compact JSON, for a value written piece by piece.
    pub fn compact() -> Writer {
        Writer { out: String::new(), pretty: false, depth: 0, empty: true, scratch: String::new() }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }
}

fn write<T: ToJson + ?Sized>(value: &T, pretty: bool) -> String {
    let mut w = Writer {
        out: String::with_capacity(16 * 1024),
        pretty,
        depth: 0,
        empty: true,
        scratch: String::new(),
    };
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
    /// The keys are the contract's field names, plain ASCII letters: nothing to escape.
    pub fn key(&mut self, key: &'static str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric()), "{key}");
        self.item();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str(if self.pretty { "\": " } else { "\":" });
    }

    /// A string, escaped as serde_json does: `"` and `\`, and control characters (short forms
    /// where JSON has them, `\u00XX` otherwise); in compact output, characters beyond ASCII too
    /// (`\uXXXX`, two for those beyond the BMP). Runs of plain characters are copied at once; a
    /// table says what each byte needs, as in serde_json.
    pub fn string(&mut self, text: &str) {
        let table = if self.pretty { &ESCAPE_UTF8 } else { &ESCAPE_ASCII };
        self.out.push('"');
        let mut start = 0;
        for (i, &byte) in text.as_bytes().iter().enumerate() {
            let escape = table[usize::from(byte)];
            if escape == 0 {
                continue;
            }
            // `get`, not indexing: `i` starts a character, and no panic path is compiled in.
            self.out.push_str(text.get(start..i).unwrap_or_default());
            start = i + 1;
            match escape {
                b'u' => push_escape(&mut self.out, u16::from(byte)),
                NON_ASCII => {
                    let c = text.get(i..).and_then(|rest| rest.chars().next()).unwrap_or_default();
                    for &unit in c.encode_utf16(&mut [0; 2]).iter() {
                        push_escape(&mut self.out, unit);
                    }
                    start = i + c.len_utf8();
                }
                letter => self.out.push_str(core::str::from_utf8(&[b'\\', letter]).unwrap_or_default()),
            }
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

/// What a byte needs in a JSON string: 0 nothing; `u` a `\u00XX` escape; a letter its short escape
/// (`\n`, `\"`); [`NON_ASCII`] the first byte of a character beyond ASCII, escaped in compact output.
const ESCAPE_UTF8: [u8; 256] = escapes(false);
const ESCAPE_ASCII: [u8; 256] = escapes(true);
const NON_ASCII: u8 = 1;

const fn escapes(ascii: bool) -> [u8; 256] {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    // Continuation bytes (0b10xxxxxx) are part of the character their first byte escapes.
    byte = 0xc0;
    while ascii && byte < 0x100 {
        table[byte] = NON_ASCII;
        byte += 1;
    }
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table
}

/// `\uXXXX`, in lower-case hex as serde_json writes it.
fn push_escape(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
    out.push_str(core::str::from_utf8(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]).unwrap_or_default());
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

impl ToJson for std::borrow::Cow<'_, str> {
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
        let sample = Sample {
            name: "« a \"b\" \\ \u{1}\u{8}\n\t\u{1f} é »".into(),
            tags: vec![],
            none: None,
            url: None,
            nested: vec![vec![], vec![0, 7, 1234567890]],
            yes: true,
        };
        let expected = serde_json::json!({"name": sample.name, "tags": [], "none": null, "nested": [[], [0, 7, 1234567890]], "yes": true});
        assert_eq!(pretty(&sample), serde_json::to_string_pretty(&expected).unwrap());
        // Compact: serde_json's text but for the characters beyond ASCII, escaped (one of them
        // beyond the BMP, as a surrogate pair); the same value once parsed.
        let wide =
            Sample { name: format!("{} 😀", sample.name), ..Sample { tags: vec!["ü".into()], ..sample } };
        let expected = serde_json::json!({"name": wide.name, "tags": ["ü"], "none": null, "nested": [[], [0, 7, 1234567890]], "yes": true});
        let text = compact(&wide);
        assert_eq!(
            text,
            serde_json::to_string(&expected)
                .unwrap()
                .replace('«', "\\u00ab")
                .replace('é', "\\u00e9")
                .replace('»', "\\u00bb")
                .replace('😀', "\\ud83d\\ude00")
                .replace('ü', "\\u00fc")
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), expected);
        let sample = wide;
        let with_url = Sample { url: Some("https://example.org"), nested: vec![], ..sample };
        assert!(compact(&with_url).contains(r#""url":"https://example.org""#));
        let mut w =
            Writer { out: String::new(), pretty: true, depth: 0, empty: true, scratch: String::new() };
        Vec::<usize>::new().write(&mut w);
        assert_eq!(w.out, "[]");
    }
}
