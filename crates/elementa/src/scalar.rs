//! Scalar values as text, one rule for every codec: how the JSON and XML
//! decoders read an integer, decimal, boolean, date, datetime, timestamp or
//! relation from wire text into a record's field, with the same error for
//! the same mistake, and how the encoders write one back.
//!
//! Text is taken exactly as given: a codec that treats whitespace around a
//! value as layout (XML element content) trims it before calling, one that
//! does not (a JSON string) passes it as it came.
//!
//! ```
//! use elementa::{Field, FieldMut, scalar};
//! let mut n: Field<i64> = Field::Absent;
//! scalar::set_text(FieldMut::Integer(&mut n), "42".into()).unwrap();
//! assert_eq!(n, Field::Value(42));
//!
//! let err = scalar::set_text(FieldMut::Integer(&mut n), "4 2".into()).unwrap_err();
//! assert_eq!(err.to_string(), "`4 2` is not a valid integer");
//! assert_eq!(scalar::text_of(&elementa::FieldRef::Integer(&n)).as_deref(), Some("42"));
//! ```

use std::borrow::Cow;

use crate::{Date, DateTime, Field, FieldMut, FieldRef, Relation, Timestamp, ValueError};

/// Why [`set_text`] could not store a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The text is not a value of the field's type.
    #[error(transparent)]
    Invalid(#[from] ValueError),
    /// The field holds no scalar (a nested record, a list, strings, or an
    /// unknown value), so no text can be its value.
    #[error("holds no text value")]
    NotText,
}

/// Reads an integer (`-12`, `+7`); no whitespace, no fraction, no exponent.
///
/// ```
/// assert_eq!(elementa::scalar::parse_integer("-12"), Ok(-12));
/// assert!(elementa::scalar::parse_integer("1.0").is_err());
/// ```
pub fn parse_integer(text: &str) -> Result<i64, ValueError> {
    text.parse::<i64>()
        .map_err(|_| ValueError::new(text, "integer"))
}

/// Reads a boolean: exactly `true` or `false`.
///
/// ```
/// assert_eq!(elementa::scalar::parse_boolean("false"), Ok(false));
/// assert_eq!(
///     elementa::scalar::parse_boolean("yes").unwrap_err().to_string(),
///     "`yes` is not a valid boolean (`true` or `false`)"
/// );
/// ```
pub fn parse_boolean(text: &str) -> Result<bool, ValueError> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ValueError::new(text, "boolean (`true` or `false`)")),
    }
}

/// Stores `text` as the value of a scalar field, parsed to its type: a
/// string or allowed value as it is (an owned text is moved, not copied), an
/// integer, decimal ([`crate::parse_decimal`], exact), boolean, date,
/// datetime, timestamp or relation checked and parsed. Empty text is not
/// null here: whether it means null is the wire form's rule, decided by the
/// caller.
pub fn set_text(slot: FieldMut<'_>, text: Cow<'_, str>) -> Result<(), TextError> {
    match slot {
        FieldMut::String(f) => *f = Field::Value(text.into_owned()),
        FieldMut::Enum(f) => f.set_wire(&text),
        FieldMut::Integer(f) => *f = Field::Value(parse_integer(&text)?),
        FieldMut::Decimal(f) => *f = Field::Value(crate::parse_decimal(&text)?),
        FieldMut::Boolean(f) => *f = Field::Value(parse_boolean(&text)?),
        FieldMut::DateTime(f) => *f = Field::Value(DateTime::parse(&text)?),
        FieldMut::Date(f) => *f = Field::Value(Date::parse(&text)?),
        FieldMut::Timestamp(f) => *f = Field::Value(Timestamp::parse(&text)?),
        FieldMut::Relation(f) => *f = Field::Value(text.parse::<Relation>()?),
        FieldMut::Strings(_) | FieldMut::One(_) | FieldMut::Many(_) | FieldMut::Any(_) => {
            return Err(TextError::NotText);
        }
    }
    Ok(())
}

/// The text of a scalar field's value, as the wire writes it; `None` when
/// it is null or absent, or holds no scalar. Borrowed where the value is
/// held as text, so a long value is not copied to be written.
pub fn text_of<'f>(field: &FieldRef<'f>) -> Option<Cow<'f, str>> {
    match *field {
        FieldRef::Integer(f) => f.value().map(|v| Cow::Owned(v.to_string())),
        FieldRef::Decimal(f) => f
            .value()
            .map(|v| Cow::Owned(DecimalText::new(v).as_str().to_owned())),
        FieldRef::Boolean(f) => f.value().map(|v| Cow::Borrowed(boolean_text(*v))),
        FieldRef::String(f) => f.value().map(|v| Cow::Borrowed(v.as_str())),
        FieldRef::Enum(f) => f.get().value().map(|s| Cow::Borrowed(*s)),
        FieldRef::DateTime(f) => f.value().map(|v| Cow::Borrowed(v.as_str())),
        FieldRef::Date(f) => f.value().map(|v| Cow::Borrowed(v.as_str())),
        FieldRef::Timestamp(f) => f.value().map(|v| Cow::Borrowed(v.as_str())),
        FieldRef::Relation(f) => f.value().map(|v| Cow::Owned(v.id.to_string())),
        FieldRef::Strings(_) | FieldRef::One(_) | FieldRef::Many(_) | FieldRef::Any(_) => None,
    }
}

/// The text of a scalar field's value, as [`text_of`] gives it, with
/// integers, decimals and relation identifiers formatted into `scratch`
/// instead of a new `String` (an encoder reuses one buffer for all of them).
///
/// ```
/// use elementa::{Field, FieldRef, scalar};
/// let n: Field<i64> = Field::Value(-7);
/// let mut scratch = String::new();
/// assert_eq!(scalar::write_text(&FieldRef::Integer(&n), &mut scratch), Some("-7"));
/// ```
pub fn write_text<'a>(field: &FieldRef<'a>, scratch: &'a mut String) -> Option<&'a str> {
    use std::fmt::Write as _;
    scratch.clear();
    // Writing to a `String` cannot fail.
    let _ = match *field {
        FieldRef::Integer(f) => {
            scratch.push_str(itoa::Buffer::new().format(*f.value()?));
            Ok(())
        }
        FieldRef::Decimal(f) => write_decimal(scratch, f.value()?),
        FieldRef::Relation(f) => write!(scratch, "{}", f.value()?.id),
        _ => {
            return match text_of(field)? {
                Cow::Borrowed(text) => Some(text),
                Cow::Owned(text) => {
                    *scratch = text;
                    Some(scratch.as_str())
                }
            };
        }
    };
    Some(scratch.as_str())
}

/// Writes `value` as its `Display` does (`1.50`, `-0.07`, `0`), from its
/// integer and scale: one integer formatting instead of a 96-bit division
/// per digit.
///
/// ```
/// use rust_decimal::Decimal;
/// let mut out = String::new();
/// elementa::scalar::write_decimal(&mut out, &Decimal::new(-7, 2)).unwrap();
/// assert_eq!(out, "-0.07");
/// ```
pub fn write_decimal<W: std::fmt::Write>(
    out: &mut W,
    value: &rust_decimal::Decimal,
) -> std::fmt::Result {
    let mut digits = itoa::Buffer::new();
    let mantissa = value.mantissa().unsigned_abs();
    let digits = if mantissa == 0 {
        ""
    } else {
        digits.format(mantissa)
    };
    let scale = value.scale() as usize;
    if value.is_sign_negative() {
        out.write_char('-')?;
    }
    match digits.len().checked_sub(scale) {
        Some(whole) if whole > 0 => {
            let (whole, fraction) = digits.split_at(whole);
            out.write_str(whole)?;
            if !fraction.is_empty() {
                out.write_char('.')?;
                out.write_str(fraction)?;
            }
        }
        // No whole digits: `0`, or `0.` and the fraction padded to the scale.
        _ if scale == 0 => out.write_char('0')?,
        _ => {
            out.write_str("0.")?;
            for _ in digits.len()..scale {
                out.write_char('0')?;
            }
            out.write_str(digits)?;
        }
    }
    Ok(())
}

/// A decimal's text as [`write_decimal`] writes it, held on the stack: for
/// sinks that take the whole text at once (a JSON string is escaped per
/// piece written to it).
///
/// ```
/// use rust_decimal::Decimal;
/// let d = Decimal::new(150, 2);
/// assert_eq!(elementa::scalar::DecimalText::new(&d).as_str(), "1.50");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DecimalText {
    /// Long enough for any decimal: a sign, `0.` and 28 digits, or 29
    /// digits and a point.
    bytes: [u8; 40],
    len: usize,
}

impl DecimalText {
    /// The text of `value`.
    #[allow(
        clippy::expect_used,
        reason = "every decimal's text fits the buffer; one that does not is a bug to surface"
    )]
    pub fn new(value: &rust_decimal::Decimal) -> Self {
        let mut text = DecimalText {
            bytes: [0; 40],
            len: 0,
        };
        write_decimal(&mut text, value).expect("invariant: a decimal's text fits 40 bytes");
        text
    }

    /// The text.
    #[allow(
        clippy::expect_used,
        reason = "only ASCII is written to the buffer; anything else is a bug to surface"
    )]
    pub fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .expect("invariant: a decimal's text is ASCII within its buffer")
    }
}

impl std::fmt::Write for DecimalText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let to = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        to.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl std::fmt::Display for DecimalText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `true` or `false`.
pub fn boolean_text(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_their_display_writes_them() {
        use rust_decimal::Decimal;
        let mut mantissas: Vec<i128> = vec![0, 1, 7, 9, 10, 15, 100, 12345, 999_999_999];
        // Around powers of ten, and the widest mantissas (96 bits).
        for p in 0..29u32 {
            let t = 10i128.pow(p);
            mantissas.extend([t - 1, t, t + 1]);
        }
        mantissas.extend([(1i128 << 96) - 1, (1i128 << 64) + 3, 1i128 << 95]);
        for &m in &mantissas {
            for scale in 0..=28u32 {
                for negative in [false, true] {
                    let Ok(mut d) = Decimal::try_from_i128_with_scale(m, scale) else {
                        continue;
                    };
                    // Negative zero too (`-0.00` reads as one).
                    d.set_sign_negative(negative);
                    let mut out = String::new();
                    write_decimal(&mut out, &d).unwrap();
                    assert_eq!(out, d.to_string(), "{m} scale {scale} negative {negative}");
                    assert_eq!(DecimalText::new(&d).as_str(), out);
                }
            }
        }
    }

    #[test]
    fn every_scalar_kind_reads_its_text_and_writes_it_back() {
        let mut s = Field::Absent;
        let mut i = Field::Absent;
        let mut d = Field::Absent;
        let mut b = Field::Absent;
        let mut dt = Field::Absent;
        let mut day = Field::Absent;
        let mut ts = Field::Absent;
        let mut rel = Field::Absent;
        let cases: Vec<(FieldMut<'_>, &str)> = vec![
            (FieldMut::String(&mut s), " padded "),
            (FieldMut::Integer(&mut i), "-7"),
            (FieldMut::Decimal(&mut d), "1.50"),
            (FieldMut::Boolean(&mut b), "true"),
            (FieldMut::DateTime(&mut dt), "2010-09-22T20:42:57-07:00"),
            (FieldMut::Date(&mut day), "2019-01-31+01:00"),
            (FieldMut::Timestamp(&mut ts), "2019-06-07 12:34:56.7"),
            (FieldMut::Relation(&mut rel), "code:CZK"),
        ];
        for (slot, text) in cases {
            set_text(slot, text.into()).unwrap();
        }
        let back = [
            text_of(&FieldRef::String(&s)),
            text_of(&FieldRef::Integer(&i)),
            text_of(&FieldRef::Decimal(&d)),
            text_of(&FieldRef::Boolean(&b)),
            text_of(&FieldRef::DateTime(&dt)),
            text_of(&FieldRef::Date(&day)),
            text_of(&FieldRef::Timestamp(&ts)),
            text_of(&FieldRef::Relation(&rel)),
        ];
        let back: Vec<_> = back.iter().map(|t| t.as_deref().unwrap()).collect();
        assert_eq!(
            back,
            [
                " padded ",
                "-7",
                "1.50",
                "true",
                "2010-09-22T20:42:57-07:00",
                "2019-01-31+01:00",
                "2019-06-07 12:34:56.7",
                "code:CZK"
            ]
        );
        // `write_text` gives the same text, whether formatted or borrowed.
        let fields = [
            FieldRef::String(&s),
            FieldRef::Integer(&i),
            FieldRef::Decimal(&d),
            FieldRef::Boolean(&b),
            FieldRef::DateTime(&dt),
            FieldRef::Date(&day),
            FieldRef::Timestamp(&ts),
            FieldRef::Relation(&rel),
        ];
        for (field, expected) in fields.iter().zip(&back) {
            let mut scratch = String::from("left over");
            assert_eq!(write_text(field, &mut scratch), Some(*expected));
        }
        let null: Field<i64> = Field::Null;
        assert_eq!(
            write_text(&FieldRef::Integer(&null), &mut String::new()),
            None
        );
    }

    #[test]
    fn the_same_mistake_gets_the_same_error_for_every_kind() {
        let mut i = Field::Absent;
        let mut b = Field::Absent;
        let mut d = Field::Absent;
        let err = |r: Result<(), TextError>| r.unwrap_err().to_string();
        assert_eq!(
            err(set_text(FieldMut::Integer(&mut i), " 5".into())),
            "` 5` is not a valid integer"
        );
        assert_eq!(
            err(set_text(FieldMut::Boolean(&mut b), "TRUE".into())),
            "`TRUE` is not a valid boolean (`true` or `false`)"
        );
        assert_eq!(
            err(set_text(FieldMut::Decimal(&mut d), "1,5".into())),
            "`1,5` is not a valid decimal"
        );
        assert_eq!(
            i,
            Field::Absent,
            "a refused text leaves the field as it was"
        );
    }

    #[test]
    fn a_nested_record_or_list_takes_no_text() {
        let mut any = Field::Absent;
        assert_eq!(
            set_text(FieldMut::Any(&mut any), "x".into()),
            Err(TextError::NotText)
        );
    }
}
