//! Fuzz target `coupa_json`: see `elementa_fuzz::coupa_json` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        elementa_fuzz::coupa_json(text);
    }
});
