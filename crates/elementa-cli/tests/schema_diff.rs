//! `elementa schema diff`: the current schemas against an edited copy, as a
//! team moving to a newer vendor release would run it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests panic on purpose

mod common;

use std::path::{Path, PathBuf};

use common::elementa;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of `schemas/coupa` and `schemas/flexi` with `user.toml` edited.
fn edited_copy(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("elementa-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for vendor in ["coupa", "flexi"] {
        copy_dir(
            &common::root().join("schemas").join(vendor),
            &dir.join(vendor),
        );
    }
    let user = dir.join("coupa/user.toml");
    let text = std::fs::read_to_string(&user).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit applies");
    std::fs::write(&user, edited).unwrap();
    dir
}

/// Removes `mention-name`, makes `employee-number` text, and adds an
/// allowed value to `generate-password-and-notify`.
fn three_changes(text: String) -> String {
    text.replace(
        "[[element]]\nwire = \"mention-name\"\ntype = \"string\"\nlength = 255\nin = true\nout = true\n",
        "",
    )
    .replace(
        "wire = \"employee-number\"\ntype = \"string\"",
        "wire = \"employee-number\"\ntype = \"text\"",
    )
    .replace("values = [\"Yes\", \"No\"]", "values = [\"Yes\", \"No\", \"Maybe\"]")
}

#[test]
fn an_element_removed_a_type_changed_and_a_value_added_are_two_breaking_and_one_additive() {
    let new = edited_copy("three", three_changes);
    let r = elementa(&["schema", "diff", "schemas", new.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    let shown = new.display();
    assert!(lines.contains(&format!("{shown}/coupa/user.toml:306: breaking: coupa/user: `employee-number`: type changed from string to text").as_str()), "{}", r.stdout);
    assert!(
        lines
            .contains(&"schemas/coupa/user.toml:429: breaking: coupa/user: `mention-name` removed"),
        "{}",
        r.stdout
    );
    assert!(
        lines.contains(&format!("{shown}/coupa/user.toml:365: additive: coupa/user: `generate-password-and-notify`: allowed value `Maybe` added").as_str()),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr
            .starts_with("2 breaking changes, 1 additive change (592 resources before, 592 after)"),
        "{}",
        r.stderr
    );
    let _ = std::fs::remove_dir_all(new);
}

#[test]
fn the_machine_readable_forms_carry_file_line_rule_and_impact() {
    let new = edited_copy("formats", three_changes);
    let dir = new.to_str().unwrap();
    let r = elementa(&["schema", "diff", "--message-format", "json", "schemas", dir]);
    assert_eq!(r.code, 1);
    let objects: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let removed = objects
        .iter()
        .find(|o| o["rule"] == "element-removed")
        .unwrap();
    assert_eq!(removed["file"], "schemas/coupa/user.toml");
    assert_eq!(removed["line"], 429);
    assert_eq!(removed["impact"], "breaking");
    assert_eq!(removed["element"], "mention-name");
    let r = elementa(&[
        "schema",
        "diff",
        "--message-format",
        "github",
        "schemas",
        dir,
    ]);
    assert!(r.stdout.lines().any(|l| l == "::error file=schemas/coupa/user.toml,line=429,title=element-removed::coupa/user: `mention-name` removed"), "{}", r.stdout);
    assert!(
        r.stdout.lines().any(|l| l.starts_with("::notice file=")),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(new);
}

#[test]
fn identical_sets_pass_and_a_missing_folder_is_a_usage_error() {
    let r = elementa(&["schema", "diff", "schemas", "schemas"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    assert!(
        r.stderr
            .starts_with("0 breaking changes, 0 additive changes"),
        "{}",
        r.stderr
    );
    let r = elementa(&["schema", "diff", "schemas", "no/such/dir"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "elementa: no/such/dir: not a folder of schema files\n"
    );
}
