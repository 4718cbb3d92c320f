//! Fuzz target `flexi_changes`: see `elementa_fuzz::flexi_changes` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        elementa_fuzz::flexi_changes(text);
    }
});
