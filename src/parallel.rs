//! How many threads the analysis uses: all cores by default, or `STARBANK_THREADS`.
//!
//! Every parallel step (loading, extraction, linting, the coverage map) keeps its input's
//! order, so the output is the same byte for byte whatever the thread count; a test runs
//! `STARBANK_THREADS=1` against the default to hold that.

/// The variable that sets the thread count (`1` runs everything on the calling thread).
pub const THREADS_VAR: &str = "STARBANK_THREADS";

/// Sizes rayon's global pool from [`THREADS_VAR`], when set to a positive number. Call
/// once, before any parallel work; a later call (or a pool already built) changes nothing.
pub fn configure_from_env() {
    let Some(threads) = std::env::var(THREADS_VAR)
        .ok()
        .and_then(|value| value.trim().parse::<usize>().ok())
        .filter(|&threads| threads > 0)
    else {
        return;
    };
    // An error means the pool exists already (a library caller built it): keep it.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
}

/// The number of threads parallel steps run on.
pub fn threads() -> usize {
    rayon::current_num_threads().max(1)
}
