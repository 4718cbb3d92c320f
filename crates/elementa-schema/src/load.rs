//! Loading a whole `schemas/` tree.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::model::Resource;
use crate::parse_resource;

/// Every resource of a `schemas/` tree, by id (`coupa/comment`).
#[derive(Debug, Default, Clone)]
pub struct SchemaSet {
    /// Resources by id, sorted.
    pub resources: BTreeMap<String, Resource>,
}

impl SchemaSet {
    /// The resource with id `id` (`coupa/comment`).
    pub fn get(&self, id: &str) -> Option<&Resource> {
        self.resources.get(id)
    }
}

fn problem(file: &str, message: String) -> Diagnostic {
    Diagnostic {
        file: file.to_owned(),
        line: 1,
        column: 1,
        span: 0..0,
        message,
    }
}

/// Loads and checks every `<vendor>/<wire>.toml` below `root`.
///
/// Paths in diagnostics are shown as `display_root/<vendor>/<file>`. Returns
/// the resources that checked clean and every problem of every file.
pub fn load_dir(root: &Path, display_root: &str) -> (SchemaSet, Vec<Diagnostic>) {
    let mut set = SchemaSet::default();
    let mut errors = Vec::new();
    let vendors = match sorted_entries(root) {
        Ok(v) => v,
        Err(e) => {
            errors.push(problem(display_root, format!("cannot read directory: {e}")));
            return (set, errors);
        }
    };
    for vendor_dir in vendors.into_iter().filter(|p| p.is_dir()) {
        let Some(vendor) = vendor_dir
            .file_name()
            .and_then(|s| s.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        let files = match sorted_entries(&vendor_dir) {
            Ok(f) => f,
            Err(e) => {
                errors.push(problem(
                    &format!("{display_root}/{vendor}"),
                    format!("cannot read directory: {e}"),
                ));
                continue;
            }
        };
        let has = |wire: &str| vendor_dir.join(format!("{wire}.toml")).is_file();
        for path in files {
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                continue;
            }
            let name = path
                .file_name()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let shown = format!("{display_root}/{vendor}/{name}");
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(problem(&shown, format!("cannot read: {e}")));
                    continue;
                }
            };
            match parse_resource(&shown, &vendor, &text, &has) {
                Ok(r) => {
                    set.resources.insert(r.id(), r);
                }
                Err(mut es) => errors.append(&mut es),
            }
        }
    }
    (set, errors)
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut out = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    out.sort();
    Ok(out)
}
