//! `wa-inbox man DIR` writes one page that `man` renders, and that answers
//! "what does exit 6 mean" and "where is the config".

use std::process::Command;

use crate::util::tmux::available;
use crate::util::TestEnv;

#[test]
fn man_page_renders_and_answers_exit_6_and_where_the_config_is() {
    let env = TestEnv::new().no_calls_expected();
    let dir = env.dir.path().join("man1");
    std::fs::create_dir_all(&dir).unwrap();
    env.run(&["man", dir.to_str().unwrap()]).expect(0);
    let page = dir.join("wa-inbox.1");
    let roff = std::fs::read_to_string(&page).unwrap();
    assert!(
        !roff.contains("wa\\-inbox\\-chats(1)"),
        "refers to a page never written"
    );
    if !available("man") {
        return;
    }
    let out = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exit = text
        .split("EXIT STATUS")
        .nth(1)
        .expect("an EXIT STATUS section");
    let six = exit
        .lines()
        .find(|l| l.trim_start().starts_with("6 "))
        .expect("exit 6");
    assert!(six.contains("rate-limited"), "{six}");
    let files = text.split("\nFILES").nth(1).expect("a FILES section");
    assert!(files.contains("~/.config/wa-inbox/config.toml"), "{files}");
    for section in [
        "ENVIRONMENT",
        "CONFIGURATION",
        "EXAMPLES",
        "wa-inbox chats unread",
        // `profiles add` with a flag made from a gateway's keys.
        "wa-inbox profiles add",
        "--access-token-env",
    ] {
        assert!(text.contains(section), "{section}");
    }
}
