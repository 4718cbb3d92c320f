//! Every resource the command knows, across vendors.

use elementa::ResourceMeta;

/// All resources, sorted by id.
pub fn all() -> Vec<&'static ResourceMeta> {
    let mut v: Vec<_> = elementa_coupa::RESOURCES
        .iter()
        .chain(elementa_flexi::wire::RESOURCES)
        .map(|m| m())
        .collect();
    v.sort_by_key(|m| m.id);
    v
}

/// The resource with `id`, or a message naming the closest ids.
pub fn find(id: &str) -> Result<&'static ResourceMeta, String> {
    if let Some(m) = elementa_coupa::resource(id).or_else(|| elementa_flexi::wire::resource(id)) {
        return Ok(m);
    }
    let all = all();
    let close: Vec<&str> = all
        .iter()
        .map(|m| m.id)
        .filter(|known| {
            known.contains(id) || id.ends_with(known.rsplit('/').next().unwrap_or(known))
        })
        .collect();
    let hint = if close.is_empty() {
        "run `elementa schema list` for the list".to_owned()
    } else {
        format!("did you mean {}?", close.join(", "))
    };
    Err(format!("unknown resource `{id}`: {hint}"))
}
