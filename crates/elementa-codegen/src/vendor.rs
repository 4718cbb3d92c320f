//! Generating a whole vendor at once: every resource of a schema directory,
//! with the resource list and the lookups (by id and by root element) built
//! from one view of the set, so that nothing lists resources by hand.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use elementa_schema::Resource;

use crate::emit::{generate, resource_type_name};

/// Generates every resource of one vendor (`resources`, all of the same
/// vendor), plus:
///
/// - `RESOURCES`: every resource's metadata function, sorted by id;
/// - `resource(id)`: the resource with id `coupa/comment`, by `match`;
/// - `resource_by_root(name)`: the resource whose XML root element (Flexi:
///   evidence key) or list root (plural) is `name`, by `match`; a root
///   wins over a plural, and among equals the first by id.
///
/// `sources` are absolute paths of the schema files read, emitted as
/// `include_str!` so that cargo rebuilds when one changes.
pub fn generate_vendor(resources: &[Resource], sources: &[String]) -> TokenStream {
    let names: BTreeMap<&str, String> = resources
        .iter()
        .map(|r| (r.wire.as_str(), resource_type_name(r)))
        .collect();
    let lookup = |wire: &str| {
        names
            .get(wire)
            .cloned()
            .unwrap_or_else(|| crate::names::type_name(wire))
    };
    let mut sorted: Vec<&Resource> = resources.iter().collect();
    sorted.sort_by_key(|r| r.id());
    let items = sorted.iter().map(|r| generate(r, &lookup, &[]));
    let metas: Vec<TokenStream> = sorted
        .iter()
        .map(|r| {
            let t = format_ident!("{}", resource_type_name(r));
            quote!(<#t as ::elementa::Resource>::resource_meta)
        })
        .collect();
    let ids = sorted.iter().map(|r| r.id());
    let by_id = metas.iter();
    let mut roots: BTreeMap<&str, &TokenStream> = BTreeMap::new();
    let plurals: Vec<String> = sorted.iter().map(|r| r.plural_name()).collect();
    for (r, m) in sorted.iter().zip(&metas) {
        roots.entry(r.root_name()).or_insert(m);
    }
    for (p, m) in plurals.iter().zip(&metas) {
        roots.entry(p.as_str()).or_insert(m);
    }
    let (root_names, root_metas): (Vec<&str>, Vec<&TokenStream>) = roots.into_iter().unzip();
    let includes = sources.iter().map(|s| {
        quote!(
            const _: &str = include_str!(#s);
        )
    });
    quote! {
        #(#includes)*
        #(#items)*

        /// Every resource of this vendor, sorted by id (generated from the
        /// schema directory).
        pub static RESOURCES: &[fn() -> &'static ::elementa::ResourceMeta] = &[#(#metas),*];

        /// The resource with id `id` (`coupa/comment`).
        pub fn resource(id: &str) -> ::core::option::Option<&'static ::elementa::ResourceMeta> {
            ::core::option::Option::Some(match id {
                #(#ids => (#by_id)(),)*
                _ => return ::core::option::Option::None,
            })
        }

        /// The resource whose XML root element (for Flexi, the evidence key
        /// inside `winstrom`) or list root (`users`) is `name`.
        pub fn resource_by_root(name: &str) -> ::core::option::Option<&'static ::elementa::ResourceMeta> {
            ::core::option::Option::Some(match name {
                #(#root_names => (#root_metas)(),)*
                _ => return ::core::option::Option::None,
            })
        }
    }
}
