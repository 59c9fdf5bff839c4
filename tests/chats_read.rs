//! `chats read` (issue 13, item 1) on every gateway's emulator: what each gateway received
//! (`Sandbox::receipts`), the unread counts it serves afterwards, `--dry-run` sending no write,
//! Evolution refusing `@lid` chats, the WhatsApp Gateway saying no receipt was sent, several
//! chats with one failing, retries of the (idempotent) write, name resolution, and secrets.

use crate::robustness::assert_no_secret;
use crate::util::{Run, TestEnv};
use wa_inbox::gateways::NAMES;
use wa_inbox::sandbox::{creds, Faults, Receipt, SandboxChat};

/// A direct chat (phone JID) with unread messages, all of the last 6 days (inside WAHA's 7-day
/// window), an unread incoming message that `gateway` lists, and a unique name.
fn unread_dm(env: &TestEnv, gateway: &str) -> SandboxChat {
    let now = env.sandbox.now();
    let chats = env.sandbox.chats();
    chats
        .iter()
        .filter(|c| c.server == "s.whatsapp.net" && c.unread > 0)
        .filter(|c| !c.unread_incoming(gateway).is_empty())
        .filter(|c| c.message_time(c.unread as usize - 1) > now - 6 * 86_400)
        .find(|c| {
            c.known_name()
                .is_some_and(|n| chats.iter().filter(|o| o.known_name() == Some(n)).count() == 1)
        })
        .cloned()
        .unwrap_or_else(|| panic!("{gateway}: no unread direct chat"))
}

/// The ids of the unread incoming messages `gateway` lists, newest first.
fn unread_incoming_ids(c: &SandboxChat, gateway: &str) -> Vec<String> {
    c.unread_incoming(gateway)
        .into_iter()
        .filter_map(|k| c.message(k).map(|m| m.id))
        .collect()
}

/// The incoming messages `gateway` lists newer than the newest own one, newest first.
fn after_last_reply(c: &SandboxChat, gateway: &str) -> Vec<String> {
    c.messages()
        .filter(|m| m.listed_by(gateway))
        .take(50)
        .take_while(|m| !m.from_me)
        .map(|m| m.id)
        .collect()
}

/// Every message id the gateways were told to mark read, in order.
fn marked_ids(env: &TestEnv) -> Vec<String> {
    env.sandbox
        .receipts()
        .into_iter()
        .flat_map(|r| r.messages)
        .collect()
}

/// Requests that are mark-read writes, on any gateway.
fn writes(env: &TestEnv) -> Vec<String> {
    env.journal()
        .into_iter()
        .filter(|h| {
            h.method == "POST" && (h.path.ends_with("/read") || h.path.contains("readChat/"))
                || h.path.contains("markMessageAsRead")
        })
        .map(|h| h.path)
        .collect()
}

/// `unread_count` of chat `id` in `gateway`'s overview (null → None).
fn unread_count(env: &TestEnv, gateway: &str, id: &str) -> Option<u64> {
    let run = env.run(&["-p", gateway, "chats", "overview", "--all", "-o", "ndjson"]);
    run.expect(0);
    let rows = run.ndjson();
    let row = rows
        .iter()
        .find(|r| r["jid"] == id || r["id"] == id)
        .unwrap_or_else(|| panic!("{gateway}: {id} not in the overview"));
    row["unread_count"].as_u64()
}

/// `chats read JID` on `profile`: exit 0 and the one line `LABEL: SAID` on stdout.
#[track_caller]
fn read_says(env: &TestEnv, profile: &str, c: &SandboxChat, label: &str, said: &str) -> Run {
    let run = env.run(&["-p", profile, "chats", "read", &c.jid]);
    run.expect(0);
    assert_eq!(run.stdout, format!("{label}: {said}\n"), "{profile}");
    run
}

/// `N message(s) marked read; read receipts sent`.
fn marked(n: usize) -> String {
    match n {
        1 => "1 message marked read; read receipts sent".to_owned(),
        n => format!("{n} messages marked read; read receipts sent"),
    }
}

const WHOLE: &str = "marked read; read receipts sent";

#[test]
fn wawp_and_waha_webjs_mark_the_whole_chat_and_its_unread_count_drops_to_zero() {
    let env = TestEnv::new();
    for gw in ["wawp", "waha"] {
        let c = unread_dm(&env, gw);
        assert_eq!(
            unread_count(&env, gw, &c.jid),
            Some(c.unread as u64),
            "{gw}"
        );
        read_says(&env, gw, &c, &c.c_us(), WHOLE);
        assert_eq!(unread_count(&env, gw, &c.jid), Some(0), "{gw}");
    }
    let wawp = unread_dm(&env, "wawp");
    let waha = unread_dm(&env, "waha");
    assert_eq!(
        env.sandbox.receipts(),
        vec![
            Receipt::new("wawp", &wawp, vec![], true),
            Receipt::new("waha", &waha, vec![], true)
        ]
    );
}

#[test]
fn waha_noweb_repeats_until_no_id_is_left_and_marks_exactly_the_unread_incoming() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "waha");
    let want = unread_incoming_ids(&c, "waha");
    read_says(&env, "waha-noweb", &c, &c.c_us(), &marked(want.len()));
    assert_eq!(marked_ids(&env), want);
    // One call per batch of 30 (a direct chat), then the one that answers no ids.
    assert_eq!(writes(&env).len(), want.len().div_ceil(30) + 1);
    // Marked on the gateway: a second run finds nothing and sends one call.
    let again = read_says(&env, "waha-noweb", &c, &c.c_us(), "nothing to mark read");
    assert!(again
        .stderr
        .contains("no unread incoming message of the last 7 days"));
}

#[test]
fn green_api_read_chat_marks_the_whole_chat() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "green-api");
    read_says(&env, "green-api", &c, &c.c_us(), WHOLE);
    assert_eq!(
        env.sandbox.receipts(),
        vec![Receipt::new("green-api", &c, vec![], true)]
    );
}

#[test]
fn gowa_marks_each_incoming_message_after_the_last_reply_newest_first() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "gowa");
    let mut want = after_last_reply(&c, "gowa");
    want.truncate(20);
    assert!(!want.is_empty());
    let n = want.len();
    read_says(&env, "gowa", &c, &c.jid, &marked(n));
    let each: Vec<Receipt> = want
        .iter()
        .map(|id| Receipt::new("gowa", &c, vec![id.clone()], true))
        .collect();
    assert_eq!(env.sandbox.receipts(), each);
    assert_eq!(writes(&env).len(), n, "one call per message");
}

#[test]
fn whatsapp_gateway_resets_its_counter_and_says_no_receipt_was_sent() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "whatsapp-gateway");
    let said = "unread counter reset; no read receipt sent";
    let run = read_says(&env, "whatsapp-gateway", &c, &c.jid, said);
    assert!(
        run.stderr.contains("no WhatsApp read receipt was sent"),
        "{}",
        run.stderr
    );
    assert_eq!(
        env.sandbox.receipts(),
        vec![Receipt::new("whatsapp-gateway", &c, vec![], false)]
    );
}

#[test]
fn whatsapp_gateway_key_without_send_is_refused_as_auth() {
    let env = TestEnv::new();
    env.edit_config(|t| t.replace(creds::GATEWAY_TOKEN, creds::GATEWAY_READ_TOKEN));
    let c = unread_dm(&env, "whatsapp-gateway");
    let run = env.run(&["-p", "whatsapp-gateway", "chats", "read", &c.jid]);
    run.expect(4);
    assert!(run.stderr.contains("`send` capability"), "{}", run.stderr);
    assert!(env.sandbox.receipts().is_empty());
}

#[test]
fn evolution_marks_the_keys_of_unread_incoming_messages_and_its_count_drops() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "evolution");
    // Evolution keeps receipts (`MessageUpdate`): exactly the incoming messages without READ.
    let want = unread_incoming_ids(&c, "evolution");
    read_says(&env, "evolution", &c, &c.jid, &marked(want.len()));
    assert_eq!(
        env.sandbox.receipts(),
        vec![Receipt::new("evolution", &c, want.clone(), true)]
    );
    let still = (c.unread as usize - want.len()) as u64;
    assert_eq!(unread_count(&env, "evolution", &c.jid), Some(still));
    // Read now: a second run finds nothing unread and sends no write.
    read_says(&env, "evolution", &c, &c.jid, "nothing to mark read");
    assert_eq!(env.sandbox.receipts().len(), 1);
}

#[test]
fn evolution_refuses_lid_chats_with_exit_9_and_sends_nothing() {
    let env = TestEnv::new().no_calls_expected();
    let lid = env
        .sandbox
        .chats()
        .iter()
        .find(|c| c.server == "lid" && c.message_count > 0)
        .unwrap()
        .jid
        .clone();
    let run = env.run(&["-p", "evolution", "chats", "read", &lid]);
    run.expect(9);
    assert!(run.stderr.contains("@lid"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(writes(&env).is_empty());
    assert!(env.sandbox.receipts().is_empty());
}

#[test]
fn dry_run_prints_each_write_and_sends_none_on_every_gateway() {
    let env = TestEnv::new();
    for &gw in NAMES {
        let c = unread_dm(&env, gw);
        let run = env.run(&["-p", gw, "-v", "chats", "read", &c.jid, "--dry-run"]);
        run.expect(0);
        let lines = run.lines();
        assert!(!lines.is_empty(), "{gw}");
        for l in &lines {
            assert!(l.contains(": would send POST /"), "{gw}: {l}");
        }
        assert_no_secret(&run);
    }
    assert!(writes(&env).is_empty(), "{:?}", writes(&env));
    assert!(env.sandbox.receipts().is_empty());
}

#[test]
fn dry_run_shows_the_body_and_hides_the_token_in_path_and_query() {
    // Given a JID, a gateway that marks whole chats needs no call at all.
    let env = TestEnv::new().no_calls_expected();
    let c = unread_dm(&env, "green-api");
    let run = env.run(&["-p", "green-api", "chats", "read", &c.jid, "--dry-run"]);
    run.expect(0);
    assert_eq!(
        run.stdout,
        format!(
            "{}: would send POST /waInstance***/readChat/*** {{\"chatId\":\"{}\"}}\n",
            c.c_us(),
            c.c_us()
        )
    );
    let run = env.run(&["-p", "wawp", "chats", "read", &c.jid, "--dry-run"]);
    run.expect(0);
    assert!(
        run.stdout.contains("access_token=***&chatId="),
        "{}",
        run.stdout
    );
    assert_no_secret(&run);
    assert!(env.journal().is_empty(), "{:?}", env.journal());
}

#[test]
fn verbose_logs_the_write_without_its_secret() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "wawp");
    let run = env.run(&["-p", "wawp", "-v", "chats", "read", &c.jid]);
    run.expect(0);
    assert!(
        run.stderr.contains("POST ") && run.stderr.contains("/v2/chats/read?"),
        "{}",
        run.stderr
    );
    assert_no_secret(&run);
}

#[test]
fn several_chats_one_failing_the_others_still_done_exit_of_the_first_failure() {
    let env = TestEnv::new();
    let good = unread_dm(&env, "evolution");
    let other = env
        .sandbox
        .chats()
        .iter()
        .find(|c| c.server == "s.whatsapp.net" && c.index != good.index && c.message_count > 0)
        .unwrap()
        .clone();
    let lid = env
        .sandbox
        .chats()
        .iter()
        .find(|c| c.server == "lid" && c.message_count > 0)
        .unwrap()
        .jid
        .clone();
    let run = env.run(&[
        "-p",
        "evolution",
        "chats",
        "read",
        &good.jid,
        &lid,
        "no such chat anywhere",
        &other.jid,
        "-o",
        "ndjson",
    ]);
    run.expect(9);
    let rows = run.ndjson();
    let results: Vec<&str> = rows.iter().map(|r| r["result"].as_str().unwrap()).collect();
    assert_eq!(results[1..3], ["failed", "failed"], "{}", run.stdout);
    assert_eq!(rows[1]["exit"], 9);
    assert_eq!(rows[2]["exit"], 5);
    assert_eq!(rows[0]["result"], "marked");
    let chats: Vec<String> = env.sandbox.receipts().into_iter().map(|r| r.chat).collect();
    assert!(chats.contains(&good.jid), "{chats:?}");
    assert!(!chats.contains(&lid));
}

#[test]
fn mark_read_is_retried_after_a_503_because_the_call_is_idempotent() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "whatsapp-gateway");
    env.sandbox
        .set_faults(Faults::from_spec("fail=1:503").unwrap());
    let run = env.run(&["-p", "whatsapp-gateway", "chats", "read", &c.jid]);
    run.expect(0);
    assert_eq!(writes(&env).len(), 2, "the failed attempt and the retry");
    assert_eq!(env.sandbox.receipts().len(), 1);
}

#[test]
fn mark_read_is_not_retried_after_a_500() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "whatsapp-gateway");
    env.sandbox
        .set_faults(Faults::from_spec("fail=1:500").unwrap());
    let run = env.run(&["-p", "whatsapp-gateway", "chats", "read", &c.jid]);
    run.expect(7);
    assert_eq!(writes(&env).len(), 1);
    assert!(env.sandbox.receipts().is_empty());
}

#[test]
fn chats_are_named_as_messages_list_names_them() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "gowa");
    let name = c.known_name().unwrap().to_owned();
    let phone = format!("+{}", c.user);
    let run = env.run(&["-p", "gowa", "chats", "read", &name, &phone, "-o", "ndjson"]);
    run.expect(0);
    let rows = run.ndjson();
    assert_eq!(rows[0]["id"], c.jid.as_str());
    assert_eq!(rows[0]["name"], name.as_str());
    assert_eq!(rows[0]["chat"], name.as_str());
    assert_eq!(rows[1]["id"], c.jid.as_str());
    assert!(rows[1]["name"].is_null());
    let table = env.run(&["-p", "gowa", "chats", "read", &name]);
    table.expect(0);
    assert!(
        table.stdout.starts_with(&format!("{name} ({}): ", c.jid)),
        "{}",
        table.stdout
    );
}

#[test]
fn json_record_per_chat() {
    let env = TestEnv::new();
    let c = unread_dm(&env, "whatsapp-gateway");
    let run = env.run(&[
        "-p",
        "whatsapp-gateway",
        "chats",
        "read",
        &c.jid,
        "-o",
        "json",
    ]);
    run.expect(0);
    let v = run.json();
    let r = &v[0];
    assert_eq!(r["profile"], "whatsapp-gateway");
    assert_eq!(r["result"], "marked");
    assert_eq!(r["read_receipts"], false);
    assert_eq!(r["counter_reset"], true);
    assert!(r["messages"].is_null());
    assert_eq!(r["requests"].as_array().unwrap().len(), 1);
    assert!(r["error"].is_null());
    assert_eq!(r["exit"], 0);
}

#[test]
fn one_profile_only_and_no_csv() {
    let env = TestEnv::new().no_calls_expected();
    env.run(&["-p", "gowa,waha", "chats", "read", "+6281234567"])
        .expect(2);
    env.run(&["-p", "gowa", "-o", "csv", "chats", "read", "+6281234567"])
        .expect(2);
    env.run(&["-p", "gowa", "chats", "read"]).expect(2);
    assert!(env.sandbox.receipts().is_empty());
}

#[test]
fn demo_keeps_marks_for_the_process_only() {
    let env = TestEnv::new().no_calls_expected();
    let first = env.run(&[
        "--demo", "-p", "waha", "chats", "unread", "--limit", "1", "-o", "ndjson",
    ]);
    first.expect(0);
    let row = &first.ndjson()[0];
    let id = row["id"].as_str().unwrap().to_owned();
    let count = row["unread_count"].clone();
    env.run(&["--demo", "-p", "waha", "chats", "read", &id])
        .expect(0);
    let again = env.run(&[
        "--demo", "-p", "waha", "chats", "unread", "--limit", "1", "-o", "ndjson",
    ]);
    again.expect(0);
    assert_eq!(again.ndjson()[0]["id"], id.as_str());
    assert_eq!(again.ndjson()[0]["unread_count"], count);
}

#[test]
fn gowa_marks_at_most_20_messages_per_chat_and_says_so() {
    let env = TestEnv::new();
    let c = env
        .sandbox
        .chats()
        .iter()
        .find(|c| {
            matches!(c.server, "s.whatsapp.net" | "g.us") && after_last_reply(c, "gowa").len() > 20
        })
        .expect("a chat with more than 20 unanswered messages")
        .clone();
    let want: Vec<String> = after_last_reply(&c, "gowa").into_iter().take(20).collect();
    let run = read_says(&env, "gowa", &c, &c.jid, &marked(20));
    assert!(
        run.stderr.contains("only the newest 20 of"),
        "{}",
        run.stderr
    );
    assert_eq!(marked_ids(&env), want);
}
