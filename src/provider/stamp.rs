//! A gateway's epoch values onto `Timestamp`, in the unit PROVIDERS.md fixes
//! for it (`Unit::Guess` where it is unconfirmed, §0.5). A value past
//! 9999-12-31 is not a time: the record says `null`, and `-v` names the field
//! that held it (0 and negative values are "unknown" by contract, silently).

use crate::time::{Timestamp, Unit};

/// `v` (the field `field` of `gateway`'s answer) as a time, if it is one.
pub(in crate::provider) fn epoch(
    gateway: &str,
    field: &str,
    v: Option<i64>,
    unit: Unit,
) -> Option<Timestamp> {
    let v = v?;
    let t = Timestamp::from_epoch(v, unit);
    if t.is_none() && Timestamp::past_calendar(v, unit) {
        crate::diag::trace(&format!(
            "{gateway} `{field}` = {v} is past the year 9999, not a time: shown as null"
        ));
    }
    t
}
