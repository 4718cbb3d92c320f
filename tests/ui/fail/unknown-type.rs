elementa::resource!("tests/ui/schemas/bad/unknown-type.toml");

fn main() {}
