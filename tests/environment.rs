//! The `WA_INBOX_*` variables as a new user sets them, and `profiles list`'s
//! JSON types.

use crate::util::{run_cmd, TestEnv};

#[test]
fn empty_wa_inbox_profile_and_output_mean_unset() {
    let env = TestEnv::new().only(&["gowa"]);
    let mut cmd = env.cmd(&["chats", "list", "--limit", "2"]);
    cmd.env("WA_INBOX_PROFILE", "").env("WA_INBOX_OUTPUT", "");
    let run = run_cmd(cmd);
    run.expect(0);
    assert!(
        run.stdout.contains("NAME"),
        "the default table:\n{}",
        run.stdout
    );
}

#[test]
fn bad_wa_inbox_output_names_the_variable_not_the_flag() {
    let env = TestEnv::new().no_calls_expected();
    for args in [&["chats", "list"][..], &["-o", "json", "chats", "list"][..]] {
        let mut cmd = env.cmd(args);
        cmd.env("WA_INBOX_OUTPUT", "yaml");
        let run = run_cmd(cmd);
        run.expect(2);
        assert!(
            run.stderr.contains("WA_INBOX_OUTPUT=yaml") && run.stderr.contains("table, json"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("--output <"), "{}", run.stderr);
    }
    // A bad value typed on the command line is still the flag's.
    let run = env.run(&["-o", "yaml", "chats", "list"]);
    run.expect(2);
    assert!(run.stderr.contains("--output"), "{}", run.stderr);
}

#[test]
fn profiles_list_json_default_is_a_boolean_not_a_string() {
    let env = TestEnv::new().only(&["gowa", "wawp"]).no_calls_expected();
    env.edit_config(|t| format!("default_profile = \"wawp\"\n{t}"));
    let run = env.run(&["profiles", "list", "-o", "json"]);
    run.expect(0);
    let v = run.json();
    let default = |i: usize| v[i]["default"].clone();
    assert_eq!(
        (v[0]["name"].as_str(), default(0)),
        (Some("gowa"), false.into())
    );
    assert_eq!(
        (v[1]["name"].as_str(), default(1)),
        (Some("wawp"), true.into())
    );
}
