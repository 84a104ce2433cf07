//! Hashed features for the two linear models.
//!
//! Theme features (whole ride): words, Snowball stems, stem bigrams,
//! character trigrams of longer words (robust to typos) and hits on the
//! curated theme vocabulary (`data/theme_lexicon.tsv`: one shared feature
//! per theme, so the model generalises to listed words it never saw). Sentiment features
//! (one sentence): words, stems, stem bigrams, stems inside a negation scope,
//! stems after a contrast word ("but"), and the lexicon reading in bins.
//! Every feature is hashed (FNV-1a, 64 bit) into `DIM` buckets; the hash is
//! fixed so that the shipped weights stay valid on every platform.

use rust_stemmers::{Algorithm, Stemmer};

use crate::lexicon::LexScore;
use crate::text::{Kind, Sentence, Token};

/// log2 of the number of hash buckets.
pub(crate) const DIM_BITS: u32 = 18;
/// Number of hash buckets.
pub(crate) const DIM: usize = 1 << DIM_BITS;

/// A sparse feature vector: (bucket, value). Buckets may repeat.
pub(crate) type Features = Vec<(u32, f32)>;

/// Words that open a negation scope for sentiment features.
const SCOPE_OPENERS: &[&str] = &[
    "not", "no", "never", "nobody", "none", "nothing", "zero", "without", "dont", "doesnt",
    "didnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot", "couldnt", "wont", "wouldnt",
    "hasnt", "havent", "hadnt", "barely", "hardly", "lack", "nowhere", "neither", "nor",
];
const CONTRAST: &[&str] = &["but", "however", "though", "although", "yet", "still"];

fn fnv(kind: u8, a: &str, b: &str) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |byte: u8| {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(kind);
    for &byte in a.as_bytes() {
        eat(byte);
    }
    if !b.is_empty() {
        eat(0x1f);
        for &byte in b.as_bytes() {
            eat(byte);
        }
    }
    // Fold the high bits in before masking.
    ((h ^ (h >> 32)) as u32) & (DIM as u32 - 1)
}

/// The hash bucket of a word unigram in theme space (used for keyphrases).
pub(crate) fn theme_word_bucket(word: &str) -> u32 {
    fnv(b'w', word, "")
}

/// The hash bucket of a stem in theme space.
pub(crate) fn theme_stem_bucket(stem: &str) -> u32 {
    fnv(b's', stem, "")
}

/// The shared English stemmer.
pub(crate) fn stemmer() -> &'static Stemmer {
    static STEMMER: std::sync::OnceLock<Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Stems for every token ("" for placeholders, "#num" for numbers).
pub(crate) fn stems(tokens: &[Token]) -> Vec<String> {
    let st = stemmer();
    tokens
        .iter()
        .map(|t| match t.kind {
            Kind::Word => st.stem(&t.norm).into_owned(),
            Kind::Number => String::from("#num"),
            Kind::Placeholder => String::new(),
        })
        .collect()
}

fn word_form(t: &Token) -> &str {
    match t.kind {
        Kind::Word => &t.norm,
        Kind::Number => "#num",
        Kind::Placeholder => "",
    }
}

const THEME_LEXICON: &str = include_str!("../data/theme_lexicon.tsv");
/// Value of a character-trigram feature (typo robustness; words count 1).
const CHAR_TRIGRAM_VALUE: f32 = 0.2;
/// Value of a theme-vocabulary hit.
const THEME_VOCABULARY_VALUE: f32 = 2.0;

/// Stem -> class indices of the themes whose vocabulary lists it.
fn theme_lexicon() -> &'static std::collections::HashMap<String, Vec<u8>> {
    static LEX: std::sync::OnceLock<std::collections::HashMap<String, Vec<u8>>> =
        std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let mut map: std::collections::HashMap<String, Vec<u8>> = std::collections::HashMap::new();
        let st = stemmer();
        for line in THEME_LEXICON.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((slug, words)) = line.split_once('\t') else {
                continue;
            };
            let Ok(theme) = crate::taxonomy::Theme::from_slug(slug.trim()) else {
                continue;
            };
            for w in words.split_whitespace() {
                let stem = st.stem(&w.to_lowercase()).into_owned();
                let e = map.entry(stem).or_default();
                if !e.contains(&(theme.index() as u8)) {
                    e.push(theme.index() as u8);
                }
            }
        }
        map
    })
}

/// Scales a vector to unit length (duplicates counted as they repeat).
fn normalise(f: &mut Features) {
    let n: f32 = f.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
    if n > 0.0 {
        for (_, v) in f.iter_mut() {
            *v /= n;
        }
    }
}

/// Features of a whole text for the theme model.
pub(crate) fn theme_features(
    tokens: &[Token],
    stems: &[String],
    sentences: &[Sentence],
) -> Features {
    let mut f = Features::with_capacity(tokens.len() * 8);
    let lexicon = theme_lexicon();
    for s in sentences {
        let mut prev: Option<&str> = None;
        for i in s.start..s.end {
            let t = &tokens[i];
            if t.kind == Kind::Placeholder {
                prev = None;
                continue;
            }
            let w = word_form(t);
            let stem = stems[i].as_str();
            f.push((fnv(b'w', w, ""), 1.0));
            f.push((fnv(b's', stem, ""), 1.0));
            if let Some(p) = prev {
                f.push((fnv(b'b', p, stem), 1.0));
            }
            if let Some(themes) = lexicon.get(stem) {
                for &t in themes {
                    f.push((
                        fnv(b'T', crate::taxonomy::Theme::ALL[usize::from(t)].slug(), ""),
                        THEME_VOCABULARY_VALUE,
                    ));
                }
            }
            prev = Some(stem);
            if t.kind == Kind::Word && t.norm.len() >= 4 && t.norm.len() <= 24 {
                let chars: Vec<char> = std::iter::once('<')
                    .chain(t.norm.chars())
                    .chain(std::iter::once('>'))
                    .collect();
                let mut buf = String::with_capacity(12);
                for win in chars.windows(3) {
                    buf.clear();
                    buf.extend(win.iter());
                    f.push((fnv(b'c', &buf, ""), CHAR_TRIGRAM_VALUE));
                }
            }
        }
    }
    normalise(&mut f);
    f
}

fn bin(x: f32, edges: &[f32]) -> usize {
    edges.iter().take_while(|&&e| x > e).count()
}

/// Features of one span (a sentence, or a whole training item) for the
/// sentiment model.
pub(crate) fn sentiment_features(
    tokens: &[Token],
    stems: &[String],
    start: usize,
    end: usize,
    questions: u8,
    lex: &LexScore,
) -> Features {
    let mut f = Features::with_capacity((end - start) * 5 + 8);
    let mut scope = 0u8;
    let mut after_contrast = false;
    let mut prev: Option<&str> = None;
    for i in start..end {
        let t = &tokens[i];
        if t.kind == Kind::Placeholder {
            prev = None;
            continue;
        }
        let w = word_form(t);
        let stem = stems[i].as_str();
        f.push((fnv(b'W', w, ""), 1.0));
        f.push((fnv(b'S', stem, ""), 1.0));
        if let Some(p) = prev {
            f.push((fnv(b'B', p, stem), 1.0));
        }
        prev = Some(stem);
        if scope > 0 {
            f.push((fnv(b'N', stem, ""), 1.0));
            scope -= 1;
        }
        if after_contrast {
            f.push((fnv(b'A', stem, ""), 0.7));
        }
        if SCOPE_OPENERS.contains(&t.norm.as_str()) {
            scope = 3;
        }
        if CONTRAST.contains(&t.norm.as_str()) {
            after_contrast = true;
        }
    }
    normalise(&mut f);
    // Lexicon reading, not normalised with the words.
    const EDGES: [f32; 8] = [-0.7, -0.45, -0.2, -0.05, 0.05, 0.2, 0.45, 0.7];
    let b = bin(lex.compound, &EDGES);
    f.push((fnv(b'L', "bin", &b.to_string()), 1.0));
    f.push((fnv(b'L', "compound", ""), lex.compound));
    f.push((fnv(b'L', "pos", ""), (lex.positive / 4.0).min(2.0)));
    f.push((fnv(b'L', "neg", ""), (lex.negative / 4.0).min(2.0)));
    if lex.sarcasm {
        f.push((fnv(b'L', "sarcasm", ""), 1.0));
    }
    if lex.polite {
        f.push((fnv(b'L', "polite", ""), 1.0));
    }
    if lex.negated {
        f.push((fnv(b'L', "negated", ""), 1.0));
    }
    if questions > 0 {
        f.push((fnv(b'L', "question", ""), 1.0));
    }
    if lex.positive == 0.0 && lex.negative == 0.0 {
        f.push((fnv(b'L', "flat", ""), 1.0));
    }
    f
}
