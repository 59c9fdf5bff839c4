//! `--since DURATION|TIME` and `--before TIME|ID` as instants: a duration
//! back from now, an RFC 3339 time, or a date / date-time without an offset
//! (local time). A `--before` that is not a time is a message id.

use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone};

use crate::exit::UsageError;
use crate::time::Timestamp;

/// Where `--before` ends the listing (exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Before {
    Time(Timestamp),
    /// A message id (either of the record's ids).
    Id(String),
}

/// A time as the user writes it, or `None` when `s` is not one.
pub fn parse_time(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if let Some(t) = Timestamp::parse_rfc3339(s) {
        return Some(t);
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })?;
    let local = Local.from_local_datetime(&naive).earliest()?;
    Timestamp::from_secs(local.timestamp())
}

/// `--since`: a duration back from `now` (with a unit: 2d, 90m; `duration.rs`) or a time.
pub fn parse_since(s: &str, now: Timestamp) -> Result<Timestamp, UsageError> {
    if let Some(t) = parse_time(s) {
        return Ok(t);
    }
    let d = crate::duration::with_unit(s).map_err(|e| {
        UsageError(format!(
            "--since {s:?}: {e}; or a time (2024-06-29, 2024-06-29T12:00:00Z)"
        ))
    })?;
    let secs = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
    // A window longer than the epoch covers everything.
    Ok(Timestamp::from_secs(now.secs().saturating_sub(secs)).unwrap_or(Timestamp::EPOCH))
}

/// `--before`: a time, else a message id (never empty).
pub fn parse_before(s: &str) -> Result<Before, UsageError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(UsageError(
            "--before needs a time (2024-06-29T12:00:00Z) or a message id".to_owned(),
        ));
    }
    Ok(parse_time(s).map_or_else(|| Before::Id(s.to_owned()), Before::Time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_durations_with_units_and_times() {
        let now = Timestamp::from_secs(1_719_662_400).unwrap();
        assert_eq!(
            parse_since("2d", now).unwrap().secs(),
            1_719_662_400 - 172_800
        );
        assert_eq!(
            parse_since("2024-06-29T11:00:00+01:00", now)
                .unwrap()
                .to_string(),
            "2024-06-29T10:00:00Z"
        );
        let e = parse_since("2", now).unwrap_err().0;
        assert!(e.starts_with("--since \"2\": give a unit"), "{e}");
        assert!(parse_since("0s", now).is_err(), "zero is refused");
        assert!(parse_since("yesterday", now).is_err());
        assert_eq!(parse_since("100000y", now).unwrap(), Timestamp::EPOCH);
    }

    #[test]
    fn before_is_a_time_or_an_id() {
        assert_eq!(
            parse_before("3EB0C431C26A1916E07A").unwrap(),
            Before::Id("3EB0C431C26A1916E07A".into())
        );
        assert_eq!(
            parse_before("false_1@c.us_AAA").unwrap(),
            Before::Id("false_1@c.us_AAA".into())
        );
        assert!(matches!(
            parse_before("2024-06-29").unwrap(),
            Before::Time(_)
        ));
        assert!(parse_before("  ").is_err());
    }
}
