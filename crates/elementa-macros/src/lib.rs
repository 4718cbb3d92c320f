//! The `resource!` macro: reads one schema file and generates its Rust types.
//!
//! Use it through the `elementa` crate, which re-exports it. All resources of
//! one vendor belong in one module, since associations name each other's types:
//!
//! ```
//! mod coupa {
//!     elementa::resource!("schemas/coupa/currency.toml");
//! }
//! let c = coupa::Currency { code: "USD".into(), ..Default::default() };
//! assert_eq!(c.code.value().map(String::as_str), Some("USD"));
//! ```
//!
//! The path is looked up relative to the invoking crate's `CARGO_MANIFEST_DIR`,
//! then relative to each of its ancestors, so a crate inside a workspace can
//! name `schemas/coupa/comment.toml` at the workspace root. The macro emits
//! `include_str!` of every schema file it reads, so cargo rebuilds when one
//! changes. A bad schema file becomes one `compile_error!` per problem, each
//! naming the file, line and column.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

use proc_macro::TokenStream;
use quote::quote_spanned;
use syn::LitStr;

/// Generates the struct, allowed-value enums, metadata and `Record` /
/// `Resource` impls for one schema file (see the crate docs).
#[proc_macro]
pub fn resource(input: TokenStream) -> TokenStream {
    run(input, expand)
}

/// Parses the macro's string literal, expands it with `expand`, and turns
/// each problem into a `compile_error!` at the literal.
fn run(
    input: TokenStream,
    expand: fn(&str) -> Result<proc_macro2::TokenStream, Vec<String>>,
) -> TokenStream {
    let lit = match syn::parse::<LitStr>(input) {
        Ok(l) => l,
        Err(e) => return e.to_compile_error().into(),
    };
    match expand(&lit.value()) {
        Ok(tokens) => tokens.into(),
        Err(messages) => {
            let span = lit.span();
            messages
                .into_iter()
                .map(|m| quote_spanned!(span=> ::core::compile_error!(#m);))
                .collect::<proc_macro2::TokenStream>()
                .into()
        }
    }
}

/// Generates every resource of a vendor's schema directory
/// (`vendor!("schemas/coupa")`), with `RESOURCES`, `resource(id)` and
/// `resource_by_root(name)` built from the directory: adding a resource is
/// adding its file.
///
/// The directory is found like [`resource!`]'s file. Every problem of every
/// file is reported, each as its own `compile_error!` naming file, line and
/// column.
#[proc_macro]
pub fn vendor(input: TokenStream) -> TokenStream {
    run(input, expand_vendor)
}

fn expand_vendor(rel: &str) -> Result<proc_macro2::TokenStream, Vec<String>> {
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| vec!["CARGO_MANIFEST_DIR is not set; build with cargo".to_owned()])?;
    let dir = base
        .ancestors()
        .map(|d| d.join(rel))
        .find(|p| p.is_dir())
        .ok_or_else(|| {
            vec![format!(
                "schema directory not found: {rel} (looked in the crate directory and each directory above it)"
            )]
        })?;
    let vendor = dir
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| vec![format!("{rel}: cannot read: {e}")])?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let has = |wire: &str| dir.join(format!("{wire}.toml")).is_file();
    let mut resources = Vec::new();
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let shown = format!("{rel}/{name}");
        match std::fs::read_to_string(path) {
            Ok(text) => match elementa_schema::parse_resource(&shown, &vendor, &text, &has) {
                Ok(r) => resources.push(r),
                Err(ds) => errors.extend(ds.iter().map(ToString::to_string)),
            },
            Err(e) => errors.push(format!("{shown}: cannot read: {e}")),
        }
        sources.push(path.display().to_string());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(elementa_codegen::generate_vendor(&resources, &sources))
}

fn find(rel: &str) -> Result<PathBuf, Vec<String>> {
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| vec!["CARGO_MANIFEST_DIR is not set; build with cargo".to_owned()])?;
    base.ancestors()
        .map(|dir| dir.join(rel))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            vec![format!(
                "schema file not found: {rel} (looked in the crate directory and each directory above it)"
            )]
        })
}

fn expand(rel: &str) -> Result<proc_macro2::TokenStream, Vec<String>> {
    let path = find(rel)?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let vendor = dir
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    let text =
        std::fs::read_to_string(&path).map_err(|e| vec![format!("{rel}: cannot read: {e}")])?;
    let has = |wire: &str| dir.join(format!("{wire}.toml")).is_file();
    let resource = elementa_schema::parse_resource(rel, &vendor, &text, &has)
        .map_err(|ds| ds.iter().map(ToString::to_string).collect::<Vec<_>>())?;

    let mut sources = vec![path.display().to_string()];
    let mut targets = std::collections::BTreeMap::new();
    for e in &resource.elements {
        if let Some(t) = e.ty.target() {
            let tpath = dir.join(format!("{t}.toml"));
            let name = std::fs::read_to_string(&tpath)
                .ok()
                .and_then(|text| elementa_schema::parse_resource(t, &vendor, &text, &|_| true).ok())
                .map_or_else(
                    || elementa_codegen::names::type_name(t),
                    |r| elementa_codegen::resource_type_name(&r),
                );
            if targets.insert(t.to_owned(), name).is_none() && t != resource.wire {
                sources.push(tpath.display().to_string());
            }
        }
    }
    let lookup = |wire: &str| {
        targets
            .get(wire)
            .cloned()
            .unwrap_or_else(|| elementa_codegen::names::type_name(wire))
    };
    Ok(elementa_codegen::generate(&resource, &lookup, &sources))
}
