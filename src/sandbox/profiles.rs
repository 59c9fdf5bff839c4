//! Writing the config.toml profiles that point at an emulator (`--demo`,
//! `wa-inbox sandbox`); each emulator lists its own in `demo_profiles`.

/// One `[profiles.NAME]` table for `provider` at `url` (the URL under
/// `url_key`), with string `keys`.
pub(super) fn profile(
    name: &str,
    provider: &str,
    (url_key, url): (&str, &str),
    keys: &[(&str, &str)],
) -> String {
    let mut s = format!("[profiles.{name}]\nprovider = \"{provider}\"\n{url_key} = \"{url}\"\n");
    for (k, v) in keys {
        s.push_str(&format!("{k} = \"{v}\"\n"));
    }
    s.push('\n');
    s
}
