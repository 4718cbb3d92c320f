//! Compile tests of the `resource!` macro: generated code compiles and works,
//! and each kind of bad schema file is a compile error naming file and line.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

#[test]
fn resource_macro() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
