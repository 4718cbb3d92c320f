//! `elementa check --message-format json|github|sarif` over folders, as CI
//! pipelines run it: every problem with its file, line and column.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests panic on purpose

mod common;

use common::elementa;

/// Strict over real-shaped Coupa and Flexi payloads, a folder and two
/// files: unknown elements (nested ones too) and a value outside its list.
fn run(format: &str) -> common::Run {
    elementa(&[
        "check",
        "--strict",
        "--message-format",
        format,
        "tests/fixtures/flexi/check",
        "tests/fixtures/coupa/real/user.xml",
        "tests/fixtures/coupa/real/item.xml",
    ])
}

#[test]
fn json_lines_carry_file_position_path_resource_rule_and_severity() {
    let r = run("json");
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
    for line in r.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["line"].as_u64().unwrap() >= 1, "{line}");
    }
    assert_eq!(
        r.stderr.lines().last().unwrap(),
        "checked 3 files, 3 records: 6 errors (not-allowed 1, unknown-element 5), 0 warnings"
    );
}

#[test]
fn github_workflow_commands_annotate_each_problem() {
    let r = run("github");
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn sarif_reads_back_as_sarif_2_1_0_with_a_region_for_every_result() {
    let r = run("sarif");
    assert_eq!(r.code, 1, "{}", r.stderr);
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&r.stdout).unwrap();
    let results = log.runs[0].results.as_ref().unwrap();
    assert_eq!(results.len(), 6);
    for result in results {
        let location = &result.locations.as_ref().unwrap()[0];
        let region = location
            .physical_location
            .as_ref()
            .unwrap()
            .region
            .as_ref()
            .unwrap();
        assert!(region.start_line.unwrap() >= 1);
    }
}

#[test]
fn warnings_by_default_and_a_summary_across_files() {
    let r = elementa(&[
        "check",
        "tests/fixtures/coupa/real/user.xml",
        "tests/fixtures/coupa/real/item.xml",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.lines().last().unwrap(),
        "checked 2 files, 2 records: 0 errors, 3 warnings"
    );
}

#[test]
fn help_states_the_exit_codes_and_formats_and_completions_are_printed() {
    let r = elementa(&["check", "--help"]);
    assert!(
        r.stdout.contains("Exit codes: 0 every payload valid"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("--message-format <MESSAGE_FORMAT>"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("sarif"), "{}", r.stdout);
    for shell in ["bash", "zsh", "fish"] {
        let r = elementa(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}");
        assert!(r.stdout.contains("schema"), "{shell}: {}", r.stdout);
    }
}

#[test]
fn standard_input_and_the_request_method() {
    let body = std::fs::read(
        common::root().join("tests/fixtures/coupa/check/integration-run-without-integration.json"),
    )
    .unwrap();
    let run = |method: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_elementa"))
            .args([
                "check",
                "--resource",
                "coupa/integration-run",
                "--direction",
                "in",
            ])
            .args(["--method", method, "-"])
            .current_dir(common::root())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), &body).unwrap();
        child.wait_with_output().unwrap()
    };
    let create = run("create");
    assert_eq!(create.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&create.stderr)
            .starts_with("-:1:1: integration: required element is missing"),
        "{}",
        String::from_utf8_lossy(&create.stderr)
    );
    assert_eq!(run("update").status.code(), Some(0));
}

#[test]
fn quoted_glob_patterns_are_expanded() {
    let r = elementa(&["check", "tests/fixtures/coupa/real/*.xml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.lines().last().unwrap(),
        "checked 8 files, 8 records: 0 errors, 3 warnings"
    );
    let r = elementa(&["check", "tests/fixtures/nothing/*.xml"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "elementa: tests/fixtures/nothing/*.xml: no file matches the pattern\n"
    );
}
