//! Words, stems and the keyed term ids the live state counts instead of
//! words (so the stored live state holds no readable vocabulary).

use std::collections::BTreeSet;

use rust_stemmers::{Algorithm, Stemmer};

/// A word of a ride, as a keyed hash of its stem: countable, comparable,
/// unreadable without the tenant's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TermId(pub u64);

/// The key that turns stems into [`TermId`]s (the service derives one per
/// tenant from its key material; tests may use any bytes).
pub struct TermKey(ring::hmac::Key);

impl TermKey {
    /// A term key from secret bytes.
    pub fn new(secret: &[u8]) -> Self {
        Self(ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret))
    }

    /// The id of one stem.
    pub fn id(&self, stem: &str) -> TermId {
        let tag = ring::hmac::sign(&self.0, stem.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&tag.as_ref()[..8]);
        TermId(u64::from_be_bytes(first))
    }
}

impl std::fmt::Debug for TermKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TermKey([redacted])")
    }
}

/// Lowercase words of a text: runs of letters and digits (apostrophes
/// inside a word are dropped, so "don't" is "dont").
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |w| {
        out.push(w.to_owned());
        std::ops::ControlFlow::<()>::Continue(())
    });
    out
}

/// Calls `f` with each word [`tokens`] would return, in order, without
/// allocating per word; stops early when `f` breaks.
pub fn for_each_token<B>(
    text: &str,
    mut f: impl FnMut(&str) -> std::ops::ControlFlow<B>,
) -> Option<B> {
    let mut current = String::new();
    for c in text.chars() {
        // ASCII first: most feedback is, and it needs no case tables.
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !current.is_empty() {
            continue;
        } else if !current.is_empty() {
            if let std::ops::ControlFlow::Break(b) = f(&current) {
                return Some(b);
            }
            current.clear();
        }
    }
    if !current.is_empty() {
        if let std::ops::ControlFlow::Break(b) = f(&current) {
            return Some(b);
        }
    }
    None
}

/// The English (Porter 2) stem of a lowercase word.
pub fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    }
    STEMMER.with(|s| s.stem(word).into_owned())
}

/// The term ids of every word of a text.
pub fn terms_of(text: &str, key: &TermKey) -> BTreeSet<TermId> {
    tokens(text).iter().map(|w| key.id(&stem(w))).collect()
}

/// Whether `a` and `b` share a run of `n` consecutive words (compared as
/// lowercase tokens). Guarantee 7 uses n = 4.
pub fn shares_run(a: &str, b: &str, n: usize) -> bool {
    if n == 0 {
        return true;
    }
    let a = tokens(a);
    let b = tokens(b);
    if a.len() < n || b.len() < n {
        return false;
    }
    let runs: BTreeSet<&[String]> = a.windows(n).collect();
    b.windows(n).any(|w| runs.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tokens_are_lowercase_words() {
        assert_eq!(
            tokens("Too many approvals, don't you think? Q3!"),
            vec!["too", "many", "approvals", "dont", "you", "think", "q3"]
        );
    }

    #[test]
    fn stems_merge_inflections() {
        assert_eq!(stem("approvals"), stem("approval"));
        assert_eq!(stem("meetings"), stem("meeting"));
    }

    #[test]
    fn runs_are_found_regardless_of_case_and_punctuation() {
        assert!(shares_run(
            "We need fewer pointless meetings.",
            "so many POINTLESS meetings, we need fewer pointless meetings!",
            4
        ));
        assert!(!shares_run(
            "fewer pointless meetings please",
            "we need fewer meetings please",
            4
        ));
    }

    proptest! {
        /// Any text shares every one of its own runs with itself, and the
        /// check never panics on arbitrary Unicode.
        #[test]
        fn a_text_shares_its_runs_with_itself(text in "\\PC{0,200}") {
            let long_enough = tokens(&text).len() >= 4;
            prop_assert_eq!(shares_run(&text, &text, 4), long_enough);
        }
    }
}
