//! Holds no code: the suites live in `tests/tests/`.
#![forbid(unsafe_code)]
