//! The layering of `lib.rs`'s architecture header, enforced: a module may
//! use `crate::X` only for an `X` below it in `LAYERS`, so no import cycle
//! between top-level modules can come back (config ↔ provider, provider →
//! output, sandbox → provider were all real once). Test-only.

/// Top to bottom, as `lib.rs` lists them; a module imports only later ones.
const LAYERS: &[&str] = &[
    "main", "command", "cli", "exit", "config", "store", "output", "provider", "sandbox",
    "gateways", "diag", "message", "chat", "time", "duration", "secret", "redact", "sanitize",
];

fn rank(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|m| *m == module)
        .unwrap_or_else(|| panic!("src/layers.rs: add `{module}` to LAYERS"))
}

/// Every `crate::NAME` in `text`, once each.
fn crate_refs(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .match_indices("crate::")
        .filter(|(i, _)| !text[..*i].ends_with('$'))
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_import_only_layers_below_them() {
    let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let top = relative.components().next().unwrap().as_os_str();
        let top = top.to_str().unwrap().trim_end_matches(".rs");
        if top == "lib" || top == "layers" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for target in crate_refs(&text) {
            if target.is_empty() {
                wrong.push(format!(
                    "{}: write `use crate::x::…` per module",
                    relative.display()
                ));
            } else if target != top && rank(target) <= rank(top) {
                wrong.push(format!("{} uses crate::{target}", relative.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}
