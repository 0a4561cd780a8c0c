//! The SPA's modules depend on one another one way only: no module of
//! `src/` reaches itself through the modules it uses, and the UI language
//! (`locale`) is a leaf, so the texts, the formatting and the API client
//! each read it without depending on one another.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/` (a `name.rs` with its `name/`) and the
/// other top-level modules its code outside tests names as `crate::…`.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("read src") {
                files.push(entry.expect("entry").path());
            }
            continue;
        }
        let relative = path.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a file");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" || module == "main" || path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read a module");
        // Tests may reach anywhere.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let used = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group[..group.find('}').unwrap_or(0)]
                    .split(',')
                    .map(|item| item.trim().split("::").next().unwrap_or_default())
                    .collect(),
                None => vec![
                    rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                        .next()
                        .unwrap_or_default(),
                ],
            };
            used.extend(
                names
                    .into_iter()
                    .filter(|name| !name.is_empty() && *name != module)
                    .map(str::to_owned),
            );
        }
    }
    graph
}

fn reachable(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut next: Vec<&String> = graph.get(from).into_iter().flatten().collect();
    while let Some(module) = next.pop() {
        if seen.insert(module.clone()) {
            next.extend(graph.get(module).into_iter().flatten());
        }
    }
    seen
}

#[test]
fn no_module_of_the_app_depends_on_itself_through_others() {
    let graph = dependencies();
    assert!(
        graph.contains_key("api") && graph.contains_key("i18n"),
        "{graph:?}"
    );
    let circular: Vec<&String> = graph
        .keys()
        .filter(|module| reachable(&graph, module).contains(*module))
        .collect();
    assert!(
        circular.is_empty(),
        "modules in a cycle: {circular:?}; all: {graph:#?}"
    );
}

#[test]
fn the_ui_language_is_a_leaf_and_neither_the_api_nor_formatting_needs_the_texts() {
    let graph = dependencies();
    assert_eq!(graph.get("locale"), Some(&BTreeSet::new()), "{graph:#?}");
    for module in ["api", "format"] {
        assert!(
            !reachable(&graph, module).contains("i18n"),
            "{module} reaches the texts: {graph:#?}"
        );
    }
}
