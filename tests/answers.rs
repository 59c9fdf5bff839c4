//! Quiet wrong answers (issue 9 items 19–23): filters a server ignores, cut
//! listings without a note, sort orders that differ per gateway, miscounted
//! merged views, and 404s read as "unsupported".

use crate::util::{OneAnswer, TestEnv};
use wa_inbox::sandbox::Faults;

// See: issue 9 item 19 — a GOWA older than v8.3.3 ignores `archived=true`, and
// every chat was printed as matching.
#[test]
fn gowa_archived_filter_is_applied_here_when_the_server_ignores_it() {
    let env = TestEnv::new().no_calls_expected();
    let with_field = OneAnswer::start(
        r#"{"code":"SUCCESS","results":{"data":[
            {"jid":"1@s.whatsapp.net","name":"Kept","archived":true},
            {"jid":"2@s.whatsapp.net","name":"Not archived","archived":false}],
            "pagination":{"limit":100,"offset":0,"total":2}}}"#,
    );
    let without_field = OneAnswer::start(
        r#"{"code":"SUCCESS","results":{"data":[{"jid":"1@s.whatsapp.net","name":"Old"}],
            "pagination":{"limit":100,"offset":0,"total":1}}}"#,
    );
    env.write_config(&format!(
        "[profiles.new]\nprovider = \"gowa\"\nbase_url = \"http://127.0.0.1:{}\"\n\n\
         [profiles.old]\nprovider = \"gowa\"\nbase_url = \"http://127.0.0.1:{}\"\n",
        with_field.port, without_field.port
    ));
    let run = env.run(&[
        "-p",
        "new",
        "chats",
        "list",
        "--archived",
        "true",
        "-o",
        "ndjson",
    ]);
    run.expect(0);
    assert_eq!(run.ids(), ["1@s.whatsapp.net"]);
    let run = env.run(&["-p", "old", "chats", "list", "--archived", "true"]);
    run.expect(9);
    assert!(
        run.stderr.contains("does not report whether chat"),
        "{}",
        run.stderr
    );
}

// See: issue 9 item 20 — Green API `--kind group --limit 2` printed 2 of 37 groups with no note.
#[test]
fn cut_single_call_listing_says_how_many_more_matched() {
    let env = TestEnv::new();
    let all = env.run(&[
        "-p",
        "green-api",
        "chats",
        "list",
        "--kind",
        "group",
        "--all",
        "-o",
        "ndjson",
    ]);
    all.expect(0);
    let groups = all.ndjson().len();
    assert!(groups > 2, "the sandbox has groups");
    let run = env.run(&[
        "-p",
        "green-api",
        "chats",
        "list",
        "--kind",
        "group",
        "--limit",
        "2",
        "-o",
        "ndjson",
    ]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), 2);
    assert!(
        run.stderr.contains(&format!(
            "{} more matching chats were left out by --limit",
            groups - 2
        )),
        "{}",
        run.stderr
    );
}

fn names_and_times(rows: &[serde_json::Value]) -> (Vec<Option<String>>, Vec<bool>) {
    (
        rows.iter()
            .map(|r| r["name"].as_str().map(str::to_lowercase))
            .collect(),
        rows.iter()
            .map(|r| r["last_activity_at"].is_null())
            .collect(),
    )
}

// See: issue 9 item 21 — chats without activity came first with `--order asc`
// on Wawp and WAHA, and unnamed chats first with `--sort name`.
#[test]
fn chats_without_the_sort_key_come_last_in_both_orders_on_every_gateway() {
    let env = TestEnv::new();
    for &gw in wa_inbox::gateways::NAMES {
        for order in ["asc", "desc"] {
            let run = env.run(&[
                "-p", gw, "chats", "list", "--all", "--sort", "activity", "--order", order, "-o",
                "ndjson",
            ]);
            run.expect(0);
            let (_, no_time) = names_and_times(&run.ndjson());
            let first_missing = no_time.iter().position(|m| *m).unwrap_or(no_time.len());
            assert!(
                no_time[first_missing..].iter().all(|m| *m),
                "{gw} --order {order}: a chat without activity before one with it"
            );
            let run = env.run(&[
                "-p", gw, "chats", "list", "--all", "--sort", "name", "--order", order, "-o",
                "ndjson",
            ]);
            run.expect(0);
            let (names, _) = names_and_times(&run.ndjson());
            let named: Vec<&String> = names.iter().map_while(|n| n.as_ref()).collect();
            assert!(
                names[named.len()..].iter().all(Option::is_none),
                "{gw} --sort name --order {order}: an unnamed chat before a named one"
            );
            let mut sorted = named.clone();
            sorted.sort();
            if order == "desc" {
                sorted.reverse();
            }
            assert_eq!(named, sorted, "{gw} --sort name --order {order}");
        }
    }
}

// See: issue 9 item 21 — `-p waha,evolution chats list --sort name --limit 3`
// returned only Evolution chats.
#[test]
fn merged_view_is_sorted_across_profiles_before_the_limit() {
    let env = TestEnv::new();
    let all = env.run(&[
        "-p",
        "waha,evolution",
        "chats",
        "list",
        "--all",
        "--sort",
        "name",
        "-o",
        "ndjson",
    ]);
    all.expect(0);
    let top = env.run(&[
        "-p",
        "waha,evolution",
        "chats",
        "list",
        "--sort",
        "name",
        "--limit",
        "3",
        "-o",
        "ndjson",
    ]);
    top.expect(0);
    let (all_names, _) = names_and_times(&all.ndjson());
    let (top_names, _) = names_and_times(&top.ndjson());
    assert_eq!(top_names, all_names[..3]);
    assert!(
        top.ndjson().iter().any(|r| r["profile"] == "waha"),
        "{}",
        top.stdout
    );
}

// See: issue 9 item 22 — the merged overview said "140 more matching chats were
// left out" when about 1,900 were.
#[test]
fn merged_overview_counts_what_it_left_out() {
    let env = TestEnv::new();
    let run = env.run(&[
        "--all-profiles",
        "chats",
        "overview",
        "--limit",
        "20",
        "-o",
        "ndjson",
    ]);
    run.expect(0);
    assert_eq!(run.ndjson().len(), 20);
    assert!(
        run.stderr.contains("at least ") && run.stderr.contains("have more not counted"),
        "{}",
        run.stderr
    );
    // Every profile sorted here over all its chats: the count is exact.
    let count = |p: &str| {
        env.run(&["-p", p, "chats", "list", "--all", "-o", "ndjson"])
            .ndjson()
            .len()
    };
    let total = count("gowa") + count("evolution");
    let run = env.run(&[
        "-p",
        "gowa,evolution",
        "chats",
        "list",
        "--sort",
        "name",
        "--limit",
        "5",
        "-o",
        "ndjson",
    ]);
    run.expect(0);
    assert!(
        run.stderr.contains(&format!(
            "{} more matching chats were left out by --limit",
            total - 5
        )),
        "{}",
        run.stderr
    );
}

// See: issue 9 item 23 — every 404 on WAHA's overview was reported as
// "unsupported", a wrong base_url included.
#[test]
fn waha_overview_404_on_a_wrong_url_is_a_config_error_not_unsupported() {
    let env = TestEnv::new().only(&["waha"]);
    env.edit_config(|t| t.replace("/waha\"", "/wahaa\""));
    let run = env.run(&["chats", "overview"]);
    run.expect(3);
    assert!(!run.stderr.contains("no /chats/overview"), "{}", run.stderr);
    env.edit_config(|t| t.replace("/wahaa\"", "/waha\""));
    env.sandbox
        .set_faults(Faults::from_spec("fail=1:404").unwrap());
    let run = env.run(&["chats", "overview"]);
    run.expect(3);
    assert!(!run.stderr.contains("no /chats/overview"), "{}", run.stderr);
}
