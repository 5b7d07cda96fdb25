//! Texts in French and English. Every sentence the calculator shows exists in both languages, side
//! by side, so that a missing translation cannot compile.

use serde::Serialize;

/// One text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

crate::json_object!(Text { "fr": fr, "en": en });

/// The two languages of the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Text {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text { fr: fr.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// `tx!("fr {}", "en {}", args…)`: a [`Text`] formatted in both languages with the same arguments.
#[macro_export]
macro_rules! tx {
    ($fr:literal, $en:literal $(,)?) => {
        $crate::Text::new($fr, $en)
    };
    ($fr:literal, $en:literal, $($arg:tt)*) => {
        $crate::Text::new(format!($fr, $($arg)*), format!($en, $($arg)*))
    };
}

/// `tl!("fr {}", "en {}", a, b)`: a [`Text`] whose arguments are themselves texts, each taken in
/// the language being formatted (`a.fr` in French, `a.en` in English).
#[macro_export]
macro_rules! tl {
    ($fr:literal, $en:literal, $($arg:expr),+ $(,)?) => {
        $crate::Text::new(format!($fr, $(($arg).fr),+), format!($en, $(($arg).en),+))
    };
}

impl Text {
    /// The same text in both languages (a date, a number, an id).
    pub fn plain(value: impl core::fmt::Display) -> Text {
        let text = value.to_string();
        Text { fr: text.clone(), en: text }
    }
}

const MONTHS_FR: [&str; 12] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre"];
const MONTHS_EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

impl Text {
    /// A date in words: "1er mars 2024" / "1 March 2024".
    ///
    /// ```
    /// use tp_eligibility::{Date, Text};
    /// let t = Text::date(Date::ymd(2024, 3, 1));
    /// assert_eq!((t.fr.as_str(), t.en.as_str()), ("1er mars 2024", "1 March 2024"));
    /// ```
    pub fn date(date: crate::Date) -> Text {
        let (y, m, d) = (date.year(), usize::from(date.month()) - 1, date.day());
        let day = if d == 1 { "1er".to_string() } else { d.to_string() };
        Text { fr: format!("{day} {} {y}", MONTHS_FR[m]), en: format!("{d} {} {y}", MONTHS_EN[m]) }
    }
}

impl Text {
    /// A number to one decimal, with French or English separators: "1 607,5" / "1,607.5".
    /// (Integer arithmetic: no float formatting code in the WebAssembly file.)
    ///
    /// ```
    /// let t = tp_eligibility::Text::number(1607.0);
    /// assert_eq!((t.fr.as_str(), t.en.as_str()), ("1\u{202f}607", "1,607"));
    /// ```
    pub fn number(value: f64) -> Text {
        let tenths = (value * 10.0).round() as i64;
        let (whole, tenth) = (tenths / 10, tenths % 10);
        let digits = whole.to_string();
        let group = |sep: &str| {
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push_str(sep);
                }
                out.push(c);
            }
            out
        };
        let (fr, en) = (group("\u{202f}"), group(","));
        if tenth == 0 {
            Text { fr, en }
        } else {
            Text { fr: format!("{fr},{tenth}"), en: format!("{en}.{tenth}") }
        }
    }
}
