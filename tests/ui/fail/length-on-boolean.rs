elementa::resource!("tests/ui/schemas/bad/length-on-boolean.toml");

fn main() {}
