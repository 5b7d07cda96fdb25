//! Civil dates (no time, no time zone), as the rules use them.
//!
//! A thin wrapper over [`jiff::civil::Date`] that only accepts the strict `YYYY-MM-DD` form of the
//! contract and adds the one piece of calendar arithmetic the rules need: "the same day and month,
//! N years (or months) later", with 29 February becoming 28 February (rules.md R6, calculator policy).

use core::fmt;

/// A calendar day, e.g. `2016-07-14`.
///
/// ```
/// use tp_eligibility::Date;
/// let d = Date::parse("2024-02-29").unwrap();
/// assert_eq!(d.plus_years(1).to_string(), "2025-02-28");
/// assert!(Date::parse("2023-02-30").is_none());
/// assert!(Date::parse("2023-2-3").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// A date from its parts, for constants in the rules (panics at compile time if invalid).
    pub const fn ymd(year: i16, month: i8, day: i8) -> Date {
        Date(jiff::civil::date(year, month, day))
    }

    /// Parses the strict form `YYYY-MM-DD`; `None` for any other form or an impossible day.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: core::ops::Range<usize>| -> Option<i32> {
            b[range].iter().try_fold(0i32, |acc, c| {
                c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
            })
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        jiff::civil::Date::new(y as i16, m as i8, d as i8).ok().map(Date)
    }

    pub fn year(self) -> i16 {
        self.0.year()
    }

    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    pub fn day(self) -> u8 {
        self.0.day() as u8
    }

    /// The same day and month `years` later; 29 February becomes 28 February in a common year.
    pub fn plus_years(self, years: i16) -> Date {
        self.plus_months(i32::from(years) * 12)
    }

    /// The same day `months` later, clamped to the last day of a shorter month.
    pub fn plus_months(self, months: i32) -> Date {
        let index = i32::from(self.0.year()) * 12 + i32::from(self.0.month()) - 1 + months;
        let (year, month) = (index.div_euclid(12) as i16, (index.rem_euclid(12) + 1) as i8);
        let first = jiff::civil::date(year, month, 1);
        let day = self.0.day().min(first.days_in_month());
        Date(jiff::civil::date(year, month, day))
    }

    /// The day before (for "in force until the day before the next version starts").
    pub fn pred(self) -> Date {
        Date(self.0.yesterday().expect("dates in coverage are far from jiff's minimum"))
    }

    /// The day after.
    pub fn succ(self) -> Date {
        Date(self.0.tomorrow().expect("dates in coverage are far from jiff's maximum"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn strict_form_only() {
        for bad in ["2023-02-30", "2023-13-01", "2023-00-10", "23-01-01", "2023/01/01", "2023-01-1",
                    " 2023-01-01", "+02023-01-01", "2023-01-01T00:00", "２０２３-01-01", ""] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2024-02-29"), Some(Date::ymd(2024, 2, 29)));
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
