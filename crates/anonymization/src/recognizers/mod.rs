//! Recognizers: each scans the text and pushes scored candidates.

pub(crate) mod names;
pub(crate) mod patterns;
pub(crate) mod self_identifying;

use crate::PiiKind;

/// A scored, not yet resolved match. Offsets are byte offsets on char
/// boundaries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: PiiKind,
    pub score: f32,
}

impl Candidate {
    pub(crate) fn new(start: usize, end: usize, kind: PiiKind, score: f32) -> Self {
        Self {
            start,
            end,
            kind,
            score: score.clamp(0.0, 1.0),
        }
    }
}

/// Last words of a letter's closing line, folded ("Kind regards,", "Un
/// saludo,", "Mit freundlichen Grüßen", "Z poważaniem"): the names pass
/// takes the next line for the writer's name, the self-identifying pass
/// for a signature.
pub(crate) const SIGN_OFF_WORDS: &[&str] = &[
    "regards",
    "cheers",
    "thanks",
    "best",
    "wishes",
    "sincerely",
    "faithfully",
    "cordialement",
    "saludo",
    "saludos",
    "atentamente",
    "saluti",
    "saluto",
    "grusse",
    "grussen",
    "gruss",
    "groeten",
    "groet",
    "pozdrawiam",
    "powazaniem",
    "atenciosamente",
    "obrigado",
    "obrigada",
    "gracias",
    "grazie",
    "danke",
    "merci",
    "ta",
    "thx",
    "cumprimentos",
    "cordiali",
    "distinti",
    "halsningar",
    "mvh",
    "mfg",
    "lg",
    "abrazo",
    "abraco",
    "abracos",
    "bises",
    "kasih",
    "salam",
];

/// True when any of `words` occurs in the lowercase window of at most `len`
/// bytes before byte offset `at` (the window stops at a sentence end).
pub(crate) fn context_before(text: &str, at: usize, len: usize, words: &[&str]) -> bool {
    let window = window_before(text, at, len);
    let lower = window.to_ascii_lowercase();
    words.iter().any(|w| contains_word(&lower, w))
}

/// The text before `at`, at most `len` bytes, starting on a char boundary
/// (across sentence ends).
pub(crate) fn raw_window_before(text: &str, at: usize, len: usize) -> &str {
    let mut start = at.saturating_sub(len);
    while start < at && !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..at).unwrap_or("")
}

/// The text before `at`, at most `len` bytes, starting on a char boundary
/// and after the last sentence end.
pub(crate) fn window_before(text: &str, at: usize, len: usize) -> &str {
    let w = raw_window_before(text, at, len);
    match w.rfind(['!', '?', '\n']) {
        Some(i) => &w[i + 1..],
        None => w,
    }
}

/// The text after `at`, at most `len` bytes, ending on a char boundary.
pub(crate) fn window_after(text: &str, at: usize, len: usize) -> &str {
    let mut end = (at + len).min(text.len());
    while end > at && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).unwrap_or("")
}

/// `needle` occurs in `hay` not glued to letters on either side.
pub(crate) fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        let before = hay[..s].chars().next_back();
        let after = hay[e..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            return true;
        }
        from = s + hay[s..].chars().next().map_or(1, char::len_utf8);
        if from >= hay.len() {
            break;
        }
    }
    false
}
