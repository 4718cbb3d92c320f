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

/// How to decode, for every codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Maximum nesting of elements, objects and arrays (default 128). The
    /// JSON parser itself stops at 128, so larger values only matter for XML.
    pub max_depth: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions { max_depth: 128 }
    }
}
