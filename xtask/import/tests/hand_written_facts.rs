//! Every fact of the 13 hand-written schema files (kept under
//! `tests/fixtures/hand-written-schemas/`) survives the import: the importer
//! run on the vendors' metadata (`../shared/specs`) with the override files
//! gives each of those resources with the same header facts, the same
//! elements with the same facts, first and in the same order, and the same
//! routes.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)] // tests panic on purpose

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use elementa_import::{Vendor, generate};
use elementa_schema::{Element, Resource, parse_resource};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

fn specs() -> PathBuf {
    let specs = root().join("../shared/specs");
    assert!(
        specs.is_dir(),
        "{}: the vendors' metadata is not there (the workspace expects shared/ beside it)",
        specs.display()
    );
    specs
}

/// The element's facts, without its line in the file.
fn facts(e: &Element) -> Element {
    Element {
        line: 0,
        ..e.clone()
    }
}

fn check(vendor: Vendor) -> usize {
    let name = vendor.name();
    let files = generate(vendor, &specs(), &root().join("schemas"))
        .unwrap_or_else(|e| panic!("import {name}: {e:?}"));
    let wires: BTreeSet<String> = files
        .keys()
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    let hand_dir = root()
        .join("tests/fixtures/hand-written-schemas")
        .join(name);
    let mut checked = 0;
    for entry in std::fs::read_dir(&hand_dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        let hand_text = std::fs::read_to_string(&path).unwrap();
        let hand: Resource = parse_resource(&file, name, &hand_text, &|_| true).unwrap();
        let text = files
            .get(&Path::new(name).join(&file))
            .unwrap_or_else(|| panic!("{name}/{file}: the import does not produce it"));
        let has = |w: &str| wires.contains(w);
        let imported = parse_resource(&file, name, text, &has)
            .unwrap_or_else(|e| panic!("{name}/{file}: {e:?}"));
        let id = hand.id();
        assert_eq!(imported.wire, hand.wire, "{id}");
        assert_eq!(imported.rust, hand.rust, "{id}: rust");
        assert_eq!(imported.root_name(), hand.root_name(), "{id}: root");
        assert_eq!(imported.plural_name(), hand.plural_name(), "{id}: plural");
        assert_eq!(imported.dialect, hand.dialect, "{id}: dialect");
        assert_eq!(imported.doc, hand.doc, "{id}: doc");
        assert_eq!(
            imported.natural_keys, hand.natural_keys,
            "{id}: natural keys"
        );
        for p in &hand.paths {
            assert!(imported.paths.contains(p), "{id}: path {p} is lost");
        }
        // The hand-written elements come first, in their order, with their facts.
        assert!(imported.elements.len() >= hand.elements.len(), "{id}");
        for (h, i) in hand.elements.iter().zip(&imported.elements) {
            assert_eq!(facts(i), facts(h), "{id}: element {}", h.wire);
        }
        for a in &hand.actions {
            assert!(
                imported.actions.contains(a),
                "{id}: route {} {} ({}) is lost or changed",
                a.method.as_str(),
                a.path,
                a.name
            );
        }
        checked += 1;
    }
    checked
}

#[test]
fn the_hand_written_coupa_facts_survive_the_import() {
    assert!(check(Vendor::Coupa) > 0);
}

#[test]
fn the_hand_written_flexi_facts_survive_the_import() {
    assert!(check(Vendor::Flexi) > 0);
}
