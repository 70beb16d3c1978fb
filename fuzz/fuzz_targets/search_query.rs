//! See `properties::search_query`; the index (the bundled bank) is built once.
#![no_main]

use std::sync::OnceLock;

use starbank::index::StoryIndex;

#[path = "../properties.rs"]
mod properties;

static INDEX: OnceLock<StoryIndex> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|input: (u8, String)| {
    let (options, text) = input;
    properties::search_query(INDEX.get_or_init(properties::bundled_index), options, &text);
});
