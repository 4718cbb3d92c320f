//! Semantic checks: turn a raw file into a [`Resource`] or report every problem.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::diag::{Diagnostic, LineIndex};
use crate::model::{Action, Detail, Dialect, Element, Method, Placement, Resource, Type};
use crate::raw::{RawAction, RawElement, RawSchemaFile};

/// Parses and checks one schema file.
///
/// `file` is the path as it should appear in messages; its stem must equal the
/// resource's wire name. `vendor` is the vendor directory (`coupa`).
/// `has_resource` answers whether an association target (a wire name of the
/// same vendor) has a schema file. Returns every problem found, each with its
/// line and column.
pub fn parse_resource(
    file: &str,
    vendor: &str,
    text: &str,
    has_resource: &dyn Fn(&str) -> bool,
) -> Result<Resource, Vec<Diagnostic>> {
    let index = LineIndex::new(text);
    let raw: RawSchemaFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim_end().to_owned();
            return Err(vec![index.diagnostic(file, span, message)]);
        }
    };
    let mut cx = Checker {
        file,
        index,
        errors: Vec::new(),
    };
    let resource = cx.resource(raw, vendor, has_resource);
    if cx.errors.is_empty() {
        Ok(resource)
    } else {
        cx.errors.sort_by_key(|d| d.span.start);
        Err(cx.errors)
    }
}

struct Checker<'a> {
    file: &'a str,
    index: LineIndex<'a>,
    errors: Vec<Diagnostic>,
}

fn is_wire_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '?'))
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let d = self.index.diagnostic(self.file, span, message.into());
        self.errors.push(d);
    }

    fn resource(
        &mut self,
        raw: RawSchemaFile,
        vendor: &str,
        has_resource: &dyn Fn(&str) -> bool,
    ) -> Resource {
        let r = raw.resource;
        let wire = r.wire.get_ref().clone();
        if !is_wire_name(&wire) {
            self.error(r.wire.span(), format!("`{wire}` is not a valid wire name"));
        }
        let stem = std::path::Path::new(self.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if stem != wire {
            self.error(
                r.wire.span(),
                format!("wire name `{wire}` differs from the file name `{stem}.toml`"),
            );
        }
        if let Some(rust) = &r.rust {
            let ok = rust
                .get_ref()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase())
                && rust.get_ref().chars().all(|c| c.is_ascii_alphanumeric());
            if !ok {
                self.error(
                    rust.span(),
                    format!(
                        "`{}` is not an UpperCamelCase Rust type name",
                        rust.get_ref()
                    ),
                );
            }
        }
        let dialect = match r.dialect.get_ref().as_str() {
            "coupa" => Dialect::Coupa,
            "flexi" => Dialect::Flexi,
            other => {
                self.error(
                    r.dialect.span(),
                    format!("unknown dialect `{other}` (expected `coupa` or `flexi`)"),
                );
                Dialect::Coupa
            }
        };
        for name in [&r.root, &r.plural].into_iter().flatten() {
            if !is_wire_name(name.get_ref()) {
                self.error(
                    name.span(),
                    format!("`{}` is not a valid wire name", name.get_ref()),
                );
            }
        }
        for p in &r.paths {
            if !p.get_ref().starts_with('/') {
                self.error(
                    p.span(),
                    format!("path `{}` must start with `/`", p.get_ref()),
                );
            }
        }
        if r.doc.get_ref().trim().is_empty() {
            self.error(r.doc.span(), "the resource doc is empty");
        }

        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut elements = Vec::with_capacity(raw.elements.len());
        for e in raw.elements {
            let name = e.wire.get_ref().clone();
            let line = self.index.line_col(e.wire.span().start).0;
            if let Some(first) = seen.get(&name) {
                self.error(
                    e.wire.span(),
                    format!("duplicate element `{name}` (first defined on line {first})"),
                );
            } else {
                seen.insert(name, line);
            }
            if let Some(el) = self.element(e, line, dialect, has_resource) {
                elements.push(el);
            }
        }
        let mut texts = elements.iter().filter(|e| e.placement == Placement::Text);
        if let (Some(_), Some(second)) = (texts.next(), texts.next()) {
            let msg = format!(
                "`{}` is a second element with `placement = \"text\"`; a record has one text",
                second.wire
            );
            self.error(r.wire.span(), msg);
        }
        if elements.iter().any(|e| e.placement == Placement::Text)
            && let Some(e) = elements.iter().find(|e| {
                e.ty.target().is_some() || matches!(e.ty, Type::Strings { .. } | Type::Any)
            })
        {
            let msg = format!(
                "`{}` is not a scalar: a record with a text element is one XML element whose other elements are attributes",
                e.wire
            );
            self.error(r.wire.span(), msg);
        }
        let mut named = elements.iter().filter(|e| e.placement == Placement::Name);
        if let (Some(_), Some(second)) = (named.next(), named.next()) {
            let msg = format!(
                "`{}` is a second element with `placement = \"name\"`; a record has one element name",
                second.wire
            );
            self.error(r.wire.span(), msg);
        }

        for key in &r.natural_keys {
            match elements.iter().find(|e| &e.wire == key.get_ref()) {
                None => self.error(
                    key.span(),
                    format!("natural key `{}` is not an element", key.get_ref()),
                ),
                Some(e) if e.ty.target().is_some() => self.error(
                    key.span(),
                    format!(
                        "natural key `{}` is an association; natural keys must be scalars",
                        key.get_ref()
                    ),
                ),
                Some(_) => {}
            }
        }

        // One route may serve several actions (Flexi sends the action's name
        // with the record), but not one action twice.
        let mut routes: HashMap<(String, String, String), usize> = HashMap::new();
        let mut actions = Vec::new();
        for a in raw.actions {
            let line = self.index.line_col(a.path.span().start).0;
            let key = (
                a.method.get_ref().to_ascii_uppercase(),
                a.path.get_ref().clone(),
                a.name.get_ref().clone(),
            );
            if let Some(first) = routes.get(&key) {
                self.error(
                    a.path.span(),
                    format!(
                        "duplicate route {} {} for `{}` (first defined on line {first})",
                        key.0, key.1, key.2
                    ),
                );
            } else {
                routes.insert(key, line);
            }
            if let Some(action) = self.action(a) {
                actions.push(action);
            }
        }

        Resource {
            vendor: vendor.to_owned(),
            wire,
            rust: r.rust.map(Spanned::into_inner),
            root: r.root.map(Spanned::into_inner),
            plural: r.plural.map(Spanned::into_inner),
            dialect,
            paths: r.paths.into_iter().map(Spanned::into_inner).collect(),
            doc: r.doc.into_inner(),
            natural_keys: r
                .natural_keys
                .into_iter()
                .map(Spanned::into_inner)
                .collect(),
            elements,
            actions,
        }
    }

    fn action(&mut self, a: RawAction) -> Option<Action> {
        let name = a.name.get_ref().clone();
        let name_ok = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !name_ok {
            self.error(
                a.name.span(),
                format!("action name `{name}` is not snake_case"),
            );
        }
        let method = match a.method.get_ref().to_ascii_uppercase().as_str() {
            "GET" => Some(Method::Get),
            "POST" => Some(Method::Post),
            "PUT" => Some(Method::Put),
            "PATCH" => Some(Method::Patch),
            "DELETE" => Some(Method::Delete),
            other => {
                self.error(
                    a.method.span(),
                    format!("unknown method `{other}` (expected GET, POST, PUT, PATCH or DELETE)"),
                );
                None
            }
        };
        let path = a.path.get_ref().clone();
        if !path.starts_with('/') {
            self.error(a.path.span(), format!("path `{path}` must start with `/`"));
        }
        let mut params = std::collections::HashSet::new();
        for seg in path.split('/').filter_map(|s| s.strip_prefix(':')) {
            let ok = seg.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && seg
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !ok {
                self.error(
                    a.path.span(),
                    format!("path parameter `:{seg}` is not snake_case"),
                );
            } else if !params.insert(seg.to_owned()) {
                self.error(
                    a.path.span(),
                    format!("path parameter `:{seg}` appears twice"),
                );
            }
        }
        let flag = |f: &Option<Spanned<bool>>| f.as_ref().is_some_and(|s| *s.get_ref());
        Some(Action {
            name,
            method: method?,
            path,
            doc: a.doc.map(Spanned::into_inner).unwrap_or_default(),
            body: flag(&a.body),
            list: flag(&a.list),
        })
    }

    fn element(
        &mut self,
        e: RawElement,
        line: usize,
        dialect: Dialect,
        has_resource: &dyn Fn(&str) -> bool,
    ) -> Option<Element> {
        let wire = e.wire.get_ref().clone();
        if !is_wire_name(&wire) {
            self.error(e.wire.span(), format!("`{wire}` is not a valid wire name"));
        }
        let flag = |f: &Option<Spanned<bool>>| f.as_ref().is_some_and(|s| *s.get_ref());
        let (api_in, api_out, required) = (flag(&e.api_in), flag(&e.out), flag(&e.required));

        let target = match &e.target {
            Some(t) if !has_resource(t.get_ref()) => {
                self.error(
                    t.span(),
                    format!(
                        "association `{wire}` targets `{}`, which has no schema file",
                        t.get_ref()
                    ),
                );
                Some(t.get_ref().clone())
            }
            Some(t) => Some(t.get_ref().clone()),
            None => None,
        };
        let ty = match (e.ty.get_ref().as_str(), target) {
            ("integer", None) => Some(Type::Integer),
            ("decimal", None) => Some(Type::Decimal),
            ("string", None) => Some(Type::String),
            ("text", None) => Some(Type::Text),
            ("boolean", None) => Some(Type::Boolean),
            ("datetime", None) => Some(Type::DateTime),
            ("date", None) => Some(Type::Date),
            ("timestamp", None) => Some(Type::Timestamp),
            ("strings", None) => Some(Type::Strings {
                item: e
                    .item
                    .as_ref()
                    .map_or_else(|| wire.clone(), |i| i.get_ref().clone()),
            }),
            ("one", Some(target)) => Some(Type::One { target }),
            ("relation", target) => Some(Type::Relation { target }),
            ("any", None) => Some(Type::Any),
            ("many", Some(target)) => {
                let item = e
                    .item
                    .as_ref()
                    .map_or_else(|| target.clone(), |i| i.get_ref().clone());
                Some(Type::Many { target, item })
            }
            ("one" | "many", None) => {
                self.error(
                    e.ty.span(),
                    format!("association `{wire}` needs a `target` resource"),
                );
                None
            }
            (
                "integer" | "decimal" | "string" | "text" | "boolean" | "datetime" | "date"
                | "timestamp" | "strings" | "any",
                Some(_),
            ) => {
                let span = e.target.as_ref().map_or(e.ty.span(), Spanned::span);
                self.error(
                    span,
                    format!(
                        "`target` is only for `one`, `many` and `relation`, not `{}`",
                        e.ty.get_ref()
                    ),
                );
                None
            }
            (other, _) => {
                self.error(
                    e.ty.span(),
                    format!(
                        "unknown type `{other}` (expected integer, decimal, string, text, \
                         boolean, datetime, date, timestamp, strings, one, many, relation or any)"
                    ),
                );
                None
            }
        };
        let list = matches!(ty, Some(Type::Many { .. } | Type::Strings { .. }));
        if let (Some(item), Some(_)) = (&e.item, &ty)
            && !list
        {
            self.error(item.span(), "`item` is only for `many` and `strings`");
        }
        if let Some(inline) = &e.inline
            && !list
            && ty.is_some()
        {
            self.error(inline.span(), "`inline` is only for `many` and `strings`");
        }
        let any_item = matches!(&ty, Some(Type::Many { item, .. }) if item == "*");
        if let (Some(item), true, false) = (&e.item, list, any_item)
            && !is_wire_name(item.get_ref())
        {
            self.error(
                item.span(),
                format!("`{}` is not a valid wire name", item.get_ref()),
            );
        }

        let length = match &e.length {
            None => None,
            Some(l) => {
                let n = *l.get_ref();
                match &ty {
                    Some(t) if !t.is_textual() => {
                        self.error(
                            l.span(),
                            format!(
                                "`length` on `{wire}` of type {}: only string and text have a length",
                                t.name()
                            ),
                        );
                        None
                    }
                    _ => match u32::try_from(n) {
                        Ok(n) if n > 0 => Some(n),
                        _ => {
                            self.error(l.span(), format!("length must be at least 1, not {n}"));
                            None
                        }
                    },
                }
            }
        };

        let mut values = Vec::new();
        if let Some(list) = &e.values {
            match &ty {
                Some(Type::String | Type::Text | Type::Integer | Type::Decimal) | None => {
                    let mut seen = HashMap::new();
                    for v in list.get_ref() {
                        if seen.insert(v.get_ref().clone(), ()).is_some() {
                            self.error(
                                v.span(),
                                format!("duplicate allowed value `{}`", v.get_ref()),
                            );
                        }
                        if ty == Some(Type::Decimal)
                            && v.get_ref().parse::<rust_decimal::Decimal>().is_err()
                        {
                            self.error(
                                v.span(),
                                format!(
                                    "allowed value `{}` of decimal `{wire}` is not a decimal",
                                    v.get_ref()
                                ),
                            );
                        }
                        if ty == Some(Type::Integer) && v.get_ref().parse::<i64>().is_err() {
                            self.error(
                                v.span(),
                                format!(
                                    "allowed value `{}` of integer `{wire}` is not an integer",
                                    v.get_ref()
                                ),
                            );
                        }
                        if let (Some(max), true) =
                            (length, ty.as_ref().is_some_and(Type::is_textual))
                            && v.get_ref().chars().count() > max as usize
                        {
                            self.error(
                                v.span(),
                                format!(
                                    "allowed value `{}` is longer than the length {max}",
                                    v.get_ref()
                                ),
                            );
                        }
                        values.push(v.get_ref().clone());
                    }
                    if list.get_ref().is_empty() {
                        self.error(
                            list.span(),
                            "`values` is empty; leave it out to allow any value",
                        );
                    }
                }
                Some(t) => self.error(
                    list.span(),
                    format!(
                        "allowed values on `{wire}` of type {}, which cannot hold them",
                        t.name()
                    ),
                ),
            }
        }

        let mut digits = |f: &Option<Spanned<i64>>, key: &str, min: i64| -> Option<u32> {
            let f = f.as_ref()?;
            if !matches!(ty, Some(Type::Decimal) | None) {
                self.error(
                    f.span(),
                    format!("`{key}` on `{wire}`: only decimals have a {key}"),
                );
                return None;
            }
            match u32::try_from(*f.get_ref()) {
                Ok(n) if i64::from(n) >= min => Some(n),
                _ => {
                    self.error(
                        f.span(),
                        format!("{key} must be at least {min}, not {}", f.get_ref()),
                    );
                    None
                }
            }
        };
        let precision = digits(&e.precision, "precision", 1);
        let scale = digits(&e.scale, "scale", 0);
        if let (Some(p), Some(s), Some(span)) =
            (precision, scale, e.scale.as_ref().map(Spanned::span))
            && s > p
        {
            self.error(span, format!("scale {s} is larger than the precision {p}"));
        }
        let detail = match e.detail.as_ref().map(|d| (d.span(), d.get_ref().as_str())) {
            None => None,
            Some((_, "id")) => Some(Detail::Id),
            Some((_, "summary")) => Some(Detail::Summary),
            Some((_, "full")) => Some(Detail::Full),
            Some((_, "expensive")) => Some(Detail::Expensive),
            Some((span, other)) => {
                self.error(
                    span,
                    format!(
                        "unknown detail level `{other}` (expected `id`, `summary`, `full` or `expensive`)"
                    ),
                );
                None
            }
        };

        let placement = match e
            .placement
            .as_ref()
            .map(|p| (p.span(), p.get_ref().as_str()))
        {
            None | Some((_, "element")) => Placement::Element,
            Some((span, kind @ ("attribute" | "name" | "text"))) => {
                let fits = match (kind, &ty) {
                    (_, None) => true,
                    ("name" | "text", Some(t)) => matches!(t, Type::String | Type::Text),
                    (_, Some(t)) => {
                        t.target().is_none() && !matches!(t, Type::Strings { .. } | Type::Any)
                    }
                };
                if !fits {
                    let what = if kind == "name" || kind == "text" {
                        "a string"
                    } else {
                        "a scalar"
                    };
                    self.error(
                        span,
                        format!("`{wire}` cannot be placed as {kind}: only {what} can"),
                    );
                }
                if kind == "name" {
                    Placement::Name
                } else if kind == "text" {
                    Placement::Text
                } else {
                    Placement::Attribute
                }
            }
            Some((span, other)) => {
                self.error(
                    span,
                    format!(
                        "unknown placement `{other}` (expected `element`, `attribute`, `name` or `text`)"
                    ),
                );
                Placement::Element
            }
        };
        if placement != Placement::Element
            && dialect == Dialect::Coupa
            && let Some(p) = &e.placement
        {
            self.error(
                p.span(),
                "Coupa places every element as a child element; attributes and names are for the flexi dialect",
            );
        }
        if required && !api_in {
            let span = e.required.as_ref().map_or(e.wire.span(), Spanned::span);
            self.error(
                span,
                format!("`{wire}` is required but not API-in (`in = true`)"),
            );
        }

        Some(Element {
            wire,
            doc: e.doc.map(Spanned::into_inner).unwrap_or_default(),
            ty: ty?,
            api_in,
            api_out,
            required,
            unique: flag(&e.unique),
            length,
            precision,
            scale,
            detail,
            values,
            placement,
            inline: e.inline.as_ref().is_some_and(|i| *i.get_ref()),
            line,
        })
    }
}
