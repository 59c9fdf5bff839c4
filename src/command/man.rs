//! `wa-inbox man [DIR]`: one complete man page, to stdout or DIR/wa-inbox.1.
//! clap_mangen renders the name, synopsis, description and every command's
//! options (one page, so it refers to no wa-inbox-chats(1) that is never
//! written); the sections a reader looks for — EXIT STATUS, ENVIRONMENT,
//! FILES, CONFIGURATION, EXAMPLES — are written here.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::exit::Exit;

pub fn run(dir: Option<&Path>) -> anyhow::Result<Exit> {
    let page = page()?;
    match dir {
        Some(dir) => {
            let path = dir.join("wa-inbox.1");
            std::fs::write(&path, page).with_context(|| {
                format!("cannot write {} (does the folder exist?)", path.display())
            })?;
        }
        None => {
            let mut out = crate::output::stdout();
            out.write_all(&page)?;
            out.flush()?;
        }
    }
    Ok(Exit::Ok)
}

/// The whole page, in roff.
pub fn page() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    page.extend_from_slice(b".SH COMMANDS\n");
    for (path, sub) in leaves(&cmd, "wa-inbox") {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(page, ".SS \"{path}\"\n{}", escape(&about))?;
        let mut options = Vec::new();
        clap_mangen::Man::new(sub.clone()).render_options_section(&mut options)?;
        let options = String::from_utf8_lossy(&options);
        // Its own options only: the global ones are listed once above.
        let own = options.split(".SH \"GLOBAL OPTIONS\"").next().unwrap_or("");
        page.extend_from_slice(subheadings(&own.replace(".SH OPTIONS\n", "")).as_bytes());
    }
    page.extend_from_slice(SECTIONS.as_bytes());
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// A command's own help headings (`profiles add`'s gateway keys) as
/// paragraphs inside its section, not as sections of the page.
fn subheadings(options: &str) -> String {
    let lines = options.lines().map(|line| match line.strip_prefix(".SH ") {
        Some(title) => {
            let title = title.trim_matches('"').to_lowercase();
            let mut chars = title.chars();
            let title: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            format!(".PP\n\\fI{title}\\fR")
        }
        None => line.to_owned(),
    });
    lines.map(|l| l + "\n").collect()
}

/// Every command that does something (`chats list`, not `chats`), with its path.
fn leaves(cmd: &clap::Command, path: &str) -> Vec<(String, clap::Command)> {
    let mut out = Vec::new();
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let here = format!("{path} {}", sub.get_name());
        if sub.has_subcommands() {
            out.extend(leaves(sub, &here));
        } else {
            out.push((here, sub.clone()));
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('-', "\\-")
}

/// The hand-written sections (roff).
const SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
ok
.TP
\fB1\fR
nothing matched (only with \fB\-\-exit\-status\fR)
.TP
\fB2\fR
usage: a bad option or value, or one the gateway cannot honour
.TP
\fB3\fR
config or profile: missing or malformed config file, unknown profile, plain http to a remote host, a redirect, a bad \fBca_file\fR
.TP
\fB4\fR
authentication or permission refused by the gateway
.TP
\fB5\fR
instance, session or device not found or not ready
.TP
\fB6\fR
rate\-limited or quota exhausted, after the retries (\fB\-\-retries\fR)
.TP
\fB7\fR
network: connection refused, DNS, TLS, a timeout, an answer cut short, or the gateway's 5xx; also \fBsandbox\fR when its port is in use
.TP
\fB8\fR
unreadable response: not the JSON the gateway documents, or over \fBmax_body_size\fR
.TP
\fB9\fR
not supported by this gateway (e.g. \fBchats unread\fR where the gateway cannot count unread messages)
.TP
\fB10\fR
anything else (e.g. the gateway refused the request as invalid)
.TP
\fB130\fR
stopped with Ctrl\-C at a question of \fBprofiles add\fR (nothing is written)
.PP
With several profiles, the exit status is the first failing profile's.
.SH ENVIRONMENT
.TP
\fBWA_INBOX_PROFILE\fR
profile(s), like \fB\-p\fR; empty means unset
.TP
\fBWA_INBOX_CONFIG\fR
config file, like \fB\-c\fR
.TP
\fBWA_INBOX_OUTPUT\fR
output format, like \fB\-o\fR
.TP
\fBWA_INBOX_FORCE_TTY=1\fR
treat stdout as a terminal (the table, colour and widths through a pager)
.TP
\fBCOLUMNS\fR
the width tables fit into (else the terminal's, else 120)
.TP
\fBNO_COLOR\fR, \fBTERM=dumb\fR
no colour under \fB\-\-color auto\fR
.TP
\fBXDG_CONFIG_HOME\fR, \fBHOME\fR
where the config file is looked for
.TP
\fBSSL_CERT_FILE\fR, \fBSSL_CERT_DIR\fR
the system's trusted certificates (added to the bundled ones)
.TP
\fBWA_INBOX_COMPLETE\fR
set by the shell completion scripts; not for people
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/wa\-inbox/config.toml\fR, else \fI~/.config/wa\-inbox/config.toml\fR
the config file (on macOS and Windows, the platform's config folder if neither exists);
\fB\-c\fR or \fBWA_INBOX_CONFIG\fR overrides it. Keep it \fBchmod 600\fR when it holds secrets.
.SH CONFIGURATION
\fBwa\-inbox profiles add\fR writes a profile: on a terminal it asks for the gateway, its URL
and keys, and where each secret comes from; elsewhere it takes them from its flags. It checks
the profile with one call before saving. The config file is TOML with one table per profile:
.PP
.nf
.RS
default_profile = "team"

[profiles.team]
provider = "whatsapp\-gateway"
base_url = "https://wa.example.com"
session = "sess_01J9ZX8K2QHV0M3T6R7P4N5W8C"
token = { env = "WA_TOKEN" }
ca_file = "~/.config/wa\-inbox/lan\-ca.pem"
.RE
.fi
.PP
\fBprovider\fR is one of gowa, wawp, green\-api, whatsapp\-gateway, waha, evolution.
Every profile may set \fBdefault\fR, \fBtimeout\fR, \fBretries\fR, \fBconcurrency\fR,
\fBmax_body_size\fR, \fBallow_insecure_http\fR and \fBca_file\fR (a PEM bundle of the CAs to
trust for this gateway). A secret (\fBpassword\fR, \fBtoken\fR, \fBaccess_token\fR,
\fBapi_token_instance\fR, \fBapi_key\fR) is a string or
\fB{ env = "VAR" }\fR, \fB{ command = "pass show x" }\fR or \fB{ file = "~/path" }\fR.
Unknown keys are refused. The default profile is the one with \fBdefault = true\fR, else
\fBdefault_profile\fR, else the only one. The README lists each gateway's keys.
.SH EXAMPLES
.TP
\fBwa\-inbox \-\-demo chats overview\fR
the built\-in sandbox: see it work without an account
.TP
\fBwa\-inbox chats unread \-\-older\-than 2h\fR
who has waited more than two hours
.TP
\fBwa\-inbox chats list \-\-all \-o ndjson > chats.ndjson\fR
every chat, one JSON object per line
.TP
\fBwa\-inbox \-\-all\-profiles chats unread \-\-all \-o csv\fR
unread chats of every number, for a spreadsheet
.TP
\fBwa\-inbox \-q chats unread \-\-count\fR
"3\et17": chats and messages waiting, for a status bar
.TP
\fBwa\-inbox watch \-\-incoming \-o ndjson\fR
each new message from others, one JSON record per line, until Ctrl\-C
.TP
\fBwa\-inbox watch \-\-exec 'jq \-r .text >> ~/wa.log'\fR
run a command per new message, the record as JSON on its stdin
.TP
\fBwa\-inbox chats read alice \-\-dry\-run\fR
the requests that would mark the chat read (read receipts on most gateways); sends none
.TP
\fBwa\-inbox profiles add\fR
add a profile, answering questions (checked before it is saved)
.TP
\fBwa\-inbox profiles add shop \-\-provider wawp \-\-instance\-id 123 \-\-access\-token\-env WAWP_TOKEN\fR
the same from a script: every value from flags, a secret from a variable, a command or a file
.TP
\fBwa\-inbox profiles check\fR
are the credentials right?
.TP
\fBwa\-inbox sandbox \-\-port 0 > s.toml\fR
serve the emulator; s.toml is a config for it
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_with_every_command_and_no_missing_pages() {
        let text = String::from_utf8(page().unwrap()).unwrap();
        for part in [
            ".SS \"wa-inbox chats list\"",
            ".SS \"wa-inbox profiles check\"",
            ".SS \"wa-inbox profiles add\"",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH CONFIGURATION",
            ".SH EXAMPLES",
            "\\-\\-older\\-than",
        ] {
            assert!(text.contains(part), "{part}");
        }
        assert!(!text.contains("wa-inbox-chats(1)") && !text.contains("wa\\-inbox\\-chats(1)"));
        // A command's help heading stays inside its section.
        assert!(!text.contains(".SH \"GATEWAY KEYS"), "a section of its own");
        for code in 0..=10 {
            assert!(text.contains(&format!("\\fB{code}\\fR\n")), "exit {code}");
        }
    }
}
