//! The WhatsApp Gateway lists a chat's messages in insert order (MESSAGES.md
//! §6.1): its emulator stores a third of each history by a late import, which
//! sits above newer live rows. "The last N", `--all --order desc` and `--since`
//! must still be exact in time, reading only as far as the rows' storage times
//! (`createdAt`) say anything newer may still come.

use crate::util::TestEnv;
use wa_inbox::sandbox::{SandboxChat, SandboxOptions};

const GW: &str = "whatsapp-gateway";

fn env() -> (TestEnv, SandboxChat) {
    let env = TestEnv::with(SandboxOptions {
        chats: 20,
        messages: Some(450),
        ..SandboxOptions::default()
    })
    .only(&[GW]);
    let chat = env
        .sandbox
        .chats()
        .iter()
        .find(|c| c.message_count > 0)
        .cloned()
        .unwrap();
    (env, chat)
}

/// What the gateway stores of `chat`: (wa_id, time), newest first.
fn newest_first(chat: &SandboxChat) -> Vec<(String, i64)> {
    chat.messages()
        .filter(|m| m.listed_by(GW))
        .map(|m| (m.id.clone(), m.timestamp))
        .collect()
}

fn message_pages(env: &TestEnv) -> usize {
    env.journal()
        .iter()
        .filter(|h| h.path.ends_with("/messages"))
        .count()
}

// See: issue 12 — `--limit N` took the first N rows in insert order, then sorted: a late
// import pushed newer messages out of "the last N".
#[test]
fn wa_gateway_late_imported_rows_do_not_push_newer_out_of_last_n() {
    let (env, chat) = env();
    let all = newest_first(&chat);
    // More than the live rows stored after the import, so the first page holds imported ones.
    let n = all.len() / 2;
    assert!(
        n > 150 && n < 200,
        "one page of 200 holds the last {n} and some of the import"
    );
    let run = env.run(&[
        "messages",
        "list",
        &chat.jid,
        "--limit",
        &n.to_string(),
        "--order",
        "desc",
        "-o",
        "ndjson",
    ]);
    run.expect(0);
    let want: Vec<String> = all[..n].iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(run.strings("wa_id"), want);
    // The hint continues exactly where the last N stopped.
    let oldest = run.ndjson().last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    run.expect_saying(0, &format!("continue with --before {oldest}"));
    let next = env.run(&[
        "messages", "list", &chat.jid, "--before", &oldest, "--limit", "10", "--order", "desc",
        "-o", "ndjson",
    ]);
    next.expect(0);
    let want: Vec<String> = all[n..n + 10].iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(next.strings("wa_id"), want);
    // The default view: the last 20, oldest first, from the first page alone.
    let before = message_pages(&env);
    let run = env.run(&["messages", "list", &chat.jid, "-o", "ndjson"]);
    run.expect(0);
    let mut want: Vec<String> = all[..20].iter().map(|(id, _)| id.clone()).collect();
    want.reverse();
    assert_eq!(run.strings("wa_id"), want);
    assert_eq!(message_pages(&env) - before, 1, "no more pages than needed");
}

// See: issue 12 — `--all --order desc` sorted page by page, so the stream was out of
// time order wherever a late import sat.
#[test]
fn wa_gateway_all_desc_is_in_time_order() {
    let (env, chat) = env();
    let all = newest_first(&chat);
    let want: Vec<String> = all.iter().map(|(id, _)| id.clone()).collect();
    let run = env.run(&[
        "messages", "list", &chat.jid, "--all", "--order", "desc", "-o", "ndjson",
    ]);
    run.expect(0);
    assert_eq!(run.strings("wa_id"), want);
    let times: Vec<String> = run
        .ndjson()
        .iter()
        .map(|v| v["at"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "newest first, throughout"
    );
    // --since inside the imported stretch: exact, and paging stops once past it.
    let pivot = all.len() * 3 / 4;
    let t = chrono::DateTime::from_timestamp(all[pivot].1, 0)
        .unwrap()
        .to_rfc3339();
    let run = env.run(&[
        "messages", "list", &chat.jid, "--all", "--since", &t, "--order", "desc", "-o", "ndjson",
    ]);
    run.expect(0);
    let since: Vec<String> = all
        .iter()
        .filter(|(_, at)| *at >= all[pivot].1)
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(run.strings("wa_id"), since);
}
