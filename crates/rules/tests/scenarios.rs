//! The worked scenarios of `../shared/scenarios` (copied into `tests/scenarios`), checked for
//! the rules implemented so far: each check's world holds the facts at or before its `as_of`,
//! every expected `present` warning of an implemented rule must be found with its level, and no
//! `absent` one. Checks of rules not implemented yet are counted and named, not silently passed.

use std::path::Path;

use domain::{At, Fact, World};
use serde_json::Value;

fn world_at(facts: &[Fact], as_of: &At) -> World {
    let mut world = World::new();
    for fact in facts.iter().filter(|f| f.at <= *as_of) {
        world
            .apply(fact, None)
            .unwrap_or_else(|e| panic!("{}: {e}", fact.json()));
    }
    world
}

#[test]
fn scenarios_agree_for_every_implemented_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let implemented = |rule: &str| rules::IMPLEMENTED.iter().any(|r| r.id == rule);
    let (mut checked, mut skipped) = (0, std::collections::BTreeSet::new());
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expect.json"))
        .collect();
    names.sort();
    for expect_path in names {
        let name = expect_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expect.json", "");
        let text = std::fs::read_to_string(dir.join(format!("{name}.jsonl"))).unwrap();
        let mut facts: Vec<Fact> = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| Fact::from_line(l).unwrap_or_else(|e| panic!("{name}: {l}: {e}")))
            .collect();
        facts.sort_by_key(|f| f.at);
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(&expect_path).unwrap()).unwrap();
        for check in expect["checks"].as_array().unwrap() {
            let as_of = At::parse(check["as_of"].as_str().unwrap()).unwrap();
            let found = rules::screen(&world_at(&facts, &as_of), as_of.instant());
            let level_of = |rule: &str, subject: &str| {
                found
                    .iter()
                    .find(|w| w.rule == rule && w.subject == subject)
                    .map(|w| serde_json::to_value(w.level).unwrap())
            };
            for want in check["present"].as_array().unwrap() {
                let (rule, subject) = (
                    want["rule"].as_str().unwrap(),
                    want["subject"].as_str().unwrap(),
                );
                if !implemented(rule) {
                    skipped.insert(rule.to_string());
                    continue;
                }
                assert_eq!(
                    level_of(rule, subject).as_ref(),
                    Some(&want["level"]),
                    "{name} at {}: {rule} on {subject}; found {found:#?}",
                    check["as_of"]
                );
                checked += 1;
            }
            for unwanted in check["absent"].as_array().unwrap() {
                let (rule, subject) = (
                    unwanted["rule"].as_str().unwrap(),
                    unwanted["subject"].as_str().unwrap(),
                );
                if !implemented(rule) {
                    skipped.insert(rule.to_string());
                    continue;
                }
                assert_eq!(
                    level_of(rule, subject),
                    None,
                    "{name} at {}: {rule} on {subject} must be absent",
                    check["as_of"]
                );
                checked += 1;
            }
        }
    }
    println!("checked {checked} expectations; rules not implemented yet: {skipped:?}");
    assert!(
        checked >= 10,
        "the implemented rules are exercised by the scenarios"
    );
}
