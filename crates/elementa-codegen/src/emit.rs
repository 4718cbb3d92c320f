//! Emitting the tokens of one resource.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use elementa_schema::json::{
    Map, Rules, Value, add_custom_fields_namespace, association_schema, association_slot, describe,
    key, list_attributes, pointer_escape, record_schema, relation_decorations, to_canonical_string,
    value_schema,
};
use elementa_schema::{Dialect, Element, Placement, Resource, Type};

use crate::names::{Namer, field_name, type_name};

/// The Rust type name of a resource: its `rust` key, or derived from its wire name.
pub fn resource_type_name(resource: &Resource) -> String {
    resource
        .rust
        .clone()
        .unwrap_or_else(|| type_name(&resource.wire))
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The one-paragraph table row of an element, used in rustdoc.
fn element_facts(e: &Element) -> String {
    let mut ty = match &e.ty {
        Type::One { target } => format!("one `{target}`"),
        Type::Many { target, .. } => format!("list of `{target}`"),
        Type::Strings { .. } => "list of strings".to_owned(),
        t => t.name().to_owned(),
    };
    if let Some(n) = e.length {
        ty.push_str(&format!(", at most {n} characters"));
    }
    let mut s = format!(
        "Wire name `{}`; {ty}; API-in: {}; API-out: {}; required: {}",
        e.wire,
        yes_no(e.api_in),
        yes_no(e.api_out),
        yes_no(e.required)
    );
    if e.unique {
        s.push_str("; unique");
    }
    match e.placement {
        Placement::Attribute => s.push_str("; an XML attribute"),
        Placement::Name => s.push_str("; the record's XML element name"),
        Placement::Text => s.push_str("; the text of the record's XML element"),
        Placement::Element => {}
    }
    s.push('.');
    if !e.values.is_empty() {
        let vs: Vec<String> = e.values.iter().map(|v| format!("`{v}`")).collect();
        s.push_str(&format!(" Allowed values: {}.", vs.join(", ")));
    }
    s
}

struct Names {
    fields: Vec<String>,
    enums: Vec<Option<String>>,
}

fn plan_names(resource: &Resource, type_name_: &str) -> Names {
    let mut fields = Namer::with_reserved(&["extra"]);
    let fields = resource
        .elements
        .iter()
        .map(|e| fields.claim(field_name(&e.wire), "_"))
        .collect();
    let mut types = Namer::with_reserved(&[type_name_]);
    let enums = resource
        .elements
        .iter()
        .map(|e| {
            (e.ty.is_textual() && !e.values.is_empty())
                .then(|| types.claim(format!("{type_name_}{}", type_name(&e.wire)), ""))
        })
        .collect();
    Names { fields, enums }
}

/// Generates the struct, its allowed-value enums, metadata and trait impls
/// for `resource`.
///
/// `target_type` maps an association target (wire name, same vendor) to its
/// Rust type name; those types must be in scope where the tokens land.
/// `sources` are absolute paths of the schema files read, emitted as
/// `include_str!` so that cargo rebuilds when one changes.
pub fn generate(
    resource: &Resource,
    target_type: &dyn Fn(&str) -> String,
    sources: &[String],
) -> TokenStream {
    let name = resource_type_name(resource);
    let ty = ident(&name);
    let names = plan_names(resource, &name);

    let enums = resource
        .elements
        .iter()
        .zip(&names.enums)
        .filter_map(|(e, n)| n.as_ref().map(|n| emit_enum(resource, e, n)));

    let mut field_decls = Vec::new();
    let mut metas = Vec::new();
    let mut refs = Vec::new();
    let mut presents = Vec::new();
    let mut muts = Vec::new();
    let mut lookups = Vec::new();
    for (i, e) in resource.elements.iter().enumerate() {
        let fname = names.fields.get(i).map_or("element", String::as_str);
        let f = ident(fname);
        let enum_ty = names
            .enums
            .get(i)
            .and_then(Option::as_ref)
            .map(|n| ident(n));
        let kind = kind_tokens(e, &resource.vendor, target_type);
        let (rust_ty, variant) = match (&e.ty, enum_ty) {
            (Type::String | Type::Text, Some(en)) => (quote!(#en), quote!(Enum)),
            (Type::String | Type::Text, None) => (quote!(::std::string::String), quote!(String)),
            (Type::Integer, _) => (quote!(i64), quote!(Integer)),
            (Type::Decimal, _) => (quote!(::elementa::Decimal), quote!(Decimal)),
            (Type::Boolean, _) => (quote!(bool), quote!(Boolean)),
            (Type::DateTime, _) => (quote!(::elementa::DateTime), quote!(DateTime)),
            (Type::Date, _) => (quote!(::elementa::Date), quote!(Date)),
            (Type::Timestamp, _) => (quote!(::elementa::Timestamp), quote!(Timestamp)),
            (Type::Strings { .. }, _) => (
                quote!(::std::vec::Vec<::std::string::String>),
                quote!(Strings),
            ),
            (Type::One { target }, _) => {
                let t = ident(&target_type(target));
                (quote!(::elementa::One<#t>), quote!(One))
            }
            (Type::Many { target, .. }, _) => {
                let t = ident(&target_type(target));
                (quote!(::elementa::Many<#t>), quote!(Many))
            }
            (Type::Relation { .. }, _) => (quote!(::elementa::Relation), quote!(Relation)),
            (Type::Any, _) => (quote!(::elementa::Any), quote!(Any)),
        };
        let mut doc = e.doc.trim().to_owned();
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(&element_facts(e));
        field_decls.push(quote! {
            #[doc = #doc]
            pub #f: ::elementa::Field<#rust_ty>,
        });

        let wire = &e.wire;
        let edoc = &e.doc;
        let (api_in, api_out, required, unique) = (e.api_in, e.api_out, e.required, e.unique);
        let length = match e.length {
            Some(n) => quote!(::core::option::Option::Some(#n)),
            None => quote!(::core::option::Option::None),
        };
        let values = &e.values;
        let opt_u32 = |v: Option<u32>| match v {
            Some(n) => quote!(::core::option::Option::Some(#n)),
            None => quote!(::core::option::Option::None),
        };
        let (precision, scale) = (opt_u32(e.precision), opt_u32(e.scale));
        let detail = match e.detail {
            Some(d) => {
                let d = ident(match d {
                    elementa_schema::Detail::Id => "Id",
                    elementa_schema::Detail::Summary => "Summary",
                    elementa_schema::Detail::Full => "Full",
                    elementa_schema::Detail::Expensive => "Expensive",
                });
                quote!(::core::option::Option::Some(::elementa::Detail::#d))
            }
            None => quote!(::core::option::Option::None),
        };
        let placement = match e.placement {
            Placement::Element => quote!(Element),
            Placement::Attribute => quote!(Attribute),
            Placement::Name => quote!(Name),
            Placement::Text => quote!(Text),
        };
        let inline = e.inline;
        metas.push(quote! {
            ::elementa::ElementMeta {
                wire: #wire,
                rust: #fname,
                doc: #edoc,
                kind: ::elementa::Kind::#kind,
                api_in: #api_in,
                api_out: #api_out,
                required: #required,
                unique: #unique,
                length: #length,
                precision: #precision,
                scale: #scale,
                detail: #detail,
                values: &[#(#values),*],
                placement: ::elementa::Placement::#placement,
                inline: #inline,
            }
        });
        let idx = Literal::usize_unsuffixed(i);
        refs.push(
            quote!(#idx => ::core::option::Option::Some(::elementa::FieldRef::#variant(&self.#f)),),
        );
        muts.push(quote!(#idx => ::core::option::Option::Some(::elementa::FieldMut::#variant(&mut self.#f)),));
        presents.push(quote!(self.#f.is_present()));
        lookups.push(quote!(#wire => ::core::option::Option::Some(#idx),));
    }

    let n_elements = Literal::usize_unsuffixed(presents.len());
    let id = resource.id();
    let root = resource.root_name();
    let plural = resource.plural_name();
    let wire = &resource.wire;
    let rdoc = &resource.doc;
    let dialect = match resource.dialect {
        Dialect::Coupa => quote!(Coupa),
        Dialect::Flexi => quote!(Flexi),
    };
    let paths = &resource.paths;
    let keys = &resource.natural_keys;
    let mut doc = format!(
        "{}\n\nResource `{id}`, wire root `{wire}`",
        resource.doc.trim()
    );
    if !resource.paths.is_empty() {
        let ps: Vec<String> = resource.paths.iter().map(|p| format!("`{p}`")).collect();
        doc.push_str(&format!(", served at {}", ps.join(", ")));
    }
    doc.push('.');
    if !resource.natural_keys.is_empty() {
        let ks: Vec<String> = resource
            .natural_keys
            .iter()
            .map(|k| format!("`{k}`"))
            .collect();
        doc.push_str(&format!(" Natural keys: {}.", ks.join(", ")));
    }
    let actions = resource.actions.iter().map(|a| {
        let (name, method, path, adoc, body, list) =
            (&a.name, a.method.as_str(), &a.path, &a.doc, a.body, a.list);
        quote! {
            ::elementa::ActionMeta {
                name: #name,
                method: #method,
                path: #path,
                doc: #adoc,
                body: #body,
                list: #list,
            }
        }
    });
    let json_schema = emit_json_schema(resource, &name, target_type);
    let includes = sources.iter().map(|s| {
        quote!(
            const _: &str = include_str!(#s);
        )
    });

    quote! {
        #(#includes)*

        #[doc = #doc]
        #[derive(Clone, PartialEq, Default)]
        pub struct #ty {
            #(#field_decls)*
            /// Elements the schema does not name, kept in order and re-encoded.
            pub extra: ::elementa::Extras,
        }

        #(#enums)*

        impl ::core::fmt::Debug for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::elementa::fmt_record(self, f)
            }
        }

        impl ::elementa::Resource for #ty {
            fn resource_meta() -> &'static ::elementa::ResourceMeta {
                static META: ::elementa::ResourceMeta = ::elementa::ResourceMeta {
                    id: #id,
                    wire: #wire,
                    rust: #name,
                    root: #root,
                    plural: #plural,
                    dialect: ::elementa::Dialect::#dialect,
                    doc: #rdoc,
                    paths: &[#(#paths),*],
                    natural_keys: &[#(#keys),*],
                    elements: &[#(#metas),*],
                    actions: &[#(#actions),*],
                    lookup: |wire| match wire {
                        #(#lookups)*
                        _ => ::core::option::Option::None,
                    },
                    new: || <::std::boxed::Box<#ty> as ::core::default::Default>::default(),
                };
                &META
            }
        }

        impl ::elementa::Record for #ty {
            fn meta(&self) -> &'static ::elementa::ResourceMeta {
                <Self as ::elementa::Resource>::resource_meta()
            }
            fn field(&self, index: usize) -> ::core::option::Option<::elementa::FieldRef<'_>> {
                match index {
                    #(#refs)*
                    _ => ::core::option::Option::None,
                }
            }
            fn present(&self, out: &mut ::std::vec::Vec<usize>) {
                // Every test first, without a branch each; then a walk of
                // the set bits.
                let present: [bool; #n_elements] = [#(#presents),*];
                ::elementa::push_present(&present, out);
            }
            fn field_mut(&mut self, index: usize) -> ::core::option::Option<::elementa::FieldMut<'_>> {
                match index {
                    #(#muts)*
                    _ => ::core::option::Option::None,
                }
            }
            fn extra(&self) -> &::elementa::Extras {
                &self.extra
            }
            fn extra_mut(&mut self) -> &mut ::elementa::Extras {
                &mut self.extra
            }
            fn clone_record(&self) -> ::std::boxed::Box<dyn ::elementa::Record> {
                ::std::boxed::Box::new(::core::clone::Clone::clone(self))
            }
            fn eq_record(&self, other: &dyn ::elementa::Record) -> bool {
                other.as_any().downcast_ref::<Self>().is_some_and(|o| self == o)
            }
            fn as_any(&self) -> &dyn ::core::any::Any {
                self
            }
            fn as_any_mut(&mut self) -> &mut dyn ::core::any::Any {
                self
            }
            fn into_any(self: ::std::boxed::Box<Self>) -> ::std::boxed::Box<dyn ::core::any::Any> {
                self
            }
        }

        impl ::elementa::__serde::Serialize for #ty {
            /// The vendor's JSON wire form, as the JSON codec writes it.
            fn serialize<S: ::elementa::__serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                ::elementa::json::serialize(self, serializer)
            }
        }

        impl<'de> ::elementa::__serde::Deserialize<'de> for #ty {
            /// The vendor's JSON wire form, as the JSON codec reads it.
            fn deserialize<D: ::elementa::__serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let mut record = <Self as ::core::default::Default>::default();
                ::elementa::json::deserialize_into(&mut record, deserializer)?;
                ::core::result::Result::Ok(record)
            }
        }

        #json_schema
    }
}

/// The `schemars::JsonSchema` impl, compiled in when the crate that invokes
/// the macro has its `schemars` feature on (which must turn on
/// `elementa/schemars`).
///
/// The schema is the record's JSON wire form as a response carries it (every
/// element optional and nullable, lengths, lenient: allowed values as
/// `examples`, unknown elements allowed), built with the same mapping as the
/// `elementa-jsonschema` exporter. It is emitted as JSON text; each
/// association's slot is then filled with `subschema_for` its target, so
/// targets land in the generator's definitions, recursion included.
fn emit_json_schema(
    resource: &Resource,
    name: &str,
    target_type: &dyn Fn(&str) -> String,
) -> TokenStream {
    let ty = ident(name);
    let rules = Rules {
        strict: false,
        nullable: true,
    };
    let text_record = resource
        .elements
        .iter()
        .any(|e| e.placement == Placement::Text);
    let mut properties = Map::new();
    let mut slots = Vec::new();
    for e in &resource.elements {
        let k = key(resource.dialect, e.placement, &e.wire);
        let mut schema = match &e.ty {
            Type::One { target } | Type::Many { target, .. } => {
                let many = matches!(e.ty, Type::Many { .. });
                if let Some(slot) = association_slot(many, rules.nullable) {
                    let pointer = format!("/properties/{}{slot}", pointer_escape(&k));
                    slots.push((pointer, ident(&target_type(target))));
                }
                association_schema(Value::Bool(true), many, rules.nullable)
            }
            other => value_schema(resource.dialect, other, e.length, &e.values, rules)
                .unwrap_or_default(),
        };
        describe(&mut schema, &e.doc);
        if matches!(e.ty, Type::Relation { .. }) && resource.dialect == Dialect::Flexi {
            for (name, value) in relation_decorations(&k, rules.nullable) {
                properties.insert(name, value);
            }
        }
        if matches!(e.ty, Type::Many { .. }) && resource.dialect == Dialect::Flexi {
            for (name, value) in list_attributes(&k) {
                properties.insert(name, value);
            }
        }
        if text_record && e.placement != Placement::Text {
            // XML attributes beside the text; JSON spells them either way.
            properties.insert(format!("@{k}"), Value::Object(schema.clone()));
        }
        properties.insert(k, Value::Object(schema));
    }
    add_custom_fields_namespace(resource.dialect, &mut properties);
    let record = record_schema(&resource.id(), &resource.doc, properties, Vec::new(), false);
    let text = to_canonical_string(&Value::Object(record), false);
    let schema_id = format!("elementa::{}", resource.id());
    let fills = slots.iter().map(|(pointer, target)| {
        quote! {
            if let ::core::option::Option::Some(slot) = schema.pointer_mut(#pointer) {
                *slot = generator.subschema_for::<#target>().to_value();
            }
        }
    });
    quote! {
        #[allow(unexpected_cfgs)]
        const _: () = {
        #[cfg(feature = "schemars")]
        impl ::elementa::schemars::JsonSchema for #ty {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }
            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#schema_id)
            }
            fn json_schema(
                generator: &mut ::elementa::schemars::SchemaGenerator,
            ) -> ::elementa::schemars::Schema {
                // Produced by serde_json when the macro ran, so it parses.
                let mut schema: ::elementa::schemars::Schema =
                    ::elementa::__serde_json::from_str(#text).unwrap_or_default();
                #(#fills)*
                schema
            }
        }
        };
    }
}

fn kind_tokens(e: &Element, vendor: &str, target_type: &dyn Fn(&str) -> String) -> TokenStream {
    match &e.ty {
        Type::Integer => quote!(Integer),
        Type::Decimal => quote!(Decimal),
        Type::String => quote!(String),
        Type::Text => quote!(Text),
        Type::Boolean => quote!(Boolean),
        Type::DateTime => quote!(DateTime),
        Type::Date => quote!(Date),
        Type::Timestamp => quote!(Timestamp),
        Type::Strings { item } => quote!(Strings { item: #item }),
        Type::One { target } => {
            let t = ident(&target_type(target));
            quote!(One(<#t as ::elementa::Resource>::resource_meta))
        }
        Type::Many { target, item } => {
            let t = ident(&target_type(target));
            quote!(Many { target: <#t as ::elementa::Resource>::resource_meta, item: #item })
        }
        Type::Relation { target } => match target {
            Some(t) => {
                let id = format!("{vendor}/{t}");
                quote!(Relation { target: ::core::option::Option::Some(#id) })
            }
            None => quote!(Relation {
                target: ::core::option::Option::None
            }),
        },
        Type::Any => quote!(Any),
    }
}

fn emit_enum(resource: &Resource, e: &Element, name: &str) -> TokenStream {
    let ty = ident(name);
    let mut namer = Namer::with_reserved(&["Other"]);
    let variants: Vec<Ident> = e
        .values
        .iter()
        .map(|v| ident(&namer.claim(type_name(v), "")))
        .collect();
    let values = &e.values;
    let docs = e.values.iter().map(|v| format!("`{v}`"));
    let doc = format!(
        "Allowed values of `{}` in `{}` (open: unknown values are kept in [`{name}::Other`]).",
        e.wire,
        resource.id()
    );
    let other_doc = format!(
        "A value of `{}` the schema does not list, kept as it came.",
        e.wire
    );
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #ty {
            #(#[doc = #docs] #variants,)*
            #[doc = #other_doc]
            Other(::std::string::String),
        }

        impl ::elementa::OpenEnum for #ty {
            const VALUES: &'static [&'static str] = &[#(#values),*];
            fn from_wire(text: &str) -> Self {
                match text {
                    #(#values => Self::#variants,)*
                    other => Self::Other(::std::string::ToString::to_string(other)),
                }
            }
            fn as_wire(&self) -> &str {
                match self {
                    #(Self::#variants => #values,)*
                    Self::Other(s) => s,
                }
            }
            fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }
    }
}
