//! See `properties::splice`.
#![no_main]

#[path = "../properties.rs"]
mod properties;

libfuzzer_sys::fuzz_target!(|input: (u8, u8, String, String)| {
    let (style, section, old, new) = input;
    properties::splice(style, section, &old, &new);
});
