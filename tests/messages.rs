//! `messages list` end to end on every gateway's emulator: every message
//! exactly once in both orders, CHAT resolution, exact time boundaries,
//! every format with hostile texts, deleted texts never shown, and the
//! refusals (Green API's `--all`, a missing chat).

use std::collections::HashSet;

use crate::util::TestEnv;
use wa_inbox::sandbox::{SandboxChat, SandboxOptions};

/// Gateways that page (Green API returns only the last N).
const PAGING: &[&str] = &["gowa", "wawp", "whatsapp-gateway", "waha", "evolution"];

fn env(messages: usize) -> TestEnv {
    TestEnv::with(SandboxOptions {
        chats: 30,
        messages: Some(messages),
        ..SandboxOptions::default()
    })
}

/// A group chat with a known, unique name.
fn group(env: &TestEnv) -> SandboxChat {
    env.sandbox
        .chats()
        .iter()
        .find(|c| {
            c.is_group()
                && c.message_count > 0
                && c.known_name().is_some_and(|n| {
                    env.sandbox
                        .chats()
                        .iter()
                        .filter(|o| o.known_name() == Some(n))
                        .count()
                        == 1
                })
        })
        .cloned()
        .expect("a named group")
}

/// The wa_ids `gateway` lists for `chat`, newest first.
fn expected(chat: &SandboxChat, gateway: &str) -> Vec<String> {
    chat.messages()
        .filter(|m| m.listed_by(gateway))
        .map(|m| m.id.clone())
        .collect()
}

#[test]
fn every_message_exactly_once_with_all_in_both_orders() {
    let env = env(450);
    for gw in PAGING {
        let chat = group(&env);
        let want = expected(&chat, gw);
        assert!(want.len() > 300, "{gw}: {}", want.len());
        let desc = env.run(&[
            "-p", gw, "messages", "list", &chat.jid, "--all", "--order", "desc", "-o", "ndjson",
        ]);
        desc.expect(0);
        let got = desc.strings("wa_id");
        assert_eq!(
            got.iter().collect::<HashSet<_>>().len(),
            got.len(),
            "{gw}: duplicates"
        );
        // Insert order too (the WhatsApp Gateway): exact time order across pages.
        assert_eq!(got, want, "{gw}: desc");
        let asc = env.run(&[
            "-p", gw, "messages", "list", &chat.jid, "--all", "-o", "ndjson",
        ]);
        asc.expect(0);
        let mut rev = want.clone();
        rev.reverse();
        assert_eq!(asc.strings("wa_id"), rev, "{gw}: asc");
    }
}

#[test]
fn default_is_the_last_20_oldest_first_with_a_hint_to_continue() {
    let env = env(100);
    for gw in ["gowa", "waha", "whatsapp-gateway", "green-api"] {
        let chat = group(&env);
        let want = expected(&chat, gw);
        let run = env.run(&["-p", gw, "messages", "list", &chat.jid, "-o", "ndjson"]);
        run.expect(0);
        let mut last20: Vec<String> = want[..20].to_vec();
        last20.reverse();
        assert_eq!(run.strings("wa_id"), last20, "{gw}");
        let oldest = &run.ndjson()[0]["id"];
        assert!(
            run.stderr
                .contains(&format!("--before {}", oldest.as_str().unwrap())),
            "{gw}: {}",
            run.stderr
        );
        // Continuing from the hint gives the next 20, exactly.
        let next = env.run(&[
            "-p",
            gw,
            "messages",
            "list",
            &chat.jid,
            "--before",
            oldest.as_str().unwrap(),
            "-o",
            "ndjson",
        ]);
        next.expect(0);
        let mut prev20: Vec<String> = want[20..40].to_vec();
        prev20.reverse();
        assert_eq!(next.strings("wa_id"), prev20, "{gw}: continued");
    }
}

#[test]
fn green_api_refuses_all_naming_the_gateway() {
    let env = env(50).only(&["green-api"]).no_calls_expected();
    let chat = group(&env);
    for args in [vec!["--all"], vec!["--count"]] {
        let mut cmd = vec!["messages", "list", chat.jid.as_str()];
        cmd.extend(args);
        let run = env.run(&cmd);
        run.expect(9);
        assert!(
            run.stderr.contains("Green API returns only"),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn since_includes_and_before_excludes_the_instant() {
    let env = env(120);
    let chat = group(&env);
    for gw in ["gowa", "wawp", "waha", "evolution", "whatsapp-gateway"] {
        let listed: Vec<_> = chat.messages().filter(|m| m.listed_by(gw)).collect();
        let pivot = &listed[30];
        let t = chrono::DateTime::from_timestamp(pivot.timestamp, 0)
            .unwrap()
            .to_rfc3339();
        let since = env.run(&[
            "-p", gw, "messages", "list", &chat.jid, "--all", "--since", &t, "-o", "ndjson",
        ]);
        since.expect(0);
        let ids = since.strings("wa_id");
        assert_eq!(ids.len(), 31, "{gw}: --since {t}");
        assert!(
            ids.contains(&pivot.id),
            "{gw}: --since includes its instant"
        );
        let before = env.run(&[
            "-p", gw, "messages", "list", &chat.jid, "--limit", "5", "--before", &t, "-o", "ndjson",
        ]);
        before.expect(0);
        let ids = before.strings("wa_id");
        let mut want: Vec<String> = listed[31..36].iter().map(|m| m.id.clone()).collect();
        want.reverse();
        assert_eq!(ids, want, "{gw}: --before excludes its instant");
    }
}

#[test]
fn resolution_by_name_phone_and_jid() {
    let env = env(30);
    let chat = group(&env);
    let name = chat.known_name().unwrap().to_owned();
    let by_name = env.run(&[
        "-p",
        "waha",
        "messages",
        "list",
        &name.to_uppercase(),
        "-o",
        "ndjson",
    ]);
    by_name.expect(0);
    assert!(
        by_name.stderr.contains(&format!("showing \"{name}\"")),
        "{}",
        by_name.stderr
    );
    assert_eq!(by_name.ndjson()[0]["chat_id"], chat.jid);
    // A direct chat by phone number in human forms, on gateways spelling it @c.us and @s.whatsapp.net.
    let dm = env
        .sandbox
        .chats()
        .iter()
        .find(|c| c.server == "s.whatsapp.net" && c.message_count > 0 && c.user.len() > 9)
        .unwrap();
    let (cc, rest) = dm.user.split_at(2);
    let human = format!("+{cc} {}-{}", &rest[..3], &rest[3..]);
    for gw in ["waha", "gowa"] {
        let run = env.run(&[
            "-p", gw, "messages", "list", &human, "--limit", "3", "-o", "ndjson",
        ]);
        run.expect(0);
        assert_eq!(run.ndjson().len(), 3, "{gw} {human}");
        assert_eq!(run.ndjson()[0]["chat_jid"], dm.jid, "{gw}");
        let c_us = env.run(&[
            "-p",
            gw,
            "messages",
            "list",
            &dm.c_us(),
            "--limit",
            "1",
            "-o",
            "ndjson",
        ]);
        assert_eq!(c_us.ndjson()[0]["chat_jid"], dm.jid, "{gw} via @c.us");
    }
    let double_zero = env.run(&["-p", "gowa", "messages", "list", &format!("00{}", dm.user)]);
    double_zero.expect(2);
    assert!(
        double_zero.stderr.contains("00 is a dialling prefix"),
        "{}",
        double_zero.stderr
    );
}

#[test]
fn ambiguous_and_missing_names_exit_2_and_5() {
    let env = env(10);
    // Names share letters: one vowel matches many chats.
    let run = env.run(&["-p", "gowa", "messages", "list", "a"]);
    run.expect(2);
    assert!(
        run.stderr.contains("matches") && run.stderr.contains("@"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    let run = env.run(&["-p", "gowa", "messages", "list", "Nobody Like This"]);
    run.expect(5);
    assert!(
        run.stderr.contains("no chat named \"Nobody Like This\""),
        "{}",
        run.stderr
    );
    let run = env.run(&["--all-profiles", "messages", "list", "x@g.us"]);
    run.expect(2);
    assert!(run.stderr.contains("one profile"), "{}", run.stderr);
}

#[test]
fn deleted_texts_are_never_shown_in_any_format() {
    let env = env(200);
    let chat = group(&env);
    let deleted: Vec<_> = chat
        .messages()
        .filter(|m| m.deleted && m.listed_by("whatsapp-gateway") && !m.text.is_empty())
        .collect();
    assert!(
        !deleted.is_empty(),
        "the sandbox has deleted messages with text"
    );
    let ids: HashSet<&str> = deleted.iter().map(|m| m.id.as_str()).collect();
    let gw = [
        "-p",
        "whatsapp-gateway",
        "messages",
        "list",
        &chat.jid,
        "--all",
    ];
    let run = env.run(&[&gw[..], &["-o", "ndjson"]].concat());
    run.expect(0);
    let rows = run.ndjson();
    let gone: Vec<_> = rows
        .iter()
        .filter(|r| ids.contains(r["wa_id"].as_str().unwrap()))
        .collect();
    assert_eq!(gone.len(), deleted.len());
    assert!(
        gone.iter()
            .all(|r| r["deleted"] == true && r["text"].is_null()),
        "{gone:?}"
    );
    let csv = env.run(&[&gw[..], &["-o", "csv", "--fields", "wa_id,text"]].concat());
    csv.expect(0);
    for line in csv
        .stdout
        .lines()
        .filter(|l| ids.iter().any(|id| l.starts_with(id)))
    {
        assert!(line.ends_with(','), "deleted text in CSV: {line}");
    }
    let table = env.run(&gw);
    table.expect(0);
    assert_eq!(
        table.stdout.matches("[message deleted]").count(),
        deleted.len()
    );
}

#[test]
fn every_format_with_hostile_texts() {
    let env = env(300);
    let chat = group(&env);
    let texts: Vec<String> = chat
        .messages()
        .filter(|m| m.listed_by("gowa"))
        .map(|m| m.text)
        .collect();
    assert!(texts.iter().any(|t| t.contains('\u{1b}')) && texts.iter().any(|t| t.starts_with('=')));
    let run = |fmt: &str| {
        let r = env.run(&[
            "-p", "gowa", "messages", "list", &chat.jid, "--all", "-o", fmt,
        ]);
        r.expect(0);
        r
    };
    let table = run("table");
    assert!(
        !table.stdout.contains('\u{1b}') && !table.stdout.contains('\u{202e}'),
        "escape or bidi in the table"
    );
    let csv = run("csv");
    assert!(
        csv.stdout
            .starts_with("profile,provider,chat_id,chat_jid,id,wa_id,at,"),
        "{}",
        &csv.stdout[..80]
    );
    assert!(
        !csv.stdout.contains(",=") && !csv.stdout.contains('\u{1b}'),
        "formula or escape in CSV"
    );
    let tsv = run("tsv");
    let rows = tsv.stdout.lines().count();
    assert_eq!(
        rows,
        expected(&chat, "gowa").len() + 1,
        "one line per message"
    );
    // JSON keeps the exact text.
    let json = run("json").json();
    let got: HashSet<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["text"].as_str())
        .collect();
    assert!(texts
        .iter()
        .filter(|t| !t.is_empty())
        .all(|t| got.contains(t.as_str())));
    let fields = env.run(&[
        "-p",
        "gowa",
        "messages",
        "list",
        &chat.jid,
        "--fields",
        "wa_id,media.size,media",
        "-o",
        "ndjson",
    ]);
    fields.expect(0);
    let keys: Vec<String> = fields.ndjson()[0]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys, ["wa_id", "media.size", "media"]);
}

#[test]
fn count_exit_status_and_filters() {
    let env = env(80);
    let chat = group(&env);
    let want = chat
        .messages()
        .filter(|m| m.listed_by("evolution") && !m.from_me)
        .count();
    let run = env.run(&[
        "-p",
        "evolution",
        "messages",
        "list",
        &chat.jid,
        "--incoming",
        "--count",
    ]);
    run.expect(0);
    assert_eq!(run.stdout.trim(), want.to_string());
    let none = env.run(&[
        "-p",
        "evolution",
        "messages",
        "list",
        &chat.jid,
        "--search",
        "no such words anywhere",
        "--exit-status",
    ]);
    none.expect(1);
}

#[test]
fn demo_messages_list_on_every_demo_gateway() {
    let env = TestEnv::new().no_calls_expected();
    let name = env.sandbox.chats()[0].known_name().unwrap().to_owned();
    for gw in wa_inbox::sandbox::demo_profile_names() {
        let run = env.run(&[
            "--demo", "-p", &gw, "messages", "list", &name, "--limit", "5",
        ]);
        run.expect(0);
        assert!(run.stdout.lines().count() >= 3, "{gw}: {}", run.stdout);
    }
}
