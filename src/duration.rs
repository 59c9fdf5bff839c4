//! The one duration parser, for every option and config key that takes a
//! duration, so `--timeout 1.5` and `timeout = 1.5` mean the same and no two
//! options disagree about what `2` or `0` means. Two rules:
//!
//! - a timeout (`--timeout`, the profile's `timeout`): a bare number is
//!   seconds (fractions allowed), as curl's `--max-time`; else a number with a
//!   unit;
//! - an age or window (`--older-than`, `--active-within`, `--remind-after`,
//!   `--since`, `--latency`): a unit is required — `2` could be seconds,
//!   minutes or hours, and guessing seconds silently matched everything.
//!
//! Units are humantime's (`30s`, `90m`, `2h`, `1d`, `1h30m`, `250ms`). Zero is
//! refused everywhere: a zero timeout fails every request, a zero window
//! matches nothing. The caller decides the exit code (2 for a flag, 3 for the
//! config file); the message says what to write instead.

use std::time::Duration;

const EXAMPLES: &str = "e.g. 30s, 2m, 2h, 1d";

/// A timeout: seconds as a bare number (`30`, `1.5`), or a duration with a unit (`2m`).
pub fn timeout(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    if let Ok(secs) = t.parse::<f64>() {
        return seconds(secs);
    }
    with_unit(t)
}

/// A number of seconds from a config value (`timeout = 1.5`); zero refused.
pub fn seconds(secs: f64) -> Result<Duration, String> {
    let d = Duration::try_from_secs_f64(secs)
        .map_err(|_| format!("{secs} is not a number of seconds ({EXAMPLES}, or 30)"))?;
    nonzero(d)
}

/// An age or a window: a number with a unit (`2h`, `30m`, `2d`); a bare number is refused.
pub fn with_unit(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    if !t.is_empty() && t.parse::<f64>().is_ok() {
        return Err(format!("give a unit, {EXAMPLES}"));
    }
    let d = humantime::parse_duration(t).map_err(|e| format!("{e} ({EXAMPLES})"))?;
    nonzero(d)
}

fn nonzero(d: Duration) -> Result<Duration, String> {
    if d.is_zero() {
        return Err(format!("must be longer than 0 ({EXAMPLES})"));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_take_bare_seconds() {
        assert_eq!(timeout("30"), Ok(Duration::from_secs(30)));
        assert_eq!(timeout(" 1.5 "), Ok(Duration::from_millis(1500)));
        assert_eq!(timeout("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(seconds(1.5), Ok(Duration::from_millis(1500)));
        assert!(timeout("soon").is_err());
        assert!(timeout("-1").is_err());
        // See: review — 1e20 seconds panicked in Duration::from_secs_f64.
        assert!(timeout("1e20").is_err());
        assert!(timeout("NaN").is_err());
    }

    // See: issue 9 item 13 — `--older-than 2` silently meant two seconds.
    #[test]
    fn ages_need_a_unit() {
        assert_eq!(with_unit("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(with_unit("1h30m"), Ok(Duration::from_secs(5400)));
        let e = with_unit("2").unwrap_err();
        assert!(e.starts_with("give a unit, e.g."), "{e}");
        assert!(with_unit("2.5").is_err());
        assert!(with_unit("").is_err());
    }

    // See: issue 9 item 12 — `0` is refused everywhere.
    #[test]
    fn zero_is_refused_everywhere() {
        for e in [
            timeout("0"),
            timeout("0s"),
            with_unit("0s"),
            with_unit("0m"),
            seconds(0.0),
        ] {
            assert!(e.unwrap_err().contains("longer than 0"));
        }
    }
}
