//! Three-valued presence: absent, explicit null, or a value.

/// An element's presence in a payload.
///
/// A partial response (`shallow`, `fields`) and a PATCH body depend on telling
/// "not sent" from "sent as null": `Absent` is the first, `Null` the second
/// (`nil="true"` in XML, `null` in JSON).
///
/// ```
/// use elementa::Field;
/// let mut f: Field<i64> = Field::default();
/// assert!(f.is_absent());
/// f = 7.into();
/// assert_eq!(f.value(), Some(&7));
/// f = Field::Null;
/// assert!(f.is_present() && f.value().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Field<T> {
    /// Not in the payload.
    #[default]
    Absent,
    /// In the payload as an explicit null.
    Null,
    /// In the payload with a value.
    Value(T),
}

impl<T> Field<T> {
    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, mutably, if there is one.
    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Takes the value out, leaving `Absent`.
    pub fn take(&mut self) -> Field<T> {
        std::mem::take(self)
    }

    /// Whether the element is not in the payload.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Whether the element is an explicit null.
    pub fn is_null(&self) -> bool {
        matches!(self, Field::Null)
    }

    /// Whether the element is in the payload (null or a value).
    pub fn is_present(&self) -> bool {
        !self.is_absent()
    }

    /// Borrows the value.
    pub fn as_ref(&self) -> Field<&T> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(v),
        }
    }

    /// Maps the value, keeping absence and null.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Value(v) => Field::Value(f(v)),
        }
    }
}

impl<T> From<T> for Field<T> {
    fn from(value: T) -> Self {
        Field::Value(value)
    }
}

impl From<&str> for Field<String> {
    fn from(value: &str) -> Self {
        Field::Value(value.to_owned())
    }
}
