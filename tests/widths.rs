//! Tables fit the terminal from 40 to 200 columns, with the sandbox's hostile
//! names (emoji, CJK, RTL, control characters, very long ones): no line is
//! wider than `COLUMNS`, no row wraps, and colour does not change the layout.
//! A chat without a name shows its phone or JID, dimmed.

use unicode_width::UnicodeWidthStr;

use crate::util::{run_cmd, Run, TestEnv};

const WIDTHS: [usize; 4] = [40, 60, 80, 200];

fn table(env: &TestEnv, width: usize, color: &str, args: &[&str]) -> Run {
    let mut all = vec!["--color", color];
    all.extend(args);
    let mut cmd = env.cmd(&all);
    cmd.env("WA_INBOX_FORCE_TTY", "1")
        .env("COLUMNS", width.to_string());
    let run = run_cmd(cmd);
    run.expect(0);
    run
}

/// Text without SGR colour sequences.
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\x1b' {
            for d in it.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[track_caller]
fn assert_fits(run: &Run, width: usize, rows: usize, what: &str) {
    let lines = run.lines();
    assert_eq!(
        lines.len(),
        rows + 2,
        "{what} at {width}: a row wrapped or went missing\n{}",
        run.stdout
    );
    for l in lines {
        let w = plain(l).width();
        assert!(w <= width, "{what} at {width}: a line is {w} wide:\n{l}");
    }
}

#[test]
fn chat_tables_fit_40_60_80_200_columns_with_hostile_names() {
    let env = TestEnv::new().only(&["evolution"]);
    let n = env
        .run(&["chats", "list", "--all", "--count"])
        .stdout
        .trim()
        .parse::<usize>()
        .unwrap();
    for width in WIDTHS {
        for view in ["list", "overview"] {
            let run = table(&env, width, "never", &["chats", view, "--all"]);
            assert_fits(&run, width, n, view);
            let colored = table(&env, width, "always", &["chats", view, "--all"]);
            assert_eq!(
                plain(&colored.stdout),
                run.stdout,
                "colour changed the layout at {width}"
            );
        }
    }
    // At 200 columns the list keeps every column.
    let wide = table(&env, 200, "never", &["chats", "list", "--limit", "1"]);
    for head in [
        "NAME",
        "KIND",
        "CHAT",
        "UNREAD",
        "LAST ACTIVITY",
        "ARCHIVED",
    ] {
        assert!(wide.stdout.contains(head), "{head}:\n{}", wide.stdout);
    }
    // At 40 the least useful columns went first; NAME and UNREAD stay.
    let narrow = table(&env, 40, "never", &["chats", "list", "--limit", "1"]);
    let head = narrow.lines()[0].to_owned();
    assert!(head.contains("NAME") && head.contains("UNREAD"), "{head}");
    assert!(
        !head.contains("ARCHIVED") && !head.contains("KIND"),
        "{head}"
    );
}

#[test]
fn profiles_list_and_check_fit_40_to_200_columns() {
    let env = TestEnv::new();
    let n = env.run(&["profiles", "list", "-o", "ndjson"]).lines().len();
    for width in WIDTHS {
        assert_fits(
            &table(&env, width, "never", &["profiles", "list"]),
            width,
            n,
            "profiles list",
        );
        assert_fits(
            &table(&env, width, "never", &["profiles", "check"]),
            width,
            n,
            "profiles check",
        );
    }
}

#[test]
fn unnamed_chat_shows_phone_or_jid_dimmed_and_json_name_stays_null() {
    let env = TestEnv::new().only(&["evolution"]);
    let records = env
        .run(&["chats", "list", "--all", "-o", "ndjson"])
        .ndjson();
    let unnamed = records
        .iter()
        .find(|r| r["name"].is_null() && r["phone"].is_string())
        .expect("the sandbox has an unnamed direct chat");
    let phone = unnamed["phone"].as_str().unwrap();
    let run = table(&env, 200, "always", &["chats", "list", "--all"]);
    let row = run
        .lines()
        .into_iter()
        .find(|l| plain(l).trim_start().starts_with(phone))
        .unwrap_or_else(|| panic!("no row starts with {phone}:\n{}", run.stdout));
    assert!(
        row.contains(&format!("\x1b[2m {phone}")),
        "not dimmed: {row:?}"
    );
}
