//! Fuzz target `fields`: see `elementa_fuzz::fields` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        elementa_fuzz::fields(text);
    }
});
