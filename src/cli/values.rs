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
