elementa::resource!("tests/ui/schemas/bad/no-such-file.toml");

fn main() {}
