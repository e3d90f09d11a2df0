//! The hash maps of the hot paths (the interpreter, body analysis).
//!
//! std's default hasher (SipHash-1-3) was a visible share of the benchmark's time on keys that are
//! mostly small (`Site`s, short names). aHash is several times faster on such keys and stays
//! keyed with per-process random state, so a repository under analysis cannot choose names that
//! collide (the maps' keys come from it). Iteration order is as unspecified as std's: nothing
//! observable may depend on it (determinism, ARCHITECTURE.md).

pub type HashMap<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;
pub type HashSet<K> = std::collections::HashSet<K, ahash::RandomState>;
