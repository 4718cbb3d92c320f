elementa::resource!("tests/ui/schemas/bad/many-problems.toml");

fn main() {}
