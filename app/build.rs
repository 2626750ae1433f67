//! Embeds the portal's own guides and FAQ (`content/`) and the law texts they cite
//! (`content/statutes/`) so the server can seed them on a fresh database wherever it runs.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut out = String::new();
    embed(
        &mut out,
        "CONTENT",
        "every Markdown file under `content/`",
        &[dir.clone(), dir.join("guides")],
    );
    // The laws the guides cite, imported into the statute library of a demo database. Laws and
    // regulations are not subject to copyright (著作权法 第五条).
    embed(
        &mut out,
        "STATUTES",
        "every law text under `content/statutes/`",
        &[dir.join("statutes")],
    );
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("content.rs");
    std::fs::write(target, out).expect("write content.rs");
}

/// Writes `pub const {name}: &[(&str, &str)]`: (file name, text) of the Markdown files in
/// `dirs`, sorted by path, each watched for changes.
fn embed(out: &mut String, name: &str, what: &str, dirs: &[PathBuf]) {
    let mut files = Vec::new();
    for d in dirs {
        println!("cargo:rerun-if-changed={}", d.display());
        if let Ok(entries) = std::fs::read_dir(d) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "md")),
            );
        }
    }
    files.sort();
    let _ = writeln!(out, "/// (file name, text) of {what}.");
    let _ = writeln!(out, "pub const {name}: &[(&str, &str)] = &[");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
}
