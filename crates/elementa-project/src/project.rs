//! Projections on typed records.

use elementa::{Field, FieldMut, FieldRef, Record, ResourceMeta, copy_field};

use crate::fields::Selected;
use crate::{ProjectError, Projection, ReturnObject};

/// The record as the projection shapes it: a new record of the same resource
/// holding only what the response carries. `None` for `return_object=none`
/// (no body at all).
pub fn project(
    record: &dyn Record,
    projection: &Projection,
) -> Result<Option<Box<dyn Record>>, ProjectError> {
    let meta = record.meta();
    shapes(meta, projection)?;
    Ok(match projection {
        Projection::Full => Some(record.clone_record()),
        Projection::ReturnObject(ReturnObject::None) => None,
        Projection::ReturnObject(ReturnObject::Limited) => Some(keys(record, false)),
        Projection::ReturnObject(ReturnObject::Shallow) => Some(shallow(record)),
        Projection::Fields(f) => {
            if !std::ptr::eq(f.resource(), meta) {
                return Err(ProjectError::WrongResource {
                    expected: f.resource().id,
                    found: meta.id,
                });
            }
            Some(select(record, f.selected()))
        }
    })
}

/// A record holding `id` and, with `natural`, the natural keys.
fn keys(record: &dyn Record, natural: bool) -> Box<dyn Record> {
    let meta = record.meta();
    let mut out = (meta.new)();
    let natural = if natural { meta.natural_keys } else { &[] };
    // Looked up by name, not by a walk of the whole table: an associated
    // user has 101 elements and keeps two or three.
    for wire in std::iter::once(&"id").chain(natural) {
        if let Some(i) = (meta.lookup)(wire) {
            copy_field(record, &mut *out, i);
        }
    }
    out
}

fn shallow(record: &dyn Record) -> Box<dyn Record> {
    let meta = record.meta();
    let mut out = (meta.new)();
    for i in 0..meta.elements.len() {
        reduce_or_copy(record, &mut *out, i, &|r| keys(r, true));
    }
    *out.extra_mut() = record.extra().clone();
    out
}

/// Copies element `i`, passing associated records through `each`.
fn reduce_or_copy(
    record: &dyn Record,
    out: &mut dyn Record,
    i: usize,
    each: &dyn Fn(&dyn Record) -> Box<dyn Record>,
) {
    match (record.field(i), out.field_mut(i)) {
        (Some(FieldRef::One(src)), Some(FieldMut::One(dst))) => match src.get() {
            Field::Value(r) => {
                let _ = dst.set(each(r));
            }
            Field::Null => dst.set_null(),
            Field::Absent => {}
        },
        (Some(FieldRef::Many(src)), Some(FieldMut::Many(dst))) => match src.count() {
            Field::Value(n) => {
                dst.make_empty();
                for k in 0..n {
                    if let Some(r) = src.item(k) {
                        let _ = dst.push(each(r));
                    }
                }
                // A kept list keeps its `removeAll` (ABRA Flexi).
                if src.removes_all() {
                    dst.set_remove_all(true);
                }
            }
            Field::Null => dst.set_null(),
            Field::Absent => {}
        },
        _ => {
            copy_field(record, out, i);
        }
    }
}

fn is_custom(meta: &ResourceMeta, i: usize) -> bool {
    meta.elements
        .get(i)
        .is_some_and(|e| e.wire.starts_with("custom-field"))
}

fn select(record: &dyn Record, selected: &Selected) -> Box<dyn Record> {
    let meta = record.meta();
    let mut out = (meta.new)();
    for (i, nested) in &selected.elements {
        match nested {
            None => {
                copy_field(record, &mut *out, *i);
            }
            Some(sub) => reduce_or_copy(record, &mut *out, *i, &|r| select(r, sub)),
        }
    }
    if selected.custom_fields {
        for i in (0..meta.elements.len()).filter(|&i| is_custom(meta, i)) {
            copy_field(record, &mut *out, i);
        }
        *out.extra_mut() = record.extra().clone();
    }
    out
}

/// [`project`] on a record the caller gives up: the same result, but what
/// the projection keeps is moved rather than copied, so a long value is
/// never held twice (the streaming projector holds one record at a time).
///
/// ```
/// use elementa_coupa::User;
/// use elementa_project::{Projection, ReturnObject, project, project_owned};
///
/// let user = elementa_xml::from_str::<User>(
///     "<user><id>7</id><login>jo</login><email>jo@example.com</email></user>").unwrap();
/// let limited = Projection::ReturnObject(ReturnObject::Limited);
/// let copied = project(&user, &limited).unwrap().unwrap();
/// let moved = project_owned(Box::new(user), &limited).unwrap().unwrap();
/// assert!(moved.eq_record(&*copied));
/// ```
pub fn project_owned(
    mut record: Box<dyn Record>,
    projection: &Projection,
) -> Result<Option<Box<dyn Record>>, ProjectError> {
    let meta = record.meta();
    shapes(meta, projection)?;
    Ok(match projection {
        Projection::Full => Some(record),
        Projection::ReturnObject(ReturnObject::None) => None,
        Projection::ReturnObject(ReturnObject::Limited) => {
            keys_in_place(&mut *record, false, &mut Vec::new());
            Some(record)
        }
        Projection::ReturnObject(ReturnObject::Shallow) => {
            // Each associated record is cut down where it is, rather than
            // replaced by a new record as wide as its table.
            let mut scratch = Vec::new();
            for i in 0..meta.elements.len() {
                each_associated_mut(&mut *record, i, &mut |r| {
                    keys_in_place(r, true, &mut scratch);
                });
            }
            Some(record)
        }
        Projection::Fields(f) => {
            if !std::ptr::eq(f.resource(), meta) {
                return Err(ProjectError::WrongResource {
                    expected: f.resource().id,
                    found: meta.id,
                });
            }
            select_in_place(&mut *record, f.selected());
            Some(record)
        }
    })
}

/// Hands each record associated by element `i` (a `one` or each of a
/// `many`) to `each`; other elements have none.
fn each_associated_mut(record: &mut dyn Record, i: usize, each: &mut dyn FnMut(&mut dyn Record)) {
    match record.field_mut(i) {
        Some(FieldMut::One(one)) => {
            if let Some(r) = one.get_mut() {
                each(r);
            }
        }
        Some(FieldMut::Many(many)) => {
            if let Field::Value(n) = many.count() {
                for k in 0..n {
                    if let Some(r) = many.item_mut(k) {
                        each(r);
                    }
                }
            }
        }
        _ => {}
    }
}

/// [`keys`] in place: clears every element but `id` and, with `natural`,
/// the natural keys, and the unknown elements. Only the elements present
/// are visited (`scratch` holds their indices), not the whole table.
fn keys_in_place(record: &mut dyn Record, natural: bool, scratch: &mut Vec<usize>) {
    let meta = record.meta();
    scratch.clear();
    record.present(scratch);
    for &i in scratch.iter() {
        let kept = meta.elements.get(i).is_some_and(|e| {
            if natural {
                meta.is_key(e.wire)
            } else {
                e.wire == "id"
            }
        });
        if !kept && let Some(mut f) = record.field_mut(i) {
            f.clear();
        }
    }
    *record.extra_mut() = Default::default();
}

/// [`select`] in place: clears what is not selected, and selects within the
/// associated records of nested selections.
fn select_in_place(record: &mut dyn Record, selected: &Selected) {
    let meta = record.meta();
    for i in 0..meta.elements.len() {
        let custom = selected.custom_fields && is_custom(meta, i);
        match selected.elements.iter().find(|(k, _)| *k == i) {
            None if custom => {}
            None => {
                if let Some(mut f) = record.field_mut(i) {
                    f.clear();
                }
            }
            Some((_, None)) => {}
            Some((_, Some(sub))) => {
                each_associated_mut(record, i, &mut |r| select_in_place(r, sub))
            }
        }
    }
    if !selected.custom_fields {
        *record.extra_mut() = Default::default();
    }
}

/// Refuses to shape a whole ABRA Flexi document (a change listing, a write
/// answer): its entries are not records `return_object` or `fields` apply
/// to (`limited` would keep nothing, `shallow` each change's id only).
pub(crate) fn shapes(
    meta: &'static elementa::ResourceMeta,
    projection: &Projection,
) -> Result<(), ProjectError> {
    let whole = meta.dialect == elementa::Dialect::Flexi && meta.root == elementa::ENVELOPE_ROOT;
    if whole && !matches!(projection, Projection::Full) {
        return Err(ProjectError::NotRecords(meta.id));
    }
    Ok(())
}
