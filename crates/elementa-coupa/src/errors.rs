//! Coupa's error bodies, XML and JSON, decoded to one type.
//!
//! XML: `<errors><error>Account can't be blank</error></errors>` (an `error`
//! may carry a `field` attribute). JSON: `{"errors": {"account": ["can't be
//! blank"]}}`, or a plain list of messages under `errors`.

use std::fmt;

use elementa::{DecodeError, line_col};
use quick_xml::Reader;
use quick_xml::events::Event;

/// One message of an error body, with the element it concerns if Coupa said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorMessage {
    /// The element (as Coupa named it), if the body keyed the message by one.
    pub field: Option<String>,
    /// The message.
    pub message: String,
}

/// A decoded Coupa error body.
///
/// ```
/// use elementa_coupa::ErrorBody;
/// let json = ErrorBody::from_json(r#"{"errors": {"account": ["can't be blank"]}}"#).unwrap();
/// let xml = ErrorBody::from_xml("<errors><error field=\"account\">can't be blank</error></errors>").unwrap();
/// assert_eq!(json, xml);
/// assert_eq!(json.to_string(), "account: can't be blank");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorBody {
    /// The messages in the order Coupa gave them.
    pub messages: Vec<ErrorMessage>,
}

impl fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, m) in self.messages.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            match &m.field {
                Some(field) => write!(f, "{field}: {}", m.message)?,
                None => f.write_str(&m.message)?,
            }
        }
        Ok(())
    }
}

fn error_at(text: &str, offset: usize, message: impl Into<String>) -> DecodeError {
    let (line, column) = line_col(text, offset);
    DecodeError {
        line,
        column,
        path: String::new(),
        message: message.into(),
    }
}

impl ErrorBody {
    /// Decodes `{"errors": {...}}` / `{"errors": [...]}`.
    pub fn from_json(text: &str) -> Result<Self, DecodeError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| DecodeError {
            line: e.line(),
            column: e.column(),
            path: String::new(),
            message: e.to_string(),
        })?;
        let errors = value
            .get("errors")
            .ok_or_else(|| error_at(text, 0, "an error body has an `errors` member"))?;
        let mut messages = Vec::new();
        let text_of = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match errors {
            serde_json::Value::Object(map) => {
                for (field, v) in map {
                    let list = v.as_array().map_or_else(|| vec![v.clone()], Clone::clone);
                    for m in &list {
                        messages.push(ErrorMessage {
                            field: Some(field.clone()),
                            message: text_of(m),
                        });
                    }
                }
            }
            serde_json::Value::Array(list) => messages.extend(list.iter().map(|m| ErrorMessage {
                field: None,
                message: text_of(m),
            })),
            other => messages.push(ErrorMessage {
                field: None,
                message: text_of(other),
            }),
        }
        Ok(ErrorBody { messages })
    }

    /// Decodes `<errors><error>…</error>…</errors>`.
    pub fn from_xml(text: &str) -> Result<Self, DecodeError> {
        let mut reader = Reader::from_str(text);
        let mut messages = Vec::new();
        let mut current: Option<ErrorMessage> = None;
        let mut saw_root = false;
        loop {
            let pos = usize::try_from(reader.buffer_position()).unwrap_or(0);
            match reader.read_event() {
                Ok(Event::Start(e)) if e.name().as_ref() == "errors" => saw_root = true,
                Ok(Event::Start(e)) if e.name().as_ref() == "error" => {
                    let field = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "field")
                        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                        .map(|v| v.into_owned());
                    current = Some(ErrorMessage {
                        field,
                        message: String::new(),
                    });
                }
                Ok(Event::Text(t)) => {
                    if let Some(c) = current.as_mut() {
                        c.message.push_str(&t.xml10_content());
                    }
                }
                Ok(Event::GeneralRef(r)) => {
                    if let Some(c) = current.as_mut() {
                        let ch = elementa_xml::entity_char(&r).ok_or_else(|| {
                            error_at(text, pos, format!("unknown entity `&{};`", &*r))
                        })?;
                        c.message.push(ch);
                    }
                }
                Ok(Event::End(e)) if e.name().as_ref() == "error" => {
                    if let Some(mut c) = current.take() {
                        c.message = c.message.trim().to_owned();
                        messages.push(c);
                    }
                }
                Ok(Event::DocType(_)) => return Err(error_at(text, pos, "a DTD is not allowed")),
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => {
                    let p = usize::try_from(reader.error_position()).unwrap_or(0);
                    return Err(error_at(text, p, e.to_string()));
                }
            }
        }
        if !saw_root {
            return Err(error_at(text, 0, "an error body has an <errors> root"));
        }
        Ok(ErrorBody { messages })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_field_map_and_plain_list() {
        let b = ErrorBody::from_json(
            r#"{"errors": {"account": ["is invalid", "is closed"], "amount": "must be positive"}}"#,
        )
        .unwrap();
        assert_eq!(b.messages.len(), 3);
        assert_eq!(
            b.to_string(),
            "account: is invalid; account: is closed; amount: must be positive"
        );
        let b = ErrorBody::from_json(r#"{"errors": ["Record not found"]}"#).unwrap();
        assert_eq!(
            b.messages,
            vec![ErrorMessage {
                field: None,
                message: "Record not found".into()
            }]
        );
    }

    #[test]
    fn xml_messages_with_entities() {
        let b = ErrorBody::from_xml("<?xml version=\"1.0\"?>\n<errors>\n  <error>Name can&apos;t be blank</error>\n  <error>Code &amp; name clash</error>\n</errors>").unwrap();
        assert_eq!(b.to_string(), "Name can't be blank; Code & name clash");
    }

    #[test]
    fn bodies_that_are_not_error_bodies_say_so() {
        assert!(
            ErrorBody::from_json(r#"{"id": 1}"#)
                .unwrap_err()
                .message
                .contains("`errors`")
        );
        let e = ErrorBody::from_json("{“id”:1}").unwrap_err();
        assert_eq!((e.line, e.column), (1, 2));
        assert!(ErrorBody::from_xml("<comment/>").is_err());
    }
}
