//! Lexicon sentiment: the vendored VADER lexicon (MIT, see
//! `data/VADER-LICENSE.txt`) with a workplace lexicon on top, and our own
//! implementation of VADER's rules (boosters, negation, "but", emphasis)
//! plus workplace scope rules: absolute negators ("nobody listens", "zero
//! trust", "there is none"), quantity complaints ("too many approvals",
//! "not enough people"), sarcasm cues that turn praise words negative, and
//! politeness phrases that carry no valence ("thanks for asking").
//!
//! The result is one of the inputs of the trained sentiment model, not the
//! final score on its own.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::{Kind, Sentence, Token};

const VADER_TSV: &str = include_str!("../data/vader_lexicon.tsv");
const WORKPLACE_TSV: &str = include_str!("../data/workplace_lexicon.tsv");

/// VADER's booster increment.
const BOOST: f32 = 0.293;
/// VADER's negation factor.
const NEGATE: f32 = -0.74;
/// VADER's normalisation constant.
const ALPHA: f32 = 15.0;

const BOOSTERS_UP: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerably",
    "constantly",
    "decidedly",
    "deeply",
    "enormously",
    "entirely",
    "especially",
    "exceptionally",
    "extremely",
    "fully",
    "greatly",
    "highly",
    "hugely",
    "incredibly",
    "intensely",
    "majorly",
    "particularly",
    "purely",
    "really",
    "remarkably",
    "seriously",
    "so",
    "substantially",
    "super",
    "thoroughly",
    "totally",
    "tremendously",
    "unbelievably",
    "unusually",
    "utterly",
    "very",
    "way",
];
const BOOSTERS_DOWN: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kinda",
    "less",
    "marginally",
    "occasionally",
    "partly",
    "scarcely",
    "slightly",
    "somewhat",
    "sorta",
];
const NEGATORS: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt",
    "havent", "isnt", "lack", "lacking", "lacks", "neither", "never", "no", "nobody", "none",
    "nor", "not", "nothing", "nowhere", "rarely", "seldom", "shouldnt", "wasnt", "werent",
    "without", "wont", "wouldnt", "zero",
];
const SARCASM_CUES: &[&str] = &[
    "as always",
    "cool cool",
    "just what i",
    "living the dream",
    "oh good",
    "oh great",
    "oh sure",
    "so proud of us",
    "thanks for nothing",
    "what a treat",
    "yeah right",
];
const CONTRAST: &[&str] = &["but", "however", "though", "although", "yet"];
/// "Great, another meeting": a praise word opening a sentence that goes on
/// to "another", "again", "more" or "instead" reads as sarcasm.
const SARCASTIC_OPENERS: &[&str] = &[
    "great",
    "wonderful",
    "fantastic",
    "brilliant",
    "perfect",
    "lovely",
    "awesome",
    "amazing",
    "wow",
    "oh",
    "cool",
    "nice",
    "super",
    "excellent",
    "love",
    "yay",
    "terrific",
    "splendid",
];
const SARCASTIC_FOLLOWERS: &[&str] = &["another", "again", "more", "instead"];

/// The parsed lexicons.
#[derive(Debug)]
pub(crate) struct Lexicon {
    words: HashMap<String, f32>,
    phrases: HashMap<String, f32>,
    longest_phrase: usize,
}

/// Lexicon reading of one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LexScore {
    /// VADER-style compound in [-1, 1].
    pub compound: f32,
    /// Sum of positive valences.
    pub positive: f32,
    /// Sum of negative valences (as a positive number).
    pub negative: f32,
    /// A sarcasm cue was present.
    pub sarcasm: bool,
    /// A politeness phrase was present.
    pub polite: bool,
    /// A negator was present.
    pub negated: bool,
}

fn parse_tsv(src: &str, into: &mut HashMap<String, f32>, phrases: &mut HashMap<String, f32>) {
    for line in src.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(key), Some(value)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(value) = value.trim().parse::<f32>() else {
            continue;
        };
        let key = key.trim().to_lowercase();
        if key.contains(' ') {
            phrases.insert(key, value);
        } else {
            into.insert(key, value);
        }
    }
}

impl Lexicon {
    /// The shared, parsed lexicon.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut words = HashMap::with_capacity(8000);
            let mut phrases = HashMap::new();
            let mut vader_phrases = HashMap::new();
            parse_tsv(VADER_TSV, &mut words, &mut vader_phrases);
            // Workplace entries override VADER's.
            parse_tsv(WORKPLACE_TSV, &mut words, &mut phrases);
            for (k, v) in vader_phrases {
                phrases.entry(k).or_insert(v);
            }
            let longest_phrase = phrases
                .keys()
                .map(|k| k.split(' ').count())
                .max()
                .unwrap_or(1);
            Lexicon {
                words,
                phrases,
                longest_phrase,
            }
        })
    }

    /// Valence of a single word, if it has one.
    pub(crate) fn word(&self, w: &str) -> Option<f32> {
        self.words.get(w).copied()
    }

    /// Scores the tokens of one sentence.
    pub(crate) fn score(&self, tokens: &[Token], sentence: &Sentence) -> LexScore {
        let toks = &tokens[sentence.start..sentence.end];
        let all_shouted = toks.iter().all(|t| t.shouted || t.kind != Kind::Word);
        let mut vals = vec![0f32; toks.len()];
        let mut out = LexScore::default();
        let mut key = String::new();
        let mut i = 0;
        while i < toks.len() {
            // Phrases first, longest match wins.
            let mut matched = 0;
            for len in (2..=self.longest_phrase.min(toks.len() - i)).rev() {
                key.clear();
                for (j, t) in toks[i..i + len].iter().enumerate() {
                    if j > 0 {
                        key.push(' ');
                    }
                    key.push_str(&t.norm);
                }
                if let Some(&v) = self.phrases.get(key.as_str()) {
                    vals[i] = v;
                    if v == 0.0 {
                        out.polite = true;
                    }
                    if SARCASM_CUES.contains(&key.as_str()) {
                        out.sarcasm = true;
                    }
                    matched = len;
                    break;
                }
            }
            if matched > 0 {
                i += matched;
                continue;
            }
            let t = &toks[i];
            if NEGATORS.contains(&t.norm.as_str()) {
                out.negated = true;
            }
            if t.kind != Kind::Word {
                i += 1;
                continue;
            }
            let Some(mut v) = self.word(&t.norm) else {
                i += 1;
                continue;
            };
            if v == 0.0 {
                i += 1;
                continue;
            }
            let sign = v.signum();
            if t.shouted && !all_shouted {
                v += sign * 0.733;
            }
            // Boosters and negators in the three preceding words.
            let mut negated = false;
            for (back, decay) in [(1usize, 1.0f32), (2, 0.95), (3, 0.9)] {
                if back > i {
                    break;
                }
                let prev = toks[i - back].norm.as_str();
                if BOOSTERS_UP.contains(&prev) {
                    v += sign * BOOST * decay;
                } else if BOOSTERS_DOWN.contains(&prev) {
                    v -= sign * BOOST * decay;
                }
                if NEGATORS.contains(&prev) {
                    negated = true;
                }
            }
            if negated {
                v *= NEGATE;
            }
            vals[i] = v;
            i += 1;
        }
        if toks
            .first()
            .is_some_and(|t| SARCASTIC_OPENERS.contains(&t.norm.as_str()))
            && toks[1..]
                .iter()
                .any(|t| SARCASTIC_FOLLOWERS.contains(&t.norm.as_str()))
        {
            out.sarcasm = true;
        }
        // "but" rule: what follows the contrast word weighs more.
        if let Some(pos) = toks
            .iter()
            .position(|t| CONTRAST.contains(&t.norm.as_str()))
        {
            for (j, v) in vals.iter_mut().enumerate() {
                if j < pos {
                    *v *= 0.5;
                } else if j > pos {
                    *v *= 1.5;
                }
            }
        }
        if out.sarcasm {
            for v in vals.iter_mut() {
                if *v > 0.0 {
                    *v *= -0.5;
                }
            }
        }
        let mut sum = 0f32;
        for &v in &vals {
            sum += v;
            if v > 0.0 {
                out.positive += v;
            } else {
                out.negative -= v;
            }
        }
        if sum != 0.0 {
            let ex = f32::from(sentence.exclamations.min(4)) * 0.292;
            let q = if sentence.questions > 1 {
                (f32::from(sentence.questions) * 0.18).min(0.96)
            } else {
                0.0
            };
            sum += sum.signum() * (ex + q);
        }
        out.compound = (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0);
        if !out.compound.is_finite() {
            out.compound = 0.0;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn compound(text: &str) -> f32 {
        let t = tokenize(text);
        let lex = Lexicon::get();
        let scores: Vec<f32> = t
            .sentences
            .iter()
            .map(|s| lex.score(&t.tokens, s).compound)
            .collect();
        scores.iter().sum::<f32>() / scores.len().max(1) as f32
    }

    #[test]
    fn lexicons_load() {
        let lex = Lexicon::get();
        assert!(lex.words.len() > 7000);
        assert!(lex.phrases.contains_key("too many"));
        assert_eq!(lex.word("good"), Some(1.9));
    }

    #[test]
    fn scope_rules_read_workplace_complaints_as_negative() {
        assert!(compound("Too many approvals, too much bureaucracy, zero trust.") < -0.3);
        assert!(compound("There is none.") < -0.3);
        assert!(compound("Nobody listens.") < 0.0);
        assert!(compound("This is not good") < 0.0);
        assert!(compound("This is good") > 0.3);
    }

    #[test]
    fn politeness_is_not_praise() {
        assert!(compound("Thanks for asking.").abs() < 0.05);
        assert!(compound("Oh great, another reorg. Love it.") < 0.3);
    }
}
