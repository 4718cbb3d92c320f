// The generated types are usable as plain Rust: names derived from awkward
// wire names, open enums, three-valued fields, self-associations.
mod widgets {
    elementa::resource!("tests/ui/schemas/good/widget.toml");
}

use elementa::{Field, Many, One, OpenEnum, Record, Resource};
use widgets::{Widget, WidgetType};

fn main() {
    let w = Widget {
        code: "W1".into(),
        type_: Field::Value(WidgetType::from_wire("b")),
        is_active: Field::Null,
        is_active_2: Field::Value(true),
        _1099_form: "text".into(),
        asn_header: Field::Value("1.50".parse().unwrap()),
        children: Field::Value(Many::from(vec![Widget::default()])),
        parent: Field::Value(One::new(Widget { code: "P".into(), ..Default::default() })),
        ..Default::default()
    };
    assert_eq!(w.meta().id, "good/widget");
    // Typed access through the type-erased association wrappers.
    let parent: &Widget = w.parent.value().unwrap();
    assert_eq!(parent.code, Field::Value("P".to_owned()));
    assert_eq!(w.children.value().map(|c| c.len()), Some(1));
    // Clones compare equal, through the erased records too.
    assert_eq!(w.clone(), w);
    assert_eq!(Widget::resource_meta().natural_keys, &["code"]);
    assert_eq!(WidgetType::VALUES, &["a", "b", "Other", "1"]);
    assert_eq!(WidgetType::from_wire("Other"), WidgetType::Other2);
    assert_eq!(WidgetType::from_wire("1"), WidgetType::V1);
    assert_eq!(WidgetType::from_wire("zz"), WidgetType::Other("zz".to_owned()));
}
