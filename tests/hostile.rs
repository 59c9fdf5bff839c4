//! Hostile answers just under `max_body_size` (issue 9, item 3): a 60 MiB
//! array of `{}`, Wawp's keyed overview of them, GOWA with 2.4 million tiny
//! chats. Each is refused at the page size (exit 8) with a peak RSS far under
//! 256 MiB, read here from the child's own resource usage.

use std::io::Write;
use std::process::Stdio;

use crate::util::TestEnv;

/// 60 MiB: just under the default `max_body_size` of 64 MiB.
const SIZE: usize = 60 << 20;
const TARGET_KIB: i64 = 256 * 1024;

/// Answers every request on a loopback port with the file at `body`, streamed
/// (so this process stays small: a forked child's peak RSS counts it).
fn serve(body: std::path::PathBuf) -> u16 {
    crate::util::serve_each(move |conn| {
        let Ok(mut file) = std::fs::File::open(&body) else {
            return;
        };
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let _ = write!(
            conn,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len}\r\nconnection: close\r\n\r\n"
        );
        let _ = std::io::copy(&mut file, conn);
    })
}

/// Write `head`, then records from `record(i)` joined by commas until about
/// `SIZE` bytes, then `tail`, to `path`; returns the number of records.
fn write_body(
    path: &std::path::Path,
    head: &str,
    record: impl Fn(usize) -> String,
    tail: &str,
) -> usize {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let (mut written, mut n) = (head.len(), 0);
    out.write_all(head.as_bytes()).unwrap();
    while written < SIZE {
        let rec = record(n);
        if n > 0 {
            out.write_all(b",").unwrap();
        }
        out.write_all(rec.as_bytes()).unwrap();
        written += rec.len() + 1;
        n += 1;
    }
    out.write_all(tail.as_bytes()).unwrap();
    out.flush().unwrap();
    n
}

/// Run the binary with `profile` (a `[profiles.h]` body, `PORT` filled in)
/// against the answer in `body`: its exit code, stderr and peak RSS in KiB.
fn run_hostile(
    env: &TestEnv,
    profile: &str,
    body: std::path::PathBuf,
    args: &[&str],
) -> (i32, String, i64) {
    let port = serve(body);
    env.write_config(&format!(
        "[profiles.h]\n{}",
        profile.replace("PORT", &port.to_string())
    ));
    let err_path = env.dir.path().join("stderr");
    let mut cmd = env.cmd(args);
    cmd.stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap());
    // Reaped by wait4 below, which also reports its resource usage.
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().unwrap();
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    // SAFETY: waits for our own child, with valid pointers for its status and usage.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let stderr = std::fs::read_to_string(err_path).unwrap();
    (code, stderr.trim().to_owned(), usage.ru_maxrss)
}

#[test]
fn hostile_60_mib_answers_are_refused_at_the_page_size_under_256_mib_rss() {
    let env = TestEnv::new().no_calls_expected();
    let dir = env.dir.path();
    let cases: [(&str, &str, &[&str]); 3] = [
        (
            "provider = \"waha\"\nbase_url = \"http://127.0.0.1:PORT\"\napi_key = \"hostile-key-1\"\nengine = \"WEBJS\"",
            "waha",
            &["chats", "list"],
        ),
        (
            "provider = \"wawp\"\nbase_url = \"http://127.0.0.1:PORT\"\ninstance_id = \"1\"\naccess_token = \"hostile-token-1\"",
            "wawp",
            &["chats", "overview"],
        ),
        (
            "provider = \"gowa\"\nbase_url = \"http://127.0.0.1:PORT\"",
            "gowa",
            &["chats", "list", "--all"],
        ),
    ];
    for (profile, gateway, args) in cases {
        let body = dir.join(gateway);
        match gateway {
            "waha" => write_body(&body, "[", |_| "{}".to_owned(), "]"),
            "wawp" => write_body(&body, "{", |i| format!("\"{i}\":{{}}"), "}"),
            _ => {
                let n = write_body(
                    &body,
                    r#"{"code":"SUCCESS","results":{"data":["#,
                    |i| format!(r#"{{"jid":"{i}@g.us"}}"#),
                    r#"],"pagination":{"total":2500000}}}"#,
                );
                assert!(n > 2_400_000, "{n} chats");
                n
            }
        };
        let (code, stderr, peak_kib) = run_hostile(&env, profile, body, args);
        assert_eq!(code, 8, "{profile}: {stderr}");
        assert!(
            stderr.contains("ignored the page size: asked for"),
            "{stderr}"
        );
        assert!(
            peak_kib < TARGET_KIB,
            "{profile}: peak RSS {} MiB",
            peak_kib / 1024
        );
        eprintln!("{args:?}: peak RSS {} MiB", peak_kib / 1024);
    }
}
