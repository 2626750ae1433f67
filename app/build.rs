//! Embeds the portal's own guides and FAQ (`content/`) and the law texts they cite
//! (`content/statutes/`) so the server can seed them on a fresh database wherever it runs.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for sub in ["", "guides"] {
        let d = dir.join(sub);
        println!("cargo:rerun-if-changed={}", d.display());
        if let Ok(entries) = std::fs::read_dir(&d) {
            for e in entries.flatten() {
                let path = e.path();
                if path.extension().is_some_and(|x| x == "md") {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    let mut out = String::from("/// (file name, text) of every Markdown file under `content/`.\n");
    out.push_str("pub const CONTENT: &[(&str, &str)] = &[\n");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    // The laws the guides cite, imported into the statute library of a demo database. Laws and
    // regulations are not subject to copyright (著作权法 第五条).
    let statutes = dir.join("statutes");
    println!("cargo:rerun-if-changed={}", statutes.display());
    let mut laws: Vec<_> = std::fs::read_dir(&statutes)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    laws.sort();
    out.push_str("/// (file name, text) of every law text under `content/statutes/`.\n");
    out.push_str("pub const STATUTES: &[(&str, &str)] = &[\n");
    for path in laws {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("content.rs");
    std::fs::write(target, out).expect("write content.rs");
}
