//! Civil dates (no time, no time zone), as the rules use them.
//!
//! Only what the rules need: the strict `YYYY-MM-DD` form of the contract, order, the day before
//! and after, and "the same day and month N years (or months) later", with 29 February becoming
//! 28 February (rules.md R6, calculator policy).
//!
//! Why not a date crate: jiff was used first; for these four operations it added about 90 KB to
//! the WebAssembly file (its error texts and formatting), more than the rules themselves. It stays
//! as the oracle of the tests, which compare every day from 1900 to 2200 with it.

use core::fmt;

/// A calendar day, e.g. `2016-07-14`. Ordered by year, then month, then day.
///
/// ```
/// use tp_eligibility::Date;
/// let d = Date::parse("2024-02-29").unwrap();
/// assert_eq!(d.plus_years(1).to_string(), "2025-02-28");
/// assert!(Date::parse("2023-02-30").is_none());
/// assert!(Date::parse("2023-2-3").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

const fn leap(year: i16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month of a year (month 1..=12).
pub const fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date from its parts, for constants in the rules (an impossible day fails to compile).
    pub const fn ymd(year: i16, month: u8, day: u8) -> Date {
        assert!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month));
        Date { year, month, day }
    }

    /// Parses the strict form `YYYY-MM-DD`; `None` for any other form or an impossible day.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: core::ops::Range<usize>| -> Option<u16> {
            b[range]
                .iter()
                .try_fold(0u16, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0')))
        };
        let (year, month, day) = (num(0..4)? as i16, num(5..7)? as u8, num(8..10)? as u8);
        let valid = year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> i16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The same day and month `years` later; 29 February becomes 28 February in a common year.
    pub fn plus_years(self, years: i16) -> Date {
        self.plus_months(i32::from(years) * 12)
    }

    /// The same day `months` later, clamped to the last day of a shorter month.
    pub fn plus_months(self, months: i32) -> Date {
        let index = i32::from(self.year) * 12 + i32::from(self.month) - 1 + months;
        let (year, month) = (index.div_euclid(12) as i16, (index.rem_euclid(12) + 1) as u8);
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// The day before (for "in force until the day before the next version starts").
    pub fn pred(self) -> Date {
        match (self.month, self.day) {
            (1, 1) => Date { year: self.year - 1, month: 12, day: 31 },
            (m, 1) => Date { year: self.year, month: m - 1, day: days_in_month(self.year, m - 1) },
            (m, d) => Date { year: self.year, month: m, day: d - 1 },
        }
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    ///
    /// ```
    /// use tp_eligibility::Date;
    /// assert_eq!(Date::ymd(2025, 1, 31).days_until(Date::ymd(2025, 4, 1)), 60);
    /// assert_eq!(Date::ymd(2024, 2, 28).days_until(Date::ymd(2024, 3, 1)), 2);
    /// ```
    pub fn days_until(self, later: Date) -> i32 {
        later.day_number() - self.day_number()
    }

    /// Whole months from `self` to `later`: 31 January → 28 February is not yet a month.
    pub fn months_until(self, later: Date) -> i32 {
        let months = (i32::from(later.year) - i32::from(self.year)) * 12 + i32::from(later.month)
            - i32::from(self.month);
        if self.plus_months(months) > later {
            months - 1
        } else {
            months
        }
    }

    /// Days since 1 March of year 0 of the proleptic Gregorian calendar (H. Hinnant's algorithm).
    fn day_number(self) -> i32 {
        let (m, d) = (i32::from(self.month), i32::from(self.day));
        let y = i32::from(self.year) - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
    }

    /// The day after.
    pub fn succ(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date { day: self.day + 1, ..self }
        } else if self.month < 12 {
            Date { year: self.year, month: self.month + 1, day: 1 }
        } else {
            Date { year: self.year + 1, month: 1, day: 1 }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `"2024-03-01"`, written without `core::fmt`.
impl crate::json::ToJson for Date {
    fn write(&self, w: &mut crate::json::Writer) {
        if !(0..=9999).contains(&self.year) {
            return w.string(&self.to_string());
        }
        use crate::text::push_digits;
        w.rendered(|out| {
            push_digits(out, self.year as u64, 4);
            out.push('-');
            push_digits(out, self.month.into(), 2);
            out.push('-');
            push_digits(out, self.day.into(), 2);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn strict_form_only() {
        for bad in [
            "2023-02-30",
            "2023-13-01",
            "2023-00-10",
            "23-01-01",
            "2023/01/01",
            "2023-01-1",
            " 2023-01-01",
            "+02023-01-01",
            "2023-01-01T00:00",
            "２０２３-01-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2024-02-29"), Some(Date::ymd(2024, 2, 29)));
    }

    /// Every day from 1900 to 2200 against jiff: parsing, the day after and before, one year and
    /// one to thirteen months later. (jiff is a native dev-dependency only.)
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn agrees_with_jiff_on_every_day() {
        use jiff::{civil, ToSpan};
        let mut ours = Date::ymd(1900, 1, 1);
        let mut theirs = civil::date(1900, 1, 1);
        while theirs.year() < 2200 {
            assert_eq!(ours.to_string(), theirs.to_string());
            assert_eq!(Date::parse(&theirs.to_string()), Some(ours));
            assert_eq!(ours.pred().to_string(), theirs.yesterday().unwrap().to_string());
            for months in [1, 2, 12, 13, -1] {
                let want = theirs.checked_add(months.months()).unwrap();
                assert_eq!(
                    ours.plus_months(months).to_string(),
                    want.to_string(),
                    "{ours} + {months} months"
                );
            }
            let next = ours.succ();
            theirs = theirs.tomorrow().unwrap();
            assert!(next > ours);
            ours = next;
        }
    }

    #[test]
    fn anniversaries_clamp_to_month_end() {
        assert_eq!(Date::ymd(2024, 2, 29).plus_years(1), Date::ymd(2025, 2, 28));
        assert_eq!(Date::ymd(2024, 2, 29).plus_years(4), Date::ymd(2028, 2, 29));
        assert_eq!(Date::ymd(2023, 12, 31).plus_months(2), Date::ymd(2024, 2, 29));
        assert_eq!(Date::ymd(2022, 7, 13).plus_years(5), Date::ymd(2027, 7, 13));
        assert_eq!(Date::ymd(2016, 1, 1).pred(), Date::ymd(2015, 12, 31));
    }
}
