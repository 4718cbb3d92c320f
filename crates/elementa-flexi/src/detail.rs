//! A listing's level of detail, `detail=id|summary|full|custom:…`, checked
//! against the evidence it asks for, as `fields` is for Coupa.
//!
//! `custom:` names properties, and a sub-evidence list or a relation may
//! name its own between parentheses: `custom:kod,polozkyDokladu(nazev,mnozMj)`.
//! ABRA Flexi ignores names it does not know, so a typo silently drops a
//! column; [`Detail::check`] reports every unknown name at once, with its
//! path and the closest property.
//!
//! ```
//! use elementa::Resource;
//! use elementa_flexi::detail::Detail;
//! use elementa_flexi::wire::FakturaVydana;
//!
//! let detail: Detail = "custom:kod,polozkyDokladu(nazev,mnozMj)".parse()?;
//! assert!(detail.check(FakturaVydana::resource_meta()).is_ok());
//! assert_eq!(detail.to_string(), "custom:kod,polozkyDokladu(nazev,mnozMj)");
//!
//! let typo: Detail = "custom:kod,polozkyDokladu(nazv)".parse()?;
//! let problems = typo.check(FakturaVydana::resource_meta()).unwrap_err();
//! assert_eq!(problems[0].to_string(),
//!     "polozkyDokladu.nazv: not a property of faktura-vydana-polozka; did you mean `nazev`?");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use elementa::{Kind, ResourceMeta};

/// A level of detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// `id`: identifiers only (the primary key and external ids).
    Id,
    /// `summary`: the listing's default columns.
    Summary,
    /// `full`: every property (a record's default).
    Full,
    /// `custom:a,b,list(c,d)`: the named properties (the id always comes).
    Custom(Vec<Column>),
}

/// One property of a `custom:` detail, with the columns of its target when
/// it is a sub-evidence list or a relation (`polozkyDokladu(nazev)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The property's name.
    pub name: String,
    /// The target's columns, when given in parentheses.
    pub columns: Option<Vec<Column>>,
}

/// A `detail=` value that does not parse: what and at which byte offset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("detail, byte {offset}: {message}")]
pub struct DetailSyntaxError {
    /// Byte offset in the value.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// A name of a `custom:` detail the evidence does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DetailError {
    /// Not a property of the evidence.
    #[error("{path}: not a property of {evidence}{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    Unknown {
        /// Where (`polozkyDokladu.nazv`).
        path: String,
        /// The evidence looked in.
        evidence: &'static str,
        /// The closest property name, if one is close.
        suggestion: Option<String>,
    },
    /// Columns given for a property that has none (a scalar).
    #[error("{path}: `{name}` is a {kind}, not a list or a relation; it takes no columns")]
    NoColumns {
        /// Where.
        path: String,
        /// The property.
        name: String,
        /// Its type (`string`).
        kind: &'static str,
    },
}

impl FromStr for Detail {
    type Err = DetailSyntaxError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "id" => return Ok(Detail::Id),
            "summary" => return Ok(Detail::Summary),
            "full" => return Ok(Detail::Full),
            _ => {}
        }
        let Some(list) = s.strip_prefix("custom:") else {
            return Err(DetailSyntaxError {
                offset: 0,
                message: format!(
                    "`{s}` is not a level (expected id, summary, full or custom:a,b,list(c))"
                ),
            });
        };
        let mut p = Parser {
            text: list,
            at: 0,
            base: "custom:".len(),
        };
        let columns = p.columns()?;
        if p.at < list.len() {
            return Err(p.error("expected `,` or the end"));
        }
        Ok(Detail::Custom(columns))
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    base: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> DetailSyntaxError {
        DetailSyntaxError {
            offset: self.base + self.at,
            message: message.to_owned(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.text.get(self.at..).and_then(|r| r.chars().next())
    }

    /// `name[(columns)]` separated by commas, up to `)` or the end.
    fn columns(&mut self) -> Result<Vec<Column>, DetailSyntaxError> {
        let mut out = Vec::new();
        loop {
            let start = self.at;
            while let Some(c) = self.peek() {
                if c == ',' || c == '(' || c == ')' {
                    break;
                }
                self.at += c.len_utf8();
            }
            let name = self.text.get(start..self.at).unwrap_or_default();
            if name.is_empty() {
                return Err(self.error("expected a property name"));
            }
            if name.chars().any(char::is_whitespace) {
                return Err(DetailSyntaxError {
                    offset: self.base + start,
                    message: format!("`{name}`: property names have no spaces"),
                });
            }
            let columns = if self.peek() == Some('(') {
                self.at += 1;
                let inner = self.columns()?;
                if self.peek() != Some(')') {
                    return Err(self.error("expected `)`"));
                }
                self.at += 1;
                Some(inner)
            } else {
                None
            };
            out.push(Column {
                name: name.to_owned(),
                columns,
            });
            if self.peek() == Some(',') {
                self.at += 1;
            } else {
                return Ok(out);
            }
        }
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Id => f.write_str("id"),
            Detail::Summary => f.write_str("summary"),
            Detail::Full => f.write_str("full"),
            Detail::Custom(columns) => {
                f.write_str("custom:")?;
                write_columns(f, columns)
            }
        }
    }
}

fn write_columns(f: &mut fmt::Formatter<'_>, columns: &[Column]) -> fmt::Result {
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            f.write_str(",")?;
        }
        f.write_str(&c.name)?;
        if let Some(inner) = &c.columns {
            f.write_str("(")?;
            write_columns(f, inner)?;
            f.write_str(")")?;
        }
    }
    Ok(())
}

impl Detail {
    /// Checks every name of a `custom:` detail against `evidence` (and the
    /// targets of lists and relations), collecting all problems in order.
    pub fn check(&self, evidence: &'static ResourceMeta) -> Result<(), Vec<DetailError>> {
        let mut problems = Vec::new();
        if let Detail::Custom(columns) = self {
            check_columns(columns, evidence, "", &mut problems);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

fn check_columns(
    columns: &[Column],
    meta: &'static ResourceMeta,
    prefix: &str,
    out: &mut Vec<DetailError>,
) {
    for c in columns {
        let path = format!("{prefix}{}", c.name);
        let Some((_, el)) = meta.element(&c.name) else {
            out.push(DetailError::Unknown {
                path,
                evidence: meta.wire,
                suggestion: suggest(meta, &c.name),
            });
            continue;
        };
        let Some(inner) = &c.columns else {
            continue;
        };
        let target = match el.kind {
            Kind::Many { target, .. } | Kind::One(target) => Some(target()),
            Kind::Relation { target } => target.and_then(crate::wire::resource),
            _ => {
                out.push(DetailError::NoColumns {
                    path,
                    name: c.name.clone(),
                    kind: el.kind.name(),
                });
                continue;
            }
        };
        // A relation whose target the metadata does not name: its columns
        // cannot be checked.
        if let Some(target) = target {
            check_columns(inner, target, &format!("{path}."), out);
        }
    }
}

/// The property of `meta` closest to `name`, if close enough to be a typo.
fn suggest(meta: &ResourceMeta, name: &str) -> Option<String> {
    let (best, distance) = meta
        .elements
        .iter()
        .map(|e| (e.wire, strsim::damerau_levenshtein(name, e.wire)))
        .min_by_key(|(_, d)| *d)?;
    let limit = (name.chars().count() / 3).max(2);
    (distance <= limit).then(|| best.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Adresar, FakturaVydana};
    use elementa::Resource;

    #[test]
    fn levels_and_custom_lists_parse_and_print_back() {
        for text in [
            "id",
            "summary",
            "full",
            "custom:kod",
            "custom:kod,nazev,polozkyDokladu(nazev,mnozMj),firma(kod,nazev)",
            "custom:kod,polozkyDokladu(cenik(kod))",
        ] {
            let detail: Detail = text.parse().unwrap();
            assert_eq!(detail.to_string(), text);
        }
    }

    #[test]
    fn syntax_errors_say_where() {
        let cases = [
            ("everything", 0, "`everything` is not a level"),
            ("custom:", 7, "expected a property name"),
            ("custom:kod,,nazev", 11, "expected a property name"),
            ("custom:kod,polozkyDokladu(nazev", 31, "expected `)`"),
            ("custom:kod)", 10, "expected `,` or the end"),
            (
                "custom:kod, nazev",
                11,
                "` nazev`: property names have no spaces",
            ),
        ];
        for (text, offset, message) in cases {
            let e = text.parse::<Detail>().unwrap_err();
            assert_eq!(e.offset, offset, "{text}");
            assert!(e.message.starts_with(message), "{text}: {}", e.message);
        }
    }

    #[test]
    fn every_unknown_name_is_reported_with_its_path_and_a_suggestion() {
        let detail: Detail = "custom:kdo,polozkyDokladu(nazv,mnozMj),firma(nazev),kod(x),zzzzzz"
            .parse()
            .unwrap();
        let problems: Vec<String> = detail
            .check(FakturaVydana::resource_meta())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "kdo: not a property of faktura-vydana; did you mean `kod`?",
                "polozkyDokladu.nazv: not a property of faktura-vydana-polozka; did you mean `nazev`?",
                "kod: `kod` is a string, not a list or a relation; it takes no columns",
                "zzzzzz: not a property of faktura-vydana",
            ]
        );
        // A relation's columns are checked against its target evidence.
        let firma: Detail = "custom:firma(nazv)".parse().unwrap();
        let problems = firma.check(FakturaVydana::resource_meta()).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "firma.nazv: not a property of adresar; did you mean `nazev`?"
        );
        assert!(Detail::Full.check(Adresar::resource_meta()).is_ok());
    }
}
