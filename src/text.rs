//! What the calculator says, as data: a [`Text`] is a message of the catalogues (`messages/`, one
//! file per language, README "Languages") with its arguments, words of the title data, a date, a
//! number, or texts joined. Rules never write prose: they name a message by its id (`tx!`) and
//! give its arguments; the catalogues give the words, rendered only when a text is written, by
//! one renderer ([`Text::render`]) here, and by `www/messages.js` in the page. The command line
//! compiles the catalogues in; the WebAssembly engine carries the ids, not the prose.

use crate::date::Date;
use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A message of the catalogues, by its place in them ([`msg`] names each one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg(pub u16);

impl Msg {
    /// Its id in the catalogues ("retake.after-session-year-sit-again"; native builds: the
    /// WebAssembly engine carries numbers, not ids).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn id(self) -> &'static str {
        IDS[usize::from(self.0)]
    }
}

/// Words from the title data, in French and in English (a title's name, a CCP's name, a note).
/// Shared, not copied, by every text that quotes them. Another language reads the English words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub fr: Arc<str>,
    pub en: Arc<str>,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &str {
        if lang == Lang::Fr {
            &self.fr
        } else {
            &self.en
        }
    }
}

/// What the calculator says, rendered only when it is written (the report's JSON, the command
/// line's text): rules build texts from messages and their arguments, and never format prose. Why
/// (issue 13): formatting every sentence as decisions were taken cost time for texts no one reads
/// (the other routes' steps).
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    /// A message (`tx!`) with its arguments, each `{0}`, `{1}`… of its template taking one, in the
    /// language being written. The arguments are shared, not copied, when the text is cloned.
    Say(Msg, Arc<[Text]>),
    /// A message without arguments.
    Fixed(Msg),
    /// Words from the data.
    Words(Words),
    /// The same in every language (an id, a code, a number of the data).
    Plain(String),
    /// A date in words: "1er mars 2024" / "1 March 2024".
    Date(Date),
    /// A number to two decimals, in hundredths: "1 607,25" / "1,607.25".
    Number(i64),
    /// Texts one after the other, with a separator (a message: ", ", " ; "…).
    Join(Vec<Text>, Msg),
}

impl Default for Text {
    fn default() -> Text {
        Text::Plain(String::new())
    }
}

impl From<&Words> for Text {
    fn from(words: &Words) -> Text {
        Text::Words(words.clone())
    }
}

/// What `tx!` takes as an argument, by reference as `format!` does: a [`Text`] or [`Words`], or
/// a value that reads the same in every language (a number, an id).
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

/// A catalogue: the templates of one language, in the order of [`IDS`], and which words of the
/// data it reads. The command line's are compiled in ([`Catalogue::of`]); a test builds its own.
pub struct Catalogue<'a> {
    pub templates: &'a [&'a str],
    pub lang: Lang,
}

impl Catalogue<'static> {
    /// The catalogue of a language as compiled in (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of(lang: Lang) -> Catalogue<'static> {
        Catalogue { templates: &TEMPLATES[lang as usize], lang }
    }
}

impl Catalogue<'_> {
    fn template(&self, m: Msg) -> &str {
        self.templates.get(usize::from(m.0)).copied().unwrap_or_default()
    }
}

impl Text {
    /// The text in one language.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn get(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render(&Catalogue::of(lang), &mut out);
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn fr(&self) -> String {
        self.get(Lang::Fr)
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn en(&self) -> String {
        self.get(Lang::En)
    }

    /// Writes the text with `cat` at the end of `out`.
    pub fn render(&self, cat: &Catalogue, out: &mut String) {
        match self {
            Text::Fixed(m) => fill(cat.template(*m), &[], cat, out),
            Text::Say(m, args) => fill(cat.template(*m), args, cat, out),
            Text::Words(words) => out.push_str(words.get(cat.lang)),
            Text::Plain(text) => out.push_str(text),
            Text::Date(date) => date_words(*date, cat, out),
            Text::Number(hundredths) => number_words(*hundredths, cat, out),
            Text::Join(items, separator) => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push_str(cat.template(*separator));
                    }
                    item.render(cat, out);
                }
            }
        }
    }

    /// Every message this text uses, its own and its arguments' (for the catalogue tests).
    pub fn messages(&self, into: &mut Vec<Msg>) {
        match self {
            Text::Fixed(m) => into.push(*m),
            Text::Say(m, args) => {
                into.push(*m);
                args.iter().for_each(|a| a.messages(into));
            }
            Text::Join(items, m) => {
                into.push(*m);
                items.iter().for_each(|a| a.messages(into));
            }
            _ => {}
        }
    }
}

/// A template with its arguments: each `{N}` takes argument N; `{{` and `}}` are braces.
fn fill(template: &str, args: &[Text], cat: &Catalogue, out: &mut String) {
    let mut rest = template;
    while let Some(at) = rest.bytes().position(|b| b == b'{' || b == b'}') {
        // `get`, not indexing: `at` is an ASCII brace, and no panic path is compiled in.
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + 1..).unwrap_or_default();
        match (rest.as_bytes()[at], after.bytes().next()) {
            (b'{', Some(b'{')) | (b'}', Some(b'}')) => {
                out.push_str(rest.get(at..at + 1).unwrap_or_default());
                rest = after.get(1..).unwrap_or_default();
            }
            (b'{', _) => {
                let close = after.bytes().position(|b| b == b'}').unwrap_or(after.len());
                let n = after.get(..close).and_then(|d| d.parse::<usize>().ok());
                if let Some(arg) = n.and_then(|n| args.get(n)) {
                    arg.render(cat, out);
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            _ => {
                out.push('}');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The JSON of a text: both languages rendered, `{"fr": …, "en": …}` (native builds), or the
/// message itself for a renderer elsewhere (the wasm: see `write_message`).
impl crate::json::ToJson for Text {
    fn write(&self, w: &mut crate::json::Writer) {
        w.open('{');
        write_fields(self, w);
        w.close('}');
    }
}

/// The fields `"fr": …, "en": …` of the object being written.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_fields(text: &Text, w: &mut crate::json::Writer) {
    for lang in Lang::ALL {
        w.key(lang.code());
        w.rendered(|out| text.render(&Catalogue::of(lang), out));
    }
}

/// The fields `"m": …` of the object being written: the message as data, rendered by the page
/// (`www/messages.js`) in the visitor's language.
#[cfg(target_arch = "wasm32")]
pub fn write_fields(text: &Text, w: &mut crate::json::Writer) {
    w.key("m");
    write_message(text, w);
}

/// A text as data: a message is `[n, args…]` (`n` its place in the catalogues: the ids sorted, as
/// `www/messages.js` compiles them), words `{"fr", "en"}`, a date `{"d": "YYYY-MM-DD"}`, a number
/// `{"n": hundredths}`, texts joined `{"j": separator, "t": [texts]}`, plain text a string.
pub fn write_message(text: &Text, w: &mut crate::json::Writer) {
    use crate::json::ToJson;
    match text {
        Text::Fixed(m) | Text::Say(m, _) => {
            w.open('[');
            w.item();
            usize::from(m.0).write(w);
            if let Text::Say(_, args) = text {
                for a in args.iter() {
                    w.item();
                    write_message(a, w);
                }
            }
            w.close(']');
        }
        Text::Words(words) => {
            w.open('{');
            w.key("fr");
            words.fr.as_ref().write(w);
            w.key("en");
            words.en.as_ref().write(w);
            w.close('}');
        }
        Text::Plain(s) => s.as_str().write(w),
        Text::Date(d) => {
            w.open('{');
            w.key("d");
            d.write(w);
            w.close('}');
        }
        Text::Number(n) => {
            w.open('{');
            w.key("n");
            if *n < 0 {
                w.raw("-");
            }
            n.unsigned_abs().try_into().unwrap_or(usize::MAX).write(w);
            w.close('}');
        }
        Text::Join(items, sep) => {
            w.open('{');
            w.key("j");
            usize::from(sep.0).write(w);
            w.key("t");
            w.open('[');
            for t in items {
                w.item();
                write_message(t, w);
            }
            w.close(']');
            w.close('}');
        }
    }
}

/// `tx!(ID, args…)`: the message `msg::ID` of the catalogues with its arguments, each a [`Text`]
/// (rendered in the language being written) or a value that reads the same in every language (a
/// number, an id).
#[macro_export]
macro_rules! tx {
    ($id:ident $(,)?) => {
        $crate::Text::Fixed($crate::text::msg::$id)
    };
    ($id:ident, $($arg:expr),+ $(,)?) => {
        $crate::Text::say($crate::text::msg::$id, [$($crate::text::ToText::to_text(&$arg)),+])
    };
}

/// `tl!(ID, a, b)`: the same as [`tx!`], said where the arguments are texts.
#[macro_export]
macro_rules! tl {
    ($($t:tt)*) => {
        $crate::tx!($($t)*)
    };
}

impl Text {
    /// A message with its arguments (what `tx!` builds): one function per number of arguments
    /// rather than a list built at each sentence (smaller code in the wasm).
    #[inline(never)]
    pub fn say<const N: usize>(m: Msg, args: [Text; N]) -> Text {
        Text::Say(m, Arc::new(args))
    }

    /// The same text in every language (a date, a number, an id).
    pub fn plain(value: impl core::fmt::Display) -> Text {
        Text::Plain(value.to_string())
    }

    /// `items` one after the other, the message `separator` between them.
    pub fn join(items: Vec<Text>, separator: Msg) -> Text {
        Text::Join(items, separator)
    }

    /// A date in words: "1er mars 2024" / "1 March 2024".
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use tp_eligibility::{Date, Text};
    /// let t = Text::date(Date::ymd(2024, 3, 1));
    /// assert_eq!((t.fr().as_str(), t.en().as_str()), ("1er mars 2024", "1 March 2024"));
    /// # }
    /// ```
    pub fn date(date: Date) -> Text {
        Text::Date(date)
    }

    /// A number to two decimals (rounded), with each language's separators: "1 607,5" /
    /// "1,607.5". (Integer arithmetic: no float formatting code in the WebAssembly file.)
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// let t = tp_eligibility::Text::number(1607.0);
    /// assert_eq!((t.fr().as_str(), t.en().as_str()), ("1\u{202f}607", "1,607"));
    /// assert_eq!(tp_eligibility::Text::number(11.99).en(), "11.99");
    /// # }
    /// ```
    pub fn number(value: f64) -> Text {
        Text::Number((value * 100.0).round() as i64)
    }

    /// A number of years in words: "un an" / "one year", "cinq ans" / "five years", "12 ans" / "12
    /// years".
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// assert_eq!(tp_eligibility::Text::years(5).en(), "five years");
    /// # }
    /// ```
    pub fn years(n: i16) -> Text {
        use msg::*;
        const WORDS: [Msg; 5] =
            [TEXT_ONE_YEAR, TEXT_TWO_YEARS, TEXT_THREE_YEARS, TEXT_FOUR_YEARS, TEXT_FIVE_YEARS];
        match usize::try_from(n).ok().and_then(|n| WORDS.get(n.wrapping_sub(1))) {
            Some(&m) => Text::Fixed(m),
            None => crate::tx!(TEXT_YEARS, n),
        }
    }

    /// The same, rounded down: what a person has never reads as more than it is (11.999 → 11.99).
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// assert_eq!(tp_eligibility::Text::number_down(4820.0 * 12.0 / 1607.0).en(), "35.99");
    /// # }
    /// ```
    pub fn number_down(value: f64) -> Text {
        Text::Number((value * 100.0 + 1e-6).floor() as i64)
    }

    /// The same, rounded up: a shortfall never reads as nothing (0.0075 → 0.01).
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// assert_eq!(tp_eligibility::Text::number_up(0.0075).en(), "0.01");
    /// # }
    /// ```
    pub fn number_up(value: f64) -> Text {
        Text::Number((value * 100.0 - 1e-6).ceil() as i64)
    }
}

/// A date in words, by the catalogue's `text.date` template: the day (`text.date-first-day` for
/// the first: "1er"), the month's name (`text.month-1`…), the year.
fn date_words(date: Date, cat: &Catalogue, out: &mut String) {
    use msg::*;
    const MONTHS: [Msg; 12] = [
        TEXT_MONTH_1,
        TEXT_MONTH_2,
        TEXT_MONTH_3,
        TEXT_MONTH_4,
        TEXT_MONTH_5,
        TEXT_MONTH_6,
        TEXT_MONTH_7,
        TEXT_MONTH_8,
        TEXT_MONTH_9,
        TEXT_MONTH_10,
        TEXT_MONTH_11,
        TEXT_MONTH_12,
    ];
    let mut day = String::new();
    if date.day() == 1 {
        day.push_str(cat.template(TEXT_DATE_FIRST_DAY));
    } else {
        push_digits(&mut day, u64::from(date.day()), 1);
    }
    let mut year = String::new();
    if date.year() < 0 {
        year.push('-');
    }
    push_digits(&mut year, date.year().unsigned_abs().into(), 1);
    let month = MONTHS[usize::from(date.month()) - 1];
    fill(cat.template(TEXT_DATE), &[Text::Plain(day), Text::Fixed(month), Text::Plain(year)], cat, out);
}

/// The decimal digits of `n`, at least `width` of them (zeros in front), written without
/// `core::fmt`: for dates in words, ISO dates and JSON numbers.
pub(crate) fn push_digits(out: &mut String, n: u64, width: u32) {
    if n >= 10 || width > 1 {
        push_digits(out, n / 10, width.saturating_sub(1));
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// A number with the catalogue's separators (`text.number-group`, `text.number-decimal`).
fn number_words(hundredths: i64, cat: &Catalogue, out: &mut String) {
    let (whole, cents) = (hundredths / 100, hundredths % 100);
    let digits = whole.to_string();
    let (group, point) = (cat.template(msg::TEXT_NUMBER_GROUP), cat.template(msg::TEXT_NUMBER_DECIMAL));
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if cents != 0 {
        out.push_str(point);
        out.push(char::from(b'0' + (cents / 10) as u8));
        if cents % 10 != 0 {
            out.push(char::from(b'0' + (cents % 10) as u8));
        }
    }
}
