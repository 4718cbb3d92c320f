//! The error of every codec: where in the payload, and what.

/// A payload that could not be decoded: line and column (or 0 when unknown),
/// the element path in wire names, and what is wrong.
///
/// ```
/// let e = elementa::DecodeError {
///     line: 3, column: 14, path: "expense-lines[1].amount".into(),
///     message: "`abc` is not a valid decimal".into(),
/// };
/// assert_eq!(e.to_string(), "3:14: expense-lines[1].amount: `abc` is not a valid decimal");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {}{message}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
pub struct DecodeError {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column in characters (0 when unknown).
    pub column: usize,
    /// Element path in wire names (`expense-lines[2].amount`), empty at the top.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
///
/// ```
/// assert_eq!(elementa::line_col("a\nbč\nc", 6), (3, 1));
/// ```
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count());
    (before.matches('\n').count() + 1, column + 1)
}

/// A failure while streaming records from a reader to a consumer.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// The input does not decode.
    #[error("{0}")]
    Decode(#[from] DecodeError),
    /// Reading the input or writing the output failed.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
}

/// Whether a streamed payload held one record or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One record.
    One,
    /// A list of records (possibly empty).
    List,
}

/// What a streaming decoder hands over, in document order
/// (`elementa_json::for_each_item`, `elementa_xml::for_each_item`): the
/// records, and what a writer needs to give an ABRA Flexi envelope back.
#[derive(Debug)]
pub enum StreamItem<'a> {
    /// The document is an ABRA Flexi `winstrom` envelope. Said once, before
    /// its attributes and records; its records come as [`Shape::List`].
    Envelope,
    /// One of the envelope's attributes, in document order, without JSON's
    /// `@` (`version`, `rowCount`, `globalVersion`). In XML all come before
    /// the first record; in JSON wherever the document has them.
    Attribute(&'a str, &'a str),
    /// A record, with the shape of the document holding it.
    Record(Shape, Box<dyn crate::Record>),
}

/// How to decode, for every codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Maximum nesting of elements, objects and arrays (default 128). The
    /// JSON parser itself stops at 128, so larger values only matter for XML.
    pub max_depth: usize,
    /// What the caller keeps of each record (default: everything). What it
    /// does not keep is skipped unread — not checked, not allocated — as a
    /// streaming projection does.
    pub keep: Keep,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            max_depth: 128,
            keep: Keep::All,
        }
    }
}

/// What a decoder reads of each record; the rest is skipped unread.
///
/// ```
/// use elementa::{DecodeOptions, Keep, Resource};
/// use elementa_coupa::ExpenseReport;
///
/// // The line's amount is not valid, but Shallow skips it unread.
/// let text = r#"{"id": 1, "title": "Reno", "expense-lines": [{"id": 7, "amount": "x"}]}"#;
/// let options = DecodeOptions { keep: Keep::Shallow, ..Default::default() };
/// let r = elementa_json::decode_payload(ExpenseReport::resource_meta(), text, options).unwrap();
/// let report: &ExpenseReport = r.record().and_then(|r| r.downcast_ref()).unwrap();
/// assert_eq!(report.title, elementa::Field::Value("Reno".into()));
/// assert!(elementa_json::from_str::<ExpenseReport>(text).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keep {
    /// Everything.
    #[default]
    All,
    /// Each record's `id` only (Coupa's `return_object=limited`).
    Ids,
    /// Each record whole, with its associated records' `id` and natural
    /// keys only (`return_object=shallow`).
    Shallow,
}

impl Keep {
    /// Whether an element (`None`: an unknown one) of a record of `meta`,
    /// `level` records deep (1: the payload's own), is read.
    pub fn keeps(
        self,
        meta: &crate::ResourceMeta,
        level: usize,
        element: Option<&crate::ElementMeta>,
    ) -> bool {
        let key = |e: &crate::ElementMeta| e.wire == "id" || meta.natural_keys.contains(&e.wire);
        match self {
            Keep::All => true,
            Keep::Ids => level <= 1 && element.is_some_and(|e| e.wire == "id"),
            Keep::Shallow => level <= 1 || element.is_some_and(key),
        }
    }
}
