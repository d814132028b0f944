//! The house rules of `src/`, checked on the source itself: no file imports
//! a file that imports it back (no cycles through `use crate::…`,
//! `super::…`, `self::…` paths), no file over 600 lines, and the app's
//! `OrgevoApp` in at most three files with at most ten fields.
//!
//! A path resolves to the file of its longest module prefix; a re-export
//! (`pub use`) and a `mod` line are not uses; test modules at the end of a
//! file (`#[cfg(test)]`) are not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The files of a source tree: module path → (file, text).
type Tree = BTreeMap<Vec<String>, (PathBuf, String)>;

fn read_tree(root: &Path) -> Tree {
    let mut tree = Tree::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut module: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    module.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                tree.insert(module, (path, text));
            }
        }
    }
    tree
}

/// The code without comments, string contents and the trailing test module.
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    match out.find("#[cfg(test)]") {
        Some(at) => out[..at].to_owned(),
        None => out,
    }
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or("").trim().to_owned()];
    };
    let (head, body) = (
        &tree[..open],
        &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())],
    );
    let (mut parts, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in body.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |q| format!("{head}{q}")))
        .collect()
}

/// The paths a file's code names: its `use` statements (not `pub use`)
/// and any `crate::`/`super::`/`self::` path elsewhere in its code.
fn paths_named(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = String::with_capacity(code.len());
    let mut at = 0;
    while at < code.len() {
        let line_end = code[at..].find('\n').map_or(code.len(), |n| at + n + 1);
        let line = code[at..line_end].trim_start();
        let visibility = line
            .strip_prefix("pub")
            .map(|after| match after.strip_prefix('(') {
                Some(inner) => inner.split_once(')').map_or("", |(_, tail)| tail),
                None => after,
            });
        let reexport = visibility.is_some_and(|tail| tail.trim_start().starts_with("use "));
        let plain_use = line.starts_with("use ");
        if plain_use || reexport {
            let end = code[at..].find(';').map_or(code.len(), |n| at + n + 1);
            if plain_use {
                let statement = code[at..end].trim_start();
                let body = statement.trim_start_matches("use ").trim_end_matches(';');
                paths.extend(expand(body));
            }
            at = end;
        } else {
            rest.push_str(&code[at..line_end]);
            at = line_end;
        }
    }
    let bytes = rest.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in rest.match_indices(start) {
            let boundary = at == 0
                || !(bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':');
            if boundary {
                let path: String = rest[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                paths.push(path);
            }
        }
    }
    paths
}

/// The file a path names from module `from`, if it is one of the tree's.
fn resolve(tree: &Tree, from: &[String], path: &str) -> Option<Vec<String>> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = match segments.first() {
        Some(&"crate") => {
            segments.remove(0);
            Vec::new()
        }
        Some(&"super") | Some(&"self") => {
            let mut base = from.to_vec();
            while let Some(&first) = segments.first() {
                match first {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segments.remove(0);
            }
            base
        }
        _ => return None,
    };
    base.extend(segments.iter().map(|s| (*s).to_owned()));
    (1..=base.len())
        .rev()
        .map(|k| base[..k].to_vec())
        .find(|prefix| tree.contains_key(prefix))
}

/// Every cycle of imports between the tree's files, as lists of files.
fn import_cycles(tree: &Tree) -> Vec<Vec<PathBuf>> {
    let edges: BTreeMap<&Vec<String>, BTreeSet<Vec<String>>> = tree
        .iter()
        .map(|(module, (_, text))| {
            let targets = paths_named(&code_of(text))
                .iter()
                .filter_map(|p| resolve(tree, module, p))
                .filter(|target| target != module)
                .collect();
            (module, targets)
        })
        .collect();
    // A file is on a cycle when it reaches itself; a cycle is reported once,
    // as the set of files that reach each other.
    let reach = |from: &Vec<String>| {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&Vec<String>> = edges[from].iter().collect();
        while let Some(m) = stack.pop() {
            if seen.insert(m.clone()) {
                stack.extend(edges.get(m).into_iter().flatten());
            }
        }
        seen
    };
    let reaches: BTreeMap<&Vec<String>, BTreeSet<Vec<String>>> =
        edges.keys().map(|m| (*m, reach(m))).collect();
    let mut cycles: BTreeSet<Vec<PathBuf>> = BTreeSet::new();
    for (module, reached) in &reaches {
        if reached.contains(*module) {
            let members: Vec<PathBuf> = reached
                .iter()
                .filter(|other| reaches[other].contains(*module))
                .map(|m| tree[m].0.clone())
                .collect();
            cycles.insert(members);
        }
    }
    cycles.into_iter().collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_file_of_src_imports_a_file_that_imports_it_back() {
    let cycles = import_cycles(&read_tree(&src()));
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
}

#[test]
fn the_check_finds_cycles_through_use_super_and_paths_and_ignores_re_exports() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("lib.rs", "mod a;\nmod b;\npub use a::A;\n");
    write("a.rs", "use crate::b::{B, c::{D}};\npub struct A;\n");
    write(
        "b.rs",
        "// use super::a::A; in a comment\npub struct B;\npub mod c;\n",
    );
    write(
        "b/c.rs",
        "pub struct D;\nfn f() -> super::super::a::A { \"crate::b\"; todo!() }\n",
    );
    let cycles = import_cycles(&read_tree(dir.path()));
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    let names: Vec<String> = cycles[0]
        .iter()
        .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
        .collect();
    assert_eq!(names, ["a.rs", "b/c.rs"]);
    // Without the path back from c, nothing is a cycle: lib's re-export of
    // `a` and the comment in b are not uses.
    write("b/c.rs", "pub struct D;\n");
    assert!(import_cycles(&read_tree(dir.path())).is_empty());
}

#[test]
fn no_file_of_src_is_over_600_lines() {
    let long: Vec<(PathBuf, usize)> = read_tree(&src())
        .into_values()
        .map(|(path, text)| (path, text.lines().count()))
        .filter(|(_, lines)| *lines > 600)
        .collect();
    assert!(long.is_empty(), "{long:?}");
}

#[test]
fn the_app_struct_has_a_handful_of_parts_and_its_methods_live_in_three_files() {
    let tree = read_tree(&src());
    let mut impl_files = Vec::new();
    let mut fields = None;
    for (path, text) in tree.values() {
        let code = code_of(text);
        if code.contains("impl OrgevoApp {") {
            impl_files.push(path.clone());
        }
        if let Some(at) = code.find("pub struct OrgevoApp {") {
            let body = &code[at..code[at..].find("\n}").map_or(code.len(), |end| at + end)];
            let count = body
                .lines()
                .filter(|l| {
                    let l = l.trim_start().trim_start_matches("pub(in crate::app) ");
                    l.split_once(':').is_some_and(|(name, _)| {
                        !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
                    })
                })
                .count();
            fields = Some(count);
        }
    }
    if cfg!(feature = "gui") || tree.keys().any(|m| m.first().is_some_and(|s| s == "app")) {
        let fields = fields.expect("OrgevoApp is defined in src/app");
        assert!(fields <= 10, "OrgevoApp has {fields} fields");
        assert!(
            (1..=3).contains(&impl_files.len()),
            "impl OrgevoApp in {impl_files:?}"
        );
    }
}
