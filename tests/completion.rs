//! Completion in the real shells, from the files the README installs: bash
//! with bash-completion loaded, zsh with compinit, fish's own engine — at
//! depth 2 (`chats <Tab>`) and 3 (`chats list --ki<Tab>`, `--kind <Tab>`), and
//! profile names from the config file (`-p <Tab>`) or of the demo (`--demo -p`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::tmux::{available, quote, Tmux};

const BASH_COMPLETION: &str = "/usr/share/bash-completion/bash_completion";

/// A fresh HOME with a config of two profiles and `file` of `completions/`
/// installed at `dest` (relative to HOME), as the README says.
struct Home {
    dir: tempfile::TempDir,
    path: String,
}

impl Home {
    fn new(file: &str, dest: &str) -> Home {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join(".config/wa-inbox");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(
            config.join("config.toml"),
            "[profiles.home]\nprovider = \"gowa\"\n\n[profiles.shop]\nprovider = \"wawp\"\n\
             instance_id = \"1\"\naccess_token = { env = \"T\" }\n",
        )
        .unwrap();
        let target = dir.path().join(dest);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let script = format!("{}/completions/{file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(script, target).unwrap();
        // The built wa-inbox first on PATH, as `cargo install` would put it.
        let bin = Path::new(env!("CARGO_BIN_EXE_wa-inbox")).parent().unwrap();
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Home { dir, path }
    }

    fn home(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.home().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    /// `program args…` in this HOME with only HOME and PATH set; its stdout.
    fn output(&self, program: &str, args: &[&str]) -> String {
        let out = Command::new(program)
            .args(args)
            .env_clear()
            .env("HOME", self.home())
            .env("PATH", &self.path)
            .current_dir(self.home())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn tmux(&self, shell: &str) -> Option<Tmux> {
        let path = PathBuf::from(&self.path);
        Tmux::start(
            &format!("sh -c {}", quote(&format!("cd ~ && exec {shell}"))),
            &[("HOME", self.home()), ("PATH", &path)],
            200,
            50,
        )
    }
}

/// Type `line`, press Tab `tabs` times, and wait until the screen shows `want`.
fn complete(t: &Tmux, line: &str, tabs: usize, want: &[&str]) -> String {
    t.send(&["C-u", "C-l"]);
    t.type_text(line);
    for _ in 0..tabs {
        t.send(&["Tab"]);
    }
    t.wait_for(&format!("{want:?} after {line:?}"), |s| {
        want.iter().all(|w| s.contains(w))
    })
}

/// Depth 1 to 3 and the profile names; `list_tabs` Tabs show a list (bash
/// needs two, zsh one).
fn every_depth(t: &Tmux, list_tabs: usize) {
    let cases: [(&str, usize, &[&str]); 6] = [
        ("wa-inbox ch", 1, &["wa-inbox chats"]),
        (
            "wa-inbox chats ",
            list_tabs,
            &["overview", "unread", "--profile"],
        ),
        (
            "wa-inbox chats list --ki",
            1,
            &["wa-inbox chats list --kind"],
        ),
        (
            "wa-inbox chats list --kind ",
            list_tabs,
            &["direct", "broadcast"],
        ),
        ("wa-inbox -p ", list_tabs, &["home", "shop"]),
        ("wa-inbox --demo -p waha-", 1, &["-p waha-noweb"]),
    ];
    for (line, tabs, want) in cases {
        complete(t, line, tabs, want);
    }
}

#[test]
fn bash_completes_subcommands_options_values_and_profiles_at_every_depth() {
    if !available("bash") || !available("tmux") {
        return;
    }
    if !Path::new(BASH_COMPLETION).exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "bash-completion missing in CI"
        );
        eprintln!("\n!!! SKIPPED: bash-completion is not installed here; CI runs this test !!!\n");
        return;
    }
    let home = Home::new(
        "wa-inbox.bash",
        ".local/share/bash-completion/completions/wa-inbox",
    );
    home.write(".bashrc", &format!("source {BASH_COMPLETION}\nPS1='$ '\n"));
    let Some(t) = home.tmux("bash --noprofile -i") else {
        return;
    };
    t.wait_for("the prompt", |s| s.contains('$'));
    every_depth(&t, 2);
}

/// The same through bash's programmable-completion interface, without a
/// terminal: `complete -p` names the function, called with COMP_WORDS.
#[test]
fn bash_complete_function_answers_at_depth_2_and_3() {
    if !available("bash") || !Path::new(BASH_COMPLETION).exists() {
        return;
    }
    let home = Home::new(
        "wa-inbox.bash",
        ".local/share/bash-completion/completions/wa-inbox",
    );
    let script = home.write(
        "t.sh",
        &format!(
            r#"source {BASH_COMPLETION}
__load_completion wa-inbox || exit 3
fn=$(complete -p wa-inbox | sed -E 's/.* -F ([^ ]+) .*/\1/')
t() {{ COMP_WORDS=("$@"); COMP_CWORD=$(($#-1)); COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}
  COMPREPLY=(); "$fn" wa-inbox "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
  echo "$*|${{COMPREPLY[*]}}"; }}
t wa-inbox chats ""
t wa-inbox chats list --ki
t wa-inbox chats unread --kind ""
t wa-inbox -p ""
t wa-inbox --demo -p gr
t wa-inbox profiles a
t wa-inbox profiles add --instance-i
t wa-inbox profiles add --provider gr
"#
        ),
    );
    let text = home.output("bash", &[script.to_str().unwrap()]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("wa-inbox chats |list overview unread waiting read help --profile"),
        "{text}"
    );
    assert_eq!(lines[1], "wa-inbox chats list --ki|--kind");
    assert_eq!(
        lines[2],
        "wa-inbox chats unread --kind |direct group channel broadcast status other"
    );
    assert_eq!(lines[3], "wa-inbox -p |home shop");
    assert_eq!(lines[4], "wa-inbox --demo -p gr|green-api");
    // `profiles add` and its flags made from the gateways' keys.
    assert_eq!(lines[5], "wa-inbox profiles a|add");
    assert_eq!(lines[6], "wa-inbox profiles add --instance-i|--instance-id");
    assert_eq!(lines[7], "wa-inbox profiles add --provider gr|green-api");
}

#[test]
fn zsh_completes_from_underscore_file_on_fpath_at_every_depth() {
    if !available("zsh") {
        return;
    }
    let home = Home::new("_wa-inbox", ".zfunc/_wa-inbox");
    home.write(
        ".zshrc",
        "fpath=(~/.zfunc $fpath)\nautoload -Uz compinit && compinit -u\nPS1='%% '\n",
    );
    let Some(t) = home.tmux("zsh -i") else {
        return;
    };
    t.wait_for("the prompt", |s| s.contains('%'));
    // The first Tab of the session already completes (the autoloaded file runs).
    every_depth(&t, 1);
}

/// fish's own completion engine (`complete --do-complete`), loading the file
/// from `~/.config/fish/completions/`.
#[test]
fn fish_completes_at_every_depth_and_no_file_names_for_output_or_color() {
    if !available("fish") {
        return;
    }
    let home = Home::new("wa-inbox.fish", ".config/fish/completions/wa-inbox.fish");
    // Files that fish would offer if it fell back to file names.
    home.write("table-file", "");
    home.write("never-file", "");
    let ask = |line: &str| -> Vec<String> {
        // fish's default fish_complete_path starts with ~/.config/fish/completions.
        home.output(
            "fish",
            &["-c", &format!("complete --do-complete {}", quote(line))],
        )
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect()
    };
    let words = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let subs = ask("wa-inbox chats ");
    assert!(
        subs.starts_with(&words(&["list", "overview", "unread"])),
        "{subs:?}"
    );
    assert_eq!(ask("wa-inbox chats list --ki"), words(&["--kind"]));
    assert_eq!(
        ask("wa-inbox chats list --kind "),
        words(&["direct", "group", "channel", "broadcast", "status", "other"])
    );
    assert_eq!(
        ask("wa-inbox -o "),
        words(&["table", "json", "ndjson", "csv", "tsv"])
    );
    assert_eq!(ask("wa-inbox --output t"), words(&["table", "tsv"]));
    assert_eq!(
        ask("wa-inbox --color "),
        words(&["auto", "always", "never"])
    );
    assert_eq!(ask("wa-inbox -p "), words(&["home", "shop"]));
    assert_eq!(
        ask("wa-inbox --demo -p wawp"),
        words(&["wawp", "wawp-array"])
    );
    assert_eq!(
        ask("wa-inbox profiles add --access-token-e"),
        words(&["--access-token-env"])
    );
}
