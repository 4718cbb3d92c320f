//! Reflection over generated resources: codecs, validation and projectors
//! read and write any resource through [`Record`] and its metadata, so the
//! generated code stays small (a struct and two `match`es) however many
//! resources a crate holds.

use std::fmt;

use crate::field::Field;
use crate::ident::Relation;
use crate::link::{Many, One};
use crate::meta::ResourceMeta;
use crate::value::{Any, Date, DateTime, Decimal, Extras, Timestamp};

/// An allowed-value enum that keeps unknown values (vendors add values).
pub trait OpenEnum: Sized {
    /// The allowed values in schema order.
    const VALUES: &'static [&'static str];
    /// Maps wire text to a known variant, or keeps it as unknown.
    fn from_wire(text: &str) -> Self;
    /// The wire text.
    fn as_wire(&self) -> &str;
    /// Whether the value is one of [`Self::VALUES`].
    fn is_known(&self) -> bool;
}

/// Read access to an element of a record.
#[derive(Clone, Copy)]
pub enum FieldRef<'a> {
    /// An integer element.
    Integer(&'a Field<i64>),
    /// A decimal element.
    Decimal(&'a Field<Decimal>),
    /// A boolean element.
    Boolean(&'a Field<bool>),
    /// A string or text element without allowed values.
    String(&'a Field<String>),
    /// A string or text element with allowed values.
    Enum(&'a dyn EnumField),
    /// A datetime element.
    DateTime(&'a Field<DateTime>),
    /// A date element.
    Date(&'a Field<Date>),
    /// A timestamp element.
    Timestamp(&'a Field<Timestamp>),
    /// A list of strings.
    Strings(&'a Field<Vec<String>>),
    /// A `one` association.
    One(&'a dyn OneField),
    /// A `many` association.
    Many(&'a dyn ManyField),
    /// A relation by identifier.
    Relation(&'a Field<Relation>),
    /// A free-form value.
    Any(&'a Field<Any>),
}

impl FieldRef<'_> {
    /// Whether the element is in the payload (null or a value).
    #[inline]
    pub fn is_present(&self) -> bool {
        match self {
            FieldRef::Integer(f) => f.is_present(),
            FieldRef::Decimal(f) => f.is_present(),
            FieldRef::Boolean(f) => f.is_present(),
            FieldRef::String(f) => f.is_present(),
            FieldRef::Enum(f) => f.get().is_present(),
            FieldRef::DateTime(f) => f.is_present(),
            FieldRef::Date(f) => f.is_present(),
            FieldRef::Timestamp(f) => f.is_present(),
            FieldRef::Strings(f) => f.is_present(),
            FieldRef::One(f) => f.get().is_present(),
            FieldRef::Many(f) => f.count().is_present(),
            FieldRef::Relation(f) => f.is_present(),
            FieldRef::Any(f) => f.is_present(),
        }
    }

    /// Whether the element is an explicit null.
    #[inline]
    pub fn is_null(&self) -> bool {
        match self {
            FieldRef::Integer(f) => f.is_null(),
            FieldRef::Decimal(f) => f.is_null(),
            FieldRef::Boolean(f) => f.is_null(),
            FieldRef::String(f) => f.is_null(),
            FieldRef::Enum(f) => f.get().is_null(),
            FieldRef::DateTime(f) => f.is_null(),
            FieldRef::Date(f) => f.is_null(),
            FieldRef::Timestamp(f) => f.is_null(),
            FieldRef::Strings(f) => f.is_null(),
            FieldRef::One(f) => f.get().is_null(),
            FieldRef::Many(f) => f.count().is_null(),
            FieldRef::Relation(f) => f.is_null(),
            FieldRef::Any(f) => f.is_null(),
        }
    }
}

/// Write access to an element of a record.
pub enum FieldMut<'a> {
    /// An integer element.
    Integer(&'a mut Field<i64>),
    /// A decimal element.
    Decimal(&'a mut Field<Decimal>),
    /// A boolean element.
    Boolean(&'a mut Field<bool>),
    /// A string or text element without allowed values.
    String(&'a mut Field<String>),
    /// A string or text element with allowed values.
    Enum(&'a mut dyn EnumField),
    /// A datetime element.
    DateTime(&'a mut Field<DateTime>),
    /// A date element.
    Date(&'a mut Field<Date>),
    /// A timestamp element.
    Timestamp(&'a mut Field<Timestamp>),
    /// A list of strings.
    Strings(&'a mut Field<Vec<String>>),
    /// A `one` association.
    One(&'a mut dyn OneField),
    /// A `many` association.
    Many(&'a mut dyn ManyField),
    /// A relation by identifier.
    Relation(&'a mut Field<Relation>),
    /// A free-form value.
    Any(&'a mut Field<Any>),
}

impl FieldMut<'_> {
    /// Sets the element to an explicit null.
    pub fn set_null(&mut self) {
        match self {
            FieldMut::Integer(f) => **f = Field::Null,
            FieldMut::Decimal(f) => **f = Field::Null,
            FieldMut::Boolean(f) => **f = Field::Null,
            FieldMut::String(f) => **f = Field::Null,
            FieldMut::Enum(f) => f.set_null(),
            FieldMut::DateTime(f) => **f = Field::Null,
            FieldMut::Date(f) => **f = Field::Null,
            FieldMut::Timestamp(f) => **f = Field::Null,
            FieldMut::Strings(f) => **f = Field::Null,
            FieldMut::One(f) => f.set_null(),
            FieldMut::Many(f) => f.set_null(),
            FieldMut::Relation(f) => **f = Field::Null,
            FieldMut::Any(f) => **f = Field::Null,
        }
    }

    /// Removes the element (absent).
    pub fn clear(&mut self) {
        match self {
            FieldMut::Integer(f) => **f = Field::Absent,
            FieldMut::Decimal(f) => **f = Field::Absent,
            FieldMut::Boolean(f) => **f = Field::Absent,
            FieldMut::String(f) => **f = Field::Absent,
            FieldMut::Enum(f) => f.clear(),
            FieldMut::DateTime(f) => **f = Field::Absent,
            FieldMut::Date(f) => **f = Field::Absent,
            FieldMut::Timestamp(f) => **f = Field::Absent,
            FieldMut::Strings(f) => **f = Field::Absent,
            FieldMut::One(f) => f.clear(),
            FieldMut::Many(f) => f.clear(),
            FieldMut::Relation(f) => **f = Field::Absent,
            FieldMut::Any(f) => **f = Field::Absent,
        }
    }
}

/// An allowed-value element, whatever its enum type.
pub trait EnumField {
    /// The wire text, with presence.
    fn get(&self) -> Field<&str>;
    /// Whether the value is a known one (`true` when absent or null).
    fn is_known(&self) -> bool;
    /// The allowed values.
    fn values(&self) -> &'static [&'static str];
    /// Sets the value from wire text (unknown values are kept).
    fn set_wire(&mut self, text: &str);
    /// Sets an explicit null.
    fn set_null(&mut self);
    /// Removes the element.
    fn clear(&mut self);
}

impl<E: OpenEnum> EnumField for Field<E> {
    fn get(&self) -> Field<&str> {
        self.as_ref().map(E::as_wire)
    }
    fn is_known(&self) -> bool {
        self.value().is_none_or(E::is_known)
    }
    fn values(&self) -> &'static [&'static str] {
        E::VALUES
    }
    fn set_wire(&mut self, text: &str) {
        *self = Field::Value(E::from_wire(text));
    }
    fn set_null(&mut self) {
        *self = Field::Null;
    }
    fn clear(&mut self) {
        *self = Field::Absent;
    }
}

/// A `one` association, whatever its record type.
pub trait OneField {
    /// The associated record, with presence.
    fn get(&self) -> Field<&dyn Record>;
    /// Mutable access to the associated record, if there is one.
    fn get_mut(&mut self) -> Option<&mut dyn Record>;
    /// Sets the association to `record` (made with the target's
    /// [`ResourceMeta::new`]) and returns it for filling; `None` if the
    /// record is of another resource.
    fn set(&mut self, record: Box<dyn Record>) -> Option<&mut dyn Record>;
    /// Sets an explicit null.
    fn set_null(&mut self);
    /// Removes the element.
    fn clear(&mut self);
}

impl<T: Record> OneField for Field<One<T>> {
    fn get(&self) -> Field<&dyn Record> {
        self.as_ref().map(One::as_record)
    }
    fn get_mut(&mut self) -> Option<&mut dyn Record> {
        self.value_mut().map(One::as_record_mut)
    }
    fn set(&mut self, record: Box<dyn Record>) -> Option<&mut dyn Record> {
        *self = Field::Value(One::from_record(record)?);
        self.value_mut().map(One::as_record_mut)
    }
    fn set_null(&mut self) {
        *self = Field::Null;
    }
    fn clear(&mut self) {
        *self = Field::Absent;
    }
}

/// A `many` association, whatever its record type.
pub trait ManyField {
    /// The number of items, with presence.
    fn count(&self) -> Field<usize>;
    /// The item at `index`.
    fn item(&self, index: usize) -> Option<&dyn Record>;
    /// The item at `index`, mutably.
    fn item_mut(&mut self, index: usize) -> Option<&mut dyn Record>;
    /// Sets an empty list (present, no items).
    fn make_empty(&mut self);
    /// Appends `record` (made with the target's [`ResourceMeta::new`]),
    /// making the list present, and returns it; `None` if the record is of
    /// another resource.
    fn push(&mut self, record: Box<dyn Record>) -> Option<&mut dyn Record>;
    /// Sets an explicit null.
    fn set_null(&mut self);
    /// Removes the element.
    fn clear(&mut self);
    /// Whether the list asks that records not listed be deleted
    /// ([`Many::remove_all`]).
    fn removes_all(&self) -> bool;
    /// Sets [`Many::remove_all`], making the list present.
    fn set_remove_all(&mut self, on: bool);
}

impl<T: Record> ManyField for Field<Many<T>> {
    fn count(&self) -> Field<usize> {
        self.as_ref().map(Many::len)
    }
    fn item(&self, index: usize) -> Option<&dyn Record> {
        self.value()?.record(index)
    }
    fn item_mut(&mut self, index: usize) -> Option<&mut dyn Record> {
        self.value_mut()?.record_mut(index)
    }
    fn make_empty(&mut self) {
        *self = Field::Value(Many::new());
    }
    fn removes_all(&self) -> bool {
        self.value().is_some_and(Many::removes_all)
    }
    fn set_remove_all(&mut self, on: bool) {
        if !matches!(self, Field::Value(_)) {
            *self = Field::Value(Many::new());
        }
        if let Some(m) = self.value_mut() {
            m.set_remove_all(on);
        }
    }
    fn push(&mut self, record: Box<dyn Record>) -> Option<&mut dyn Record> {
        if !matches!(self, Field::Value(_)) {
            *self = Field::Value(Many::new());
        }
        self.value_mut()?.push_record(record)
    }
    fn set_null(&mut self) {
        *self = Field::Null;
    }
    fn clear(&mut self) {
        *self = Field::Absent;
    }
}

/// Any generated resource, seen through its metadata.
///
/// Element `i` of [`Record::meta`]`().elements` is reached with
/// [`Record::field`]`(i)`. Implemented by the `resource!` macro; codecs,
/// validation and projectors use only this trait.
pub trait Record: fmt::Debug + Send + Sync + 'static {
    /// The resource's metadata.
    fn meta(&self) -> &'static ResourceMeta;
    /// Read access to element `index`.
    fn field(&self, index: usize) -> Option<FieldRef<'_>>;
    /// Appends the indices of the elements present (null or a value), in
    /// schema order — what encoders write, without looking at every element
    /// of a wide table. Generated types test each field directly.
    fn present(&self, out: &mut Vec<usize>) {
        for i in 0..self.meta().elements.len() {
            if self.field(i).is_some_and(|f| f.is_present()) {
                out.push(i);
            }
        }
    }
    /// Write access to element `index`.
    fn field_mut(&mut self, index: usize) -> Option<FieldMut<'_>>;
    /// Elements the schema does not name.
    fn extra(&self) -> &Extras;
    /// Elements the schema does not name, mutably.
    fn extra_mut(&mut self) -> &mut Extras;
    /// A boxed copy.
    fn clone_record(&self) -> Box<dyn Record>;
    /// Whether `other` is a record of the same type with equal contents.
    fn eq_record(&self, other: &dyn Record) -> bool;
    /// Upcast for downcasting to the concrete type.
    fn as_any(&self) -> &dyn std::any::Any;
    /// Mutable upcast for downcasting to the concrete type.
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
    /// Owned upcast for downcasting to the concrete type.
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;
}

impl fmt::Debug for FieldRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn show<T: fmt::Debug>(v: &Field<T>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match v {
                Field::Absent => f.write_str("Absent"),
                Field::Null => f.write_str("Null"),
                Field::Value(v) => v.fmt(f),
            }
        }
        match self {
            FieldRef::Integer(v) => show(v, f),
            FieldRef::Decimal(v) => show(v, f),
            FieldRef::Boolean(v) => show(v, f),
            FieldRef::String(v) => show(v, f),
            FieldRef::Enum(v) => show(&v.get(), f),
            FieldRef::DateTime(v) => show(v, f),
            FieldRef::Date(v) => show(v, f),
            FieldRef::Timestamp(v) => show(v, f),
            FieldRef::Strings(v) => show(v, f),
            FieldRef::Relation(v) => show(v, f),
            FieldRef::Any(v) => show(v, f),
            FieldRef::One(v) => show(&v.get(), f),
            FieldRef::Many(v) => match v.count() {
                Field::Value(n) => f
                    .debug_list()
                    .entries((0..n).filter_map(|i| v.item(i)))
                    .finish(),
                Field::Null => f.write_str("Null"),
                Field::Absent => f.write_str("Absent"),
            },
        }
    }
}

/// Formats a record as its Rust name with the elements that are present (by
/// Rust field name) and its unknown elements; generated `Debug` impls call it.
pub fn fmt_record(record: &dyn Record, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let meta = record.meta();
    let mut s = f.debug_struct(meta.rust);
    for (i, el) in meta.elements.iter().enumerate() {
        if let Some(field) = record.field(i).filter(FieldRef::is_present) {
            s.field(el.rust, &field);
        }
    }
    if !record.extra().is_empty() {
        s.field("extra", record.extra());
    }
    s.finish()
}

/// Appends the index of every `true` in `present` to `out`, in order: the
/// second half of a generated [`Record::present`], which tests its fields
/// into an array first. Whole words of 64 tests are skipped or walked bit by
/// bit, so a wide record with a few elements costs a few steps, not one per
/// element.
///
/// ```
/// let mut out = Vec::new();
/// let mut present = [false; 70];
/// present[3] = true;
/// present[64] = true;
/// elementa::push_present(&present, &mut out);
/// assert_eq!(out, [3, 64]);
/// ```
#[inline]
pub fn push_present(present: &[bool], out: &mut Vec<usize>) {
    for (k, chunk) in present.chunks(64).enumerate() {
        let mut word = chunk
            .iter()
            .enumerate()
            .fold(0u64, |w, (i, p)| w | (u64::from(*p) << i));
        while word != 0 {
            out.push(k * 64 + word.trailing_zeros() as usize);
            word &= word - 1;
        }
    }
}

/// Copies element `index` of `src` into `dst`, a record of the same resource
/// (associations are deep-copied). Returns `false` if the element does not
/// exist or the two records are of different resources.
///
/// ```
/// use elementa::{Field, Record, copy_field};
/// use elementa_coupa::Currency;
/// let src = Currency { code: "USD".into(), name: Field::Null, ..Default::default() };
/// let mut dst = Currency::default();
/// assert!(copy_field(&src, &mut dst, 1) && copy_field(&src, &mut dst, 2));
/// assert_eq!((dst.code, dst.name), (Field::Value("USD".to_owned()), Field::Null));
/// ```
pub fn copy_field(src: &dyn Record, dst: &mut dyn Record, index: usize) -> bool {
    if !std::ptr::eq(src.meta(), dst.meta()) {
        return false;
    }
    let (Some(from), Some(to)) = (src.field(index), dst.field_mut(index)) else {
        return false;
    };
    match (from, to) {
        (FieldRef::Integer(a), FieldMut::Integer(b)) => *b = a.clone(),
        (FieldRef::Decimal(a), FieldMut::Decimal(b)) => *b = a.clone(),
        (FieldRef::Boolean(a), FieldMut::Boolean(b)) => *b = a.clone(),
        (FieldRef::String(a), FieldMut::String(b)) => *b = a.clone(),
        (FieldRef::DateTime(a), FieldMut::DateTime(b)) => *b = a.clone(),
        (FieldRef::Date(a), FieldMut::Date(b)) => *b = a.clone(),
        (FieldRef::Timestamp(a), FieldMut::Timestamp(b)) => *b = a.clone(),
        (FieldRef::Strings(a), FieldMut::Strings(b)) => *b = a.clone(),
        (FieldRef::Relation(a), FieldMut::Relation(b)) => *b = a.clone(),
        (FieldRef::Any(a), FieldMut::Any(b)) => *b = a.clone(),
        (FieldRef::Enum(a), FieldMut::Enum(b)) => match a.get() {
            Field::Value(v) => b.set_wire(v),
            Field::Null => b.set_null(),
            Field::Absent => b.clear(),
        },
        (FieldRef::One(a), FieldMut::One(b)) => match a.get() {
            Field::Value(r) => {
                let _ = b.set(r.clone_record());
            }
            Field::Null => b.set_null(),
            Field::Absent => b.clear(),
        },
        (FieldRef::Many(a), FieldMut::Many(b)) => match a.count() {
            Field::Value(n) => {
                b.make_empty();
                for i in 0..n {
                    if let Some(r) = a.item(i) {
                        let _ = b.push(r.clone_record());
                    }
                }
                if a.removes_all() {
                    b.set_remove_all(true);
                }
            }
            Field::Null => b.set_null(),
            Field::Absent => b.clear(),
        },
        _ => return false,
    }
    true
}

/// A generated resource type.
pub trait Resource: Record + Default + Clone + PartialEq {
    /// The resource's metadata.
    fn resource_meta() -> &'static ResourceMeta;
}

impl Clone for Box<dyn Record> {
    fn clone(&self) -> Self {
        self.clone_record()
    }
}

impl dyn Record {
    /// Downcasts to a concrete resource type.
    pub fn downcast_ref<T: Record>(&self) -> Option<&T> {
        self.as_any().downcast_ref()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_present_lists_what_a_plain_walk_lists() {
        for n in [0, 1, 63, 64, 65, 127, 128, 129, 200] {
            for pattern in 0..7u64 {
                // Set bits in several densities, across word boundaries.
                let present: Vec<bool> = (0..n as u64)
                    .map(|i| match pattern {
                        0 => false,
                        1 => true,
                        2 => i % 2 == 0,
                        3 => i % 63 == 0,
                        4 => i % 64 == 63 || i % 64 == 0,
                        5 => i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 61 == 0,
                        _ => i + 1 == n as u64,
                    })
                    .collect();
                let plain: Vec<usize> = (0..n).filter(|i| present[*i]).collect();
                let mut out = vec![usize::MAX];
                super::push_present(&present, &mut out);
                assert_eq!(out[0], usize::MAX, "appends");
                assert_eq!(out[1..], plain[..], "{n} elements, pattern {pattern}");
            }
        }
    }
}
