//! R11. Evaluation dates and coverage.
//!
//! The calculator evaluates as of a date given by the caller (no clock in the core). A date before
//! 2002-12-14, when the titre professionnel regime began (arrêté du 25 novembre 2002), is outside
//! coverage: an explicit error, not a guess. Dates from 2100 on are refused as absurd.

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::tx;

/// First day covered: entry into force of the arrêté du 25 novembre 2002.
pub const START: Date = Date::ymd(2002, 12, 14);
/// First day no longer covered.
pub const END: Date = Date::ymd(2100, 1, 1);

/// Refuses a date outside `[START, END)`, naming the field.
pub fn check(date: Date, field: &str) -> Result<(), Error> {
    if date < START {
        return Err(Error::new(ErrorCode::OutOfCoverage, field, tx!(
            "date antérieure au 14 décembre 2002, début du régime des titres professionnels : hors du champ du calculateur",
            "date before 14 December 2002, when the titre professionnel regime began: outside the calculator's coverage")));
    }
    if date >= END {
        return Err(Error::new(ErrorCode::OutOfCoverage, field, tx!(
            "date trop lointaine (au plus tard le 31 décembre 2099)", "date too far ahead (31 December 2099 at the latest)")));
    }
    Ok(())
}
