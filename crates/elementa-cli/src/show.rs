//! `elementa schema list` and `elementa schema show`.

use elementa::{ElementMeta, Kind, Placement, ResourceMeta};

use crate::{Outcome, registry};

pub fn list() -> Outcome {
    let all = registry::all();
    let width = all.iter().map(|m| m.id.len()).max().unwrap_or(0);
    for m in all {
        let first = m
            .doc
            .split(". ")
            .next()
            .unwrap_or(m.doc)
            .trim_end_matches('.');
        println!(
            "{:<width$}  {:>3} elements  {}",
            m.id,
            m.elements.len(),
            first
        );
    }
    Outcome::Ok
}

fn type_cell(e: &ElementMeta) -> String {
    let mut t = match e.kind {
        Kind::One(target) => format!("one {}", target().wire),
        Kind::Many { target, .. } => format!("many {}", target().wire),
        k => k.name().to_owned(),
    };
    if e.placement == Placement::Attribute {
        t.push_str(" (attr)");
    }
    t
}

fn flag(b: bool) -> &'static str {
    if b { "yes" } else { "" }
}

/// Renders the element table of `m` as aligned text.
pub fn table(m: &ResourceMeta) -> String {
    let header = [
        "element",
        "type",
        "in",
        "out",
        "required",
        "length",
        "allowed values",
    ];
    let rows: Vec<[String; 7]> = m
        .elements
        .iter()
        .map(|e| {
            [
                e.wire.to_owned(),
                type_cell(e),
                flag(e.api_in).to_owned(),
                flag(e.api_out).to_owned(),
                flag(e.required).to_owned(),
                e.length.map(|n| n.to_string()).unwrap_or_default(),
                e.values.join(", "),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        s.trim_end().to_owned() + "\n"
    };
    let mut out = format!(
        "{}  ({}, wire root `{}`)\n{}\n",
        m.id, m.rust, m.wire, m.doc
    );
    if !m.paths.is_empty() {
        out.push_str(&format!("paths: {}\n", m.paths.join(", ")));
    }
    if !m.natural_keys.is_empty() {
        out.push_str(&format!("natural keys: {}\n", m.natural_keys.join(", ")));
    }
    out.push('\n');
    out.push_str(&line(&header.map(str::to_owned)));
    out.push_str(&line(&widths.map(|w| "-".repeat(w))));
    for r in &rows {
        out.push_str(&line(r));
    }
    if !m.actions.is_empty() {
        out.push_str("\nactions:\n");
        let width = m.actions.iter().map(|a| a.name.len()).max().unwrap_or(0);
        for a in m.actions {
            out.push_str(&format!(
                "  {:<width$}  {:<6} {}\n",
                a.name, a.method, a.path
            ));
        }
    }
    out
}

pub fn show(id: &str) -> Outcome {
    match registry::find(id) {
        Ok(m) => {
            print!("{}", table(m));
            Outcome::Ok
        }
        Err(e) => {
            eprintln!("elementa: {e}");
            Outcome::Usage
        }
    }
}
