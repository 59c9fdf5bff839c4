//! Timestamps in the record: always UTC, serialised as RFC 3339 with second
//! precision (`2024-06-29T12:00:00Z`). Gateways send seconds, milliseconds or
//! date-time strings with offsets; every conversion lives here so the rules in
//! PROVIDERS.md §0.5 (0, negative and Go's zero time mean "unknown") hold everywhere,
//! and a value past 9999-12-31 (which RFC 3339 cannot write: `+10000-01-01…`)
//! is not a time either.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

/// Epoch values at or above this are milliseconds (year 2001 in ms, year 33658 in s).
const MS_THRESHOLD: i64 = 1_000_000_000_000;

/// 9999-12-31T23:59:59Z, the last second RFC 3339's four-digit year holds.
const MAX_SECS: i64 = 253_402_300_799;

/// The unit of a gateway's epoch value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Secs,
    Millis,
    /// Unconfirmed (PROVIDERS.md §0.5): `>= 10^12` is milliseconds, else seconds.
    Guess,
}

impl Timestamp {
    /// 1970-01-01T00:00:00Z: earlier than every real timestamp.
    pub const EPOCH: Timestamp = Timestamp(DateTime::UNIX_EPOCH);

    /// Unix seconds; `None` for 0 or negative, and past year 9999.
    pub fn from_secs(secs: i64) -> Option<Timestamp> {
        if secs <= 0 || secs > MAX_SECS {
            return None;
        }
        Utc.timestamp_opt(secs, 0).single().map(Timestamp)
    }

    /// Unix milliseconds, truncated to the second; `None` for 0 or negative.
    pub fn from_millis(ms: i64) -> Option<Timestamp> {
        if ms <= 0 {
            return None;
        }
        Timestamp::from_secs(ms / 1000)
    }

    /// An epoch value of unconfirmed unit: `>= 10^12` is milliseconds, else seconds.
    pub fn from_epoch_guess(v: i64) -> Option<Timestamp> {
        if v >= MS_THRESHOLD {
            Timestamp::from_millis(v)
        } else {
            Timestamp::from_secs(v)
        }
    }

    /// An epoch value in `unit`.
    pub fn from_epoch(v: i64, unit: Unit) -> Option<Timestamp> {
        match unit {
            Unit::Secs => Timestamp::from_secs(v),
            Unit::Millis => Timestamp::from_millis(v),
            Unit::Guess => Timestamp::from_epoch_guess(v),
        }
    }

    /// Whether an epoch value in `unit` lies past 9999-12-31: a value, but not a time.
    pub fn past_calendar(v: i64, unit: Unit) -> bool {
        let secs = match unit {
            Unit::Secs => v,
            Unit::Millis => v / 1000,
            Unit::Guess if v >= MS_THRESHOLD => v / 1000,
            Unit::Guess => v,
        };
        secs > MAX_SECS
    }

    /// An RFC 3339 date-time with any offset, re-expressed in UTC. Go's zero
    /// time (`0001-01-01T00:00:00Z`) and anything before 1970 are unknown.
    pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
        let dt = DateTime::parse_from_rfc3339(s.trim()).ok()?;
        Timestamp::from_secs(dt.timestamp())
    }

    pub fn now() -> Timestamp {
        Timestamp::from_secs(Utc::now().timestamp()).unwrap_or(Timestamp::EPOCH)
    }

    pub fn secs(self) -> i64 {
        self.0.timestamp()
    }

    pub fn to_rfc3339(self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    pub fn datetime(self) -> DateTime<Utc> {
        self.0
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The RFC 3339 form `Serialize` writes (the local store reads it back).
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        // Parsed from the text as the reader holds it: no string is
        // allocated per time (a cached 20,000-chat overview holds 40,000).
        struct Rfc3339;
        impl serde::de::Visitor<'_> for Rfc3339 {
            type Value = Timestamp;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an RFC 3339 time")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Timestamp, E> {
                Timestamp::parse_rfc3339(s)
                    .ok_or_else(|| E::custom(format!("not an RFC 3339 time: {s}")))
            }
        }
        d.deserialize_str(Rfc3339)
    }
}

impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in UTC, second precision: 2024-06-29T12:00:00Z"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(t: Option<Timestamp>) -> Option<String> {
        t.map(|t| t.to_string())
    }

    #[test]
    fn seconds_and_millis() {
        assert_eq!(
            iso(Timestamp::from_secs(1722170400)).as_deref(),
            Some("2024-07-28T12:40:00Z")
        );
        assert_eq!(
            iso(Timestamp::from_millis(1719662400123)).as_deref(),
            Some("2024-06-29T12:00:00Z")
        );
        assert_eq!(
            iso(Timestamp::from_epoch_guess(1719662400000)).as_deref(),
            Some("2024-06-29T12:00:00Z")
        );
        assert_eq!(
            iso(Timestamp::from_epoch_guess(1719662400)).as_deref(),
            Some("2024-06-29T12:00:00Z")
        );
    }

    #[test]
    fn zero_and_negative_are_unknown() {
        assert_eq!(Timestamp::from_secs(0), None);
        assert_eq!(Timestamp::from_secs(-5), None);
        assert_eq!(Timestamp::from_millis(0), None);
        assert_eq!(Timestamp::parse_rfc3339("0001-01-01T00:00:00Z"), None);
    }

    // See: issue 9 item 14 — 253402300800 s and 10^18 ms printed as `+10000-01-01T00:00:00Z`
    // and `+33658-…`, which is not RFC 3339.
    #[test]
    fn timestamp_beyond_year_9999_is_null_not_plus_10000() {
        let last = Timestamp::from_secs(253_402_300_799).unwrap();
        assert_eq!(last.to_string(), "9999-12-31T23:59:59Z");
        assert_eq!(Timestamp::from_secs(253_402_300_800), None);
        assert_eq!(Timestamp::from_millis(1_000_000_000_000_000_000), None);
        assert_eq!(Timestamp::from_epoch_guess(1_000_000_000_000_000_000), None);
        assert_eq!(Timestamp::from_secs(i64::MAX), None);
        assert!(Timestamp::past_calendar(253_402_300_800, Unit::Secs));
        assert!(Timestamp::past_calendar(
            1_000_000_000_000_000_000,
            Unit::Millis
        ));
        assert!(!Timestamp::past_calendar(1_719_662_400_000, Unit::Guess));
        assert!(!Timestamp::past_calendar(-5, Unit::Secs));
    }

    #[test]
    fn rfc3339_with_offset_becomes_utc() {
        let t = Timestamp::parse_rfc3339("2024-01-15T17:30:00+07:00");
        assert_eq!(iso(t).as_deref(), Some("2024-01-15T10:30:00Z"));
        let t = Timestamp::parse_rfc3339("2024-01-15T10:30:00.987Z");
        assert_eq!(iso(t).as_deref(), Some("2024-01-15T10:30:00Z"));
        assert_eq!(Timestamp::parse_rfc3339("yesterday"), None);
    }

    #[test]
    fn serialises_as_string() {
        let t = Timestamp::from_secs(1722170400);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2024-07-28T12:40:00Z\""
        );
    }
}
