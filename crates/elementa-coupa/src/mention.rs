//! Mentions in comment text: `@[User:2]` notifies user 2. The spaced form a
//! translation produced (`@ [User: 2]`) is accepted; the canonical form is
//! written. And a builder for comments on the five commentable documents.

use elementa::Field;

use crate::Comment;

/// A piece of comment text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'a> {
    /// Plain text.
    Text(&'a str),
    /// A mention of the user with this id.
    User(u64),
}

/// Tries to read a mention at the start of `s` (which starts with `@`);
/// returns the user id and the length read.
fn mention_at(s: &str) -> Option<(u64, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let skip = |i: &mut usize| {
        while b.get(*i).is_some_and(|c| *c == b' ') {
            *i += 1;
        }
    };
    skip(&mut i);
    (b.get(i) == Some(&b'[')).then_some(())?;
    i += 1;
    skip(&mut i);
    s.get(i..i + 4).filter(|w| *w == "User")?;
    i += 4;
    skip(&mut i);
    (b.get(i) == Some(&b':')).then_some(())?;
    i += 1;
    skip(&mut i);
    let start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let id: u64 = s.get(start..i)?.parse().ok()?;
    skip(&mut i);
    (b.get(i) == Some(&b']')).then_some(())?;
    Some((id, i + 1))
}

/// Splits comment text into text and mentions.
///
/// ```
/// use elementa_coupa::mention::{Part, parse, render};
/// let parts = parse("@ [User: 2] please see this comment");
/// assert_eq!(parts, [Part::User(2), Part::Text(" please see this comment")]);
/// assert_eq!(render(&parts), "@[User:2] please see this comment");
/// ```
pub fn parse(text: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while let Some(off) = text.get(i..).and_then(|rest| rest.find('@')) {
        let at = i + off;
        match text.get(at..).and_then(mention_at) {
            Some((id, len)) => {
                if at > plain_from
                    && let Some(t) = text.get(plain_from..at)
                {
                    parts.push(Part::Text(t));
                }
                parts.push(Part::User(id));
                i = at + len;
                plain_from = i;
            }
            None => i = at + 1,
        }
    }
    if let Some(t) = text.get(plain_from..).filter(|t| !t.is_empty()) {
        parts.push(Part::Text(t));
    }
    parts
}

/// Writes parts back as text, mentions in the canonical form `@[User:ID]`.
pub fn render(parts: &[Part<'_>]) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            Part::Text(t) => out.push_str(t),
            Part::User(id) => out.push_str(&format!("@[User:{id}]")),
        }
    }
    out
}

/// The text with every mention in the canonical form.
pub fn canonical(text: &str) -> String {
    render(&parse(text))
}

/// The ids of the users `text` mentions, in order.
pub fn mentioned(text: &str) -> Vec<u64> {
    parse(text)
        .into_iter()
        .filter_map(|p| match p {
            Part::User(id) => Some(id),
            Part::Text(_) => None,
        })
        .collect()
}

/// A document comments can be made on, with its route segment and the
/// `commentable-type` Coupa records for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Commentable {
    /// `/api/invoices/:id/comments` (`InvoiceHeader`).
    Invoice,
    /// `/api/expense_reports/:id/comments` (`ExpenseReport`).
    ExpenseReport,
    /// `/api/purchase_orders/:id/comments` (`OrderHeader`).
    PurchaseOrder,
    /// `/api/users/:id/comments` (`User`).
    User,
    /// `/api/requisitions/:id/comments` (`RequisitionHeader`).
    Requisition,
}

impl Commentable {
    /// Every commentable document.
    pub const ALL: [Commentable; 5] = [
        Commentable::Invoice,
        Commentable::ExpenseReport,
        Commentable::PurchaseOrder,
        Commentable::User,
        Commentable::Requisition,
    ];

    /// The route segment (`invoices`).
    pub fn segment(self) -> &'static str {
        match self {
            Commentable::Invoice => "invoices",
            Commentable::ExpenseReport => "expense_reports",
            Commentable::PurchaseOrder => "purchase_orders",
            Commentable::User => "users",
            Commentable::Requisition => "requisitions",
        }
    }

    /// The `commentable-type` Coupa records (`InvoiceHeader`).
    pub fn commentable_type(self) -> &'static str {
        match self {
            Commentable::Invoice => "InvoiceHeader",
            Commentable::ExpenseReport => "ExpenseReport",
            Commentable::PurchaseOrder => "OrderHeader",
            Commentable::User => "User",
            Commentable::Requisition => "RequisitionHeader",
        }
    }
}

/// Builds a comment, mentioning users by id.
///
/// ```
/// use elementa_coupa::mention::{CommentBuilder, Commentable};
/// let c = CommentBuilder::new(Commentable::Invoice, 123456)
///     .mention(2)
///     .text(" please see this comment")
///     .build();
/// assert_eq!(c.comments.value().unwrap(), "@[User:2] please see this comment");
/// assert_eq!(c.commentable_type.value().unwrap(), "InvoiceHeader");
/// ```
#[derive(Debug, Clone)]
pub struct CommentBuilder {
    parent: Commentable,
    parent_id: i64,
    text: String,
    to_supplier: Option<bool>,
}

impl CommentBuilder {
    /// A comment on document `parent_id` of kind `parent`.
    pub fn new(parent: Commentable, parent_id: i64) -> Self {
        CommentBuilder {
            parent,
            parent_id,
            text: String::new(),
            to_supplier: None,
        }
    }

    /// Appends text (mentions in it are written canonically).
    pub fn text(mut self, text: &str) -> Self {
        self.text.push_str(&canonical(text));
        self
    }

    /// Appends a mention of user `id`.
    pub fn mention(mut self, id: u64) -> Self {
        self.text.push_str(&format!("@[User:{id}]"));
        self
    }

    /// Whether the supplier may see the comment.
    pub fn to_supplier(mut self, visible: bool) -> Self {
        self.to_supplier = Some(visible);
        self
    }

    /// The comment.
    pub fn build(self) -> Comment {
        Comment {
            commentable_id: Field::Value(self.parent_id),
            commentable_type: Field::Value(self.parent.commentable_type().to_owned()),
            comments: Field::Value(self.text),
            to_supplier: self.to_supplier.map_or(Field::Absent, Field::Value),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_round_trips() {
        for text in [
            "@[User:2] please see this comment",
            "cc @[User:2] and @[User:30], thanks",
            "mail me @ home; @[Users:2] is not a mention; @[User:] neither",
            "",
            "@",
        ] {
            assert_eq!(render(&parse(text)), text);
        }
        assert_eq!(mentioned("cc @[User:2] and @[User:30]"), [2, 30]);
    }

    #[test]
    fn spaced_forms_parse_and_render_canonically() {
        assert_eq!(canonical("@ [User: 2] please"), "@[User:2] please");
        assert_eq!(canonical("@[ User : 7 ]"), "@[User:7]");
        assert_eq!(mentioned("x@ [User: 2]y@[User:3]"), [2, 3]);
        assert_eq!(parse("é@[User:1]"), [Part::Text("é"), Part::User(1)]);
    }
}
