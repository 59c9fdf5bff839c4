//! `profiles add` from flags (stdin is not a terminal, so it never asks):
//! a profile of every gateway, checked against the sandbox and then used;
//! the file created with its folders, mode 600, comments and other profiles
//! kept; a failing check or a missing value writes nothing.

use std::path::{Path, PathBuf};

use wa_inbox::provider::keys::{self, KeyKind};

use crate::util::{Run, TestEnv};

/// The sandbox's own profile for `gateway`: its keys and values.
fn demo_profile(env: &TestEnv, gateway: &str) -> toml::Table {
    let all: toml::Table = toml::from_str(&env.sandbox.profiles_toml()).unwrap();
    all["profiles"][gateway].as_table().unwrap().clone()
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `wa-inbox -c CONFIG profiles add ARGS` with `vars` set.
fn add(env: &TestEnv, config: &Path, args: &[&str], vars: &[(String, String)]) -> Run {
    let mut cmd = env.cmd(&["-c", config.to_str().unwrap(), "profiles", "add"]);
    cmd.args(args).envs(vars.iter().cloned());
    crate::util::run_cmd(cmd)
}

/// The flags that add the sandbox's `gateway` profile as `name`, each secret
/// from an environment variable, a file or a command (in turn), never on the
/// command line; the variables to set; and the secrets' values.
fn flags_for(
    env: &TestEnv,
    gateway: &str,
    turn: usize,
) -> (Vec<String>, Vec<(String, String)>, Vec<String>) {
    let demo = demo_profile(env, gateway);
    let mut args = vec!["--provider".to_owned(), gateway.to_owned()];
    let (mut vars, mut secrets) = (Vec::new(), Vec::new());
    for key in keys::keys(gateway) {
        let Some(value) = demo.get(&key.name).and_then(|v| v.as_str()) else {
            continue;
        };
        let flag = format!("--{}", key.name.replace('_', "-"));
        match key.kind {
            _ if key.url => args.extend(["--base-url".to_owned(), value.to_owned()]),
            KeyKind::Secret => {
                secrets.push(value.to_owned());
                let file: PathBuf = env.dir.path().join(format!("{gateway}-{}", key.name));
                std::fs::write(&file, format!("{value}\n")).unwrap();
                let file = file.to_str().unwrap().to_owned();
                let (suffix, source) = match turn % 3 {
                    0 => {
                        let var = format!("SECRET_{}", key.name.to_uppercase());
                        vars.push((var.clone(), value.to_owned()));
                        ("env", var)
                    }
                    1 => ("file", file),
                    _ => ("command", format!("cat {file}")),
                };
                args.extend([format!("{flag}-{suffix}"), source]);
            }
            _ => args.extend([flag, value.to_owned()]),
        }
    }
    (args, vars, secrets)
}

#[test]
fn profiles_add_from_flags_writes_a_checked_working_profile_for_every_gateway() {
    let env = TestEnv::new();
    // Folders that do not exist yet.
    let config = env.dir.path().join("fresh/wa-inbox/config.toml");
    for (turn, gateway) in wa_inbox::gateways::NAMES.iter().enumerate() {
        let name = format!("new-{gateway}");
        let (args, vars, secrets) = flags_for(&env, gateway, turn);
        let mut all = vec![name.as_str()];
        all.extend(args.iter().map(String::as_str));
        let run = add(&env, &config, &all, &vars);
        run.expect(0);
        assert!(
            run.stderr.contains(&format!("checked `{name}`")),
            "{}",
            run.stderr
        );
        let text = std::fs::read_to_string(&config).unwrap();
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{gateway}: secret in the file:\n{text}"
            );
            assert!(!run.stderr.contains(secret.as_str()) && !run.stdout.contains(secret.as_str()));
        }
        assert_eq!(mode(&config), 0o600, "{gateway}");
        // Every profile added before is still there.
        for earlier in &wa_inbox::gateways::NAMES[..=turn] {
            assert!(
                text.contains(&format!("[profiles.new-{earlier}]")),
                "{text}"
            );
        }
        let mut list = env.cmd(&["-c", config.to_str().unwrap(), "chats", "list"]);
        list.args(["-p", &name, "--limit", "3", "-o", "ndjson"])
            .envs(vars.iter().cloned());
        let listed = crate::util::run_cmd(list);
        assert_eq!(listed.expect(0).ndjson().len(), 3, "{gateway}");
    }
    assert_eq!(mode(config.parent().unwrap()), 0o700);
    // The first profile of a new file is the default.
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.starts_with("default_profile = \"new-gowa\"\n"),
        "{text}"
    );
}

const CONFIG: &str = "# my inbox\n[profiles.home]\nprovider = \"gowa\" # the phone at home\n";

#[test]
fn profiles_add_keeps_comments_and_keeps_the_only_profile_the_default() {
    let env = TestEnv::new().no_calls_expected();
    env.write_config(CONFIG);
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&env.config, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let shop = [
        "shop",
        "--provider",
        "wawp",
        "--instance-id",
        "42",
        "--access-token-env",
        "WAWP_TOKEN",
        "--no-check",
    ];
    add(&env, &env.config, &shop, &[]).expect(0);
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(
        text.contains("# my inbox") && text.contains("# the phone at home"),
        "{text}"
    );
    assert!(text.contains("[profiles.shop]\nprovider = \"wawp\"\nbase_url = \"https://api.wawp.net\"\ninstance_id = \"42\"\naccess_token = { env = \"WAWP_TOKEN\" }\n"), "{text}");
    // `home` was the default as the only profile: it stays the default by name.
    assert!(text.contains("default_profile = \"home\""), "{text}");
    assert_eq!(mode(&env.config), 0o600);

    // The same name again: refused, unless --force (which keeps its place and comment).
    let again = add(&env, &env.config, &shop, &[]);
    again.expect(2);
    assert!(
        again.stderr.contains("already exists") && again.stderr.contains("--force"),
        "{}",
        again.stderr
    );
    let mut forced = shop.to_vec();
    forced.extend(["--force", "--default", "--instance-id=43"]);
    forced.retain(|a| *a != "42" && *a != "--instance-id");
    add(&env, &env.config, &forced, &[]).expect(0);
    let after = std::fs::read_to_string(&env.config).unwrap();
    assert!(
        after.contains("instance_id = \"43\"") && !after.contains("\"42\""),
        "{after}"
    );
    assert!(after.contains("default_profile = \"shop\""), "{after}");
    assert!(after.contains("# the phone at home"), "{after}");
    let listed = env.run(&["profiles", "list", "-o", "json"]);
    let names: Vec<String> = listed
        .expect(0)
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{}={}", p["name"], p["default"]))
        .collect();
    assert_eq!(names, ["\"home\"=false", "\"shop\"=true"]);
}

#[test]
fn profiles_add_with_a_failing_check_writes_nothing_and_exits_with_its_code() {
    let env = TestEnv::new();
    env.write_config(CONFIG);
    let before = std::fs::read(&env.config).unwrap();
    let url = demo_profile(&env, "evolution")["base_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = "evo-key-WRONG-7a1c9e55";
    let args = [
        "evo",
        "--provider",
        "evolution",
        "--base-url",
        &url,
        "--instance",
        "sandbox",
        "--api-key-env",
        "EVO_KEY",
    ];
    let vars = [("EVO_KEY".to_owned(), wrong.to_owned())];
    // An existing file stays as it was; a new one (and its folder) is not created.
    let none = env.dir.path().join("none/config.toml");
    for config in [&env.config, &none] {
        let run = add(&env, config, &args, &vars);
        run.expect(4);
        assert!(
            run.stderr.contains("nothing was written") && run.stderr.contains("--no-check"),
            "{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains(wrong),
            "the secret was printed: {}",
            run.stderr
        );
    }
    assert_eq!(std::fs::read(&env.config).unwrap(), before);
    assert!(!none.parent().unwrap().exists());
}

#[test]
fn profiles_add_off_a_terminal_never_asks_and_names_the_missing_flag() {
    let env = TestEnv::new().no_calls_expected();
    let config = env.dir.path().join("nothing-yet/config.toml");
    let cases: &[(&[&str], &str)] = &[
        (&["--provider", "wawp"], "NAME"),
        (&["shop"], "missing --provider"),
        (&["shop", "--provider", "wawp", "--access-token-env", "T"], "missing --instance-id"),
        (&["shop", "--provider", "wawp", "--instance-id", "1"], "missing --access-token-env VAR, --access-token-command CMD or --access-token-file PATH"),
        (&["shop", "--provider", "gowa", "--instance-id", "1"], "--instance-id is not for a gowa profile"),
        (&["sh op", "--provider", "gowa"], "letters, digits"),
    ];
    for (args, wanted) in cases {
        let run = add(&env, &config, args, &[]);
        run.expect(2);
        assert!(run.stderr.contains(wanted), "{args:?}: {}", run.stderr);
    }
    // A literal secret is not taken from the command line.
    add(
        &env,
        &config,
        &[
            "shop",
            "--provider",
            "wawp",
            "--instance-id",
            "1",
            "--access-token",
            "s3cret",
        ],
        &[],
    )
    .expect(2);
    assert!(!config.exists());
    // Without a config file, every other command says how to make one.
    let run = env.run(&["-c", config.to_str().unwrap(), "chats", "list"]);
    run.expect(3);
    assert!(
        run.stderr.contains("wa-inbox profiles add") && run.stderr.contains("--demo"),
        "{}",
        run.stderr
    );
}
