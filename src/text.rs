//! Texts in French and English. Every sentence the calculator shows exists in both languages, side
//! by side, so that a missing translation cannot compile.

use crate::date::Date;
use serde::Serialize;
use std::sync::Arc;

/// Words from the title data, one per language (a title's name, a CCP's name, a note). Shared,
/// not copied, by every text that quotes them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Words {
    pub fr: Arc<str>,
    pub en: Arc<str>,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// What the calculator says, in both languages, rendered only when it is written (the report's
/// JSON, the command line's text): rules build sentences from the code's own templates and their
/// arguments, and never format prose. Why (issue 13): formatting every sentence in both languages
/// as decisions were taken cost time for texts no one reads (the other routes' steps); now one
/// renderer, [`Text::render`], writes them all, straight into the JSON writer's buffer (native
/// evaluate went from 34.5 to 23.8 µs; the wasm did not shrink, README "Performance").
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    /// A sentence of the code (`tx!`, `tl!`): its French and English templates, each `{}` taking
    /// the next argument in the language being written. The arguments are shared, not copied,
    /// when the text is cloned (a decision's text quoted in a summary, a CCP's name).
    Say(&'static [&'static str; 2], Arc<[Text]>),
    /// A sentence of the code without arguments.
    Fixed(&'static [&'static str; 2]),
    /// Words from the data, one per language.
    Words(Words),
    /// The same in both languages (an id, a code, a number of the data).
    Plain(String),
    /// A date in words: "1er mars 2024" / "1 March 2024".
    Date(Date),
    /// A number to two decimals, in hundredths: "1 607,25" / "1,607.25".
    Number(i64),
    /// Texts one after the other, with a separator for each language.
    Join(Vec<Text>, &'static [&'static str; 2]),
}

/// The two languages of the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Default for Text {
    fn default() -> Text {
        Text::Fixed(&["", ""])
    }
}

impl From<&Words> for Text {
    fn from(words: &Words) -> Text {
        Text::Words(words.clone())
    }
}

/// What `tx!` takes as an argument, by reference as `format!` does: a [`Text`] or [`Words`], or
/// a value that reads the same in both languages (a number, an id).
pub trait ToText {
    fn to_text(&self) -> Text;
}

impl ToText for Text {
    fn to_text(&self) -> Text {
        self.clone()
    }
}

impl ToText for Words {
    fn to_text(&self) -> Text {
        Text::from(self)
    }
}

impl<T: ToText + ?Sized> ToText for &T {
    fn to_text(&self) -> Text {
        (**self).to_text()
    }
}

macro_rules! plain_text {
    ($($ty:ty),+) => {
        $(impl ToText for $ty {
            fn to_text(&self) -> Text {
                Text::Plain(self.to_string())
            }
        })+
    };
}
plain_text!(str, String, usize, u32, i16, i32, i64, u8, u16);

impl Text {
    /// Different words in each language, given as they are.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text::Words(Words { fr: Arc::from(fr.into()), en: Arc::from(en.into()) })
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render(lang, &mut out);
        out
    }

    pub fn fr(&self) -> String {
        self.get(Lang::Fr)
    }

    pub fn en(&self) -> String {
        self.get(Lang::En)
    }

    /// Writes the text in `lang` at the end of `out`.
    pub fn render(&self, lang: Lang, out: &mut String) {
        let i = lang as usize;
        match self {
            Text::Fixed(templates) => fill(templates[i], &[], lang, out),
            Text::Say(templates, args) => fill(templates[i], args, lang, out),
            Text::Words(words) => out.push_str(words.get(lang)),
            Text::Plain(text) => out.push_str(text),
            Text::Date(date) => date_words(*date, lang, out),
            Text::Number(hundredths) => number_words(*hundredths, lang, out),
            Text::Join(items, separators) => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push_str(separators[i]);
                    }
                    item.render(lang, out);
                }
            }
        }
    }
}

/// A template with its arguments: each `{}` takes the next argument; `{{` and `}}` are braces.
fn fill(template: &str, args: &[Text], lang: Lang, out: &mut String) {
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.bytes().position(|b| b == b'{' || b == b'}') {
        // `get`, not indexing: `at` is an ASCII brace, and no panic path is compiled in.
        out.push_str(rest.get(..at).unwrap_or_default());
        match rest.get(at..at + 2).unwrap_or("}") {
            "{}" => {
                if let Some(arg) = args.next() {
                    arg.render(lang, out);
                }
            }
            escaped => out.push_str(escaped.get(..1).unwrap_or_default()),
        }
        rest = rest.get(at + 2..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// `{"fr": …, "en": …}`: the contract's bilingual text.
impl crate::json::ToJson for Text {
    fn write(&self, w: &mut crate::json::Writer) {
        w.open('{');
        write_fields(self, w);
        w.close('}');
    }
}

/// The fields `"fr": …, "en": …` of the object being written.
pub fn write_fields(text: &Text, w: &mut crate::json::Writer) {
    for (key, lang) in [("fr", Lang::Fr), ("en", Lang::En)] {
        w.key(key);
        w.rendered(|out| text.render(lang, out));
    }
}

/// `tx!("fr {}", "en {}", args…)`: a [`Text`] from templates in both languages; each `{}` takes
/// the next argument, itself a [`Text`] (in the language being written) or a value that reads the
/// same in both (a number, an id).
#[macro_export]
macro_rules! tx {
    ($fr:literal, $en:literal $(,)?) => {
        $crate::Text::Fixed(&[$fr, $en])
    };
    ($fr:literal, $en:literal, $($arg:expr),+ $(,)?) => {
        $crate::Text::say(&[$fr, $en], [$($crate::text::ToText::to_text(&$arg)),+])
    };
}

/// `tl!("fr {}", "en {}", a, b)`: the same as [`tx!`], said where the arguments are texts.
#[macro_export]
macro_rules! tl {
    ($($t:tt)*) => {
        $crate::tx!($($t)*)
    };
}

impl Text {
    /// A sentence with its arguments (what `tx!` builds): one function per number of arguments
    /// rather than a list built at each sentence (smaller code in the wasm).
    #[inline(never)]
    pub fn say<const N: usize>(templates: &'static [&'static str; 2], args: [Text; N]) -> Text {
        Text::Say(templates, Arc::new(args))
    }

    /// The same text in both languages (a date, a number, an id).
    pub fn plain(value: impl core::fmt::Display) -> Text {
        Text::Plain(value.to_string())
    }

    /// `items` one after the other, `fr` between them in French and `en` in English.
    pub fn join(items: Vec<Text>, separators: &'static [&'static str; 2]) -> Text {
        Text::Join(items, separators)
    }

    /// A date in words: "1er mars 2024" / "1 March 2024".
    ///
    /// ```
    /// use tp_eligibility::{Date, Text};
    /// let t = Text::date(Date::ymd(2024, 3, 1));
    /// assert_eq!((t.fr().as_str(), t.en().as_str()), ("1er mars 2024", "1 March 2024"));
    /// ```
    pub fn date(date: Date) -> Text {
        Text::Date(date)
    }

    /// A number to two decimals (rounded), with French or English separators: "1 607,5" /
    /// "1,607.5". (Integer arithmetic: no float formatting code in the WebAssembly file.)
    ///
    /// ```
    /// let t = tp_eligibility::Text::number(1607.0);
    /// assert_eq!((t.fr().as_str(), t.en().as_str()), ("1\u{202f}607", "1,607"));
    /// assert_eq!(tp_eligibility::Text::number(11.99).en(), "11.99");
    /// ```
    pub fn number(value: f64) -> Text {
        Text::Number((value * 100.0).round() as i64)
    }

    /// A number of years in words: "un an" / "one year", "cinq ans" / "five years", "12 ans" / "12
    /// years".
    ///
    /// ```
    /// assert_eq!(tp_eligibility::Text::years(5).en(), "five years");
    /// ```
    pub fn years(n: i16) -> Text {
        static WORDS: [[&str; 2]; 5] = [["un an", "one year"], ["deux ans", "two years"], ["trois ans", "three years"],
            ["quatre ans", "four years"], ["cinq ans", "five years"]];
        match usize::try_from(n).ok().and_then(|n| WORDS.get(n.wrapping_sub(1))) {
            Some(words) => Text::Fixed(words),
            None => crate::tx!("{} ans", "{} years", n),
        }
    }

    /// The same, rounded down: what a person has never reads as more than it is (11.999 → 11.99).
    ///
    /// ```
    /// assert_eq!(tp_eligibility::Text::number_down(4820.0 * 12.0 / 1607.0).en(), "35.99");
    /// ```
    pub fn number_down(value: f64) -> Text {
        Text::Number((value * 100.0 + 1e-6).floor() as i64)
    }

    /// The same, rounded up: a shortfall never reads as nothing (0.0075 → 0.01).
    ///
    /// ```
    /// assert_eq!(tp_eligibility::Text::number_up(0.0075).en(), "0.01");
    /// ```
    pub fn number_up(value: f64) -> Text {
        Text::Number((value * 100.0 - 1e-6).ceil() as i64)
    }
}

const MONTHS_FR: [&str; 12] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre"];
const MONTHS_EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

fn date_words(date: Date, lang: Lang, out: &mut String) {
    let (y, m, d) = (date.year(), usize::from(date.month()) - 1, date.day());
    push_digits(out, u64::from(d), 1);
    if lang == Lang::Fr && d == 1 {
        out.push_str("er");
    }
    out.push(' ');
    out.push_str([MONTHS_FR, MONTHS_EN][lang as usize][m]);
    out.push(' ');
    if y < 0 {
        out.push('-');
    }
    push_digits(out, y.unsigned_abs().into(), 1);
}

/// The decimal digits of `n`, at least `width` of them (zeros in front), written without
/// `core::fmt`: for dates in words, ISO dates and JSON numbers.
pub(crate) fn push_digits(out: &mut String, n: u64, width: u32) {
    if n >= 10 || width > 1 {
        push_digits(out, n / 10, width.saturating_sub(1));
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

fn number_words(hundredths: i64, lang: Lang, out: &mut String) {
    let (whole, cents) = (hundredths / 100, hundredths % 100);
    let digits = whole.to_string();
    let (group, point) = match lang {
        Lang::Fr => ("\u{202f}", ','),
        Lang::En => (",", '.'),
    };
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if cents != 0 {
        out.push(point);
        out.push(char::from(b'0' + (cents / 10) as u8));
        if cents % 10 != 0 {
            out.push(char::from(b'0' + (cents % 10) as u8));
        }
    }
}
