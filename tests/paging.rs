//! Gateways that break paging (issue 9, items 1 and 2), through the
//! sandbox's paging faults: a fresh cursor or an ignored offset with the same
//! chats, pages larger than asked, totals that keep growing. Each ends in
//! exit 8 naming the gateway, or in the right list — never a loop or a silent
//! short list.

use crate::util::TestEnv;
use wa_inbox::sandbox::Faults;

/// The gateways that page (Green API answers in one call).
const PAGING: &[&str] = &["gowa", "wawp", "whatsapp-gateway", "waha", "evolution"];

fn with_fault(gateway: &str, spec: &str) -> TestEnv {
    let env = TestEnv::new().only(&[gateway]);
    env.sandbox.set_faults(Faults::from_spec(spec).unwrap());
    env
}

#[test]
fn fresh_cursor_with_same_chats_ends_paging_exit_8() {
    let env = with_fault("whatsapp-gateway", "repeat-pages");
    // Without --all too: a filter keeps the pager asking for more.
    for args in [
        &["chats", "list", "--all", "-o", "ndjson"][..],
        &[
            "chats",
            "list",
            "--kind",
            "broadcast",
            "--page-size",
            "20",
            "-o",
            "ndjson",
        ][..],
    ] {
        let before = env.journal().len();
        let run = env.run(args);
        run.expect(8);
        assert!(
            run.stderr.contains("WhatsApp Gateway kept repeating chats")
                && run.stderr.contains("cursor \"again-1\""),
            "{}",
            run.stderr
        );
        assert_eq!(
            env.journal().len() - before,
            2,
            "stops at the first page with nothing new"
        );
    }
}

#[test]
fn offset_pages_that_repeat_end_paging_exit_8_on_every_gateway() {
    for &gw in PAGING {
        let env = with_fault(gw, "repeat-pages");
        let run = env.run(&[
            "chats",
            "list",
            "--all",
            "--page-size",
            "20",
            "-o",
            "ndjson",
        ]);
        run.expect(8);
        assert!(
            run.stderr.contains("kept repeating chats"),
            "{gw}: {}",
            run.stderr
        );
        // The first page was printed before the error; nothing twice.
        let ids = run.ids();
        assert_eq!(ids.len(), 20, "{gw}");
        assert!(
            env.journal().len() <= 2 + 4,
            "{gw}: {} requests",
            env.journal().len()
        );
    }
}

#[test]
fn oversized_page_is_exit_8_not_a_silent_short_list() {
    for &gw in PAGING.iter().chain(&["green-api"]) {
        let env = with_fault(gw, "oversized-pages");
        let args: &[&str] = if gw == "green-api" {
            &["chats", "list", "--limit", "5", "-o", "ndjson"]
        } else {
            &[
                "chats",
                "list",
                "--all",
                "--page-size",
                "10",
                "-o",
                "ndjson",
            ]
        };
        let run = env.run(args);
        run.expect(8);
        assert!(
            run.stderr.contains("ignored the page size"),
            "{gw}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{gw}: {}", run.stdout);
    }
}

#[test]
fn growing_total_still_lists_every_chat_once() {
    let env = with_fault("gowa", "growing-total");
    let run = env.run(&["chats", "list", "--all", "-o", "ndjson"]);
    run.expect(0);
    let mut ids = run.ids();
    assert_eq!(ids.len(), env.sandbox.chats().len());
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), env.sandbox.chats().len());
}

#[test]
fn paging_faults_are_set_from_the_command_line_and_the_control_endpoint() {
    use std::io::{Read, Write};
    let f = Faults::from_spec("repeat-pages, oversized-pages,growing-total").unwrap();
    assert!(f.paging.repeat && f.paging.oversized && f.paging.growing_total);
    let env = TestEnv::new().only(&["gowa"]);
    let mut conn = std::net::TcpStream::connect(env.sandbox.addr()).unwrap();
    write!(
        conn,
        "POST /_sandbox/faults HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nConnection: close\r\n\r\nrepeat-pages"
    )
    .unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    env.run(&["chats", "list", "--all"]).expect(8);
    // The command line names them among the valid faults.
    let run = env.run(&["sandbox", "--fault", "repeat-page"]);
    run.expect(2);
    assert!(
        run.stderr
            .contains("repeat-pages, oversized-pages, growing-total"),
        "{}",
        run.stderr
    );
}
