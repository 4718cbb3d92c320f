elementa::resource!("tests/ui/schemas/bad/duplicate-element.toml");

fn main() {}
