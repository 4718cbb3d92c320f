//! Snapshots of the code generated for seed resources, formatted with
//! prettyplease so that a change in generation shows as a readable diff.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use elementa_codegen::{generate, resource_type_name};
use elementa_schema::load_dir;
use elementa_tests::workspace_root;

fn generated(id: &str) -> String {
    let (set, errors) = load_dir(&workspace_root().join("schemas"), "schemas");
    assert!(errors.is_empty(), "{errors:#?}");
    let r = set.get(id).unwrap_or_else(|| panic!("no resource {id}"));
    let target = |wire: &str| {
        let t = set
            .get(&format!("{}/{wire}", r.vendor))
            .unwrap_or_else(|| panic!("no target {wire}"));
        resource_type_name(t)
    };
    let tokens = generate(r, &target, &[]);
    let file: syn::File = syn::parse2(tokens).expect("generated code parses");
    prettyplease::unparse(&file)
}

#[test]
fn comment() {
    insta::assert_snapshot!(generated("coupa/comment"));
}

#[test]
fn integration_run() {
    insta::assert_snapshot!(generated("coupa/integration-run"));
}

#[test]
fn integration_error_has_an_open_enum() {
    let code = generated("coupa/integration-error");
    assert!(code.contains("pub enum IntegrationErrorDocumentType"));
    assert!(code.contains("Other(::std::string::String)"));
}
