//! The gateway registry: one line per gateway, and every per-gateway list in
//! the program is derived from it — config parsing, `NAMES`, dispatch in
//! `provider/`, the sandbox's routes and `--demo` profiles, the gateway names
//! in `--version` and in `--demo -p` completion, and the tests' list of gateways.
//!
//! A leaf made of one macro: `gateways!(callback)` hands the table to
//! `callback!`, which expands it where it is called (`provider/` with its
//! client types, `sandbox/` with its emulators), so neither side imports the
//! other. Each line is
//!
//! ```text
//! Variant "config-name" provider_module sandbox_module;
//! ```
//!
//! `Variant` names the `ProviderConfig`/`AnyProvider` variant and the client
//! type in `provider/<provider_module>/` (which also exports `Config`, the
//! profile keys); `sandbox/<sandbox_module>.rs` exports `handle`, `error` and
//! `demo_profiles`. The order is the order of every list shown to people.

macro_rules! gateways {
    ($callback:ident) => {
        $crate::gateways::gateways! { $callback; }
    };
    ($callback:ident; $($extra:tt)*) => {
        $callback! {
            ($($extra)*)
            Gowa      "gowa"             gowa       gowa;
            Wawp      "wawp"             wawp       wawp;
            GreenApi  "green-api"        green_api  green;
            WaGateway "whatsapp-gateway" wa_gateway gateway;
            Waha      "waha"             waha       waha;
            Evolution "evolution"        evolution  evolution;
        }
    };
}
pub(crate) use gateways;

macro_rules! names {
    (() $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
        /// Every gateway's config name (`provider = "…"`), in registry order.
        pub const NAMES: &[&str] = &[$($name),*];
    };
}
gateways!(names);

#[cfg(test)]
mod tests {
    use super::NAMES;

    fn read(file: &str) -> String {
        std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn readme_gateway_table_has_every_gateway() {
        let readme = read("README.md");
        for name in NAMES {
            assert!(
                readme.contains(&format!("\n| `{name}` | ")),
                "README.md's provider table lacks a `{name}` row"
            );
        }
    }

    #[test]
    fn names_are_unique_lowercase_words() {
        for (i, n) in NAMES.iter().enumerate() {
            assert!(!NAMES[..i].contains(n), "{n} listed twice");
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{n}");
        }
    }
}
