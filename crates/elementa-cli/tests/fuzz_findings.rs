//! The reproducers of issue 11 (fuzzing and hostile input), through the
//! command: each gives the right answer (the library tests beside them are
//! in `tests/tests/fuzz_findings.rs`).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

mod common;

use std::path::PathBuf;

use common::elementa;

/// A file with `bytes` in the temporary directory, removed on drop.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str, bytes: &[u8]) -> Temp {
        let path =
            std::env::temp_dir().join(format!("elementa-fuzz-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        Temp(path)
    }
    fn arg(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

fn convert(to: &str, resource: Option<&str>, file: &Temp) -> common::Run {
    let mut args = vec!["convert", "--to", to];
    if let Some(r) = resource {
        args.extend(["--resource", r]);
    }
    args.push(file.arg());
    elementa(&args)
}

#[test]
fn json_numbers_keep_their_text() {
    let f = Temp::new("n1.json", br#"{"":4E70,"x":5555555551555555555555501505}"#);
    let r = convert("json", Some("coupa/user"), &f);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"\": 4E70"), "{}", r.stdout);
    assert!(
        r.stdout.contains("\"x\": 5555555551555555555555501505"),
        "{}",
        r.stdout
    );

    for (number, kept) in [
        ("99999999999999999999", "\"99999999999999999999\""),
        ("12345678901234567.89", "\"12345678901234567.89\""),
    ] {
        let f = Temp::new("total.json", format!("{{\"total\": {number}}}").as_bytes());
        let r = convert("json", Some("coupa/expense-report"), &f);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stdout.contains(&format!("\"total\": {kept}")),
            "{}",
            r.stdout
        );
    }
    let f = Temp::new("tiny.json", br#"{"total": 1e-30}"#);
    let r = convert("json", Some("coupa/expense-report"), &f);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains(":1:16: total: `1e-30` is not a valid decimal"),
        "{}",
        r.stderr
    );
}

#[test]
fn xml_never_comes_out_malformed() {
    // A JSON key XML cannot name: kept in JSON, refused as XML.
    let f = Temp::new(
        "keys.json",
        br#"[{"firstname":"","l":"","email":"","":null}]"#,
    );
    let json = convert("json", Some("coupa/user"), &f);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let order: Vec<&str> = json
        .stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(order, ["firstname", "l", "email", ""]);
    let xml = convert("xml", Some("coupa/user"), &f);
    assert_eq!(xml.code, 1);
    assert!(xml.stdout.is_empty());
    assert!(
        xml.stderr
            .contains("cannot be written as XML: user: \"\" is not an XML element name"),
        "{}",
        xml.stderr
    );

    let f = Temp::new("name.xml", b"<expense-report><\"\n\"/></expense-report>");
    let r = elementa(&["check", "--resource", "coupa/expense-report", f.arg()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(":1:17: "), "{}", r.stderr);

    let f = Temp::new(
        "evidence.json",
        br#"{"winstrom":{"@globalVersion":"1","changes":[{"@evidence":">","@in-version":"1","@operation":"create","@timestamp":"2019-01-01 00:00:00.0","id":"1"}],"next":"none"}}"#,
    );
    let r = convert("xml", Some("flexi/changes"), &f);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains("\">\" is not an XML element name"),
        "{}",
        r.stderr
    );

    let f = Temp::new("nul.json", br#"{"login":"a\u0000b"}"#);
    let r = convert("xml", Some("coupa/user"), &f);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("user.login: holds U+0000"),
        "{}",
        r.stderr
    );
    let f = Temp::new("nul.xml", b"<user><login>a&#0;b</login></user>");
    let r = convert("json", None, &f);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("login: `&#0;` stands for U+0000"),
        "{}",
        r.stderr
    );
}

#[test]
fn attributes_empty_values_and_layout_come_back() {
    let f = Temp::new(
        "tabs.json",
        br#"{"winstrom":{"@globalVersion":"1","changes":[{"@evidence":"adresar","@in-version":"1","@operation":"a\tb\nc","@timestamp":"2019-01-01 00:00:00.0","id":"1"}],"next":"none"}}"#,
    );
    let xml = convert("xml", Some("flexi/changes"), &f);
    assert_eq!(xml.code, 0, "{}", xml.stderr);
    assert!(
        xml.stdout.contains("operation=\"a&#9;b&#10;c\""),
        "{}",
        xml.stdout
    );

    let text = "<winstrom version=\"1.0\" globalVersion=\"1\"><adresar in-version=\"\" operation=\"create\" timestamp=\"2019-01-01 00:00:00.0\"><id>1</id></adresar><next>none</next></winstrom>";
    let f = Temp::new("empty.xml", text.as_bytes());
    let r = convert("xml", None, &f);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("in-version=\"\""), "{}", r.stdout);

    let f = Temp::new(
        "layout.xml",
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<user></user>\n",
    );
    let once = convert("xml", None, &f);
    let g = Temp::new("layout2.xml", once.stdout.as_bytes());
    let twice = convert("xml", None, &g);
    assert_eq!(
        once.stdout,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<user/>\n"
    );
    assert_eq!(twice.stdout, once.stdout);
}

#[test]
fn streaming_refuses_what_checking_refuses() {
    for (name, text) in [("before.xml", "\"<user/>"), ("after.xml", "<user/>x")] {
        let f = Temp::new(name, text.as_bytes());
        let check = elementa(&["check", "--resource", "coupa/user", f.arg()]);
        let project = elementa(&[
            "project",
            "--resource",
            "coupa/user",
            "--return-object",
            "shallow",
            f.arg(),
        ]);
        assert_eq!(
            (check.code, project.code),
            (1, 1),
            "{text}: {} / {}",
            check.stderr,
            project.stderr
        );
    }
}

#[test]
fn a_byte_order_mark_is_accepted_and_bad_utf8_is_an_invalid_payload() {
    let f = Temp::new("bom.xml", b"\xef\xbb\xbf<user><login>a</login></user>");
    let r = elementa(&["check", "--resource", "coupa/user", f.arg()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let f = Temp::new("bom.json", b"\xef\xbb\xbf{\"login\":\"a\"}");
    let r = elementa(&["check", "--resource", "coupa/user", f.arg()]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    // Found by the `coupa_json` target: a mark before a list made it be
    // read as one record.
    let f = Temp::new("bom-list.json", b"\xef\xbb\xbf[{\"login\":\"a\"}]");
    let r = elementa(&["check", "--resource", "coupa/user", f.arg()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("ok (1 coupa/user"), "{}", r.stdout);

    let f = Temp::new("bad.xml", b"<user>\n<login>a\xff</login></user>");
    let r = elementa(&["check", "--resource", "coupa/user", f.arg()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains(":2:9: not UTF-8: invalid byte sequence at byte offset 15"),
        "{}",
        r.stderr
    );
    let r = elementa(&["changes", f.arg()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn listing_errors_say_where() {
    let f = Temp::new(
        "neg.xml",
        b"<winstrom version=\"1.0\" globalVersion=\"1\">\n  <adresar in-version=\"-5\" operation=\"create\" timestamp=\"2019-01-01 00:00:00.0\"><id>1</id></adresar>\n  <next>none</next>\n</winstrom>",
    );
    let r = elementa(&["changes", f.arg()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains(":2:12: changes[0].in-version: -5 is negative"),
        "{}",
        r.stderr
    );
}
