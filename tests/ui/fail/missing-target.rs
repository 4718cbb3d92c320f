elementa::resource!("tests/ui/schemas/bad/missing-target.toml");

fn main() {}
