//! R11. Evaluation dates and coverage.
//!
//! The calculator evaluates as of a date given by the caller (no clock in the core). A date before
//! 2002-12-14, when the titre professionnel regime began (arrêté du 25 novembre 2002), is outside
//! coverage: an explicit error, not a guess. Dates from 2100 on are refused as absurd.

use super::dates::{COVERAGE_END, TP_REGIME};
use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::{tl, Text};

/// First day covered: entry into force of the arrêté du 25 novembre 2002.
pub const START: Date = TP_REGIME;

/// Refuses a date outside `[START, END)`, naming the field.
pub fn check(date: Date, field: &str) -> Result<(), Error> {
    if date < START {
        return Err(Error::new(
            ErrorCode::OutOfCoverage,
            field,
            tl!(COVERAGE_DATE_BEFORE_WHEN_TITRE_PROFESSIONNEL, Text::date(START)),
        ));
    }
    if date >= COVERAGE_END {
        return Err(Error::new(
            ErrorCode::OutOfCoverage,
            field,
            tl!(COVERAGE_DATE_TOO_FAR_AHEAD_LATEST, Text::date(COVERAGE_END.pred())),
        ));
    }
    Ok(())
}
