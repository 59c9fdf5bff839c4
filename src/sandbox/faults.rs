//! Fault injection settings of the sandbox and the `--faults` spec parser (`fail=3:503,stall,…`).

use std::time::Duration;

use super::echo::Echo;

/// Failures the sandbox injects (never on `/_sandbox/…`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Faults {
    pub fail_first: u32,
    pub fail_status: u16,
    pub retry_after: Option<String>,
    pub stall: bool,
    pub truncate: bool,
    pub html: bool,
    pub xml: bool,
    pub wrong_type: bool,
    pub drop: bool,
    pub latency: Option<Duration>,
    /// Answer with the request's credentials repeated (see `echo.rs`).
    pub echo: Option<Echo>,
    pub paging: PagingFaults,
}

/// Paging abuses, applied by each emulator's paging parameters.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PagingFaults {
    /// Every page is the first one: offsets are ignored, and a cursor gateway
    /// hands out a fresh cursor with the same chats each time.
    pub repeat: bool,
    /// Pages hold ten times the page size asked for.
    pub oversized: bool,
    /// The reported total grows with every page (gateways that report one).
    pub growing_total: bool,
}

impl PagingFaults {
    /// An offset as the faulty gateway reads it.
    pub fn offset(&self, asked: usize) -> usize {
        if self.repeat {
            0
        } else {
            asked
        }
    }

    /// A page size as the faulty gateway honours it.
    pub fn limit(&self, asked: usize) -> usize {
        if self.oversized {
            asked.saturating_mul(10)
        } else {
            asked
        }
    }
}

const VALID_FAULTS: &str =
    "fail=N[:STATUS], retry-after=SECONDS|HTTP-DATE, stall, truncate, html, xml, wrong-type, drop, latency=N(ms|s), \
     repeat-pages, oversized-pages, growing-total, \
     echo[=raw|upper|lower|form|base64|json|spaces|all[:text|json|html|location|www-authenticate]], none";

impl Faults {
    /// Parses a comma list such as `fail=3:503,retry-after=2,latency=20ms`.
    pub fn from_spec(spec: &str) -> Result<Faults, String> {
        let mut f = Faults::default();
        let items: Vec<&str> = spec.split(',').map(str::trim).collect();
        let mut i = 0;
        while i < items.len() {
            let item = items[i];
            i += 1;
            if item.is_empty() {
                continue;
            }
            let bad = || format!("invalid fault `{item}`; valid: {VALID_FAULTS}");
            let (key, value) = match item.split_once('=') {
                Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.trim())),
                None => (item.to_ascii_lowercase(), None),
            };
            match (key.as_str(), value) {
                ("none" | "clear", None) => f = Faults::default(),
                ("stall", None) => f.stall = true,
                ("truncate", None) => f.truncate = true,
                ("html", None) => f.html = true,
                ("xml", None) => f.xml = true,
                ("wrong-type" | "wrong_type", None) => f.wrong_type = true,
                ("drop", None) => f.drop = true,
                ("repeat-pages", None) => f.paging.repeat = true,
                ("oversized-pages", None) => f.paging.oversized = true,
                ("growing-total", None) => f.paging.growing_total = true,
                ("fail", Some(v)) => {
                    let (n, s) = v.split_once(':').unwrap_or((v, "503"));
                    f.fail_first = n.trim().parse().map_err(|_| bad())?;
                    let status: u16 = s.trim().parse().map_err(|_| bad())?;
                    if !(100..=999).contains(&status) {
                        return Err(bad());
                    }
                    f.fail_status = status;
                }
                ("retry-after", Some(v)) if !v.is_empty() => {
                    // An HTTP-date contains a comma ("Wed, 21 Oct 2015 07:28:00 GMT"): rejoin it.
                    let is_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                        .contains(&v.to_ascii_lowercase().as_str());
                    if is_day && i < items.len() {
                        f.retry_after = Some(format!("{v}, {}", items[i]));
                        i += 1;
                    } else {
                        f.retry_after = Some(v.to_string());
                    }
                }
                ("echo", v) => f.echo = Some(Echo::parse(v).ok_or_else(bad)?),
                ("latency", Some(v)) => f.latency = Some(parse_duration(v).ok_or_else(bad)?),
                _ => return Err(bad()),
            }
        }
        Ok(f)
    }
}

fn parse_duration(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Some(ms) = v.strip_suffix("ms") {
        return ms.trim().parse::<u64>().ok().map(Duration::from_millis);
    }
    let s = v.strip_suffix('s').unwrap_or(v);
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0 && *x < 1e7)
        .map(Duration::from_secs_f64)
}
