//! `One<T>` and `Many<T>`: the values of associations, stored type-erased.
//!
//! Storing `Box<User>` or `Vec<Line>` directly makes the compiler walk from
//! each resource into its targets when it checks drops and auto traits and when
//! it instantiates generic code; across hundreds of interlinked resources
//! (Coupa has 308) that walk passes the recursion limit and the crate no longer
//! compiles. These wrappers hold `Box<dyn Record>` and name `T` only through
//! `PhantomData<fn() -> T>` and a `TypeId` check, so no generic code reaches
//! into the target's impls, while typed access stays a method call away.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use crate::record::{Record, Resource};

fn cast<T: Record>(r: &dyn Record) -> &T {
    match r.as_any().downcast_ref::<T>() {
        Some(t) => t,
        // Only records of type `T` are ever stored (checked on insertion).
        None => unreachable!("an association holds a record of another type"),
    }
}

fn cast_mut<T: Record>(r: &mut dyn Record) -> &mut T {
    match r.as_any_mut().downcast_mut::<T>() {
        Some(t) => t,
        None => unreachable!("an association holds a record of another type"),
    }
}

fn cast_box<T: Record>(r: Box<dyn Record>) -> T {
    match r.into_any().downcast::<T>() {
        Ok(t) => *t,
        // Only records of type `T` are ever stored (checked on insertion).
        Err(_) => unreachable!("an association holds a record of another type"),
    }
}

fn is<T: Record>(r: &dyn Record) -> bool {
    r.as_any().is::<T>()
}

/// The value of a `one` association: a record of type `T`. Dereferences to `T`.
///
/// ```
/// use elementa::{Field, One};
/// use elementa_coupa::{Comment, User};
///
/// let mut c = Comment::default();
/// c.created_by = Field::Value(One::new(User { login: "ana".into(), ..Default::default() }));
/// let user: &User = c.created_by.value().unwrap();
/// assert_eq!(user.login.value().map(String::as_str), Some("ana"));
/// ```
pub struct One<T> {
    inner: Box<dyn Record>,
    _t: PhantomData<fn() -> T>,
}

impl<T: Record> One<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        One {
            inner: Box::new(value),
            _t: PhantomData,
        }
    }

    /// Wraps an erased record if it is a `T`.
    pub fn from_record(record: Box<dyn Record>) -> Option<Self> {
        is::<T>(&*record).then_some(One {
            inner: record,
            _t: PhantomData,
        })
    }

    /// The record, erased.
    pub fn as_record(&self) -> &dyn Record {
        &*self.inner
    }

    /// The record, erased and mutable.
    pub fn as_record_mut(&mut self) -> &mut dyn Record {
        &mut *self.inner
    }
}

impl<T: Record> Deref for One<T> {
    type Target = T;
    fn deref(&self) -> &T {
        cast(&*self.inner)
    }
}

impl<T: Record> DerefMut for One<T> {
    fn deref_mut(&mut self) -> &mut T {
        cast_mut(&mut *self.inner)
    }
}

impl<T: Resource> From<T> for One<T> {
    fn from(value: T) -> Self {
        One::new(value)
    }
}

impl<T> Clone for One<T> {
    fn clone(&self) -> Self {
        One {
            inner: self.inner.clone_record(),
            _t: PhantomData,
        }
    }
}

impl<T> PartialEq for One<T> {
    fn eq(&self, other: &Self) -> bool {
        self.inner.eq_record(&*other.inner)
    }
}

impl<T> fmt::Debug for One<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

/// The attribute of a Flexi sub-evidence list asking that the records not
/// listed be deleted: `removeAll="true"` in XML, `"polozkyDokladu@removeAll":
/// "true"` in JSON ([`Many::remove_all`]).
pub const LIST_REMOVE_ALL: &str = "removeAll";

/// The value of a `many` association: a list of records of type `T`.
///
/// ```
/// use elementa::Many;
/// use elementa_coupa::ExpenseLine;
///
/// let mut lines: Many<ExpenseLine> = Many::new();
/// lines.push(ExpenseLine { merchant: "American Airlines".into(), ..Default::default() });
/// assert_eq!(lines.len(), 1);
/// assert_eq!(lines.iter().next().and_then(|l| l.merchant.value()).map(String::as_str),
///            Some("American Airlines"));
/// ```
pub struct Many<T> {
    items: Vec<Box<dyn Record>>,
    remove_all: bool,
    _t: PhantomData<fn() -> T>,
}

impl<T> Many<T> {
    /// An empty list.
    pub fn new() -> Self {
        Many {
            items: Vec::new(),
            remove_all: false,
            _t: PhantomData,
        }
    }

    /// Asks, in an ABRA Flexi write, that the sub-evidence's records not
    /// listed be deleted (`removeAll="true"`; with no items, all are).
    ///
    /// ```
    /// use elementa::Many;
    /// use elementa_flexi::wire::FakturaVydanaPolozka;
    ///
    /// let lines: Many<FakturaVydanaPolozka> = Many::new().remove_all();
    /// assert!(lines.removes_all() && lines.is_empty());
    /// ```
    pub fn remove_all(mut self) -> Self {
        self.remove_all = true;
        self
    }

    /// Whether the list asks that the records not listed be deleted
    /// ([`Self::remove_all`]).
    pub fn removes_all(&self) -> bool {
        self.remove_all
    }

    /// Sets or clears [`Self::remove_all`].
    pub fn set_remove_all(&mut self, on: bool) {
        self.remove_all = on;
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Item `index`, erased.
    pub fn record(&self, index: usize) -> Option<&dyn Record> {
        self.items.get(index).map(|b| &**b)
    }

    /// Item `index`, erased and mutable.
    pub fn record_mut(&mut self, index: usize) -> Option<&mut dyn Record> {
        self.items.get_mut(index).map(|b| &mut **b)
    }
}

impl<T: Record> Many<T> {
    /// Appends `value`.
    pub fn push(&mut self, value: T) {
        self.items.push(Box::new(value));
    }

    /// Appends an erased record if it is a `T`, and returns it.
    pub fn push_record(&mut self, record: Box<dyn Record>) -> Option<&mut dyn Record> {
        if !is::<T>(&*record) {
            return None;
        }
        self.items.push(record);
        self.items.last_mut().map(|b| &mut **b)
    }

    /// Item `index`.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.items.get(index).map(|b| cast(&**b))
    }

    /// Item `index`, mutably.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.items.get_mut(index).map(|b| cast_mut(&mut **b))
    }

    /// The items in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &T> {
        self.items.iter().map(|b| cast(&**b))
    }

    /// The items in order, mutably.
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = &mut T> {
        self.items.iter_mut().map(|b| cast_mut(&mut **b))
    }
}

impl<T> Default for Many<T> {
    fn default() -> Self {
        Many::new()
    }
}

impl<T: Record> FromIterator<T> for Many<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Many {
            items: iter
                .into_iter()
                .map(|t| Box::new(t) as Box<dyn Record>)
                .collect(),
            remove_all: false,
            _t: PhantomData,
        }
    }
}

impl<T: Record> From<Vec<T>> for Many<T> {
    fn from(v: Vec<T>) -> Self {
        v.into_iter().collect()
    }
}

impl<T> Clone for Many<T> {
    fn clone(&self) -> Self {
        Many {
            items: self.items.iter().map(|r| r.clone_record()).collect(),
            remove_all: self.remove_all,
            _t: PhantomData,
        }
    }
}

impl<T> PartialEq for Many<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items.len() == other.items.len()
            && self.remove_all == other.remove_all
            && self
                .items
                .iter()
                .zip(&other.items)
                .all(|(a, b)| a.eq_record(&**b))
    }
}

impl<T> fmt::Debug for Many<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.items.iter()).finish()
    }
}

impl<T: Resource> One<T> {
    /// The record, unwrapped.
    pub fn into_inner(self) -> T {
        cast_box(self.inner)
    }
}

impl<T: Resource> Many<T> {
    /// The items, unwrapped.
    pub fn into_vec(self) -> Vec<T> {
        self.into_iter().collect()
    }
}

/// The items in order, unwrapped.
impl<T: Resource> IntoIterator for Many<T> {
    type Item = T;
    type IntoIter = std::iter::Map<std::vec::IntoIter<Box<dyn Record>>, fn(Box<dyn Record>) -> T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items
            .into_iter()
            .map(cast_box::<T> as fn(Box<dyn Record>) -> T)
    }
}

/// The items in order.
impl<'a, T: Record> IntoIterator for &'a Many<T> {
    type Item = &'a T;
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, Box<dyn Record>>, fn(&'a Box<dyn Record>) -> &'a T>;
    fn into_iter(self) -> Self::IntoIter {
        #[allow(clippy::borrowed_box)] // the slice iterator's item type
        fn get<T: Record>(r: &Box<dyn Record>) -> &T {
            cast(&**r)
        }
        self.items
            .iter()
            .map(get::<T> as fn(&'a Box<dyn Record>) -> &'a T)
    }
}

impl<T: Record> Extend<T> for Many<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.items
            .extend(iter.into_iter().map(|t| Box::new(t) as Box<dyn Record>));
    }
}

/// The record in its vendor's JSON wire form (see [`crate::json::serialize`]).
impl<T> serde::Serialize for One<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::json::serialize(&*self.inner, s)
    }
}

impl<'de, T: Resource> serde::Deserialize<'de> for One<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut record = T::default();
        crate::json::deserialize_into(&mut record, d)?;
        Ok(One::new(record))
    }
}

/// The items as an array, each in its vendor's JSON wire form.
impl<T> serde::Serialize for Many<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for item in &self.items {
            seq.serialize_element(&crate::json::JsonRecord(&**item))?;
        }
        seq.end()
    }
}

impl<'de, T: Resource> serde::Deserialize<'de> for Many<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Items<T>(PhantomData<fn() -> T>);
        impl<'de, T: Resource> serde::de::Visitor<'de> for Items<T> {
            type Value = Many<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an array of {}", T::resource_meta().id)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Many<T>, A::Error> {
                let mut out = Many::new();
                while let Some(item) = seq.next_element::<One<T>>()? {
                    out.items.push(item.inner);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(Items(PhantomData))
    }
}
