//! Secret sources: every kind resolves; commands and files never hang, never
//! exhaust memory, and fail naming the key, the timeout or the cause.

use std::time::{Duration, Instant};

use super::*;

const T: Duration = Duration::from_secs(10);

fn src(toml_value: &str) -> Result<SecretSource, String> {
    #[derive(Debug, Deserialize)]
    struct W {
        #[allow(dead_code)]
        s: SecretSource,
    }
    toml::from_str::<W>(&format!("s = {toml_value}"))
        .map(|w| w.s)
        .map_err(|e| e.message().to_owned())
}

fn resolve(toml_value: &str, dir: &Path, timeout: Duration) -> Result<String, String> {
    src(toml_value)
        .unwrap()
        .resolve("token", dir, timeout)
        .map(|s| s.expose().to_owned())
}

#[test]
fn secret_never_prints() {
    let s = Secret::new("hunter2");
    assert_eq!(format!("{s} {s:?}"), "*** ***");
    assert_eq!(s.expose(), "hunter2");
    let l = src("\"hunter2\"").unwrap();
    assert!(!format!("{l:?}").contains("hunter2"));
}

#[test]
fn literal_env_command_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(resolve("\"abc\"", d, T).unwrap(), "abc");
    std::env::set_var("WA_INBOX_TEST_SECRET_ENV", "from-env");
    assert_eq!(
        resolve("{ env = \"WA_INBOX_TEST_SECRET_ENV\" }", d, T).unwrap(),
        "from-env"
    );
    let e = src("{ env = \"WA_INBOX_TEST_SECRET_ENV\" }").unwrap();
    assert_eq!(e.describe(), "env:WA_INBOX_TEST_SECRET_ENV");
    let missing = resolve("{ env = \"WA_INBOX_TEST_SECRET_UNSET\" }", d, T);
    assert!(missing.unwrap_err().contains("not set"));
    assert_eq!(
        resolve("{ command = \"printf '  from-cmd\\n'\" }", d, T).unwrap(),
        "from-cmd"
    );
    let err = resolve("{ command = \"echo leaked; exit 3\" }", d, T).unwrap_err();
    assert!(err.contains("exit 3") && !err.contains("leaked"), "{err}");
    std::fs::write(d.join("key.txt"), "from-file\n").unwrap();
    assert_eq!(
        resolve("{ file = \"key.txt\" }", d, T).unwrap(),
        "from-file"
    );
    assert!(resolve("{ file = \"nope.txt\" }", d, T)
        .unwrap_err()
        .contains("cannot read"));
    assert!(resolve("\"\"", d, T).is_err());
}

#[test]
fn command_secret_is_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let v = resolve(
        "{ command = \"printf 'pw-1\\nlogin: me\\nurl: x\\n'\" }",
        dir.path(),
        T,
    );
    assert_eq!(v.unwrap(), "pw-1");
}

#[test]
fn secret_with_a_newline_or_control_character_is_refused_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("two"), "line-one\nline-two\n").unwrap();
    std::env::set_var("WA_INBOX_TEST_SECRET_CTRL", "ab\u{1}cd");
    for value in [
        "\"ab\\ncd\"",
        "\"tab\\tbed\"",
        "{ file = \"two\" }",
        "{ env = \"WA_INBOX_TEST_SECRET_CTRL\" }",
        "{ command = \"printf 'a\\\\033[31mb'\" }",
    ] {
        let e = resolve(value, d, T).unwrap_err();
        assert!(
            e.starts_with("`token`") && e.contains("control character"),
            "{value}: {e}"
        );
    }
}

#[test]
fn secret_table_takes_exactly_one_known_key() {
    let e = src("{ env = \"K\", fiel = \"x\" }").unwrap_err();
    assert!(
        e.contains("unknown key `fiel`") && e.contains("`env`, `command` or `file`"),
        "{e}"
    );
    let e = src("{ file = \"a\", env = \"B\" }").unwrap_err();
    assert!(e.contains("not both `file` and `env`"), "{e}");
    let e = src("{ }").unwrap_err();
    assert!(e.contains("empty secret table"), "{e}");
    let e = src("{ comand = \"pass show x\" }").unwrap_err();
    assert!(!e.contains("untagged"), "{e}");
    assert_eq!(
        src("{ file = \"k\" }").unwrap(),
        SecretSource::File { file: "k".into() }
    );
}

#[cfg(unix)]
mod unix {
    use super::*;

    fn alive(pid_file: &Path) -> bool {
        let pid = std::fs::read_to_string(pid_file).unwrap();
        std::path::Path::new(&format!("/proc/{}", pid.trim())).exists()
            && !std::fs::read_to_string(format!("/proc/{}/stat", pid.trim()))
                .unwrap_or_default()
                .contains(") Z ")
    }

    #[test]
    fn slow_secret_command_is_killed_with_its_group_at_the_timeout() {
        let dir = tempfile::tempdir().unwrap();
        let pid = dir.path().join("pid");
        let cmd = format!(
            "{{ command = \"sleep 1000 & echo $! > '{}'; wait\" }}",
            pid.display()
        );
        let started = Instant::now();
        let e = resolve(&cmd, dir.path(), Duration::from_secs(1)).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(
            e.starts_with("`token`: its command did not finish within 1s"),
            "{e}"
        );
        assert!(e.contains("`timeout`"), "{e}");
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            !alive(&pid),
            "the command's background child was left running"
        );
    }

    #[test]
    fn secret_command_whose_background_child_keeps_stdout_open_does_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        let pid = dir.path().join("pid");
        let cmd = format!(
            "{{ command = \"echo tok; (sleep 1000 & echo $! > '{}')\" }}",
            pid.display()
        );
        let started = Instant::now();
        assert_eq!(resolve(&cmd, dir.path(), T).unwrap(), "tok");
        assert!(started.elapsed() < Duration::from_secs(3));
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            !alive(&pid),
            "the leftover background child was left running"
        );
    }

    #[test]
    fn secret_from_a_fifo_without_writer_gives_up_at_the_timeout() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let started = Instant::now();
        let e = resolve("{ file = \"fifo\" }", dir.path(), Duration::from_secs(1)).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(e.contains("did not finish within 1s"), "{e}");
    }

    #[test]
    fn secret_over_64_kib_is_refused_without_reading_it_all() {
        let dir = tempfile::tempdir().unwrap();
        let big = std::fs::File::create(dir.path().join("big")).unwrap();
        big.set_len(1 << 30).unwrap(); // 1 GiB, sparse
        let started = Instant::now();
        let e = resolve("{ file = \"big\" }", dir.path(), T).unwrap_err();
        assert!(e.contains("more than 64 KiB"), "{e}");
        let e = resolve("{ command = \"yes tok\" }", dir.path(), T).unwrap_err();
        assert!(e.contains("its command gave more than 64 KiB"), "{e}");
        assert!(started.elapsed() < Duration::from_secs(5));
        // Exactly at the cap is fine.
        let at_cap = format!("{{ command = \"head -c {MAX_BYTES} /dev/zero | tr '\\\\0' a\" }}");
        assert_eq!(resolve(&at_cap, dir.path(), T).unwrap().len(), MAX_BYTES);
    }

    #[test]
    fn failed_secret_command_shows_its_last_stderr_line_sanitised() {
        let dir = tempfile::tempdir().unwrap();
        let cmd = "{ command = \"echo first >&2; printf 'gpg: decryption failed: \\\\033[31mNo secret key\\\\n\\\\n' >&2; exit 2\" }";
        let e = resolve(cmd, dir.path(), T).unwrap_err();
        assert!(
            e.starts_with("`token`: its command failed (exit 2): gpg: decryption failed:"),
            "{e}"
        );
        assert!(
            e.ends_with("No secret key") && !e.contains('\u{1b}') && !e.contains("first"),
            "{e:?}"
        );
    }
}
