//! Rust names derived from wire names, without collisions.

use std::collections::HashSet;

/// Rust keywords (strict and reserved, all editions) that cannot be field names.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Splits a wire name into lowercase words: non-alphanumerics separate words,
/// and so do lower-to-upper case changes (`datVyst` → `dat`, `vyst`) and
/// the end of an acronym (`HTTPServer` → `http`, `server`).
pub fn words(wire: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = wire.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let boundary = c.is_uppercase()
            && (prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_lowercase)));
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn ascii_only(word: &str) -> String {
    word.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { 'x' })
        .collect()
}

/// A snake_case field name for `wire`, before collision handling.
///
/// `commentable-id` → `commentable_id`; `active?` → `is_active`;
/// `type` → `type_`; `1099-form` → `_1099_form`; `Asn::Header` → `asn_header`.
pub fn field_name(wire: &str) -> String {
    let mut ws: Vec<String> = words(wire).iter().map(|w| ascii_only(w)).collect();
    if wire.ends_with('?') && ws.first().is_some_and(|w| w != "is" && w != "has") {
        ws.insert(0, "is".to_owned());
    }
    let mut name = ws.join("_");
    if name.is_empty() {
        name = "element".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// An UpperCamelCase type or variant name for `text`, before collision handling.
///
/// `integration-run` → `IntegrationRun`; `Asn::Header` → `AsnHeader`;
/// `1` → `V1`; an empty text → `Empty`.
pub fn type_name(text: &str) -> String {
    let mut name: String = words(text)
        .iter()
        .map(|w| {
            let w = ascii_only(w);
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect();
    if name.is_empty() {
        name = "Empty".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    if name == "Self" {
        name.push('_');
    }
    name
}

/// Hands out names unique within one scope: a taken name gets `_2`, `_3`, …
/// (or `2`, `3` for type names).
#[derive(Debug, Default)]
pub struct Namer {
    taken: HashSet<String>,
}

impl Namer {
    /// A scope in which `reserved` are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Namer {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// Claims `base`, or the first free numbered variant of it.
    pub fn claim(&mut self, base: String, sep: &str) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let base = base.trim_end_matches('_');
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .find(|c| self.taken.insert(c.clone()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_cover_vendor_spellings() {
        assert_eq!(field_name("commentable-id"), "commentable_id");
        assert_eq!(field_name("active?"), "is_active");
        assert_eq!(field_name("is-active?"), "is_active");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("1099-form"), "_1099_form");
        assert_eq!(field_name("Asn::Header"), "asn_header");
        assert_eq!(field_name("datVyst"), "dat_vyst");
        assert_eq!(field_name("@in-version"), "in_version");
        assert_eq!(field_name("HTTPServer"), "http_server");
        assert_eq!(field_name("nazevA"), "nazev_a");
        assert_eq!(field_name("?"), "element");
    }

    #[test]
    fn type_names_cover_vendor_spellings() {
        assert_eq!(type_name("integration-run"), "IntegrationRun");
        assert_eq!(type_name("Asn::Header"), "AsnHeader");
        assert_eq!(type_name("OrderHeader"), "OrderHeader");
        assert_eq!(type_name("pending"), "Pending");
        assert_eq!(type_name("1"), "V1");
        assert_eq!(type_name(""), "Empty");
        assert_eq!(type_name("self"), "Self_");
    }

    #[test]
    fn collisions_get_numbered() {
        // Coupa has `active` beside `active?`, and both beside `is-active`.
        let mut n = Namer::with_reserved(&["extra"]);
        assert_eq!(n.claim(field_name("is-active"), "_"), "is_active");
        assert_eq!(n.claim(field_name("active?"), "_"), "is_active_2");
        assert_eq!(n.claim(field_name("active"), "_"), "active");
        assert_eq!(n.claim(field_name("extra"), "_"), "extra_2");
        let mut t = Namer::with_reserved(&["Other"]);
        assert_eq!(t.claim(type_name("other"), ""), "Other2");
    }
}
