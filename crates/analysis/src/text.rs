//! Tokenizing and sentence splitting, shared by every part of the crate.
//!
//! A word is a run of alphanumeric characters; apostrophes inside a word are
//! dropped (`don't` → `dont`) so that typed and typographic quotes agree.
//! Redaction placeholders from the anonymization engine (`[NAME]`, `<EMAIL>`,
//! `{PHONE}`) become a single placeholder token that is never quoted, never a
//! keyphrase and never a feature.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (possibly with digits).
    Word,
    /// Digits only, or digits with a unit (`4pm`, `8gb`, `40`).
    Number,
    /// A redaction placeholder such as `[NAME]`.
    Placeholder,
}

/// One token of a text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Lowercase, apostrophes dropped.
    pub norm: String,
    /// Written in capitals in the original (two letters or more).
    pub shouted: bool,
    pub kind: Kind,
}

/// A sentence: a range of tokens and the punctuation that closed it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub exclamations: u8,
    pub questions: u8,
}

/// A tokenized text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`')
}

/// Longest placeholder we recognise, in characters.
const MAX_PLACEHOLDER: usize = 40;

/// If `chars[i]` opens a placeholder (`[A_B]`, `<EMAIL>`, `{PHONE_1}`), the
/// index just past its closing bracket.
fn placeholder_end(chars: &[char], i: usize) -> Option<usize> {
    let close = match chars[i] {
        '[' => ']',
        '<' => '>',
        '{' => '}',
        _ => return None,
    };
    let mut j = i + 1;
    let mut letters = 0;
    while j < chars.len() && j - i <= MAX_PLACEHOLDER {
        let c = chars[j];
        if c == close {
            return (letters > 0).then_some(j + 1);
        }
        if c.is_uppercase() {
            letters += 1;
        } else if !(c.is_ascii_digit() || c == '_' || c == '-' || c == ' ' || c == ':') {
            return None;
        }
        j += 1;
    }
    None
}

/// Splits `text` into tokens and sentences. Never fails; any input works.
pub(crate) fn tokenize(text: &str) -> Tokens {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Tokens::default();
    let mut sentence_start = 0usize;
    let mut i = 0usize;
    let mut pending_break = false;
    let mut exclamations = 0u8;
    let mut questions = 0u8;

    let close_sentence = |out: &mut Tokens, start: &mut usize, ex: &mut u8, q: &mut u8| {
        let end = out.tokens.len();
        if end > *start {
            out.sentences.push(Sentence {
                start: *start,
                end,
                exclamations: *ex,
                questions: *q,
            });
        }
        *start = end;
        *ex = 0;
        *q = 0;
    };

    while i < chars.len() {
        let c = chars[i];
        if let Some(end) = placeholder_end(&chars, i) {
            if pending_break {
                close_sentence(
                    &mut out,
                    &mut sentence_start,
                    &mut exclamations,
                    &mut questions,
                );
                pending_break = false;
            }
            out.tokens.push(Token {
                norm: String::from("#pii"),
                shouted: false,
                kind: Kind::Placeholder,
            });
            i = end;
            continue;
        }
        if c.is_alphanumeric() {
            if pending_break {
                close_sentence(
                    &mut out,
                    &mut sentence_start,
                    &mut exclamations,
                    &mut questions,
                );
                pending_break = false;
            }
            let mut norm = String::new();
            let mut upper = 0usize;
            let mut lower = 0usize;
            let mut digits = 0usize;
            let mut letters = 0usize;
            while i < chars.len() {
                let ch = chars[i];
                if ch.is_alphanumeric() {
                    if ch.is_uppercase() {
                        upper += 1;
                    } else if ch.is_lowercase() {
                        lower += 1;
                    }
                    if ch.is_numeric() {
                        digits += 1;
                    } else {
                        letters += 1;
                    }
                    norm.extend(ch.to_lowercase());
                    i += 1;
                } else if is_apostrophe(ch)
                    && i + 1 < chars.len()
                    && chars[i + 1].is_alphabetic()
                    && !norm.is_empty()
                {
                    i += 1;
                } else if ch == '.'
                    && digits > 0
                    && letters == 0
                    && i + 1 < chars.len()
                    && chars[i + 1].is_ascii_digit()
                {
                    // A decimal number: keep "3.5" whole.
                    norm.push('.');
                    i += 1;
                } else {
                    break;
                }
                if norm.len() > 64 {
                    // Absurdly long "words" are cut; the rest becomes a new token.
                    break;
                }
            }
            let kind = if digits > 0 && (letters == 0 || digits >= letters) {
                Kind::Number
            } else {
                Kind::Word
            };
            out.tokens.push(Token {
                norm,
                shouted: upper >= 2 && lower == 0,
                kind,
            });
            continue;
        }
        match c {
            '.' | '\u{2026}' | ';' | '\n' => pending_break = true,
            '!' => {
                pending_break = true;
                exclamations = exclamations.saturating_add(1);
            }
            '?' => {
                pending_break = true;
                questions = questions.saturating_add(1);
            }
            _ => {}
        }
        i += 1;
    }
    close_sentence(
        &mut out,
        &mut sentence_start,
        &mut exclamations,
        &mut questions,
    );
    out
}

/// The lowercase words of a text (apostrophes dropped, placeholders left out),
/// as used by the quote check.
pub fn words(text: &str) -> Vec<String> {
    tokenize(text)
        .tokens
        .into_iter()
        .filter(|t| t.kind != Kind::Placeholder)
        .map(|t| t.norm)
        .collect()
}

/// Whether `a` repeats `n` or more consecutive words of `b` (compared
/// lowercase, punctuation and apostrophes ignored). This is the no-quote
/// check: a summary must never satisfy `shares_run_of(summary, ride, 4)`.
/// With `n == 0` every pair shares the empty run and the answer is `true`.
pub fn shares_run_of(a: &str, b: &str, n: usize) -> bool {
    if n == 0 {
        return true;
    }
    let wa = words(a);
    let wb = words(b);
    if wa.len() < n || wb.len() < n {
        return false;
    }
    let runs: std::collections::HashSet<&[String]> = wb.windows(n).collect();
    wa.windows(n).any(|w| runs.contains(w))
}

/// Capitalises the first letter of `s`.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Common English function words: never keyphrases on their own.
pub(crate) fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

// Sorted for binary search (checked by a test).
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "actually",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "also",
    "always",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "basically",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cant",
    "could",
    "couldnt",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "doing",
    "done",
    "dont",
    "down",
    "during",
    "each",
    "else",
    "even",
    "ever",
    "every",
    "everyone",
    "everything",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "hadnt",
    "has",
    "hasnt",
    "have",
    "havent",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "honestly",
    "how",
    "i",
    "id",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "itself",
    "ive",
    "just",
    "keep",
    "keeps",
    "kind",
    "know",
    "last",
    "least",
    "less",
    "let",
    "like",
    "lot",
    "lots",
    "made",
    "make",
    "makes",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "need",
    "needs",
    "never",
    "new",
    "next",
    "no",
    "nobody",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "often",
    "ok",
    "okay",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "says",
    "see",
    "seems",
    "she",
    "should",
    "shouldnt",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "still",
    "such",
    "sure",
    "take",
    "takes",
    "than",
    "that",
    "thats",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "theres",
    "these",
    "they",
    "theyre",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "though",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "use",
    "used",
    "very",
    "want",
    "was",
    "wasnt",
    "way",
    "we",
    "well",
    "were",
    "werent",
    "weve",
    "what",
    "whats",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whole",
    "whom",
    "why",
    "will",
    "with",
    "without",
    "wont",
    "would",
    "wouldnt",
    "yeah",
    "yes",
    "yet",
    "you",
    "youd",
    "youll",
    "your",
    "youre",
    "yours",
    "yourself",
    "youve",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tokenizes_words_sentences_and_placeholders() {
        let t = tokenize("Career growth? There is none. Ask [NAME] about it!");
        let norms: Vec<&str> = t.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            ["career", "growth", "there", "is", "none", "ask", "#pii", "about", "it"]
        );
        assert_eq!(t.sentences.len(), 3);
        assert_eq!(t.sentences[0].questions, 1);
        assert_eq!(t.sentences[2].exclamations, 1);
    }

    #[test]
    fn apostrophes_and_decimals() {
        let t = tokenize("I don\u{2019}t get 3.5% more. Isn't it?");
        let norms: Vec<&str> = t.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["i", "dont", "get", "3.5", "more", "isnt", "it"]);
        assert_eq!(t.tokens[3].kind, Kind::Number);
    }

    #[test]
    fn run_check() {
        assert!(shares_run_of(
            "They said: nobody listens to us at all",
            "honestly nobody listens to us here",
            4
        ));
        assert!(!shares_run_of(
            "nobody listens to them",
            "nobody listens to us",
            4
        ));
        assert!(!shares_run_of("a b c", "a b c", 4));
        assert!(shares_run_of("x", "y", 0));
    }
}
