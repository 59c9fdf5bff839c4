//! Config loading: locations, profile selection, errors with file:line:col.

use super::*;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("/etc/wa/config.toml"))
}

const TWO: &str = r#"
[profiles.work]
provider = "gowa"
base_url = "http://localhost:3000"
timeout = "45s"
retries = 5

[profiles.home]
provider = "gowa"
username = "me"
password = { env = "GOWA_PASS" }
"#;

#[test]
fn selects_named_default_and_only() {
    let c = parse(TWO).unwrap();
    assert_eq!(c.select(Some("home")).unwrap().name, "home");
    let e = c.select(None).unwrap_err().to_string();
    assert!(
        e.contains("pass -p NAME") && e.contains("home, work"),
        "{e}"
    );
    let e = c.select(Some("wrok")).unwrap_err().to_string();
    assert!(
        e.contains("no profile \"wrok\"") && e.contains("home, work"),
        "{e}"
    );

    let c = parse(&format!("default_profile = \"work\"\n{TWO}")).unwrap();
    assert_eq!(c.select(None).unwrap().name, "work");
    let c = parse(&TWO.replace("retries = 5", "retries = 5\ndefault = true")).unwrap();
    assert_eq!(c.select(None).unwrap().name, "work");
    let only = parse("[profiles.solo]\nprovider = \"gowa\"\n").unwrap();
    assert_eq!(only.select(None).unwrap().name, "solo");
}

#[test]
fn common_keys_are_read() {
    let c = parse(TWO).unwrap();
    let w = &c.profiles["work"].common;
    assert_eq!(
        (w.timeout, w.retries),
        (Some(std::time::Duration::from_secs(45)), Some(5))
    );
}

#[test]
fn toml_syntax_error_names_file_line_and_column() {
    let e = parse("[profiles.a]\nprovider = \"gowa\"\nbase_url = http://x\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("/etc/wa/config.toml:3:12"), "{e}");
}

#[test]
fn unknown_keys_and_providers_are_refused() {
    let e = parse("[profiles.a]\nprovider = \"gowa\"\ntokne = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("config.toml:3:9") && e.contains("profile `a`") && e.contains("tokne"),
        "{e}"
    );
    let e = parse("[profiles.a]\nprovider = \"signal\"\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown provider \"signal\""), "{e}");
    let e = parse("[profiles.a]\nbase_url = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("missing `provider`"), "{e}");
    let e = parse("default_profile = \"x\"\n[profiles.a]\nprovider = \"gowa\"\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("names no profile"), "{e}");
    let e = parse("[profiles.a]\nprovider = \"gowa\"\ntimeout = \"soon\"\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("config.toml:3:11") && e.contains("bad timeout \"soon\""),
        "{e}"
    );
    // See: review of issue 2 — errors inside a profile pointed at its header, not the key.
    let e = parse("[profiles.a]\nprovider = \"gowa\"\nusername = \"u\"\nbase_url = 3\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("config.toml:4:12") && e.contains("invalid type"),
        "{e}"
    );
}

#[test]
fn two_defaults_are_an_error() {
    let text = TWO
        .replace("retries = 5", "default = true")
        .replace("username = \"me\"", "default = true\nusername = \"me\"");
    assert!(parse(&text)
        .unwrap()
        .select(None)
        .unwrap_err()
        .to_string()
        .contains("more than one"));
}

#[test]
fn missing_file_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let e = Config::load(&dir.path().join("none.toml"))
        .unwrap_err()
        .to_string();
    // See: issue 11 — it pointed at config.example.toml, which installed users do not have.
    assert!(
        e.contains("no config file")
            && e.contains("`wa-inbox profiles add`")
            && e.contains("`wa-inbox --demo chats overview`")
            && !e.contains("example"),
        "{e}"
    );
}

#[test]
fn literal_secrets_are_detected() {
    assert!(!parse(TWO).unwrap().has_literal_secrets());
    let lit =
        parse("[profiles.a]\nprovider = \"gowa\"\nusername = \"u\"\npassword = \"p\"\n").unwrap();
    assert!(lit.has_literal_secrets());
}

#[test]
fn config_example_has_a_working_profile_for_every_gateway() {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml"));
    let c = Config::load(path).unwrap();
    let mut providers: Vec<&str> = c.profiles.values().map(|p| p.provider.name()).collect();
    providers.sort();
    let mut all = crate::gateways::NAMES.to_vec();
    all.sort();
    assert_eq!(providers, all);
    assert_eq!(c.select(None).unwrap().name, "home");
}
