//! The command line's value enums (`--output`, `--color`, `--kind`, `--sort`,
//! `--order`, `messages list --kind`, `schema RECORD`), each mirroring a domain enum variant for variant and mapped
//! onto it with `From`, so the domain types carry no clap derive.

use clap::ValueEnum;

use crate::chat::Kind;
use crate::message::MessageKind;
use crate::output::{ColorChoice, Format};
use crate::provider::{Order, SortKey};

/// Defines a clap value enum mirroring a domain enum variant for variant,
/// so the domain types carry no clap derive and this file maps onto them.
macro_rules! value_enum {
    ($(#[$meta:meta])* $arg:ident => $domain:ident { $($(#[doc = $doc:literal])* $v:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
        pub enum $arg {
            $($(#[doc = $doc])* $v),+
        }

        impl From<$arg> for $domain {
            fn from(a: $arg) -> $domain {
                match a {
                    $($arg::$v => $domain::$v),+
                }
            }
        }
    };
}

value_enum!(FormatArg => Format { Table, Json, Ndjson, Csv, Tsv });
value_enum!(ColorArg => ColorChoice { Auto, Always, Never });
value_enum!(KindArg => Kind { Direct, Group, Channel, Broadcast, Status, Other });
value_enum!(SortArg => SortKey {
    /// Last activity time (chats without one always come last).
    Activity,
    Name,
    Id,
});
value_enum!(OrderArg => Order { Asc, Desc });
value_enum!(MessageKindArg => MessageKind {
    Text, Image, Video, Audio, Voice, Document, Sticker, Location, Contact, Poll, Reaction, Call,
    System, Other,
});

/// `wa-inbox schema RECORD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordArg {
    Chat,
    Message,
}

/// `--limit N`: a count of 1 or more. `0` used to print one chat (and hint
/// `--limit 0` again), or send `count=0` to Green API.
pub fn limit<T: std::str::FromStr + From<u8> + PartialOrd>(s: &str) -> Result<T, String> {
    match s.trim().parse::<T>() {
        Ok(n) if n >= T::from(1) => Ok(n),
        Ok(_) => Err("--limit must be 1 or more (use --all for every one)".to_owned()),
        Err(_) => Err("not a whole number: give --limit 1 or more".to_owned()),
    }
}
