//! Validation against the element tables, collecting every problem in one pass.

use std::fmt;

use crate::meta::ResourceMeta;
use crate::record::{FieldRef, Record};

/// Which way a payload travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// A request body: required elements present, no out-only elements,
    /// lengths and allowed values.
    In,
    /// A response body: lengths and allowed values.
    Out,
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::In => "in",
            Direction::Out => "out",
        })
    }
}

/// How to validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Request or response.
    pub direction: Direction,
    /// Also report values outside the allowed list and unknown elements.
    pub strict: bool,
    /// A request that changes an existing record (PUT/PATCH) rather than
    /// creating one: the elements required on create need not be sent.
    pub update: bool,
}

impl Options {
    /// Lenient validation in `direction`.
    pub fn new(direction: Direction) -> Self {
        Options {
            direction,
            strict: false,
            update: false,
        }
    }

    /// The same, for an update request (PUT/PATCH) body.
    pub fn update(self) -> Self {
        Options {
            update: true,
            ..self
        }
    }

    /// The same, strict.
    pub fn strict(self) -> Self {
        Options {
            strict: true,
            ..self
        }
    }
}

/// What is wrong with one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required element is missing from a request.
    Missing,
    /// A required element is null in a request.
    NullRequired,
    /// An element that requests may not carry (API-in is false).
    NotApiIn,
    /// A string longer than the element's length.
    TooLong {
        /// The maximum, in characters.
        max: u32,
        /// The actual length, in characters.
        len: usize,
    },
    /// A value outside the allowed list (reported in strict mode).
    NotAllowed {
        /// The value.
        value: String,
        /// The allowed values.
        allowed: &'static [&'static str],
    },
    /// An element the schema does not name (reported in strict mode).
    Unknown,
}

/// One problem, located by its path in wire names
/// (`integration-errors[2].document-type`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path in wire names.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.path;
        match &self.kind {
            ProblemKind::Missing => write!(f, "{p}: required element is missing"),
            ProblemKind::NullRequired => write!(f, "{p}: required element is null"),
            ProblemKind::NotApiIn => {
                write!(
                    f,
                    "{p}: not accepted in requests (the element is not API-in)"
                )
            }
            ProblemKind::TooLong { max, len } => {
                write!(f, "{p}: {len} characters, longer than the maximum {max}")
            }
            ProblemKind::NotAllowed { value, allowed } => {
                let shown: Vec<&str> = allowed.iter().take(8).copied().collect();
                let more = if allowed.len() > 8 { ", …" } else { "" };
                write!(
                    f,
                    "{p}: `{value}` is not an allowed value (allowed: {}{more})",
                    shown.join(", ")
                )
            }
            ProblemKind::Unknown => write!(f, "{p}: unknown element"),
        }
    }
}

/// Validates `record` and returns every problem found, in document order.
///
/// Lengths count characters (Unicode scalar values): Coupa's element tables
/// give lengths as `string(255)` without saying bytes, and its database columns
/// count characters.
///
/// Inside associations of a request, the record is a reference to an existing
/// one: `id` and natural keys may be sent even though they are out-only, and
/// required elements are not demanded; lengths and allowed values still hold.
pub fn validate(record: &dyn Record, options: Options) -> Vec<Problem> {
    validate_with(record, options, &CustomFields::default())
}

/// [`validate`], where `custom` names the custom fields a tenant sends in
/// the API's global namespace: under [`Options::strict`] they are not
/// reported as unknown elements. (Coupa's `custom-fields` element, the
/// namespace of newer custom fields, never is.)
pub fn validate_with(record: &dyn Record, options: Options, custom: &CustomFields) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut path = String::new();
    let cx = Context { options, custom };
    walk(record, &cx, true, &mut path, &mut problems);
    problems
}

/// ABRA Flexi: whether a record of a write only changes an existing record,
/// so the elements required on create need not be sent: it runs an action
/// (a non-empty `action="storno"`, which needs only an identifier) or may not create
/// (`create="fail"`).
fn flexi_changes_existing(record: &dyn Record) -> bool {
    let meta = record.meta();
    if meta.dialect != crate::Dialect::Flexi {
        return false;
    }
    let value = |wire: &str| {
        meta.element(wire)
            .and_then(|(i, _)| record.field(i))
            .filter(FieldRef::is_present)
    };
    let fails_create = match value("create") {
        Some(FieldRef::Enum(f)) => f.get().value().is_some_and(|v| *v == "fail"),
        Some(FieldRef::String(f)) => f.value().is_some_and(|v| v == "fail"),
        _ => false,
    };
    let action = match value("action") {
        Some(FieldRef::Enum(f)) => f.get().value().is_some_and(|v| !v.is_empty()),
        Some(FieldRef::String(f)) => f.value().is_some_and(|v| !v.is_empty()),
        _ => false,
    };
    action || fails_create
}

/// ABRA Flexi: whether `name` is a decoration an export or a write puts on
/// an element of the record's schema (`stavUhrK@showAs`, see
/// [`crate::Relation::DECORATIONS`]), not an unknown element.
fn is_decoration(meta: &ResourceMeta, extra: &crate::Extra) -> bool {
    let string = matches!(extra.value, crate::Any::String(_));
    crate::property_attribute(&extra.name).is_some_and(|(element, attribute)| {
        string
            && crate::Relation::DECORATIONS.contains(&attribute)
            && meta
                .element(element)
                .is_some_and(|(_, e)| e.placement == crate::Placement::Element)
    })
}

/// Custom fields a tenant has added to resources, by name pattern: Coupa
/// sends older custom fields (and those marked "API global namespace") as
/// elements of the record itself, beside the ones its element table names.
///
/// ```
/// use elementa::CustomFields;
///
/// let mut custom = CustomFields::default();
/// custom.declare("coupa/*", "custom-field-*");
/// custom.declare("coupa/user", "radio-button-test");
/// assert!(custom.allows("coupa/invoice-header", "custom-field-7"));
/// assert!(custom.allows("coupa/user", "radio-button-test"));
/// assert!(!custom.allows("coupa/account", "radio-button-test"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomFields {
    rules: Vec<(String, String)>,
}

impl CustomFields {
    /// Declares the elements named `name` on the resources `resource` (an
    /// id such as `coupa/user`). Either may hold one `*`, standing for any
    /// text (`coupa/*`, `custom-field-*`).
    pub fn declare(&mut self, resource: &str, name: &str) {
        self.rules.push((resource.to_owned(), name.to_owned()));
    }

    /// Whether an element `name` of resource `resource` is declared.
    pub fn allows(&self, resource: &str, name: &str) -> bool {
        self.rules
            .iter()
            .any(|(r, n)| wildcard(r, resource) && wildcard(n, name))
    }

    /// Whether nothing is declared.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Whether `text` matches `pattern`, in which one `*` stands for any text.
fn wildcard(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            text.len() >= head.len() + tail.len() && text.starts_with(head) && text.ends_with(tail)
        }
    }
}

/// The name of the element in which Coupa sends custom fields of the newer
/// kind (R21 on), on any resource.
pub const COUPA_CUSTOM_FIELDS: &str = "custom-fields";

struct Context<'a> {
    options: Options,
    custom: &'a CustomFields,
}

fn walk(
    record: &dyn Record,
    cx: &Context<'_>,
    top: bool,
    path: &mut String,
    out: &mut Vec<Problem>,
) {
    let options = cx.options;
    let meta: &ResourceMeta = record.meta();
    let request = options.direction == Direction::In;
    let update = options.update || (top && flexi_changes_existing(record));
    for (i, el) in meta.elements.iter().enumerate() {
        let Some(field) = record.field(i) else {
            continue;
        };
        let mark = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(el.wire);
        let mut report = |kind| {
            out.push(Problem {
                path: path.clone(),
                kind,
            })
        };
        if request {
            let reference_key = !top && meta.is_key(el.wire);
            if field.is_present() && !el.api_in && !reference_key {
                report(ProblemKind::NotApiIn);
            }
            if top && el.required && !update {
                if !field.is_present() {
                    report(ProblemKind::Missing);
                } else if field.is_null() {
                    report(ProblemKind::NullRequired);
                }
            }
        }
        let text = match field {
            FieldRef::String(f) => f.value().map(String::as_str),
            FieldRef::Enum(f) => {
                // ABRA Flexi's empty select is no value (exports write `""`).
                let empty = meta.dialect == crate::Dialect::Flexi
                    && f.get().value().is_some_and(|v| v.is_empty());
                if options.strict
                    && !f.is_known()
                    && !empty
                    && let Some(v) = f.get().value()
                {
                    report(ProblemKind::NotAllowed {
                        value: (*v).to_owned(),
                        allowed: el.values,
                    });
                }
                f.get().value().copied()
            }
            FieldRef::Integer(f) => {
                if let (Some(v), true) = (f.value(), options.strict && !el.values.is_empty()) {
                    let s = v.to_string();
                    if !el.values.contains(&s.as_str()) {
                        report(ProblemKind::NotAllowed {
                            value: s,
                            allowed: el.values,
                        });
                    }
                }
                None
            }
            FieldRef::One(f) => {
                if let Some(r) = f.get().value() {
                    walk(*r, cx, false, path, out);
                }
                None
            }
            FieldRef::Many(f) => {
                if let Some(&n) = f.count().value() {
                    for k in 0..n {
                        if let Some(r) = f.item(k) {
                            let m = path.len();
                            path.push_str(&format!("[{k}]"));
                            walk(r, cx, false, path, out);
                            path.truncate(m);
                        }
                    }
                }
                None
            }
            _ => None,
        };
        if let (Some(s), Some(max)) = (text, el.length) {
            let len = s.chars().count();
            if len > max as usize {
                out.push(Problem {
                    path: path.clone(),
                    kind: ProblemKind::TooLong { max, len },
                });
            }
        }
        path.truncate(mark);
    }
    if options.strict {
        let coupa = meta.dialect == crate::Dialect::Coupa;
        for extra in record.extra().iter() {
            if (coupa && extra.name == COUPA_CUSTOM_FIELDS)
                || cx.custom.allows(meta.id, &extra.name)
                || (!coupa && is_decoration(meta, extra))
            {
                continue;
            }
            let p = if path.is_empty() {
                extra.name.clone()
            } else {
                format!("{path}.{}", extra.name)
            };
            out.push(Problem {
                path: p,
                kind: ProblemKind::Unknown,
            });
        }
    }
}
