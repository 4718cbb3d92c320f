//! Rebuilds the crate when a schema file is added to or removed from
//! `schemas/flexi/`: `elementa::vendor!` reads the whole directory, and the
//! `include_str!`s it emits only track the files that already exist.
#![forbid(unsafe_code)]

fn main() {
    println!("cargo::rerun-if-changed=../../schemas/flexi");
}
