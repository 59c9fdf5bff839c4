//! `profiles add` on a real terminal (tmux): the questions answered with
//! keys, a hidden secret that never shows on the screen and reaches the file
//! only when typed in, a failing check entered again or given up on.

use std::path::Path;

use crate::util::tmux::{quote, Tmux};
use crate::util::TestEnv;

/// `wa-inbox -c CONFIG profiles add ARGS` in a 100×40 terminal, then `EXIT=<code>`.
fn start(env: &TestEnv, config: &Path, args: &str, vars: &[(&str, &str)]) -> Option<Tmux> {
    let bin = env!("CARGO_BIN_EXE_wa-inbox");
    let line = format!(
        "{} -c {} profiles add {args}; echo EXIT=$?; sleep 60",
        quote(bin),
        quote(config.to_str().unwrap())
    );
    let mut all: Vec<(&str, &Path)> = vec![
        ("HOME", env.dir.path()),
        ("PATH", Path::new("/usr/bin:/bin")),
    ];
    all.extend(vars.iter().map(|(k, v)| (*k, Path::new(v))));
    Tmux::start(&format!("sh -c {}", quote(&line)), &all, 100, 40)
}

/// Wait for the question that starts with `label`, then type `keys`.
fn answer(t: &Tmux, label: &str, keys: &[&str]) -> String {
    let question = format!("? {label}");
    let screen = t.wait_for(&question, |s| s.lines().any(|l| l.starts_with(&question)));
    if label.ends_with("(hidden)") {
        t.wait_echo_off();
    }
    for k in keys {
        match *k {
            "Enter" | "Down" | "y" => t.send(&[k]),
            text => t.type_text(text),
        }
    }
    screen
}

fn down_to(gateway: &str) -> Vec<&'static str> {
    let at = wa_inbox::gateways::NAMES
        .iter()
        .position(|n| *n == gateway)
        .unwrap();
    vec!["Down"; at]
}

fn demo_url(env: &TestEnv, gateway: &str) -> String {
    let all: toml::Table = toml::from_str(&env.sandbox.profiles_toml()).unwrap();
    all["profiles"][gateway]["base_url"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn exit_code(t: &Tmux) -> (String, String) {
    let screen = t.wait_for("the end", |s| s.contains("EXIT="));
    let code = screen
        .split("EXIT=")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    (code, screen)
}

#[test]
fn profiles_add_asks_on_a_terminal_and_hides_a_typed_secret() {
    let env = TestEnv::new();
    let config = env.dir.path().join("new/wa-inbox/config.toml");
    let Some(t) = start(&env, &config, "", &[]) else {
        return;
    };
    let token = "wawp-token-Sbx2Kx82pQ";
    answer(&t, "Profile name", &["shop", "Enter"]);
    let mut gateway = down_to("wawp");
    gateway.push("Enter");
    answer(&t, "Gateway", &gateway);
    answer(&t, "base_url", &[&demo_url(&env, "wawp"), "Enter"]);
    answer(&t, "instance_id", &["7F3A9C21D4E5", "Enter"]);
    let choices = answer(
        &t,
        "access_token: where from?",
        &["Down", "Down", "Down", "Enter"],
    );
    assert!(
        choices.contains("environment variable") && choices.contains("plain text"),
        "{choices}"
    );
    answer(&t, "access_token (hidden)", &[token]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let typing = t.screen();
    assert!(
        typing.contains("stored in plain text"),
        "the warning:\n{typing}"
    );
    assert!(!typing.contains(token), "the secret is echoed:\n{typing}");
    t.send(&["Enter"]);
    let (code, screen) = exit_code(&t);
    assert_eq!(code, "0", "{screen}");
    assert!(!screen.contains(token), "{screen}");
    assert!(
        screen.contains("ok: ") && screen.contains("added profile `shop`"),
        "{screen}"
    );
    // Typed in, so in the file (mode 600, in folders made for it).
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains(&format!("access_token = \"{token}\"")),
        "{text}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&config).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let run = env.run(&[
        "-c",
        config.to_str().unwrap(),
        "chats",
        "list",
        "-p",
        "shop",
        "--limit",
        "2",
        "-o",
        "ndjson",
    ]);
    assert_eq!(run.expect(0).ndjson().len(), 2);
}

#[test]
fn profiles_add_on_a_terminal_enters_the_values_again_after_a_failed_check() {
    let env = TestEnv::new();
    env.write_config("# mine\n[profiles.home]\nprovider = \"gowa\"\n");
    let wrong = "wa_sbx_key_WRONG_d81f2a";
    let vars = [
        ("BAD_TOKEN", wrong),
        ("GOOD_TOKEN", "wa_sbx_key_Q7t4Lm29Vc"),
    ];
    let Some(t) = start(&env, &env.config, "team --provider whatsapp-gateway", &vars) else {
        return;
    };
    answer(
        &t,
        "base_url",
        &[&demo_url(&env, "whatsapp-gateway"), "Enter"],
    );
    answer(&t, "session", &["sess_01J9ZX8K2QHV0M3T6R7P4N5W8C", "Enter"]);
    answer(&t, "token: where from?", &["Enter"]);
    answer(&t, "Environment variable", &["BAD_TOKEN", "Enter"]);
    let failed = answer(&t, "Enter the values again?", &["y"]);
    assert!(
        failed.contains("The check failed") && failed.contains("401"),
        "{failed}"
    );
    assert!(!failed.contains(wrong), "{failed}");
    // Every question again, the previous answers offered.
    answer(&t, "Gateway", &["Enter"]);
    answer(&t, "base_url", &["Enter"]);
    answer(&t, "session", &["Enter"]);
    answer(&t, "token: where from?", &["Enter"]);
    answer(&t, "Environment variable", &["GOOD_TOKEN", "Enter"]);
    // `home` was the default only as the only profile: asked.
    answer(&t, "Make `team` the default profile", &["y"]);
    let (code, screen) = exit_code(&t);
    assert_eq!(code, "0", "{screen}");
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(text.contains("# mine\n[profiles.home]"), "{text}");
    assert!(text.contains("token = { env = \"GOOD_TOKEN\" }"), "{text}");
    assert!(text.contains("default_profile = \"team\""), "{text}");
}

#[test]
fn profiles_add_on_a_terminal_writes_nothing_when_the_check_fails_and_both_answers_are_no() {
    let env = TestEnv::new();
    env.write_config("[profiles.home]\nprovider = \"gowa\"\n");
    let before = std::fs::read(&env.config).unwrap();
    let args = format!(
        "evo --provider evolution --instance sandbox --base-url {}",
        demo_url(&env, "evolution")
    );
    let Some(t) = start(&env, &env.config, &args, &[]) else {
        return;
    };
    let wrong = "evo-key-WRONG-4b9d0c";
    answer(
        &t,
        "api_key: where from?",
        &["Down", "Down", "Down", "Enter"],
    );
    answer(&t, "api_key (hidden)", &[wrong, "Enter"]);
    answer(&t, "Enter the values again?", &["Enter"]);
    answer(&t, "Save the profile anyway?", &["Enter"]);
    let (code, screen) = exit_code(&t);
    assert_eq!(code, "4", "the check's exit code (auth):\n{screen}");
    assert!(
        screen.contains("nothing was written") && !screen.contains(wrong),
        "{screen}"
    );
    assert_eq!(std::fs::read(&env.config).unwrap(), before);
}
