//! Long help texts of the command line that are not one doc comment: where
//! completion files go, and the gateway lists of `--version` and `--demo`.

/// Where each shell loads a completion script from (README "Install" says the same).
pub const COMPLETIONS_HELP: &str = "\
Where each file goes (create the folder first with mkdir -p):
  bash        ~/.local/share/bash-completion/completions/wa-inbox   (needs the bash-completion package)
  zsh         ~/.zfunc/_wa-inbox, with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc
  fish        ~/.config/fish/completions/wa-inbox.fish
  powershell  a file such as wa-inbox.ps1, dot-sourced from $PROFILE
  elvish      ~/.config/elvish/lib/wa-inbox.elv, then `use wa-inbox` in rc.elv
Profile names after -p are completed from the config file (gateway names after --demo).
Example: wa-inbox completions zsh > ~/.zfunc/_wa-inbox";

/// How `profiles add` works on and off a terminal.
pub const ADD_HELP: &str = "\
On a terminal (stdin and stderr), it asks for whatever the flags leave out: the name, the gateway,
its URL and keys, and where each secret comes from (an environment variable, a command, a file,
or typed in hidden and stored in plain text in the config file). Elsewhere it never asks: the
flags must give everything the gateway needs, and a secret comes from --KEY-env, --KEY-command
or --KEY-file (its value is never taken from the command line, where ps shows it).
Before saving, it checks the profile as `profiles check` does (resolves its secrets, makes one
call); a failing check writes nothing and exits with the check's code, unless --no-check.
The file (mode 600) and its folders are created when missing; comments and other profiles stay.
Example: wa-inbox profiles add shop --provider wawp --instance-id 123 --access-token-env WAWP_TOKEN";

/// `--version` and `--demo`'s help name every gateway of the registry.
macro_rules! gateway_texts {
    (() $first:ident $first_name:literal $fp:ident $fs:ident;
        $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
        pub const LONG_VERSION: &str = concat!(
            env!("CARGO_PKG_VERSION"),
            "\ngateways: ", $first_name $(, ", ", $name)*,
            "\nfeatures: rustls TLS, sandbox emulator (--demo), output table/json/ndjson/csv/tsv",
            "\nrecord schemas: chat v1, message v1 (wa-inbox schema chat|message)"
        );
        pub const DEMO_HELP: &str = concat!(
            "Run against the built-in gateway emulator, no account needed (`-p` picks a gateway: ",
            $first_name $(, ", ", $name)*,
            ")"
        );
    };
}
crate::gateways::gateways!(gateway_texts);
